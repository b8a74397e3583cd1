"""The bench's seeder makes W1 and W2 in their proportions, with records the app accepts."""

import math

import pytest
from django.db.models import Count
from django.utils import timezone

from nextround.accounts.models import User
from nextround.bench.seed import DUE_EVERY, W1, seed, seed_hosted, w1_counts
from nextround.expenses.models import Expense
from nextround.feedback.models import Feedback, GapMention
from nextround.happybox.models import HappyItem
from nextround.home import search
from nextround.home.models import SearchEntry
from nextround.home.portability import export_user, import_user
from nextround.jobs.models import Application, Interview, Organisation
from nextround.network.models import Contact, Interaction
from nextround.playbook.models import Action, ActionStatus
from nextround.questions.models import Question, Review

pytestmark = pytest.mark.django_db

MODELS = {
    "organisations": Organisation,
    "applications": Application,
    "interviews": Interview,
    "actions": Action,
    "feedback": Feedback,
    "questions": Question,
    "reviews": Review,
    "contacts": Contact,
    "interactions": Interaction,
    "happy_items": HappyItem,
    "expenses": Expense,
}


def held(user) -> dict[str, int]:
    counts = {kind: model.objects.filter(owner=user).count() for kind, model in MODELS.items()}
    counts["open_actions"] = Action.objects.filter(owner=user, status=ActionStatus.OPEN).count()
    return counts


@pytest.mark.parametrize("scale", [0.01, 0.02])
def test_w1_holds_each_kind_of_record_in_proportion_to_the_scale(scale):
    seeded = seed(scale)

    user = User.objects.get(username=seeded.usernames[0])
    assert held(user) == w1_counts(scale)
    for kind, number in w1_counts(scale).items():
        assert number == round(W1[kind] * scale)
    assert user.check_password(seeded.password)


def test_w1_has_panels_gap_mentions_star_answers_and_questions_due():
    seed(0.01)

    user = User.objects.get(username="bench")
    interviews = Interview.objects.filter(owner=user).annotate(members=Count("panel"))
    assert all(interview.members >= 1 for interview in interviews)
    assert (
        GapMention.objects.filter(owner=user).count() >= Feedback.objects.filter(owner=user).count()
    )
    questions = Question.objects.filter(owner=user)
    assert all(question.has_star for question in questions)
    assert all(question.interviews.exists() for question in questions[:5])
    due = questions.filter(due__lte=timezone.now(), last_reviewed_at__isnull=False)
    assert due.count() == math.ceil(questions.count() / DUE_EVERY)


def test_w1_is_accepted_whole_by_the_account_import():
    # The import runs every model's own checks: a seeded record the app
    # would refuse fails here, not in the middle of a bench run.
    seed(0.01)
    source = User.objects.get(username="bench")
    other = User.objects.create_user("copy", password="another made-up password")

    imported = import_user(other, export_user(source))

    assert imported["jobs.application"] == w1_counts(0.01)["applications"]
    assert imported["questions.review"] == w1_counts(0.01)["reviews"]


def test_w2_makes_many_accounts_of_fifty_applications_each():
    seeded = seed_hosted(0.0003)

    assert len(seeded.usernames) == 3
    for name in seeded.usernames:
        user = User.objects.get(username=name)
        assert Application.objects.filter(owner=user).count() == 50
        assert Question.objects.filter(owner=user).exists()
    assert seeded.counts["applications"] == 150


def test_the_seeded_account_can_be_searched():
    seed(0.01)

    user = User.objects.get(username="bench")
    applications = Application.objects.filter(owner=user).count()
    assert SearchEntry.objects.filter(owner=user, kind="application").count() == applications
    role = Application.objects.filter(owner=user).first().role
    assert search.search(user, role)
