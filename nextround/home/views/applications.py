"""An application's own page: its details, interviews, and its whole story from every area."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from nextround.core.access import get_owned_or_404
from nextround.home.timeline import application_timeline
from nextround.jobs.forms import OutcomeForm
from nextround.jobs.models import Application


@login_required
def application_detail(request, application_id: int):
    """One application, with the timeline that every area contributes to."""
    application = get_owned_or_404(
        Application.objects.select_related("organisation", "reapplies_to__organisation"),
        request.user,
        pk=application_id,
    )
    interviews = application.interviews.prefetch_related("panel")
    context = {
        "application": application,
        "timeline": application_timeline(application),
        "interviews": interviews,
        "chain": application.reapplication_chain(),
        "outcome_form": OutcomeForm(application=application),
    }
    return render(request, "jobs/application_detail.html", context)
