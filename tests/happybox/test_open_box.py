"""Opening the box: one item, another, done; offered after bad news."""

import datetime

import time_machine
from django.urls import reverse

from tests.factories import ApplicationFactory
from tests.happybox.factories import HappyItemFactory


def test_it_shows_one_item_with_another_and_done(user, user_client):
    HappyItemFactory(owner=user, title="Thank-you card from the Year 4 class")
    HappyItemFactory(owner=user, title="Handling course certificate")
    response = user_client.get(reverse("happybox:open"))
    content = response.content.decode()
    assert content.count("<article") == 1
    assert "Another" in content
    assert "I\N{RIGHT SINGLE QUOTATION MARK}m done" in content


def test_another_never_shows_the_same_item_twice_in_a_row(user, user_client):
    first = HappyItemFactory(owner=user, title="First")
    HappyItemFactory(owner=user, title="Second")
    for _ in range(10):
        response = user_client.get(reverse("happybox:open"), {"after": first.pk})
        assert "Second" in response.content.decode()


def test_htmx_gets_only_the_item(user, user_client):
    HappyItemFactory(owner=user, title="Only this")
    response = user_client.get(reverse("happybox:open"), headers={"HX-Request": "true"})
    assert b"<html" not in response.content
    assert b"Only this" in response.content


def test_a_single_item_offers_no_other(user, user_client):
    HappyItemFactory(owner=user)
    assert b"Another" not in user_client.get(reverse("happybox:open")).content


def test_an_empty_box_says_so_kindly(user, user_client):
    response = user_client.get(reverse("happybox:open"))
    assert b"The box is empty" in response.content


def test_the_box_opens_only_your_own_items(user, user_client, other_user):
    HappyItemFactory(owner=other_user, title="Someone else's joy")
    assert b"Someone else" not in user_client.get(reverse("happybox:open")).content


@time_machine.travel(datetime.datetime(2026, 11, 20, 9, tzinfo=datetime.UTC))
def test_today_offers_the_box_after_a_rejection(user, user_client):
    HappyItemFactory(owner=user)
    ApplicationFactory(
        owner=user,
        organisation__name="Harbour Gallery",
        outcome="rejected",
        status="rejected",
        decided_on=datetime.date(2026, 11, 18),
    )
    response = user_client.get(reverse("today"))
    assert b"Open the box" in response.content
    assert b"Harbour Gallery" in response.content


@time_machine.travel(datetime.datetime(2026, 11, 20, 9, tzinfo=datetime.UTC))
def test_today_stays_quiet_when_the_news_is_old_or_good(user, user_client):
    HappyItemFactory(owner=user)
    ApplicationFactory(
        owner=user, outcome="rejected", status="rejected", decided_on=datetime.date(2026, 10, 1)
    )
    ApplicationFactory(
        owner=user, outcome="offered", status="offered", decided_on=datetime.date(2026, 11, 19)
    )
    assert b"Open the box" not in user_client.get(reverse("today")).content


@time_machine.travel(datetime.datetime(2026, 11, 20, 9, tzinfo=datetime.UTC))
def test_today_suggests_filling_an_empty_box_after_bad_news(user, user_client):
    ApplicationFactory(
        owner=user,
        outcome="not_invited",
        status="not_invited",
        decided_on=datetime.date(2026, 11, 19),
    )
    response = user_client.get(reverse("today"))
    assert b"Your happy box is empty" in response.content
