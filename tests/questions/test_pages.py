import pytest
from django.urls import reverse

from tests.factories import InterviewFactory
from tests.questions.factories import QuestionFactory


@pytest.mark.django_db
def test_every_question_bank_page_opens(user, user_client):
    interview = InterviewFactory(owner=user, notes="1. Why us?\n- Tell us about a project")
    q = QuestionFactory(owner=user, star_situation="At the museum")
    q.interviews.add(interview)
    for url in [
        reverse("questions:questions"),
        reverse("questions:question", args=[q.pk]),
        reverse("questions:question_create"),
        reverse("questions:question_edit", args=[q.pk]),
        reverse("questions:starter"),
        reverse("questions:review"),
        reverse("questions:practice") + "?category=competency",
        reverse("questions:stats"),
        reverse("questions:ask"),
        reverse("questions:interview_notes", args=[interview.pk]),
        reverse("questions:pack", args=[interview.pk]),
        reverse("questions:markdown"),
        reverse("questions:apkg"),
        reverse("today"),
        reverse("accounts:settings"),
        reverse("jobs:interview", args=[interview.pk]),
    ]:
        r = user_client.get(url)
        assert r.status_code == 200, url
        if r.streaming:  # read to the end, which also closes a streamed file
            b"".join(r.streaming_content)
