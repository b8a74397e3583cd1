"""The same file gets the same answer through every door it can come in by.

Each sample goes through the web forms (happy box and expense receipt), the
API's file endpoints (happy item and receipt) and the JSON import (from the
Settings page and over the API), and each door must keep the same thing or
refuse it with the same message.
"""

from __future__ import annotations

import base64
import io
import json
import struct
import zlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePath

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from nextround.accounts.models import ApiToken
from nextround.core.uploads import NOT_ACCEPTED, TOO_MANY_PIXELS, private_storage
from nextround.expenses.models import Expense
from nextround.happybox.models import HappyItem
from tests.factories import InterviewFactory
from tests.happybox.factories import HappyItemFactory
from tests.uploads.samples import HTML, jpeg_with_gps, noisy_png, pdf_bytes

SCRIPT = "contains a script or an action"
MB = 1024 * 1024


# -- samples ---------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def huge_png(width: int = 8000, height: int = 8000) -> bytes:
    """A tiny file that unpacks to 64 megapixels, written row by row so making it is cheap."""
    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\x00" * (width * 3)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )


def long_animation(size: int = 1000, frames: int = 200) -> bytes:
    """An animated GIF of 200 megapixels in all: far too much to hold every frame."""
    red, blue = Image.new("P", (size, size), 1), Image.new("P", (size, size), 2)
    red.putpalette([0, 0, 0, 255, 0, 0, 0, 0, 255])
    blue.putpalette([0, 0, 0, 255, 0, 0, 0, 0, 255])
    out = io.BytesIO()
    rest = [blue if i % 2 == 0 else red for i in range(frames - 1)]
    red.save(out, format="GIF", save_all=True, append_images=rest, duration=50, optimize=False)
    return out.getvalue()


def pdf_with_link(uri: str | None = None, launch: bool = False) -> bytes:
    """A one-page PDF with a link annotation that opens ``uri`` or launches a program."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=200, height=200)
    if launch:
        action = {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("x")}
    else:
        action = {NameObject("/S"): NameObject("/URI"), NameObject("/URI"): TextStringObject(uri)}
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([]),
            NameObject("/A"): DictionaryObject(action),
        }
    )
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@dataclass
class Sample:
    content: bytes
    name: str
    # None when the file is kept; otherwise words of the refusal.
    refused: str | None = None
    content_type: str = ""
    extension: str = ""
    thumbnail: bool = False
    # What the stored file must not contain.
    absent: list[bytes] = field(default_factory=list)
    # For the import: a thumbnail the document claims for the file.
    claimed_thumbnail: bytes | None = None
    limit: int | None = None


SAMPLES = {
    "jpeg with gps": lambda: Sample(
        jpeg_with_gps(),
        "IMG_0001.jpg",
        content_type="image/jpeg",
        extension="jpg",
        thumbnail=True,
        absent=[b"Example Camera Co", b"Exif"],
    ),
    "html named png": lambda: Sample(HTML, "holiday.png", refused=NOT_ACCEPTED),
    "over the limit": lambda: Sample(
        noisy_png((100, 100)), "big.png", refused="larger than 20 KB", limit=20 * 1024
    ),
    "pdf that launches": lambda: Sample(pdf_with_link(launch=True), "a.pdf", refused=SCRIPT),
    "pdf with javascript link": lambda: Sample(
        pdf_with_link("javascript:alert(1)"), "a.pdf", refused=SCRIPT
    ),
    "pdf with web link": lambda: Sample(
        pdf_with_link("https://example.org/"),
        "ticket.pdf",
        content_type="application/pdf",
        extension="pdf",
    ),
    "huge png": lambda: Sample(huge_png(), "tiny.png", refused=TOO_MANY_PIXELS),
    "long animation": lambda: Sample(
        long_animation(), "wave.gif", content_type="image/gif", extension="gif", thumbnail=True
    ),
    "pdf given a thumbnail": lambda: Sample(
        pdf_bytes(),
        "letter.pdf",
        content_type="application/pdf",
        extension="pdf",
        claimed_thumbnail=pdf_bytes(),
    ),
    "jpeg named html": lambda: Sample(
        jpeg_with_gps(), "page.html", content_type="image/jpeg", extension="jpg", thumbnail=True
    ),
}


# -- doors -----------------------------------------------------------------


def upload(sample: Sample) -> SimpleUploadedFile:
    return SimpleUploadedFile(sample.name, sample.content, content_type="image/png")


def api_client(user) -> Client:
    _, token = ApiToken.issue(user, "files")
    return Client(headers={"Authorization": f"Bearer {token}"})


def web_happy_item(user, client_for, sample):
    response = client_for(user).post(
        reverse("happybox:item_create"),
        {"kind": "photo", "title": "Open day", "happened_on": "2026-06-01", "file": upload(sample)},
    )
    return HappyItem.objects.filter(owner=user).first(), response.content.decode()


def web_receipt(user, client_for, sample):
    response = client_for(user).post(
        reverse("expenses:expense_create"),
        {
            "interview": InterviewFactory(owner=user).pk,
            "category": "train",
            "amount": "12.30",
            "currency": "GBP",
            "claim_status": "not_asked",
            "amount_paid": "0",
            "receipt": upload(sample),
        },
    )
    return Expense.objects.filter(owner=user).first(), response.content.decode()


def api_happy_item(user, client_for, sample):
    item = HappyItemFactory(owner=user)
    response = api_client(user).post(
        f"/api/v1/happy-items/{item.pk}/file", {"file": upload(sample)}
    )
    item.refresh_from_db()
    return (item if item.has_file else None), response.content.decode()


def api_receipt(user, client_for, sample):
    expense = Expense.objects.create(
        owner=user,
        interview=InterviewFactory(owner=user),
        category="train",
        amount=Decimal("12.30"),
        currency="GBP",
    )
    response = api_client(user).post(
        f"/api/v1/expenses/{expense.pk}/receipt", {"file": upload(sample)}
    )
    expense.refresh_from_db()
    return (expense if expense.has_file else None), response.content.decode()


def export_with_file(sample: Sample) -> dict:
    encoded = {"name": sample.name, "content": base64.b64encode(sample.content).decode()}
    thumbnail = None
    if sample.claimed_thumbnail is not None:
        thumbnail = {
            "name": "thumbnail.webp",
            "content": base64.b64encode(sample.claimed_thumbnail).decode(),
        }
    return {
        "format": "nextround-export",
        "version": 1,
        "user": {},
        "data": {
            "happybox.happyitem": [
                {
                    "id": 1,
                    "kind": "photo",
                    "title": "Open day",
                    "file": encoded,
                    "thumbnail": thumbnail,
                    "file_type": "image/webp",
                    "file_name": sample.name,
                    "file_size": 1,
                }
            ]
        },
    }


def settings_import(user, client_for, sample):
    document = json.dumps(export_with_file(sample)).encode()
    response = client_for(user).post(
        "/accounts/settings/import/",
        {"file": SimpleUploadedFile("export.json", document, content_type="application/json")},
    )
    return HappyItem.objects.filter(owner=user).first(), response.content.decode()


def api_import(user, client_for, sample):
    response = api_client(user).post(
        "/api/v1/import", json.dumps(export_with_file(sample)), content_type="application/json"
    )
    return HappyItem.objects.filter(owner=user).first(), response.content.decode()


DOORS = {
    "web happy item": web_happy_item,
    "web receipt": web_receipt,
    "api happy item": api_happy_item,
    "api receipt": api_receipt,
    "settings import": settings_import,
    "api import": api_import,
}


def peak_growth(run):
    """Run ``run()`` and return (its result, how far the process's peak RSS rose above the start).

    Writing 5 to clear_refs resets the kernel's high-water mark, so the
    peak measured is this call's own, whatever the process did before.
    """
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")
    start = _status_kb("VmRSS")
    result = run()
    return result, (_status_kb("VmHWM") - start) * 1024


def _status_kb(key: str) -> int:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    raise AssertionError(f"{key} missing from /proc/self/status")


def stored(record, thumbnail: bool = False) -> bytes:
    path = record.thumbnail.name if thumbnail else record.file.name
    with private_storage.open(path) as handle:
        return handle.read()


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("sample_name", SAMPLES)
def test_every_door_keeps_or_refuses_a_file_alike(
    door, sample_name, user, client_for, settings, private_media
):
    sample = SAMPLES[sample_name]()
    if sample.limit is not None:
        settings.UPLOAD_MAX_BYTES = sample.limit
    (record, answer), growth = peak_growth(lambda: DOORS[door](user, client_for, sample))
    assert growth < 100 * MB, f"{door} used {growth / MB:.0f} MB more at its peak"
    if sample.refused:
        assert record is None or not record.has_file
        assert sample.refused in answer.replace("&#x27;", "'")
        assert not [path for path in private_media.rglob("*") if path.is_file()]
        return
    assert record is not None and record.has_file, answer
    assert record.file_type == sample.content_type
    assert PurePath(record.file.name).suffix == f".{sample.extension}"
    assert PurePath(record.file_name).suffix == f".{sample.extension}"
    content = stored(record)
    assert record.file_size == len(content)
    for unwanted in sample.absent:
        assert unwanted not in content
    if sample.content_type.startswith("image/"):
        image = Image.open(io.BytesIO(content))
        assert image.format == sample.content_type.split("/")[1].upper()
        assert not image.getexif()
    assert record.has_thumbnail is sample.thumbnail
    if sample.thumbnail:
        assert Image.open(io.BytesIO(stored(record, thumbnail=True))).format == "WEBP"


def test_a_checked_jpeg_passes_the_checker_again_unchanged():
    """Export then import keeps a photo's bytes: only pixels are left to keep."""
    from PIL import Image

    from nextround.core.uploads import check_file

    once = check_file(jpeg_with_gps(), name="photo.jpg")
    assert "exif" not in Image.open(io.BytesIO(once.content)).info
    twice = check_file(once.content, name="photo.jpg")
    assert twice.content == once.content


def test_a_jpeg_with_camera_details_is_still_re_encoded():
    from nextround.core.uploads import check_file

    original = jpeg_with_gps()
    assert check_file(original, name="photo.jpg").content != original
