"""Proof of job search: the activity report page and its downloads."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from nextround.core.dates import PlausibleDatesForm
from nextround.core.pages import page_of
from nextround.home.activity import (
    activities,
    activity_csv,
    activity_pdf,
    check_range,
    without,
)
from nextround.jobs.forms import DateInput

# Lines on one page of the report; the downloads always hold every line kept.
ROWS_SHOWN = 100


class ActivityRangeForm(PlausibleDatesForm, forms.Form):
    start = forms.DateField(label="From", widget=DateInput())
    end = forms.DateField(label="To", widget=DateInput())

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            try:
                check_range(start, end)
            except ValidationError as refused:
                self.add_error(None, refused)
        return cleaned


@login_required
def activity_report(request):
    today = timezone.localdate()
    defaults = {"start": today - datetime.timedelta(days=27), "end": today}
    form = ActivityRangeForm(request.GET if "start" in request.GET else None, initial=defaults)
    if form.is_bound and not form.is_valid():
        return render(request, "home/activity.html", {"form": form}, status=422)
    start, end = (
        (form.cleaned_data["start"], form.cleaned_data["end"])
        if form.is_bound
        else (
            defaults["start"],
            defaults["end"],
        )
    )
    rows = activities(request.user, start, end)
    # Rows the person ticked to leave out stay on the page, ticked, and leave the files.
    left_out = set(request.GET.getlist("leave_out"))
    kept = without(rows, left_out)
    stem = f"job-search-{start.isoformat()}-to-{end.isoformat()}"
    download = request.GET.get("format")
    if download == "csv":
        return HttpResponse(
            activity_csv(kept),
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{stem}.csv"'},
        )
    if download == "pdf":
        return HttpResponse(
            activity_pdf(request.user, kept, start, end),
            content_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="{stem}.pdf"'},
        )
    page = page_of(request, rows, per_page=ROWS_SHOWN)
    context = {
        "form": form,
        "rows": rows,
        "page_obj": page,
        "kept": kept,
        "left_out": left_out,
        # Lines ticked on other pages travel with the form, so no tick is lost.
        "left_out_elsewhere": sorted(left_out - {row.key for row in page}),
        "start": start,
        "end": end,
    }
    return render(request, "home/activity.html", context)
