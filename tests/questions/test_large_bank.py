"""A bank of 20,000 questions exports through every door, and never as one query of ids.

SQLite refuses a query that lists a few thousand ids ("Expression tree is too
large"), so these would fail at once if an export went back to prefetching the
bank's interviews. The bank is made once for the module, with bulk inserts.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from nextround.accounts.models import ApiToken
from nextround.questions.models import Question
from tests.factories import InterviewFactory, UserFactory

BANK_SIZE = 20_000


@pytest.fixture(scope="module")
def big_bank(django_db_setup, django_db_blocker):
    """A user with 20,000 questions, each asked at one of three interviews."""
    with django_db_blocker.unblock():
        person = UserFactory()
        interviews = [InterviewFactory(owner=person) for _ in range(3)]
        questions = Question.objects.bulk_create(
            [
                Question(
                    owner=person,
                    text=f"Tell us about exhibition number {number:05d}",
                    star_situation="A touring show of maps",
                    star_action="I rewrote the labels",
                    category="competency",
                    tricky=number % 7 == 0,
                )
                for number in range(BANK_SIZE)
            ],
            batch_size=2000,
        )
        through = Question.interviews.through
        through.objects.bulk_create(
            [
                through(question_id=question.pk, interview_id=interviews[index % 3].pk)
                for index, question in enumerate(questions)
            ],
            batch_size=5000,
        )
        yield person, interviews[0]
        person.delete()


@pytest.fixture
def browser(big_bank) -> Client:
    client = Client()
    client.force_login(big_bank[0])
    return client


@pytest.fixture
def token(big_bank, db) -> dict[str, str]:
    _, raw = ApiToken.issue(big_bank[0], "tests")
    return {"Authorization": f"Bearer {raw}"}


def read(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.django_db
def test_the_markdown_export_streams_every_question(browser):
    response = browser.get(reverse("questions:markdown"))
    assert response.streaming
    text = read(response).decode()
    assert text.count("\n### ") == BANK_SIZE
    assert "### Tell us about exhibition number 19999" in text


@pytest.mark.django_db
@pytest.mark.parametrize("door", ["web", "api"])
def test_the_anki_deck_holds_every_question(browser, token, door):
    if door == "web":
        response = browser.get(reverse("questions:apkg"))
    else:
        response = Client().get("/api/v1/questions.apkg", headers=token)
    assert response.streaming
    with zipfile.ZipFile(io.BytesIO(read(response))) as deck:
        assert "collection.anki2" in deck.namelist()


@pytest.mark.django_db
@pytest.mark.parametrize("door", ["web", "api"])
def test_the_interview_pack_prints(big_bank, browser, token, door):
    interview = big_bank[1]
    if door == "web":
        response = browser.get(reverse("questions:pack", args=[interview.pk]))
    else:
        response = Client().get(f"/api/v1/interviews/{interview.pk}/pack.pdf", headers=token)
    assert read(response).startswith(b"%PDF")


@pytest.mark.django_db
def test_practice_shows_one_question_of_thousands(browser):
    response = browser.get(reverse("questions:practice"), {"category": "competency"})
    assert response.status_code == 200
    assert "of 20000" in response.content.decode().replace(",", "")


@pytest.mark.django_db
def test_the_activity_report_downloads_as_csv(browser):
    response = browser.get(reverse("jobs:activity"), {"format": "csv"})
    assert read(response).startswith(b"date,activity")


@pytest.mark.django_db
def test_the_whole_account_exports_through_the_web_the_api_and_the_command(
    big_bank, browser, token, tmp_path
):
    web = json.loads(read(browser.get(reverse("accounts:export"))))
    api = json.loads(read(Client().get("/api/v1/export", headers=token)))
    written = tmp_path / "export.json"
    call_command("export", "--user", big_bank[0].username, "--output", str(written))
    command = json.loads(written.read_text())
    for document in (web, api, command):
        questions = document["data"]["questions.question"]
        assert len(questions) == BANK_SIZE
        assert all(len(question["interviews"]) == 1 for question in questions)


@pytest.mark.django_db
def test_the_whole_account_imports_back_into_another(big_bank, tmp_path):
    export = tmp_path / "export.json"
    call_command("export", "--user", big_bank[0].username, "--output", str(export))
    newcomer = UserFactory()
    call_command("import", "--user", newcomer.username, str(export), stderr=io.StringIO())
    assert Question.objects.filter(owner=newcomer).count() == BANK_SIZE
    links = Question.interviews.through.objects.filter(question__owner=newcomer)
    assert links.count() == BANK_SIZE
