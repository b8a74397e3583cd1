"""Prefill an application from a job advert: "Add from a link" and "Apply".

The draft is never saved here: the person checks it in the application form
(or the API client gets it back) and saves it themselves.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import asdict, dataclass

from django.db.models import F

from nextround.core.access import owned
from nextround.jobs.models import Application, Organisation, Status
from nextround.vacancies import fetching
from nextround.vacancies.models import Vacancy
from nextround.vacancies.parsing import Posting, job_postings

ADDRESS = re.compile(r"^https?://\S+$", re.IGNORECASE)


class NoAdvertFound(Exception):
    """The page or text holds no job advert details to prefill from."""


@dataclass
class ApplicationDraft:
    """An application as the advert describes it, before the person saves it."""

    organisation_name: str
    role: str
    closes_on: datetime.date | None
    salary: str
    location: str
    contract: str
    url: str

    def as_dict(self) -> dict:
        return asdict(self)


def draft_from_advert(address_or_text: str) -> ApplicationDraft:
    """Read an advert's schema.org ``JobPosting`` from its address or its pasted text.

    Raises ``fetching.FetchError`` when the page cannot be read (a private
    address included) and ``NoAdvertFound`` when it holds no posting.
    """
    source = address_or_text.strip()
    if ADDRESS.match(source):
        answer = fetching.fetch(source)
        page_url = answer.url
        postings = job_postings(answer.text(), page_url)
    else:
        page_url = ""
        postings = job_postings(source, page_url)
    if not postings:
        raise NoAdvertFound(
            "No job advert details were found there: the page has no schema.org JobPosting data."
        )
    return _draft(postings[0], page_url)


def _draft(posting: Posting, page_url: str) -> ApplicationDraft:
    return ApplicationDraft(
        organisation_name=posting.organisation_name,
        role=posting.title[:200],
        closes_on=posting.closes_on,
        salary=posting.salary,
        location=posting.location,
        contract=posting.contract,
        url=(posting.url or page_url)[:500],
    )


def _notes(salary: str, location: str) -> str:
    lines = [f"Salary: {salary}" if salary else "", f"Location: {location}" if location else ""]
    return "\n".join(line for line in lines if line)


def application_initial(user, draft: ApplicationDraft) -> dict:
    """The application form's starting values for a draft.

    An organisation the person already has (same name, any case) is picked;
    otherwise its name is offered as a new one.
    """
    initial = {
        "role": draft.role,
        "link": draft.url,
        "closing_on": draft.closes_on,
        "status": Status.PREPARING,
        "notes": _notes(draft.salary, draft.location),
    }
    if draft.contract:
        initial["contract"] = draft.contract
    name = draft.organisation_name.strip()
    known = owned(Organisation, user).filter(name__iexact=name).first() if name else None
    if known:
        initial["organisation"] = known.pk
    elif name:
        initial["new_organisation"] = name[:200]
    return initial


def vacancy_initial(vacancy: Vacancy) -> dict:
    """The application form's starting values for "Apply" on a vacancy.

    When the person applied at this organisation before, the new
    application is linked to their latest one there as a re-application.
    """
    initial = {
        "organisation": vacancy.organisation_id,
        "role": vacancy.title[:200],
        "link": vacancy.url[:500],
        "closing_on": vacancy.closes_on,
        "status": Status.PREPARING,
        "notes": _notes(vacancy.salary, vacancy.location),
    }
    earlier = (
        Application.objects.filter(organisation_id=vacancy.organisation_id)
        .order_by(F("applied_on").desc(nulls_last=True), "-created_at", "-id")
        .first()
    )
    if earlier:
        initial["reapplies_to"] = earlier.pk
    return initial
