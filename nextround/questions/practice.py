"""Practice before an interview: a run through chosen questions that leaves the schedule alone."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from nextround.questions.models import Question


def practice_questions(user, *, organisation=None, role: str = "", category: str = "") -> QuerySet:
    """The user's questions asked by ``organisation``, for roles like ``role``, in ``category``.

    Every filter given narrows the set; with none, it is the whole bank.
    Nothing here writes: practising never moves a question's next review.
    """
    questions = Question.objects.for_user(user)
    if organisation is not None:
        questions = questions.filter(interviews__application__organisation=organisation)
    if role.strip():
        questions = questions.filter(interviews__application__role__icontains=role.strip())
    if category:
        questions = questions.filter(category=category)
    return questions.distinct().order_by("-tricky", "text", "id")


def mock_questions(
    user,
    *,
    organisation=None,
    role: str = "",
    category: str = "",
    only: str = "",
    now=None,
) -> QuerySet:
    """The questions of a mock interview: a practice set, narrowed to tricky or due ones."""
    questions = practice_questions(user, organisation=organisation, role=role, category=category)
    if only == "tricky":
        questions = questions.filter(tricky=True)
    elif only == "due":
        questions = questions.filter(due__lte=now or timezone.now())
    return questions
