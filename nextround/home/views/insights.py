"""The Insights page: the user's own history as charts, each with a table beside it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from nextround.core.account_cache import kept_for_account
from nextround.feedback import insights as feedback_figures
from nextround.home.charts import bar_chart
from nextround.jobs import insights as jobs_figures

STAGE_LABELS = {
    "applied": "applied",
    "invited": "invited",
    "interviewed": "interviewed",
    "offered": "offered",
}


def _funnel_chart(funnel):
    active = [month for month in funnel if month.applied]
    totals = {stage: sum(month.stage(stage) for month in funnel) for stage in STAGE_LABELS}
    summary = (
        f"Over the last {len(funnel)} months: {totals['applied']} applied, "
        f"{totals['invited']} invited, {totals['interviewed']} interviewed, "
        f"{totals['offered']} offered."
    )
    rows = [
        (
            month.month.strftime("%b %Y"),
            [(label, month.stage(stage)) for stage, label in STAGE_LABELS.items()],
        )
        for month in active
    ]
    return bar_chart("funnel", "Applications by month, and how far they got", summary, rows), totals


def _waits_chart(times):
    rows = []
    for wait in times.ordered()[:12]:
        values = []
        if wait.promised_usual_days is not None:
            values.append(("promised", wait.promised_usual_days))
        values.append(("took", wait.usual_days))
        rows.append((wait.name, values))
    summary = "; ".join(
        f"{wait.name} took {wait.usual_days} days"
        + (f", promised {wait.promised_usual_days}" if wait.promised_usual_days is not None else "")
        for wait in times.ordered()[:12]
    )
    return bar_chart(
        "waits", "Days from interview to decision: promised and taken", summary, rows, unit=" d"
    )


def figures(user, today) -> dict:
    """Every figure the page draws, counted from the whole history."""
    return {
        "funnel": jobs_figures.funnel_by_month(user, today=today),
        "reasons": jobs_figures.outcomes_by_reason(user),
        "by_contract": jobs_figures.outcomes_by_contract(user),
        "gaps": feedback_figures.gaps_over_time(user, today=today),
        "times": jobs_figures.decision_times(user),
        "reapplying": jobs_figures.reapplication_success(user),
        "inside": feedback_figures.inside_appointments(user),
    }


@login_required
def insights(request):
    user = request.user
    today = timezone.localdate()
    # Years of history take a moment to count: kept until the account changes.
    found = kept_for_account(user, f"insights:{today}", lambda: figures(user, today))
    funnel, totals = _funnel_chart(found["funnel"])
    reasons = found["reasons"]
    by_contract = found["by_contract"]
    gaps = found["gaps"]
    times = found["times"]
    reapplying = found["reapplying"]
    comparisons, inside = found["inside"]

    reason_chart = bar_chart(
        "reasons",
        "How applications ended",
        ", ".join(f"{label}: {count}" for label, count in reasons) or "No outcomes yet.",
        [(label, [("applications", count)]) for label, count in reasons],
    )
    contract_chart = bar_chart(
        "contracts",
        "Outcomes by contract type",
        "; ".join(
            f"{contract}: " + ", ".join(f"{count} {label.lower()}" for label, count in outcomes)
            for contract, outcomes in by_contract
        )
        or "No outcomes yet.",
        by_contract,
    )
    gap_rows = [(quarter, [(c, n) for c, n in counts if n]) for quarter, counts in gaps]
    gap_rows = [(quarter, counts) for quarter, counts in gap_rows if counts]
    gap_chart = bar_chart(
        "gaps",
        "Gaps mentioned each quarter, by category",
        "; ".join(
            f"{quarter}: " + ", ".join(f"{n} {c.lower()}" for c, n in counts)
            for quarter, counts in gap_rows
        )
        or "No gaps mentioned yet.",
        gap_rows,
    )
    first, later = reapplying["first"], reapplying["later"]
    reapply_chart = bar_chart(
        "reapply",
        "First tries against second and later tries",
        f"First tries: {first.tries}, {first.rate(first.invited) or 0}% invited, "
        f"{first.rate(first.offered) or 0}% offered. Later tries: {later.tries}, "
        f"{later.rate(later.invited) or 0}% invited, {later.rate(later.offered) or 0}% offered.",
        [
            (
                f"First tries ({first.tries})",
                [
                    ("invited", first.rate(first.invited) or 0),
                    ("offered", first.rate(first.offered) or 0),
                ],
            ),
            (
                f"Second and later tries ({later.tries})",
                [
                    ("invited", later.rate(later.invited) or 0),
                    ("offered", later.rate(later.offered) or 0),
                ],
            ),
        ],
        unit="%",
    )
    context = {
        "funnel": funnel,
        "totals": totals,
        "reason_chart": reason_chart,
        "contract_chart": contract_chart,
        "gap_chart": gap_chart,
        "waits_chart": _waits_chart(times),
        "waits": times.ordered(),
        "reapply_chart": reapply_chart,
        "first": first,
        "later": later,
        "rates": {
            "first_invited": first.rate(first.invited) or 0,
            "first_offered": first.rate(first.offered) or 0,
            "later_invited": later.rate(later.invited) or 0,
            "later_offered": later.rate(later.offered) or 0,
        },
        "comparisons": comparisons,
        "inside": inside,
    }
    return render(request, "home/insights.html", context)
