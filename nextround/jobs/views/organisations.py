"""Organisations: a list, and each one's whole history with the user."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Max
from django.shortcuts import redirect, render
from django.utils.translation import ngettext

from nextround.core.access import get_owned_or_404, owned
from nextround.core.pages import page_of
from nextround.core.views import delete_after_confirming
from nextround.jobs.forms import OrganisationForm
from nextround.jobs.models import Organisation


@login_required
def organisation_list(request):
    organisations = owned(Organisation, request.user).annotate(
        application_count=Count("applications"), last_applied_on=Max("applications__applied_on")
    )
    return render(
        request,
        "jobs/organisation_list.html",
        {"organisations": page_of(request, organisations.order_by("name", "id"))},
    )


@login_required
def organisation_detail(request, organisation_id: int):
    organisation = get_owned_or_404(Organisation, request.user, pk=organisation_id)
    applications = organisation.applications.select_related("reapplies_to").order_by(
        "-applied_on", "-created_at"
    )
    return render(
        request,
        "jobs/organisation_detail.html",
        {"organisation": organisation, "applications": applications},
    )


@login_required
def organisation_create(request):
    form = OrganisationForm(request.POST or None)
    form.instance.owner = request.user
    if request.method == "POST" and form.is_valid():
        organisation = form.save()
        messages.success(request, f"Added {organisation.name}.")
        return redirect(organisation)
    return render(request, "jobs/organisation_form.html", {"form": form})


@login_required
def organisation_edit(request, organisation_id: int):
    organisation = get_owned_or_404(Organisation, request.user, pk=organisation_id)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect(organisation)
    return render(
        request, "jobs/organisation_form.html", {"form": form, "organisation": organisation}
    )


@login_required
def organisation_delete(request, organisation_id: int):
    organisation = get_owned_or_404(Organisation, request.user, pk=organisation_id)
    count = organisation.applications.count()
    consequence = (
        ngettext(
            "Its application, with its interviews, goes too. ",
            "Its %(count)d applications, with their interviews, go too. ",
            count,
        )
        % {"count": count}
        if count
        else ""
    ) + "This cannot be undone."
    return delete_after_confirming(
        request,
        organisation,
        then="jobs:organisations",
        done=f"Deleted {organisation.name} and its applications.",
        consequence=consequence,
    )
