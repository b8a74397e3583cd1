"""Naming a new organisation in the application form adds both at once."""

import pytest
from django.urls import reverse

from nextround.jobs.models import Application, Organisation

pytestmark = pytest.mark.django_db


def test_an_application_to_a_newly_named_organisation_saves_both(user_client, user):
    response = user_client.post(
        reverse("jobs:application_create"),
        {
            "organisation": "",
            "new_organisation": "Quarry Hill Archive",
            "new_organisation_kind": "archive",
            "role": "Archives Assistant",
            "contract": "paid",
            "status": "applied",
        },
    )

    assert response.status_code == 302
    application = Application.objects.get()
    assert application.organisation == Organisation.objects.get(owner=user)
    assert (application.organisation.name, application.organisation.kind) == (
        "Quarry Hill Archive",
        "archive",
    )


def test_a_form_with_errors_leaves_no_organisation_behind(user_client):
    response = user_client.post(
        reverse("jobs:application_create"),
        {
            "new_organisation": "Quarry Hill Archive",
            "role": "",
            "contract": "paid",
            "status": "applied",
        },
    )
    assert response.status_code == 200
    assert not Organisation.objects.exists()
