"""The question bank in a real browser: a review session by keyboard alone, and axe on every page."""

from __future__ import annotations

from django.urls import reverse

from nextround.questions.models import Rating, Review
from tests.browser.accessibility import assert_accessible
from tests.factories import InterviewFactory
from tests.questions.factories import QuestionFactory, QuestionToAskFactory


def test_a_review_session_runs_on_the_keyboard_alone(logged_in_page, user):
    first = QuestionFactory(
        owner=user,
        text="Why do you want to work in archives?",
        star_result="A catalogue of 400 boxes",
    )
    QuestionFactory(
        owner=user,
        text="What is your greatest weakness?",
        tricky=True,
        star_result="I now ask for help sooner",
    )
    page = logged_in_page
    page.goto(reverse("questions:review"))
    assert_accessible(page)
    assert page.get_by_role("heading", name="Why do you want to work in archives?").is_visible()
    assert not page.get_by_text("A catalogue of 400 boxes").is_visible()

    # Tab from the top of the page to the reveal control, then open it with Enter.
    summary = page.locator("details[data-review] > summary")
    for _ in range(40):
        page.keyboard.press("Tab")
        if summary.evaluate("element => element === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reached “Show the answer”")
    page.keyboard.press("Enter")
    assert page.get_by_text("A catalogue of 400 boxes").is_visible()
    assert page.get_by_role("button", name="Good").is_visible()
    assert_accessible(page)

    # Rating brings the next question in place, in one round trip, with the
    # keyboard on its "Show the answer".
    requests = []
    page.on(
        "request",
        lambda request: "/static/" in request.url or requests.append(request.method),
    )
    page.keyboard.press("3")
    page.get_by_role("heading", name="What is your greatest weakness?").wait_for()
    assert Review.objects.get(question=first).rating == Rating.GOOD
    assert requests == ["POST"]
    assert page.url.endswith(reverse("questions:review"))
    assert summary.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert page.get_by_text("I now ask for help sooner").is_visible()
    assert_accessible(page)


def test_every_question_bank_page_passes_axe(logged_in_page, user):
    interview = InterviewFactory(owner=user, notes="1. Why this museum?\n- Tell us about a project")
    question = QuestionFactory(owner=user, text="Why this museum?", star_situation="A school visit")
    question.interviews.add(interview)
    QuestionFactory(owner=user, text="Why this museum, really?", category="motivation")
    QuestionToAskFactory(owner=user).interviews.add(interview)
    page = logged_in_page
    for path in (
        reverse("questions:questions"),
        question.get_absolute_url(),
        reverse("questions:question_edit", args=[question.pk]),
        reverse("questions:question_create"),
        reverse("questions:starter"),
        reverse("questions:practice") + "?category=competency",
        reverse("questions:stats"),
        reverse("questions:ask"),
        reverse("questions:interview_notes", args=[interview.pk]),
        interview.get_absolute_url(),
        reverse("accounts:settings"),
        reverse("today"),
    ):
        page.goto(path)
        assert_accessible(page)
    page.goto(reverse("questions:practice") + "?category=competency")
    page.get_by_text("Show the answer").click()
    assert page.get_by_text("A school visit").is_visible()
    assert_accessible(page)
