"""An interview's notes: paste them, pick the questions for the bank; and its pack."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from nextround.core.access import get_owned_or_404
from nextround.jobs.models import Interview
from nextround.questions.capture import add_from_interview, candidates_for
from nextround.questions.forms import NotesForm
from nextround.questions.models import Question
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
    if request.method == "POST" and request.POST.get("step") == "add":
        return _add_chosen(request, interview)
    if request.method == "POST":
        form = NotesForm(request.POST, instance=interview)
        if form.is_valid():
            form.save()
            return redirect(reverse("questions:interview_notes", args=[interview.pk]) + "#found")
    candidates = candidates_for(interview, request.user) if interview.notes else []
    context = {
        "interview": interview,
        "form": form,
        "candidates": candidates,
        "new_count": sum(1 for c in candidates if not c.already_linked),
        "linked": interview.questions.all(),
    }
    return render(request, "questions/interview_notes.html", context)


def _add_chosen(request, interview: Interview):
    chosen: list[tuple[str, Question | None]] = []
    for index in request.POST.getlist("pick"):
        # Hidden fields come back as sent: keep them to plain, storable text.
        text = request.POST.get(f"text_{index}", "").replace("\x00", "").strip()[:1000]
        if not text:
            continue
        merge_into = request.POST.get(f"merge_{index}", "new")
        existing = (
            None if merge_into == "new" else get_owned_or_404(Question, request.user, pk=merge_into)
        )
        chosen.append((text, existing))
    if not chosen:
        messages.info(request, "Tick the questions you want to keep, then add them.")
        return redirect(reverse("questions:interview_notes", args=[interview.pk]) + "#found")
    result = add_from_interview(
        interview, request.user, chosen, unprepared=bool(request.POST.get("unprepared"))
    )
    parts = []
    if result.added:
        parts.append(f"{len(result.added)} added to your bank")
    if result.merged:
        parts.append(f"{len(result.merged)} linked to questions you already had")
    messages.success(request, "Done: " + " and ".join(parts) + ".")
    return redirect(reverse("questions:interview_notes", args=[interview.pk]))


@login_required
def interview_pack(request, interview_id: int):
    interview = _interview(request, interview_id)
    return pack_response(interview)


def pack_response(interview: Interview) -> HttpResponse:
    """The interview pack as a PDF download; the API serves the same response."""
    response = HttpResponse(render_pack_pdf(interview), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pack_filename(interview)}"'
    return response
