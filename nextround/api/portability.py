"""The whole account out as one JSON document, and back in."""

from __future__ import annotations

from ninja import Body, Router, Status

from nextround.home.portability import export_user, import_user

router = Router(tags=["export"])


@router.get("/export", response=dict)
def export(request):
    """Everything of yours: organisations, applications, interviews, the plan, the bank…"""
    return export_user(request.auth)


@router.post("/import", response={201: dict})
def import_(request, document: dict = Body(...)):
    """Add an export's records to your account; all or nothing."""
    return Status(201, {"imported": import_user(request.auth, document)})
