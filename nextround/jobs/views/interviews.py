"""Interviews, with their panels."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render

from nextround.core.access import get_owned_or_404
from nextround.core.views import delete_after_confirming
from nextround.jobs.forms import InterviewForm
from nextround.jobs.models import Interview
from nextround.playbook.plan import interview_saved


@login_required
def interview_detail(request, interview_id: int):
    interview = get_owned_or_404(
        Interview.objects.select_related("application__organisation").prefetch_related("panel"),
        request.user,
        pk=interview_id,
    )
    return render(request, "jobs/interview_detail.html", {"interview": interview})


@login_required
def interview_create(request):
    initial = {"application": request.GET.get("application")}
    form = InterviewForm(request.POST or None, initial=initial, user=request.user)
    form.instance.owner = request.user
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            interview = form.save()
            interview.application.advance_to_interviewing()
            interview_saved(interview)
        messages.success(request, "Interview added. Good luck!")
        return redirect(interview)
    return render(request, "jobs/interview_form.html", {"form": form})


@login_required
def interview_edit(request, interview_id: int):
    interview = get_owned_or_404(Interview, request.user, pk=interview_id)
    form = InterviewForm(request.POST or None, instance=interview, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            interview_saved(form.save())
        messages.success(request, "Saved.")
        return redirect(interview)
    return render(request, "jobs/interview_form.html", {"form": form, "interview": interview})


@login_required
def interview_delete(request, interview_id: int):
    interview = get_owned_or_404(
        Interview.objects.select_related("application__organisation"), request.user, pk=interview_id
    )
    return delete_after_confirming(
        request, interview, then=interview.application, done="Interview deleted."
    )
