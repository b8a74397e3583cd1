"""Expenses: what each interview cost, the claims, and what came back."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from nextround.core.access import get_owned_or_404, owned
from nextround.core.mailto import MailtoRedirect
from nextround.core.pages import page_of
from nextround.core.uploads import file_response
from nextround.core.views import delete_after_confirming
from nextround.expenses.claims import (
    ClaimDraft,
    claimable,
    delete_expense,
    draft_claim,
    mark_asked,
    save_expense,
)
from nextround.expenses.forms import ClaimDraftForm, ExpenseForm
from nextround.expenses.models import ClaimStatus, Expense
from nextround.expenses.summary import RULE_OF_THUMB_TEXT, organisations_that_paid, summarise
from nextround.jobs.models import Interview

# Each interview is a card with its own table, so a page holds fewer.
INTERVIEWS_PER_PAGE = 20


@dataclass
class InterviewExpenses:
    interview: Interview
    expenses: list[Expense] = field(default_factory=list)

    @property
    def claimable(self) -> bool:
        return any(expense.claim_status == ClaimStatus.NOT_ASKED for expense in self.expenses)


@login_required
def expense_list(request):
    """The summary per currency, then the interviews with costs, a page at a time."""
    interviews = page_of(
        request,
        owned(Interview, request.user)
        .filter(expenses__isnull=False)
        .distinct()
        .select_related("application__organisation")
        .order_by("-starts_at", "-id"),
        per_page=INTERVIEWS_PER_PAGE,
    )
    by_interview = {interview.pk: InterviewExpenses(interview) for interview in interviews}
    for expense in owned(Expense, request.user).filter(interview__in=list(by_interview)):
        by_interview[expense.interview_id].expenses.append(expense)
    paid, asked = organisations_that_paid(request.user)
    return render(
        request,
        "expenses/expense_list.html",
        {
            "groups": list(by_interview.values()),
            "interviews": interviews,
            "summaries": summarise(request.user),
            "organisations_paid": paid,
            "organisations_asked": asked,
            "rule_of_thumb": RULE_OF_THUMB_TEXT,
        },
    )


def _save(form: ExpenseForm) -> Expense:
    expense = form.save(commit=False)
    upload = form.cleaned_data.get("receipt")
    remove = form.cleaned_data.get("remove_receipt", False)
    return save_expense(expense, upload, remove_receipt=remove and upload is None)


@login_required
def expense_create(request):
    initial = {}
    interview_id = request.GET.get("interview")
    if interview_id:
        initial["interview"] = (
            owned(Interview, request.user).filter(pk=interview_id).first()
            if interview_id.isdigit()
            else None
        )
    form = ExpenseForm(
        request.POST or None, request.FILES or None, user=request.user, initial=initial
    )
    form.instance.owner = request.user
    if request.method == "POST" and form.is_valid():
        expense = _save(form)
        messages.success(request, f"Added {expense}.")
        return redirect("expenses:expenses")
    return render(request, "expenses/expense_form.html", {"form": form})


@login_required
def expense_edit(request, expense_id: int):
    expense = get_owned_or_404(Expense, request.user, pk=expense_id)
    form = ExpenseForm(
        request.POST or None, request.FILES or None, instance=expense, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        _save(form)
        messages.success(request, "Saved.")
        return redirect("expenses:expenses")
    return render(request, "expenses/expense_form.html", {"form": form, "expense": expense})


@login_required
def expense_delete(request, expense_id: int):
    expense = get_owned_or_404(Expense, request.user, pk=expense_id)
    if request.method == "POST":
        # Through the workflow, so the interview's claim step follows what is left.
        delete_expense(expense)
        messages.success(request, f"Deleted {expense}.")
        return redirect("expenses:expenses")
    return delete_after_confirming(
        request,
        expense,
        then="expenses:expenses",
        done=f"Deleted {expense}.",
        consequence="Its receipt is deleted with it. This cannot be undone.",
    )


@login_required
@require_GET
def receipt(request, expense_id: int):
    return file_response(get_owned_or_404(Expense, request.user, pk=expense_id))


@login_required
def claim(request, interview_id: int):
    """The drafted claim for one interview's expenses, to edit and send by email."""
    interview = get_owned_or_404(
        Interview.objects.select_related("application__organisation"),
        request.user,
        pk=interview_id,
    )
    return _claim_page(request, interview)


def _claim_page(request, interview: Interview, form: ClaimDraftForm | None = None, status=200):
    expenses = list(claimable(interview))
    draft = draft_claim(interview, expenses)
    if form is None:
        form = ClaimDraftForm(
            initial={"to": draft.to, "subject": draft.subject, "body": draft.body}
        )
    return render(
        request,
        "expenses/claim.html",
        {
            "interview": interview,
            "expenses": expenses,
            "all_expenses": interview.expenses.order_by("id"),
            "draft": draft,
            "draft_form": form,
        },
        status=status,
    )


@login_required
@require_GET
def claim_send(request, interview_id: int):
    """Open the person's email app with the claim as they edited it (no JavaScript needed)."""
    interview = get_owned_or_404(
        Interview.objects.select_related("application__organisation"),
        request.user,
        pk=interview_id,
    )
    form = ClaimDraftForm(request.GET)
    if not form.is_valid():
        return _claim_page(request, interview, form, status=422)
    claim = ClaimDraft(**form.cleaned_data)
    return MailtoRedirect(claim.mailto)


@login_required
@require_POST
def claim_asked(request, interview_id: int):
    interview = get_owned_or_404(Interview, request.user, pk=interview_id)
    try:
        changed = mark_asked(request.user, interview)
    except ValidationError as error:
        # An expense saved before today's rules may not pass them: say which, change nothing.
        messages.error(request, "Nothing was marked: " + " ".join(error.messages))
        return redirect("expenses:claim", interview_id=interview.pk)
    if changed:
        messages.success(
            request,
            ngettext(
                "Marked %(count)d expense as asked. Well done for asking.",
                "Marked %(count)d expenses as asked. Well done for asking.",
                changed,
            )
            % {"count": changed},
        )
    else:
        messages.info(request, "Nothing was waiting to be asked for.")
    return redirect("expenses:claim", interview_id=interview.pk)
