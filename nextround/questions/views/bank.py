"""The question bank: list, one question, add, edit, merge, the starter set, exports."""

from __future__ import annotations

import heapq

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from nextround.core.access import get_owned_or_404, owned
from nextround.core.pages import page_of
from nextround.core.views import delete_after_confirming
from nextround.questions.anki import DeckDownload
from nextround.questions.capture import SIMILAR_SCORE, merge_questions, similarity
from nextround.questions.forms import BankFilterForm, QuestionForm
from nextround.questions.markdown import markdown_lines
from nextround.questions.models import STAR_HINTS, Question
from nextround.questions.scheduling import daily_allowance
from nextround.questions.starter import STARTER_QUESTIONS, add_starter_questions, added_keys


@login_required
def question_list(request):
    filters = BankFilterForm(request.GET or None)
    # Counted per question shown, not grouped over the whole bank: a page of
    # fifty comes straight off the (owner, text) index, however big the bank.
    asked = (
        Question.interviews.through.objects.filter(question_id=OuterRef("pk"))
        .order_by()
        .values("question_id")
        .annotate(count=Count("*"))
        .values("count")
    )
    questions = (
        owned(Question, request.user)
        .annotate(times_asked=Coalesce(Subquery(asked), 0))
        .order_by("text", "id")
    )
    if filters.is_valid():
        data = filters.cleaned_data
        if data["q"]:
            questions = questions.filter(
                Q(text__icontains=data["q"]) | Q(tags__icontains=data["q"])
            )
        if data["category"]:
            questions = questions.filter(category=data["category"])
        flag = data["flag"]
        if flag == "tricky":
            questions = questions.filter(tricky=True)
        elif flag == "unprepared":
            questions = questions.filter(unprepared=True)
        elif flag == "rework":
            questions = questions.filter(needs_rework=True)
        elif flag == "unanswered":
            questions = questions.filter(
                star_situation="", star_task="", star_action="", star_result="", answer=""
            )
    context = {
        "filters": filters,
        "questions": page_of(request, questions),
        "allowance": daily_allowance(request.user),
        "has_any": owned(Question, request.user).exists(),
        "now": timezone.now(),
    }
    return render(request, "questions/question_list.html", context)


# A question page offers at most this many look-alikes to merge, the closest first.
SIMILAR_SHOWN = 10


def _similar_to(question: Question) -> list[tuple[Question, float]]:
    others = owned(Question, question.owner).exclude(pk=question.pk).only("id", "text")
    found = [(other, similarity(question.text, other.text)) for other in others]
    return heapq.nlargest(
        SIMILAR_SHOWN,
        [(other, score) for other, score in found if score >= SIMILAR_SCORE],
        key=lambda pair: pair[1],
    )


@login_required
def question_detail(request, question_id: int):
    question = get_owned_or_404(
        Question.objects.prefetch_related("interviews__application__organisation"),
        request.user,
        pk=question_id,
    )
    context = {
        "question": question,
        "asked_in": sorted(question.interviews.all(), key=lambda i: i.starts_at),
        "similar": _similar_to(question),
        "reviews": question.reviews.all()[:10],
        "hints": STAR_HINTS,
        "now": timezone.now(),
    }
    return render(request, "questions/question_detail.html", context)


@login_required
def question_create(request):
    form = QuestionForm(request.POST or None)
    form.instance.owner = request.user
    if request.method == "POST" and form.is_valid():
        question = form.save()
        messages.success(request, "Added to your question bank.")
        return redirect(question)
    return render(request, "questions/question_form.html", {"form": form})


@login_required
def question_edit(request, question_id: int):
    question = get_owned_or_404(Question, request.user, pk=question_id)
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect(question)
    return render(request, "questions/question_form.html", {"form": form, "question": question})


@login_required
def question_delete(request, question_id: int):
    question = get_owned_or_404(Question, request.user, pk=question_id)
    return delete_after_confirming(
        request, question, then="questions:questions", done="Question deleted.", consequence=""
    )


@login_required
@require_POST
def question_merge(request, question_id: int):
    """Fold another question (``duplicate``) into this one."""
    keep = get_owned_or_404(Question, request.user, pk=question_id)
    duplicate = get_owned_or_404(Question, request.user, pk=request.POST.get("duplicate"))
    if duplicate.pk == keep.pk:
        return redirect(keep)
    try:
        merge_questions(keep, duplicate)
    except ValidationError as error:
        messages.error(request, "Not merged: " + " ".join(error.messages))
        return redirect(keep)
    messages.success(request, "Merged: the interviews and answers are now on this question.")
    return redirect(keep)


@login_required
def starter(request):
    """The starter set: add one question, or every one not yet in the bank."""
    if request.method == "POST":
        keys = None if request.POST.get("all") else request.POST.getlist("key")
        added = add_starter_questions(request.user, keys)
        if added:
            messages.success(
                request,
                ngettext(
                    "Added %(count)d question to your bank.",
                    "Added %(count)d questions to your bank.",
                    len(added),
                )
                % {"count": len(added)},
            )
        else:
            messages.info(request, "Those are already in your bank.")
        return redirect("questions:starter")
    present = added_keys(request.user)
    context = {
        "starters": [(starter, starter.key in present) for starter in STARTER_QUESTIONS],
        "remaining": sum(1 for starter in STARTER_QUESTIONS if starter.key not in present),
    }
    return render(request, "questions/starter.html", context)


@login_required
def markdown_download(request):
    response = StreamingHttpResponse(
        markdown_lines(request.user), content_type="text/markdown; charset=utf-8"
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="question-bank-{day}.md"'
    return response


@login_required
def apkg_download(request):
    return apkg_response(request.user)


def apkg_response(user) -> StreamingHttpResponse:
    """The Anki deck as a download, streamed from a temporary file; the API serves the same."""
    return StreamingHttpResponse(
        DeckDownload(user),
        content_type="application/apkg",
        headers={"Content-Disposition": 'attachment; filename="next-round-questions.apkg"'},
    )
