"""How the API answers a refused upload: 413 for too large, 415 for the wrong kind.

The checking itself is ``core.uploads.check_file``, the same for every door.
"""

from __future__ import annotations

from django.http import JsonResponse

from nextround.core.uploads import (
    CheckedFile,
    UploadedFileFields,
    UploadRefused,
    check_file,
    save_with_file,
)


def check_or_refuse(upload) -> CheckedFile | JsonResponse:
    """The checked file, or the JSON response that names the problem with the ``file`` field."""
    if upload is None:
        return JsonResponse(
            {
                "detail": [
                    {
                        "loc": ["body", "file"],
                        "msg": "Attach the file as the field `file`.",
                        "type": "missing",
                    }
                ]
            },
            status=422,
        )
    try:
        return check_file(upload)
    except UploadRefused as refused:
        return JsonResponse(
            {
                "detail": [
                    {"loc": ["body", "file"], "msg": refused.messages[0], "type": refused.code}
                ]
            },
            status=refused.status,
        )


def attach_or_refuse(record: UploadedFileFields, upload) -> JsonResponse | None:
    """Check an upload and store it on ``record``; the refusal to send back, if any."""
    checked = check_or_refuse(upload)
    if isinstance(checked, JsonResponse):
        return checked
    save_with_file(record, checked)
    return None
