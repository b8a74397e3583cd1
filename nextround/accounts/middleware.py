"""Send the very first visitor to the setup page."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from nextround.accounts.setup import demo_account_exists, needs_first_account

INSTALLABLE_APP_PATHS = frozenset(
    ["/manifest.webmanifest", "/sw.js", "/offline/", "/capture/offline-copy/"]
)


class FirstRunMiddleware:
    """Until an account exists, every page leads to the first-run setup.

    The API, the calendar feed and static files are left alone: they answer
    401 or 404 on their own, which is what a client expects. The login page
    stays open too, and so does everything once someone is logged in: the
    demo account (which does not count as a first account) must be usable
    before anyone has set up their own.
    """

    # Shared by every instance, so that tests can reset it when they empty
    # the database under a long-lived server.
    has_account = False

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not FirstRunMiddleware.has_account:
            if not needs_first_account():
                # Once there is an account there always is one, so stop asking.
                FirstRunMiddleware.has_account = True
            elif not request.user.is_authenticated and not self.may_pass(request.path):
                return redirect("accounts:setup")
        return self.get_response(request)

    @staticmethod
    def may_pass(path: str) -> bool:
        static = "/" + settings.STATIC_URL.lstrip("/")
        if path.startswith((reverse("accounts:setup"), "/api/", "/calendar/", static)):
            return True
        # What an installed app needs before anyone logs in; none of it holds data.
        if path in INSTALLABLE_APP_PATHS:
            return True
        return path == reverse("accounts:login") and demo_account_exists()
