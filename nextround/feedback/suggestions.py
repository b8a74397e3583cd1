"""Suggest gap mentions from the words of a piece of feedback.

Suggestions are only ever offered: the user confirms each one before it is
tagged, so nothing is recorded on the strength of a word match alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from nextround.core.access import owned
from nextround.feedback.models import Skill, SkillCategory
from nextround.feedback.vocabulary import TERMS


@dataclass(frozen=True)
class Suggestion:
    """A skill the text seems to talk about, and the words that made us think so."""

    name: str
    category: str
    matched: str
    skill_id: int | None = None  # set when it is already one of the user's skills

    @property
    def category_label(self) -> str:
        return SkillCategory(self.category).label


def _pattern_for(phrase: str) -> re.Pattern:
    words = [re.escape(word) for word in re.split(r"[\s-]+", phrase.strip()) if word]
    body = r"[\s-]+".join(words)
    # Acronyms written in capitals only match in capitals ("CALM", not "calm").
    acronym = any(any(ch.isupper() for ch in word[1:]) for word in phrase.split())
    flags = 0 if acronym else re.I
    return re.compile(rf"(?<![\w]){body}(?![\w])", flags)


@cache
def _term_patterns() -> tuple[tuple[str, str, tuple[re.Pattern, ...]], ...]:
    return tuple(
        (
            term.name,
            term.category.value,
            tuple(_pattern_for(phrase) for phrase in term.all_phrases()),
        )
        for term in TERMS
    )


def _first_match(text: str, patterns) -> re.Match | None:
    found = [match for pattern in patterns if (match := pattern.search(text))]
    return min(found, key=lambda match: match.start()) if found else None


def suggest_mentions(text: str, user, exclude: set[str] | None = None) -> list[Suggestion]:
    """Skills the text seems to mention, in the order they appear in it.

    The user's own skills are matched by their names; the starter vocabulary
    by its phrases. A vocabulary term the user already has as a skill is
    offered as that skill. ``exclude`` holds names (any case) already tagged.
    """
    if not text or not text.strip():
        return []
    skipped = {name.casefold() for name in exclude or set()}
    own = {skill.name.casefold(): skill for skill in owned(Skill, user).only("name", "category")}
    found: dict[str, tuple[int, Suggestion]] = {}

    for skill in own.values():
        match = _first_match(text, (re.compile(rf"(?<![\w]){_body(skill.name)}(?![\w])", re.I),))
        if match:
            found[skill.name.casefold()] = (
                match.start(),
                Suggestion(skill.name, skill.category, match.group(0), skill.pk),
            )

    for name, category, patterns in _term_patterns():
        key = name.casefold()
        match = _first_match(text, patterns)
        if not match:
            continue
        existing = own.get(key)
        suggestion = Suggestion(
            existing.name if existing else name,
            existing.category if existing else category,
            match.group(0),
            existing.pk if existing else None,
        )
        if key not in found or match.start() < found[key][0]:
            found[key] = (match.start(), suggestion)

    ordered = sorted(found.items(), key=lambda item: (item[1][0], item[0]))
    return [suggestion for key, (_, suggestion) in ordered if key not in skipped]


def _body(name: str) -> str:
    return r"[\s-]+".join(re.escape(word) for word in re.split(r"[\s-]+", name.strip()) if word)


@dataclass(frozen=True)
class SkillOption:
    """One choice in the type-ahead: a skill of the user's, or a starter term."""

    name: str
    category: str
    own: bool

    @property
    def category_label(self) -> str:
        return SkillCategory(self.category).label

    @property
    def value(self) -> str:
        return f"{self.name}|{self.category}"


def skill_options(user, query: str, limit: int = 8) -> list[SkillOption]:
    """Skills whose names fit what has been typed: the user's own first, then starter terms.

    Words typed in any order narrow the list ("cons care" finds "Care and
    conservation of collections"); a small typo is forgiven by a fuzzy match
    when nothing fits exactly.
    """
    words = query.casefold().split()
    if not words:
        return []
    own = [
        SkillOption(skill.name, skill.category, True)
        for skill in owned(Skill, user).only("name", "category")
    ]
    taken = {option.name.casefold() for option in own}
    starter = [
        SkillOption(term.name, term.category.value, False)
        for term in TERMS
        if term.name.casefold() not in taken
    ]
    candidates = own + starter

    def fits(option: SkillOption) -> bool:
        haystack = option.name.casefold()
        return all(word in haystack for word in words)

    found = [option for option in candidates if fits(option)]
    if not found:
        typed = " ".join(words)
        scored = process.extract(
            typed,
            {index: option.name.casefold() for index, option in enumerate(candidates)},
            scorer=fuzz.partial_ratio,
            limit=limit,
            score_cutoff=80,
        )
        found = [candidates[index] for _, _, index in scored]
    found.sort(key=lambda option: (not option.own, not option.name.casefold().startswith(words[0])))
    return found[:limit]
