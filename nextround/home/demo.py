"""The demo account: a made-up but lifelike job search, so a newcomer sees a living app.

``nextround demo`` calls :func:`build`, which deletes the ``demo`` account
(and with it everything it owns) and tells the story again, chapter by
chapter: each area writes its own chapter; scenes that need several areas at
once are told here. Every person, place and address here is invented.

Adding your area to the story
-----------------------------

Write ``add_demo_chapter(story: Story) -> None`` in ``nextround/<area>/demo.py``
and add it to ``CHAPTERS`` here, after the chapters it builds on. It runs
after the chapters before it, so it can reach what they made through the story's named records, for example
``story.applications["traineeship_first"]`` or ``story.interviews["overdue"]``,
and it should put what it makes into ``story.extra`` under its own key if a
later chapter may need it. Dates are always relative to ``story.today``
(``story.day(-30)`` is a month ago, ``story.at(-10, 14)`` ten days ago at
14:00), so the demo looks current whenever it is built.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

# Re-exported: the demo command and the tests find the demo's login here.
from nextround.accounts.demo import (  # noqa: F401
    DEMO_EMAIL,
    DEMO_PASSWORD,
    DEMO_USERNAME,
    NotADemoAccount,
    reset_demo_user,
)
from nextround.core.demo import Story
from nextround.expenses import demo as expenses_demo
from nextround.feedback import demo as feedback_demo
from nextround.happybox import demo as happybox_demo
from nextround.jobs import demo as jobs_demo
from nextround.jobs.models import Application, Contract, Interview, InterviewFormat, Outcome, Status
from nextround.network import demo as network_demo
from nextround.network.models import Contact
from nextround.playbook import demo as playbook_demo
from nextround.playbook.plan import record_outcome
from nextround.questions import demo as questions_demo


def yesterdays_no(story: Story) -> None:
    """Yesterday's no at Ashcombe, recorded as anyone would: the plan and the calm panel follow.

    Told here because it needs three areas at once: an application, its panel, its outcome.
    """
    ashcombe = story.organisations["ashcombe"]
    visitor = Application.objects.create(
        owner=story.user,
        organisation=ashcombe,
        role="Visitor experience assistant",
        contract=Contract.PAID,
        applied_on=story.day(-33),
        closing_on=story.day(-28),
        applicants=58,
        link="https://ashcombe-house.example.org/jobs/visitor-experience",
        status=Status.INTERVIEWING,
    )
    story.applications["visitor_experience"] = visitor
    interview = Interview.objects.create(
        owner=story.user,
        application=visitor,
        stage="Panel interview",
        starts_at=story.at(-9, 11),
        format=InterviewFormat.IN_PERSON,
        location="Ashcombe House, stable block",
        decision_promised_by=story.day(-3),
        notes="Q: Tell us about a time you turned a complaint around.\n"
        "Q: How would you make the house welcoming to families?",
    )
    story.interviews["visitor_experience"] = interview
    manager = Contact.objects.create(
        owner=story.user,
        name="Imogen Faraday",
        role="Visitor experience manager",
        organisation=ashcombe,
        email="faraday@ashcombe-house.example.org",
        links={"linkedin": "https://linkedin.example.org/in/imogen-faraday"},
    )
    story.contacts["visitor_manager"] = manager
    interview.panel.add(manager)
    record_outcome(visitor, Outcome.REJECTED, story.day(-1))


# Each area adds its chapter here, after the ones it builds on.
CHAPTERS: list[Callable[[Story], None]] = [
    jobs_demo.add_demo_chapter,
    network_demo.add_panels,
    playbook_demo.add_demo_chapter,
    yesterdays_no,
    network_demo.add_demo_chapter,
    feedback_demo.add_demo_chapter,
    questions_demo.add_demo_chapter,
    happybox_demo.add_demo_chapter,
    expenses_demo.add_demo_chapter,
]


@transaction.atomic
def build(today: datetime.date | None = None) -> Story:
    """Tell the whole demo story for a fresh ``demo`` account; safe to run again."""
    story = Story(user=reset_demo_user(), today=today or timezone.localdate())
    for chapter in CHAPTERS:
        chapter(story)
    return story
