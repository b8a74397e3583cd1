"""First-run setup, sign-up, and the account's part of the Settings page (tokens, calendar)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from nextround.accounts.calendar import calendar_feed_url
from nextround.accounts.forms import SignupForm, TokenForm
from nextround.accounts.models import ApiToken
from nextround.accounts.profile import create_account
from nextround.accounts.setup import demo_account_exists, needs_first_account, signup_is_open
from nextround.core.forms import show_refusal


class LoginView(auth_views.LoginView):
    """Django's login page, with the self-hosted way back in for a forgotten password."""

    template_name = "accounts/login.html"

    def get_context_data(self, **kwargs):
        """Add how long too many wrong passwords pause the login, as configured."""
        context = super().get_context_data(**kwargs)
        context["lockout_minutes"] = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
        return context


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
        try:
            user = create_account(
                form.cleaned_data["username"], form.cleaned_data["password"], form.details()
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welcome, {user.signature}. This is your Today page.")
            return redirect("today")
    return render(request, template, {"form": form, **(extra or {})})


def settings_context(request) -> dict:
    """The Settings page's account part: API tokens and the calendar feed address."""
    user = request.user
    return {
        "token_form": TokenForm(),
        "tokens": user.api_tokens.all(),
        # Shown once on the next page, then gone: only its hash is kept.
        "new_token": request.session.pop("new_token", None),
        "calendar_url": calendar_feed_url(request, user),
    }


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
