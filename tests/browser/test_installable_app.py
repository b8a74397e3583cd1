"""The installable app in Chromium: manifest and service worker, a note made offline, and logout."""

from __future__ import annotations

import datetime

from django.utils import timezone

from nextround.captures.models import Capture
from nextround.questions.models import Question
from tests.browser.accessibility import assert_accessible
from tests.factories import ApplicationFactory, InterviewFactory

PHONE = {"width": 390, "height": 844}


def controlled_by_the_worker(page) -> None:
    """Wait until the service worker is installed and controls this tab."""
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    if not page.evaluate("() => Boolean(navigator.serviceWorker.controller)"):
        page.reload()
        page.wait_for_function("() => Boolean(navigator.serviceWorker.controller)")


def test_the_manifest_is_valid_and_the_worker_makes_it_installable(logged_in_page):
    page = logged_in_page
    page.set_viewport_size(PHONE)
    page.goto("/")
    controlled_by_the_worker(page)
    cdp = page.context.new_cdp_session(page)

    manifest = cdp.send("Page.getAppManifest")
    installable = cdp.send("Page.getInstallabilityErrors")

    assert manifest["url"].endswith("/manifest.webmanifest")
    assert manifest["errors"] == []
    # A test's browser context is a private one, where nothing is ever installed.
    problems = [e["errorId"] for e in installable["installabilityErrors"]]
    assert [p for p in problems if p != "in-incognito"] == []


def test_a_note_made_offline_is_sent_once_when_the_connection_returns(
    logged_in_page, user, api_for
):
    interview = InterviewFactory(owner=user, starts_at=timezone.now() - datetime.timedelta(hours=1))
    page = logged_in_page
    page.set_viewport_size(PHONE)
    page.goto("/capture/")
    controlled_by_the_worker(page)
    assert_accessible(page)

    page.context.set_offline(True)
    # Without a connection the capture page is the worker's copy: nobody's interviews in it.
    page.goto("/capture/")
    assert page.get_by_role("heading", name="Just out of an interview").is_visible()
    assert page.get_by_label("Which interview").count() == 0
    assert_accessible(page)
    page.get_by_label("Organisation").fill(interview.application.organisation.name)
    page.get_by_label("Role").fill(interview.application.role)
    page.get_by_label("The questions they asked").fill(
        "Why do you want to work with our collection?\nHow would you plan a stocktake?"
    )
    page.get_by_label("I had no answer ready for these").check()
    page.get_by_label("4 · Good").check()
    page.get_by_role("button", name="Keep this note").click()

    page.get_by_text("1 note is waiting to send.").wait_for()
    assert page.get_by_text("Waiting to send.", exact=True).is_visible()
    assert_accessible(page)
    assert not Capture.objects.exists()

    page.context.set_offline(False)
    page.get_by_text("Your note has been sent.").wait_for()
    assert_accessible(page)

    listed = api_for(user).get("/api/v1/captures").json()
    assert len(listed) == 1
    assert listed[0]["interview_id"] == interview.pk
    bank = Question.objects.filter(owner=user)
    assert sorted(q.text for q in bank) == [
        "How would you plan a stocktake?",
        "Why do you want to work with our collection?",
    ]
    assert all(q.unprepared and interview in q.interviews.all() for q in bank)
    # A later visit finds nothing left to send, and sends nothing twice.
    page.goto("/capture/")
    page.wait_for_function("() => window.NextRoundQueue !== undefined")
    assert page.evaluate("() => NextRoundQueue.all().then(notes => notes.length)") == 0
    assert Capture.objects.count() == 1


def test_a_logged_out_session_keeps_the_queue_and_asks_to_log_in(logged_in_page, user):
    page = logged_in_page
    page.set_viewport_size(PHONE)
    page.goto("/capture/")
    controlled_by_the_worker(page)
    page.context.set_offline(True)
    page.get_by_label("Organisation").fill("Saltmarsh Heritage Trust")
    page.get_by_label("Role").fill("Learning Officer")
    page.get_by_role("button", name="Keep this note").click()
    page.get_by_text("1 note is waiting to send.").wait_for()

    page.context.clear_cookies()
    page.context.set_offline(False)
    page.get_by_role("button", name="Send now").click()

    page.get_by_text("You have been logged out.").wait_for()
    assert page.get_by_role("link", name="Log in").is_visible()
    assert page.evaluate("() => NextRoundQueue.all().then(notes => notes.length)") == 1
    assert_accessible(page)
    assert not Capture.objects.exists()


def test_no_personal_page_is_served_from_the_cache_after_logout(logged_in_page, user):
    application = ApplicationFactory(owner=user, role="Keeper of Rare Books")
    InterviewFactory(owner=user, application=application, starts_at=timezone.now())
    page = logged_in_page
    page.set_viewport_size(PHONE)
    page.goto("/")
    controlled_by_the_worker(page)
    personal = ["/", "/applications/", application.get_absolute_url(), "/capture/"]
    for path in personal:
        page.goto(path)
        assert "Keeper of Rare Books" in page.content() or path == "/"

    page.get_by_role("button", name="Log out").click()
    page.context.set_offline(True)

    for path in personal:
        page.goto(path)
        assert "Keeper of Rare Books" not in page.content(), path
        assert "Signed in as" not in page.content(), path
    page.goto("/applications/")
    assert page.get_by_role("heading", name="No connection just now").is_visible()
    assert_accessible(page)
    kept = page.evaluate(
        """async () => {
            const paths = [];
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
            }
            return paths;
        }"""
    )
    assert kept
    assert all(
        p.startswith("/static/") or p in ("/capture/offline-copy/", "/offline/") for p in kept
    )


def test_a_refused_note_says_why_in_the_forms_words_and_can_be_removed(logged_in_page, user):
    interview = InterviewFactory(owner=user, starts_at=timezone.now() - datetime.timedelta(hours=1))
    page = logged_in_page
    page.set_viewport_size(PHONE)
    page.goto("/capture/")
    page.get_by_label("Which interview").select_option(str(interview.pk))
    page.get_by_label("They promised a decision by").fill("2020-01-06")
    page.get_by_label("4 · Good").check()
    page.get_by_role("button", name="Keep this note").click()

    page.get_by_text(
        "Not sent. They promised a decision by: The decision cannot be promised before the interview."
    ).wait_for()
    assert_accessible(page)
    assert not Capture.objects.exists()
    page.get_by_role("button", name="Remove this note").click()
    page.get_by_role("button", name="Remove this note").wait_for(state="detached")
    assert page.evaluate("() => NextRoundQueue.all().then(notes => notes.length)") == 0


def test_a_refusal_stands_when_the_other_sender_hears_later_that_the_session_ended(logged_in_page):
    """The page and the service worker may both send a note; the server's refusal is not undone."""
    page = logged_in_page
    page.goto("/capture/")
    statuses = page.evaluate(
        """async () => {
            const q = NextRoundQueue;
            const note = {client_id: q.newId(), saved_at: "2026-01-01T00:00:00Z", label: "A note",
                          status: "waiting", body: {}};
            await q.put(note);
            await q.update(note.client_id, s => { s.status = "refused"; s.problems = []; });
            await q.update(note.client_id, s => { s.status = "login"; });
            const after = (await q.all()).map(n => n.status);
            await q.remove(note.client_id);
            await q.update(note.client_id, s => { s.status = "login"; });
            return [after, (await q.all()).length];
        }"""
    )
    assert statuses == [["refused"], 0]


def test_the_page_and_the_worker_take_turns_so_a_note_is_sent_once(logged_in_page):
    """While another sender holds the turn, sending waits, then finds the note already gone."""
    page = logged_in_page
    page.goto("/capture/")
    posted = []

    def count(route):
        posted.append(route.request.method)
        route.continue_()

    page.route("**/api/v1/captures", count)
    sent = page.evaluate(
        """async () => {
            const q = NextRoundQueue;
            await q.sendAll();  // whatever the page sent on opening has gone
            const id = q.newId();
            await q.put({client_id: id, saved_at: "2026-01-01T00:00:00Z", label: "A note",
                         status: "waiting", body: {client_id: id}});
            let sending;
            await navigator.locks.request("nextround-captures-send", async () => {
                sending = q.sendAll();  // the other sender has the turn: this waits
                await q.remove(id);     // ...and sends the note meanwhile
            });
            const outcome = await sending;
            return [outcome.sent.length, (await q.all()).length];
        }"""
    )
    assert sent == [0, 0]
    assert posted == []
