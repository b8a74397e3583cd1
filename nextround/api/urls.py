"""The JSON API at /api/v1: one router per area, one place for errors."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import DataError
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from django.http.request import RawPostDataException
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError

from nextround.api import (
    accounts,
    activity,
    captures,
    expenses,
    feedback,
    happybox,
    jobs,
    network,
    playbook,
    portability,
    questions,
    search,
    vacancies,
)
from nextround.api.auth import API_AUTH
from nextround.api.bodies import WRONG_CONTENT_TYPE, BodyRefused, JsonObjectParser
from nextround.api.errors import validation_detail
from nextround.api.lists import link_next_part
from nextround.api.openapi import add_error_responses


class NextRoundAPI(NinjaAPI):
    """ninja's API, with every refusal an operation can answer in its OpenAPI document."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """ninja's document, plus the 401/404/413/415/422 answers of each operation."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return add_error_responses(schema)

    def create_response(self, request, data, *args, **kwargs):
        response = super().create_response(request, data, *args, **kwargs)
        link_next_part(request, response)
        return response


api = NextRoundAPI(
    title="Next Round API",
    version="1",
    description="Applications, interviews and the recovery plan after a no. "
    "Authenticate with `Authorization: Bearer <token>` (create one in Settings).",
    auth=API_AUTH,
    urls_namespace="api",
    # Swagger UI from ninja's bundled files (ninja is in INSTALLED_APPS), and
    # no call to the online validator: the docs page works offline.
    docs=Swagger(settings={"validatorUrl": None}),
    parser=JsonObjectParser(),
)


@api.exception_handler(HttpError)
def on_http_error(request, error: HttpError):
    # ninja reports any failure of the parser as a bare 400; a body the
    # parser refused says why, in the shape of the other refusals.
    if isinstance(error.__cause__, BodyRefused):
        refused = error.__cause__
        return api.create_response(request, {"detail": refused.detail}, status=refused.status)
    return api.create_response(request, {"detail": str(error)}, status=error.status_code)


@api.exception_handler(ValidationError)
def on_validation_error(request, error: ValidationError):
    return api.create_response(request, {"detail": validation_detail(error)}, status=422)


@api.exception_handler(RawPostDataException)
def on_form_body(request, error: RawPostDataException):
    # A form body sent with the browser's session: the CSRF check has read it
    # as form fields already, so it cannot be read as JSON; it is the same
    # refusal as any other body that is not JSON.
    refused = BodyRefused(415, ["header", "Content-Type"], WRONG_CONTENT_TYPE)
    return api.create_response(request, {"detail": refused.detail}, status=refused.status)


@api.exception_handler(MultiPartParserError)
def on_unreadable_upload(request, error: MultiPartParserError):
    # A multipart body that cannot be taken apart (no boundary, cut short):
    # the file field is what could not be read.
    detail = [
        {
            "loc": ["body", "file"],
            "msg": "The upload could not be read: send the file as multipart/form-data.",
            "type": "value_error",
        }
    ]
    return api.create_response(request, {"detail": detail}, status=422)


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
api.add_router("", activity.router)
api.add_router("", questions.router)
api.add_router("", captures.router)
api.add_router("", search.router)
