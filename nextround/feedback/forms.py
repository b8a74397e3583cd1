"""Forms for feedback, who got the job, tagging gaps, skills and improvement actions."""

from __future__ import annotations

from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from nextround.core.access import owned
from nextround.core.dates import PlausibleDatesForm
from nextround.feedback.models import (
    Feedback,
    ImprovementAction,
    Skill,
    SkillCategory,
    SuccessfulCandidate,
)
from nextround.feedback.tagging import GapInput, clean_category, clean_skill_name
from nextround.jobs.forms import DateInput
from nextround.network.models import Contact


class FeedbackForm(PlausibleDatesForm, forms.ModelForm):
    class Meta:
        model = Feedback
        fields = ["received_on", "given_by", "text", "asked_on", "chased_on"]
        widgets = {
            "asked_on": DateInput(),
            "chased_on": DateInput(),
            "received_on": DateInput(),
            "text": forms.Textarea(attrs={"rows": 8}),
        }
        labels = {
            "received_on": "Received on",
            "given_by": "Who gave it",
            "text": "What they said",
            "asked_on": "You asked on",
            "chased_on": "You chased on",
        }
        help_texts = {
            "text": "Paste or write it down as you remember it. You will be offered the gaps it "
            "points to next, and choose which to keep.",
            "received_on": "Leave empty if you have asked and are still waiting.",
        }

    def __init__(self, *args, user, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.owner = user
        self.instance.application = application
        # People from this organisation first: they are the likely ones.
        self.fields["given_by"].queryset = (
            owned(Contact, user)
            .annotate(
                here=Case(
                    When(organisation_id=application.organisation_id, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("here", "name")
        )
        self.fields["given_by"].empty_label = "Not recorded"
        if not self.instance.pk:
            self.fields["received_on"].initial = timezone.localdate()


class SuccessfulCandidateForm(PlausibleDatesForm, forms.ModelForm):
    class Meta:
        model = SuccessfulCandidate
        fields = ["profile_url", "found_on", "notes", "inside_appointment", "evidence"]
        widgets = {
            "found_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 6}),
            "evidence": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "profile_url": "Their profile",
            "found_on": "Found on",
            "notes": "What they had that you did not",
            "inside_appointment": "This may have been an inside appointment",
            "evidence": "What suggests it",
        }
        help_texts = {
            "profile_url": "A link to a public profile or an announcement, if there is one.",
            "notes": "Experience, qualifications, subject knowledge… You will be offered "
            "the gaps these words point to next.",
            "inside_appointment": "Only with a reason you can write down: an internal "
            "candidate, someone already doing the job, a visible connection to the panel.",
            "evidence": "Needed if you tick the box above. It stays private to you.",
        }

    def __init__(self, *args, user, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.owner = user
        self.instance.application = application
        if not self.instance.pk:
            self.fields["found_on"].initial = timezone.localdate()


class TagGapForm(forms.Form):
    """Add one gap by name; the fallback for the type-ahead, and what the type-ahead submits."""

    skill = forms.CharField(label="Add a gap", max_length=300, required=False)
    category = forms.ChoiceField(
        label="Category",
        choices=[("", "Choose, if the skill is new"), *SkillCategory.choices],
        required=False,
        help_text="Your skills and the starter list already have one.",
    )
    # A type-ahead choice arrives as "name|category" on the button that was pressed.
    pick = forms.CharField(required=False, widget=forms.HiddenInput, max_length=300)

    def clean(self) -> dict:
        cleaned = super().clean()
        name, category = cleaned.get("skill"), cleaned.get("category")
        if cleaned.get("pick"):
            name, _, category = cleaned["pick"].rpartition("|")
        try:
            self.gap = GapInput(clean_skill_name(name), clean_category(category or None))
        except forms.ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else "skill", messages)
        return cleaned


class ConfirmSuggestionsForm(forms.Form):
    """The suggestions the user ticked; each arrives as "name|category"."""

    suggested = forms.MultipleChoiceField(
        label="Suggested gaps", widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, suggestions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["suggested"].choices = [(f"{s.name}|{s.category}", s.name) for s in suggestions]

    def gaps(self) -> list[GapInput]:
        chosen = []
        for value in self.cleaned_data["suggested"]:
            name, _, category = value.rpartition("|")
            chosen.append(GapInput(name, category))
        return chosen


class SkillForm(forms.ModelForm):
    class Meta:
        model = Skill
        fields = ["name", "category"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.owner = user


class ImprovementActionForm(PlausibleDatesForm, forms.ModelForm):
    class Meta:
        model = ImprovementAction
        fields = ["kind", "title", "status", "target_on", "link", "notes"]
        widgets = {"target_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}
        labels = {
            "kind": "Kind of step",
            "title": "What you will do",
            "target_on": "Aim to finish by",
        }
        help_texts = {
            "title": "For example: a short course in Spectrum, a day a week volunteering."
        }

    def __init__(self, *args, user, skill, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.owner = user
        self.instance.skill = skill
