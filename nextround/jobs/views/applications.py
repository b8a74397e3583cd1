"""Applications: the board, the list, and each application's story.

Editing one (its status) and recording its outcome change the plan: see
nextround/playbook/outcome_views.py.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from nextround.core.access import get_owned_or_404, owned
from nextround.core.views import delete_after_confirming
from nextround.jobs.forms import ApplicationFilterForm, ApplicationForm
from nextround.jobs.models import Application, Status

# Board columns: the open stages, then offers, then the ways an application ends.
BOARD_COLUMNS = [
    ("Preparing", [Status.PREPARING]),
    ("Applied", [Status.APPLIED]),
    ("Interviewing", [Status.INTERVIEWING]),
    ("Offered", [Status.OFFERED, Status.ACCEPTED]),
    ("Closed", [Status.REJECTED, Status.NOT_INVITED, Status.WITHDRAWN, Status.NO_REPLY]),
]


@login_required
def application_board(request):
    applications = owned(Application, request.user).select_related("organisation")
    by_status: dict[str, list[Application]] = {}
    for application in applications:
        by_status.setdefault(application.status, []).append(application)
    columns = [
        (title, [a for status in statuses for a in by_status.get(status, [])])
        for title, statuses in BOARD_COLUMNS
    ]
    return render(request, "jobs/application_board.html", {"columns": columns})


@login_required
def application_list(request):
    filters = ApplicationFilterForm(request.GET or None)
    applications = filters.apply(owned(Application, request.user).select_related("organisation"))
    return render(
        request, "jobs/application_list.html", {"applications": applications, "filters": filters}
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
