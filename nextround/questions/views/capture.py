"""An interview's notes: paste them, pick the questions for the bank; and its pack."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from nextround.core.access import get_owned_or_404
from nextround.jobs.models import Interview
from nextround.questions.capture import Choice, candidates_for, capture_questions, save_notes
from nextround.questions.forms import NotesForm
from nextround.questions.models import Category
from nextround.questions.pack import pack_filename, render_pack_pdf


def _interview(request, interview_id: int) -> Interview:
    return get_owned_or_404(
        Interview.objects.select_related("application__organisation"),
        request.user,
        pk=interview_id,
    )


@login_required
def interview_notes(request, interview_id: int):
    """The notes-capture page: the playbook's "review your notes" step leads here."""
    interview = _interview(request, interview_id)
    form = NotesForm(instance=interview)
    capture_errors = {}
    if request.method == "POST" and request.POST.get("step") == "add":
        try:
            return _add_chosen(request, interview)
        except ValidationError as error:
            if "merge_into" in error.message_dict:
                # A question that is not the person's is not found, as on every page.
                raise Http404 from error
            capture_errors = error.message_dict
    elif request.method == "POST":
        form = NotesForm(request.POST, instance=interview)
        if form.is_valid():
            save_notes(interview, form.cleaned_data["notes"])
            return redirect(reverse("questions:interview_notes", args=[interview.pk]) + "#found")
    candidates = candidates_for(interview, request.user) if interview.notes else []
    context = {
        "interview": interview,
        "form": form,
        "candidates": candidates,
        "new_count": sum(1 for c in candidates if not c.already_linked),
        "linked": interview.questions.all(),
        "capture_errors": capture_errors,
        "categories": Category.choices,
    }
    return render(
        request, "questions/interview_notes.html", context, status=422 if capture_errors else 200
    )


def _add_chosen(request, interview: Interview):
    choices = []
    for index in request.POST.getlist("pick"):
        merge_into = request.POST.get(f"merge_{index}", "new")
        choices.append(
            Choice(
                text=request.POST.get(f"text_{index}", ""),
                # Left out, the category the question's words suggest is taken.
                category=request.POST.get(f"category_{index}") or None,
                merge_into=None if merge_into == "new" else _question_id(merge_into),
            )
        )
    if not choices:
        messages.info(request, "Tick the questions you want to keep, then add them.")
        return redirect(reverse("questions:interview_notes", args=[interview.pk]) + "#found")
    result = capture_questions(
        interview, request.user, choices, unprepared=bool(request.POST.get("unprepared"))
    )
    parts = []
    if result.added:
        parts.append(f"{len(result.added)} added to your bank")
    if result.merged:
        parts.append(f"{len(result.merged)} linked to questions you already had")
    messages.success(request, "Done: " + " and ".join(parts) + ".")
    return redirect(reverse("questions:interview_notes", args=[interview.pk]))


def _question_id(value: str) -> int:
    """A question id from a form field; anything else is a question that cannot be found."""
    if not value.isdigit():
        raise Http404
    return int(value)


@login_required
def interview_pack(request, interview_id: int):
    interview = _interview(request, interview_id)
    return pack_response(interview)


def pack_response(interview: Interview) -> HttpResponse:
    """The interview pack as a PDF download; the API serves the same response."""
    response = HttpResponse(render_pack_pdf(interview), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pack_filename(interview)}"'
    return response
