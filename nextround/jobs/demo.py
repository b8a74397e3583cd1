"""The demo's first chapter: the places Sam applied to, the applications and the interviews."""

from __future__ import annotations

from nextround.core.demo import Story
from nextround.jobs.models import (
    Application,
    Contract,
    Interview,
    InterviewFormat,
    Organisation,
    OrganisationKind,
    Status,
)


def organisations(story: Story) -> None:
    """The places Sam Rivers (the demo's job seeker) has applied to."""
    places = {
        "maritime": ("Harbourside Maritime Museum", OrganisationKind.MUSEUM),
        "archives_trust": ("Northgate Archives Trust", OrganisationKind.ARCHIVE),
        "gallery": ("Fenwick Gallery of Modern Art", OrganisationKind.GALLERY),
        "calderbrook": ("Calderbrook Museum", OrganisationKind.MUSEUM),
        "cathedral_library": ("St Aldric's Cathedral Library", OrganisationKind.LIBRARY),
        "record_office": ("Westmere County Record Office", OrganisationKind.ARCHIVE),
        "ashcombe": ("Ashcombe House", OrganisationKind.HERITAGE),
    }
    for key, (name, kind) in places.items():
        slug = name.lower().replace("'", "").replace(" ", "-")
        story.organisations[key] = Organisation.objects.create(
            owner=story.user,
            name=name,
            kind=kind,
            website=f"https://{slug}.example.org/",
        )
    story.organisations["archives_trust"].notes = (
        "Runs a paid traineeship in two tranches a year. Friendly team; "
        "the second panel remembered me from the first."
    )
    story.organisations["archives_trust"].save(update_fields=["notes"])


def applications(story: Story) -> None:
    """Applications from fourteen months ago to last week, each with its outcome so far."""
    orgs = story.organisations

    def apply(key: str, organisation: str, role: str, contract: str, applied: int, **more):
        story.applications[key] = Application.objects.create(
            owner=story.user,
            organisation=orgs[organisation],
            role=role,
            contract=contract,
            applied_on=story.day(applied),
            closing_on=story.day(applied + 5),
            link=f"https://{orgs[organisation].website.split('//')[1].rstrip('/')}/jobs/{key}",
            **more,
        )

    # A volunteer role: turned down, then won at the second try.
    apply(
        "volunteer_first",
        "maritime",
        "Volunteer visitor guide",
        Contract.VOLUNTARY,
        -420,
        applicants=14,
        notes="Four hours a week on the historic ship. Keen to get front-of-house experience.",
    )
    apply(
        "volunteer_second",
        "maritime",
        "Volunteer visitor guide",
        Contract.VOLUNTARY,
        -250,
        reapplies_to=story.applications["volunteer_first"],
        notes="Re-advertised in the spring; I had done a handling course since.",
    )
    # A traineeship: missed in one tranche, won in the next.
    apply(
        "traineeship_first",
        "archives_trust",
        "Archives and records trainee (autumn tranche)",
        Contract.TRAINEESHIP,
        -330,
        applicants=86,
    )
    apply(
        "traineeship_second",
        "archives_trust",
        "Archives and records trainee (spring tranche)",
        Contract.TRAINEESHIP,
        -180,
        applicants=71,
        reapplies_to=story.applications["traineeship_first"],
        notes="Same scheme, next tranche. Led with the cataloguing I did as a volunteer.",
    )
    # Paid roles at museums, galleries and archives.
    apply(
        "gallery_learning",
        "gallery",
        "Learning and engagement assistant",
        Contract.PAID,
        -95,
        applicants=120,
    )
    apply(
        "heritage_engagement",
        "ashcombe",
        "Heritage engagement officer",
        Contract.FIXED_TERM,
        -70,
    )
    apply(
        "collections_assistant",
        "calderbrook",
        "Collections assistant (12 months)",
        Contract.FIXED_TERM,
        -40,
        applicants=45,
        status=Status.INTERVIEWING,
    )
    apply(
        "library_assistant",
        "cathedral_library",
        "Library and archives assistant",
        Contract.PAID,
        -30,
        status=Status.INTERVIEWING,
    )
    apply(
        "archive_assistant",
        "record_office",
        "Archive assistant",
        Contract.PAID,
        -21,
        status=Status.INTERVIEWING,
    )
    apply(
        "documentation_officer",
        "calderbrook",
        "Documentation officer",
        Contract.PAID,
        -6,
        status=Status.APPLIED,
        notes="Closes soon; heard about it from the collections team.",
    )


def interviews(story: Story) -> None:
    """Interviews past and to come, two of them awaiting a decision (one overdue)."""
    apps = story.applications

    def interview(key: str, application: str, offset: int, hour: int, **more):
        story.interviews[key] = Interview.objects.create(
            owner=story.user,
            application=apps[application],
            starts_at=story.at(offset, hour),
            **more,
        )

    interview(
        "volunteer_first",
        "volunteer_first",
        -405,
        11,
        stage="Informal chat",
        format=InterviewFormat.IN_PERSON,
        location="Visitor centre, Harbourside",
        decision_promised_by=story.day(-398),
        notes="Asked why the ship matters to the town. I froze on a question about difficult visitors.",
    )
    interview(
        "volunteer_second",
        "volunteer_second",
        -238,
        11,
        stage="Informal chat",
        format=InterviewFormat.IN_PERSON,
        location="Visitor centre, Harbourside",
        decision_promised_by=story.day(-231),
        notes="Same coordinator as last time. Told the story of the school group I guided.",
        self_assessment="Much calmer. Had an answer ready about difficult visitors.",
    )
    interview(
        "traineeship_first",
        "traineeship_first",
        -300,
        10,
        stage="Panel interview",
        format=InterviewFormat.VIDEO,
        decision_promised_by=story.day(-293),
        notes="Q: Tell us about a time you had to prioritise competing deadlines.\n"
        "Q: What do you know about records retention schedules?",
        self_assessment="The retention question caught me out.",
    )
    interview(
        "traineeship_second",
        "traineeship_second",
        -150,
        14,
        stage="Panel interview and cataloguing task",
        format=InterviewFormat.ASSESSMENT,
        location="Northgate Archives Trust, search room",
        decision_promised_by=story.day(-143),
        notes="Catalogued five letters in 30 minutes, then a panel of three.",
        self_assessment="Prepared for retention schedules this time. Felt good.",
    )
    interview(
        "overdue",
        "collections_assistant",
        -12,
        10,
        stage="First interview",
        format=InterviewFormat.IN_PERSON,
        location="Calderbrook Museum, stores entrance",
        decision_promised_by=story.day(-4),
        notes="Q: How would you check a loan in?\nQ: Tell us about a mistake you made and what you learned.",
        self_assessment="Good on object handling; rambled on the mistake question.",
    )
    interview(
        "awaiting",
        "library_assistant",
        -3,
        15,
        stage="Interview",
        format=InterviewFormat.VIDEO,
        decision_promised_by=story.day(4),
        notes="Asked about reader enquiries and the cathedral's fragment collection.",
    )
    interview(
        "upcoming",
        "archive_assistant",
        6,
        10,
        stage="Panel interview",
        format=InterviewFormat.IN_PERSON,
        location="Westmere County Record Office, Shire Hall",
    )


def add_demo_chapter(story: Story) -> None:
    """The job search itself: the places, the applications and the interviews."""
    organisations(story)
    applications(story)
    interviews(story)
