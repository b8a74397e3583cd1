"""After a no: context that takes the sting out, and a kind word about thinking traps.

Shown for three days after a rejection. It never blames, never counts
streaks; it only puts the news in proportion.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import timezone

from nextround.core.account_cache import kept_for_account
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
    earlier = {
        "decided_on__lte": application.decided_on,
        "outcome__in": NO_OUTCOMES,
    }
    yeses = (
        Application.objects.for_user(user)
        .filter(outcome__in=YES_OUTCOMES, decided_on__isnull=False)
        .exclude(pk=application.pk)
    )
    latest_yes = yeses.order_by("-decided_on")

    def count():
        # Counted in one query, however many decisions there have been.
        return (
            Application.objects.for_user(user)
            .exclude(pk=application.pk)
            .aggregate(
                earlier_nos=Count("id", filter=Q(**earlier)),
                # Followed by a yes anywhere: earlier than the latest yes of all.
                followed=Count(
                    "id",
                    filter=Q(**earlier)
                    & Q(decided_on__lt=Subquery(latest_yes.values("decided_on")[:1])),
                ),
                followed_here=Count(
                    "id",
                    filter=Q(**earlier)
                    & Q(
                        # By organisation alone, which is the user's and indexed:
                        # one look-up per no rather than a pass over every yes.
                        Exists(
                            Application.objects.filter(
                                organisation_id=OuterRef("organisation_id"),
                                outcome__in=YES_OUTCOMES,
                                decided_on__gt=OuterRef("decided_on"),
                            ).exclude(pk=application.pk)
                        )
                    ),
                ),
            )
        )

    # Kept until the account changes: Today shows the panel on every visit for three days.
    counts = kept_for_account(user, f"calm:{application.pk}", count)
    return CalmPanel(
        application=application,
        applicants=application.applicants,
        earlier_nos=counts["earlier_nos"],
        nos_followed_by_yes=counts["followed"],
        followed_here=counts["followed_here"],
        # Steady for the three days, different from one no to the next.
        trap=THINKING_TRAPS[application.pk % len(THINKING_TRAPS)],
    )
