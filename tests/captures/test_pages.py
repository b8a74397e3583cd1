"""The capture page, its offline copy, the manifest and the service worker."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.utils import timezone
from PIL import Image

from nextround.captures.models import Capture
from tests.factories import InterviewFactory

pytestmark = pytest.mark.django_db


def test_the_capture_page_offers_this_weeks_interviews_first(user, user_client):
    recent = InterviewFactory(owner=user, starts_at=timezone.now() - datetime.timedelta(days=1))
    older = InterviewFactory(owner=user, starts_at=timezone.now() - datetime.timedelta(days=40))

    page = user_client.get("/capture/")

    choices = list(page.context["form"].fields["interview"].queryset)
    assert choices == [recent]
    assert recent.application.role in page.content.decode()
    assert older.application.role not in page.content.decode()


def test_the_page_keeps_a_note_and_goes_to_its_interview(user, user_client):
    interview = InterviewFactory(owner=user, starts_at=timezone.now() - datetime.timedelta(hours=3))

    answer = user_client.post(
        "/capture/",
        {
            "client_id": "5b0e3a52-8a0c-4a39-9a55-4e0b1ef7c7a1",
            "interview": interview.pk,
            "questions": "What drew you to conservation?\nHow do you handle fragile objects?",
            "cost_currency": "GBP",
            "cost_category": "train",
        },
    )

    assert answer.status_code == 302
    assert answer["Location"] == interview.get_absolute_url()
    assert Capture.objects.get(owner=user).questions.count() == 2


def test_someone_elses_interview_cannot_be_chosen(user, other_user, user_client):
    theirs = InterviewFactory(owner=other_user, starts_at=timezone.now())

    answer = user_client.post(
        "/capture/",
        {
            "client_id": "5b0e3a52-8a0c-4a39-9a55-4e0b1ef7c7a1",
            "interview": theirs.pk,
            "cost_currency": "GBP",
            "cost_category": "train",
        },
    )

    assert answer.status_code == 422
    assert "interview" in answer.context["form"].errors
    assert not Capture.objects.exists()


def test_a_receipt_without_an_amount_is_asked_about(user, user_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    picture = io.BytesIO()
    Image.new("RGB", (20, 20)).save(picture, "PNG")
    picture.name = "receipt.png"
    picture.seek(0)

    answer = user_client.post(
        "/capture/",
        {
            "client_id": "5b0e3a52-8a0c-4a39-9a55-4e0b1ef7c7a1",
            "organisation": "Fen Library",
            "role": "Librarian",
            "cost_currency": "GBP",
            "cost_category": "train",
            "receipt": picture,
        },
    )

    assert answer.status_code == 422
    assert "cost_amount" in answer.context["form"].errors


def test_the_page_asks_a_visitor_to_log_in(db, user):
    assert Client().get("/capture/").status_code == 302


@pytest.mark.parametrize("path", ["/capture/offline-copy/", "/offline/"])
def test_the_copies_kept_for_offline_use_hold_nobodys_data_even_when_asked_logged_in(
    user, user_client, path
):
    interview = InterviewFactory(owner=user, starts_at=timezone.now())

    page = user_client.get(path).content.decode()

    assert user.username not in page
    assert interview.application.role not in page
    assert interview.application.organisation.name not in page
    assert "Log out" not in page


def test_the_manifest_names_the_app_its_icons_and_where_it_opens(db):
    answer = Client().get("/manifest.webmanifest")

    assert answer["Content-Type"] == "application/manifest+json"
    manifest = json.loads(answer.content)
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == "/capture/"
    assert manifest["name"] and manifest["short_name"] and manifest["theme_color"]
    sizes = {}
    for icon in manifest["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        with Image.open(path) as picture:
            assert f"{picture.width}x{picture.height}" == icon["sizes"]
        sizes.setdefault(icon["sizes"], set()).add(icon.get("purpose", "any"))
    assert sizes == {"192x192": {"any"}, "512x512": {"any", "maskable"}}


def test_every_page_links_the_manifest(user_client):
    page = user_client.get("/").content.decode()

    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert 'name="theme-color"' in page


def test_the_service_worker_is_served_from_the_root_for_the_whole_site(db):
    answer = Client().get("/sw.js")

    assert answer["Content-Type"] == "text/javascript"
    assert answer["Service-Worker-Allowed"] == "/"
    assert "no-cache" in answer["Cache-Control"]
    script = answer.content.decode()
    assert '"/capture/offline-copy/"' in script
    # Only static files and the two copies without data are kept.
    kept = json.loads(script.split("const KEEP = ", 1)[1].split(";", 1)[0])
    assert all(
        path.startswith("/static/") or path in ("/capture/offline-copy/", "/offline/")
        for path in kept
    )


def test_today_is_one_tap_from_the_capture_page_new_account_or_not(user, user_client):
    """A newcomer finds it among the ways in; someone with history beside "I've heard back"."""
    assert 'href="/capture/"' in user_client.get("/").content.decode()

    InterviewFactory(owner=user)
    page = user_client.get("/").content.decode()
    assert not page.count("Where would you like to start?")
    assert '<a class="button secondary" href="/capture/">Just out of an interview</a>' in page
