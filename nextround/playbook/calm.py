"""After a no: context that takes the sting out, and a kind word about thinking traps.

Shown for three days after a rejection. It never blames, never counts
streaks; it only puts the news in proportion.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from nextround.jobs.models import Application, Outcome

# How long the panel stays on Today after a no (the day itself and two more).
CALM_DAYS = 3

NO_OUTCOMES = (Outcome.REJECTED, Outcome.NOT_INVITED)
YES_OUTCOMES = (Outcome.OFFERED, Outcome.ACCEPTED)


@dataclass(frozen=True)
class ThinkingTrap:
    name: str
    thought: str
    reframe: str


THINKING_TRAPS = (
    ThinkingTrap(
        "Taking it personally",
        "“They didn't want me.”",
        "Panels choose between several good people for one post, often on things you could "
        "not see: an internal candidate, a particular mix of skills, budget. A no is about a "
        "match on one day, not about your worth.",
    ),
    ThinkingTrap(
        "All-or-nothing thinking",
        "“That interview was a disaster.”",
        "They invited you because your application was strong. Some answers landed and some "
        "didn't; both are useful, and neither undoes what got you into the room.",
    ),
    ThinkingTrap(
        "Fortune-telling",
        "“I'll never get a job in this sector.”",
        "Nobody can see the next round. Each interview is practice you carry into the next, "
        "and many people hear several no's before the yes that fits.",
    ),
)


@dataclass(frozen=True)
class CalmPanel:
    """What the "don't take it personally" panel says about one recent no."""

    application: Application
    applicants: int | None
    earlier_nos: int
    nos_followed_by_yes: int
    followed_here: int
    trap: ThinkingTrap


def recent_no(user, today: datetime.date | None = None) -> Application | None:
    """The most recent rejection of the last three days, if there is one."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=CALM_DAYS - 1)
    return (
        Application.objects.for_user(user)
        .filter(outcome__in=NO_OUTCOMES, decided_on__gte=since, decided_on__lte=today)
        .select_related("organisation")
        .order_by("-decided_on", "-id")
        .first()
    )


def calm_panel(user, today: datetime.date | None = None) -> CalmPanel | None:
    """The panel's context for the latest no, or None when there was none lately."""
    application = recent_no(user, today)
    if application is None:
        return None
    decided = list(
        Application.objects.for_user(user)
        .filter(outcome__in=(*NO_OUTCOMES, *YES_OUTCOMES), decided_on__isnull=False)
        .exclude(pk=application.pk)
        .values_list("outcome", "decided_on", "organisation_id")
    )
    yeses = [(on, org) for outcome, on, org in decided if outcome in YES_OUTCOMES]
    nos = [(on, org) for outcome, on, org in decided if outcome in NO_OUTCOMES]
    earlier_nos = [(on, org) for on, org in nos if on <= application.decided_on]
    followed = [(on, org) for on, org in earlier_nos if any(yes_on > on for yes_on, _ in yeses)]
    followed_here = [
        (on, org)
        for on, org in earlier_nos
        if any(yes_on > on and yes_org == org for yes_on, yes_org in yeses)
    ]
    return CalmPanel(
        application=application,
        applicants=application.applicants,
        earlier_nos=len(earlier_nos),
        nos_followed_by_yes=len(followed),
        followed_here=len(followed_here),
        # Steady for the three days, different from one no to the next.
        trap=THINKING_TRAPS[application.pk % len(THINKING_TRAPS)],
    )
