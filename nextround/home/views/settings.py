"""The Settings page: the account's details, then each area's own settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from nextround.accounts import views as accounts_views
from nextround.accounts.forms import AccountSettingsForm
from nextround.accounts.profile import update_profile
from nextround.core.forms import show_refusal
from nextround.playbook import forms as playbook_forms
from nextround.questions import today as questions_today
from nextround.reminders import views as reminders_views


@login_required
def settings_page(request):
    """Account details, API tokens, the calendar feed address, and each area's settings."""
    user = request.user
    account_form = AccountSettingsForm(request.POST or None, user=user)
    if request.method == "POST" and account_form.is_valid():
        try:
            update_profile(user, account_form.changes())
        except ValidationError as error:
            show_refusal(account_form, error)
        else:
            messages.success(request, "Settings saved.")
            return redirect("accounts:settings")
    context = {
        "account_form": account_form,
        **accounts_views.settings_context(request),
        **playbook_forms.settings_context(user),
        **questions_today.settings_context(user),
        **reminders_views.settings_context(user),
    }
    return render(request, "home/settings.html", context)
