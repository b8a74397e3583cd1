"""Files made in code for upload tests: tiny images with made-up metadata, PDFs, impostors."""

from __future__ import annotations

import io
import os

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

# A made-up spot (the middle of the North Sea) in EXIF GPS tags.
GPS = {
    1: "N",
    2: (56.0, 30.0, 0.0),
    3: "E",
    4: (2.0, 15.0, 0.0),
}


def exif_with_gps(orientation: int | None = None) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Example Camera Co"  # Make
    exif[0x0110] = "Model 1"  # Model
    exif[0x8825] = GPS  # GPSInfo
    if orientation:
        exif[0x0112] = orientation
    return exif


def image_bytes(
    fmt: str = "PNG",
    size: tuple[int, int] = (40, 20),
    colour=(200, 120, 40),
    exif: Image.Exif | None = None,
    **options,
) -> bytes:
    mode = "RGB" if fmt in ("JPEG",) else "RGBA"
    image = Image.new(mode, size, colour if mode == "RGB" else (*colour, 255))
    out = io.BytesIO()
    if exif is not None:
        options["exif"] = exif
    image.save(out, format=fmt, **options)
    return out.getvalue()


def png_with_gps() -> bytes:
    return image_bytes("PNG", exif=exif_with_gps())


def jpeg_with_gps(orientation: int | None = None) -> bytes:
    return image_bytes("JPEG", exif=exif_with_gps(orientation), comment=b"made-up comment")


def pdf_bytes(javascript: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if javascript:
        action = DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject(javascript),
            }
        )
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def upload(content: bytes, name: str, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


HTML = b"<!doctype html><html><body><script>alert('hi')</script></body></html>"


def noisy_png(size: tuple[int, int] = (200, 200)) -> bytes:
    """A PNG that does not compress: its size on disk is about its pixel count."""
    image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
