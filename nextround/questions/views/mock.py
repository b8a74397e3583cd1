"""A mock interview: questions one at a time against the clock, each rating a review."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse

from nextround.core.access import get_owned_or_404, owned
from nextround.questions.forms import MockInterviewForm
from nextround.questions.models import STAR_HINTS, Question, Rating
from nextround.questions.practice import mock_questions
from nextround.questions.scheduling import record_review


def _position(value) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


@login_required
def mock_interview(request):
    """Choose a set, then answer each question aloud; the 1 to 4 rating moves it on in review.

    The timer, reading aloud and recording are the page script's; without it
    the page still shows each question, its answer and the rating.
    """
    if request.method == "POST":
        question = get_owned_or_404(
            Question, request.user, pk=_position(request.POST.get("question"))
        )
        rating = request.POST.get("rating")
        query = QueryDict(request.POST.get("query", ""), mutable=True)
        position = _position(request.POST.get("position"))
        if rating in Rating.values:
            record_review(question, rating)
            position += 1
        query["position"] = str(position)
        return redirect(f"{reverse('questions:mock')}?{query.urlencode()}")
    form = MockInterviewForm(request.GET or None, user=request.user)
    chosen = form.is_bound and form.is_valid()
    questions: list[Question] = []
    minutes = 2
    if chosen:
        data = form.cleaned_data
        minutes = data["minutes"]
        questions = list(
            mock_questions(
                request.user,
                organisation=data["organisation"],
                role=data["role"],
                category=data["category"],
                only=data["only"],
            )
        )
    position = _position(request.GET.get("position"))
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
        "seconds": minutes * 60,
        "minutes": minutes,
        "hints": STAR_HINTS,
        "ratings": [
            {"value": rating.value, "label": rating.label, "key": index}
            for index, rating in enumerate(Rating, start=1)
        ],
        "bank_is_empty": not owned(Question, request.user).exists(),
    }
    return render(request, "questions/mock.html", context)
