"""The Today page: the home after login, one part from each area."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from nextround.feedback import today as feedback_today
from nextround.happybox import today as happybox_today
from nextround.home.first_run import first_run_context
from nextround.jobs import today as jobs_today
from nextround.playbook import today as playbook_today
from nextround.questions import today as questions_today
from nextround.vacancies import today as vacancies_today


@login_required
def today(request):
    """What needs doing today, in the order a job seeker looks at it."""
    now = timezone.now()
    context = {
        "today": timezone.localdate(),
        **jobs_today.today_context(request.user, now),
        **playbook_today.today_context(request),
        **questions_today.today_context(request.user, now),
        **feedback_today.today_context(request.user),
        **happybox_today.today_context(request.user),
        **vacancies_today.today_context(request.user),
        **first_run_context(request.user),
    }
    return render(request, "home/today.html", context)
