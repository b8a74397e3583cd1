"""What each kind of step needs to be done on the spot: drafts, people, links, history."""

from __future__ import annotations

from urllib.parse import quote_plus, urlencode

from django.urls import NoReverseMatch, reverse

from nextround.jobs.models import Application
from nextround.playbook.drafts import draft_for
from nextround.playbook.models import Action, ActionKind

SELF_CARE = (
    "See a friend, or call one: say it out loud, then talk about something else.",
    "Go outside for an hour: a walk, a park, a gallery you love for no reason.",
    "Have a treat you would not usually buy yourself.",
    "Do something you are good at that has nothing to do with work.",
    "Cook something slow and good, and eat it away from a screen.",
    "Have an early night. Tomorrow can wait until tomorrow.",
)

KIND_NOTES = (
    "Being turned down hurts because you cared, and caring is what makes you good at this.",
    "You were one of very few people who got this far. That did not stop being true today.",
    "A no closes one door; it does not say anything about the next one.",
)


def people_searches(*phrases: str) -> list[tuple[str, str]]:
    """Ready-made searches for a person: a web search and LinkedIn's people search.

    Each phrase (a name, a role, an organisation) is searched for as a
    whole on the web, and all of them together on LinkedIn.
    """
    phrases = tuple(phrase.strip() for phrase in phrases if phrase and phrase.strip())
    web = " ".join(f'"{phrase}"' for phrase in phrases)
    return [
        ("Search the web", "https://duckduckgo.com/?" + urlencode({"q": web})),
        (
            "Search people on LinkedIn",
            "https://www.linkedin.com/search/results/people/?keywords="
            + quote_plus(" ".join(phrases)),
        ),
    ]


def winner_searches(application: Application) -> list[tuple[str, str]]:
    """Ready-made searches for whoever got the job."""
    return people_searches(application.role, application.organisation.name)


def _url_or_blank(name: str, *args) -> str:
    """A page of another area, if that area has built it yet."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def content_for(action: Action) -> dict:
    """Everything the action's page shows besides the buttons, by kind."""
    content: dict = {"draft": draft_for(action)}
    application = action.application
    # The panel for a connect_panel step comes from the contacts area, which
    # builds on the plan: its template tag ``connect_panel`` fills that part.
    if action.kind == ActionKind.FIND_WINNER and application:
        content["searches"] = winner_searches(application)
        content["winner_form_url"] = _url_or_blank("feedback:winner_create", application.pk)
    elif action.kind == ActionKind.BE_KIND:
        content["kind_note"] = KIND_NOTES[action.pk % len(KIND_NOTES)]
        content["self_care"] = SELF_CARE[action.pk % len(SELF_CARE)]
        content["more_self_care"] = [idea for idea in SELF_CARE if idea != content["self_care"]][:3]
    elif action.kind == ActionKind.REAPPLY_WATCH:
        organisation = action.organisation or (application.organisation if application else None)
        content["organisation"] = organisation
        if organisation is not None:
            content["history"] = list(
                organisation.applications.order_by("applied_on", "id").prefetch_related(
                    "interviews"
                )
            )
    elif action.kind in (ActionKind.REVIEW_NOTES, ActionKind.CLAIM_EXPENSES):
        content["interview"] = action.interview
        if action.kind == ActionKind.REVIEW_NOTES and action.interview_id:
            content["notes_url"] = _url_or_blank("questions:interview_notes", action.interview_id)
    return content
