"""Happy-box items on the web: add with a file, see, change, delete, only your own."""

import datetime
import io

from django.urls import reverse
from PIL import Image

from nextround.core.uploads import private_storage
from nextround.happybox.models import HappyItem, HappyKind
from tests.happybox.factories import HappyItemFactory
from tests.uploads.samples import HTML, image_bytes, jpeg_with_gps, noisy_png, pdf_bytes, upload


def add(client, **fields):
    data = {"kind": "photo", "title": "Graduation day", "happened_on": "2026-07-01", **fields}
    return client.post(reverse("happybox:item_create"), data)


def test_it_adds_a_photo_without_its_location(user, user_client):
    response = add(user_client, file=upload(jpeg_with_gps(), "IMG_2041.JPG", "image/jpeg"))
    item = HappyItem.objects.get(owner=user)
    assert response.status_code == 302
    assert response["Location"] == item.get_absolute_url()
    served = user_client.get(item.get_file_url())
    image = Image.open(io.BytesIO(b"".join(served.streaming_content)))
    assert not image.getexif()
    assert item.kind == HappyKind.PHOTO
    assert item.happened_on == datetime.date(2026, 7, 1)


def test_its_file_is_served_only_as_what_it_is(user, user_client):
    add(user_client, file=upload(image_bytes("PNG"), "me.png"))
    item = HappyItem.objects.get(owner=user)
    response = user_client.get(item.get_file_url())
    # Read to the end, not close(): that would drop the PostgreSQL test connection.
    b"".join(response.streaming_content)
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline;")
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_pdf_is_downloaded_not_shown(user, user_client):
    add(user_client, kind="certificate", file=upload(pdf_bytes(), "Award.pdf"))
    item = HappyItem.objects.get(owner=user)
    response = user_client.get(item.get_file_url())
    # Read to the end, not close(): that would drop the PostgreSQL test connection.
    b"".join(response.streaming_content)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Award.pdf"'


def test_a_bad_file_is_explained_beside_the_field_and_nothing_is_saved(user, user_client):
    response = add(user_client, file=upload(HTML, "cute-cat.png", "image/png"))
    assert response.status_code == 200
    assert b'id="id_file_error"' in response.content
    assert b"Only PNG, JPEG, WebP and GIF images or PDF documents" in response.content
    assert not HappyItem.objects.exists()


def test_an_oversize_file_is_explained(user, user_client, settings):
    settings.UPLOAD_MAX_BYTES = 2048
    response = add(user_client, file=upload(noisy_png(), "big.png"))
    assert b"larger than 2 KB" in response.content
    assert not HappyItem.objects.exists()


def test_the_list_shows_thumbnails_with_few_queries(
    user, user_client, django_assert_max_num_queries
):
    for _ in range(3):
        add(user_client, file=upload(image_bytes("PNG"), "a.png"))
    with django_assert_max_num_queries(4):
        response = user_client.get(reverse("happybox:items"))
    assert response.content.count(b"/thumbnail/") == 3
    HappyItemFactory.create_batch(30, owner=user)
    with django_assert_max_num_queries(4):
        user_client.get(reverse("happybox:items"))


def test_the_list_filters_by_kind(user, user_client):
    HappyItemFactory(owner=user, kind=HappyKind.LETTER, title="Thank-you letter")
    HappyItemFactory(owner=user, kind=HappyKind.NOTE, title="A note to self")
    response = user_client.get(reverse("happybox:items"), {"kind": "letter"})
    assert b"Thank-you letter" in response.content
    assert b"A note to self" not in response.content


def test_it_edits_an_item_and_replaces_its_file(
    user, user_client, django_capture_on_commit_callbacks
):
    add(user_client, file=upload(image_bytes("PNG"), "first.png"))
    item = HappyItem.objects.get(owner=user)
    old = item.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = user_client.post(
            reverse("happybox:item_edit", args=[item.pk]),
            {
                "kind": "certificate",
                "title": "First aid",
                "happened_on": "2026-05-02",
                "file": upload(pdf_bytes(), "first-aid.pdf"),
            },
        )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "First aid"
    assert item.file_type == "application/pdf"
    assert not private_storage.exists(old)


def test_it_removes_a_file_on_request(user, user_client):
    add(user_client, file=upload(image_bytes("PNG"), "first.png"))
    item = HappyItem.objects.get(owner=user)
    user_client.post(
        reverse("happybox:item_edit", args=[item.pk]),
        {"kind": "photo", "title": "Kept", "happened_on": "2026-05-02", "remove_file": "on"},
    )
    item.refresh_from_db()
    assert not item.has_file


def test_it_deletes_an_item_and_its_files(user, user_client, django_capture_on_commit_callbacks):
    add(user_client, file=upload(image_bytes("PNG"), "first.png"))
    item = HappyItem.objects.get(owner=user)
    with django_capture_on_commit_callbacks(execute=True):
        response = user_client.post(reverse("happybox:item_delete", args=[item.pk]))
    assert response["Location"] == reverse("happybox:items")
    assert not HappyItem.objects.exists()
    assert not private_storage.exists(item.file.name)
    assert not private_storage.exists(item.thumbnail.name)


def test_another_users_item_and_file_are_not_found(user_client, other_user, client_for):
    owner_client = client_for(other_user)
    add(owner_client, file=upload(image_bytes("PNG"), "private.png"))
    item = HappyItem.objects.get(owner=other_user)
    for name in (
        "happybox:item",
        "happybox:item_edit",
        "happybox:item_delete",
        "happybox:item_file",
        "happybox:item_thumbnail",
    ):
        assert user_client.get(reverse(name, args=[item.pk])).status_code == 404, name
    assert user_client.post(reverse("happybox:item_delete", args=[item.pk])).status_code == 404
    served = owner_client.get(item.get_file_url())
    # Read to the end, not close(): that would drop the PostgreSQL test connection.
    b"".join(served.streaming_content)
    assert served.status_code == 200
    assert HappyItem.objects.filter(pk=item.pk).exists()


def test_files_are_not_reachable_without_signing_in(user, user_client, client):
    add(user_client, file=upload(image_bytes("PNG"), "a.png"))
    item = HappyItem.objects.get(owner=user)
    response = client.get(item.get_file_url())
    assert response.status_code == 302
    assert "/accounts/login" in response["Location"]
