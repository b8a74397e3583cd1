"""Improvement actions as progress on a gap, and the next step for each."""

from __future__ import annotations

from nextround.core.access import owned
from nextround.feedback.models import ImprovementAction, ImprovementStatus
from nextround.feedback.ranking import RankedGap

# Something under way comes before something only planned.
_NEXT_ORDER = {ImprovementStatus.DOING: 0, ImprovementStatus.PLANNED: 1}


def next_step(actions: list[ImprovementAction]) -> ImprovementAction | None:
    """The step to take next: one under way, else the planned one due soonest."""
    live = [action for action in actions if action.status in _NEXT_ORDER]
    if not live:
        return None
    return min(
        live,
        key=lambda action: (
            _NEXT_ORDER[action.status],
            action.target_on is None,
            action.target_on,
            action.pk,
        ),
    )


def attach_improvements(user, gaps: list[RankedGap]) -> list[RankedGap]:
    """Give each gap its improvement actions, done count and next step, in one query."""
    by_skill: dict[int, list[ImprovementAction]] = {}
    skill_ids = [gap.skill.pk for gap in gaps]
    for action in owned(ImprovementAction, user).filter(skill_id__in=skill_ids):
        by_skill.setdefault(action.skill_id, []).append(action)
    for gap in gaps:
        actions = by_skill.get(gap.skill.pk, [])
        gap.improvements = actions
        gap.done = sum(1 for action in actions if action.status == ImprovementStatus.DONE)
        gap.next_step = next_step(actions)
    return gaps
