"""The JSON API at /api/v1: one router per area, one place for errors."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import DataError
from django.http import Http404
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError

from nextround.api import (
    accounts,
    expenses,
    feedback,
    happybox,
    jobs,
    network,
    playbook,
    portability,
    questions,
    vacancies,
)
from nextround.api.auth import API_AUTH
from nextround.api.errors import validation_detail

api = NinjaAPI(
    title="Next Round API",
    version="1",
    description="Applications, interviews and the recovery plan after a no. "
    "Authenticate with `Authorization: Bearer <token>` (create one in Settings).",
    auth=API_AUTH,
    urls_namespace="api",
    # Swagger UI from ninja's bundled files (ninja is in INSTALLED_APPS), and
    # no call to the online validator: the docs page works offline.
    docs=Swagger(settings={"validatorUrl": None}),
)


@api.exception_handler(ValidationError)
def on_validation_error(request, error: ValidationError):
    return api.create_response(request, {"detail": validation_detail(error)}, status=422)


@api.exception_handler(OverflowError)
@api.exception_handler(DataError)
def on_out_of_range(request, error: Exception):
    # Schemas bound ids and numbers; this is the guard for anything they miss.
    return api.create_response(
        request, {"detail": [{"loc": ["body"], "msg": "A value is out of range."}]}, status=422
    )


@api.exception_handler(Http404)
def on_not_found(request, error: Http404):
    return api.create_response(request, {"detail": "Not found"}, status=404)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request, error: AuthenticationError):
    return api.create_response(request, {"detail": "Authentication required"}, status=401)


api.add_router("", accounts.router)
# Before jobs: its /applications/{application_id} would take /applications/from-url.
api.add_router("", vacancies.router)
api.add_router("", jobs.router)
api.add_router("", network.router)
api.add_router("", feedback.router)
api.add_router("", portability.router)
api.add_router("", happybox.router)
api.add_router("", expenses.router)
api.add_router("", playbook.router)
api.add_router("", questions.router)
