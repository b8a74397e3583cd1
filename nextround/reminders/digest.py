"""The morning digest: what needs doing today, by email, once a day.

Sending is decided and recorded in one transaction: the day's
``DigestSent`` row is inserted first, and the unique constraint on person
and day makes a second process (or a second run) fail that insert and send
nothing. A digest that cannot be sent rolls its row back, so the next run
tries again.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from nextround.core.access import owned
from nextround.jobs.models import Interview
from nextround.playbook.agenda import agenda_for
from nextround.reminders.models import DigestSent, ReminderSettings
from nextround.vacancies.models import Vacancy

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "nextround.reminders.unsubscribe.v2"
# Digests sent before the link stopped carrying a time were signed with this.
TIMED_UNSUBSCRIBE_SALT = "nextround.reminders.unsubscribe"
INTERVIEW_HORIZON = datetime.timedelta(days=2)
# A digest lists this many of each kind; the app has the rest.
LIMIT = 20


def settings_for(user) -> ReminderSettings:
    """The person's reminder settings; the defaults (unsaved) if they never chose."""
    found = ReminderSettings.objects.filter(user=user).first()
    return found or ReminderSettings(user=user)


def unsubscribe_token(user) -> str:
    """A signed token that turns ``user``'s digest off without logging in.

    It carries no time, so every digest to a person has the same link.
    """
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object({"user": user.pk}, compress=True)


def user_for_token(token: str):
    """The account an unsubscribe token names, or None when it is forged or stale."""
    try:
        data = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
    except signing.BadSignature:
        try:  # links in digests sent before tokens stopped carrying a time
            data = signing.loads(token, salt=TIMED_UNSUBSCRIBE_SALT)
        except signing.BadSignature:
            return None
    pk = data.get("user") if isinstance(data, dict) else None
    return get_user_model().objects.filter(pk=pk, is_active=True).first() if pk else None


def site_url() -> str:
    """Where links in an email point: NEXTROUND_BASE_URL, or the laptop default."""
    return settings.BASE_URL or "http://127.0.0.1:8000"


@dataclass
class Digest:
    """One morning's email for one person."""

    subject: str
    text: str
    html: str
    overdue: list = field(default_factory=list)
    due_today: list = field(default_factory=list)
    interviews: list = field(default_factory=list)
    vacancies: list = field(default_factory=list)

    @property
    def has_news(self) -> bool:
        return bool(self.overdue or self.due_today or self.interviews or self.vacancies)


def build_digest(user, now: datetime.datetime | None = None) -> Digest:
    """Today's digest for ``user``: steps overdue and due, interviews soon, new vacancies."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    agenda = agenda_for(user, today)
    interviews = list(
        owned(Interview, user)
        .filter(starts_at__gte=now, starts_at__lt=now + INTERVIEW_HORIZON)
        .select_related("application__organisation")
        .order_by("starts_at")[:LIMIT]
    )
    # New since yesterday's digest would have listed them.
    vacancies = list(
        owned(Vacancy, user)
        .fresh()
        .filter(first_seen_at__gte=now - datetime.timedelta(days=1))
        .select_related("organisation")[:LIMIT]
    )
    base = site_url()
    context = {
        "user": user,
        "today": today,
        "base": base,
        "overdue": agenda.overdue[:LIMIT],
        "due_today": agenda.due_today[:LIMIT],
        "interviews": interviews,
        "vacancies": vacancies,
        "today_url": base + reverse("today"),
        "unsubscribe_url": base + reverse("reminders:unsubscribe", args=[unsubscribe_token(user)]),
    }
    count = len(agenda.overdue) + len(agenda.due_today)
    subject = ngettext(
        "Next Round: %(count)d step for today", "Next Round: %(count)d steps for today", count
    ) % {"count": count}
    if not count:
        subject = "Next Round: your morning"
    return Digest(
        subject=subject,
        text=render_to_string("reminders/digest.txt", context),
        html=render_to_string("reminders/digest.html", context),
        overdue=context["overdue"],
        due_today=context["due_today"],
        interviews=interviews,
        vacancies=vacancies,
    )


def digest_message(user, address: str, digest: Digest) -> EmailMultiAlternatives:
    """The email for a digest, with a one-click unsubscribe header (RFC 8058)."""
    unsubscribe = site_url() + reverse("reminders:unsubscribe", args=[unsubscribe_token(user)])
    message = EmailMultiAlternatives(
        subject=digest.subject,
        body=digest.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(digest.html, "text/html")
    return message


def is_due(choice: ReminderSettings, now: datetime.datetime) -> bool:
    """Whether this person's digest should go out at ``now`` (their time has come today)."""
    return (
        choice.digest_enabled
        and bool(choice.email)
        and timezone.localtime(now).time() >= (choice.alarm_time)
    )


@dataclass
class Sent:
    """What happened to one person's digest on one run."""

    username: str
    address: str
    outcome: str  # "sent", "would send", "nothing new", "already sent", "failed: …"


def send_digest_once(
    choice: ReminderSettings, now: datetime.datetime, *, dry_run: bool = False
) -> Sent:
    """Send today's digest of one person unless it went already; record it in the same transaction."""
    user = choice.user
    today = timezone.localdate(now)
    if dry_run:
        done = DigestSent.objects.filter(user=user, day=today).exists()
        return Sent(user.username, choice.email, "already sent" if done else "would send")
    try:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    DigestSent.objects.create(user=user, day=today)
            except IntegrityError:
                return Sent(user.username, choice.email, "already sent")
            digest = build_digest(user, now)
            if not digest.has_news:
                # Nothing to say is not worth an email; the row stays, so
                # later runs today do not build it again.
                return Sent(user.username, choice.email, "nothing new")
            digest_message(user, choice.email, digest).send()
    except IntegrityError:
        return Sent(user.username, choice.email, "already sent")
    except OSError as error:
        # The mail server refused or could not be reached: the row is rolled
        # back with the transaction, so the next run tries again.
        logger.warning("Digest for %s not sent: %s", user.username, error)
        return Sent(user.username, choice.email, f"failed: {error}")
    return Sent(user.username, choice.email, "sent")


def send_due_digests(
    now: datetime.datetime | None = None, *, user=None, dry_run: bool = False
) -> list[Sent]:
    """Send every digest due now and not yet sent today (only ``user``'s, if given)."""
    now = now or timezone.now()
    if not settings.EMAIL_ENABLED:
        return []
    choices = (
        ReminderSettings.objects.filter(digest_enabled=True, user__is_active=True)
        .exclude(email="")
        .select_related("user")
        .order_by("id")
    )
    if user is not None:
        choices = choices.filter(user=user)
    return [
        send_digest_once(choice, now, dry_run=dry_run) for choice in choices if is_due(choice, now)
    ]


def turn_off_digest(user) -> None:
    """Stop the digest for ``user`` (the unsubscribe link)."""
    ReminderSettings.objects.filter(user=user).update(
        digest_enabled=False, updated_at=timezone.now()
    )
