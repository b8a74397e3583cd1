"""Gap suggestions from real-looking (made-up) feedback, and the type-ahead's choices."""

from nextround.feedback.suggestions import skill_options, suggest_mentions
from tests.feedback.factories import SkillFactory

MUSEUM_FEEDBACK = """Thank you for attending the interview for the Collections Assistant post.
The panel enjoyed meeting you. The successful candidate had more experience of Spectrum
documentation and of working with a collections management system (they had used Axiell).
Your object handling in the practical task was careful. In the interview, some answers could
have used more specific examples, and the presentation ran over time."""

ARCHIVE_FEEDBACK = """Dear Sam, you interviewed well. We appointed someone with a recognised archives
qualification and experience of digital preservation. It would help to build your
palaeography; several of our collections are in a sixteenth-century secretary hand."""

GALLERY_FEEDBACK = """It was close. You were calm and confident, and your ideas for the schools
programme were lovely. The other candidate had a PGCE and had run family learning for years."""


def suggested(text, user):
    return [s.name for s in suggest_mentions(text, user)]


def test_it_finds_the_gaps_a_museum_panel_named(user):
    names = suggested(MUSEUM_FEEDBACK, user)
    for expected in (
        "Documentation and cataloguing (Spectrum)",
        "Collections databases",
        "Object handling",
        "Using specific examples (STAR)",
        "Presentation task",
    ):
        assert expected in names
    # In the order the feedback raised them.
    assert names.index("Documentation and cataloguing (Spectrum)") < names.index("Object handling")


def test_it_finds_qualifications_and_subject_knowledge_in_archive_feedback(user):
    names = suggested(ARCHIVE_FEEDBACK, user)
    assert "Archives and records management qualification" in names
    assert "Digital preservation" in names
    assert "Palaeography and languages" in names


def test_acronyms_only_match_in_capitals(user):
    names = suggested(GALLERY_FEEDBACK, user)
    # "calm" is a word here, not the CALM archive software.
    assert "Collections databases" not in names
    assert "Teaching or education qualification" in names
    assert "Learning and engagement" in names


def test_the_users_own_skills_are_suggested_by_name(user):
    SkillFactory(owner=user, name="Sixteenth-century secretary hand", category="subject_knowledge")
    found = suggest_mentions(ARCHIVE_FEEDBACK, user)
    own = [s for s in found if s.name == "Sixteenth-century secretary hand"]
    assert own and own[0].skill_id is not None


def test_a_starter_term_the_user_already_has_is_offered_as_theirs(user):
    skill = SkillFactory(owner=user, name="Object handling", category="skill")
    (handling,) = [
        s for s in suggest_mentions(MUSEUM_FEEDBACK, user) if s.name == "Object handling"
    ]
    assert (handling.skill_id, handling.category) == (skill.pk, "skill")


def test_already_tagged_gaps_are_not_suggested_again(user):
    names = [s.name for s in suggest_mentions(MUSEUM_FEEDBACK, user, exclude={"object handling"})]
    assert "Object handling" not in names


def test_empty_or_unrelated_text_suggests_nothing(user):
    assert suggest_mentions("", user) == []
    assert suggest_mentions("Thanks again, and good luck.", user) == []


def test_the_type_ahead_forgives_a_typo(user):
    assert skill_options(user, "digitsation")[0].name == "Digitisation"
    assert skill_options(user, "   ") == []


def test_the_type_ahead_never_offers_another_users_skills(user, other_user):
    SkillFactory(owner=other_user, name="Secret skill of theirs")
    assert skill_options(user, "secret skill") == []
