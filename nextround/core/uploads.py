"""Every file that enters Next Round passes one checker: ``check_file``.

Happy-box items and expense receipts take a file through the web forms, the
API and the JSON import alike, and all three doors call ``check_file``, so a
file refused by one is refused by all. Whatever the name or the browser
says, a file is accepted only if its content is a PNG, JPEG, WebP, GIF or
PDF, and no larger than ``NEXTROUND_UPLOAD_MAX_MB``:

- images must start with their format's signature *and* decode in Pillow
  within the decoding limits below; they are then re-encoded from their
  pixels alone, so EXIF (the GPS location above all), XMP, ICC profiles and
  comments are left behind, the camera's orientation is applied, and a small
  thumbnail is made (only ever from an image);
- PDFs must start with the PDF signature, parse, and carry no script or
  action that reaches outside the document (``/JS``, ``/JavaScript``,
  ``/AA``, ``/Launch``, ``/GoToR``, ``/GoToE``, a ``/URI`` that is not
  http(s), an ``/OpenAction`` that is an action, …).

The extension on disk and the content type come from the content, never
from the supplied name. Files are written under ``settings.MEDIA_ROOT`` with
random names and are never served by the static file server: only
``file_response`` hands them out, to a view that has already checked
ownership.

Decoding limits: one upload may add at most about 100 MB to the process.
Pillow holds every pixel in four bytes, so a still is decoded at full size
only up to ``MAX_DECODED_PIXELS``, and turned upright only up to
``MAX_TURNED_PIXELS`` (turning holds it twice; a larger photo keeps its EXIF
orientation as its one tag instead); a larger JPEG is decoded at a half,
quarter or eighth of its size (the JPEG decoder does that without ever
holding the full picture), and any other image beyond it is refused. Nothing
over ``MAX_IMAGE_PIXELS`` is opened at all. An animation keeps its frames
only while all of them together fit ``MAX_ANIMATION_PIXELS``; beyond that
only its first frame is kept, as a still.
"""

from __future__ import annotations

import contextlib
import io
import math
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

# Nothing whose header claims more pixels than this is decoded at all.
# Pillow's own guard only warns between this and twice this; the warning is
# turned into a refusal in ``_open_image``. Set here explicitly (Pillow's
# default is about 89 megapixels) so that it is never switched off by
# accident elsewhere.
MAX_IMAGE_PIXELS = 40_000_000
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
# The most pixels held at full size: about 50 MB at four bytes a pixel, with
# room for the JPEG encoder's own buffers within the 100 MB an upload may
# use. A 12-megapixel phone photo fits.
MAX_DECODED_PIXELS = 12_600_000
# Turning a photo upright holds it twice; beyond this many pixels the EXIF
# orientation tag is kept instead (the one tag that is).
MAX_TURNED_PIXELS = 8_000_000
ORIENTATION = 0x0112
TURNS = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# All frames of an animation together, each held as RGBA.
MAX_ANIMATION_PIXELS = 8_000_000
MAX_FRAMES = 300
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
TOO_MANY_PIXELS = "This image is too large to keep; save a smaller copy and try again."


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed every check, ready to store."""

    kind: FileKind
    content: bytes
    thumbnail: bytes | None
    name: str  # a safe name to offer on download, with the content's extension

    @property
    def content_type(self) -> str:
        return self.kind.content_type

    @property
    def extension(self) -> str:
        return self.kind.extension

    @property
    def is_image(self) -> bool:
        return self.kind.pillow_format is not None

    def name_like(self, original: str) -> str:
        """A safe download name with ``original``'s stem and this file's real extension."""
        return _safe_name(original, self.kind)


def max_upload_bytes() -> int:
    """The most bytes one file may have (``NEXTROUND_UPLOAD_MAX_MB``)."""
    return settings.UPLOAD_MAX_BYTES


def describe_limit() -> str:
    """The size limit in words, for messages and hints."""
    size = max_upload_bytes()
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    return f"{size / 1024:g} KB"


def _sniff(head: bytes) -> FileKind | None:
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


def _too_large() -> FileTooLarge:
    return FileTooLarge(f"The file is larger than {describe_limit()}, the most we keep.")


def _read_limited(data_or_file) -> bytes:
    """All of a file's bytes, refusing it as soon as it is too large.

    ``data_or_file`` is bytes, a Django ``UploadedFile`` or any binary file
    object. The size a client declared is not trusted: at most one byte past
    the limit is read.
    """
    limit = max_upload_bytes()
    if isinstance(data_or_file, bytes | bytearray | memoryview):
        content = bytes(data_or_file)
    else:
        declared = getattr(data_or_file, "size", None)
        if declared is not None and declared > limit:
            raise _too_large()
        if hasattr(data_or_file, "seek"):
            data_or_file.seek(0)
        content = data_or_file.read(limit + 1)
    if len(content) > limit:
        raise _too_large()
    return content


def check_file(data_or_file, *, name: str | None = None) -> CheckedFile:
    """Check a file by its content and return a safe copy of it, or refuse it.

    ``data_or_file`` is bytes or a file object (a Django ``UploadedFile``);
    ``name`` is the name the person gave it (by default the file object's
    own), used only for the download name's stem. The kind, the extension
    and the content type come from the content alone.

    Raises ``FileTooLarge`` or ``UnsupportedFile`` (both ValidationErrors,
    so a form shows them beside the field) with a message for the person.
    """
    if name is None:
        name = getattr(data_or_file, "name", "") or ""
    content = _read_limited(data_or_file)
    if not content:
        raise UnsupportedFile("The file is empty.")
    kind = _sniff(content[:16])
    if kind is None:
        raise UnsupportedFile(NOT_ACCEPTED)
    download_name = _safe_name(str(name), kind)
    if kind is PDF:
        _check_pdf(content)
        return CheckedFile(kind, content, None, download_name)
    image, thumbnail = _reencode_image(content, kind)
    return CheckedFile(kind, image, thumbnail, download_name)


def _safe_name(original: str, kind: FileKind) -> str:
    """A download name from the original's stem and the real kind's extension."""
    stem = PurePath(original.replace("\\", "/")).stem
    stem = re.sub(r"[^\w\- ]+", "", stem, flags=re.ASCII).strip()[:80] or "file"
    return f"{stem}.{kind.extension}"


# -- images ---------------------------------------------------------------


def _open_image(content: bytes, kind: FileKind) -> Image.Image:
    """Open an image and check its size, without decoding its pixels yet."""
    problem = f"This file says it is a {kind.label} but it could not be read as one."
    try:
        with warnings.catch_warnings():
            # Over MAX_IMAGE_PIXELS Pillow only warns; a warning is a refusal here.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(content), formats=[kind.pillow_format])
            probe.verify()
            image = Image.open(io.BytesIO(content), formats=[kind.pillow_format])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as bomb:
        raise UnsupportedFile(TOO_MANY_PIXELS) from bomb
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as broken:
        raise UnsupportedFile(problem) from broken
    if image.width * image.height > MAX_IMAGE_PIXELS:
        image.close()
        raise UnsupportedFile(TOO_MANY_PIXELS)
    return image


def _decode(image: Image.Image, kind: FileKind) -> None:
    """Decode the current frame's pixels, within MAX_DECODED_PIXELS, or refuse it."""
    pixels = image.width * image.height
    if pixels > MAX_DECODED_PIXELS:
        if kind is not JPEG:
            raise UnsupportedFile(TOO_MANY_PIXELS)
        # The JPEG decoder can skip detail and produce a half, quarter or
        # eighth of the picture directly; ask for the largest that fits.
        # ``draft`` picks the smallest reduction that still gives at least
        # the size asked for, so ask for exactly a half, quarter or eighth.
        for divisor in (2, 4, 8):
            if pixels / (divisor * divisor) <= MAX_DECODED_PIXELS:
                break
        image.draft("RGB", (math.ceil(image.width / divisor), math.ceil(image.height / divisor)))
        if image.width * image.height > MAX_DECODED_PIXELS:
            raise UnsupportedFile(TOO_MANY_PIXELS)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as bomb:
        raise UnsupportedFile(TOO_MANY_PIXELS) from bomb
    except (OSError, SyntaxError, ValueError, EOFError) as broken:
        raise UnsupportedFile(
            f"This file says it is a {kind.label} but it could not be read as one."
        ) from broken


def _target_mode(frame: Image.Image, keep_alpha: bool) -> str:
    has_alpha = keep_alpha and (frame.mode in ("RGBA", "LA", "PA") or "transparency" in frame.info)
    if has_alpha:
        return "RGBA"
    return "L" if frame.mode == "L" else "RGB"


def _pixels_only(frame: Image.Image, keep_alpha: bool) -> Image.Image:
    """The frame's pixels with no EXIF, XMP, ICC or comments riding along.

    Pillow's writers take EXIF and XMP only from what ``save`` is given, and
    ICC profiles and comments from ``info``; emptying ``info`` leaves them
    nothing to copy, without holding the pixels twice.
    """
    mode = _target_mode(frame, keep_alpha)
    pixels = frame if frame.mode == mode else frame.convert(mode)
    pixels.info = {}
    return pixels


def _frame_count(image: Image.Image) -> int:
    # Counting frames parses the file but decodes no pixels.
    return getattr(image, "n_frames", 1)


def _reencode_image(content: bytes, kind: FileKind) -> tuple[bytes, bytes]:
    """Re-encode an image from its pixels, upright, and make its thumbnail.

    A JPEG that carries nothing but its pixels (as every JPEG this checker
    wrote does) keeps its own bytes: re-encoding would lose a little quality
    on every export and import, which promise to lose nothing.
    """
    image = _open_image(content, kind)
    keep_original = kind is JPEG and _only_pixels(content, image)
    try:
        frames = _frame_count(image) if kind in (GIF, WEBP) else 1
        out = io.BytesIO()
        orientation = 1
        if 1 < frames <= MAX_FRAMES and image.width * image.height * frames <= (
            MAX_ANIMATION_PIXELS
        ):
            first = _save_animation(image, kind, out)
        else:
            # A still, or an animation too long to hold: its first frame.
            _decode(image, kind)
            orientation = _orientation(image)
            options: dict = {}
            if orientation == 1 or image.width * image.height <= MAX_TURNED_PIXELS:
                # Turning the pixels themselves holds the picture twice.
                ImageOps.exif_transpose(image, in_place=True)
                orientation = 1
            else:
                # Too large to hold twice: the pixels stay as the camera wrote
                # them, with the orientation as the one tag kept, so that
                # viewers still show the photo upright.
                exif = Image.Exif()
                exif[ORIENTATION] = orientation
                options["exif"] = exif
            first = _pixels_only(image, keep_alpha=kind is not JPEG)
            if kind is JPEG:
                options |= {"quality": 90, "optimize": True}
            elif kind is PNG:
                options |= {"optimize": True}
            elif kind is WEBP:
                options |= {"quality": 90}
            if not keep_original:
                first.save(out, format=kind.pillow_format, **options)
        kept = content if keep_original else out.getvalue()
        return kept, _make_thumbnail(first, orientation)
    finally:
        image.close()


def _only_pixels(content: bytes, image: Image.Image) -> bool:
    """Whether a JPEG holds only its picture: no EXIF, XMP, comment or trailing bytes."""
    return (
        all(marker == "APP0" for marker, _ in getattr(image, "applist", []))
        and not {"exif", "comment", "xmp", "photoshop", "icc_profile"} & set(image.info)
        and image.width * image.height <= MAX_DECODED_PIXELS
        and content.endswith(b"\xff\xd9")
    )


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation (1 = upright), or 1 when it is missing or nonsense."""
    try:
        value = image.getexif().get(ORIENTATION, 1)
    except (OSError, SyntaxError, ValueError, TypeError, KeyError):
        return 1
    return value if value in TURNS else 1


def _save_animation(image: Image.Image, kind: FileKind, out: io.BytesIO) -> Image.Image:
    frames, durations = [], []
    try:
        for frame in ImageSequence.Iterator(image):
            frames.append(_pixels_only(frame.convert("RGBA"), keep_alpha=True))
            durations.append(frame.info.get("duration", 100))
    except (OSError, SyntaxError, ValueError, EOFError) as broken:
        raise UnsupportedFile(
            f"This file says it is a {kind.label} but it could not be read as one."
        ) from broken
    first = frames[0]
    options = {"save_all": True, "append_images": frames[1:], "duration": durations}
    options["loop"] = image.info.get("loop", 0)
    if kind is WEBP:
        options["lossless"] = True
    first.save(out, format=kind.pillow_format, **options)
    return first


def _make_thumbnail(image: Image.Image, orientation: int = 1) -> bytes:
    """A small, upright WebP of the image for lists, keeping its proportions."""
    # ``thumbnail`` shrinks in place: the full-size image is already saved,
    # so it is shrunk rather than copied first.
    image.thumbnail(THUMBNAIL_SIZE)
    if TURNS.get(orientation) is not None:
        image = image.transpose(TURNS[orientation])
    out = io.BytesIO()
    image.save(out, format="WEBP", quality=80)
    return out.getvalue()


# -- PDFs ----------------------------------------------------------------

# Names that make a PDF run something or reach outside itself: scripts,
# actions on open or on any event, launching programs, opening other files
# (/GoToR, /GoToE), forms that post data, embedded files and media.
DANGEROUS_PDF_NAMES = frozenset(
    {
        "/JS",
        "/JavaScript",
        "/AA",
        "/Launch",
        "/GoToR",
        "/GoToE",
        "/SubmitForm",
        "/ImportData",
        "/RichMedia",
        "/XFA",
        "/EmbeddedFile",
        "/EmbeddedFiles",
    }
)
SAFE_URI_SCHEMES = ("http://", "https://")
SCRIPT_REFUSED = (
    "This PDF contains a script or an action that opens something outside it, so it is "
    "not kept. "
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


def _check_pdf(content: bytes) -> None:
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
                # A link to a web page is fine; javascript:, file: and the
                # like are not.
                if key == "/URI":
                    target = value.get_object() if isinstance(value, IndirectObject) else value
                    if isinstance(target, bytes):
                        target = target.decode("latin-1")
                    if isinstance(target, str) and not target.strip().lower().startswith(
                        SAFE_URI_SCHEMES
                    ):
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


def put_file(record: UploadedFileFields, checked: CheckedFile) -> None:
    """Write a checked file (and its thumbnail) and point ``record`` at them, unsaved.

    The name on disk is random and its extension is the content's; the
    thumbnail is the one ``check_file`` made, so there is none for a PDF.
    """
    record.file.save(f"file.{checked.extension}", ContentFile(checked.content), save=False)
    if checked.thumbnail is not None:
        record.thumbnail.save("thumbnail.webp", ContentFile(checked.thumbnail), save=False)
    else:
        record.thumbnail = ""
    record.file_type = checked.content_type
    record.file_name = checked.name
    record.file_size = len(checked.content)


def save_with_file(
    record: UploadedFileFields, upload: CheckedFile | None = None, *, remove: bool = False
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
                put_file(record, upload)
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
    # A thumbnail is only ever made from an image; one beside anything else
    # (left by an import before it was checked) is not served as an image.
    if thumbnail and not record.has_image:
        raise Http404("No thumbnail")
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
    """A file input whose cleaned value is a ``CheckedFile`` (or None).

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
        return check_file(upload)
