import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from nextround.home import demo
from nextround.jobs.models import Application, Interview, Organisation
from nextround.network.models import Contact
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FROZEN = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=datetime.UTC)


def run_demo() -> str:
    out = io.StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.filter(owner__username="demo").count()
        for model in (Organisation, Application, Interview, Contact)
    )


@time_machine.travel(FROZEN, tick=False)
def test_it_prints_how_to_log_in():
    output = run_demo()
    assert demo.DEMO_USERNAME in output
    assert demo.DEMO_PASSWORD in output


@time_machine.travel(FROZEN, tick=False)
def test_running_it_twice_does_not_duplicate_anything():
    run_demo()
    first = counts()
    run_demo()
    assert counts() == first
    assert all(first)


@time_machine.travel(FROZEN, tick=False)
def test_it_leaves_other_accounts_alone():
    someone = UserFactory()
    Organisation.objects.create(owner=someone, name="Quayside Library")
    run_demo()
    run_demo()
    assert Organisation.objects.filter(owner=someone).count() == 1


def test_it_refuses_to_replace_an_account_it_did_not_make():
    UserFactory(username="demo", email="someone@example.org")
    with pytest.raises(CommandError):
        run_demo()
    assert not Organisation.objects.exists()


@time_machine.travel(FROZEN, tick=False)
def test_the_story_has_second_tries_that_succeeded():
    story = demo.build()
    for first, second in (
        ("volunteer_first", "volunteer_second"),
        ("traineeship_first", "traineeship_second"),
    ):
        earlier, later = story.applications[first], story.applications[second]
        assert later.reapplies_to == earlier
        assert earlier.outcome == "rejected"
        assert later.outcome == "accepted"


@time_machine.travel(FROZEN, tick=False)
def test_the_story_has_an_overdue_decision_one_still_to_come_and_an_upcoming_interview():
    story = demo.build()
    awaiting = list(Interview.objects.for_user(story.user).awaiting_decision())
    promised = sorted(interview.decision_promised_by for interview in awaiting)
    assert len(awaiting) == 2
    assert promised[0] < story.today < promised[1]
    assert Interview.objects.for_user(story.user).upcoming().exists()
    assert story.interviews["overdue"].panel.count() == 2


@time_machine.travel(FROZEN, tick=False)
def test_the_demo_user_can_log_in_and_every_page_shows_the_story():
    story = demo.build()
    client = Client()
    assert client.login(username=demo.DEMO_USERNAME, password=demo.DEMO_PASSWORD)
    today = client.get(reverse("today"))
    assert today.status_code == 200
    assert b"Collections assistant" in today.content
    assert b"Archive assistant" in today.content
    pages = [
        reverse("jobs:applications"),
        reverse("jobs:application_list"),
        reverse("jobs:organisations"),
        reverse("network:contacts"),
        *(application.get_absolute_url() for application in story.applications.values()),
        *(organisation.get_absolute_url() for organisation in story.organisations.values()),
        *(interview.get_absolute_url() for interview in story.interviews.values()),
        *(contact.get_absolute_url() for contact in story.contacts.values()),
    ]
    for page in pages:
        assert client.get(page).status_code == 200, page


def pages_without_parameters() -> list[str]:
    """Every named page of the site that takes no parameter, API and feeds aside."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns, namespace=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if str(entry.pattern).startswith("api/"):
                    continue
                inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                yield from walk(entry.url_patterns, inner)
            elif isinstance(entry, URLPattern) and entry.name and not entry.pattern.converters:
                yield f"{namespace}{entry.name}"

    return sorted(set(walk(get_resolver().url_patterns)))


@time_machine.travel(FROZEN, tick=False)
def test_every_page_of_the_site_opens_for_the_demo_account():
    demo.build()
    client = Client()
    assert client.login(username=demo.DEMO_USERNAME, password=demo.DEMO_PASSWORD)
    answers = {}
    for name in pages_without_parameters():
        # Logging out ends the walk; sign-up is closed once an account exists.
        if name in {"accounts:logout", "accounts:signup"}:
            continue
        response = client.get(reverse(name))
        if response.streaming:  # read to the end, which also closes a streamed file
            b"".join(response.streaming_content)
        answers[name] = response.status_code
    assert answers
    broken = {name: status for name, status in answers.items() if status >= 400 and status != 405}
    assert not broken, broken


def test_trying_the_demo_first_leaves_first_run_setup_open(db, client):
    from nextround.home import demo

    demo.build()
    response = client.get("/accounts/setup/")
    assert response.status_code == 200
    assert b"Create my account" in response.content


def test_the_demo_can_be_used_before_anyone_sets_up_an_account(db, client):
    from nextround.home import demo

    demo.build()
    response = client.post(
        "/accounts/login/", {"username": demo.DEMO_USERNAME, "password": demo.DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 200
