"""Reviewing: the spaced session, practice before an interview, stats, daily limits."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from nextround.core.access import get_owned_or_404, owned
from nextround.core.account_cache import kept_for_account
from nextround.questions import stats as review_stats
from nextround.questions.answering import write_answer
from nextround.questions.forms import AnswerForm, PracticeForm, ReviewPreferencesForm
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


def _later(request) -> list[int]:
    """The questions left for later in this session, from the address (``?later=3,8``)."""
    return [int(part) for part in request.GET.get("later", "").split(",") if part.isdigit()]


@login_required
def review_session(request):
    """One question at a time: read it, answer aloud, reveal, rate.

    A question with no answer yet asks for one first: there is nothing to
    remember until it is written, so the rating waits.
    """
    now = timezone.now()
    later = _later(request)
    allowance = daily_allowance(request.user, now)
    question = next_in_queue(request.user, now, allowance, later=later)
    answered = question is not None and question.has_answer
    here = reverse("questions:review") + (f"?later={','.join(map(str, later))}" if later else "")
    context = {
        "question": question,
        "answered": answered,
        "allowance": allowance,
        "buttons": _rating_buttons(question, now) if answered else [],
        "hints": STAR_HINTS,
        "answer_form": AnswerForm() if question and not answered else None,
        "here": here,
        "later_url": (
            reverse("questions:review") + f"?later={','.join(map(str, [*later, question.pk]))}"
            if question
            else ""
        ),
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
    if not question.has_answer:
        messages.error(request, "Write your answer first; then you can review it.")
        return redirect("questions:review")
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
    if request.htmx:
        # The next card in the same answer: one round trip, not a redirect and another.
        return review_session(request)
    return redirect("questions:review")


@login_required
def practice(request):
    """A run through chosen questions before an interview. Nothing is rated or rescheduled.

    With no choice made it is the whole bank, so the page never opens on
    nothing; a choice that leaves nothing says so and offers the whole bank.
    """
    form = PracticeForm(request.GET, user=request.user)
    questions = owned(Question, request.user).none()
    filtered = False
    if form.is_valid():
        data = form.cleaned_data
        filtered = any(data.values())
        questions = practice_questions(
            request.user,
            organisation=data["organisation"],
            role=data["role"],
            category=data["category"],
        )
    total = questions.count()
    try:
        position = max(0, int(request.GET.get("position", 0)))
    except ValueError:
        position = 0
    # One question at a time: the bank may be large, the page shows one.
    current = questions[position] if position < total else None
    query = request.GET.copy()
    query.pop("position", None)
    here = reverse("questions:practice") + f"?{query.urlencode()}&position={position}"
    context = {
        "form": form,
        "filtered": filtered,
        "total": total,
        "bank_size": owned(Question, request.user).count() if filtered and not total else total,
        "current": current,
        "position": position,
        "query": query.urlencode(),
        "hints": STAR_HINTS,
        "here": here,
        "answer_form": AnswerForm() if current and not current.has_answer else None,
    }
    return render(request, "questions/practice.html", context)


@login_required
@require_POST
def question_answer(request, question_id: int):
    """Write a question's answer from review or practice, then go back where the person was."""
    question = get_owned_or_404(Question, request.user, pk=question_id)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = question.get_absolute_url()
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            write_answer(question, form.cleaned_data["answer"])
        except ValidationError as error:
            for problem in error.message_dict.get("answer", error.messages):
                messages.error(request, f"Answer: {problem}")
        else:
            messages.success(request, "Answer saved. Now see how well it comes back to you.")
    else:
        for problem in form.errors.get("answer", []):
            messages.error(request, f"Answer: {problem}")
    return redirect(back)


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
