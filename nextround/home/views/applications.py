"""An application's own page: its details, interviews, and its whole story from every area."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from nextround.core.access import get_owned_or_404
from nextround.core.forms import show_refusal
from nextround.home.timeline import application_timeline
from nextround.jobs.forms import OutcomeForm
from nextround.jobs.models import Application
from nextround.playbook.outcomes import record_outcome


@login_required
def application_detail(request, application_id: int):
    """One application, with the timeline that every area contributes to."""
    application = get_owned_or_404(
        Application.objects.select_related("organisation", "reapplies_to__organisation"),
        request.user,
        pk=application_id,
    )
    return _application_page(request, application, OutcomeForm(application=application))


@login_required
@require_POST
def application_outcome(request, application_id: int):
    """Record how the application ended; a refusal shows on its page, against the field.

    Recording goes through ``nextround.playbook.outcomes``, like the API's.
    """
    application = get_owned_or_404(Application, request.user, pk=application_id)
    form = OutcomeForm(request.POST, application=application)
    if form.is_valid():
        try:
            record_outcome(
                application, form.cleaned_data["outcome"], form.cleaned_data["decided_on"]
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, f"Recorded: {application.get_outcome_display()}.")
            return redirect(application)
    return _application_page(request, application, form, status=422)


def _application_page(request, application: Application, outcome_form, status: int = 200):
    context = {
        "application": application,
        "timeline": application_timeline(application),
        "interviews": application.interviews.prefetch_related("panel"),
        "chain": application.reapplication_chain(),
        "outcome_form": outcome_form,
    }
    return render(request, "jobs/application_detail.html", context, status=status)
