"""Heavy made-up accounts for measuring: W1, one person after years of searching, and W2.

W1 at ``scale=1`` is 2,000 applications at about 300 organisations, 3,000
interviews with panels, 15,000 plan steps (a few hundred still open),
feedback with gap mentions on 500 applications, 5,000 questions with STAR
answers and 50,000 reviews, 1,000 contacts with interactions, 200 happy-box
items and 500 expenses. Every count is proportional to ``scale``.

W2 is a hosted install: many accounts (10,000 at ``scale=1``) of 50
applications each, with a lighter history than W1 (``W2_ACCOUNT``).

Rows are written with ``bulk_create`` through the project's own models, so
what is measured is what the app would hold; nothing here runs the playbook
or the forms, which keeps seeding W1 well under a minute. Every name, place
and sentence is made up.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from nextround.accounts.models import User
from nextround.expenses.models import ClaimStatus, Expense, ExpenseCategory
from nextround.feedback.models import Feedback, GapMention, Skill, SkillCategory
from nextround.happybox.models import HappyItem, HappyKind
from nextround.home import search
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
from nextround.network.models import Channel, Contact, Interaction
from nextround.playbook.models import Action, ActionKind, ActionStatus
from nextround.questions.models import Category, Question, Rating, Review

# W1's counts at scale 1, per kind of record.
W1 = {
    "organisations": 300,
    "applications": 2000,
    "interviews": 3000,
    "actions": 15000,
    "open_actions": 300,
    "feedback": 500,
    "questions": 5000,
    "reviews": 50000,
    "contacts": 1000,
    "interactions": 3000,
    "happy_items": 200,
    "expenses": 500,
}
# W2: this many accounts at scale 1, each with 50 applications and a lighter history.
W2_ACCOUNTS = 10000
W2_ACCOUNT = {
    "organisations": 10,
    "applications": 50,
    "interviews": 40,
    "actions": 200,
    "open_actions": 5,
    "feedback": 10,
    "questions": 50,
    "reviews": 200,
    "contacts": 20,
    "interactions": 40,
    "happy_items": 5,
    "expenses": 10,
}

BENCH_PASSWORD = "a made-up bench password"
YEARS_OF_HISTORY = 5
DUE_EVERY = 20

PLACES = (
    "Harbour",
    "Moorland",
    "Riverside",
    "Castle",
    "Abbey",
    "Lighthouse",
    "Mill",
    "Orchard",
    "Quarry",
    "Canal",
    "Meadow",
    "Foundry",
)
KINDS_OF_PLACE = {
    OrganisationKind.MUSEUM: "Museum",
    OrganisationKind.GALLERY: "Gallery",
    OrganisationKind.ARCHIVE: "Archive",
    OrganisationKind.LIBRARY: "Library",
    OrganisationKind.HERITAGE: "Heritage Trust",
}
ROLES = (
    "Collections Assistant",
    "Learning Officer",
    "Archivist",
    "Digitisation Trainee",
    "Visitor Experience Host",
    "Curatorial Assistant",
    "Library Assistant",
    "Conservation Technician",
    "Exhibitions Coordinator",
    "Community Engagement Officer",
)
SKILLS = (
    ("Collections management", SkillCategory.EXPERIENCE),
    ("Cataloguing standards", SkillCategory.SUBJECT_KNOWLEDGE),
    ("Project budgets", SkillCategory.EXPERIENCE),
    ("Archives qualification", SkillCategory.QUALIFICATION),
    ("Giving concrete examples", SkillCategory.INTERVIEW_TECHNIQUE),
    ("Working with volunteers", SkillCategory.EXPERIENCE),
    ("Digital preservation", SkillCategory.SKILL),
    ("Local history", SkillCategory.SUBJECT_KNOWLEDGE),
    ("Handling objects", SkillCategory.SKILL),
    ("Funding bids", SkillCategory.EXPERIENCE),
    ("Talking to school groups", SkillCategory.SKILL),
    ("Keeping answers short", SkillCategory.INTERVIEW_TECHNIQUE),
)
QUESTION_STEMS = (
    "Tell us about a time you",
    "How would you",
    "Describe how you",
    "What would you do if you",
    "Give an example of when you",
)
QUESTION_ENDS = (
    "handled a fragile loan at short notice",
    "explained a collection to a new audience",
    "kept a project going with a small budget",
    "worked with a difficult colleague",
    "changed a process that was not working",
    "planned a community event",
    "catalogued a backlog",
    "dealt with a complaint from a visitor",
)
FIRST_NAMES = ("Ada", "Bram", "Cleo", "Dev", "Esme", "Finn", "Gwen", "Hari", "Ines", "Jude")
LAST_NAMES = ("Marsh", "Quill", "Hollow", "Fenwick", "Larch", "Brook", "Thorne", "Vale", "Rook")


@dataclass
class Seeded:
    """What one call to :func:`seed` made: its accounts, and how many rows of each kind."""

    usernames: list[str] = field(default_factory=list)
    password: str = BENCH_PASSWORD
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, other: dict[str, int]) -> None:
        for kind, number in other.items():
            self.counts[kind] = self.counts.get(kind, 0) + number


def w1_counts(scale: float) -> dict[str, int]:
    """W1's number of rows of each kind at ``scale`` (at least one of each)."""
    return {kind: max(1, round(number * scale)) for kind, number in W1.items()}


def seed(
    scale: float = 1.0,
    *,
    username: str = "bench",
    password: str = BENCH_PASSWORD,
    seed_value: int = 11,
) -> Seeded:
    """Make one W1 account (its counts times ``scale``) named ``username``.

    Returns the account's name and the rows made of each kind.
    """
    rng = random.Random(seed_value)  # noqa: S311 (made-up data, repeatable)
    user = User.objects.create(username=username, password=make_password(password))
    counts = _fill_account(user, w1_counts(scale), rng)
    return Seeded(usernames=[username], password=password, counts=counts)


def seed_hosted(
    scale: float = 1.0,
    *,
    prefix: str = "member",
    password: str = BENCH_PASSWORD,
    seed_value: int = 12,
) -> Seeded:
    """W2: ``10,000 * scale`` accounts named ``prefix1``, ``prefix2``…, 50 applications each."""
    rng = random.Random(seed_value)  # noqa: S311 (made-up data, repeatable)
    accounts = max(1, round(W2_ACCOUNTS * scale))
    # One hash for all of them: hashing ten thousand passwords would be the whole run.
    hashed = make_password(password)
    seeded = Seeded(password=password)
    names = [f"{prefix}{number}" for number in range(1, accounts + 1)]
    users = User.objects.bulk_create(User(username=name, password=hashed) for name in names)
    for user in users:
        seeded.add(_fill_account(user, W2_ACCOUNT, rng))
    seeded.usernames = names
    return seeded


def _spread(rng: random.Random, today: datetime.date, days: int) -> datetime.date:
    return today - datetime.timedelta(days=rng.randrange(days))


@transaction.atomic
def _fill_account(user: User, counts: dict[str, int], rng: random.Random) -> dict[str, int]:
    today = timezone.localdate()
    now = timezone.now()
    history_days = 365 * YEARS_OF_HISTORY
    made: dict[str, int] = {}

    organisations = Organisation.objects.bulk_create(
        Organisation(
            owner=user,
            name=f"{rng.choice(PLACES)} {KINDS_OF_PLACE[kind]} {number}",
            kind=kind,
        )
        for number, kind in (
            (number, rng.choice(list(KINDS_OF_PLACE))) for number in range(counts["organisations"])
        )
    )
    made["organisations"] = len(organisations)

    contacts = Contact.objects.bulk_create(
        Contact(
            owner=user,
            name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            role="Panel member",
            organisation=rng.choice(organisations),
            email=f"person{number}@example.org",
            links={"linkedin": f"https://www.linkedin.com/in/made-up-{number}"},
            connections={"linkedin": rng.choice(["none", "followed", "requested", "connected"])},
        )
        for number in range(counts["contacts"])
    )
    made["contacts"] = len(contacts)
    interactions = Interaction.objects.bulk_create(
        Interaction(
            owner=user,
            contact=rng.choice(contacts),
            happened_on=_spread(rng, today, history_days),
            channel=rng.choice(Channel.values),
            note="Said thank you after the interview.",
        )
        for _ in range(counts["interactions"])
    )
    made["interactions"] = len(interactions)

    # Most of the history is over; a few dozen applications are still open.
    open_share = 0.03
    closed_outcomes = [
        Outcome.REJECTED,
        Outcome.NOT_INVITED,
        Outcome.NO_REPLY,
        Outcome.NOT_INVITED,
        Outcome.WITHDRAWN,
    ]
    applications = []
    for number in range(counts["applications"]):
        applied_on = _spread(rng, today - datetime.timedelta(days=60), history_days)
        if number < max(1, round(counts["applications"] * open_share)):
            applied_on = today - datetime.timedelta(days=rng.randrange(1, 40))
            status, outcome, decided_on = (
                rng.choice([Status.APPLIED, Status.INTERVIEWING]),
                "",
                None,
            )
        else:
            outcome = rng.choice(closed_outcomes)
            status, decided_on = (
                outcome,
                applied_on + datetime.timedelta(days=rng.randrange(20, 50)),
            )
        applications.append(
            Application(
                owner=user,
                organisation=rng.choice(organisations),
                role=rng.choice(ROLES),
                contract=rng.choice(Contract.values),
                applied_on=applied_on,
                closing_on=applied_on + datetime.timedelta(days=rng.randrange(1, 20)),
                applicants=rng.choice([None, 40, 80, 150, 300]),
                status=status,
                outcome=outcome,
                decided_on=decided_on,
                notes="Found it on a made-up jobs board.",
            )
        )
    applications = Application.objects.bulk_create(applications)
    made["applications"] = len(applications)

    interviews = []
    for number in range(counts["interviews"]):
        application = applications[number % len(applications)]
        day = application.applied_on + datetime.timedelta(days=rng.randrange(7, 20))
        starts_at = datetime.datetime.combine(
            day, datetime.time(rng.randrange(9, 16)), tzinfo=timezone.get_current_timezone()
        )
        interviews.append(
            Interview(
                owner=user,
                application=application,
                stage="First interview" if number < len(applications) else "Second interview",
                starts_at=starts_at,
                format=rng.choice(InterviewFormat.values),
                location="A room upstairs",
                decision_promised_by=day + datetime.timedelta(days=rng.randrange(3, 14)),
                notes="They asked about handling objects and about working with volunteers.",
            )
        )
    interviews = Interview.objects.bulk_create(interviews)
    made["interviews"] = len(interviews)
    Panel = Interview.panel.through
    panel_rows = {
        (interview.pk, contact.pk)
        for interview in interviews
        for contact in rng.sample(contacts, min(len(contacts), rng.randrange(1, 4)))
    }
    Panel.objects.bulk_create(
        Panel(interview_id=interview_id, contact_id=contact_id)
        for interview_id, contact_id in panel_rows
    )
    made["panel_members"] = len(panel_rows)

    actions = []
    for number in range(counts["actions"]):
        application = rng.choice(applications)
        if number < counts["open_actions"]:
            status = ActionStatus.OPEN
            due_on = today + datetime.timedelta(days=rng.randrange(-30, 30))
            done_at = None
        else:
            status = rng.choice([ActionStatus.DONE, ActionStatus.DONE, ActionStatus.SKIPPED])
            due_on = application.applied_on + datetime.timedelta(days=rng.randrange(1, 90))
            done_at = (
                datetime.datetime.combine(due_on, datetime.time(12), tzinfo=datetime.UTC)
                if status == ActionStatus.DONE
                else None
            )
        actions.append(
            Action(
                owner=user,
                kind=rng.choice(ActionKind.values),
                status=status,
                due_on=due_on,
                application=application,
                done_at=done_at,
            )
        )
    made["actions"] = len(Action.objects.bulk_create(actions))
    made["open_actions"] = counts["open_actions"]

    skills = Skill.objects.bulk_create(
        Skill(owner=user, name=name, category=category) for name, category in SKILLS
    )
    made["skills"] = len(skills)
    rejected = [app for app in applications if app.outcome] or applications
    feedback = Feedback.objects.bulk_create(
        Feedback(
            owner=user,
            application=rejected[number % len(rejected)],
            asked_on=rejected[number % len(rejected)].decided_on,
            received_on=rejected[number % len(rejected)].decided_on,
            text="Strong on enthusiasm; the other candidate had more hands-on experience.",
        )
        for number in range(counts["feedback"])
    )
    made["feedback"] = len(feedback)
    mentions = GapMention.objects.bulk_create(
        GapMention(owner=user, skill=skill, feedback=item)
        for item in feedback
        for skill in rng.sample(skills, rng.randrange(1, 4))
    )
    made["gap_mentions"] = len(mentions)

    questions = []
    for number in range(counts["questions"]):
        stem, end = rng.choice(QUESTION_STEMS), rng.choice(QUESTION_ENDS)
        questions.append(
            Question(
                owner=user,
                text=f"{stem} {end}? ({number + 1})",
                category=rng.choice(Category.values),
                tricky=rng.random() < 0.2,
                star_situation="A small museum with a big loan arriving on a Friday.",
                star_task="Get the object on display safely and on time.",
                star_action="I drew up a checklist, booked the technician and briefed the team.",
                star_result="It opened on time; the checklist is still used.",
                tags="loans, planning",
            )
        )
    questions = Question.objects.bulk_create(questions)
    made["questions"] = len(questions)
    Asked = Question.interviews.through
    Asked.objects.bulk_create(
        Asked(question_id=question.pk, interview_id=interviews[number % len(interviews)].pk)
        for number, question in enumerate(questions)
    )

    reviews = []
    reviews_each = max(1, counts["reviews"] // len(questions))
    review_total = 0
    for number, question in enumerate(questions):
        if review_total >= counts["reviews"]:
            break
        # Every review is from an earlier day, so today's limits start untouched.
        moment = now - datetime.timedelta(days=rng.randrange(30 * reviews_each + 2, history_days))
        for _ in range(min(reviews_each, counts["reviews"] - review_total)):
            moment += datetime.timedelta(days=rng.randrange(1, 30))
            reviews.append(
                Review(
                    owner=user,
                    question=question,
                    rating=rng.choice([Rating.GOOD, Rating.GOOD, Rating.HARD, Rating.AGAIN]),
                    reviewed_at=moment,
                    due_after=moment + datetime.timedelta(days=10),
                )
            )
            review_total += 1
        # One question in twenty is due now, the rest later: the queue a person would have.
        due = (
            now - datetime.timedelta(hours=1)
            if number % DUE_EVERY == 0
            else now + datetime.timedelta(days=rng.randrange(1, 120))
        )
        question.card = {
            "card_id": question.pk,
            "state": 2,
            "step": None,
            "stability": round(rng.uniform(2, 60), 2),
            "difficulty": round(rng.uniform(2, 8), 2),
            "due": due.astimezone(datetime.UTC).isoformat(),
            "last_review": moment.astimezone(datetime.UTC).isoformat(),
        }
        question.due = due
        question.last_reviewed_at = moment
    Review.objects.bulk_create(reviews, batch_size=2000)
    Question.objects.bulk_update(
        [question for question in questions if question.card],
        ["card", "due", "last_reviewed_at"],
        batch_size=500,
    )
    made["reviews"] = len(reviews)

    made["happy_items"] = len(
        HappyItem.objects.bulk_create(
            HappyItem(
                owner=user,
                kind=rng.choice(HappyKind.values),
                title=f"A kind word from a volunteer ({number + 1})",
                text="Thank you for making the handling session so much fun.",
                happened_on=_spread(rng, today, history_days),
            )
            for number in range(counts["happy_items"])
        )
    )

    expenses = []
    for number in range(counts["expenses"]):
        interview = interviews[number % len(interviews)]
        amount = Decimal(rng.randrange(300, 9000)) / 100
        claim = rng.choice(
            [ClaimStatus.NOT_ASKED, ClaimStatus.ASKED, ClaimStatus.PAID, ClaimStatus.REFUSED]
        )
        day = timezone.localdate(interview.starts_at)
        # A claim is asked and paid on days that have come.
        if day + datetime.timedelta(days=30) > today:
            claim = ClaimStatus.NOT_ASKED
        asked_on = day + datetime.timedelta(days=2) if claim != ClaimStatus.NOT_ASKED else None
        paid = claim == ClaimStatus.PAID
        expenses.append(
            Expense(
                owner=user,
                interview=interview,
                category=rng.choice(ExpenseCategory.values),
                description="Return ticket",
                amount=amount,
                currency="GBP",
                claim_status=claim,
                asked_on=asked_on,
                paid_on=asked_on + datetime.timedelta(days=20) if paid else None,
                amount_paid=amount if paid else Decimal("0.00"),
            )
        )
    made["expenses"] = len(Expense.objects.bulk_create(expenses))
    # Bulk inserts go around the search index's signals: make it once, at the end.
    search.rebuild(user)
    return made
