"""Questions to ask the panel: one reusable list, some attached to interviews."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from nextround.core.access import get_owned_or_404, owned
from nextround.core.forms import show_refusal
from nextround.core.pages import page_of
from nextround.core.views import delete_after_confirming
from nextround.questions.asking import save_question_to_ask
from nextround.questions.forms import QuestionToAskForm
from nextround.questions.models import QuestionToAsk


@login_required
def ask_list(request):
    form = QuestionToAskForm(request.POST or None, user=request.user)
    form.instance.owner = request.user
    if request.method == "POST" and form.is_valid() and _saved(request, form, None):
        messages.success(request, "Added to your questions to ask.")
        return redirect("questions:ask")
    questions = page_of(
        request,
        owned(QuestionToAsk, request.user).prefetch_related(
            "interviews__application__organisation"
        ),
    )
    return render(request, "questions/ask_list.html", {"form": form, "questions": questions})


@login_required
def ask_edit(request, ask_id: int):
    question = get_owned_or_404(QuestionToAsk, request.user, pk=ask_id)
    form = QuestionToAskForm(request.POST or None, instance=question, user=request.user)
    if request.method == "POST" and form.is_valid() and _saved(request, form, question):
        messages.success(request, "Saved.")
        return redirect("questions:ask")
    return render(request, "questions/ask_form.html", {"form": form, "question": question})


def _saved(request, form, question) -> bool:
    """Keep what the form holds through the one workflow; a refusal goes on the form."""
    try:
        save_question_to_ask(request.user, question, form.cleaned_data)
    except ValidationError as refused:
        show_refusal(form, refused)
        return False
    return True


@login_required
def ask_delete(request, ask_id: int):
    question = get_owned_or_404(QuestionToAsk, request.user, pk=ask_id)
    return delete_after_confirming(
        request, question, then="questions:ask", done="Deleted.", consequence=""
    )
