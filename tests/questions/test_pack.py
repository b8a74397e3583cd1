"""The interview pack: an A4 PDF whose text holds the prepared answers."""

from __future__ import annotations

import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from nextround.questions.pack import data_only_fetcher, likely_questions, render_pack_pdf
from tests.factories import (
    ApplicationFactory,
    ContactFactory,
    InterviewFactory,
    OrganisationFactory,
)
from tests.questions.factories import QuestionFactory, QuestionToAskFactory


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def upcoming(user):
    organisation = OrganisationFactory(owner=user, name="Millbrook Archive", kind="archive")
    earlier = InterviewFactory(
        owner=user,
        application=ApplicationFactory(owner=user, organisation=organisation, role="Archivist"),
    )
    interview = InterviewFactory(
        owner=user,
        application=ApplicationFactory(
            owner=user, organisation=organisation, role="Assistant Archivist"
        ),
        starts_at=timezone.now() + datetime.timedelta(days=3),
        location="Reading room, 4 Mill Lane",
        stage="Second interview",
    )
    interview.panel.add(ContactFactory(owner=user, name="Robin Ashdown", role="County Archivist"))
    asked_here = QuestionFactory(
        owner=user,
        text="How would you tackle our cataloguing backlog?",
        star_situation="Uncatalogued parish records at a volunteer placement",
        star_task="Make them searchable within a term",
        star_action="I drew up a box list and trained three volunteers",
        star_result="Four hundred boxes listed, enquiries answered in days",
    )
    asked_here.interviews.add(earlier)
    other_archive = InterviewFactory(
        owner=user,
        application=ApplicationFactory(
            owner=user, organisation=OrganisationFactory(owner=user, kind="archive")
        ),
    )
    same_kind = QuestionFactory(owner=user, text="Which archive standards have you used?")
    same_kind.interviews.add(other_archive)
    tricky = QuestionFactory(owner=user, text="Why did you leave your last post?", tricky=True)
    QuestionFactory(owner=user, text="A question with nothing to do with it?")
    ask = QuestionToAskFactory(owner=user, text="What would success look like in six months?")
    ask.interviews.add(interview)
    return interview, asked_here, same_kind, tricky


@pytest.mark.django_db
def test_it_orders_likely_questions_by_organisation_then_kind_then_tricky(upcoming):
    interview, asked_here, same_kind, tricky = upcoming
    assert [q for q, _ in likely_questions(interview)] == [asked_here, same_kind, tricky]


@pytest.mark.django_db
def test_the_pack_reads_back_with_the_interview_and_prepared_answers(upcoming):
    interview, *_ = upcoming
    data = render_pack_pdf(interview)
    assert data.startswith(b"%PDF")
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    text = pdf_text(data)
    for expected in (
        "Assistant Archivist",
        "Millbrook Archive",
        "Reading room, 4 Mill Lane",
        "Robin Ashdown",
        "How would you tackle our cataloguing backlog?",
        "I drew up a box list and trained three volunteers",
        "Four hundred boxes listed",
        "Why did you leave your last post?",
        "What would success look like in six months?",
        "Notes",
    ):
        assert expected in text, expected
    assert "nothing to do with it" not in text


@pytest.mark.django_db
def test_the_pack_never_fetches_what_a_note_points_at(user, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET CONTENT")
    interview = InterviewFactory(owner=user, location=f'<img src="file://{secret}">')
    QuestionFactory(
        owner=user,
        tricky=True,
        text="Sneaky?",
        answer=f'<link rel="stylesheet" href="file://{secret}"><img src="http://127.0.0.1:9/x.png">',
    )
    text = pdf_text(render_pack_pdf(interview))
    assert "TOP SECRET" not in text
    assert "<img src=" in text


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "http://127.0.0.1:9/x.png", "https://example.org/a.css"]
)
def test_the_pack_fetcher_refuses_files_and_urls(url):
    with pytest.raises(ValueError, match="disallowed protocol"):
        data_only_fetcher().fetch(url)


def test_the_pack_fetcher_allows_inline_data():
    response = data_only_fetcher().fetch("data:text/plain,hello")
    assert response is not None


@pytest.mark.django_db
def test_the_pack_downloads_from_the_web_and_the_api(user, user_client, api, upcoming):
    interview, *_ = upcoming
    web = user_client.get(f"/questions/interviews/{interview.pk}/pack.pdf")
    assert web.status_code == 200
    assert web["Content-Type"] == "application/pdf"
    from_api = api.get(f"/api/v1/interviews/{interview.pk}/pack.pdf")
    assert from_api.status_code == 200
    assert "Millbrook Archive" in pdf_text(from_api.content)


@pytest.mark.django_db
def test_another_users_pack_is_not_found(other_user, user_client, api):
    interview = InterviewFactory(owner=other_user)
    assert user_client.get(f"/questions/interviews/{interview.pk}/pack.pdf").status_code == 404
    assert api.get(f"/api/v1/interviews/{interview.pk}/pack.pdf").status_code == 404
