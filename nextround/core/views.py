"""View helpers every area shares."""

from __future__ import annotations

from django.contrib import messages
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url


def delete_after_confirming(
    request: HttpRequest,
    record: models.Model,
    *,
    then,
    done: str,
    consequence: str = "This cannot be undone.",
    cancel_url: str | None = None,
) -> HttpResponse:
    """Ask first (GET shows what will go), delete on POST, then go to ``then``.

    ``then`` is anything ``redirect`` takes (a URL name, a URL, a record),
    resolved before the deletion so that a record being deleted can still
    name where to go.
    """
    if request.method == "POST":
        target = resolve_url(then)
        record.delete()
        messages.success(request, done)
        return redirect(target)
    context = {
        "object": record,
        "consequence": consequence,
        "cancel_url": cancel_url or record.get_absolute_url(),
    }
    return render(request, "core/confirm_delete.html", context)
