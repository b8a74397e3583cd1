"""Vacancies found by the watch, "Apply" on one, and "Add from a link"."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from nextround.core.access import get_owned_or_404, owned
from nextround.core.pages import page_of
from nextround.jobs.forms import ApplicationForm
from nextround.jobs.models import Organisation
from nextround.playbook.models import Action
from nextround.vacancies import fetching
from nextround.vacancies.drafting import (
    NoAdvertFound,
    application_initial,
    draft_from_advert,
    vacancy_initial,
)
from nextround.vacancies.forms import AdvertForm, WatchForm
from nextround.vacancies.models import Vacancy, VacancyStatus
from nextround.vacancies.watching import watch_address

# A page shows this many; older ones follow on the next pages.
PAGE_SIZE = 50


def _back(request, fallback: str) -> str:
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


@login_required
def vacancy_list(request):
    """The vacancies the watch found: new ones first, or those of one status or organisation."""
    status = request.GET.get("status") or VacancyStatus.NEW
    if status not in VacancyStatus.values:
        status = VacancyStatus.NEW
    vacancies = owned(Vacancy, request.user).filter(status=status).select_related("organisation")
    organisation = None
    if request.GET.get("organisation"):
        organisation = get_owned_or_404(Organisation, request.user, pk=request.GET["organisation"])
        vacancies = vacancies.filter(organisation=organisation)
    return render(
        request,
        "vacancies/list.html",
        {
            "vacancies": page_of(request, vacancies, per_page=PAGE_SIZE),
            "status": status,
            "statuses": VacancyStatus.choices,
            "organisation": organisation,
        },
    )


@login_required
@require_POST
def vacancy_dismiss(request, vacancy_id: int):
    vacancy = get_owned_or_404(Vacancy, request.user, pk=vacancy_id)
    vacancy.status = VacancyStatus.DISMISSED
    vacancy.save(update_fields=["status", "updated_at"])
    messages.success(request, f"Dismissed {vacancy.title}.")
    return redirect(_back(request, reverse("vacancies:list")))


@login_required
def vacancy_apply(request, vacancy_id: int):
    """An application form prefilled from the vacancy; saving it marks the vacancy applied."""
    vacancy = get_owned_or_404(
        Vacancy.objects.select_related("organisation"), request.user, pk=vacancy_id
    )
    form = ApplicationForm(
        request.POST or None, initial=vacancy_initial(vacancy), user=request.user
    )
    form.instance.owner = request.user
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            application = form.save()
            vacancy.status = VacancyStatus.APPLIED
            vacancy.application = application
            vacancy.save(update_fields=["status", "application", "updated_at"])
        messages.success(request, f"Added {application.role}.")
        return redirect(application)
    return render(request, "vacancies/apply.html", {"form": form, "vacancy": vacancy})


@login_required
def from_link(request):
    """Add an application from a job advert: read it, then check and save the prefilled form.

    ``GET ?advert=…`` (the bookmarklet) and a POST of the advert form both
    read the advert; a POST of the application form saves it.
    """
    reading = request.method == "GET" and "advert" in request.GET
    if request.method == "POST" and request.POST.get("step") == "read":
        reading, data = True, request.POST
    else:
        data = request.GET
    advert_form = AdvertForm(data if reading else None)
    if reading and advert_form.is_valid():
        try:
            draft = draft_from_advert(advert_form.cleaned_data["advert"])
        except (fetching.FetchError, NoAdvertFound) as error:
            advert_form.add_error("advert", str(error))
        else:
            form = ApplicationForm(
                initial=application_initial(request.user, draft), user=request.user
            )
            return render(request, "vacancies/from_link.html", {"form": form, "draft": draft})
    if request.method == "POST" and not reading:
        form = ApplicationForm(request.POST, user=request.user)
        form.instance.owner = request.user
        if form.is_valid():
            application = form.save()
            messages.success(request, f"Added {application.role}.")
            return redirect(application)
        return render(request, "vacancies/from_link.html", {"form": form})
    return render(request, "vacancies/from_link.html", {"advert_form": advert_form})


@login_required
@require_POST
def watch(request, organisation_id: int):
    """Set an organisation's vacancies address, making the watch stand.

    Sent from the "watch for their next vacancy" step (whose id comes as
    ``step``: that step is then done) or from the organisation's page.
    """
    organisation = get_owned_or_404(Organisation, request.user, pk=organisation_id)
    step = None
    if request.POST.get("step"):
        step = get_owned_or_404(
            Action, request.user, pk=request.POST["step"], organisation=organisation
        )
    form = WatchForm(request.POST, instance=organisation)
    if not form.is_valid():
        for error in form.errors.get("vacancies_url", []):
            messages.error(request, f"Vacancies address: {error}")
        return redirect(_back(request, organisation.get_absolute_url()))
    watch_address(organisation, form.cleaned_data["vacancies_url"], step)
    messages.success(
        request, f"Watching {organisation.name}'s vacancies: new ones will appear on Today."
    )
    return redirect(_back(request, organisation.get_absolute_url()))
