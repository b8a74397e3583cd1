"""Password rules of our own, beside Django's validators."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import PasswordChangeView
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import ngettext

from nextround.accounts.models import revoke_all_tokens


class NotOnlySpacesValidator:
    """Refuse a password made only of spaces (or other blank characters).

    Django's length check counts spaces, so eight of them would pass it.
    """

    def validate(self, password: str, user=None) -> None:
        if not password.strip():
            raise ValidationError(
                "A password of only spaces is too easy to guess. Add some letters or numbers.",
                code="password_only_spaces",
            )

    def get_help_text(self) -> str:
        return "Your password can't be only spaces."


# Django's validators each add a sentence; one plain line says the same.
NEW_PASSWORD_HINT = (
    "At least 8 characters, not only digits, and not a common password or one close to "
    "your name or email."
)
REPEAT_PASSWORD_HINT = "The same password again, to be sure."


def explain_new_password(form, new: str, repeat: str) -> None:
    """Give a form's new-password fields one plain hint each instead of Django's list."""
    if new in form.fields:
        form.fields[new].help_text = NEW_PASSWORD_HINT
    if repeat in form.fields:
        form.fields[repeat].label = (
            "New password again" if new.startswith("new") else "Password again"
        )
        form.fields[repeat].help_text = REPEAT_PASSWORD_HINT


class ChangePasswordView(PasswordChangeView):
    """Django's password change, which also revokes the account's API tokens.

    Other sessions end on their own: Django ties each session to the
    password, and only this one is carried over to the new password.
    """

    template_name = "accounts/password.html"
    success_url = reverse_lazy("accounts:password_done")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["old_password"].label = "Current password"
        explain_new_password(form, "new_password1", "new_password2")
        return form

    def form_valid(self, form):
        response = super().form_valid(form)
        revoked = revoke_all_tokens(form.user)
        if revoked:
            messages.info(
                self.request,
                ngettext(
                    "Your API token was revoked, since it was made with the old password. "
                    "Make a new one in Settings if you need it.",
                    "Your %(count)d API tokens were revoked, since they were made with the old "
                    "password. Make new ones in Settings if you need them.",
                    revoked,
                )
                % {"count": revoked},
            )
        return response
