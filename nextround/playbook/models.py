"""Actions: the dated, doable steps of the playbook, and each user's own offsets."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from nextround.core.models import OwnedModel, OwnedQuerySet


class ActionKind(models.TextChoices):
    CHASE_DECISION = "chase_decision", "Chase the decision"
    ASK_FEEDBACK = "ask_feedback", "Ask for feedback"
    CHASE_FEEDBACK = "chase_feedback", "Chase the feedback"
    REVIEW_NOTES = "review_notes", "Review your interview notes"
    CONNECT_PANEL = "connect_panel", "Connect with the panel"
    CLAIM_EXPENSES = "claim_expenses", "Claim back travel expenses"
    FIND_WINNER = "find_winner", "Find out who got the job"
    BE_KIND = "be_kind", "Be kind to yourself"
    REAPPLY_WATCH = "reapply_watch", "Watch for their next vacancy"
    FOLLOW_UP = "follow_up", "Follow up"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    SKIPPED = "skipped", "Skipped"
    SNOOZED = "snoozed", "Snoozed"


# Open and snoozed actions are still to do; done and skipped ones are history.
LIVE_STATUSES = (ActionStatus.OPEN, ActionStatus.SNOOZED)


class ActionQuerySet(OwnedQuerySet):
    def live(self) -> ActionQuerySet:
        """Still to do: open, or snoozed to a later day."""
        return self.filter(status__in=LIVE_STATUSES)


class Action(OwnedModel):
    """One step of the playbook, due on a day, about an application, a person or a place."""

    kind = models.CharField(max_length=20, choices=ActionKind)
    status = models.CharField(max_length=10, choices=ActionStatus, default=ActionStatus.OPEN)
    due_on = models.DateField()
    application = models.ForeignKey(
        "jobs.Application",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="actions",
    )
    organisation = models.ForeignKey(
        "jobs.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="actions",
    )
    contact = models.ForeignKey(
        "network.Contact",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="actions",
    )
    interview = models.ForeignKey(
        "jobs.Interview",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="actions",
    )
    # The rule that made it ("" when made by hand or by another area); rules
    # look their own actions up by it so running twice never adds a second.
    rule = models.CharField(max_length=60, blank=True, db_index=True)
    # What the step is about in a sentence, or why it was skipped.
    note = models.TextField(blank=True, max_length=5000)
    # Set when the plan itself skipped the action because its reason went
    # away (the outcome changed, the decision came), not the person.
    retired = models.BooleanField(default=False)
    done_at = models.DateTimeField(null=True, blank=True)
    # What came of the step, in the person's words (for find_winner: what the
    # successful candidate had that they did not).
    result = models.TextField(blank=True, max_length=5000)
    # The person's own edits of a drafted message; blank means "use the draft".
    draft_subject = models.CharField(max_length=300, blank=True)
    draft_body = models.TextField(blank=True, max_length=10000)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["owner", "status", "due_on"]),
            # "Lately" on the plan: the last steps finished, newest first.
            models.Index(fields=["owner", "-updated_at", "-id"], name="action_owner_recent_idx"),
            # A contact's next follow-up, asked for each contact on the contacts page.
            models.Index(
                fields=["contact", "kind", "status", "due_on"], name="action_contact_next_idx"
            ),
        ]

    def __str__(self) -> str:
        subject = self.subject_label
        return f"{self.get_kind_display()}: {subject}" if subject else self.get_kind_display()

    def get_absolute_url(self) -> str:
        return reverse("playbook:action", args=[self.pk])

    @cached_property
    def subject_label(self) -> str:
        """Who or what the action is about, in a few words."""
        if self.contact_id:
            return self.contact.name
        if self.application_id:
            return f"{self.application.role}, {self.application.organisation.name}"
        if self.organisation_id:
            return self.organisation.name
        return ""

    @property
    def is_live(self) -> bool:
        return self.status in LIVE_STATUSES

    @property
    def due_state(self) -> str:
        """``overdue``, ``today`` or ``later``, for the badge beside the title."""
        today = timezone.localdate()
        if self.due_on < today:
            return "overdue"
        return "today" if self.due_on == today else "later"


class PlaybookSettings(models.Model):
    """A person's own offsets for the rules, in the units each rule counts in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="playbook_settings"
    )
    # {rule key: days}; a rule missing here uses the table's default.
    offsets = models.JSONField(default=dict, blank=True)

    def __str__(self) -> str:
        return f"Playbook settings of {self.user}"
