"""The standing watch: visit each organisation's vacancies address when due,
and keep what is new as vacancies.

An organisation is watched while it has a ``vacancies_url``; its
``WatchState`` is made (or reset, when the address changes) the next time
the watch runs. A visit is claimed in the database before anything is
fetched, so two workers never visit the same address in the same window.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from nextround.jobs.models import Organisation
from nextround.playbook import plan
from nextround.playbook.models import Action, ActionKind
from nextround.vacancies import fetching
from nextround.vacancies.models import Vacancy, WatchState
from nextround.vacancies.parsing import Posting, read_postings

logger = logging.getLogger(__name__)

# Politeness: one visit per address in this window, whoever asks.
MIN_INTERVAL = datetime.timedelta(hours=6)
# A failing address is tried less and less often, but at least weekly.
MAX_BACKOFF = datetime.timedelta(days=7)
# Seconds between tries within one visit when a server is busy; tests set 0.
RETRY_PAUSE = 1.0


@dataclass
class WatchReport:
    """What one run of the watch did, for the command and the worker to tell."""

    checked: int = 0
    new_vacancies: int = 0
    failures: list[str] = field(default_factory=list)


def backoff(failures: int) -> datetime.timedelta:
    """How long to wait after ``failures`` failed visits in a row: 6 h, 12 h, 24 h… up to a week."""
    return min(MIN_INTERVAL * 2 ** max(failures - 1, 0), MAX_BACKOFF)


def sync_watches(user=None, now: datetime.datetime | None = None) -> None:
    """Give every organisation with a vacancies address a watch that matches it.

    A new or changed address is due at once; an organisation whose address
    was cleared loses its watch. The vacancies already found stay.
    """
    now = now or timezone.now()
    organisations = Organisation.objects.all()
    watches = WatchState.objects.all()
    if user is not None:
        organisations = organisations.filter(owner=user)
        watches = watches.filter(owner=user)
    watches.filter(organisation__vacancies_url="").delete()
    changed = watches.exclude(url=F("organisation__vacancies_url")).select_related("organisation")
    for watch in changed:
        watch.url = watch.organisation.vacancies_url
        watch.etag = watch.last_modified = watch.last_error = ""
        watch.failures = 0
        watch.seen_links = []
        watch.has_baseline = False
        watch.next_check_at = now
        watch.save()
    missing = organisations.exclude(vacancies_url="").filter(vacancy_watch__isnull=True)
    WatchState.objects.bulk_create(
        [
            WatchState(
                owner_id=organisation.owner_id,
                organisation=organisation,
                url=organisation.vacancies_url,
                next_check_at=now,
            )
            for organisation in missing
        ],
        ignore_conflicts=True,
    )


def claim(watch: WatchState, now: datetime.datetime) -> bool:
    """Take a due watch for this process; False when another got there first.

    One conditional UPDATE decides it: whichever process moves
    ``next_check_at`` past now owns this visit.
    """
    return bool(
        WatchState.objects.filter(pk=watch.pk, next_check_at__lte=now).update(
            next_check_at=now + MIN_INTERVAL
        )
    )


def visited_recently(watch: WatchState, now: datetime.datetime) -> datetime.datetime | None:
    """When another watch of the same address last visited it, if within the window."""
    return (
        WatchState.objects.filter(url=watch.url, last_checked_at__gt=now - MIN_INTERVAL)
        .exclude(pk=watch.pk)
        .order_by("-last_checked_at")
        .values_list("last_checked_at", flat=True)
        .first()
    )


def check_watch(watch: WatchState, now: datetime.datetime | None = None) -> int:
    """Visit one claimed watch's address; return how many new vacancies it found.

    A failure is recorded on the watch (shown on the organisation's page)
    and the next visit backs off; it is never raised.
    """
    now = now or timezone.now()
    try:
        if not fetching.robots_allow(watch.url):
            raise fetching.Refused("The site's robots.txt asks Next Round not to read this page.")
        answer = fetching.fetch(
            watch.url, etag=watch.etag, last_modified=watch.last_modified, pause=RETRY_PAUSE
        )
    except fetching.FetchError as error:
        watch.failures += 1
        watch.last_error = str(error)[:500]
        watch.last_checked_at = now
        watch.next_check_at = now + backoff(watch.failures)
        watch.save()
        return 0
    found: list[Posting] = []
    if not answer.unchanged:
        kind, postings = read_postings(answer.body, answer.text(), answer.content_type, answer.url)
        if kind == "links":
            seen = set(watch.seen_links)
            # The first visit only learns what is there: the links of a
            # page are its furniture until one appears that was not before.
            if watch.has_baseline:
                found = [Posting(title=text, url=url) for url, text in postings if url not in seen]
            watch.seen_links = [url for url, _ in postings]
            watch.has_baseline = True
        else:
            found = postings
        watch.etag = answer.etag[:300]
        watch.last_modified = answer.last_modified[:100]
    watch.failures = 0
    watch.last_error = ""
    watch.last_checked_at = now
    watch.next_check_at = now + MIN_INTERVAL
    with transaction.atomic():
        watch.save()
        return record_vacancies(watch.organisation, found, now)


def record_vacancies(organisation: Organisation, postings: list[Posting], now) -> int:
    """Keep the postings not already known at this organisation; return how many were new."""
    known = set(
        Vacancy.objects.filter(
            organisation=organisation, url__in=[posting.url for posting in postings]
        ).values_list("url", flat=True)
    )
    fresh: dict[str, Vacancy] = {}
    for posting in postings:
        if posting.url in known or posting.url in fresh:
            continue
        fresh[posting.url] = Vacancy(
            owner_id=organisation.owner_id,
            organisation=organisation,
            title=posting.title[:300],
            url=posting.url[:1000],
            closes_on=posting.closes_on,
            salary=posting.salary[:200],
            location=posting.location[:200],
            first_seen_at=now,
        )
    Vacancy.objects.bulk_create(fresh.values(), ignore_conflicts=True)
    return len(fresh)


def check_due_watches(user=None, now: datetime.datetime | None = None) -> WatchReport:
    """Visit every watch that is due (only ``user``'s, if given) and report."""
    now = now or timezone.now()
    sync_watches(user, now)
    due = WatchState.objects.filter(next_check_at__lte=now).select_related("organisation")
    if user is not None:
        due = due.filter(owner=user)
    report = WatchReport()
    for watch in due.order_by("next_check_at", "id"):
        if not claim(watch, now):
            continue
        recent = visited_recently(watch, now)
        if recent is not None:
            # Another organisation's watch read this address lately: wait
            # for the window to pass rather than visit the site twice.
            WatchState.objects.filter(pk=watch.pk).update(next_check_at=recent + MIN_INTERVAL)
            continue
        report.checked += 1
        report.new_vacancies += check_watch(watch, now)
        if watch.last_error:
            report.failures.append(f"{watch.organisation.name}: {watch.last_error}")
    return report


def watch_address(organisation: Organisation, url: str, step: Action | None = None) -> WatchState:
    """Watch ``organisation``'s vacancies at ``url`` from now on (validated by the caller).

    The "watch for their next vacancy" step that asked for it is done: the
    watch stands in for it.
    """
    with transaction.atomic():
        organisation.vacancies_url = url
        organisation.save(update_fields=["vacancies_url", "updated_at"])
        sync_watches(organisation.owner)
        if step is not None and step.kind == ActionKind.REAPPLY_WATCH and step.is_live:
            plan.mark_done(step)
    return organisation.vacancy_watch
