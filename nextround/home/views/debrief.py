"""The how-it-went page: after every interview, not only after a no."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from nextround.core.access import get_owned_or_404, owned
from nextround.core.forms import show_refusal
from nextround.home.debrief import questions_from_lines, record_debrief
from nextround.home.debrief_forms import HowItWentForm, QuestionsForm, cost_forms
from nextround.jobs.models import Application, Interview
from nextround.jobs.today import LOOK_BACK_DAYS
from nextround.questions.capture import Choice, closest_match, suggest_category
from nextround.questions.models import Category, Question

# The fields of a question the questions form answers for.
QUESTION_FIELDS = ("text", "category", "merge_into")


def _candidates(user, texts: list[str]) -> list[dict]:
    """Each typed question with its suggested category and the bank's question like it."""
    bank = list(owned(Question, user))
    return [
        {"text": text, "category": suggest_category(text), "match": closest_match(text, bank)}
        for text in texts
    ]


def _choices(post, candidates: list[dict]) -> list[Choice]:
    """The questions as the person left them: a category each, or joined to their match."""
    choices = []
    for index, candidate in enumerate(candidates):
        match = candidate["match"]
        joins = match is not None and post.get(f"merge_{index}", str(match.pk)) == str(match.pk)
        choices.append(
            Choice(
                text=candidate["text"],
                category=post.get(f"category_{index}") or None,
                merge_into=match.pk if joins else None,
            )
        )
    return choices


@login_required
def just_interviewed(request):
    """ "I've just had an interview": the latest one with no note yet, or a new one to add.

    An interview added for a time already past is met with a link back here.
    """
    now = timezone.now()
    latest = (
        owned(Interview, request.user)
        .to_look_back_on(now, now - datetime.timedelta(days=LOOK_BACK_DAYS))
        .first()
    )
    if latest is not None:
        return redirect("jobs:interview_debrief", interview_id=latest.pk)
    if owned(Application, request.user).exists():
        return redirect("jobs:interview_create")
    # A new account: the interview needs the application it was for first.
    return redirect("jobs:application_create")


@login_required
def interview_debrief(request, interview_id: int):
    """How it went, the questions, the costs and the answer's day, on one page."""
    interview = get_owned_or_404(
        Interview.objects.select_related("application__organisation"),
        request.user,
        pk=interview_id,
    )
    data = request.POST if request.method == "POST" else None
    how_form = HowItWentForm(data, instance=interview)
    questions_form = QuestionsForm(data)
    costs = cost_forms(data)
    candidates: list[dict] = []
    checking = False
    status = 200
    if data is not None:
        forms_valid = all(f.is_valid() for f in (how_form, questions_form, *costs))
        typed = questions_form.cleaned_data.get("questions", "") if forms_valid else ""
        texts = questions_from_lines(typed)
        candidates = _candidates(request.user, texts)
        # The suggested categories are shown before anything is kept, so each can be changed.
        checking = bool(texts) and data.get("checked_questions") != typed
        if forms_valid and not checking:
            try:
                record_debrief(
                    request.user,
                    interview,
                    interview_values={
                        name: how_form.cleaned_data[name] for name in HowItWentForm.Meta.fields
                    },
                    questions=_choices(data, candidates),
                    costs=[cost for form in costs if (cost := form.cost()) is not None],
                    unprepared=questions_form.cleaned_data["unprepared"],
                )
            except ValidationError as error:
                _show(error, how_form, questions_form, costs)
            else:
                messages.success(request, "Saved. Well done for writing it down while it is fresh.")
                return redirect("today")
        if any(form.errors for form in (how_form, questions_form, *costs)):
            status = 422
    interview.refresh_from_db()
    context = {
        "interview": interview,
        "how_form": how_form,
        "questions_form": questions_form,
        "cost_forms": costs,
        "candidates": candidates,
        "checking": checking,
        "cost_errors": any(form.errors for form in costs),
        "categories": Category.choices,
        "asked": interview.questions.all(),
        "expenses": interview.expenses.all(),
    }
    return render(request, "home/interview_debrief.html", context, status=status)


def _show(error: ValidationError, how_form, questions_form, costs) -> None:
    """Put a refusal against the part of the page it is about."""
    for name, problems in error.message_dict.items():
        if name in how_form.fields:
            how_form.add_error(name, problems)
        elif name in QUESTION_FIELDS:
            questions_form.add_error("questions", problems)
        else:
            show_refusal(costs[0], ValidationError({name: problems}))
