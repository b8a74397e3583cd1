"""The Today page: the home after login."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from nextround.core.access import owned
from nextround.feedback.today import today_context as feedback_today
from nextround.happybox.box import today_offer
from nextround.jobs.models import Interview
from nextround.playbook.views import plan_for_today
from nextround.questions.today import review_summary


@login_required
def today(request):
    now = timezone.now()
    interviews = owned(Interview, request.user).select_related("application__organisation")
    context = {
        "today": timezone.localdate(),
        "upcoming": interviews.upcoming(now)[:10],
        "awaiting": interviews.awaiting_decision().order_by("decision_promised_by", "starts_at"),
        **plan_for_today(request),
        "review_summary": review_summary(request.user, now),
    }
    context.update(feedback_today(request.user))
    context.update(today_offer(request.user))
    return render(request, "jobs/today.html", context)
