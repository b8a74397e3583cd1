"""Notes made after interviews travel with the rest in an export, and come back whole."""

from __future__ import annotations

import uuid

import pytest

from nextround.captures.models import Capture

pytestmark = pytest.mark.django_db


def test_an_exported_note_comes_back_in_another_account_with_its_questions(
    user, other_user, api, api_for
):
    client_id = str(uuid.uuid4())
    api.post(
        "/api/v1/captures",
        {
            "client_id": client_id,
            "organisation": "Fen Library",
            "role": "Librarian",
            "feeling": 2,
            "questions": ["How would you run a reading group?"],
        },
    )
    document = api.get("/api/v1/export").json()

    loaded = api_for(other_user).post("/api/v1/import", document)

    assert loaded.status_code == 201, loaded.content
    theirs = Capture.objects.get(owner=other_user)
    assert str(theirs.client_id) == client_id
    assert theirs.feeling == 2
    assert [q.text for q in theirs.questions.all()] == ["How would you run a reading group?"]
    assert theirs.questions.get().owner == other_user
    assert theirs.interview.owner == other_user
