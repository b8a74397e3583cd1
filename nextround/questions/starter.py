"""A starter set of questions often asked for museum, gallery, archive, library and
heritage jobs, written for Next Round. Each has a key that never changes, so the
starter list knows which ones a person has already added."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from nextround.questions.models import Category, Question


@dataclass(frozen=True)
class StarterQuestion:
    key: str
    text: str
    category: str
    tricky: bool = False
    tags: str = ""

    @property
    def category_label(self) -> str:
        return Category(self.category).label


M, C, S, R, W, B = (
    Category.MOTIVATION,
    Category.COMPETENCY,
    Category.SECTOR_KNOWLEDGE,
    Category.ROLE_SPECIFIC,
    Category.STRENGTHS,
    Category.CURVEBALL,
)

STARTER_QUESTIONS: tuple[StarterQuestion, ...] = (
    StarterQuestion("why-this-organisation", "Why do you want to work for this organisation?", M),
    StarterQuestion("why-this-role", "What attracted you to this role?", M),
    StarterQuestion("why-the-sector", "Why do you want to work in the heritage sector?", M),
    StarterQuestion("five-years", "Where do you see your career in five years?", M),
    StarterQuestion(
        "favourite-object",
        "Which object in our collection would you show a friend first, and why?",
        M,
        tags="collections",
    ),
    StarterQuestion(
        "last-visit",
        "Tell us about an exhibition or library service you visited recently. What worked and what didn't?",
        M,
        tags="exhibitions",
    ),
    StarterQuestion(
        "difficult-visitor",
        "Tell us about a time you dealt with a difficult visitor or customer.",
        C,
        tags="visitors",
    ),
    StarterQuestion(
        "teamwork",
        "Describe a time you worked with colleagues from other teams to deliver something.",
        C,
        tags="teamwork",
    ),
    StarterQuestion(
        "deadline",
        "Tell us about a time you had several deadlines at once. How did you prioritise?",
        C,
        tags="organisation",
    ),
    StarterQuestion(
        "mistake",
        "Tell us about a mistake you made at work and what you did about it.",
        C,
        tricky=True,
    ),
    StarterQuestion(
        "initiative", "Give an example of a time you improved the way something was done.", C
    ),
    StarterQuestion(
        "volunteers",
        "Have you supervised or supported volunteers? How did you keep them engaged?",
        C,
        tags="volunteers",
    ),
    StarterQuestion(
        "change", "Describe a time you had to adapt quickly to a change you didn't choose.", C
    ),
    StarterQuestion(
        "explain-complex",
        "Tell us about a time you explained something complex to a non-specialist audience.",
        C,
        tags="learning, engagement",
    ),
    StarterQuestion(
        "accessibility",
        "What does accessibility mean to you, and how would you make our offer more accessible?",
        S,
        tags="access",
    ),
    StarterQuestion(
        "decolonisation",
        "How should institutions like ours approach contested histories in their collections?",
        S,
        tricky=True,
        tags="collections, interpretation",
    ),
    StarterQuestion(
        "audiences", "Who do you think our audiences are, and who is missing?", S, tags="audiences"
    ),
    StarterQuestion("funding", "What are the biggest challenges facing the sector right now?", S),
    StarterQuestion(
        "digital", "How can digital tools help us reach new audiences?", S, tags="digital"
    ),
    StarterQuestion(
        "sustainability",
        "How can a heritage organisation reduce its environmental impact?",
        S,
        tags="sustainability",
    ),
    StarterQuestion(
        "standards",
        "Which professional standards or frameworks have you worked with (for example Spectrum or accreditation)?",
        S,
        tags="standards",
    ),
    StarterQuestion(
        "collections-care",
        "How would you handle a fragile object or document that a researcher urgently wants to see?",
        R,
        tags="collections care",
    ),
    StarterQuestion(
        "cataloguing",
        "Tell us about your experience of cataloguing or documenting collections.",
        R,
        tags="cataloguing",
    ),
    StarterQuestion(
        "cms",
        "Which collections management or library systems have you used, and how quickly do you learn new ones?",
        R,
        tags="systems",
    ),
    StarterQuestion(
        "backlog",
        "How would you approach a large backlog of uncatalogued material?",
        R,
        tags="cataloguing",
    ),
    StarterQuestion(
        "enquiries",
        "How would you handle a research enquiry you cannot answer straight away?",
        R,
        tags="enquiries",
    ),
    StarterQuestion(
        "learning-session",
        "Plan a short learning session for a school group visiting us. What would you do?",
        R,
        tags="learning",
    ),
    StarterQuestion(
        "event",
        "Tell us about an event or activity you organised. How did you know it was a success?",
        R,
        tags="events",
    ),
    StarterQuestion(
        "safeguarding",
        "What would you do if a child became separated from their group during a visit?",
        R,
        tags="safeguarding",
    ),
    StarterQuestion(
        "data-protection",
        "How do you handle personal data in records or enquiries?",
        R,
        tags="data protection",
    ),
    StarterQuestion("strengths", "What strengths would you bring to this team?", W),
    StarterQuestion("weakness", "What is your greatest weakness?", W, tricky=True),
    StarterQuestion(
        "feedback",
        "Tell us about a time you received difficult feedback. What did you do with it?",
        W,
        tricky=True,
    ),
    StarterQuestion("describe-yourself", "How would your colleagues describe you?", W),
    StarterQuestion(
        "overqualified", "You seem overqualified for this post. Why this level?", B, tricky=True
    ),
    StarterQuestion(
        "gap", "Can you talk us through the gap in your employment history?", B, tricky=True
    ),
    StarterQuestion(
        "disagree-manager",
        "What would you do if you disagreed with a decision your manager made?",
        B,
        tricky=True,
    ),
    StarterQuestion(
        "salary",
        "This post is fixed-term and modestly paid. What are your expectations?",
        B,
        tricky=True,
    ),
    StarterQuestion(
        "one-object", "If you could add one object to our collection, what would it be?", B
    ),
    StarterQuestion(
        "anything-else", "Is there anything you have not had the chance to tell us?", B
    ),
    StarterQuestion("questions-for-us", "Do you have any questions for us?", B),
)

STARTER_BY_KEY = {starter.key: starter for starter in STARTER_QUESTIONS}


def added_keys(user) -> set[str]:
    """Keys of the starter questions already in the user's bank."""
    return set(
        Question.objects.for_user(user)
        .exclude(starter_key="")
        .values_list("starter_key", flat=True)
    )


def add_starter_questions(user, keys: list[str] | None = None) -> list[Question]:
    """Add starter questions (all of them when ``keys`` is None), skipping those already added."""
    wanted = (
        STARTER_QUESTIONS
        if keys is None
        else [STARTER_BY_KEY[k] for k in keys if k in STARTER_BY_KEY]
    )
    present = added_keys(user)
    new = [
        Question(
            owner=user,
            text=starter.text,
            category=starter.category,
            tricky=starter.tricky,
            tags=starter.tags,
            starter_key=starter.key,
        )
        for starter in wanted
        if starter.key not in present
    ]
    with transaction.atomic():
        return Question.objects.bulk_create(new)
