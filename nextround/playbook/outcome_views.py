"""Editing an application's status on the web.

It changes the plan, so it goes through ``nextround.playbook.outcomes``, as
the API does: an outcome status is an outcome, and an open status set on an
application with an outcome reopens it. The outcome form itself sits on the
application's page, in ``nextround.home.views.applications``; the quick
"I've heard back" form from Today is here.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render

from nextround.core.access import get_owned_or_404
from nextround.core.forms import show_refusal
from nextround.jobs.forms import ApplicationForm
from nextround.jobs.models import Application
from nextround.playbook.forms import HeardBackForm
from nextround.playbook.heard_back import heard_back
from nextround.playbook.outcomes import set_status


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


@login_required
def heard_back_page(request):
    """Tell the news in one form; after a no, land on the drafted feedback request."""
    form = HeardBackForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            news = heard_back(request.user, **form.workflow_arguments())
        except ValidationError as error:
            show_refusal(form, error)
        else:
            application = news.application
            recorded = f"Recorded: {application.get_outcome_display()}, {application}."
            step = news.feedback_request
            if step is not None:
                messages.success(
                    request,
                    f"{recorded} Your plan has its next steps. The first is asking for "
                    "feedback: the message is drafted here for you to change and send.",
                )
                return redirect(step)
            messages.success(request, f"{recorded} Your plan is below.")
            return redirect("today")
    status = 422 if form.is_bound else 200
    return render(request, "playbook/heard_back.html", {"form": form}, status=status)
