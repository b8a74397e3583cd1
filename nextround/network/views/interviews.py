"""Adding and changing an interview on the web; the plan follows through ``save_interview``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html

from nextround.core.access import get_owned_or_404
from nextround.core.forms import show_refusal
from nextround.jobs.models import Interview
from nextround.network.interview_forms import InterviewForm
from nextround.network.interviews import save_interview


def _saved(form: InterviewForm, interview: Interview | None) -> Interview | None:
    """Save a valid form through the workflow; its refusals are shown on the form."""
    if not form.is_valid():
        return None
    try:
        return save_interview(form.user, interview, form.cleaned_data)
    except ValidationError as error:
        show_refusal(form, error)
        return None


@login_required
def interview_create(request):
    """Add an interview; it moves the application on and may start a decision chase."""
    initial = {"application": request.GET.get("application")}
    form = InterviewForm(request.POST or None, initial=initial, user=request.user)
    form.instance.owner = request.user
    if request.method == "POST" and (interview := _saved(form, None)):
        if interview.is_over:
            # Luck is no use for an interview already over; what it taught is.
            messages.success(
                request,
                format_html(
                    'Interview saved. <a href="{}">How did it go?</a>',
                    reverse("jobs:interview_debrief", args=[interview.pk]),
                ),
            )
        else:
            messages.success(request, "Interview added. Good luck!")
        return redirect(interview)
    return render(request, "jobs/interview_form.html", {"form": form})


@login_required
def interview_edit(request, interview_id: int):
    """Change an interview; a changed promise moves (or retires) its decision chase."""
    interview = get_owned_or_404(Interview, request.user, pk=interview_id)
    form = InterviewForm(request.POST or None, instance=interview, user=request.user)
    if request.method == "POST" and _saved(form, interview):
        messages.success(request, "Saved.")
        return redirect(interview)
    return render(request, "jobs/interview_form.html", {"form": form, "interview": interview})
