""" "I've heard back": the same news gives the same application and plan through every door."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from nextround.jobs.models import Application, Organisation
from nextround.playbook.models import Action, ActionKind
from tests.factories import ApplicationFactory
from tests.workflows.doors import api_refusal, web_refusal

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 2)
ORGANISATION = "Harbour Gallery"
ROLE = "Learning Officer"


def through_the_web(user, user_client, api, news):
    response = user_client.post(reverse("playbook:heard_back"), _web_form(news))
    if response.status_code == 302:
        return "stored", None
    return web_refusal(response)


def _web_form(news: dict) -> dict:
    form = {
        "organisation": news.get("organisation", ""),
        "role": news.get("role", ""),
        "outcome": news.get("outcome", ""),
        "decided_on": news.get("decided_on", TODAY.isoformat()),
    }
    if "application_id" in news:
        form["application"] = news["application_id"]
    return form


def through_the_api(user, user_client, api, news):
    response = api.post("/api/v1/outcomes", news)
    if response.status_code in (200, 201):
        return "stored", None
    return api_refusal(response)


CLI_OPTIONS = {
    "application_id": "--application",
    "organisation": "--org",
    "role": "--role",
    "outcome": "--outcome",
    "decided_on": "--date",
}
CLI_FIELDS = {
    "--application": "application",
    "--org": "organisation",
    "--role": "role",
    "--outcome": "outcome",
    "--date": "decided_on",
}


def through_the_cli(user, user_client, api, news):
    arguments = ["--user", user.username]
    for key, value in news.items():
        arguments += [CLI_OPTIONS[key], str(value)]
    try:
        call_command("heard-back", *arguments, stdout=io.StringIO())
    except CommandError as error:
        # One line: "--org: Name the organisation. --outcome: …".
        named = {word.rstrip(":") for word in str(error).split() if word.startswith("--")}
        return "refused", {CLI_FIELDS[option] for option in named}
    return "stored", None


DOORS = [through_the_web, through_the_api, through_the_cli]


@pytest.mark.parametrize("door", DOORS)
def test_a_no_for_a_new_application_makes_it_and_drafts_the_feedback_request(
    door, user, user_client, api
):
    news = {"organisation": ORGANISATION, "role": ROLE, "outcome": "rejected"}
    assert door(user, user_client, api, news) == ("stored", None)
    application = Application.objects.get(owner=user)
    assert (application.organisation.name, application.role) == (ORGANISATION, ROLE)
    assert (application.outcome, application.status, application.decided_on) == (
        "rejected",
        "rejected",
        TODAY,
    )
    assert Action.objects.filter(application=application, kind=ActionKind.ASK_FEEDBACK).exists()


@pytest.mark.parametrize("door", DOORS)
def test_news_about_a_recorded_application_goes_on_it(door, user, user_client, api):
    application = ApplicationFactory(owner=user, applied_on=datetime.date(2026, 1, 5))
    news = {"application_id": application.pk, "outcome": "offered", "decided_on": "2026-02-20"}
    assert door(user, user_client, api, news) == ("stored", None)
    application.refresh_from_db()
    assert (application.outcome, application.decided_on) == ("offered", datetime.date(2026, 2, 20))
    assert Application.objects.filter(owner=user).count() == 1


@pytest.mark.parametrize("door", DOORS)
def test_telling_the_same_news_twice_changes_nothing(door, user, user_client, api):
    news = {"organisation": ORGANISATION, "role": ROLE, "outcome": "rejected"}
    door(user, user_client, api, news)
    again = {**news, "organisation": ORGANISATION.upper()}
    assert door(user, user_client, api, again) == ("stored", None)
    assert Application.objects.filter(owner=user).count() == 1
    assert Organisation.objects.filter(owner=user).count() == 1
    assert Action.objects.filter(owner=user, kind=ActionKind.ASK_FEEDBACK).count() == 1


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize(
    ("news", "fields"),
    [
        pytest.param({"organisation": ORGANISATION, "role": ROLE}, {"outcome"}, id="no-outcome"),
        pytest.param(
            {"organisation": ORGANISATION, "role": ROLE, "outcome": "vanished"},
            {"outcome"},
            id="unknown-outcome",
        ),
        pytest.param({"role": ROLE, "outcome": "rejected"}, {"organisation"}, id="no-organisation"),
        pytest.param({"organisation": ORGANISATION, "outcome": "rejected"}, {"role"}, id="no-role"),
        pytest.param(
            {
                "organisation": ORGANISATION,
                "role": ROLE,
                "outcome": "rejected",
                "decided_on": "2026-03-10",
            },
            {"decided_on"},
            id="news-from-the-future",
        ),
        pytest.param(
            {
                "organisation": ORGANISATION,
                "role": ROLE,
                "outcome": "rejected",
                "decided_on": "1899-12-31",
            },
            {"decided_on"},
            id="year-1899",
        ),
    ],
)
def test_bad_news_is_refused_the_same_way_and_saves_nothing(
    door, news, fields, user, user_client, api
):
    verdict, refused = door(user, user_client, api, news)
    assert verdict == "refused"
    assert fields <= refused, refused
    assert not Application.objects.filter(owner=user).exists()
    assert not Organisation.objects.filter(owner=user).exists()


@pytest.mark.parametrize("door", DOORS)
def test_someone_else_s_application_is_refused_naming_it(door, user, user_client, api, other_user):
    ApplicationFactory(owner=user)  # so the web form offers a list to choose from
    theirs = ApplicationFactory(owner=other_user)
    verdict, refused = door(
        user, user_client, api, {"application_id": theirs.pk, "outcome": "rejected"}
    )
    assert verdict == "refused"
    assert "application" in refused
    theirs.refresh_from_db()
    assert theirs.outcome == ""
