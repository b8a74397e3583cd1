"""JSON nested deeper than the reader can follow is refused plainly at every door."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

DEEP = ("[" * 100_000) + ("]" * 100_000)


def test_the_settings_import_refuses_it_on_the_field(user_client):
    response = user_client.post(
        reverse("accounts:import"), {"file": SimpleUploadedFile("deep.json", DEEP.encode())}
    )
    assert response.status_code == 422
    assert "not a Next Round export" in response.content.decode()


def test_the_api_refuses_it_naming_the_body(api):
    response = api.client.post(
        "/api/v1/import", data=DEEP, content_type="application/json", headers=api.headers
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body"]


def test_the_command_refuses_it_in_one_line(user, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text(DEEP)
    with pytest.raises(CommandError, match="nested too deeply"):
        call_command("import", "--user", user.username, str(path))
