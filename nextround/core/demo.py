"""The demo account: a made-up but lifelike job search, so a newcomer sees a living app.

``nextround demo`` calls :func:`build`, which deletes the ``demo`` account
(and with it everything it owns) and tells the story again, chapter by
chapter. Every person, place and address here is invented.

Adding your area to the story
-----------------------------

Write one function ``def your_area(story: Story) -> None`` in this module
and append it to ``CHAPTERS``. It runs after the chapters before it, so it can
reach what they made through the story's named records, for example
``story.applications["traineeship_first"]`` or ``story.interviews["overdue"]``,
and it should put what it makes into ``story.extra`` under its own key if a
later chapter may need it. Dates are always relative to ``story.today``
(``story.day(-30)`` is a month ago, ``story.at(-10, 14)`` ten days ago at
14:00), so the demo looks current whenever it is built.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from nextround.core import demo_pictures
from nextround.core.uploads import check_file, save_with_file
from nextround.expenses.models import ClaimStatus, Expense, ExpenseCategory
from nextround.feedback.models import (
    Feedback,
    ImprovementAction,
    ImprovementKind,
    ImprovementStatus,
    Skill,
    SuccessfulCandidate,
)
from nextround.feedback.recording import save_feedback, save_successful_candidate
from nextround.feedback.tagging import GapInput
from nextround.happybox.models import HappyItem, HappyKind
from nextround.jobs.models import (
    Application,
    Contract,
    Interview,
    InterviewFormat,
    Organisation,
    OrganisationKind,
    Outcome,
    Status,
)
from nextround.network.connections import set_connection, set_connection_note
from nextround.network.followups import set_follow_up
from nextround.network.interactions import log_interaction
from nextround.network.models import Channel, ConnectionState, Contact, Network
from nextround.playbook.plan import interview_saved, record_outcome

DEMO_USERNAME = "demo"
# Shown by the command and written in the README: the demo holds nothing private.
DEMO_PASSWORD = "next-round-demo"
DEMO_EMAIL = "demo@example.org"


class NotADemoAccount(Exception):
    """An account called ``demo`` exists that the demo did not make; it is left alone."""


@dataclass
class Story:
    """What the chapters share: the demo user, today's date and the records made so far."""

    user: object
    today: datetime.date
    organisations: dict[str, Organisation] = field(default_factory=dict)
    applications: dict[str, Application] = field(default_factory=dict)
    interviews: dict[str, Interview] = field(default_factory=dict)
    contacts: dict[str, Contact] = field(default_factory=dict)
    # Anything a later chapter may want from an earlier one, keyed by area.
    extra: dict[str, object] = field(default_factory=dict)

    def day(self, offset: int) -> datetime.date:
        """The date ``offset`` days from today (negative: in the past)."""
        return self.today + datetime.timedelta(days=offset)

    def at(self, offset: int, hour: int, minute: int = 0) -> datetime.datetime:
        """An aware date-time ``offset`` days from today, in the site's time zone."""
        naive = datetime.datetime.combine(self.day(offset), datetime.time(hour, minute))
        return timezone.make_aware(naive)


# --- the job search itself ------------------------------------------------


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


def panels(story: Story) -> None:
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


def outcomes(story: Story) -> None:
    """How the finished applications ended, recorded as a user would, plan and all."""
    decided = {
        "volunteer_first": (Outcome.REJECTED, -396),
        "volunteer_second": (Outcome.ACCEPTED, -229),
        "traineeship_first": (Outcome.REJECTED, -290),
        "traineeship_second": (Outcome.ACCEPTED, -141),
        "gallery_learning": (Outcome.NOT_INVITED, -75),
        "heritage_engagement": (Outcome.NO_REPLY, -20),
    }
    for key, (outcome, offset) in decided.items():
        record_outcome(story.applications[key], outcome, story.day(offset))
    # The decisions still awaited get their chase, as they would on the web.
    for interview in story.interviews.values():
        interview_saved(interview)


def playbook(story: Story) -> None:
    """The plan: old steps done, a chase due, and yesterday's no with its recovery plan."""
    from nextround.playbook.models import Action, ActionKind, ActionStatus

    apps = story.applications
    # The outcomes chapter recorded last year's news today, plan and all; in the
    # story those steps were worked through long ago, on the days they fell due.
    for key in ("volunteer_first", "volunteer_second", "traineeship_first", "traineeship_second"):
        application = apps[key]
        for action in Action.objects.filter(application=application).live():
            natural = application.decided_on + datetime.timedelta(days=2)
            action.due_on = natural
            action.status = ActionStatus.DONE
            action.done_at = timezone.make_aware(
                datetime.datetime.combine(natural, datetime.time(12))
            )
            if action.kind == ActionKind.FIND_WINNER and key == "traineeship_first":
                action.result = (
                    "A records management module from a part-time course, and a year "
                    "volunteering in a county record office."
                )
            action.save()
    # Not invited in the summer: feedback asked, and the gallery watched for its spring round.
    gallery = apps["gallery_learning"]
    Action.objects.filter(application=gallery, kind=ActionKind.ASK_FEEDBACK).update(
        status=ActionStatus.DONE, done_at=story.at(-74, 10), due_on=story.day(-74)
    )
    Action.objects.filter(application=gallery, kind=ActionKind.BE_KIND).update(
        status=ActionStatus.DONE, done_at=story.at(-75, 18), due_on=story.day(-75)
    )
    Action.objects.filter(application=gallery, kind=ActionKind.REAPPLY_WATCH).update(
        status=ActionStatus.SNOOZED,
        due_on=story.day(5),
        note="Their learning team recruits again each spring.",
    )
    # Ghosted three weeks ago: the closing note is a little overdue.
    Action.objects.filter(
        application=apps["heritage_engagement"], kind=ActionKind.FOLLOW_UP
    ).update(due_on=story.day(-2))

    # Yesterday's no, recorded as anyone would: the plan and the calm panel follow.
    ashcombe = story.organisations["ashcombe"]
    visitor = Application.objects.create(
        owner=story.user,
        organisation=ashcombe,
        role="Visitor experience assistant",
        contract=Contract.PAID,
        applied_on=story.day(-33),
        closing_on=story.day(-28),
        applicants=58,
        link="https://ashcombe-house.example.org/jobs/visitor-experience",
        status=Status.INTERVIEWING,
    )
    story.applications["visitor_experience"] = visitor
    interview = Interview.objects.create(
        owner=story.user,
        application=visitor,
        stage="Panel interview",
        starts_at=story.at(-9, 11),
        format=InterviewFormat.IN_PERSON,
        location="Ashcombe House, stable block",
        decision_promised_by=story.day(-3),
        notes="Q: Tell us about a time you turned a complaint around.\n"
        "Q: How would you make the house welcoming to families?",
    )
    story.interviews["visitor_experience"] = interview
    manager = Contact.objects.create(
        owner=story.user,
        name="Imogen Faraday",
        role="Visitor experience manager",
        organisation=ashcombe,
        email="faraday@ashcombe-house.example.org",
        links={"linkedin": "https://linkedin.example.org/in/imogen-faraday"},
    )
    story.contacts["visitor_manager"] = manager
    interview.panel.add(manager)
    record_outcome(visitor, Outcome.REJECTED, story.day(-1))


def network(story: Story) -> None:
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
        Network.LINKEDIN,
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


def feedback(story: Story) -> None:
    """What the panels said after each no, who got two of the jobs, and the steps Sam took."""
    apps, people = story.applications, story.contacts
    said = [
        (
            "volunteer_first",
            "coordinator",
            -394,
            -390,
            "Thank you for coming to see us. You were warm with visitors in the role play, but "
            "the other candidates had more front of house experience, and your answer about a "
            "difficult visitor needed a specific example.",
            ["Front of house and visitor services", "Using specific examples (STAR)"],
        ),
        (
            "traineeship_first",
            "archivist",
            -288,
            -284,
            "A strong application. The panel felt you needed more knowledge of records "
            "management (retention schedules came up) and more hands-on cataloguing. Your "
            "answers were sometimes rambling; keep them concise.",
            [
                "Records management",
                "Archive cataloguing and arrangement",
                "Concise answers",
            ],
        ),
        (
            "gallery_learning",
            None,
            -74,
            None,
            "",
            [],
        ),
    ]
    made = {}
    for key, giver, asked, received, text, gaps in said:
        made[key] = save_feedback(
            Feedback(
                owner=story.user,
                application=apps[key],
                asked_on=story.day(asked),
                received_on=story.day(received) if received is not None else None,
                given_by=people[giver] if giver else None,
                text=text,
            ),
            [GapInput(name) for name in gaps],
        )
    winners = [
        (
            "traineeship_first",
            -230,
            "Had volunteered two days a week cataloguing at a county record office and was "
            "working towards the archives qualification.",
            False,
            "",
            [
                "Archive cataloguing and arrangement",
                "Archives and records management qualification",
            ],
        ),
        (
            "gallery_learning",
            -20,
            "Five years running family learning sessions; speaks confidently to school groups.",
            True,
            "The post was filled by the gallery's own learning freelancer, who had been doing "
            "the sessions for two years before it was advertised.",
            ["Learning and engagement"],
        ),
    ]
    for key, found, notes, inside, evidence, gaps in winners:
        save_successful_candidate(
            SuccessfulCandidate(
                owner=story.user,
                application=apps[key],
                profile_url="https://linkedin.example.org/in/made-up-candidate",
                found_on=story.day(found),
                notes=notes,
                inside_appointment=inside,
                evidence=evidence,
            ),
            [GapInput(name) for name in gaps],
        )
    skills = {skill.name: skill for skill in Skill.objects.filter(owner=story.user)}
    steps = [
        (
            "Archive cataloguing and arrangement",
            ImprovementKind.VOLUNTEERING,
            "Catalogue the parish collection at the record office, Tuesdays",
            ImprovementStatus.DONE,
            -200,
        ),
        (
            "Records management",
            ImprovementKind.COURSE,
            "Online short course: introduction to records management",
            ImprovementStatus.DONE,
            -170,
        ),
        (
            "Concise answers",
            ImprovementKind.PROJECT,
            "Practise five STAR answers aloud, two minutes each",
            ImprovementStatus.DOING,
            10,
        ),
        (
            "Archives and records management qualification",
            ImprovementKind.QUALIFICATION,
            "Find out about part-time archives courses and funding",
            ImprovementStatus.PLANNED,
            45,
        ),
        (
            "Front of house and visitor services",
            ImprovementKind.VOLUNTEERING,
            "Weekend shifts on the historic ship",
            ImprovementStatus.DONE,
            -240,
        ),
    ]
    for skill, kind, title, status, target in steps:
        action = ImprovementAction(
            owner=story.user,
            skill=skills[skill],
            kind=kind,
            title=title,
            status=status,
            target_on=story.day(target),
        )
        if status == ImprovementStatus.DONE:
            action.done_on = story.day(target)
        action.save()
    story.extra["feedback"] = made


def question_bank(story: Story) -> None:
    """Questions from Sam's interviews with STAR answers, some starters, weeks of reviews."""
    from nextround.questions.models import Category, Question, QuestionToAsk, Rating
    from nextround.questions.scheduling import record_review
    from nextround.questions.starter import add_starter_questions

    user, interviews = story.user, story.interviews

    def question(text: str, category: str, asked_in: list[str], **more) -> Question:
        made = Question.objects.create(owner=user, text=text, category=category, **more)
        made.interviews.set([interviews[key] for key in asked_in])
        return made

    visitors = question(
        "How would you deal with a difficult visitor?",
        Category.COMPETENCY,
        ["volunteer_first", "volunteer_second"],
        tricky=True,
        unprepared=True,
        star_situation="A Saturday on the front desk of a small town museum; a visitor was "
        "angry that the upper gallery had closed early.",
        star_task="Calm things down and still give them a good visit.",
        star_action="I listened without interrupting, apologised for the notice we had not "
        "put up, and took them to the handling table myself.",
        star_result="They stayed an hour and left a kind comment card; we now post closures "
        "on the website the day before.",
        tags="visitors, front of house",
    )
    deadlines = question(
        "Tell us about a time you had to prioritise competing deadlines.",
        Category.COMPETENCY,
        ["traineeship_first"],
        star_situation="Last term of my MA, with a dissertation and a volunteer exhibition due "
        "in the same fortnight.",
        star_task="Deliver both without letting the exhibition team down.",
        star_action="I listed every task with its deadline, agreed with the team which labels "
        "I would write first, and kept mornings for the dissertation.",
        star_result="The exhibition opened on time and the dissertation got a merit.",
        tags="organisation",
    )
    retention = question(
        "What do you know about records retention schedules?",
        Category.SECTOR_KNOWLEDGE,
        ["traineeship_first", "traineeship_second"],
        tricky=True,
        unprepared=True,
        answer="A retention schedule says how long each kind of record is kept and what "
        "happens to it afterwards: destroyed, reviewed or transferred to the archive. "
        "I would mention the records manager's role and data protection.",
        tags="records management",
    )
    loans = question(
        "How would you check a loan in?",
        Category.ROLE_SPECIFIC,
        ["overdue"],
        answer="Check the paperwork against the object, condition-check it with the courier, "
        "photograph it, and record its location before anything else happens.",
        tags="loans, collections care",
    )
    mistake = question(
        "Tell us about a mistake you made and what you learned.",
        Category.STRENGTHS,
        ["overdue"],
        tricky=True,
        star_situation="Cataloguing a donated photograph album as a volunteer.",
        star_action="I had numbered the prints before checking the donor's list; I told my "
        "supervisor the same day and renumbered them.",
    )
    add_starter_questions(
        user,
        [
            "why-this-organisation",
            "why-the-sector",
            "accessibility",
            "digital",
            "weakness",
            "enquiries",
            "cataloguing",
            "questions-for-us",
        ],
    )

    # Weeks of reviews, most remembered, a few forgotten, so the stats page has a story.
    history = {
        visitors: [Rating.GOOD, Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.EASY],
        deadlines: [Rating.GOOD, Rating.EASY, Rating.GOOD, Rating.GOOD],
        retention: [Rating.HARD, Rating.GOOD, Rating.GOOD, Rating.AGAIN, Rating.GOOD],
        loans: [Rating.GOOD, Rating.GOOD, Rating.HARD],
        mistake: [Rating.AGAIN, Rating.AGAIN, Rating.AGAIN],
    }
    now = timezone.now()
    for number, (item, ratings) in enumerate(history.items()):
        moment = story.at(-70 + number * 3, 19)
        for rating in ratings:
            if moment >= now:
                break
            review = record_review(item, rating, moment)
            item.refresh_from_db()
            # People review when reminded, in the evening, not at the minute it falls due.
            moment = max(review.due_after, moment) + datetime.timedelta(hours=20)

    for text, for_upcoming in (
        ("What would success look like in the first six months?", True),
        ("How does the team share what it learns from enquiries?", True),
        ("Which part of the collection would you most like more people to use?", False),
    ):
        ask = QuestionToAsk.objects.create(owner=user, text=text)
        if for_upcoming:
            ask.interviews.add(interviews["upcoming"])


def happy_box(story: Story) -> None:
    """Good things kept for bad days; yesterday's "no" makes the box offer itself on Today."""
    pictures = {
        "tour": demo_pictures.picture(demo_pictures.harbour, "first-tour.png"),
        "course": demo_pictures.picture(demo_pictures.certificate, "handling-certificate.png"),
        "badge": demo_pictures.picture(demo_pictures.badge, "crew-badge.png"),
    }
    items = [
        (
            HappyKind.ACHIEVEMENT,
            "Offered the archives traineeship",
            -141,
            "Second try at the same scheme, and they said yes. The cataloguing task went well.",
            "",
            None,
        ),
        (
            HappyKind.PHOTO,
            "My first tour on the ship",
            -220,
            "Twelve visitors, one very good question about the anchor, and nobody got lost.",
            "",
            "tour",
        ),
        (HappyKind.CERTIFICATE, "Object handling course", -270, "", "", "course"),
        (
            HappyKind.MEMENTO,
            "Volunteer crew badge",
            -228,
            "Given out after my first month.",
            "",
            "badge",
        ),
        (
            HappyKind.LETTER,
            "Thank-you card from the Year 4 class",
            -200,
            "Thank you for showing us the ship. The best bit was the cannon.",
            "",
            None,
        ),
        (
            HappyKind.POST,
            "Kind words from Morag",
            -150,
            "So proud of Sam: from volunteer guide to archives trainee in a year.",
            "https://social.example.org/@morag/1024",
            None,
        ),
        (
            HappyKind.NOTE,
            "What went well at Calderbrook",
            -12,
            "I answered the loans question step by step and stayed calm when I lost my thread.",
            "",
            None,
        ),
    ]
    for kind, title, offset, text, link, picture in items:
        item = HappyItem(
            owner=story.user,
            kind=kind,
            title=title,
            happened_on=story.day(offset),
            text=text,
            link=link,
        )
        save_with_file(item, check_file(pictures[picture]) if picture else None)


def expenses(story: Story) -> None:
    """What the in-person interviews cost, and how the claims went."""

    def spend(interview: str, category: str, description: str, amount: str, receipt=None, **claim):
        expense = Expense(
            owner=story.user,
            interview=story.interviews[interview],
            category=category,
            description=description,
            amount=Decimal(amount),
            currency="GBP",
            **claim,
        )
        expense.full_clean()
        save_with_file(expense, check_file(receipt) if receipt else None)

    # Asked on the day, and refused: volunteers' travel was not covered then.
    spend(
        "volunteer_first",
        ExpenseCategory.BUS,
        "Return, town centre to the harbour",
        "4.20",
        claim_status=ClaimStatus.REFUSED,
        asked_on=story.day(-405),
    )
    # Asked the day after the assessment; the train paid in full, lunch in part.
    for category, description, amount, paid, status in (
        (ExpenseCategory.TRAIN, "Return ticket to Northgate", "38.60", "38.60", ClaimStatus.PAID),
        (
            ExpenseCategory.MEALS,
            "Lunch between task and panel",
            "6.45",
            "5.00",
            ClaimStatus.PART_PAID,
        ),
    ):
        spend(
            "traineeship_second",
            category,
            description,
            amount,
            claim_status=status,
            asked_on=story.day(-149),
            paid_on=story.day(-120),
            amount_paid=Decimal(paid),
        )
    # Not asked yet: the claim is drafted and waiting on the Expenses page.
    spend(
        "overdue",
        ExpenseCategory.TRAIN,
        "Return ticket to Calderbrook",
        "27.90",
        receipt=demo_pictures.picture(demo_pictures.train_ticket, "ticket.png"),
    )
    spend("overdue", ExpenseCategory.PARKING, "Station car park, all day", "7.50")
    # Yesterday's "no" at Ashcombe: the plan's claim step points here.
    spend("visitor_experience", ExpenseCategory.BUS, "Return, Riverside to Ashcombe", "9.80")


# Each area adds its chapter here, after the ones it builds on.
CHAPTERS: list[Callable[[Story], None]] = [
    organisations,
    applications,
    interviews,
    panels,
    outcomes,
    playbook,
    network,
    feedback,
    question_bank,
    happy_box,
    expenses,
]


def reset_demo_user():
    """Delete the demo account and everything it owns, then make it afresh."""
    User = get_user_model()
    existing = User.objects.filter(username=DEMO_USERNAME).first()
    if existing is not None:
        if existing.email != DEMO_EMAIL:
            raise NotADemoAccount(
                f"An account named {DEMO_USERNAME!r} exists and was not made by the demo."
            )
        existing.delete()
    user = User(username=DEMO_USERNAME, email=DEMO_EMAIL, first_name="Sam", last_name="Rivers")
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


@transaction.atomic
def build(today: datetime.date | None = None) -> Story:
    """Tell the whole demo story for a fresh ``demo`` account; safe to run again."""
    story = Story(user=reset_demo_user(), today=today or timezone.localdate())
    for chapter in CHAPTERS:
        chapter(story)
    return story
