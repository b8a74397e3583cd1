"""The demo's plan chapter: outcomes recorded with their plans, and the old steps done."""

from __future__ import annotations

import datetime

from django.utils import timezone

from nextround.core.demo import Story
from nextround.jobs.models import Outcome
from nextround.playbook.models import Action, ActionKind, ActionStatus
from nextround.playbook.plan import interview_saved, record_outcome


def outcomes(story: Story) -> None:
    """How the finished applications ended, recorded as a user would, plan and all."""
    decided = {
        "volunteer_first": (Outcome.REJECTED, -396),
        "volunteer_second": (Outcome.ACCEPTED, -229),
        "traineeship_first": (Outcome.REJECTED, -290),
        "traineeship_second": (Outcome.ACCEPTED, -141),
        "gallery_learning": (Outcome.NOT_INVITED, -75),
        "heritage_engagement": (Outcome.NO_REPLY, -20),
    }
    for key, (outcome, offset) in decided.items():
        record_outcome(story.applications[key], outcome, story.day(offset))
    # The decisions still awaited get their chase, as they would on the web.
    for interview in story.interviews.values():
        interview_saved(interview)


def worked_through(story: Story) -> None:
    """The plan as Sam worked through it: old steps done, a watch snoozed, a closing note due."""

    apps = story.applications
    # The outcomes chapter recorded last year's news today, plan and all; in the
    # story those steps were worked through long ago, on the days they fell due.
    for key in ("volunteer_first", "volunteer_second", "traineeship_first", "traineeship_second"):
        application = apps[key]
        for action in Action.objects.filter(application=application).live():
            natural = application.decided_on + datetime.timedelta(days=2)
            action.due_on = natural
            action.status = ActionStatus.DONE
            action.done_at = timezone.make_aware(
                datetime.datetime.combine(natural, datetime.time(12))
            )
            if action.kind == ActionKind.FIND_WINNER and key == "traineeship_first":
                action.result = (
                    "A records management module from a part-time course, and a year "
                    "volunteering in a county record office."
                )
            action.save()
    # Not invited in the summer: feedback asked, and the gallery watched for its spring round.
    gallery = apps["gallery_learning"]
    Action.objects.filter(application=gallery, kind=ActionKind.ASK_FEEDBACK).update(
        status=ActionStatus.DONE, done_at=story.at(-74, 10), due_on=story.day(-74)
    )
    Action.objects.filter(application=gallery, kind=ActionKind.BE_KIND).update(
        status=ActionStatus.DONE, done_at=story.at(-75, 18), due_on=story.day(-75)
    )
    Action.objects.filter(application=gallery, kind=ActionKind.REAPPLY_WATCH).update(
        status=ActionStatus.SNOOZED,
        due_on=story.day(5),
        note="Their learning team recruits again each spring.",
    )
    # Ghosted three weeks ago: the closing note is a little overdue.
    Action.objects.filter(
        application=apps["heritage_engagement"], kind=ActionKind.FOLLOW_UP
    ).update(due_on=story.day(-2))


def add_demo_chapter(story: Story) -> None:
    """The plan: outcomes recorded as a user would, and the old steps worked through."""
    outcomes(story)
    worked_through(story)
