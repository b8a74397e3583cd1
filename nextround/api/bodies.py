"""How a request body is read: a JSON object sent as ``application/json``.

ninja parses the body before any schema sees it and turns every failure
into a bare 400 "Cannot parse request body". The parser here says what was
wrong instead, and ``refusal_response`` answers it in the API's error shape:

- a Content-Type other than JSON is 415, naming the content type;
- text that is not JSON, or JSON that is not an object (an array, a
  string, a number, null), is 422, naming the body.
"""

from __future__ import annotations

import json

from django.http import HttpRequest
from ninja.parser import Parser

from nextround.api.fields import NOT_AN_OBJECT

NOT_JSON = "The body is not valid JSON."
WRONG_CONTENT_TYPE = "Send the body as application/json."


class BodyRefused(Exception):
    """A body refused before its schema is checked, with the answer to give."""

    def __init__(self, status: int, loc: list[str], message: str):
        super().__init__(message)
        self.status = status
        self.detail = [{"loc": loc, "msg": message, "type": "value_error"}]


def is_json(content_type: str) -> bool:
    """``application/json``, or a JSON dialect such as ``application/merge-patch+json``."""
    return content_type == "application/json" or (
        content_type.startswith("application/") and content_type.endswith("+json")
    )


def _not_json(constant: str):
    # Python's json reads NaN and Infinity, which JSON does not have.
    raise ValueError(f"{constant} is not JSON.")


class JsonObjectParser(Parser):
    """ninja's parser, refusing anything but a JSON object sent as JSON."""

    def parse_body(self, request: HttpRequest) -> dict:
        """The body as a dict, or ``BodyRefused`` saying why not."""
        # A request that did not come over the wire (ninja re-reads form
        # fields through a bare HttpRequest) has no content type to check.
        if request.content_type is not None and not is_json(request.content_type):
            raise BodyRefused(415, ["header", "Content-Type"], WRONG_CONTENT_TYPE)
        try:
            document = json.loads(request.body, parse_constant=_not_json)
        except (ValueError, UnicodeDecodeError, RecursionError) as unreadable:
            # RecursionError: nesting deeper than the JSON reader can follow.
            raise BodyRefused(422, ["body"], NOT_JSON) from unreadable
        if not isinstance(document, dict):
            raise BodyRefused(422, ["body"], NOT_AN_OBJECT)
        return document
