"""Editing an application's status on the web.

It changes the plan, so it goes through ``nextround.playbook.outcomes``, as
the API does: an outcome status is an outcome, and an open status set on an
application with an outcome reopens it. The outcome form itself sits on the
application's page, in ``nextround.home.views.applications``.
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
