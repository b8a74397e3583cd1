"""The capture page, its offline copy, and what makes Next Round installable."""

from __future__ import annotations

import hashlib
import json
from functools import cache

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from nextround.captures.capturing import save_capture
from nextround.captures.forms import CaptureForm

# The capture form names a cost's parts apart from the expense they become.
FORM_NAMES = {
    "amount": "cost_amount",
    "currency": "cost_currency",
    "category": "cost_category",
    "description": "cost_description",
}

# What the service worker keeps for use without a connection: the look of the
# site, the capture page's scripts and the icons. Never a page with anyone's data.
SHELL_STATIC = [
    "nextround/nextround.css",
    "nextround/htmx-2.0.11.min.js",
    "captures/capture.css",
    "captures/queue.js",
    "captures/capture.js",
    "captures/install.js",
    "captures/icon-192.png",
    "captures/icon-512.png",
    "captures/icon-maskable-512.png",
]


@login_required
def capture(request):
    """ "Just out of an interview": note it now; the page also works from the offline queue."""
    form = CaptureForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            saved, created = save_capture(request.user, form.note())
        except ValidationError as error:
            for name, problems in error.message_dict.items():
                field = FORM_NAMES.get(name, name)
                form.add_error(field if field in form.fields else None, problems)
        else:
            if created:
                count = saved.questions.count()
                messages.success(
                    request,
                    "Noted. "
                    + ngettext(
                        "%(count)d question is in your bank.",
                        "%(count)d questions are in your bank.",
                        count,
                    )
                    % {"count": count}
                    if count
                    else "Noted.",
                )
            return redirect(saved.interview or "today")
    status = 422 if request.method == "POST" else 200
    return render(request, "captures/capture.html", {"form": form, "shell": False}, status=status)


@require_GET
def capture_shell(request):
    """The capture page as the service worker keeps it: no interviews, no name, nobody's data."""
    nobody = AnonymousUser()
    form = CaptureForm(user=nobody)
    return render(
        request,
        "captures/capture.html",
        {"form": form, "shell": True, "user": nobody, "messages": []},
    )


@require_GET
def offline(request):
    """What any other page shows without a connection: nothing of anyone's, and a way to note."""
    return render(request, "captures/offline.html", {"user": AnonymousUser(), "messages": []})


@require_GET
def manifest(request):
    """The web app manifest: name, icons, colours and where the installed app opens."""
    document = {
        "name": "Next Round",
        "short_name": "Next Round",
        "description": "From application to interview to outcome, and on to the next round.",
        "id": "/",
        "start_url": reverse("captures:capture"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#f7f6f2",
        "theme_color": "#1d5f73",
        "icons": [
            {"src": static("captures/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("captures/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("captures/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
        "shortcuts": [
            {"name": "Just out of an interview", "url": reverse("captures:capture")},
            {"name": "Today", "url": reverse("today")},
        ],
    }
    return HttpResponse(json.dumps(document, indent=1), content_type="application/manifest+json")


# The templates the two kept pages are made from.
SHELL_TEMPLATES = [
    "base.html",
    "core/_field.html",
    "captures/capture.html",
    "captures/offline.html",
    "captures/sw.js",
]


@cache
def _shell_version() -> str:
    # A new version whenever a kept file changes, so the worker replaces its copy.
    digest = hashlib.sha256()
    for name in SHELL_STATIC:
        path = finders.find(name)
        if path:
            with open(path, "rb") as kept:
                digest.update(kept.read())
    for name in SHELL_TEMPLATES:
        digest.update(get_template(name).template.source.encode())
    return digest.hexdigest()[:12]


@never_cache
@require_GET
def service_worker(request):
    """The service worker, from the site's root so that its scope is the whole site."""
    context = {
        "version": _shell_version(),
        "shell_url": reverse("captures:shell"),
        "offline_url": reverse("captures:offline"),
        "capture_url": reverse("captures:capture"),
        "keep": json.dumps(
            [static(name) for name in SHELL_STATIC]
            + [reverse("captures:shell"), reverse("captures:offline")]
        ),
        "queue_url": static("captures/queue.js"),
    }
    response = render(request, "captures/sw.js", context, content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    return response
