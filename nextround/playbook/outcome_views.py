"""Recording an outcome and editing an application's status on the web.

Both change the plan, so both go through ``nextround.playbook.outcomes``,
as the API does: an outcome status is an outcome, and an open status set
on an application with an outcome reopens it.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from nextround.core.access import get_owned_or_404
from nextround.core.forms import show_refusal
from nextround.jobs.forms import ApplicationForm, OutcomeForm
from nextround.jobs.models import Application
from nextround.jobs.timeline import application_timeline
from nextround.playbook.outcomes import record_outcome, set_status


@login_required
@require_POST
def application_outcome(request, application_id: int):
    """Record how the application ended; a refusal shows on its page, against the field."""
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
    context = {
        "application": application,
        "timeline": application_timeline(application),
        "interviews": application.interviews.prefetch_related("panel"),
        "chain": application.reapplication_chain(),
        "outcome_form": form,
    }
    return render(request, "jobs/application_detail.html", context, status=422)


@login_required
def application_edit(request, application_id: int):
    """Edit an application; its status goes through ``set_status`` (see the module)."""
    application = get_owned_or_404(Application, request.user, pk=application_id)
    status_before = application.status
    form = ApplicationForm(request.POST or None, instance=application, user=request.user)
    if request.method == "POST" and form.is_valid():
        # The status is not a plain column: it goes through the workflow,
        # which reopens the application (and retires its plan) if needed.
        application.status = status_before
        try:
            with transaction.atomic():
                form.save()
                set_status(application, form.cleaned_data["status"])
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect(application)
    return render(request, "jobs/application_form.html", {"form": form, "application": application})
