"""The interview pack: a printable A4 PDF of what to take into an upcoming interview."""

from __future__ import annotations

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from nextround.questions.models import Question, QuestionToAsk

# Enough for a pack someone will actually read the night before.
PACK_SIZE = 12


def likely_questions(interview, limit: int = PACK_SIZE) -> list[tuple[Question, str]]:
    """The questions most likely to come, each with why it is in the pack.

    First those asked before by this organisation, then those asked by others
    of its kind (museums, archives…), then the tricky and unprepared ones.
    """
    organisation = interview.application.organisation
    bank = Question.objects.for_user(interview.owner)
    tiers = (
        (
            bank.filter(interviews__application__organisation=organisation),
            f"Asked before by {organisation.name}",
        ),
        (
            bank.filter(interviews__application__organisation__kind=organisation.kind).exclude(
                interviews__application__organisation=organisation
            ),
            f"Asked at another {organisation.get_kind_display().lower()}",
        ),
        (bank.filter(Q(tricky=True) | Q(unprepared=True)), "Tricky or unprepared"),
    )
    chosen: list[tuple[Question, str]] = []
    seen: set[int] = set()
    for queryset, reason in tiers:
        # Only as many as the pack still has room for: a bank of thousands is never read whole.
        wanted = queryset.exclude(pk__in=seen).distinct().order_by("-tricky", "text", "id")
        for question in wanted[: limit - len(chosen)]:
            seen.add(question.pk)
            chosen.append((question, reason))
            if len(chosen) >= limit:
                return chosen
    return chosen


def pack_context(interview) -> dict:
    """Everything the pack shows, fetched once."""
    application = interview.application
    return {
        "interview": interview,
        "application": application,
        "organisation": application.organisation,
        "panel": list(interview.panel.all()),
        "likely": likely_questions(interview),
        "to_ask": list(QuestionToAsk.objects.for_user(interview.owner).filter(interviews=interview))
        or list(QuestionToAsk.objects.for_user(interview.owner)[:8]),
        "made_on": timezone.localdate(),
        "note_lines": range(22),
    }


def render_pack_pdf(interview) -> bytes:
    """The pack as PDF bytes.

    Everything in it comes from the user's own text, escaped by the template;
    the fetcher still refuses every URL but ``data:``, so nothing in a note can
    make the server read a file or call out to the network.
    """
    html = render_to_string("questions/pack.html", pack_context(interview))
    return HTML(string=html, base_url=None, url_fetcher=data_only_fetcher()).write_pdf()


def data_only_fetcher() -> URLFetcher:
    """A WeasyPrint fetcher that refuses every scheme but ``data:``."""
    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=2)


def pack_filename(interview) -> str:
    """A file name that says what and when: ``pack-riverside-museum-2026-12-01.pdf``."""
    day = timezone.localtime(interview.starts_at).date().isoformat()
    name = slugify(interview.application.organisation.name)[:40] or "interview"
    return f"pack-{name}-{day}.pdf"
