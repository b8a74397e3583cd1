"""Skills by name, and tagging them as gaps on feedback and on who-got-the-job comparisons.

The web forms, the API and the demo all tag through these functions, so a
skill is named, found and checked the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from nextround.core.access import owned
from nextround.feedback.models import (
    Feedback,
    GapMention,
    Skill,
    SkillCategory,
    SuccessfulCandidate,
)
from nextround.feedback.vocabulary import term_named

MAX_NAME = Skill._meta.get_field("name").max_length


@dataclass(frozen=True)
class GapInput:
    """A gap as a person or a client names it: a skill's name and, optionally, its category."""

    skill: str
    category: str | None = None


def clean_skill_name(name: str | None, field: str = "skill") -> str:
    """The name with its spaces tidied; an empty or overlong name names ``field`` in the error."""
    tidy = " ".join((name or "").split())
    if not tidy:
        raise ValidationError({field: "Give the skill a name."})
    if len(tidy) > MAX_NAME:
        raise ValidationError({field: f"Keep the skill's name under {MAX_NAME} characters."})
    return tidy


def clean_category(category: str | None, field: str = "category") -> str | None:
    if category in (None, ""):
        return None
    if category not in SkillCategory.values:
        choices = ", ".join(SkillCategory.values)
        raise ValidationError({field: f"Unknown category {category!r}; use one of {choices}."})
    return category


def find_or_create_skill(user, name: str | None, category: str | None = None) -> Skill:
    """The user's skill with this name (any case), made if it is new.

    A new skill takes the given category, else the starter vocabulary's, else
    "skill". An existing skill keeps its category: renaming or recategorising
    is done on the skill itself, not by tagging.
    """
    name = clean_skill_name(name)
    category = clean_category(category)
    existing = owned(Skill, user).filter(name__iexact=name).first()
    if existing:
        return existing
    term = term_named(name)
    if category is None:
        category = term.category.value if term else SkillCategory.SKILL
    return Skill.objects.create(owner=user, name=term.name if term else name, category=category)


def parse_gaps(raw: Iterable[dict | GapInput], field: str = "gaps") -> list[GapInput]:
    """Check a list of ``{"skill": name, "category": …}`` before anything is saved."""
    gaps: list[GapInput] = []
    for index, item in enumerate(raw):
        if isinstance(item, GapInput):
            skill, category = item.skill, item.category
        else:
            skill, category = item.get("skill"), item.get("category")
        try:
            gaps.append(GapInput(clean_skill_name(skill), clean_category(category)))
        except ValidationError as error:
            inner = next(iter(error.message_dict))
            raise ValidationError(
                {f"{field}[{index}].{inner}": error.message_dict[inner]}
            ) from error
    return gaps


def _source_kwargs(source: Feedback | SuccessfulCandidate) -> dict:
    if isinstance(source, Feedback):
        return {"feedback": source}
    return {"successful_candidate": source}


def tag_gap(source: Feedback | SuccessfulCandidate, gap: GapInput) -> GapMention:
    """Mention one skill on a feedback or a comparison; tagging it twice changes nothing."""
    skill = find_or_create_skill(source.owner, gap.skill, gap.category)
    mention, _ = GapMention.objects.get_or_create(
        owner=source.owner, skill=skill, **_source_kwargs(source)
    )
    return mention


@transaction.atomic
def tag_gaps(source: Feedback | SuccessfulCandidate, gaps: Iterable[GapInput]) -> list[GapMention]:
    """Mention every given skill on the source, keeping the mentions it already has."""
    return [tag_gap(source, gap) for gap in gaps]


@transaction.atomic
def replace_gaps(source: Feedback | SuccessfulCandidate, gaps: Iterable[GapInput]) -> None:
    """Make the source's mentions exactly the given ones (the API's PATCH)."""
    kept = {mention.skill_id for mention in tag_gaps(source, gaps)}
    source.mentions.exclude(skill_id__in=kept).delete()


def gaps_of(source: Feedback | SuccessfulCandidate) -> list[dict]:
    """The source's mentions in the API's shape; uses a prefetch of ``mentions__skill`` if present."""
    return [
        {"skill": mention.skill.name, "category": mention.skill.category}
        for mention in sorted(source.mentions.all(), key=lambda m: m.skill.name.casefold())
    ]
