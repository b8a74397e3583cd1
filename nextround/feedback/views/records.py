"""Feedback and who got the job: recording them, and tagging the gaps they point to."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from nextround.core.access import get_owned_or_404
from nextround.core.htmx import render_page_or_fragment
from nextround.core.views import delete_after_confirming
from nextround.feedback.forms import (
    ConfirmSuggestionsForm,
    FeedbackForm,
    SuccessfulCandidateForm,
    TagGapForm,
)
from nextround.feedback.models import Feedback, SuccessfulCandidate
from nextround.feedback.recording import save_feedback, save_successful_candidate
from nextround.feedback.suggestions import skill_options, suggest_mentions
from nextround.feedback.tagging import tag_gap, tag_gaps
from nextround.jobs.models import Application

# The two kinds of record that carry gap mentions, and what differs between them.
SOURCES = {
    "feedback": {
        "model": Feedback,
        "text": lambda record: record.text,
        "template": "feedback/feedback_detail.html",
    },
    "winner": {
        "model": SuccessfulCandidate,
        "text": lambda record: record.notes,
        "template": "feedback/winner_detail.html",
    },
}


def _source_queryset(kind: str):
    return (
        SOURCES[kind]["model"]
        .objects.select_related("application__organisation")
        .prefetch_related("mentions__skill")
    )


def _tagging_context(kind: str, record, tag_form=None, confirm_form=None) -> dict:
    mentions = sorted(record.mentions.all(), key=lambda m: m.skill.name.casefold())
    tagged = {mention.skill.name for mention in mentions}
    suggestions = suggest_mentions(SOURCES[kind]["text"](record), record.owner, exclude=tagged)
    return {
        "kind": kind,
        "record": record,
        "mentions": mentions,
        "suggestions": suggestions,
        "tag_form": tag_form or TagGapForm(auto_id=f"id_{kind}_tag_%s"),
        "confirm_form": confirm_form or ConfirmSuggestionsForm(suggestions=suggestions),
    }


def _detail(request, kind: str, record, status: int = 200, **forms):
    context = {**_tagging_context(kind, record, **forms), kind: record}
    return render_page_or_fragment(
        request, SOURCES[kind]["template"], "feedback/_tagging.html", context, status=status
    )


def _after_tagging(request, kind: str, record_id: int):
    record = get_owned_or_404(_source_queryset(kind), request.user, pk=record_id)
    if request.htmx:
        return _detail(request, kind, record)
    return redirect(record)


# Feedback


@login_required
def feedback_create(request, application_id: int):
    application = get_owned_or_404(
        Application.objects.select_related("organisation"), request.user, pk=application_id
    )
    form = FeedbackForm(request.POST or None, user=request.user, application=application)
    if request.method == "POST" and form.is_valid():
        feedback = save_feedback(form.instance)
        messages.success(request, "Feedback saved. Now choose the gaps it points to.")
        return redirect(feedback)
    return render(
        request, "feedback/feedback_form.html", {"form": form, "application": application}
    )


@login_required
def feedback_detail(request, feedback_id: int):
    feedback = get_owned_or_404(
        _source_queryset("feedback").select_related("given_by"), request.user, pk=feedback_id
    )
    return _detail(request, "feedback", feedback)


@login_required
def feedback_edit(request, feedback_id: int):
    feedback = get_owned_or_404(
        Feedback.objects.select_related("application__organisation"),
        request.user,
        pk=feedback_id,
    )
    form = FeedbackForm(
        request.POST or None,
        instance=feedback,
        user=request.user,
        application=feedback.application,
    )
    if request.method == "POST" and form.is_valid():
        save_feedback(form.instance)
        messages.success(request, "Saved.")
        return redirect(feedback)
    return render(
        request,
        "feedback/feedback_form.html",
        {"form": form, "application": feedback.application, "feedback": feedback},
    )


@login_required
def feedback_delete(request, feedback_id: int):
    feedback = get_owned_or_404(Feedback, request.user, pk=feedback_id)
    return delete_after_confirming(
        request,
        feedback,
        then=feedback.application,
        done="Feedback deleted.",
        consequence="The gaps it mentioned stay among your skills, one mention fewer.",
    )


# Who got the job


@login_required
def winner_create(request, application_id: int):
    application = get_owned_or_404(
        Application.objects.select_related("organisation"), request.user, pk=application_id
    )
    form = SuccessfulCandidateForm(request.POST or None, user=request.user, application=application)
    if request.method == "POST" and form.is_valid():
        candidate = save_successful_candidate(form.instance)
        messages.success(request, "Saved. Now choose what they had that you are working on.")
        return redirect(candidate)
    earlier = application.successful_candidates.all()
    return render(
        request,
        "feedback/winner_form.html",
        {"form": form, "application": application, "earlier": earlier},
    )


@login_required
def winner_detail(request, candidate_id: int):
    candidate = get_owned_or_404(_source_queryset("winner"), request.user, pk=candidate_id)
    return _detail(request, "winner", candidate)


@login_required
def winner_edit(request, candidate_id: int):
    candidate = get_owned_or_404(
        SuccessfulCandidate.objects.select_related("application__organisation"),
        request.user,
        pk=candidate_id,
    )
    form = SuccessfulCandidateForm(
        request.POST or None,
        instance=candidate,
        user=request.user,
        application=candidate.application,
    )
    if request.method == "POST" and form.is_valid():
        save_successful_candidate(form.instance)
        messages.success(request, "Saved.")
        return redirect(candidate)
    return render(
        request,
        "feedback/winner_form.html",
        {"form": form, "application": candidate.application, "candidate": candidate},
    )


@login_required
def winner_delete(request, candidate_id: int):
    candidate = get_owned_or_404(SuccessfulCandidate, request.user, pk=candidate_id)
    return delete_after_confirming(
        request,
        candidate,
        then=candidate.application,
        done="Deleted.",
        consequence="The gaps it mentioned stay among your skills, one mention fewer.",
    )


# Tagging, shared by both kinds


@login_required
@require_POST
def tag(request, kind: str, record_id: int):
    """Add one gap, typed or picked from the type-ahead."""
    record = get_owned_or_404(_source_queryset(kind), request.user, pk=record_id)
    form = TagGapForm(request.POST, auto_id=f"id_{kind}_tag_%s")
    if not form.is_valid():
        return _detail(request, kind, record, status=422, tag_form=form)
    mention = tag_gap(record, form.gap)
    if not request.htmx:
        messages.success(request, f"Tagged {mention.skill.name}.")
    return _after_tagging(request, kind, record.pk)


@login_required
@require_POST
def confirm(request, kind: str, record_id: int):
    """Tag the suggestions the user ticked, and only those."""
    record = get_owned_or_404(_source_queryset(kind), request.user, pk=record_id)
    context = _tagging_context(kind, record)
    form = ConfirmSuggestionsForm(request.POST, suggestions=context["suggestions"])
    if not form.is_valid():
        return _detail(request, kind, record, status=422, confirm_form=form)
    chosen = tag_gaps(record, form.gaps())
    if not request.htmx and chosen:
        messages.success(
            request,
            ngettext("Tagged %(count)d gap.", "Tagged %(count)d gaps.", len(chosen))
            % {"count": len(chosen)},
        )
    return _after_tagging(request, kind, record.pk)


@login_required
@require_POST
def untag(request, kind: str, record_id: int, mention_id: int):
    record = get_owned_or_404(SOURCES[kind]["model"], request.user, pk=record_id)
    mention = get_owned_or_404(record.mentions.select_related("skill"), request.user, pk=mention_id)
    mention.delete()
    if not request.htmx:
        messages.success(request, f"Removed {mention.skill.name}.")
    return _after_tagging(request, kind, record.pk)


@login_required
@require_GET
def skill_search(request):
    """The type-ahead's choices for what has been typed so far (an htmx fragment)."""
    query = request.GET.get("skill", "")[:120]
    kind = request.GET.get("kind", "feedback")
    return render(
        request,
        "feedback/_skill_options.html",
        {"options": skill_options(request.user, query), "query": query, "kind": kind},
    )
