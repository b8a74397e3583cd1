"""The happy box over the API: CRUD, the file endpoint, one at random."""

from django.test import Client

from nextround.accounts.models import ApiToken
from nextround.happybox.models import HappyItem
from tests.happybox.factories import HappyItemFactory
from tests.uploads.samples import HTML, image_bytes, jpeg_with_gps, noisy_png, pdf_bytes, upload


def post_file(user, item_id, content, name, content_type="application/octet-stream"):
    _, token = ApiToken.issue(user, "files")
    return Client().post(
        f"/api/v1/happy-items/{item_id}/file",
        {"file": upload(content, name, content_type)},
        headers={"Authorization": f"Bearer {token}"},
    )


def test_it_creates_reads_updates_and_deletes_an_item(api):
    response = api.post(
        "/api/v1/happy-items",
        {"kind": "letter", "title": "Reference from Morag", "happened_on": "2026-03-14"},
    )
    assert response.status_code == 201, response.content
    item = response.json()
    assert item["file_url"] is None
    assert item["happened_on"] == "2026-03-14"
    patched = api.patch(f"/api/v1/happy-items/{item['id']}", {"title": "Morag's reference"})
    assert patched.json()["title"] == "Morag's reference"
    assert [i["id"] for i in api.get("/api/v1/happy-items").json()] == [item["id"]]
    assert api.delete(f"/api/v1/happy-items/{item['id']}").status_code == 204
    assert api.get(f"/api/v1/happy-items/{item['id']}").status_code == 404


def test_it_names_bad_fields(api):
    response = api.post("/api/v1/happy-items", {"kind": "trophy", "title": ""})
    assert response.status_code == 422
    assert "kind" in response.content.decode()
    assert "title" in response.content.decode()


def test_it_takes_a_file_and_gives_its_url(user, api):
    item = HappyItemFactory(owner=user)
    response = post_file(user, item.pk, jpeg_with_gps(), "IMG_7.jpg", "image/jpeg")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["file_url"].endswith(f"/api/v1/happy-items/{item.pk}/file")
    assert body["file_type"] == "image/jpeg"
    served = api.get(f"/api/v1/happy-items/{item.pk}/file")
    assert served.status_code == 200
    assert served["X-Content-Type-Options"] == "nosniff"
    assert b"Example Camera Co" not in b"".join(served.streaming_content)


def test_it_refuses_a_file_that_is_not_what_it_claims_with_415(user):
    item = HappyItemFactory(owner=user)
    response = post_file(user, item.pk, HTML, "photo.png", "image/png")
    assert response.status_code == 415
    assert "file" in response.content.decode()
    item.refresh_from_db()
    assert not item.has_file


def test_it_refuses_a_script_named_pdf_with_415(user):
    item = HappyItemFactory(owner=user)
    response = post_file(user, item.pk, b"<script>alert(1)</script>", "c.pdf", "application/pdf")
    assert response.status_code == 415


def test_it_refuses_an_oversize_file_with_413(user, settings):
    settings.UPLOAD_MAX_BYTES = 1000
    item = HappyItemFactory(owner=user)
    response = post_file(user, item.pk, noisy_png(), "big.png")
    assert response.status_code == 413
    assert "file" in response.content.decode()


def test_it_refuses_a_missing_file_field(user, api):
    item = HappyItemFactory(owner=user)
    response = api.post(f"/api/v1/happy-items/{item.pk}/file", {"not_a_file": 1})
    assert response.status_code in (400, 422)
    assert "file" in response.content.decode()


def test_it_replaces_and_removes_a_file(user, api):
    item = HappyItemFactory(owner=user)
    post_file(user, item.pk, image_bytes("PNG"), "a.png")
    response = post_file(user, item.pk, pdf_bytes(), "b.pdf")
    assert response.json()["file_type"] == "application/pdf"
    assert api.delete(f"/api/v1/happy-items/{item.pk}/file").status_code == 204
    item.refresh_from_db()
    assert not item.has_file


def test_random_gives_one_of_your_items(user, api, other_user):
    mine = HappyItemFactory(owner=user)
    HappyItemFactory(owner=other_user)
    for _ in range(5):
        assert api.get("/api/v1/happy-items/random").json()["id"] == mine.pk


def test_random_on_an_empty_box_is_404(api):
    assert api.get("/api/v1/happy-items/random").status_code == 404


def test_another_users_item_and_file_are_404(user, api, other_user):
    theirs = HappyItemFactory(owner=other_user)
    post_file(other_user, theirs.pk, image_bytes("PNG"), "theirs.png")
    assert api.get(f"/api/v1/happy-items/{theirs.pk}").status_code == 404
    assert api.get(f"/api/v1/happy-items/{theirs.pk}/file").status_code == 404
    assert api.get(f"/api/v1/happy-items/{theirs.pk}/thumbnail").status_code == 404
    assert api.patch(f"/api/v1/happy-items/{theirs.pk}", {"title": "x"}).status_code == 404
    assert api.delete(f"/api/v1/happy-items/{theirs.pk}").status_code == 404
    assert api.delete(f"/api/v1/happy-items/{theirs.pk}/file").status_code == 404
    assert post_file(user, theirs.pk, image_bytes("PNG"), "mine.png").status_code == 404
    assert HappyItem.objects.get(pk=theirs.pk).has_file
