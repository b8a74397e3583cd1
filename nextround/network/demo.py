"""The demo's contacts: the people on the panels, and keeping in touch afterwards.

The panels are met before the outcomes are recorded (``add_panels``), so the plan
makes its connect-with-the-panel steps; the rest comes after the plan's chapter.
"""

from __future__ import annotations

from nextround.core.demo import Story
from nextround.network.connections import set_connection, set_connection_note
from nextround.network.followups import set_follow_up
from nextround.network.interactions import log_interaction
from nextround.network.models import Channel, ConnectionState, Contact, Network


def add_panels(story: Story) -> None:
    """The people on the panels, with made-up profile links."""
    people = {
        "coordinator": (
            "Morag Ellery",
            "Volunteer coordinator",
            "maritime",
            ["volunteer_first", "volunteer_second"],
        ),
        "archivist": (
            "Dev Okonjo",
            "Senior archivist",
            "archives_trust",
            ["traineeship_first", "traineeship_second"],
        ),
        "records_manager": (
            "Hanna Lindqvist",
            "Records manager",
            "archives_trust",
            ["traineeship_second"],
        ),
        "collections_head": ("Priya Latimer", "Head of collections", "calderbrook", ["overdue"]),
        "registrar": ("Tom Achebe-Hart", "Registrar", "calderbrook", ["overdue"]),
        "librarian": (
            "Canon Ruth Pellow",
            "Cathedral librarian",
            "cathedral_library",
            ["awaiting"],
        ),
        "county_archivist": ("Glyn Marwood", "County archivist", "record_office", ["upcoming"]),
    }
    for key, (name, role, organisation, interview_keys) in people.items():
        slug = name.lower().replace(" ", "-")
        contact = Contact.objects.create(
            owner=story.user,
            name=name,
            role=role,
            organisation=story.organisations[organisation],
            email=f"{slug.split('-')[-1]}@{story.organisations[organisation].website.split('//')[1].rstrip('/')}",
            links={
                "linkedin": f"https://linkedin.example.org/in/{slug}",
                "mastodon": f"https://social.example.org/@{slug.replace('-', '')}",
            },
            connections={"linkedin": "connected"} if key == "coordinator" else {},
        )
        story.contacts[key] = contact
        for interview_key in interview_keys:
            story.interviews[interview_key].panel.add(contact)


def keeping_in_touch(story: Story) -> None:
    """Keeping in touch: interactions, follow-ups, connection states and a note of Sam's own."""
    contacts = story.contacts
    coordinator = contacts["coordinator"]
    coordinator.keep_in_touch_days = 90
    coordinator.notes = "Took a chance on me the second time. Likes hearing how the tours go."
    coordinator.save()
    for offset, channel, note in [
        (-229, Channel.EMAIL, "Thanked her for the volunteer place."),
        (
            -120,
            Channel.MEETING,
            "Coffee after the harbour open day; she mentioned the archive traineeship.",
        ),
        (-30, Channel.EVENT, "Said hello at the maritime history talk."),
    ]:
        log_interaction(coordinator, happened_on=story.day(offset), channel=channel, note=note)

    # The traineeship panel that said no first and yes later: both reached,
    # so the plan's "connect with the panel" step for the first try is done.
    set_connection(contacts["archivist"], Network.LINKEDIN, ConnectionState.CONNECTED)
    set_connection(contacts["archivist"], Network.MASTODON, ConnectionState.FOLLOWED)
    set_connection(contacts["records_manager"], Network.LINKEDIN, ConnectionState.REQUESTED)
    log_interaction(
        contacts["archivist"],
        happened_on=story.day(-140),
        channel=Channel.EMAIL,
        note="Thanked Dev for the feedback on retention schedules.",
    )

    # The interview still awaiting a decision: one of the panel followed so far.
    set_connection(contacts["collections_head"], Network.MASTODON, ConnectionState.FOLLOWED)
    set_connection_note(
        contacts["registrar"],
        "Hello Tom, thank you for showing me the stores after the interview. "
        "Your loans process was a real lesson, and I'd be glad to stay in touch.",
    )
    set_follow_up(contacts["librarian"], story.day(-1))

    mentor = Contact.objects.create(
        owner=story.user,
        name="Ife Adeyemi",
        role="Heritage engagement consultant",
        email="ife.adeyemi@example.org",
        links={"website": "https://ife-adeyemi.example.org"},
        connections={Network.LINKEDIN: ConnectionState.CONNECTED},
        notes="Met at the regional heritage network meet-up. Offered to look over applications.",
        keep_in_touch_days=60,
    )
    for offset, channel, note in [
        (-170, Channel.EVENT, "Heritage network meet-up: talked about volunteering routes."),
        (-56, Channel.CALL, "Went through my supporting statement for the museum job."),
    ]:
        log_interaction(mentor, happened_on=story.day(offset), channel=channel, note=note)
    story.contacts["mentor"] = mentor


def add_demo_chapter(story: Story) -> None:
    """Keeping in touch with the panels and a mentor (after the plan's chapter)."""
    keeping_in_touch(story)
