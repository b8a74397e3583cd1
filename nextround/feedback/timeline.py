"""Feedback and who got the job, as moments in an application's story."""

from __future__ import annotations

from django.urls import reverse

from nextround.jobs.timeline import TimelineEntry


def timeline_entries(application) -> list[TimelineEntry]:
    """Asked for, chased and received feedback, and the successful candidate when found."""
    entries: list[TimelineEntry] = []
    for feedback in application.feedback.select_related("given_by"):
        url = feedback.get_absolute_url()
        if feedback.asked_on:
            entries.append(
                TimelineEntry(
                    on=feedback.asked_on, kind="feedback", title="Asked for feedback", url=url
                )
            )
        if feedback.chased_on:
            entries.append(
                TimelineEntry(
                    on=feedback.chased_on, kind="feedback", title="Chased the feedback", url=url
                )
            )
        if feedback.received_on:
            giver = f" from {feedback.given_by.name}" if feedback.given_by else ""
            entries.append(
                TimelineEntry(
                    on=feedback.received_on,
                    kind="feedback",
                    title=f"Feedback received{giver}",
                    detail=_short(feedback.text),
                    url=url,
                )
            )
    for candidate in application.successful_candidates.all():
        entries.append(
            TimelineEntry(
                on=candidate.mentioned_on,
                kind="winner",
                title="Found out who got the job",
                detail="Noted as a possible inside appointment"
                if candidate.inside_appointment
                else "",
                url=reverse("feedback:winner", args=[candidate.pk]),
            )
        )
    return entries


def _short(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
