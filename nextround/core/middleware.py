"""A last guard between a malformed number and a server error page."""

from __future__ import annotations

from django.conf import settings
from django.db import DataError
from django.template.response import TemplateResponse


class OutOfRangeMiddleware:
    """Answer 400 when a request carries a value the database cannot hold.

    Forms and the API check ids and numbers themselves; this catches what
    slips through (an id of 2**70 in a multiple choice, which SQLite turns
    into OverflowError and PostgreSQL into DataError), so that bad input is
    never answered with a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OverflowError | DataError):
            return TemplateResponse(request, "400.html", status=400)
        return None


class PermissionsPolicyMiddleware:
    """Tell the browser which powerful features the site may use at all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
