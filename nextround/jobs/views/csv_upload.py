"""Bring your history in from another tracker's CSV export."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from nextround.jobs.csv_import import read_csv, save_import

MAX_CSV_BYTES = 2 * 1024 * 1024


class CsvUploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file", help_text="An export from Teal, Huntr or a spreadsheet."
    )

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(
                "That file is larger than 2 MB; split it into smaller files."
            )
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError("That file is not a text (UTF-8) CSV file.") from error


class CsvConfirmForm(forms.Form):
    # The checked file travels back with the confirmation, so nothing is
    # kept on the server between looking and importing.
    text = forms.CharField(widget=forms.HiddenInput, max_length=MAX_CSV_BYTES)


@login_required
def csv_import(request):
    """Upload, see what would be added and what is wrong, then confirm."""
    if request.method == "POST" and "confirm" in request.POST:
        confirm = CsvConfirmForm(request.POST)
        if confirm.is_valid():
            result = read_csv(request.user, confirm.cleaned_data["text"])
            if result.ok:
                count = save_import(result)
                messages.success(request, f"Imported {count} applications.")
                return redirect("jobs:application_list")
        return redirect("jobs:csv_import")
    form = CsvUploadForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["file"]
        context["result"] = read_csv(request.user, text)
        context["confirm"] = CsvConfirmForm(initial={"text": text})
    return render(request, "jobs/csv_import.html", context, status=422 if form.errors else 200)
