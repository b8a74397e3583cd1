"""Drafted messages for the steps that are a message: feedback requests and chases.

A draft is a starting point written in the person's voice; they edit it
and send it from their own mail program through a ``mailto:`` link.
"""

from __future__ import annotations

from dataclasses import dataclass

from nextround.core.mailto import mailto_link
from nextround.playbook.models import Action, ActionKind

# Kinds whose step is sending a message.
MESSAGE_KINDS = (
    ActionKind.ASK_FEEDBACK,
    ActionKind.CHASE_FEEDBACK,
    ActionKind.CHASE_DECISION,
    ActionKind.FOLLOW_UP,
)


@dataclass(frozen=True)
class Draft:
    """A message ready to send: who to, its subject and its body."""

    to: tuple[str, ...]
    subject: str
    body: str

    @property
    def mailto(self) -> str:
        """A ``mailto:`` link that opens the mail program with everything filled in."""
        return mailto_link(self.to, self.subject, self.body)


def _panel(application) -> list:
    """Everyone on the application's panels, each once, in the order they were met."""
    seen: dict[int, object] = {}
    for interview in application.interviews.all():
        for person in interview.panel.all():
            seen.setdefault(person.pk, person)
    return list(seen.values())


def _names(people: list) -> str:
    names = [person.name.split()[0] for person in people if person.name.strip()]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def sign_off(user, words: str = "With best wishes,") -> str:
    """The closing lines: kind words, then the person's real name when one is known.

    Never the login name: without a signing name the message simply ends
    with the kind words, and the page says where to add a name.
    """
    name = user.signature
    return f"{words}\n{name}" if name else words


def _last_interview(application):
    interviews = list(application.interviews.all())
    return max(interviews, key=lambda each: each.starts_at) if interviews else None


def draft_for(action: Action) -> Draft | None:
    """The drafted message for a step that is a message; None for the others.

    The person's own edits, once saved, win over the drafted text.
    """
    if action.kind not in MESSAGE_KINDS or action.application_id is None:
        return None
    application = action.application
    panel = _panel(application)
    to = tuple(person.email for person in panel if person.email)
    names = _names(panel)
    greeting = f"Dear {names}," if names else "Dear hiring panel,"
    interview = _last_interview(application)
    met_on = f" on {interview.starts_at:%-d %B}" if interview else ""
    role = application.role
    organisation = application.organisation.name
    sign = sign_off(action.owner)

    if action.kind == ActionKind.ASK_FEEDBACK:
        if application.outcome == "not_invited":
            subject = f"Feedback on my application: {role}"
            middle = (
                f"Thank you for considering my application for the {role} role at "
                f"{organisation}. I was disappointed not to be shortlisted, and I would be "
                "very grateful for any brief feedback on how I could make a stronger "
                "application next time."
            )
        else:
            subject = f"Feedback on my interview: {role}"
            middle = (
                f"Thank you for the chance to interview for the {role} role{met_on}. "
                "I enjoyed meeting you and learning more about the work at "
                f"{organisation}.\n\nI would be very grateful for any feedback on my "
                "application and interview: what went well, and what would have made the "
                "difference. It would help me a great deal as I keep developing."
            )
    elif action.kind == ActionKind.CHASE_FEEDBACK:
        subject = f"Following up: feedback on the {role} role"
        middle = (
            "I hope you are well. I wrote a couple of weeks ago to ask for feedback on my "
            f"application for the {role} role at {organisation}. I know how busy things "
            "get; if you have a few minutes, even a couple of lines would be very helpful."
        )
    elif action.kind == ActionKind.CHASE_DECISION:
        subject = f"{role}: checking in on the decision"
        middle = (
            f"Thank you again for interviewing me for the {role} role{met_on}. I wanted to "
            "check in politely on the timing of a decision. I remain very interested in "
            f"the role and in {organisation}, and I'm happy to provide anything else you need."
        )
    elif application.outcome in ("offered", "accepted"):
        subject = f"Thank you: {role}"
        middle = (
            f"Thank you for your time on the panel for the {role} role{met_on}, and for the "
            f"offer. I'm delighted, and I look forward to working with you at {organisation}."
        )
    else:
        subject = f"My application: {role}"
        middle = (
            f"I applied for the {role} role at {organisation} and haven't heard back, so I "
            "assume the post has been filled. Thank you for considering me; I'd be glad to "
            "hear of future opportunities."
        )
    body = f"{greeting}\n\n{middle}\n\n{sign}"
    return Draft(to=to, subject=action.draft_subject or subject, body=action.draft_body or body)
