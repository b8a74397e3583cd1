"""From interview notes to the bank: find the questions in pasted notes, spot the ones
already there, and link what the user chooses to the interview."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from rapidfuzz import fuzz, utils

from nextround.core.access import owned
from nextround.questions.models import Category, Question

# "Q:", "Q1.", "Question 3 -" at the start of a line mark a question even without a "?".
QUESTION_LABEL = re.compile(r"^\s*(?:q(?:uestion)?\s*\d*\s*[:.)\-\u2013]|q\d+\s)\s*", re.IGNORECASE)
# Bullets and numbering people type: "-", "*", "•", "1.", "2)", "(3)", "a)".
LIST_MARKER = re.compile(
    r"^\s*(?:[-*•·\u2013\u2014>]+|\(?\d{1,3}[.)]|\(?[a-z][.)](?=\s))\s*", re.IGNORECASE
)
# Answers and asides people write under a question, which are not questions.
ANSWER_LABEL = re.compile(r"^\s*(?:a|answer|me|my answer|i said)\s*[:\-\u2013]", re.IGNORECASE)
# Words that open a question when the "?" was left off in a hurried list.
QUESTION_OPENERS = re.compile(
    r"^(?:what|why|how|when|where|who|which|tell us|tell me|describe|give (?:us |me )?an example|"
    r"can you|could you|would you|have you|do you|did you|are you|talk us through|walk us through|"
    r"explain|if you)\b",
    re.IGNORECASE,
)

# Words that give a question's kind away, tried in order: the first that fits is
# suggested. Openers come before subject words, since "Tell us about a time you
# catalogued a collection" is about the time more than the collection.
CATEGORY_HINTS: tuple[tuple[str, re.Pattern], ...] = tuple(
    (category, re.compile(pattern, re.IGNORECASE))
    for category, pattern in (
        (
            Category.STRENGTHS,
            r"\b(?:strengths?|weakness(?:es)?|describe yourself|words (?:to )?describe|"
            r"(?:colleagues|manager|friends) (?:would )?(?:say|describe)|proudest|improve on)\b",
        ),
        (
            Category.MOTIVATION,
            r"\b(?:why (?:do|did|would) you (?:want|apply|like|choose)|why (?:are|were) you "
            r"interested|why (?:this|our|us|the|here)\b|what (?:attracted|attracts|interests|"
            r"draws|drew|excites) you|why should we|where do you see yourself|where do you see "
            r"your|what motivates you|what do you hope)",
        ),
        (
            Category.COMPETENCY,
            r"\b(?:tell (?:me|us) about a (?:time|situation|moment|project|occasion)|describe a "
            r"(?:time|situation|project|occasion|mistake)|tell (?:me|us) about (?:a|an) \w+"
            r"(?: or \w+)? (?:you|that)|have you (?:supervised|managed|led|trained|worked with)|"
            r"give (?:me |us )?an example|(?:a|one) time (?:when|you)|have you ever|talk (?:me|us) through a (?:time|project)|an occasion "
            r"when|when have you)",
        ),
        (
            Category.CURVEBALL,
            r"\b(?:animal|superpower|(?:which|what|who) would you be|desert island|dinner party|if you could|how many .* "
            r"(?:are there|would fit)|biscuit|fictional|famous person|overqualified|gap in "
            r"your|salary|expectations|questions for us|anything (?:else|you have not))\b",
        ),
        (
            Category.SITUATIONAL,
            r"\b(?:how would you|what would you do|what would you say|imagine|suppose|"
            r"if (?:a|an|you were|you found|you had|someone|the)\b)",
        ),
        (
            Category.ROLE_SPECIFIC,
            r"\b(?:this (?:role|post|position|job)|the (?:role|post|position)|catalogu\w*|"
            r"conserv\w*|digitis\w*|digitiz\w*|metadata|records management|budgets?|"
            r"software|databases?|systems|personal data|collections management system|first (?:few )?(?:weeks|months|"
            r"90 days|hundred days)|copyright|procedures?|standards?|health and safety)",
        ),
        (
            Category.SECTOR_KNOWLEDGE,
            r"\b(?:sector|museums?|galler(?:y|ies)|archives?|librar(?:y|ies)|heritage|"
            r"collections?|audiences?|visitors?|exhibitions?|funding|accessib\w*|"
            r"decoloni\w*|contested|trends?|challenges? facing|our work|our organisation|"
            r"what do you know about)",
        ),
    )
)


def suggest_category(text: str) -> str:
    """The category a question most likely belongs to, from the words in it.

    "Tell us about a time…" is a competency question, "Why do you want…"
    motivation, "How would you…" situational; subject words (collections,
    cataloguing, this role) fill in the rest. "Other" only when nothing fits.
    """
    for category, pattern in CATEGORY_HINTS:
        if pattern.search(text or ""):
            return category
    return Category.OTHER


# Scores from rapidfuzz's token-set ratio: at or above this, two wordings count as one question.
SIMILAR_SCORE = 85


# Where a sentence ends inside a line of prose: the question is the last sentence.
SENTENCE_BREAK = re.compile(r"(?<=[.!:;])\s+|\s+[\u2013\u2014-]\s+")


def _last_sentence(text: str) -> str:
    pieces = [piece for piece in SENTENCE_BREAK.split(text) if piece.strip()]
    return pieces[-1] if pieces and len(pieces[-1]) >= 8 else text


def _clean(line: str) -> str:
    text = LIST_MARKER.sub("", line, count=1)
    text = re.sub(r"\s+", " ", text).strip(" \t\"“”'\u2018\u2019")
    return text


def extract_questions(notes: str) -> list[str]:
    """The questions in a block of interview notes, in order, each once.

    A line counts when it ends with "?", when it is labelled "Q:" (or "Q1.",
    "Question 2 -"), or when it is a bulleted or numbered item that opens the
    way a question does ("Tell us about…", "Describe…"). Answers under a
    question ("A: …") and plain remarks are left out.
    """
    found: list[str] = []
    seen: set[str] = set()
    for raw_line in notes.splitlines():
        line = raw_line.strip()
        if not line or ANSWER_LABEL.match(line):
            continue
        labelled = bool(QUESTION_LABEL.match(line))
        listed = bool(LIST_MARKER.match(line))
        text = QUESTION_LABEL.sub("", line, count=1) if labelled else _clean(line)
        text = _clean(text)
        if not labelled and not listed and text.endswith("?"):
            text = _clean(_last_sentence(text))
        if len(text) < 8:
            continue
        is_question = (
            labelled or text.endswith("?") or (listed and bool(QUESTION_OPENERS.match(text)))
        )
        if not is_question:
            continue
        text = text[0].upper() + text[1:]
        key = utils.default_process(text)
        if key in seen:
            continue
        seen.add(key)
        # Kept whole: a question too long for the bank is refused when added, never cut.
        found.append(text)
    return found


def similarity(a: str, b: str) -> float:
    """How alike two wordings are, 0 to 100, ignoring case, punctuation and word order."""
    return fuzz.token_set_ratio(a, b, processor=utils.default_process)


def closest_match(text: str, bank: list[Question]) -> Question | None:
    """The question in ``bank`` that says the same as ``text``, if one is close enough."""
    best, best_score = None, 0.0
    for question in bank:
        score = similarity(text, question.text)
        if score > best_score:
            best, best_score = question, score
    return best if best_score >= SIMILAR_SCORE else None


@dataclass
class Candidate:
    """A question found in the notes, with the bank's near-duplicate if there is one."""

    text: str
    match: Question | None = None
    already_linked: bool = False

    @property
    def category(self) -> str:
        """The category suggested for it, from its words."""
        return suggest_category(self.text)


@dataclass
class CaptureResult:
    """What a capture did: the questions it added, and those it linked the interview to."""

    added: list[Question] = field(default_factory=list)
    merged: list[Question] = field(default_factory=list)


@dataclass(frozen=True)
class Choice:
    """One question chosen for the bank: its words, its category, and the question it joins.

    ``merge_into`` is the id of a question already in the bank that says the
    same thing (the interview is linked to it); ``None`` makes a new question.
    With no ``category``, the one its words suggest is taken.
    """

    text: str
    category: str | None = None
    merge_into: int | None = None


TEXT_LIMIT = Question._meta.get_field("text").max_length


def candidates_for(interview, user) -> list[Candidate]:
    """The questions in the interview's notes, each with its match in the user's bank."""
    bank = list(Question.objects.for_user(user).prefetch_related("interviews"))
    found = []
    for text in extract_questions(interview.notes):
        match = closest_match(text, bank)
        linked = match is not None and any(i.pk == interview.pk for i in match.interviews.all())
        found.append(Candidate(text=text, match=match, already_linked=linked))
    return found


def save_notes(interview, notes: str) -> list[Candidate]:
    """Keep the interview's notes and return the questions found in them.

    The notes are held to the interview's own field rules (length, no NUL
    characters); a ``ValidationError`` names ``notes``.
    """
    interview.notes = notes
    others = [f.name for f in interview._meta.concrete_fields if f.name != "notes"]
    interview.clean_fields(exclude=others)
    interview.save(update_fields=["notes", "updated_at"])
    return candidates_for(interview, interview.owner)


def _checked(user, choices: list[Choice]) -> list[tuple[str, str, Question | None]]:
    """The choices as (text, category, question to join), or a ValidationError naming the field."""
    wanted = {choice.merge_into for choice in choices if choice.merge_into is not None}
    bank = {question.pk: question for question in owned(Question, user).filter(pk__in=wanted)}
    checked = []
    for choice in choices:
        text = choice.text.strip() if isinstance(choice.text, str) else ""
        if not text:
            raise ValidationError({"text": "Give the question's words."})
        if "\x00" in text:
            raise ValidationError({"text": "Null characters are not allowed."})
        if len(text) > TEXT_LIMIT:
            raise ValidationError(
                {"text": f"A question has at most {TEXT_LIMIT} characters (this has {len(text)})."}
            )
        category = suggest_category(text) if choice.category is None else choice.category
        if category not in Category.values:
            raise ValidationError({"category": f"Choose one of: {', '.join(Category.values)}."})
        existing = None
        if choice.merge_into is not None:
            existing = bank.get(choice.merge_into)
            if existing is None:
                raise ValidationError({"merge_into": "No such question of yours."})
        checked.append((text, category, existing))
    return checked


def capture_questions(
    interview, user, choices: list[Choice], *, unprepared: bool = False
) -> CaptureResult:
    """Put the chosen questions in the bank, linked to the interview: every door's one way in.

    The web page and the API both come here. Each choice either joins a
    question already in the bank (a merge: the bank keeps one question asked
    in several interviews) or becomes a new one with its category. All the
    choices are checked first: words present, plain and at most 1000
    characters, a known category, a question of the user's to join. A
    ``ValidationError`` names the field and nothing is stored.
    """
    checked = _checked(user, choices)
    result = CaptureResult()
    with transaction.atomic():
        for text, category, existing in checked:
            if existing is not None:
                existing.interviews.add(interview)
                result.merged.append(existing)
                continue
            question = Question.objects.create(
                owner=user, text=text, category=category, unprepared=unprepared
            )
            question.interviews.add(interview)
            result.added.append(question)
    return result


def merge_questions(keep: Question, duplicate: Question) -> Question:
    """Fold ``duplicate`` into ``keep``: its interviews, tags and any answer ``keep`` lacks.

    The review history of ``keep`` stays; the duplicate's goes with it. Tags
    or notes too long together are a ``ValidationError`` naming the field,
    and nothing changes.
    """
    with transaction.atomic():
        keep.interviews.add(*duplicate.interviews.all())
        for name in ("star_situation", "star_task", "star_action", "star_result", "answer"):
            if not getattr(keep, name).strip() and getattr(duplicate, name).strip():
                setattr(keep, name, getattr(duplicate, name))
        tags = keep.tag_list + [t for t in duplicate.tag_list if t not in keep.tag_list]
        keep.tags = ", ".join(tags)
        if duplicate.notes.strip():
            keep.notes = "\n\n".join(filter(None, [keep.notes.strip(), duplicate.notes.strip()]))
        keep.tricky = keep.tricky or duplicate.tricky
        keep.unprepared = keep.unprepared or duplicate.unprepared
        for name in ("tags", "notes"):
            limit = Question._meta.get_field(name).max_length
            if len(getattr(keep, name)) > limit:
                # Cutting would lose words silently; the person chooses what to drop.
                raise ValidationError(
                    {
                        name: f"Together the {name} come to more than {limit} characters: "
                        "shorten them on either question first."
                    }
                )
        keep.save()
        duplicate.delete()
    return keep
