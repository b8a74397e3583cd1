"""Proof of job search over JSON: the same report as the page, its PDF and its CSV."""

from __future__ import annotations

import datetime

from ninja import Query, Router, Schema

from nextround.api.fields import Date
from nextround.home.activity import activities, check_range, without

router = Router(tags=["activity"])


class ActivityOut(Schema):
    on: datetime.date
    activity: str
    organisation: str
    role: str
    detail: str
    key: str


class ActivityReportOut(Schema):
    signed_by: str
    start: datetime.date
    end: datetime.date
    activities: list[ActivityOut]


@router.get("/activity", response=ActivityReportOut)
def activity_report(
    request, start: Date, end: Date, leave_out: list[str] = Query(default_factory=list)
):
    """Job-search activity from ``start`` to ``end``, oldest first, signed with the real name.

    ``leave_out`` (repeatable) takes out lines by their ``key``, as the
    page's checkboxes do before a download.
    """
    check_range(start, end)
    rows = without(activities(request.auth, start, end), leave_out)
    return {
        "signed_by": request.auth.signature,
        "start": start,
        "end": end,
        "activities": [
            {
                "on": row.on,
                "activity": row.kind,
                "organisation": row.organisation,
                "role": row.role,
                "detail": row.detail,
                "key": row.key,
            }
            for row in rows
        ],
    }
