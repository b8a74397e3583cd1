"""Adding or changing an interview, and what it does to the plan.

The one place for this workflow: the web form and the API both call
``save_interview``, so they accept the same values, refuse the same ones
with the same field named, and keep the decision chase in step alike.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from nextround.core.access import all_owned
from nextround.jobs.models import Interview
from nextround.network.models import Contact
from nextround.playbook.plan import interview_saved

# The interview's own fields that a caller may set; ``panel`` and
# ``new_panel`` are handled apart, since they are people, not columns.
FIELDS = (
    "application",
    "stage",
    "starts_at",
    "format",
    "location",
    "decision_promised_by",
    "notes",
    "self_assessment",
    "feeling",
)

PANEL_MESSAGE = "Every panel member must be one of your contacts."


def panel_of(owner, people: Iterable) -> list[Contact]:
    """The owner's contacts among ``people`` (contacts or their ids); any other is refused."""
    return all_owned(Contact, owner, people, field="panel", message=PANEL_MESSAGE)


@transaction.atomic
def save_interview(owner, interview: Interview | None, values: dict) -> Interview:
    """Add an interview (``interview`` None) or change one, then keep the plan in step.

    ``values`` holds cleaned values keyed by the model's names; only the
    keys present change (so a partial update sends just those). ``panel``
    is a list of the owner's contacts (or their ids) and replaces the
    panel; ``new_panel`` is a list of ``(name, role)`` for people met for
    the first time, added to the contacts and to the panel. A new
    interview moves its application on to interviewing. Raises
    ``ValidationError({field: message})`` and saves nothing on refusal.
    """
    creating = interview is None
    if creating:
        interview = Interview(owner=owner)
    for name in FIELDS:
        if name in values:
            setattr(interview, name, values[name])
    panel = panel_of(owner, values["panel"]) if values.get("panel") is not None else None
    interview.full_clean()
    interview.save()
    if panel is not None:
        interview.panel.set(panel)
    for name, role in values.get("new_panel") or ():
        interview.panel.add(
            Contact.objects.create(
                owner=owner, name=name, role=role, organisation=interview.application.organisation
            )
        )
    if creating:
        interview.application.advance_to_interviewing()
    interview_saved(interview)
    return interview
