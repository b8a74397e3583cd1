"""The whole account out as one JSON document, and back in."""

from __future__ import annotations

from typing import Any

from django.http import StreamingHttpResponse
from ninja import Field, Router, Status

from nextround.api.fields import Payload
from nextround.home.portability import export_json, import_user

router = Router(tags=["export"])


class ExportDocument(Payload):
    """A document from ``GET /export``: its shape is checked here, its records by the importer.

    Every part may be left out so that the importer, which reads the same
    document from files, says what is missing in its own words.
    """

    format: str | None = None
    version: int | None = None
    exported_at: str | None = None
    user: dict[str, Any] | None = None
    data: dict[str, list[dict[str, Any]]] | None = Field(
        None, description='{"jobs.application": [{"id": 1, …}, …], …}'
    )


@router.get("/export", response=dict)
def export(request):
    """Everything of yours: organisations, applications, interviews, the plan, the bank…"""
    # Streamed a record at a time, like the download in Settings: years of
    # history are never held in the server's memory whole.
    return StreamingHttpResponse(
        (piece.encode() for piece in export_json(request.auth)),
        content_type="application/json; charset=utf-8",
    )


@router.post("/import", response={201: dict})
def import_(request, document: ExportDocument):
    """Add an export's records to your account; all or nothing."""
    imported = import_user(request.auth, document.dict(exclude_unset=True))
    return Status(201, {"imported": imported})
