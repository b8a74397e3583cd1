"""Bring your history in from another tracker's CSV export."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from nextround.jobs.csv_import import (
    MAX_CSV_BYTES,
    CsvImport,
    CsvUnreadable,
    decode_csv,
    imported_message,
    read_csv,
    save_import,
)
from nextround.jobs.models import Status


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
            return decode_csv(upload.read())
        except CsvUnreadable as error:
            raise forms.ValidationError(str(error)) from error


class CsvConfirmForm(forms.Form):
    """The checked file, and what each status word of it should become."""

    # The checked file travels back with the confirmation, so nothing is
    # kept on the server between looking and importing.
    text = forms.CharField(widget=forms.HiddenInput, max_length=MAX_CSV_BYTES, strip=False)

    def __init__(self, *args, result: CsvImport | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.words: dict[str, str] = {}
        for index, word in enumerate(result.status_words.values() if result else ()):
            name = f"status_{index}"
            self.words[name] = word.word
            choices = list(Status.choices)
            if word.needs_choice:
                choices = [("", "Choose…"), *[c for c in choices if c[0] in word.options]]
            self.fields[name] = forms.ChoiceField(
                label=f"“{word.word}”", choices=choices, initial=word.status, required=False
            )
            self.fields[f"{name}_word"] = forms.CharField(
                widget=forms.HiddenInput, initial=word.word, max_length=200
            )

    def status_choices(self) -> dict[str, str]:
        """The person's reading of each status word: word -> status."""
        chosen = {}
        for name, value in self.data.items():
            if name.startswith("status_") and name.endswith("_word"):
                status = self.data.get(name.removesuffix("_word"), "")
                if status in Status.values:
                    chosen[value] = status
        return chosen

    def status_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.words]


@login_required
def csv_import(request):
    """Upload, see what would be added and what is wrong, choose the statuses, then confirm."""
    if request.method == "POST" and "text" in request.POST:
        confirm = CsvConfirmForm(request.POST)
        if not confirm.is_valid():
            return redirect("jobs:csv_import")
        text = confirm.cleaned_data["text"]
        result = read_csv(request.user, text, confirm.status_choices())
        if "confirm" in request.POST and result.ready:
            count = save_import(result)
            messages.success(request, imported_message(count))
            return redirect("jobs:application_list")
        return _preview(request, text, result, asked="confirm" in request.POST)
    form = CsvUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["file"]
        return _preview(request, text, read_csv(request.user, text))
    return render(
        request, "jobs/csv_import.html", {"form": form}, status=422 if form.errors else 200
    )


def _preview(request, text: str, result: CsvImport, asked: bool = False):
    confirm = CsvConfirmForm(initial={"text": text}, result=result)
    # Importing with a status word still to choose shows the preview again.
    unanswered = asked and bool(result.unanswered)
    context = {"result": result, "confirm": confirm, "unanswered": unanswered}
    return render(request, "jobs/csv_import.html", context, status=422 if unanswered else 200)
