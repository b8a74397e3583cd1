"""Interviews, with their panels.

Adding and editing one changes the plan: see nextround/network/views/interviews.py (the panel is made of contacts).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from nextround.core.access import get_owned_or_404
from nextround.core.views import delete_after_confirming
from nextround.jobs.models import Interview


@login_required
def interview_detail(request, interview_id: int):
    interview = get_owned_or_404(
        Interview.objects.select_related("application__organisation").prefetch_related("panel"),
        request.user,
        pk=interview_id,
    )
    return render(request, "jobs/interview_detail.html", {"interview": interview})


@login_required
def interview_delete(request, interview_id: int):
    interview = get_owned_or_404(
        Interview.objects.select_related("application__organisation"), request.user, pk=interview_id
    )
    return delete_after_confirming(
        request, interview, then=interview.application, done="Interview deleted."
    )
