"""The gap ranking on small, hand-made histories."""

import datetime

import pytest

from nextround.feedback.models import GapMention
from nextround.feedback.ranking import gap_score, mention_weight, rank_gaps, rank_skills, top_gaps
from tests.factories import ApplicationFactory, OrganisationFactory
from tests.feedback.factories import (
    FeedbackFactory,
    GapMentionFactory,
    SkillFactory,
    SuccessfulCandidateFactory,
)

TODAY = datetime.date(2026, 11, 26)


def mention(user, skill, organisation, on, *, winner=False, inside=False):
    application = ApplicationFactory(owner=user, organisation=organisation)
    if winner:
        source = SuccessfulCandidateFactory(
            owner=user,
            application=application,
            found_on=on,
            inside_appointment=inside,
            evidence="Internal candidate." if inside else "",
        )
        return GapMention.objects.create(owner=user, skill=skill, successful_candidate=source)
    source = FeedbackFactory(owner=user, application=application, received_on=on)
    return GapMention.objects.create(owner=user, skill=skill, feedback=source)


def names(user):
    return [gap.skill.name for gap in rank_gaps(user, today=TODAY)]


def test_a_mention_halves_in_weight_every_year():
    assert mention_weight(TODAY, TODAY) == 1
    assert mention_weight(TODAY - datetime.timedelta(days=365), TODAY) == pytest.approx(0.5)
    assert mention_weight(TODAY - datetime.timedelta(days=730), TODAY) == pytest.approx(0.25)
    # A date in the future (a typo) never weighs more than today.
    assert mention_weight(TODAY + datetime.timedelta(days=30), TODAY) == 1


def test_each_further_organisation_adds_half_again():
    assert gap_score([1, 1], organisations=1) == 2
    assert gap_score([1, 1], organisations=2) == 3
    assert gap_score([1, 1, 1], organisations=3) == 6
    assert gap_score([], organisations=0) == 0


def test_a_recent_mention_outranks_an_old_one(user):
    museum = OrganisationFactory(owner=user)
    mention(
        user,
        SkillFactory(owner=user, name="Old news"),
        museum,
        TODAY - datetime.timedelta(days=500),
    )
    mention(
        user, SkillFactory(owner=user, name="Fresh"), museum, TODAY - datetime.timedelta(days=10)
    )
    assert names(user) == ["Fresh", "Old news"]


def test_two_organisations_outrank_one_organisation_saying_it_twice(user):
    first, second = OrganisationFactory(owner=user), OrganisationFactory(owner=user)
    repeated = SkillFactory(owner=user, name="Said twice by one")
    spread = SkillFactory(owner=user, name="Said by two")
    mention(user, repeated, first, TODAY)
    mention(user, repeated, first, TODAY)
    mention(user, spread, first, TODAY)
    mention(user, spread, second, TODAY)
    gaps = rank_gaps(user, today=TODAY)
    assert [gap.skill.name for gap in gaps] == ["Said by two", "Said twice by one"]
    assert [gap.score for gap in gaps] == [3.0, 2.0]
    assert [gap.organisations for gap in gaps] == [2, 1]


def test_feedback_and_winner_comparisons_both_count(user):
    museum, gallery = OrganisationFactory(owner=user), OrganisationFactory(owner=user)
    skill = SkillFactory(owner=user, name="Spectrum")
    mention(user, skill, museum, TODAY)
    mention(user, skill, gallery, TODAY, winner=True)
    (gap,) = rank_gaps(user, today=TODAY)
    assert gap.mentions == 2
    assert {source.kind for source in gap.sources} == {"feedback", "successful_candidate"}


def test_ties_are_broken_by_mentions_then_recency_then_name(user):
    museum, archive = OrganisationFactory(owner=user), OrganisationFactory(owner=user)
    year_ago = TODAY - datetime.timedelta(days=365)
    # Same score (1.0): two half-weight mentions from one place beat one full-weight one.
    twice = SkillFactory(owner=user, name="Twice long ago")
    mention(user, twice, museum, year_ago)
    mention(user, twice, museum, year_ago)
    once = SkillFactory(owner=user, name="Once today")
    mention(user, once, archive, TODAY)
    # Same score and mentions: alphabetical, whatever order they were made in.
    mention(user, SkillFactory(owner=user, name="Zoology"), museum, TODAY)
    mention(user, SkillFactory(owner=user, name="Archaeology"), museum, TODAY)
    assert names(user) == ["Twice long ago", "Archaeology", "Once today", "Zoology"]


def test_a_possible_inside_appointment_is_listed_but_not_counted(user):
    museum = OrganisationFactory(owner=user)
    skill = SkillFactory(owner=user, name="Family learning")
    mention(user, skill, museum, TODAY, winner=True, inside=True)
    (gap,) = rank_gaps(user, today=TODAY)
    assert (gap.score, gap.mentions, gap.uncounted) == (0, 0, 1)


def test_skills_never_mentioned_are_not_gaps(user):
    SkillFactory(owner=user, name="Just a skill")
    assert rank_gaps(user, today=TODAY) == []


def test_only_the_users_own_mentions_count(user, other_user):
    mine = SkillFactory(owner=user, name="Mine")
    mention(user, mine, OrganisationFactory(owner=user), TODAY)
    theirs = SkillFactory(owner=other_user, name="Theirs")
    mention(other_user, theirs, OrganisationFactory(owner=other_user), TODAY)
    assert names(user) == ["Mine"]


def test_ranking_takes_one_query_however_many_mentions(user, django_assert_num_queries):
    museum = OrganisationFactory(owner=user)
    for n in range(20):
        mention(user, SkillFactory(owner=user, name=f"Skill {n}"), museum, TODAY)
    with django_assert_num_queries(1):
        rank_gaps(user, today=TODAY)


def test_the_light_ranking_puts_gaps_in_the_same_order_as_the_full_one(user):
    today = datetime.date(2026, 3, 4)
    skills = [
        SkillFactory(owner=user, name=name) for name in ("Cataloguing", "budgets", "Audiences")
    ]
    for n, skill in enumerate(skills):
        for k in range(n + 1):
            feedback = FeedbackFactory(
                owner=user, received_on=today - datetime.timedelta(days=200 * k + n)
            )
            GapMentionFactory(owner=user, skill=skill, feedback=feedback)
    inside = SuccessfulCandidateFactory(
        owner=user, inside_appointment=True, evidence="Already in the post as a locum."
    )
    GapMentionFactory(owner=user, skill=skills[0], feedback=None, successful_candidate=inside)
    full = rank_gaps(user, today)
    light = rank_skills(user, today)
    assert [gap.skill.pk for gap in full] == [rank.skill_id for rank in light]
    assert [(g.score, g.mentions, g.uncounted) for g in full] == [
        (r.score, r.mentions, r.uncounted) for r in light
    ]
    assert [gap.skill for gap in top_gaps(user, 2, today)] == [gap.skill for gap in full[:2]]
