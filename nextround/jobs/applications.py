"""Finding or starting an application by what a person remembers: the organisation and the role."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from nextround.core.access import owned
from nextround.jobs.models import Application, Organisation, OrganisationKind, Status

NAME_LENGTH = Organisation._meta.get_field("name").max_length
ROLE_LENGTH = Application._meta.get_field("role").max_length


def check_named_application(organisation_name: str, role: str) -> tuple[str, str]:
    """The organisation's name and the role, tidied; a refusal names ``organisation`` or ``role``."""
    organisation_name = " ".join((organisation_name or "").split())
    role = " ".join((role or "").split())
    problems = {}
    if not organisation_name:
        problems["organisation"] = "Name the organisation."
    elif len(organisation_name) > NAME_LENGTH:
        problems["organisation"] = f"Keep the name to {NAME_LENGTH} characters or fewer."
    if not role:
        problems["role"] = "Name the role."
    elif len(role) > ROLE_LENGTH:
        problems["role"] = f"Keep the role to {ROLE_LENGTH} characters or fewer."
    if problems:
        raise ValidationError(problems)
    return organisation_name, role


@transaction.atomic
def find_or_start_application(user, organisation_name: str, role: str) -> tuple[Application, bool]:
    """The person's application for this role at this organisation, and whether it is new.

    Names are matched without regard to case, so telling the same news twice,
    from any door, finds the application made the first time.
    """
    organisation_name, role = check_named_application(organisation_name, role)
    existing = (
        owned(Application, user)
        .filter(organisation__name__iexact=organisation_name, role__iexact=role)
        .order_by("-created_at", "-pk")
        .first()
    )
    if existing is not None:
        return existing, False
    organisation = (
        owned(Organisation, user).filter(name__iexact=organisation_name).order_by("pk").first()
    )
    if organisation is None:
        organisation = Organisation.objects.create(
            owner=user, name=organisation_name, kind=OrganisationKind.OTHER
        )
    application = Application.objects.create(
        owner=user, organisation=organisation, role=role, status=Status.APPLIED
    )
    return application, True
