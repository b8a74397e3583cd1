"""Your data, out and in, from the Settings page: the download and the import form."""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import ngettext

from nextround.home.portability import export_json, import_user

MAX_IMPORT_BYTES = 200 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label="Export file (.json)")


@login_required
def export_download(request):
    """The whole account as a JSON file to keep or to move elsewhere."""
    stamp = timezone.localdate().isoformat()
    return StreamingHttpResponse(
        (piece.encode() for piece in export_json(request.user)),
        content_type="application/json; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="nextround-{stamp}.json"'},
    )


@login_required
def import_upload(request):
    """Add a Next Round export to this account: all of it, or nothing."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > MAX_IMPORT_BYTES:
                raise ValidationError({"file": "That file is too large to be an export."})
            try:
                document = json.load(upload)
            except (ValueError, UnicodeDecodeError, RecursionError) as error:
                raise ValidationError({"file": "That file is not a Next Round export."}) from error
            counts = import_user(request.user, document)
        except ValidationError as error:
            detail = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
            for field, problems in detail.items():
                form.add_error(
                    "file", f"{field}: {' '.join(problems)}" if field != "file" else problems
                )
        else:
            total = sum(counts.values())
            messages.success(
                request,
                ngettext(
                    "Imported %(count)d record. Nothing was replaced.",
                    "Imported %(count)d records. Nothing was replaced.",
                    total,
                )
                % {"count": total},
            )
            return redirect("accounts:settings")
    return render(request, "home/import.html", {"form": form}, status=422 if form.errors else 200)
