"""Questions to ask the panel: every door keeps one the same way."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from nextround.core.access import all_owned
from nextround.jobs.models import Interview
from nextround.questions.models import QuestionToAsk

FIELDS = ("text", "notes")
INTERVIEWS_MESSAGE = "Every interview must be one of yours."


def interviews_of(owner, interviews: Iterable) -> list[Interview]:
    """The owner's interviews among ``interviews`` (records or ids); any other is refused."""
    return all_owned(Interview, owner, interviews, field="interviews", message=INTERVIEWS_MESSAGE)


@transaction.atomic
def save_question_to_ask(owner, question: QuestionToAsk | None, values: dict) -> QuestionToAsk:
    """Keep a new question to ask (``question`` None) or change one.

    ``values`` holds the model's names; only the keys present change, so a
    partial update sends just those. ``interviews`` (records or ids)
    replaces the interviews it is attached to. Raises
    ``ValidationError({field: message})`` and saves nothing on refusal.
    """
    if question is None:
        question = QuestionToAsk(owner=owner)
    for name in FIELDS:
        if name in values:
            setattr(question, name, values[name])
    interviews = (
        interviews_of(owner, values["interviews"]) if values.get("interviews") is not None else None
    )
    question.full_clean()
    question.save()
    if interviews is not None:
        question.interviews.set(interviews)
    return question
