"""Bringing contacts in from a .vcf file: a preview first, then all of it or none."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from nextround.core.access import owned
from nextround.jobs.models import Organisation
from nextround.network.models import Contact
from nextround.network.vcard import Card, parse_vcards


class RowStatus:
    NEW = "new"
    DUPLICATE = "duplicate"
    ERROR = "error"


@dataclass
class ImportRow:
    """One card of the file and what importing would do with it."""

    card: Card
    status: str
    duplicate_of: str = ""

    @property
    def number(self) -> int:
        return self.card.number


@dataclass
class ImportPlan:
    rows: list[ImportRow]
    new_organisations: list[str]

    @property
    def has_errors(self) -> bool:
        return any(row.status == RowStatus.ERROR for row in self.rows)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def plan_import(user, text: str) -> ImportPlan:
    """What importing ``text`` would do for ``user``, changing nothing.

    A card matching an existing contact (or an earlier card of the same
    file) by email or by name is a duplicate, offered as a skip. Raises
    vcard.NotAVCard when the file is not vCard at all.
    """
    cards = parse_vcards(text)
    seen_emails: dict[str, str] = {}
    seen_names: dict[str, str] = {}
    for contact in owned(Contact, user).only("name", "email"):
        if contact.email:
            seen_emails.setdefault(contact.email.casefold(), contact.name)
        seen_names.setdefault(_name_key(contact.name), contact.name)
    known_organisations = {
        name.casefold() for name in owned(Organisation, user).values_list("name", flat=True)
    }

    rows: list[ImportRow] = []
    new_organisations: dict[str, str] = {}
    for card in cards:
        if card.errors:
            rows.append(ImportRow(card, RowStatus.ERROR))
            continue
        match = (card.email and seen_emails.get(card.email.casefold())) or seen_names.get(
            _name_key(card.name)
        )
        if match:
            rows.append(ImportRow(card, RowStatus.DUPLICATE, duplicate_of=match))
        else:
            rows.append(ImportRow(card, RowStatus.NEW))
            if card.organisation and card.organisation.casefold() not in known_organisations:
                new_organisations.setdefault(card.organisation.casefold(), card.organisation)
        if card.email:
            seen_emails.setdefault(card.email.casefold(), card.name)
        seen_names.setdefault(_name_key(card.name), card.name)
    return ImportPlan(rows=rows, new_organisations=list(new_organisations.values()))


@transaction.atomic
def apply_import(
    user, plan: ImportPlan, *, include_duplicates: set[int] = frozenset()
) -> list[Contact]:
    """Create the plan's new contacts (and the duplicates the user chose to keep).

    All or nothing: a plan with errors imports nothing, and the whole import
    runs in one transaction.
    """
    if plan.has_errors:
        raise ValueError("A file with errors is not imported.")
    organisations = {org.name.casefold(): org for org in owned(Organisation, user)}
    created: list[Contact] = []
    for row in plan.rows:
        if row.status == RowStatus.DUPLICATE and row.number not in include_duplicates:
            continue
        card = row.card
        organisation = None
        if card.organisation:
            organisation = organisations.get(card.organisation.casefold())
            if organisation is None:
                organisation = Organisation.objects.create(owner=user, name=card.organisation)
                organisations[card.organisation.casefold()] = organisation
        contact = Contact(
            owner=user,
            name=card.name,
            role=card.role,
            organisation=organisation,
            email=card.email,
            links=card.links,
            notes=card.notes,
        )
        contact.full_clean()
        contact.save()
        created.append(contact)
    return created
