"""A record whose values have the wrong JSON type is refused by name or ignored, never a 500."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nextround.home.portability import export_user
from nextround.jobs.models import Application
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


def _post(client, document):
    upload = SimpleUploadedFile("export.json", json.dumps(document).encode())
    return client.post(reverse("accounts:import"), {"file": upload})


def test_a_creation_time_that_is_an_object_does_not_fail_the_import(user, other_user, client_for):
    ApplicationFactory(owner=user)
    document = export_user(user)
    document["data"]["jobs.application"][0]["created_at"] = {"x": 1}
    response = _post(client_for(other_user), document)
    assert response.status_code == 302
    assert Application.objects.filter(owner=other_user).count() == 1


def test_a_date_that_is_an_object_is_refused_naming_the_field(user, other_user, client_for):
    ApplicationFactory(owner=user)
    document = export_user(user)
    document["data"]["jobs.application"][0]["applied_on"] = {"x": 1}
    response = _post(client_for(other_user), document)
    assert response.status_code == 422
    assert "applied_on" in response.content.decode()
    assert not Application.objects.filter(owner=other_user).exists()
