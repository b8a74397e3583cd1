"""Recording feedback and who got the job, and tagging the gaps they point to."""

from django.urls import reverse

from nextround.feedback.models import Feedback, GapMention, Skill, SuccessfulCandidate
from tests.factories import ApplicationFactory, ContactFactory
from tests.feedback.factories import FeedbackFactory, SkillFactory, SuccessfulCandidateFactory


def test_it_records_feedback_and_offers_its_gaps_without_tagging_them(user, user_client):
    application = ApplicationFactory(owner=user)
    giver = ContactFactory(owner=user, name="Robin Keeper")
    response = user_client.post(
        reverse("feedback:feedback_create", args=[application.pk]),
        {
            "received_on": "2026-11-20",
            "given_by": giver.pk,
            "text": "The panel wanted more hands-on digitisation experience and a clearer "
            "presentation.",
        },
    )
    feedback = Feedback.objects.get(owner=user)
    assert response.status_code == 302
    assert response["Location"] == feedback.get_absolute_url()
    page = user_client.get(feedback.get_absolute_url()).content.decode()
    assert "Digitisation" in page
    assert "Presentation task" in page
    assert "Tick the ones that fit" in page
    assert not GapMention.objects.exists()


def test_it_tags_only_the_suggestions_the_user_ticks(user, user_client):
    feedback = FeedbackFactory(
        owner=user, text="Less experience with volunteers; answers were rambling."
    )
    response = user_client.post(
        reverse("feedback:feedback_confirm", args=[feedback.pk]),
        {"suggested": ["Volunteer management|experience"]},
    )
    assert response.status_code == 302
    assert [m.skill.name for m in GapMention.objects.filter(feedback=feedback)] == [
        "Volunteer management"
    ]


def test_a_suggestion_that_was_not_offered_is_refused(user, user_client):
    feedback = FeedbackFactory(owner=user, text="All fine.")
    response = user_client.post(
        reverse("feedback:feedback_confirm", args=[feedback.pk]),
        {"suggested": ["Astrology|skill"]},
    )
    assert response.status_code == 422
    assert not GapMention.objects.exists()


def test_it_adds_a_typed_gap_with_a_category(user, user_client):
    feedback = FeedbackFactory(owner=user)
    response = user_client.post(
        reverse("feedback:feedback_tag", args=[feedback.pk]),
        {"skill": "  Egyptology  ", "category": "subject_knowledge"},
    )
    assert response.status_code == 302
    skill = Skill.objects.get(owner=user)
    assert (skill.name, skill.category) == ("Egyptology", "subject_knowledge")


def test_an_empty_gap_is_shown_beside_the_field(user, user_client):
    feedback = FeedbackFactory(owner=user)
    response = user_client.post(
        reverse("feedback:feedback_tag", args=[feedback.pk]), {"skill": " ", "category": ""}
    )
    assert response.status_code == 422
    assert "Give the skill a name." in response.content.decode()
    assert not Skill.objects.exists()


def test_the_type_ahead_offers_your_skills_and_the_starter_list(user, user_client):
    SkillFactory(owner=user, name="Conservation of paper")
    response = user_client.get(reverse("feedback:skill_search"), {"skill": "conserv"})
    page = response.content.decode()
    assert page.index("Conservation of paper") < page.index("Care and conservation of collections")
    assert 'name="pick"' in page


def test_a_picked_option_is_tagged_through_htmx(user, user_client):
    feedback = FeedbackFactory(owner=user)
    response = user_client.post(
        reverse("feedback:feedback_tag", args=[feedback.pk]),
        {"skill": "dig", "pick": "Digitisation|experience"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert 'id="tagging"' in response.content.decode()
    assert "<html" not in response.content.decode()
    assert GapMention.objects.get().skill.name == "Digitisation"


def test_removing_a_gap_keeps_the_skill(user, user_client):
    feedback = FeedbackFactory(owner=user)
    skill = SkillFactory(owner=user)
    mention = GapMention.objects.create(owner=user, skill=skill, feedback=feedback)
    user_client.post(reverse("feedback:feedback_untag", args=[feedback.pk, mention.pk]))
    assert not GapMention.objects.exists()
    assert Skill.objects.filter(pk=skill.pk).exists()


def test_an_inside_appointment_needs_written_evidence(user, user_client):
    application = ApplicationFactory(owner=user)
    url = reverse("feedback:winner_create", args=[application.pk])
    response = user_client.post(url, {"found_on": "2026-11-01", "inside_appointment": "on"})
    assert response.status_code == 200
    assert 'id="id_evidence_error"' in response.content.decode()
    assert not SuccessfulCandidate.objects.exists()
    response = user_client.post(
        url,
        {
            "found_on": "2026-11-01",
            "inside_appointment": "on",
            "evidence": "The post went to the person covering it for the last year.",
            "notes": "Museums Association AMA and five years of collections management.",
        },
    )
    candidate = SuccessfulCandidate.objects.get()
    assert response["Location"] == candidate.get_absolute_url()
    page = user_client.get(candidate.get_absolute_url()).content.decode()
    assert "A possible inside appointment" in page
    assert "Museums Association AMA" in page


def test_the_application_page_shows_feedback_and_the_winner_on_its_timeline(user, user_client):
    application = ApplicationFactory(owner=user)
    FeedbackFactory(owner=user, application=application, text="Lovely interview; more Spectrum.")
    SuccessfulCandidateFactory(owner=user, application=application)
    page = user_client.get(application.get_absolute_url()).content.decode()
    assert "Feedback received" in page
    assert "Found out who got the job" in page
    assert reverse("feedback:winner_create", args=[application.pk]) in page


def test_another_users_records_are_not_found(user_client, other_user):
    feedback = FeedbackFactory(owner=other_user)
    candidate = SuccessfulCandidateFactory(owner=other_user)
    application = ApplicationFactory(owner=other_user)
    mention = GapMention.objects.create(
        owner=other_user, skill=SkillFactory(owner=other_user), feedback=feedback
    )
    for url in (
        reverse("feedback:feedback_create", args=[application.pk]),
        reverse("feedback:winner_create", args=[application.pk]),
        reverse("feedback:feedback", args=[feedback.pk]),
        reverse("feedback:feedback_edit", args=[feedback.pk]),
        reverse("feedback:feedback_delete", args=[feedback.pk]),
        reverse("feedback:winner", args=[candidate.pk]),
        reverse("feedback:winner_edit", args=[candidate.pk]),
        reverse("feedback:winner_delete", args=[candidate.pk]),
    ):
        assert user_client.get(url).status_code == 404, url
    for url in (
        reverse("feedback:feedback_tag", args=[feedback.pk]),
        reverse("feedback:feedback_confirm", args=[feedback.pk]),
        reverse("feedback:feedback_untag", args=[feedback.pk, mention.pk]),
        reverse("feedback:winner_tag", args=[candidate.pk]),
        reverse("feedback:feedback_delete", args=[feedback.pk]),
    ):
        assert user_client.post(url, {"skill": "X"}).status_code == 404, url
    assert GapMention.objects.filter(pk=mention.pk).exists()
    assert Feedback.objects.filter(pk=feedback.pk).exists()
