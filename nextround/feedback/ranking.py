"""Rank skill gaps across all feedback and all who-got-the-job comparisons.

A mention counts 1 on the day it was made and halves with every year since
(a half-life of a year), and a gap raised by several organisations weighs
more than one raised several times by the same one: the summed weight grows
by half for every further organisation. Mentions from a comparison the user
suspects was an inside appointment are listed but not counted, because what
that candidate "had" may say more about the appointment than about a gap.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import ngettext

from nextround.core.access import owned
from nextround.feedback.models import GapMention, Skill

HALF_LIFE_DAYS = 365
ORGANISATION_BONUS = 0.5

EXPLANATION = (
    "A gap comes higher the more often it was raised, the more organisations raised it, "
    "and the more recently."
)


@dataclass(frozen=True)
class GapSource:
    """Where a gap was raised: a piece of feedback, or a comparison with who got the job."""

    kind: str  # "feedback" or "successful_candidate"
    id: int
    url: str
    on: datetime.date
    application_id: int
    application_role: str
    organisation_id: int
    organisation_name: str
    counted: bool = True

    @property
    def label(self) -> str:
        return "Feedback" if self.kind == "feedback" else "Who got the job"


@dataclass
class RankedGap:
    """One skill with its score, its counted mentions and everywhere it was raised."""

    skill: Skill
    score: float = 0.0
    mentions: int = 0
    organisations: int = 0
    last_mentioned_on: datetime.date | None = None
    sources: list[GapSource] = field(default_factory=list)
    # Set where only some sources are loaded (see gaps_for).
    uncounted_mentions: int | None = None
    all_sources: int | None = None
    # Filled in by progress.attach_improvements where a page shows them.
    improvements: list = field(default_factory=list)
    done: int = 0
    next_step: object | None = None

    @property
    def uncounted(self) -> int:
        if self.uncounted_mentions is not None:
            return self.uncounted_mentions
        return sum(1 for source in self.sources if not source.counted)

    @property
    def in_words(self) -> str:
        """How often, by how many and how lately, as a person would say it."""
        if not self.mentions:
            return ""
        times = ngettext("Mentioned once", "Mentioned %(count)d times", self.mentions) % {
            "count": self.mentions
        }
        places = ngettext(
            "by %(count)d organisation", "by %(count)d organisations", self.organisations
        ) % {"count": self.organisations}
        lately = date_format(self.last_mentioned_on, "F Y") if self.last_mentioned_on else ""
        said = f"{times} {places}"
        return f"{said}, most recently in {lately}" if lately else said

    @property
    def sources_not_shown(self) -> int:
        """How many sources a page left out (see ``gaps_for``)."""
        return max(0, (self.all_sources or 0) - len(self.sources))


def mention_weight(on: datetime.date, today: datetime.date) -> float:
    """1 for a mention made today, 0.5 a year ago, 0.25 two years ago…"""
    age = max(0, (today - on).days)
    return 0.5 ** (age / HALF_LIFE_DAYS)


def gap_score(weights: list[float], organisations: int) -> float:
    """The summed weights, grown by half for every organisation beyond the first."""
    if not weights:
        return 0.0
    return sum(weights) * (1 + ORGANISATION_BONUS * max(0, organisations - 1))


def _source_of(mention: GapMention) -> GapSource:
    if mention.feedback_id:
        record = mention.feedback
        counted = True
    else:
        record = mention.successful_candidate
        counted = not record.inside_appointment
    application = record.application
    return GapSource(
        kind="feedback" if mention.feedback_id else "successful_candidate",
        id=record.pk,
        url=record.get_absolute_url(),
        on=record.mentioned_on,
        application_id=application.pk,
        application_role=application.role,
        organisation_id=application.organisation_id,
        organisation_name=application.organisation.name,
        counted=counted,
    )


def rank_gaps(user, today: datetime.date | None = None) -> list[RankedGap]:
    """The user's gaps, most important first, in one query whatever the number of mentions.

    Ties are broken by the number of mentions, then the most recent mention,
    then the skill's name, so the order never flickers between page loads.
    """
    today = today or timezone.localdate()
    mentions = owned(GapMention, user).select_related(
        "skill",
        "feedback__application__organisation",
        "successful_candidate__application__organisation",
    )
    gaps: dict[int, RankedGap] = {}
    weights: dict[int, list[float]] = {}
    organisations: dict[int, set[int]] = {}
    for mention in mentions:
        gap = gaps.setdefault(mention.skill_id, RankedGap(skill=mention.skill))
        source = _source_of(mention)
        gap.sources.append(source)
        if not source.counted:
            continue
        weights.setdefault(mention.skill_id, []).append(mention_weight(source.on, today))
        organisations.setdefault(mention.skill_id, set()).add(source.organisation_id)
        if gap.last_mentioned_on is None or source.on > gap.last_mentioned_on:
            gap.last_mentioned_on = source.on
    for skill_id, gap in gaps.items():
        gap.mentions = len(weights.get(skill_id, []))
        gap.organisations = len(organisations.get(skill_id, set()))
        gap.score = round(gap_score(weights.get(skill_id, []), gap.organisations), 2)
        gap.sources.sort(key=lambda source: (source.on, source.kind, source.id), reverse=True)
    return sorted(
        gaps.values(),
        key=lambda gap: (
            -gap.score,
            -gap.mentions,
            -(gap.last_mentioned_on or datetime.date.min).toordinal(),
            gap.skill.name.casefold(),
        ),
    )


@dataclass(frozen=True)
class SkillRank:
    """One skill's place in the ranking, without its sources: cheap to keep and to page."""

    skill_id: int
    name: str
    score: float
    mentions: int
    organisations: int
    last_mentioned_on: datetime.date | None
    uncounted: int
    sources: int


def rank_skills(user, today: datetime.date | None = None) -> list[SkillRank]:
    """Every gap ranked as ``rank_gaps`` ranks them, from plain values in one query.

    No record is loaded: pages that show a few gaps (Today, a page of the gap
    list) rank with this and load only the skills they show.
    """
    today = today or timezone.localdate()
    rows = owned(GapMention, user).values_list(
        "skill_id",
        "skill__name",
        "feedback_id",
        "feedback__received_on",
        "feedback__asked_on",
        "feedback__created_at",
        "feedback__application__organisation_id",
        "successful_candidate__found_on",
        "successful_candidate__created_at",
        "successful_candidate__inside_appointment",
        "successful_candidate__application__organisation_id",
    )
    names: dict[int, str] = {}
    sources: dict[int, int] = {}
    uncounted: dict[int, int] = {}
    weights: dict[int, list[float]] = {}
    organisations: dict[int, set[int]] = {}
    last_on: dict[int, datetime.date] = {}
    for (
        skill_id,
        name,
        feedback_id,
        received_on,
        asked_on,
        feedback_created_at,
        feedback_organisation_id,
        found_on,
        candidate_created_at,
        inside_appointment,
        candidate_organisation_id,
    ) in rows:
        names[skill_id] = name
        sources[skill_id] = sources.get(skill_id, 0) + 1
        if feedback_id:
            on = received_on or asked_on or timezone.localdate(feedback_created_at)
            organisation_id = feedback_organisation_id
        elif inside_appointment:
            uncounted[skill_id] = uncounted.get(skill_id, 0) + 1
            continue
        else:
            on = found_on or timezone.localdate(candidate_created_at)
            organisation_id = candidate_organisation_id
        weights.setdefault(skill_id, []).append(mention_weight(on, today))
        organisations.setdefault(skill_id, set()).add(organisation_id)
        last_on[skill_id] = max(on, last_on.get(skill_id, on))
    ranked = [
        SkillRank(
            skill_id=skill_id,
            name=name,
            score=round(
                gap_score(weights.get(skill_id, []), len(organisations.get(skill_id, ()))), 2
            ),
            mentions=len(weights.get(skill_id, [])),
            organisations=len(organisations.get(skill_id, ())),
            last_mentioned_on=last_on.get(skill_id),
            uncounted=uncounted.get(skill_id, 0),
            sources=sources[skill_id],
        )
        for skill_id, name in names.items()
    ]
    return sorted(
        ranked,
        key=lambda rank: (
            -rank.score,
            -rank.mentions,
            -(rank.last_mentioned_on or datetime.date.min).toordinal(),
            rank.name.casefold(),
        ),
    )


def gaps_for(user, ranks: list[SkillRank], sources_shown: int | None = None) -> list[RankedGap]:
    """The ranked gaps for ``ranks`` (a short list), with their latest sources.

    ``sources_shown`` keeps each gap's list of sources short on pages that
    list many gaps; the skill's own page shows every one.
    """
    skills = owned(Skill, user).in_bulk([rank.skill_id for rank in ranks])
    gaps = {
        rank.skill_id: RankedGap(
            skill=skills[rank.skill_id],
            score=rank.score,
            mentions=rank.mentions,
            organisations=rank.organisations,
            last_mentioned_on=rank.last_mentioned_on,
            uncounted_mentions=rank.uncounted,
            all_sources=rank.sources,
        )
        for rank in ranks
        if rank.skill_id in skills
    }
    if sources_shown:
        mentions = (
            owned(GapMention, user)
            .filter(skill_id__in=list(gaps))
            .select_related(
                "feedback__application__organisation",
                "successful_candidate__application__organisation",
            )
            .annotate(
                place=Window(RowNumber(), partition_by=[F("skill_id")], order_by=F("id").desc())
            )
            .filter(place__lte=sources_shown)
        )
        for mention in mentions:
            gaps[mention.skill_id].sources.append(_source_of(mention))
        for gap in gaps.values():
            gap.sources.sort(key=lambda source: (source.on, source.kind, source.id), reverse=True)
    return list(gaps.values())


def top_gaps(user, count: int, today: datetime.date | None = None) -> list[RankedGap]:
    """The ``count`` most important gaps, without their sources."""
    return gaps_for(user, rank_skills(user, today)[:count])
