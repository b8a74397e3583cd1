"""Finding the questions in pasted interview notes."""

from __future__ import annotations

import pytest

from nextround.questions.capture import closest_match, extract_questions, similarity
from tests.questions.factories import QuestionFactory

TIDY_NOTES = """Panel: Dr Jo Marsh (Head of Collections), Priya Nand (HR)
Started ten minutes late. Lovely room overlooking the harbour.

1. Why do you want to work at the Harbour Museum?
   A: talked about the maritime collection, went ok
2) Tell us about a time you handled a difficult visitor
3. How would you prioritise a backlog of 3,000 uncatalogued items
Asked if I had questions. I asked about training.
"""

SCRAPPY_NOTES = """- describe your experience with a collections management system
* what does accessibility mean to you??
• Where do you see yourself in five years?
me: said digitisation, then waffled
Q: greatest weakness
q2. How do you handle competing deadlines
Weather was grim, train late.
they seemed keen on volunteers
"""

PROSE_NOTES = """The chair opened with the usual: why this organisation? Then the curator asked:
"Can you tell us about an exhibition you enjoyed recently?"
I think that went well. Then a curveball — if you could add one object to our collection, what would it be?
Answer: a ship's figurehead.
Question 5 - how would you explain conservation to a school group
"""


def test_it_finds_numbered_questions_and_skips_answers_and_remarks():
    assert extract_questions(TIDY_NOTES) == [
        "Why do you want to work at the Harbour Museum?",
        "Tell us about a time you handled a difficult visitor",
        "How would you prioritise a backlog of 3,000 uncatalogued items",
    ]


def test_it_finds_bulleted_and_q_labelled_questions_in_scrappy_notes():
    assert extract_questions(SCRAPPY_NOTES) == [
        "Describe your experience with a collections management system",
        "What does accessibility mean to you??",
        "Where do you see yourself in five years?",
        "Greatest weakness",
        "How do you handle competing deadlines",
    ]


def test_it_finds_lines_ending_in_a_question_mark_in_prose():
    found = extract_questions(PROSE_NOTES)
    assert "Can you tell us about an exhibition you enjoyed recently?" in found
    assert any(q.endswith("what would it be?") for q in found)
    assert "How would you explain conservation to a school group" in found
    assert not any("figurehead" in q for q in found)
    assert not any("went well" in q for q in found)


def test_it_offers_a_question_repeated_in_the_notes_once():
    notes = "1. Why us?\nWhy do you want this job?\n- why do you want this job?\n"
    assert extract_questions(notes) == ["Why do you want this job?"]


@pytest.mark.parametrize("notes", ["", "\n\n", "Nothing asked worth noting.", "- bring ID\n- 2pm"])
def test_it_finds_nothing_where_there_are_no_questions(notes):
    assert extract_questions(notes) == []


def test_it_treats_rewordings_as_the_same_question(user):
    bank = [
        QuestionFactory(owner=user, text="Why do you want to work for this organisation?"),
        QuestionFactory(owner=user, text="What is your greatest weakness?"),
    ]
    assert similarity("why do you want to work for this organisation", bank[0].text) >= 85
    assert closest_match("So, what's your greatest weakness?", bank) == bank[1]
    assert closest_match("How do you handle deadlines?", bank) is None
