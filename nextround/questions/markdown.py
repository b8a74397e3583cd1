"""The question bank as one Markdown document, to read, print or keep elsewhere."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator

from django.utils import timezone

from nextround.questions.models import Category, Question, places_asked

MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>#|])")
# Schemes that run or embed something when a viewer makes them clickable;
# escaping their colon keeps the words and breaks the link.
UNSAFE_SCHEMES = re.compile(r"(?i)\b(javascript|vbscript|data|file)\s*:")


def _escape(text: str) -> str:
    """Keep user text literal: Markdown punctuation escaped, so nothing turns into a link or heading."""
    escaped = MARKDOWN_SPECIALS.sub(r"\\\1", text.strip())
    return UNSAFE_SCHEMES.sub(r"\1\\:", escaped)


def bank_markdown(user) -> str:
    """Every question, grouped by category, with its STAR answer, free answer and where it was asked."""
    return "".join(markdown_lines(user))


def markdown_lines(user) -> Iterator[str]:
    """The bank's Markdown a few lines at a time, so a large bank streams instead of piling up.

    One query per category, each read in chunks, and the places asked in one
    more: never a query that lists thousands of question ids.
    """
    yield "# My interview questions\n"
    yield f"\nExported from Next Round on {timezone.localdate():%d %B %Y}.\n"
    places = places_asked(user)
    bank = Question.objects.for_user(user)
    any_question = False
    for category in Category:
        questions = bank.filter(category=category.value).order_by("text", "id")
        heading = f"\n## {category.label}\n"
        for question in questions.iterator(chunk_size=2000):
            if heading:
                yield heading
                heading = ""
                any_question = True
            yield _question_markdown(question, places.get(question.pk, ()))
    if not any_question:
        yield "\nNo questions yet.\n"


def _question_markdown(question: Question, asked: Iterable[tuple[str, datetime.datetime]]) -> str:
    flags = [
        name
        for name, on in (
            ("tricky", question.tricky),
            ("unprepared", question.unprepared),
            ("rework this answer", question.needs_rework),
        )
        if on
    ]
    lines = ["", f"### {_escape(question.text)}"]
    if flags:
        lines += ["", f"*{', '.join(flags)}*"]
    for part, value in question.star.items():
        if value.strip():
            lines += ["", f"**{part.title()}:** {_escape(value)}"]
    if question.answer.strip():
        lines += ["", _escape(question.answer)]
    places = sorted({f"{name} ({starts_at:%b %Y})" for name, starts_at in asked})
    if places:
        lines += ["", f"Asked at: {_escape('; '.join(places))}"]
    if question.tag_list:
        lines += ["", f"Tags: {_escape(', '.join(question.tag_list))}"]
    if question.notes.strip():
        lines += ["", f"> {_escape(question.notes)}".replace("\n", "\n> ")]
    return "\n".join(lines) + "\n"
