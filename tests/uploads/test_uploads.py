"""The shared upload rules: content decides, metadata goes, nothing half-saved."""

import io

import pytest
from django.core.files.base import ContentFile
from django.http import Http404
from PIL import Image

from nextround.core.uploads import (
    FileTooLarge,
    UnsupportedFile,
    check_file,
    file_response,
    private_storage,
    save_with_file,
)
from nextround.happybox.models import HappyItem
from tests.happybox.factories import HappyItemFactory
from tests.uploads.samples import (
    HTML,
    image_bytes,
    jpeg_with_gps,
    pdf_bytes,
    png_with_gps,
    upload,
)


def reopen(content: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(content))
    image.load()
    return image


def test_it_refuses_html_named_png():
    with pytest.raises(UnsupportedFile):
        check_file(upload(HTML, "holiday.png", "image/png"))


def test_it_refuses_a_script_named_pdf():
    with pytest.raises(UnsupportedFile):
        check_file(upload(b"<script>alert(1)</script>", "certificate.pdf", "application/pdf"))


def test_it_refuses_a_pdf_that_runs_javascript():
    with pytest.raises(UnsupportedFile, match="script"):
        check_file(upload(pdf_bytes(javascript="app.alert('hello');"), "letter.pdf"))


def test_the_parsed_document_is_checked_too(monkeypatch):
    # As if the names were hidden in a compressed object stream, out of
    # reach of the first pass over the raw bytes.
    monkeypatch.setattr("nextround.core.uploads._raw_names", lambda content: [])
    with pytest.raises(UnsupportedFile, match="script"):
        check_file(upload(pdf_bytes(javascript="app.alert('hello');"), "letter.pdf"))


@pytest.mark.parametrize(
    "name",
    [b"/JS", b"/JavaScript", b"/Launch", b"/AA", b"/J#61vaScript", b"/EmbeddedFile"],
)
def test_it_refuses_a_pdf_with_a_dangerous_name_even_when_disguised(name):
    content = pdf_bytes().replace(b"%%EOF", b"5 0 obj\n<< " + name + b" (x) >>\nendobj\n%%EOF")
    with pytest.raises(UnsupportedFile):
        check_file(upload(content, "letter.pdf"))


def test_it_keeps_a_pdf_that_opens_at_a_page():
    # Office suites write an /OpenAction that is only "open at page 1".
    clean = pdf_bytes()
    kept = check_file(upload(clean, "Certificate of Merit.pdf"))
    assert kept.content == clean
    assert kept.content_type == "application/pdf"
    assert kept.thumbnail is None
    assert kept.name == "Certificate of Merit.pdf"


def test_it_refuses_a_broken_pdf():
    with pytest.raises(UnsupportedFile, match="could not be read"):
        check_file(upload(b"%PDF-1.7\nnot really a pdf at all", "broken.pdf"))


def test_it_refuses_a_file_over_the_limit(settings):
    settings.UPLOAD_MAX_BYTES = 1024
    with pytest.raises(FileTooLarge, match="1 KB"):
        check_file(upload(b"\x89PNG\r\n\x1a\n" + b"0" * 2000, "big.png"))


def test_it_refuses_a_truncated_image():
    content = image_bytes("PNG", size=(300, 300))
    with pytest.raises(UnsupportedFile, match="could not be read"):
        check_file(upload(content[: len(content) // 2], "cut.png"))


def test_it_refuses_an_image_whose_signature_lies():
    # A GIF signature on PNG pixels: the content must be what it announces.
    content = b"GIF89a" + image_bytes("PNG")[6:]
    with pytest.raises(UnsupportedFile):
        check_file(upload(content, "odd.gif"))


def test_it_refuses_a_decompression_bomb():
    # A tiny file that unpacks to 100 megapixels.
    bomb = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(bomb, format="PNG")
    assert len(bomb.getvalue()) < 100_000
    with pytest.raises(UnsupportedFile, match="too large"):
        check_file(upload(bomb.getvalue(), "bomb.png"))


def test_it_recognises_a_file_by_content_not_name():
    kept = check_file(upload(image_bytes("JPEG"), "photo.pdf", "application/pdf"))
    assert kept.content_type == "image/jpeg"
    assert kept.name == "photo.jpg"


def test_a_png_loses_its_metadata():
    assert reopen(png_with_gps()).getexif()  # the sample does carry GPS
    kept = check_file(upload(png_with_gps(), "park.png", "image/png"))
    image = reopen(kept.content)
    assert image.format == "PNG"
    assert not image.getexif()
    assert "exif" not in image.info


def test_a_jpeg_loses_its_location_and_camera():
    original = reopen(jpeg_with_gps())
    assert original.getexif().get_ifd(0x8825)
    kept = check_file(upload(jpeg_with_gps(), "IMG_0001.JPG", "image/jpeg"))
    image = reopen(kept.content)
    assert image.format == "JPEG"
    assert not image.getexif()
    assert not image.getexif().get_ifd(0x8825)
    for key in ("exif", "comment", "icc_profile", "xmp"):
        assert key not in image.info
    assert b"Example Camera Co" not in kept.content


def test_a_photo_taken_sideways_is_turned_upright_and_loses_the_tag():
    # Orientation 6: the camera was turned; the stored pixels are 40 by 20.
    kept = check_file(upload(jpeg_with_gps(orientation=6), "sideways.jpg"))
    assert reopen(kept.content).size == (20, 40)
    assert not reopen(kept.content).getexif()


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "GIF"])
def test_every_image_kind_gets_a_small_thumbnail(fmt):
    kept = check_file(upload(image_bytes(fmt, size=(1600, 900)), f"big.{fmt.lower()}"))
    thumbnail = reopen(kept.thumbnail)
    assert thumbnail.format == "WEBP"
    assert max(thumbnail.size) == 480
    assert reopen(kept.content).format == fmt


def test_an_animated_gif_keeps_its_frames():
    frames = [Image.new("RGB", (30, 30), colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=200)
    kept = check_file(upload(out.getvalue(), "wave.gif"))
    assert reopen(kept.content).n_frames == 3


def test_an_empty_file_is_refused():
    with pytest.raises(UnsupportedFile, match="empty"):
        check_file(upload(b"", "nothing.png"))


def test_a_download_name_cannot_climb_out_of_its_folder():
    kept = check_file(upload(image_bytes("PNG"), "../../etc/<passwd>.png"))
    assert kept.name == "passwd.png"


def test_files_get_random_names_under_the_data_dir(user, private_media):
    item = HappyItemFactory(owner=user)
    save_with_file(item, check_file(upload(image_bytes("PNG"), "my-face.png")))
    assert "my-face" not in item.file.name
    assert (private_media / item.file.name).is_file()
    assert (private_media / item.thumbnail.name).is_file()


def test_deleting_the_record_deletes_its_files(user, django_capture_on_commit_callbacks):
    item = HappyItemFactory(owner=user)
    save_with_file(item, check_file(upload(image_bytes("PNG"), "a.png")))
    paths = item.stored_paths()
    with django_capture_on_commit_callbacks(execute=True):
        item.delete()
    assert not any(private_storage.exists(path) for path in paths)


def test_a_cascade_deletes_files_too(user, django_capture_on_commit_callbacks):
    item = HappyItemFactory(owner=user)
    save_with_file(item, check_file(upload(image_bytes("PNG"), "a.png")))
    with django_capture_on_commit_callbacks(execute=True):
        user.delete()
    assert not private_storage.exists(item.file.name)


def test_replacing_a_file_deletes_the_old_one(user, django_capture_on_commit_callbacks):
    item = HappyItemFactory(owner=user)
    save_with_file(item, check_file(upload(image_bytes("PNG"), "a.png")))
    old = item.file.name
    with django_capture_on_commit_callbacks(execute=True):
        save_with_file(item, check_file(upload(pdf_bytes(), "b.pdf")))
    assert not private_storage.exists(old)
    assert private_storage.exists(item.file.name)


def test_a_failed_save_leaves_no_file_behind(user, private_media):
    item = HappyItemFactory.build(owner=user, title="x" * 5000)
    item.kind = None  # NOT NULL: the save itself fails
    with pytest.raises(Exception):
        save_with_file(item, check_file(upload(image_bytes("PNG"), "a.png")))
    assert not HappyItem.objects.exists()
    assert not [path for path in private_media.rglob("*") if path.is_file()]


def test_a_photo_larger_than_can_be_held_is_kept_at_a_half(monkeypatch):
    monkeypatch.setattr("nextround.core.uploads.MAX_DECODED_PIXELS", 1000)
    kept = check_file(upload(image_bytes("JPEG", size=(60, 40)), "wide.jpg"))
    assert reopen(kept.content).size == (30, 20)


def test_a_png_larger_than_can_be_held_is_refused(monkeypatch):
    monkeypatch.setattr("nextround.core.uploads.MAX_DECODED_PIXELS", 1000)
    with pytest.raises(UnsupportedFile, match="too large"):
        check_file(upload(image_bytes("PNG", size=(60, 40)), "wide.png"))


def test_a_large_sideways_photo_keeps_only_its_orientation(monkeypatch):
    # Turning it would hold the picture twice: viewers turn it by the tag.
    monkeypatch.setattr("nextround.core.uploads.MAX_TURNED_PIXELS", 100)
    kept = check_file(upload(jpeg_with_gps(orientation=6), "sideways.jpg"))
    image = reopen(kept.content)
    assert image.size == (40, 20)
    assert dict(image.getexif()) == {0x0112: 6}
    assert b"Example Camera Co" not in kept.content
    assert reopen(kept.thumbnail).size == (20, 40)


def test_a_png_with_an_orientation_is_turned_upright_too():
    exif = Image.Exif()
    exif[0x0112] = 8
    kept = check_file(upload(image_bytes("PNG", exif=exif), "turned.png"))
    assert reopen(kept.content).size == (20, 40)


def test_a_long_animation_keeps_only_its_first_frame(monkeypatch):
    monkeypatch.setattr("nextround.core.uploads.MAX_ANIMATION_PIXELS", 2000)
    frames = [Image.new("RGB", (30, 30), colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=200)
    kept = check_file(upload(out.getvalue(), "wave.gif"))
    image = reopen(kept.content)
    assert getattr(image, "n_frames", 1) == 1
    assert image.convert("RGB").getpixel((0, 0)) == (255, 0, 0)


def test_bytes_are_checked_like_a_file_and_named_by_their_content():
    kept = check_file(image_bytes("JPEG"), name="notes.html")
    assert kept.content_type == "image/jpeg"
    assert kept.name == "notes.jpg"


@pytest.mark.parametrize(
    "uri", ["javascript:alert(1)", "file:///etc/passwd", " JavaScript:alert(1)", "data:text/html,x"]
)
def test_a_pdf_link_that_is_not_to_the_web_is_refused(uri):
    from tests.uploads.test_one_checker import pdf_with_link

    with pytest.raises(UnsupportedFile, match="script"):
        check_file(pdf_with_link(uri), name="a.pdf")


@pytest.mark.parametrize("action", [b"/GoToR", b"/GoToE", b"/Launch"])
def test_a_pdf_that_opens_another_file_is_refused(action):
    content = pdf_bytes().replace(
        b"%%EOF", b"5 0 obj\n<< /S " + action + b" /F (other.pdf) >>\nendobj\n%%EOF"
    )
    with pytest.raises(UnsupportedFile, match="script"):
        check_file(content, name="a.pdf")


def test_a_thumbnail_beside_a_pdf_is_never_served(user):
    # As an import before the one checker could leave it: a PDF as "thumbnail".
    item = HappyItemFactory(owner=user)
    save_with_file(item, check_file(upload(pdf_bytes(), "letter.pdf")))
    item.thumbnail.save("thumbnail.webp", ContentFile(pdf_bytes()))
    with pytest.raises(Http404):
        file_response(item, thumbnail=True)
