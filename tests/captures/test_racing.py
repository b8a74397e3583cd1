"""Two copies of one note arriving at once still make one record."""

from __future__ import annotations

import uuid

import pytest

from nextround.captures.capturing import Note, save_capture
from nextround.captures.models import Capture
from nextround.questions.models import Question
from tests.factories import InterviewFactory, UserFactory
from tests.racing import race


@pytest.mark.django_db(transaction=True)
def test_two_copies_sent_together_are_kept_once():
    person = UserFactory()
    interview = InterviewFactory(owner=person)
    client_id = uuid.uuid4()

    def send():
        capture, created = save_capture(
            person,
            Note(client_id=client_id, interview_id=interview.pk, questions=["What is provenance?"]),
        )
        return capture.pk, created

    results, errors = race(send)

    assert not errors, errors
    assert sorted(created for _pk, created in results) == [False, True]
    assert len({pk for pk, _created in results}) == 1
    assert Capture.objects.count() == 1
    assert Question.objects.count() == 1
