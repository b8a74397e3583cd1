"""How the API answers a refused upload: 413 for too large, 415 for the wrong kind."""

from __future__ import annotations

from django.http import JsonResponse

from nextround.core.uploads import CleanedUpload, UploadRefused, clean_upload


def clean_or_refuse(upload) -> CleanedUpload | JsonResponse:
    """The cleaned upload, or the JSON response that names the problem with the ``file`` field."""
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
        return clean_upload(upload)
    except UploadRefused as refused:
        return JsonResponse(
            {
                "detail": [
                    {"loc": ["body", "file"], "msg": refused.messages[0], "type": refused.code}
                ]
            },
            status=refused.status,
        )
