"""Every drafted message behaves the same, and is signed with the real name, never the login name."""

from __future__ import annotations

import datetime
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.urls import reverse

from nextround.expenses.claims import draft_claim
from nextround.jobs.models import InterviewFormat
from nextround.playbook.drafts import MESSAGE_KINDS, draft_for
from nextround.playbook.models import Action, ActionKind
from nextround.playbook.plan import record_outcome
from tests.expenses.factories import ExpenseFactory
from tests.factories import ApplicationFactory, ContactFactory, InterviewFactory
from tests.playbook.factories import ActionFactory

pytestmark = pytest.mark.django_db

NOW = "2026-03-04 10:00Z"
TODAY = datetime.date(2026, 3, 4)
HTMX = {"HX-Request": "true"}


def named(user, username="jo.bloggs", signing_name="Jo Bloggs"):
    user.username, user.signing_name = username, signing_name
    user.first_name = user.last_name = ""
    user.save()
    return user


def rejected_after_interview(user):
    application = ApplicationFactory(
        owner=user, role="Assistant Curator", applied_on=TODAY - datetime.timedelta(days=30)
    )
    interview = InterviewFactory(
        owner=user,
        application=application,
        format=InterviewFormat.IN_PERSON,
        starts_at=datetime.datetime(2026, 2, 25, 10, tzinfo=datetime.UTC),
    )
    interview.panel.add(
        ContactFactory(owner=user, name="Robin Examplefield", email="r@example.org")
    )
    record_outcome(application, "rejected", TODAY)
    return application


def main_part(response) -> str:
    """What the page says about the person's work, without the site's own header and footer."""
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def link_parts(location: str) -> tuple[str, dict]:
    link = urlsplit(location)
    assert link.scheme == "mailto"
    return link.path, parse_qs(link.query)


@pytest.mark.parametrize("kind", MESSAGE_KINDS)
def test_every_drafted_message_is_signed_with_the_real_name(user, user_client, kind):
    named(user)
    with time_machine.travel(NOW, tick=False):
        application = rejected_after_interview(user)
        step = ActionFactory(owner=user, application=application, kind=kind)
        draft = draft_for(step)
        page = main_part(user_client.get(step.get_absolute_url()))
    assert draft.body.endswith("With best wishes,\nJo Bloggs")
    assert "Jo Bloggs" in page
    assert "jo.bloggs" not in page
    assert "jo.bloggs" not in draft.mailto


def test_the_expense_claim_is_signed_with_the_real_name(user, user_client):
    named(user)
    interview = InterviewFactory(owner=user)
    ExpenseFactory(owner=user, interview=interview, amount=Decimal("12.00"))
    assert draft_claim(interview).body.endswith("With thanks and best wishes,\nJo Bloggs")
    page = main_part(user_client.get(reverse("expenses:claim", args=[interview.pk])))
    assert "Jo Bloggs" in page
    assert "jo.bloggs" not in page


def test_without_a_known_name_a_draft_ends_kindly_and_the_page_says_where_to_add_one(
    user, user_client
):
    named(user, signing_name="")
    with time_machine.travel(NOW, tick=False):
        application = rejected_after_interview(user)
        ask = Action.objects.get(application=application, kind=ActionKind.ASK_FEEDBACK)
        page = main_part(user_client.get(ask.get_absolute_url()))
    assert draft_for(ask).body.endswith("With best wishes,")
    assert "jo.bloggs" not in page
    assert "Add the name you sign letters with in Settings" in page
    assert reverse("accounts:settings") in page


def test_the_full_name_signs_when_no_signing_name_was_given(user):
    named(user, signing_name="")
    user.first_name, user.last_name = "Jo", "Bloggs"
    user.save()
    interview = InterviewFactory(owner=user)
    ExpenseFactory(owner=user, interview=interview)
    assert draft_claim(interview).body.endswith("\nJo Bloggs")


@time_machine.travel(NOW, tick=False)
def test_without_javascript_the_send_button_keeps_the_edits_and_opens_them(user, user_client):
    ask = Action.objects.get(
        application=rejected_after_interview(user), kind=ActionKind.ASK_FEEDBACK
    )
    response = user_client.post(
        reverse("playbook:draft", args=[ask.pk]),
        {
            "draft_subject": "My own subject",
            "draft_body": "Dear Robin,\nMy own words.",
            "send": "1",
        },
    )
    assert response.status_code == 302
    to, query = link_parts(response["Location"])
    assert to == "r@example.org"
    assert query == {"subject": ["My own subject"], "body": ["Dear Robin,\nMy own words."]}
    ask.refresh_from_db()
    assert (ask.draft_subject, ask.draft_body) == ("My own subject", "Dear Robin,\nMy own words.")


@time_machine.travel(NOW, tick=False)
def test_edits_kept_in_the_background_as_the_link_is_followed_answer_with_nothing(
    user, user_client
):
    ask = Action.objects.get(
        application=rejected_after_interview(user), kind=ActionKind.ASK_FEEDBACK
    )
    response = user_client.post(
        reverse("playbook:draft", args=[ask.pk]),
        {"draft_subject": "Kept", "draft_body": "Kept too."},
        headers=HTMX,
    )
    assert response.status_code == 204
    ask.refresh_from_db()
    assert ask.draft_subject == "Kept"
    # Nothing waits to be said on the next page either.
    assert "Your edits are saved" not in user_client.get(ask.get_absolute_url()).content.decode()


@time_machine.travel(NOW, tick=False)
def test_a_draft_without_a_subject_is_refused_naming_the_field_and_nothing_opens(user, user_client):
    ask = Action.objects.get(
        application=rejected_after_interview(user), kind=ActionKind.ASK_FEEDBACK
    )
    response = user_client.post(
        reverse("playbook:draft", args=[ask.pk]),
        {"draft_subject": "x" * 301, "draft_body": "Hello", "send": "1"},
    )
    assert response.status_code == 422
    assert 'id="id_draft_subject_error"' in response.content.decode()
    ask.refresh_from_db()
    assert ask.draft_body == ""


def test_the_edited_claim_without_a_subject_is_refused_naming_the_field(user, user_client):
    interview = InterviewFactory(owner=user)
    ExpenseFactory(owner=user, interview=interview)
    response = user_client.get(
        reverse("expenses:claim_send", args=[interview.pk]),
        {"to": "hr@example.org", "subject": "", "body": "Hello", "send": "1"},
    )
    assert response.status_code == 422
    assert "Give the email a subject." in response.content.decode()


@time_machine.travel(NOW, tick=False)
def test_every_drafted_message_uses_the_one_draft_form_and_script(user, user_client):
    application = rejected_after_interview(user)
    pages = [
        ActionFactory(owner=user, application=application, kind=kind).get_absolute_url()
        for kind in MESSAGE_KINDS
    ]
    interview = application.interviews.get()
    ExpenseFactory(owner=user, interview=interview)
    pages.append(reverse("expenses:claim", args=[interview.pk]))
    pages.append(interview.panel.get().get_absolute_url())
    connect = Action.objects.get(application=application, kind=ActionKind.CONNECT_PANEL)
    pages.append(connect.get_absolute_url())
    for path in pages:
        page = user_client.get(path).content.decode()
        assert "data-draft" in page, path
        assert "nextround/drafts.js" in page, path
        assert "data-draft-copy" in page, path


@time_machine.travel(NOW, tick=False)
def test_an_emptied_message_is_refused_rather_than_sending_the_old_draft(user, user_client):
    ask = Action.objects.get(
        application=rejected_after_interview(user), kind=ActionKind.ASK_FEEDBACK
    )
    response = user_client.post(
        reverse("playbook:draft", args=[ask.pk]),
        {"draft_subject": "Mine", "draft_body": "  ", "send": "1"},
    )
    assert response.status_code == 422
    assert "Write the message to send." in response.content.decode()


@time_machine.travel(NOW, tick=False)
def test_the_api_gives_the_draft_signed_with_the_real_name(user, api):
    named(user)
    ask = Action.objects.get(
        application=rejected_after_interview(user), kind=ActionKind.ASK_FEEDBACK
    )
    response = api.get(f"/api/v1/actions/{ask.pk}/draft")
    assert response.status_code == 200
    draft = response.json()
    assert draft["to"] == ["r@example.org"]
    assert draft["body"].endswith("With best wishes,\nJo Bloggs")
    assert "jo.bloggs" not in response.content.decode()


@time_machine.travel(NOW, tick=False)
def test_the_api_has_no_draft_for_a_step_that_is_not_a_message(user, api):
    be_kind = Action.objects.get(
        application=rejected_after_interview(user), kind=ActionKind.BE_KIND
    )
    assert api.get(f"/api/v1/actions/{be_kind.pk}/draft").status_code == 404


@time_machine.travel(NOW, tick=False)
def test_a_name_added_in_settings_signs_the_drafts_from_then_on(user, user_client):
    named(user, signing_name="")
    ask = Action.objects.get(
        application=rejected_after_interview(user), kind=ActionKind.ASK_FEEDBACK
    )
    settings_page = user_client.get(reverse("accounts:settings")).content.decode()
    assert "Your name, to sign letters with" in settings_page
    user_client.post(
        reverse("accounts:settings"),
        {"signing_name": "Jo Bloggs", "email": "", "country": "GB", "holiday_region": "ENG"},
    )
    user.refresh_from_db()
    assert user.signing_name == "Jo Bloggs"
    assert draft_for(ask).body.endswith("With best wishes,\nJo Bloggs")
