"""The demo's question bank: questions from Sam's interviews, starters and weeks of reviews."""

from __future__ import annotations

import datetime

from django.utils import timezone

from nextround.core.demo import Story
from nextround.questions.models import Category, Question, QuestionToAsk, Rating
from nextround.questions.scheduling import record_review
from nextround.questions.starter import add_starter_questions


def add_demo_chapter(story: Story) -> None:
    """Questions from Sam's interviews with STAR answers, some starters, weeks of reviews."""
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
