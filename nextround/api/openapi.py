"""Every status an operation can answer, written into the OpenAPI document.

ninja documents only the statuses a view declares in ``response=``. The
refusals are the same for every operation of a kind, so they are added here
from the operation's shape rather than repeated on sixty decorators:

- 401 wherever authentication is asked for, and 429 for an address that
  keeps sending wrong tokens;
- 404 wherever the path names a record (another user's is 404 too), and on
  operations that declare it themselves (the random happy item);
- 422 wherever there is a body, a query or a path to refuse (an id that is
  not a number is refused by name, like any other field);
- 415 wherever the body must be JSON (sent as anything else);
- 413 and 415 wherever a file is uploaded (too large, not an accepted kind).
"""

from __future__ import annotations

ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "description": "`detail` is a message, or a list of `{loc, msg, type}` naming the "
    'field (`loc` like `["body", "payload", "title"]`, or `["body"]` for the '
    "whole body).",
    "properties": {"detail": {"title": "Detail"}},
    "required": ["detail"],
}

DESCRIPTIONS = {
    401: "Authentication required: no session, or a missing, unknown or revoked token.",
    404: "Not found, or not yours.",
    429: "Too many wrong tokens from this address: wait a minute.",
    413: "The file is too large.",
    415: "The body is not `application/json`, or the file is not an accepted kind.",
    422: "Invalid input: the body is not a JSON object, or a field is missing, "
    "of the wrong type or out of range; `detail` names it.",
}

METHODS = ("get", "put", "post", "patch", "delete")


def _statuses(operation: dict) -> list[int]:
    statuses = []
    parameters = operation.get("parameters", [])
    body = operation.get("requestBody", {}).get("content", {})
    if operation.get("security"):
        statuses += [401, 429]
    if any(parameter["in"] == "path" for parameter in parameters):
        statuses.append(404)
    if body or any(parameter["in"] in ("query", "path") for parameter in parameters):
        statuses.append(422)
    if "application/json" in body:
        statuses.append(415)
    if "multipart/form-data" in body:
        statuses += [413, 415]
    return statuses


def add_error_responses(schema: dict) -> dict:
    """Add the refusals each operation can answer with to ``schema`` (in place) and return it."""
    schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path in schema["paths"].values():
        for method, operation in path.items():
            if method not in METHODS:
                continue
            responses = operation.setdefault("responses", {})
            for status in _statuses(operation):
                responses.setdefault(
                    status, {"description": DESCRIPTIONS[status], "content": error}
                )
    return schema
