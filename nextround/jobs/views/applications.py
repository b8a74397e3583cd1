"""Applications: the board, the list, and each application's story.

Editing one (its status) and recording its outcome change the plan: see
nextround/playbook/outcome_views.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect, render

from nextround.core.access import get_owned_or_404, owned
from nextround.core.pages import page_of
from nextround.core.views import delete_after_confirming
from nextround.jobs.forms import (
    STATUS_GROUP_CLOSED,
    STATUS_GROUP_OFFERS,
    ApplicationFilterForm,
    ApplicationForm,
)
from nextround.jobs.models import Application, Status

# Board columns: the open stages, then offers, then the ways an application ends.
# The key is the list's status filter that shows a whole column.
BOARD_COLUMNS = [
    ("Preparing", Status.PREPARING, [Status.PREPARING]),
    ("Applied", Status.APPLIED, [Status.APPLIED]),
    ("Interviewing", Status.INTERVIEWING, [Status.INTERVIEWING]),
    ("Offered", STATUS_GROUP_OFFERS, [Status.OFFERED, Status.ACCEPTED]),
    (
        "Closed",
        STATUS_GROUP_CLOSED,
        [Status.REJECTED, Status.NOT_INVITED, Status.WITHDRAWN, Status.NO_REPLY],
    ),
]

# Each column shows its newest cards; the list has the rest.
BOARD_COLUMN_CARDS = 20


@dataclass
class BoardColumn:
    title: str
    status_filter: str
    applications: list[Application]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.applications)


@login_required
def application_board(request):
    """The applications by stage: each column's count and its newest cards."""
    applications = owned(Application, request.user).select_related("organisation")
    counts = dict(applications.order_by().values_list("status").annotate(count=Count("id")))
    columns = [
        BoardColumn(
            title,
            status_filter,
            list(applications.filter(status__in=statuses)[:BOARD_COLUMN_CARDS]),
            sum(counts.get(status, 0) for status in statuses),
        )
        for title, status_filter, statuses in BOARD_COLUMNS
    ]
    return render(request, "jobs/application_board.html", {"columns": columns})


@login_required
def application_list(request):
    filters = ApplicationFilterForm(request.GET or None)
    applications = filters.apply(owned(Application, request.user).select_related("organisation"))
    return render(
        request,
        "jobs/application_list.html",
        {"applications": page_of(request, applications), "filters": filters},
    )


@login_required
def application_create(request):
    initial = {}
    if "organisation" in request.GET:
        initial["organisation"] = request.GET["organisation"]
    if "reapplies_to" in request.GET:
        initial["reapplies_to"] = request.GET["reapplies_to"]
    form = ApplicationForm(request.POST or None, initial=initial, user=request.user)
    form.instance.owner = request.user
    if request.method == "POST" and form.is_valid():
        application = form.save()
        messages.success(request, f"Added {application.role}.")
        return redirect(application)
    return render(request, "jobs/application_form.html", {"form": form})


@login_required
def application_delete(request, application_id: int):
    application = get_owned_or_404(Application, request.user, pk=application_id)
    return delete_after_confirming(
        request,
        application,
        then="jobs:applications",
        done=f"Deleted {application.role}.",
        consequence="Its interviews and everything recorded about it go too. "
        "This cannot be undone.",
    )
