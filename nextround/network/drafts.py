"""Short notes drafted for reaching out to people."""

from __future__ import annotations

# LinkedIn refuses connection notes longer than this.
CONNECTION_NOTE_LIMIT = 300


def _first_name(name: str) -> str:
    return name.split()[0] if name.strip() else "there"


def connection_note(contact, *, interview=None) -> str:
    """A short, warm connection note, never longer than LinkedIn allows.

    With an interview it thanks the person for their time on the panel;
    otherwise it says it was good to meet them.
    """
    greeting = f"Hello {_first_name(contact.name)},"
    closing = "I'd be glad to stay in touch."
    if interview is not None:
        application = interview.application
        body = (
            f"thank you for your time on the panel for the {application.role} role "
            f"at {application.organisation.name}. I enjoyed our conversation and "
            "learnt a lot from it."
        )
    elif contact.organisation_id:
        body = f"it was good to meet you. I admire the work at {contact.organisation.name}."
    else:
        body = "it was good to meet you."
    note = f"{greeting} {body} {closing}"
    if len(note) > CONNECTION_NOTE_LIMIT:
        # Long role or organisation names: keep the thanks, drop the details.
        note = f"{greeting} thank you for your time on the interview panel. {closing}"
    return note[:CONNECTION_NOTE_LIMIT]
