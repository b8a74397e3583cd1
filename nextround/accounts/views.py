"""First-run setup, sign-up, and the Settings page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from nextround.accounts.forms import AccountSettingsForm, SignupForm, TokenForm
from nextround.accounts.models import ApiToken
from nextround.accounts.setup import demo_account_exists, needs_first_account, signup_is_open
from nextround.api.accounts import calendar_url
from nextround.playbook.forms import PlaybookSettingsForm
from nextround.questions.today import review_preferences_form


def setup(request):
    """The first visitor creates the first account; afterwards this page is gone."""
    if not needs_first_account():
        return redirect("accounts:login")
    return _signup(
        request, template="accounts/setup.html", extra={"demo_exists": demo_account_exists()}
    )


def signup(request):
    """Open sign-up, when the host has turned it on."""
    if not signup_is_open():
        raise Http404("Sign-up is closed")
    return _signup(request, template="accounts/signup.html")


def _signup(request, template: str, extra: dict | None = None):
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.username}. This is your Today page.")
        return redirect("today")
    return render(request, template, {"form": form, **(extra or {})})


@login_required
def settings_page(request):
    """Account details, API tokens, and the calendar feed address."""
    user = request.user
    account_form = AccountSettingsForm(instance=user)
    if request.method == "POST":
        account_form = AccountSettingsForm(request.POST, instance=user)
        if account_form.is_valid():
            account_form.save()
            messages.success(request, "Settings saved.")
            return redirect("accounts:settings")
    context = {
        "account_form": account_form,
        "token_form": TokenForm(),
        "tokens": user.api_tokens.all(),
        "new_token": request.session.pop("new_token", None),
        "calendar_url": calendar_url(request, user),
        "playbook_form": PlaybookSettingsForm(user=user),
        "review_preferences_form": review_preferences_form(user),
    }
    return render(request, "accounts/settings.html", context)


@login_required
@require_POST
def create_token(request):
    form = TokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the token a name of up to 100 characters.")
        return redirect("accounts:settings")
    _, raw = ApiToken.issue(request.user, form.cleaned_data["name"])
    # Shown once on the next page, then gone: only its hash is kept.
    request.session["new_token"] = raw
    return redirect("accounts:settings")


@login_required
@require_POST
def revoke_token(request, token_id: int):
    try:
        token = request.user.api_tokens.get(pk=token_id)
    except ApiToken.DoesNotExist as missing:
        raise Http404("No such token") from missing
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        messages.success(
            request, f"Token “{token.name}” revoked. Anything using it is now refused."
        )
    return redirect("accounts:settings")


@login_required
@require_POST
def regenerate_calendar(request):
    request.user.regenerate_calendar_secret()
    messages.success(request, "Your calendar feed has a new address. The old one no longer works.")
    return redirect("accounts:settings")
