"""The plan's pages: the agenda, each step with what it needs, and one-click moves.

Done, skip and snooze answer htmx with the changed row (and an undo
button); without JavaScript they redirect back to where the person was,
and that page offers the undo.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from nextround.core.access import get_owned_or_404
from nextround.core.htmx import render_page_or_fragment
from nextround.core.mailto import MailtoRedirect
from nextround.core.pages import page_of
from nextround.playbook import plan
from nextround.playbook.agenda import live_actions, sort_into_agenda
from nextround.playbook.content import content_for
from nextround.playbook.drafts import draft_for
from nextround.playbook.forms import (
    DraftForm,
    PlaybookSettingsForm,
    ResultForm,
    SkipForm,
    SnoozeForm,
    UndoForm,
)
from nextround.playbook.models import Action, ActionStatus

UNDO_SESSION_KEY = "playbook_undo"

# Each step's row carries its three one-click forms, so a page holds fewer.
PLAN_PAGE_SIZE = 30

DONE_WORDS = {
    ActionStatus.DONE: "Marked done",
    ActionStatus.SKIPPED: "Skipped",
    ActionStatus.SNOOZED: "Snoozed",
    ActionStatus.OPEN: "Back on the list",
}


def _owned_action(request, action_id: int) -> Action:
    return get_owned_or_404(
        Action.objects.select_related(
            "application__organisation", "organisation", "contact", "interview"
        ),
        request.user,
        pk=action_id,
    )


def _next_url(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def pop_undo(request) -> dict | None:
    """The last move, offered for undoing once on the next page, then forgotten."""
    offer = request.session.pop(UNDO_SESSION_KEY, None)
    if not offer:
        return None
    action = (
        Action.objects.for_user(request.user)
        .select_related("application__organisation", "organisation", "contact")
        .filter(pk=offer.get("id"))
        .first()
    )
    if action is None:
        return None
    return {**offer, "action": action}


def _after_move(request, action: Action, before: dict):
    """Answer a move: the changed row for htmx, otherwise back with an undo offer."""
    said = DONE_WORDS[action.status]
    if request.htmx:
        return render(
            request,
            "playbook/_action_moved.html",
            {"action": action, "before": before, "said": said},
        )
    request.session[UNDO_SESSION_KEY] = {
        "id": action.pk,
        "status": before["status"],
        "due_on": before["due_on"].isoformat(),
        "said": said,
    }
    return redirect(_next_url(request, reverse("playbook:plan")))


def _before(action: Action) -> dict:
    return {"status": action.status, "due_on": action.due_on}


@login_required
def plan_page(request):
    """Every live step, soonest first, and the last few finished ones."""
    recent = (
        Action.objects.for_user(request.user)
        .filter(status__in=(ActionStatus.DONE, ActionStatus.SKIPPED))
        .select_related("application__organisation", "organisation", "contact")
        .order_by("-updated_at", "-id")[:10]
    )
    steps = page_of(request, live_actions(request.user), per_page=PLAN_PAGE_SIZE)
    context = {
        "plan": sort_into_agenda(steps.object_list, timezone.localdate()),
        "steps": steps,
        "recent": recent,
        "playbook_undo": pop_undo(request),
    }
    return render(request, "playbook/plan.html", context)


def happy_box_url() -> str:
    try:
        return reverse("happybox:open")
    except NoReverseMatch:
        return ""


def _detail_context(request, action: Action, **forms) -> dict:
    content = content_for(action)
    draft = content["draft"]
    initial = {"draft_subject": draft.subject, "draft_body": draft.body} if draft else {}
    return {
        "action": action,
        "content": content,
        "draft_form": forms.get("draft_form") or DraftForm(instance=action, initial=initial),
        "result_form": ResultForm(instance=action),
        "skip_form": SkipForm(),
        "snooze_form": forms.get("snooze_form") or SnoozeForm(),
        "happy_box_url": happy_box_url(),
    }


@login_required
def action_detail(request, action_id: int):
    """One step, with everything needed to do it on the spot."""
    action = _owned_action(request, action_id)
    context = _detail_context(request, action)
    context["playbook_undo"] = pop_undo(request)
    return render(request, "playbook/action_detail.html", context)


@login_required
@require_POST
def action_done(request, action_id: int):
    action = _owned_action(request, action_id)
    before = _before(action)
    plan.mark_done(action)
    return _after_move(request, action, before)


@login_required
@require_POST
def action_skip(request, action_id: int):
    action = _owned_action(request, action_id)
    form = SkipForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    before = _before(action)
    plan.skip(action, reason)
    return _after_move(request, action, before)


@login_required
@require_POST
def action_snooze(request, action_id: int):
    action = _owned_action(request, action_id)
    form = SnoozeForm(request.POST)
    if not form.is_valid():
        # The row shows the errors beside its buttons; the page shows them in its form.
        context = {
            **_detail_context(request, action, snooze_form=form),
            "snooze_errors": form.errors,
        }
        return render_page_or_fragment(
            request, "playbook/action_detail.html", "playbook/_action.html", context, status=422
        )
    before = _before(action)
    plan.snooze(action, form.cleaned_data["until"])
    return _after_move(request, action, before)


@login_required
@require_POST
def action_undo(request, action_id: int):
    """Put a step back as it was before the last click."""
    action = _owned_action(request, action_id)
    form = UndoForm(request.POST)
    if form.is_valid():
        plan.restore(action, form.cleaned_data["status"], form.cleaned_data["due_on"])
    if request.htmx:
        return render(request, "playbook/_action.html", {"action": action})
    messages.success(request, f"Undone: {action.get_kind_display()} is back as it was.")
    return redirect(_next_url(request, reverse("playbook:plan")))


@login_required
@require_POST
def action_draft(request, action_id: int):
    """Keep the person's edits to a drafted message, or go back to the draft."""
    action = _owned_action(request, action_id)
    if "reset" in request.POST:
        action.draft_subject = ""
        action.draft_body = ""
        action.save(update_fields=["draft_subject", "draft_body", "updated_at"])
        messages.success(request, "Back to the drafted message.")
        return redirect(action)
    form = DraftForm(request.POST, instance=action)
    if form.is_valid():
        form.save()
        if request.htmx:
            # Kept in the background as the send link is followed: nothing to show.
            return HttpResponse(status=204)
        if "send" in request.POST:
            # Without JavaScript the one send button keeps the edits, then opens them.
            return MailtoRedirect(draft_for(action).mailto)
        messages.success(request, "Your edits are saved; the send link uses them.")
        return redirect(action)
    context = _detail_context(request, action, draft_form=form)
    return render(request, "playbook/action_detail.html", context, status=422)


@login_required
@require_POST
def action_result(request, action_id: int):
    """Note what came of a step (what the successful candidate had)."""
    action = _owned_action(request, action_id)
    form = ResultForm(request.POST, instance=action)
    if form.is_valid():
        form.save()
        messages.success(request, "Noted. It will help you see the gaps worth closing.")
    else:
        messages.error(request, "That note is too long; keep it under 5,000 characters.")
    return redirect(action)


@login_required
@require_POST
def playbook_settings(request):
    """Save the person's own offsets for the rules."""
    form = PlaybookSettingsForm(request.POST, user=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, "Plan timings saved. New steps use them from now on.")
        return redirect(reverse("accounts:settings") + "#plan-heading")
    return render(request, "playbook/settings.html", {"playbook_form": form}, status=422)
