"""The gap map: ranked gaps, each skill's sources, and the steps taken to close them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from nextround.core.access import get_owned_or_404, owned
from nextround.core.account_cache import kept_for_account
from nextround.core.pages import page_of
from nextround.core.views import delete_after_confirming
from nextround.feedback.forms import ImprovementActionForm, SkillForm
from nextround.feedback.models import (
    Feedback,
    ImprovementAction,
    ImprovementStatus,
    Skill,
    SuccessfulCandidate,
)
from nextround.feedback.progress import attach_improvements
from nextround.feedback.ranking import EXPLANATION, gaps_for, rank_gaps, rank_skills

# Gaps per page, and the latest places each was raised; the skill's page has them all.
GAPS_PER_PAGE = 20
SOURCES_SHOWN = 5


@login_required
def gap_list(request):
    """The gaps ranked, a page at a time, each with its latest sources; recent records aside."""
    today = timezone.localdate()
    ranking = kept_for_account(
        request.user, f"gap-ranking:{today}", lambda: rank_skills(request.user, today)
    )
    ranks = page_of(request, ranking, per_page=GAPS_PER_PAGE)
    gaps = attach_improvements(
        request.user, gaps_for(request.user, ranks.object_list, sources_shown=SOURCES_SHOWN)
    )
    recent_feedback = owned(Feedback, request.user).select_related("application__organisation")[:8]
    recent_winners = owned(SuccessfulCandidate, request.user).select_related(
        "application__organisation"
    )[:8]
    return render(
        request,
        "feedback/gap_list.html",
        {
            "gaps": gaps,
            "ranks": ranks,
            "explanation": EXPLANATION,
            "recent_feedback": recent_feedback,
            "recent_winners": recent_winners,
        },
    )


def _skill_page(request, skill: Skill, form: ImprovementActionForm, status: int = 200):
    gap = next((gap for gap in rank_gaps(request.user) if gap.skill.pk == skill.pk), None)
    improvements = skill.improvements.all()
    context = {
        "skill": skill,
        "gap": gap,
        "explanation": EXPLANATION,
        "improvements": improvements,
        "done": sum(1 for action in improvements if action.status == ImprovementStatus.DONE),
        "form": form,
        "statuses": ImprovementStatus.choices,
    }
    return render(request, "feedback/skill_detail.html", context, status=status)


@login_required
def skill_detail(request, skill_id: int):
    skill = get_owned_or_404(Skill, request.user, pk=skill_id)
    return _skill_page(request, skill, ImprovementActionForm(user=request.user, skill=skill))


@login_required
def skill_edit(request, skill_id: int):
    skill = get_owned_or_404(Skill, request.user, pk=skill_id)
    form = SkillForm(request.POST or None, instance=skill, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect(skill)
    return render(request, "feedback/skill_form.html", {"form": form, "skill": skill})


@login_required
def skill_delete(request, skill_id: int):
    skill = get_owned_or_404(Skill, request.user, pk=skill_id)
    return delete_after_confirming(
        request,
        skill,
        then="feedback:gaps",
        done=f"Deleted {skill.name}.",
        consequence="Its mentions and the steps you planned for it go too. "
        "The feedback itself stays.",
    )


@login_required
@require_POST
def improvement_create(request, skill_id: int):
    skill = get_owned_or_404(Skill, request.user, pk=skill_id)
    form = ImprovementActionForm(request.POST, user=request.user, skill=skill)
    if form.is_valid():
        action = form.save()
        messages.success(request, f"Added: {action.title}.")
        return redirect(skill)
    return _skill_page(request, skill, form, status=422)


@login_required
def improvement_edit(request, action_id: int):
    action = get_owned_or_404(
        ImprovementAction.objects.select_related("skill"), request.user, pk=action_id
    )
    form = ImprovementActionForm(
        request.POST or None, instance=action, user=request.user, skill=action.skill
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect(action.skill)
    return render(request, "feedback/improvement_form.html", {"form": form, "action": action})


@login_required
@require_POST
def improvement_status(request, action_id: int):
    """Move a step along (planned, doing, done) with one button."""
    action = get_owned_or_404(
        ImprovementAction.objects.select_related("skill"), request.user, pk=action_id
    )
    status = request.POST.get("status", "")
    if status in ImprovementStatus.values:
        action.status = status
        action.save()
        if status == ImprovementStatus.DONE:
            messages.success(request, f"Done: {action.title}. Well done.")
    return redirect(request.POST.get("next") if _safe_next(request) else action.skill)


def _safe_next(request) -> bool:
    target = request.POST.get("next", "")
    return bool(target) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


@login_required
def improvement_delete(request, action_id: int):
    action = get_owned_or_404(
        ImprovementAction.objects.select_related("skill"), request.user, pk=action_id
    )
    return delete_after_confirming(
        request,
        action,
        then=action.skill,
        done=f"Deleted {action.title}.",
        cancel_url=action.skill.get_absolute_url(),
    )
