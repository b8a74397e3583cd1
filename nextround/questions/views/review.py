"""Reviewing: the spaced session, practice before an interview, stats, daily limits."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from nextround.core.access import get_owned_or_404, owned
from nextround.core.account_cache import kept_for_account
from nextround.questions import stats as review_stats
from nextround.questions.forms import PracticeForm, ReviewPreferencesForm
from nextround.questions.models import STAR_HINTS, Question, Rating, ReviewPreferences
from nextround.questions.practice import practice_questions
from nextround.questions.scheduling import (
    daily_allowance,
    describe_interval,
    next_in_queue,
    next_intervals,
    record_review,
)


def _rating_buttons(question: Question, now) -> list[dict]:
    intervals = next_intervals(question, now)
    return [
        {
            "value": rating.value,
            "label": rating.label,
            "key": index,
            "interval": describe_interval(intervals[rating.value]),
        }
        for index, rating in enumerate(Rating, start=1)
    ]


@login_required
def review_session(request):
    """One question at a time: read it, answer aloud, reveal, rate."""
    now = timezone.now()
    question = next_in_queue(request.user, now)
    allowance = daily_allowance(request.user, now)
    context = {
        "question": question,
        "allowance": allowance,
        "buttons": _rating_buttons(question, now) if question else [],
        "hints": STAR_HINTS,
    }
    if question is None:
        upcoming = owned(Question, request.user).filter(due__gt=now).order_by("due").first()
        context["next_due"] = upcoming.due if upcoming else None
    return render(request, "questions/review.html", context)


@login_required
@require_POST
def review_rate(request, question_id: int):
    question = get_owned_or_404(Question, request.user, pk=question_id)
    rating = request.POST.get("rating")
    if rating not in Rating.values:
        messages.error(request, "Choose Again, Hard, Good or Easy.")
        return redirect("questions:review")
    review = record_review(question, rating)
    if review.question.needs_rework and rating == Rating.AGAIN:
        messages.warning(
            request,
            "This one keeps slipping away. It may be the answer, not you: "
            "it is flagged “rework this answer”.",
        )
    return redirect("questions:review")


@login_required
def practice(request):
    """A run through chosen questions before an interview. Nothing is rated or rescheduled."""
    form = PracticeForm(request.GET or None, user=request.user)
    questions = owned(Question, request.user).none()
    chosen = False
    if form.is_valid():
        data = form.cleaned_data
        chosen = any(data.values())
        questions = practice_questions(
            request.user,
            organisation=data["organisation"],
            role=data["role"],
            category=data["category"],
        ).prefetch_related("interviews__application__organisation")
    questions = list(questions) if chosen else []
    try:
        position = max(0, int(request.GET.get("position", 0)))
    except ValueError:
        position = 0
    current = questions[position] if position < len(questions) else None
    query = request.GET.copy()
    query.pop("position", None)
    context = {
        "form": form,
        "chosen": chosen,
        "questions": questions,
        "current": current,
        "position": position,
        "query": query.urlencode(),
        "hints": STAR_HINTS,
    }
    return render(request, "questions/practice.html", context)


@login_required
def stats(request):
    today = timezone.localdate()
    preferences = ReviewPreferences.for_user(request.user)
    month_ago = timezone.now() - datetime.timedelta(days=30)
    user = request.user

    def figures() -> dict:
        return {
            "heatmap": review_stats.heatmap_rows(review_stats.reviews_by_day(user, today)),
            "forecast": review_stats.calendar_rows(review_stats.forecast(user, today)),
            "retention_month": review_stats.true_retention(user, since=month_ago),
            "retention_all": review_stats.true_retention(user),
            "streak": review_stats.streak(user, today) if preferences.show_streak else None,
        }

    # A long review log takes a moment to count: kept until the account changes.
    name = f"review-stats:{today}:{preferences.show_streak}"
    context = {
        **kept_for_account(user, name, figures),
        "allowance": daily_allowance(request.user),
        "weekdays": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        "today": today,
    }
    return render(request, "questions/stats.html", context)


@login_required
@require_POST
def preferences(request):
    """Save the daily limits from the Settings page."""
    form = ReviewPreferencesForm(request.POST, instance=ReviewPreferences.for_user(request.user))
    if form.is_valid():
        form.save()
        messages.success(request, "Review settings saved.")
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else field
            messages.error(request, f"{label}: {' '.join(errors)}")
    return redirect(reverse("accounts:settings") + "#review-heading")
