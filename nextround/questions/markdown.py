"""The question bank as one Markdown document, to read, print or keep elsewhere."""

from __future__ import annotations

import re

from django.utils import timezone

from nextround.questions.models import Category, Question

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
    questions = Question.objects.for_user(user).prefetch_related(
        "interviews__application__organisation"
    )
    by_category: dict[str, list[Question]] = {}
    for question in questions:
        by_category.setdefault(question.category, []).append(question)
    lines = [
        "# My interview questions",
        "",
        f"Exported from Next Round on {timezone.localdate():%d %B %Y}.",
    ]
    for category in Category:
        group = by_category.get(category.value)
        if not group:
            continue
        lines += ["", f"## {category.label}"]
        for question in group:
            flags = [
                name
                for name, on in (
                    ("tricky", question.tricky),
                    ("unprepared", question.unprepared),
                    ("rework this answer", question.needs_rework),
                )
                if on
            ]
            lines += ["", f"### {_escape(question.text)}"]
            if flags:
                lines += ["", f"*{', '.join(flags)}*"]
            for part, value in question.star.items():
                if value.strip():
                    lines += ["", f"**{part.title()}:** {_escape(value)}"]
            if question.answer.strip():
                lines += ["", _escape(question.answer)]
            places = sorted(
                {
                    f"{i.application.organisation.name} ({i.starts_at:%b %Y})"
                    for i in question.interviews.all()
                }
            )
            if places:
                lines += ["", f"Asked at: {_escape('; '.join(places))}"]
            if question.tag_list:
                lines += ["", f"Tags: {_escape(', '.join(question.tag_list))}"]
            if question.notes.strip():
                lines += ["", f"> {_escape(question.notes)}".replace("\n", "\n> ")]
    if not by_category:
        lines += ["", "No questions yet."]
    return "\n".join(lines) + "\n"
