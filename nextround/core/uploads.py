"""Files people upload: checked by what they are, cleaned, kept private.

Happy-box items and expense receipts both take a file. Whatever the name or
the browser says, a file is accepted only if its content is a PNG, JPEG,
WebP, GIF or PDF:

- images must start with their format's signature *and* decode in Pillow;
  they are then re-encoded from their pixels alone, so EXIF (the GPS
  location above all), XMP, ICC profiles and comments are left behind, the
  camera's orientation is applied, and a small thumbnail is made;
- PDFs must start with the PDF signature, parse, and carry no script or
  automatic action (``/JS``, ``/JavaScript``, ``/AA``, ``/Launch``, an
  ``/OpenAction`` that is an action, …).

Files are written under ``settings.MEDIA_ROOT`` with random names and are
never served by the static file server: only ``file_response`` hands them
out, to a view that has already checked ownership.
"""

from __future__ import annotations

import contextlib
import io
import re
import secrets
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.http import FileResponse, Http404
from django.utils.functional import lazy
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

# Pillow's decompression-bomb guard: a small file that claims a huge canvas
# is refused before its pixels are allocated. Set here explicitly (Pillow's
# default is about 89 megapixels) so that it can never be switched off by
# accident elsewhere, and lowered to what a phone camera produces, with room.
Image.MAX_IMAGE_PIXELS = 64_000_000
# An animation's frames all count towards the same budget.
MAX_TOTAL_PIXELS = 200_000_000
MAX_FRAMES = 500
THUMBNAIL_SIZE = (480, 480)

# The storage has no base URL: nothing here is reachable by a plain address.
private_storage = FileSystemStorage()


class UploadRefused(ValidationError):
    """A file we will not keep; ``status`` is the HTTP answer for the API."""

    status = 415

    def __init__(self, message: str):
        super().__init__(message, code=self.__class__.__name__)


class FileTooLarge(UploadRefused):
    status = 413


class UnsupportedFile(UploadRefused):
    status = 415


@dataclass(frozen=True)
class FileKind:
    label: str
    content_type: str
    extension: str
    pillow_format: str | None  # None for PDF


PNG = FileKind("PNG image", "image/png", "png", "PNG")
JPEG = FileKind("JPEG image", "image/jpeg", "jpg", "JPEG")
WEBP = FileKind("WebP image", "image/webp", "webp", "WEBP")
GIF = FileKind("GIF image", "image/gif", "gif", "GIF")
PDF = FileKind("PDF", "application/pdf", "pdf", None)
KINDS = {kind.content_type: kind for kind in (PNG, JPEG, WEBP, GIF, PDF)}
ACCEPT = ",".join([*KINDS, ".png", ".jpg", ".jpeg", ".webp", ".gif", ".pdf"])
NOT_ACCEPTED = "Only PNG, JPEG, WebP and GIF images or PDF documents can be kept."


@dataclass(frozen=True)
class CleanedUpload:
    """A file that passed every check, ready to store."""

    kind: FileKind
    content: bytes
    thumbnail: bytes | None
    name: str  # a safe name to offer on download

    @property
    def content_type(self) -> str:
        return self.kind.content_type

    @property
    def is_image(self) -> bool:
        return self.kind.pillow_format is not None


def max_upload_bytes() -> int:
    return settings.UPLOAD_MAX_BYTES


def describe_limit() -> str:
    size = max_upload_bytes()
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    return f"{size / 1024:g} KB"


def sniff(head: bytes) -> FileKind | None:
    """The kind a file's first bytes announce, or None for anything else."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"%PDF-"):
        return PDF
    return None


def read_upload(upload) -> bytes:
    """All of an uploaded file's bytes, refusing it as soon as it is too large.

    ``upload`` is a Django ``UploadedFile`` or any binary file object. The
    size the client declared is not trusted: at most one byte past the limit
    is read.
    """
    limit = max_upload_bytes()
    declared = getattr(upload, "size", None)
    if declared is not None and declared > limit:
        raise FileTooLarge(f"The file is larger than {describe_limit()}, the most we keep.")
    if hasattr(upload, "seek"):
        upload.seek(0)
    content = upload.read(limit + 1)
    if len(content) > limit:
        raise FileTooLarge(f"The file is larger than {describe_limit()}, the most we keep.")
    return content


def clean_upload(upload) -> CleanedUpload:
    """Check an uploaded file by its content and return a cleaned copy of it.

    Raises ``FileTooLarge`` or ``UnsupportedFile`` (both ValidationErrors,
    so a form shows them beside the field) with a message for the person.
    """
    content = read_upload(upload)
    if not content:
        raise UnsupportedFile("The file is empty.")
    kind = sniff(content[:16])
    if kind is None:
        raise UnsupportedFile(NOT_ACCEPTED)
    name = safe_name(getattr(upload, "name", "") or "", kind)
    if kind is PDF:
        check_pdf(content)
        return CleanedUpload(kind, content, None, name)
    image, thumbnail = reencode_image(content, kind)
    return CleanedUpload(kind, image, thumbnail, name)


def safe_name(original: str, kind: FileKind) -> str:
    """A download name from the original's stem and the real kind's extension."""
    stem = PurePath(original.replace("\\", "/")).stem
    stem = re.sub(r"[^\w\- ]+", "", stem, flags=re.ASCII).strip()[:80] or "file"
    return f"{stem}.{kind.extension}"


# -- images ---------------------------------------------------------------


def _open_image(content: bytes, kind: FileKind) -> Image.Image:
    """Open and fully decode an image, or refuse it."""
    problem = f"This file says it is a {kind.label} but it could not be read as one."
    try:
        with warnings.catch_warnings():
            # Over MAX_IMAGE_PIXELS Pillow only warns; a warning is a refusal here.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(content), formats=[kind.pillow_format])
            probe.verify()
            image = Image.open(io.BytesIO(content), formats=[kind.pillow_format])
            frames = getattr(image, "n_frames", 1)
            if frames > MAX_FRAMES or image.width * image.height * frames > MAX_TOTAL_PIXELS:
                raise UnsupportedFile("This image is too large to keep.")
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as bomb:
        raise UnsupportedFile("This image is too large to keep.") from bomb
    except UnsupportedFile:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as broken:
        raise UnsupportedFile(problem) from broken
    return image


def _pixels_only(frame: Image.Image, keep_alpha: bool) -> Image.Image:
    """A new image holding only the frame's pixels: no EXIF, XMP, ICC or comments."""
    has_alpha = keep_alpha and (frame.mode in ("RGBA", "LA", "PA") or "transparency" in frame.info)
    mode = "RGBA" if has_alpha else "RGB"
    if frame.mode == "L" and not has_alpha:
        mode = "L"
    converted = frame.convert(mode)
    # ``convert`` copies ``info`` (and with it the EXIF block); building a
    # fresh image from raw bytes is the one way to be sure nothing rides along.
    return Image.frombytes(mode, converted.size, converted.tobytes())


def reencode_image(content: bytes, kind: FileKind) -> tuple[bytes, bytes]:
    """Re-encode an image from its pixels, upright, and make its thumbnail."""
    image = _open_image(content, kind)
    try:
        animated = getattr(image, "n_frames", 1) > 1 and kind in (GIF, WEBP)
        out = io.BytesIO()
        if animated:
            frames, durations = [], []
            for frame in ImageSequence.Iterator(image):
                frames.append(_pixels_only(frame, keep_alpha=True))
                durations.append(frame.info.get("duration", 100))
            first = frames[0]
            options = {"save_all": True, "append_images": frames[1:], "duration": durations}
            options["loop"] = image.info.get("loop", 0)
            if kind is WEBP:
                options["lossless"] = True
            first.save(out, format=kind.pillow_format, **options)
        else:
            upright = ImageOps.exif_transpose(image) or image
            first = _pixels_only(upright, keep_alpha=kind is not JPEG)
            options: dict = {}
            if kind is JPEG:
                options = {"quality": 90, "optimize": True}
            elif kind is PNG:
                options = {"optimize": True}
            elif kind is WEBP:
                options = {"quality": 90}
            first.save(out, format=kind.pillow_format, **options)
        return out.getvalue(), make_thumbnail(first)
    finally:
        image.close()


def make_thumbnail(image: Image.Image) -> bytes:
    """A small WebP of the image for lists, keeping its proportions."""
    thumb = image.copy()
    thumb.thumbnail(THUMBNAIL_SIZE)
    out = io.BytesIO()
    thumb.save(out, format="WEBP", quality=80)
    return out.getvalue()


# -- PDFs ----------------------------------------------------------------

# Names that make a PDF run something: scripts, actions on open or on any
# event, launching programs, forms that post data, embedded files and media.
DANGEROUS_PDF_NAMES = frozenset(
    {
        "/JS",
        "/JavaScript",
        "/AA",
        "/Launch",
        "/SubmitForm",
        "/ImportData",
        "/RichMedia",
        "/XFA",
        "/EmbeddedFile",
        "/EmbeddedFiles",
    }
)
SCRIPT_REFUSED = (
    "This PDF contains a script or an automatic action, so it is not kept. "
    "Print it to a new PDF, or save it as an image, and try again."
)
_NAME = re.compile(rb"/[^\s/<>\[\]()%{}]+")


def _decode_name(raw: bytes) -> str:
    # PDF names may hide letters as #xx escapes (/J#61vaScript).
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw).decode(
        "latin-1"
    )


def _raw_names(content: bytes) -> Iterable[str]:
    for match in _NAME.finditer(content):
        yield _decode_name(match.group())


def check_pdf(content: bytes) -> None:
    """Refuse a PDF that does not parse or that could run anything when opened."""
    # A first, cheap pass over the bytes finds names in uncompressed objects,
    # even in objects the document's structure no longer points to.
    if any(name in DANGEROUS_PDF_NAMES for name in _raw_names(content)):
        raise UnsupportedFile(SCRIPT_REFUSED)
    # The second pass walks the parsed document, which also sees inside
    # compressed object streams.
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(content), strict=False)
            if reader.is_encrypted:
                raise UnsupportedFile("This PDF is password-protected; save an unlocked copy.")
            if len(reader.pages) < 1:
                raise UnsupportedFile("This PDF has no pages.")
            _walk_pdf(reader.trailer)
    except UnsupportedFile:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as broken:
        raise UnsupportedFile(
            "This file says it is a PDF but it could not be read as one."
        ) from broken
    except RecursionError as deep:
        raise UnsupportedFile("This PDF is too deeply nested to check.") from deep


def _walk_pdf(root) -> None:
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    seen: set[tuple[int, int]] = set()
    stack = [root]
    budget = 500_000
    while stack:
        budget -= 1
        if budget < 0:
            raise UnsupportedFile("This PDF is too complex to check.")
        node = stack.pop()
        if isinstance(node, IndirectObject):
            ref = (node.idnum, node.generation)
            if ref in seen:
                continue
            seen.add(ref)
            node = node.get_object()
        if isinstance(node, DictionaryObject):
            for key, value in node.items():
                if key in DANGEROUS_PDF_NAMES:
                    raise UnsupportedFile(SCRIPT_REFUSED)
                # An /OpenAction that is only a destination (a page and a
                # zoom, as office suites write) is harmless; an action is not.
                if key == "/OpenAction":
                    target = value.get_object() if isinstance(value, IndirectObject) else value
                    if isinstance(target, DictionaryObject):
                        raise UnsupportedFile(SCRIPT_REFUSED)
                if key == "/S" and isinstance(value, NameObject) and value in DANGEROUS_PDF_NAMES:
                    raise UnsupportedFile(SCRIPT_REFUSED)
                if key != "/Parent":
                    stack.append(value)
        elif isinstance(node, ArrayObject):
            stack.extend(node)


# -- storage ---------------------------------------------------------------


def private_files() -> FileSystemStorage:
    """The storage of uploaded files (a callable, so migrations name it rather than copy it)."""
    return private_storage


def _random_path(folder: str, extension: str) -> str:
    token = secrets.token_urlsafe(24)
    return f"{folder}/{token[:2]}/{token}.{extension}"


def random_upload_path(record: UploadedFileFields, filename: str) -> str:
    """A random path in the record's folder, keeping only the extension of ``filename``."""
    extension = re.sub(r"[^a-z0-9]", "", PurePath(filename).suffix.lower())[:5] or "bin"
    return _random_path(record.upload_folder, extension)


class UploadedFileFields(models.Model):
    """The file fields of a record that holds one uploaded file, and its thumbnail.

    Paths are relative to ``settings.MEDIA_ROOT`` and random; the download
    name is kept apart so that a person's own file name never reaches the disk.
    Files are set through ``save_with_file`` only, which checks them first.
    """

    file = models.FileField(
        storage=private_files,
        upload_to=random_upload_path,
        max_length=200,
        blank=True,
        editable=False,
    )
    thumbnail = models.FileField(
        storage=private_files,
        upload_to=random_upload_path,
        max_length=200,
        blank=True,
        editable=False,
    )
    file_type = models.CharField(max_length=50, blank=True, editable=False)
    file_name = models.CharField(max_length=100, blank=True, editable=False)
    file_size = models.PositiveIntegerField(null=True, blank=True, editable=False)

    # Subclasses set the folder their files go in.
    upload_folder = "files"

    class Meta:
        abstract = True

    @property
    def has_file(self) -> bool:
        return bool(self.file.name)

    @property
    def has_image(self) -> bool:
        return self.has_file and self.file_type.startswith("image/")

    @property
    def has_thumbnail(self) -> bool:
        return bool(self.thumbnail.name)

    def stored_paths(self) -> list[str]:
        return [path for path in (self.file.name, self.thumbnail.name) if path]


def _remove(paths: Iterable[str]) -> None:
    for path in paths:
        # A file already gone is not a problem worth failing over.
        with contextlib.suppress(OSError):
            private_storage.delete(path)


def save_with_file(
    record: UploadedFileFields, upload: CleanedUpload | None = None, *, remove: bool = False
) -> None:
    """Save a record together with its new file (or without its old one): both or neither.

    The new file is written first; if saving the record then fails, the file
    is deleted again, so a failure never leaves a half-saved pair behind. The
    old file is deleted only once the change is committed.
    """
    old_paths = record.stored_paths() if (upload is not None or remove) else []
    try:
        with transaction.atomic():
            if upload is not None:
                record.file.save(
                    f"file.{upload.kind.extension}", ContentFile(upload.content), save=False
                )
                if upload.thumbnail is not None:
                    record.thumbnail.save(
                        "thumbnail.webp", ContentFile(upload.thumbnail), save=False
                    )
                else:
                    record.thumbnail = ""
                record.file_type = upload.content_type
                record.file_name = upload.name
                record.file_size = len(upload.content)
            elif remove:
                record.file = record.thumbnail = ""
                record.file_type = record.file_name = ""
                record.file_size = None
            record.save()
    except BaseException:
        if upload is not None:
            _remove(path for path in record.stored_paths() if path not in old_paths)
        raise
    if old_paths:
        transaction.on_commit(lambda: _remove(old_paths))


def delete_files_with_record(sender, instance: UploadedFileFields, **kwargs) -> None:
    """When a record goes, its files go too, once the deletion is committed."""
    paths = instance.stored_paths()
    if paths:
        transaction.on_commit(lambda: _remove(paths))


def remove_files_on_delete(model: type[UploadedFileFields]) -> None:
    """Delete a model's files whenever one of its rows is deleted.

    A signal, because cascades (an interview taking its expenses with it, an
    account being closed) delete rows without calling ``Model.delete``.
    """
    post_delete.connect(
        delete_files_with_record, sender=model, dispatch_uid=f"uploads:{model._meta.label}"
    )


def file_response(record: UploadedFileFields, *, thumbnail: bool = False) -> FileResponse:
    """Hand an owned record's file to its owner, and only as what it is.

    Images are shown inline, PDFs are downloaded; either way the type is the
    one we found, the browser is told not to guess another, and the file
    cannot run scripts in our origin.
    """
    path = record.thumbnail.name if thumbnail else record.file.name
    if not path:
        raise Http404("No file")
    try:
        handle = private_storage.open(path, "rb")
    except FileNotFoundError as missing:
        raise Http404("No file") from missing
    content_type = "image/webp" if thumbnail else record.file_type
    name = record.file_name or "file"
    if thumbnail:
        name = f"{PurePath(name).stem}-thumbnail.webp"
    response = FileResponse(
        handle,
        content_type=content_type,
        as_attachment=not content_type.startswith("image/"),
        filename=name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response


# -- forms -----------------------------------------------------------------


def _upload_hint() -> str:
    return (
        f"PNG, JPEG, WebP, GIF or PDF, up to {describe_limit()}. "
        "Photos are kept without their location and camera details."
    )


class UploadField(forms.FileField):
    """A file input whose cleaned value is a ``CleanedUpload`` (or None).

    Every check of this module runs in ``clean``, so a bad file is reported
    beside the field and nothing is saved.
    """

    widget = forms.FileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", lazy(_upload_hint, str)())
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ACCEPT

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload or not hasattr(upload, "read"):
            return None
        return clean_upload(upload)
