"""Engaging with the panel: who sat on it, how to reach them, and finishing the step once all are reached."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from nextround.core.access import owned
from nextround.jobs.models import Application, Interview
from nextround.network.drafts import connection_note
from nextround.network.models import ConnectionState, Contact, Network
from nextround.playbook.actions import complete_actions
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
    """A panel member with their links, connections and a drafted note."""

    person: object
    note: str
    links: list[tuple[str, str]]
    connections: list[tuple[str, str]]

    @property
    def pk(self) -> int:
        return self.person.pk


def _panel(application: Application) -> tuple[list, object]:
    seen: dict[int, object] = {}
    last = None
    for interview in application.interviews.prefetch_related("panel").order_by("starts_at"):
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
        members.append(
            PanelMember(
                person=person,
                note=(person.connection_notes or {}).get(Network.LINKEDIN)
                or connection_note(person, interview=interview),
                links=links,
                connections=connections,
            )
        )
    return members
