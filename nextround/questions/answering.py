"""Writing a question's answer down: what review and practice ask for before anything else."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from nextround.questions.models import Question

EMPTY_ANSWER = "Write a few words of your answer first."


def write_answer(question: Question, text: str) -> Question:
    """Keep ``text`` as the question's free answer: every door's one way to write it.

    The answer is held to the field's own rules (length, no NUL characters);
    an empty one is refused. A ``ValidationError`` names ``answer``. A new
    answer is a fresh start for the "rework this answer" flag.
    """
    text = text.strip() if isinstance(text, str) else ""
    if not text:
        raise ValidationError({"answer": EMPTY_ANSWER})
    question.answer = text
    others = [f.name for f in question._meta.concrete_fields if f.name != "answer"]
    question.clean_fields(exclude=others)
    question.needs_rework = False
    question.save(update_fields=["answer", "needs_rework", "updated_at"])
    return question
