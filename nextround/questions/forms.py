"""Forms for questions, questions to ask, captured notes and review preferences."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format

from nextround.core.access import owned
from nextround.core.forms import offer_some
from nextround.jobs.models import Interview, Organisation
from nextround.questions.models import (
    STAR_HINTS,
    Category,
    Question,
    QuestionToAsk,
    ReviewPreferences,
)


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = [
            "text",
            "category",
            "tricky",
            "unprepared",
            "star_situation",
            "star_task",
            "star_action",
            "star_result",
            "answer",
            "tags",
            "notes",
        ]
        labels = {"text": "Question", "tricky": "Tricky", "unprepared": "Unprepared"}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "star_situation": forms.Textarea(attrs={"rows": 3}),
            "star_task": forms.Textarea(attrs={"rows": 3}),
            "star_action": forms.Textarea(attrs={"rows": 4}),
            "star_result": forms.Textarea(attrs={"rows": 3}),
            "answer": forms.Textarea(attrs={"rows": 4}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {f"star_{part}": hint for part, hint in STAR_HINTS.items()}

    def save(self, commit: bool = True) -> Question:
        question = super().save(commit=False)
        # A reworked answer is a fresh start for the "rework this answer" flag.
        if {"star_situation", "star_task", "star_action", "star_result", "answer"} & set(
            self.changed_data
        ):
            question.needs_rework = False
        if commit:
            question.save()
            self.save_m2m()
        return question


# How far back the interviews a question to ask can be attached to go.
ATTACH_LOOK_BACK = datetime.timedelta(days=14)


def _dated(interview: Interview) -> str:
    """An interview as a tick box names it: when, then which."""
    return f"{date_format(timezone.localtime(interview.starts_at), 'j M')} · {interview}"


class QuestionToAskForm(forms.ModelForm):
    class Meta:
        model = QuestionToAsk
        fields = ["text", "notes", "interviews"]
        labels = {"text": "Question to ask", "interviews": "Attach to interviews"}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
            "interviews": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "interviews": "It goes into the interview pack of each one you tick. "
            "Interviews still to come, and those of the last two weeks, are offered."
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        interviews = (
            owned(Interview, user).select_related("application__organisation").order_by("starts_at")
        )
        self.fields["interviews"].queryset = interviews
        self.fields["interviews"].label_from_instance = _dated
        # Offered: the interviews still to come and the ones just past, not years
        # of them; the ones the question is already attached to stay ticked.
        offer_some(
            self.fields["interviews"],
            interviews.filter(starts_at__gte=timezone.now() - ATTACH_LOOK_BACK),
            chosen=self["interviews"].value(),
        )


class NotesForm(forms.ModelForm):
    """The interview's notes, pasted in so their questions can be found."""

    class Meta:
        model = Interview
        fields = ["notes"]
        labels = {"notes": "Your notes from the interview"}
        widgets = {"notes": forms.Textarea(attrs={"rows": 12})}
        help_texts = {
            "notes": "Paste them as they are. Lines ending in “?”, numbered or bulleted "
            "questions and lines starting “Q:” are offered for your question bank."
        }


class AnswerForm(forms.Form):
    """A question's answer, written before it is reviewed or practised."""

    answer = forms.CharField(
        label="Your answer",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write a few words of your answer first."},
        help_text="A few lines is plenty: the points you want to make, or a short story "
        "of what you did and how it turned out.",
    )


class ReviewPreferencesForm(forms.ModelForm):
    class Meta:
        model = ReviewPreferences
        fields = ["new_per_day", "reviews_per_day", "show_streak"]


class PracticeForm(forms.Form):
    """Which questions to practise: those of an organisation, a role, or a category."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), required=False, empty_label="Any organisation"
    )
    role = forms.CharField(
        required=False, max_length=200, help_text="Words from the job title, such as “archivist”."
    )
    category = forms.ChoiceField(choices=[("", "Any category"), *Category.choices], required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = owned(Organisation, user)


class MockInterviewForm(PracticeForm):
    """A practice set for a mock interview, and how long to answer each question."""

    only = forms.ChoiceField(
        label="Which of them",
        required=False,
        choices=[("", "All of them"), ("tricky", "Tricky ones"), ("due", "Due for review")],
    )
    minutes = forms.IntegerField(
        label="Minutes for each answer",
        min_value=1,
        max_value=10,
        initial=2,
        required=False,
        help_text="Two minutes is a good length for most answers.",
    )

    def clean_minutes(self) -> int:
        return self.cleaned_data.get("minutes") or 2


class BankFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200)
    category = forms.ChoiceField(
        choices=[("", "All categories"), *Category.choices], required=False
    )
    flag = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[
            ("", "All questions"),
            ("tricky", "Tricky"),
            ("unprepared", "Unprepared"),
            ("rework", "Rework this answer"),
            ("unanswered", "No answer yet"),
        ],
    )
