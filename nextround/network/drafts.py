"""Short notes drafted for reaching out to people."""

from __future__ import annotations

from nextround.network.models import Network

# LinkedIn refuses connection notes longer than this.
CONNECTION_NOTE_LIMIT = 300

# One note per contact, whatever network it goes with; it is kept under
# LinkedIn's name, the network whose limit it is written to.
NOTE_NETWORK = Network.LINKEDIN

# The subject when the note goes by email instead.
NOTE_SUBJECT = "Thank you"


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


def note_for(contact, *, interview=None) -> tuple[str, bool]:
    """The contact's one note and whether it is still the drafted one.

    The person's own wording wins; notes kept per network before there was
    one note (or sent so through the API) are read in order of the networks.
    """
    notes = contact.connection_notes or {}
    own = notes.get(NOTE_NETWORK) or next(
        (notes[network] for network in Network.values if notes.get(network)), ""
    )
    if own:
        return own, False
    return connection_note(contact, interview=interview), True
