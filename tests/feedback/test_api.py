import pytest

from nextround.api.feedback import SOURCES_LISTED
from nextround.feedback.models import Feedback, GapMention, Skill, SuccessfulCandidate
from tests.factories import ApplicationFactory
from tests.feedback.factories import (
    FeedbackFactory,
    ImprovementActionFactory,
    SkillFactory,
    SuccessfulCandidateFactory,
)


@pytest.fixture
def application(user):
    return ApplicationFactory(owner=user)


def test_it_records_feedback_with_its_gaps(api, application):
    response = api.post(
        "/api/v1/feedback",
        {
            "application_id": application.pk,
            "text": "Strong on learning; less experience of Spectrum documentation.",
            "gaps": [
                {"skill": "Spectrum documentation", "category": "experience"},
                {"skill": "Interview technique"},
            ],
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["application_id"] == application.pk
    assert body["received_on"] is not None
    assert body["gaps"] == [
        {"skill": "Interview technique", "category": "interview_technique"},
        {"skill": "Spectrum documentation", "category": "experience"},
    ]
    assert api.get(f"/api/v1/feedback/{body['id']}").json()["text"].startswith("Strong")


def test_tagging_an_existing_skill_in_another_case_reuses_it(api, user, application):
    SkillFactory(owner=user, name="Object handling", category="experience")
    api.post(
        "/api/v1/feedback",
        {"application_id": application.pk, "gaps": [{"skill": "object HANDLING"}]},
    )
    assert Skill.objects.filter(owner=user).count() == 1


@pytest.mark.parametrize(
    ("gap", "field"),
    [
        ({"skill": ""}, "skill"),
        ({"skill": "   "}, "skill"),
        ({"skill": "X", "category": "vibes"}, "category"),
    ],
)
def test_a_bad_gap_is_refused_naming_the_field(api, application, gap, field):
    response = api.post("/api/v1/feedback", {"application_id": application.pk, "gaps": [gap]})
    assert response.status_code in (400, 422)
    assert field in response.content.decode()
    assert not Feedback.objects.exists()
    assert not Skill.objects.exists()


def test_feedback_on_another_users_application_is_refused(api, other_user):
    theirs = ApplicationFactory(owner=other_user)
    response = api.post("/api/v1/feedback", {"application_id": theirs.pk, "text": "Hello"})
    assert response.status_code == 422
    assert "application_id" in response.content.decode()


def test_patching_gaps_replaces_them(api, user, application):
    created = api.post(
        "/api/v1/feedback",
        {
            "application_id": application.pk,
            "gaps": [{"skill": "Fundraising"}, {"skill": "Budgets"}],
        },
    ).json()
    response = api.patch(f"/api/v1/feedback/{created['id']}", {"gaps": [{"skill": "Budgets"}]})
    assert response.status_code == 200, response.content
    assert [gap["skill"] for gap in response.json()["gaps"]] == ["Budgets"]
    assert GapMention.objects.count() == 1


def test_a_winner_needs_evidence_for_an_inside_appointment(api, application):
    response = api.post(
        "/api/v1/successful-candidates",
        {"application_id": application.pk, "inside_appointment": True},
    )
    assert response.status_code == 422
    assert "evidence" in response.content.decode()
    assert not SuccessfulCandidate.objects.exists()


def test_it_records_who_got_the_job(api, application):
    response = api.post(
        "/api/v1/successful-candidates",
        {
            "application_id": application.pk,
            "profile_url": "https://www.example.org/in/someone",
            "found_on": "2026-10-01",
            "gaps": [{"skill": "Museums Association AMA"}],
            "inside_appointment": True,
            "evidence": "They held the post as a maternity cover for a year before.",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["inside_appointment"] is True
    assert body["gaps"] == [{"skill": "Museums Association AMA", "category": "qualification"}]


def test_a_skill_needs_a_name_and_a_known_category(api):
    assert "name" in api.post("/api/v1/skills", {"name": "", "category": "skill"}).content.decode()
    response = api.post("/api/v1/skills", {"name": "Archives", "category": "astrology"})
    assert response.status_code == 422
    assert "category" in response.content.decode()
    response = api.post("/api/v1/skills", {"name": "Archives", "category": "experience"})
    assert response.status_code == 201
    duplicate = api.post("/api/v1/skills", {"name": "ARCHIVES", "category": "experience"})
    assert duplicate.status_code == 422
    assert "name" in duplicate.content.decode()


def test_improvement_actions_name_their_skill(api, user):
    response = api.post(
        "/api/v1/improvement-actions",
        {
            "skill": "Digitisation",
            "title": "Volunteer on a scanning project",
            "target_on": "2027-03-01",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["skill"] == "Digitisation"
    assert body["status"] == "planned"
    done = api.patch(f"/api/v1/improvement-actions/{body['id']}", {"status": "done"}).json()
    assert done["status"] == "done"
    assert done["done_on"] is not None
    bad = api.post("/api/v1/improvement-actions", {"skill": "", "title": "Read"})
    assert bad.status_code == 422
    assert "skill" in bad.content.decode()
    bad = api.post(
        "/api/v1/improvement-actions", {"skill": "X", "title": "Read", "status": "maybe"}
    )
    assert "status" in bad.content.decode()


def test_gaps_are_ranked_with_their_mentions_and_score(api, user):
    first, second = ApplicationFactory(owner=user), ApplicationFactory(owner=user)
    for application in (first, second):
        api.post(
            "/api/v1/feedback",
            {"application_id": application.pk, "gaps": [{"skill": "Collections management"}]},
        )
    api.post("/api/v1/feedback", {"application_id": first.pk, "gaps": [{"skill": "Budgets"}]})
    gaps = api.get("/api/v1/gaps").json()
    assert [gap["skill"] for gap in gaps] == ["Collections management", "Budgets"]
    top = gaps[0]
    assert top["category"] == "experience"
    assert top["mentions"] == 2
    assert top["score"] == pytest.approx(3.0)
    assert len(top["sources"]) == 2


def test_gaps_list_their_latest_sources_and_say_how_many_there_are(api, user):
    applications = [ApplicationFactory(owner=user) for _ in range(SOURCES_LISTED + 2)]
    for application in applications:
        api.post(
            "/api/v1/feedback",
            {"application_id": application.pk, "gaps": [{"skill": "Budgets"}]},
        )

    [gap] = api.get("/api/v1/gaps").json()
    assert gap["sources_total"] == SOURCES_LISTED + 2
    assert len(gap["sources"]) == SOURCES_LISTED
    assert applications[0].pk not in {source["application_id"] for source in gap["sources"]}

    [every] = api.get("/api/v1/gaps", sources=SOURCES_LISTED + 2).json()
    assert len(every["sources"]) == SOURCES_LISTED + 2
    [none] = api.get("/api/v1/gaps", sources=0).json()
    assert none["sources"] == [] and none["mentions"] == SOURCES_LISTED + 2
    assert "sources" in api.get("/api/v1/gaps", sources=-1).content.decode()


def test_gaps_come_a_part_at_a_time_in_their_rank(api, user):
    application = ApplicationFactory(owner=user)
    for number, times in enumerate([3, 2, 1]):
        for _ in range(times):
            api.post(
                "/api/v1/feedback",
                {"application_id": application.pk, "gaps": [{"skill": f"Skill {number}"}]},
            )
    first = api.get("/api/v1/gaps", limit=2)
    assert [gap["skill"] for gap in first.json()] == ["Skill 0", "Skill 1"]
    assert 'rel="next"' in first.headers["Link"]
    assert [gap["skill"] for gap in api.get("/api/v1/gaps", offset=2).json()] == ["Skill 2"]


def test_suggestions_are_offered_not_tagged(api):
    response = api.post(
        "/api/v1/gaps/suggestions", {"text": "More digitisation experience, please."}
    )
    assert [s["skill"] for s in response.json()] == ["Digitisation"]
    assert not GapMention.objects.exists()


def test_another_users_records_are_not_found(api, other_user):
    feedback = FeedbackFactory(owner=other_user)
    candidate = SuccessfulCandidateFactory(owner=other_user)
    skill = SkillFactory(owner=other_user)
    action = ImprovementActionFactory(owner=other_user)
    for path in (
        f"/api/v1/feedback/{feedback.pk}",
        f"/api/v1/successful-candidates/{candidate.pk}",
        f"/api/v1/skills/{skill.pk}",
        f"/api/v1/improvement-actions/{action.pk}",
    ):
        assert api.get(path).status_code == 404
        assert api.patch(path, {}).status_code == 404
        assert api.delete(path).status_code == 404
    assert api.get("/api/v1/feedback").json() == []
    assert api.get("/api/v1/skills").json() == []
    assert api.get("/api/v1/gaps").json() == []
    assert Feedback.objects.filter(pk=feedback.pk).exists()


def test_skills_are_listed_by_name_with_their_mention_counts(api, user):
    feedback = FeedbackFactory(owner=user)
    zoology = SkillFactory(owner=user, name="zoology")
    SkillFactory(owner=user, name="Archives")
    GapMention.objects.create(owner=user, skill=zoology, feedback=feedback)
    assert [(s["name"], s["mentions"]) for s in api.get("/api/v1/skills").json()] == [
        ("Archives", 0),
        ("zoology", 1),
    ]
