"""Engaging with the panel: who sat on it, how to reach them, and finishing the step once all are reached."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from nextround.core.access import owned
from nextround.jobs.models import Application, Interview
from nextround.network.drafts import note_for
from nextround.network.forms import ConnectionNoteForm
from nextround.network.models import ConnectionState, Contact, Network
from nextround.playbook.actions import complete_actions
from nextround.playbook.content import people_searches
from nextround.playbook.models import ActionKind


def panel_reached(interview: Interview) -> bool:
    """True when every panel member has been followed, asked or connected on some network."""
    panel = list(interview.panel.all())
    return bool(panel) and all(member.has_reached_out for member in panel)


def close_connect_panel_if_reached(application: Application) -> int:
    """A panel already reached (everyone followed or connected) needs no connect step.

    Registered with the plan (``PLAN_CHANGED_CHECKS``), so it runs whenever an
    outcome makes a plan or an interview's panel changes.
    """
    for interview in application.interviews.prefetch_related("panel"):
        if panel_reached(interview):
            return complete_actions(
                application.owner, [ActionKind.CONNECT_PANEL], application=application
            )
    return 0


def complete_connect_panel(contact: Contact) -> int:
    """Finish ``connect_panel`` for each application where ``contact`` sat on a fully reached panel.

    Called whenever a connection state changes; returns how many steps were finished.
    """
    if not contact.has_reached_out:
        return 0
    interviews = (
        owned(Interview, contact.owner)
        .filter(panel=contact)
        .select_related("application")
        .prefetch_related(Prefetch("panel", queryset=Contact.objects.only("id", "connections")))
    )
    finished = 0
    for interview in interviews:
        if panel_reached(interview):
            finished += complete_actions(
                contact.owner, [ActionKind.CONNECT_PANEL], application=interview.application
            )
    return finished


@dataclass(frozen=True)
class PanelMember:
    """A panel member with their links (or searches to find them), connections and a note."""

    person: object
    note: str
    links: list[tuple[str, str]]
    connections: list[tuple[str, str]]
    searches: list[tuple[str, str]] = field(default_factory=list)
    note_is_draft: bool = True

    @property
    def note_form(self) -> ConnectionNoteForm:
        """The note to edit, copy and keep, with ids of its own among the panel's."""
        return ConnectionNoteForm(initial={"note": self.note}, auto_id=f"note-{self.person.pk}-%s")

    @property
    def pk(self) -> int:
        return self.person.pk


def _panel(application: Application) -> tuple[list, object]:
    seen: dict[int, object] = {}
    last = None
    interviews = application.interviews.prefetch_related(
        Prefetch("panel", queryset=Contact.objects.select_related("organisation"))
    ).order_by("starts_at")
    for interview in interviews:
        last = interview
        for person in interview.panel.all():
            seen.setdefault(person.pk, person)
    return list(seen.values()), last


def panel_members(application: Application) -> list[PanelMember]:
    """Everyone on the application's panels once, with links, connections and a note to send."""
    people, interview = _panel(application)
    members = []
    for person in people:
        links = [
            (Network(network).label, url)
            for network, url in sorted(person.links.items())
            if network in Network.values
        ]
        connections = [
            (Network(network).label, ConnectionState(state).label)
            for network, state in sorted(person.connections.items())
            if network in Network.values and state in ConnectionState.values
        ]
        note, is_draft = note_for(person, interview=interview)
        # No profile saved yet: offer searches by name and organisation instead.
        organisation = person.organisation or application.organisation
        searches = [] if links else people_searches(person.name, organisation.name)
        members.append(
            PanelMember(
                person=person,
                note=note,
                links=links,
                connections=connections,
                searches=searches,
                note_is_draft=is_draft,
            )
        )
    return members
