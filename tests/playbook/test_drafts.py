"""Drafted messages: courteous, from the application, and safe in a mailto: link."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from nextround.playbook.drafts import Draft, draft_for
from nextround.playbook.models import ActionKind
from tests.factories import ApplicationFactory, ContactFactory, InterviewFactory
from tests.playbook.factories import ActionFactory

pytestmark = pytest.mark.django_db


def test_a_mailto_link_carries_subject_and_body_exactly():
    draft = Draft(
        to=("a.person@example.org", "b@example.org"),
        subject="Role & next steps?",
        body="Dear A,\n\n100% grateful; thanks #1",
    )
    link = urlsplit(draft.mailto)
    assert link.scheme == "mailto"
    assert unquote(link.path) == "a.person@example.org,b@example.org"
    query = parse_qs(link.query)
    assert query["subject"] == ["Role & next steps?"]
    assert query["body"] == ["Dear A,\n\n100% grateful; thanks #1"]


@pytest.mark.parametrize(
    ("kind", "outcome", "words"),
    [
        (ActionKind.ASK_FEEDBACK, "rejected", "any feedback on my application and interview"),
        (ActionKind.ASK_FEEDBACK, "not_invited", "not to be shortlisted"),
        (ActionKind.CHASE_FEEDBACK, "rejected", "a couple of weeks ago"),
        (ActionKind.CHASE_DECISION, "", "timing of a decision"),
        (ActionKind.FOLLOW_UP, "offered", "and for the offer"),
        (ActionKind.FOLLOW_UP, "no_reply", "haven't heard back"),
    ],
)
def test_each_message_step_has_its_own_courteous_draft(user, kind, outcome, words):
    application = ApplicationFactory(owner=user, role="Learning Officer", outcome=outcome)
    interview = InterviewFactory(owner=user, application=application)
    interview.panel.add(ContactFactory(owner=user, name="Sam Okafor", email="sam@example.org"))
    interview.panel.add(ContactFactory(owner=user, name="Lee Brand"))
    draft = draft_for(ActionFactory(owner=user, application=application, kind=kind))
    assert words in draft.body
    assert "Learning Officer" in draft.subject + draft.body
    assert draft.body.startswith("Dear Lee and Sam,")  # the panel, by name
    assert draft.to == ("sam@example.org",)


def test_steps_that_are_not_messages_have_no_draft(user):
    assert draft_for(ActionFactory(owner=user, kind=ActionKind.BE_KIND)) is None
