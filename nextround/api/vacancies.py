"""Vacancies found by the watch, and "Add from a link", over JSON."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from ninja import Field, Router, Schema

from nextround.api.errors import validate_and_save
from nextround.api.fields import Date, Payload, apply_changes
from nextround.api.lists import bounded_list
from nextround.core.access import get_owned_or_404, owned
from nextround.vacancies import fetching
from nextround.vacancies.drafting import NoAdvertFound, draft_from_advert
from nextround.vacancies.models import Vacancy, VacancyStatus

router = Router(tags=["vacancies"])


class VacancyOut(Schema):
    id: int
    organisation_id: int
    title: str
    url: str
    closes_on: datetime.date | None
    salary: str
    location: str
    first_seen_at: datetime.datetime
    status: VacancyStatus


class VacancyPatch(Payload):
    status: VacancyStatus | None = None


class AdvertIn(Payload):
    url: str = Field(..., min_length=1, max_length=2000)


class ApplicationDraftOut(Schema):
    organisation_name: str
    role: str
    closes_on: Date | None
    salary: str
    location: str
    contract: str
    url: str


@router.get("/vacancies", response=list[VacancyOut])
@bounded_list
def list_vacancies(request, status: VacancyStatus | None = None):
    vacancies = owned(Vacancy, request.auth)
    if status:
        vacancies = vacancies.filter(status=status)
    return vacancies


@router.get("/vacancies/{vacancy_id}", response=VacancyOut)
def get_vacancy(request, vacancy_id: int):
    return get_owned_or_404(Vacancy, request.auth, pk=vacancy_id)


@router.patch("/vacancies/{vacancy_id}", response=VacancyOut)
def update_vacancy(request, vacancy_id: int, payload: VacancyPatch):
    vacancy = get_owned_or_404(Vacancy, request.auth, pk=vacancy_id)
    apply_changes(vacancy, payload.dict(exclude_unset=True), required=("status",))
    return validate_and_save(vacancy)


@router.post("/applications/from-url", response=ApplicationDraftOut)
def application_from_url(request, payload: AdvertIn):
    """The application an advert describes, unsaved: check it, then POST /applications."""
    try:
        return draft_from_advert(payload.url).as_dict()
    except (fetching.FetchError, NoAdvertFound) as error:
        raise ValidationError({"url": str(error)}) from error
