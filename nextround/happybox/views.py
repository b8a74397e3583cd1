"""The happy box: a grid of good things, one at a time when it is needed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from nextround.core.access import get_owned_or_404, owned
from nextround.core.htmx import render_page_or_fragment
from nextround.core.pages import page_of
from nextround.core.uploads import file_response, save_with_file
from nextround.core.views import delete_after_confirming
from nextround.happybox.box import draw_item
from nextround.happybox.forms import HappyItemForm
from nextround.happybox.models import HappyItem, HappyKind

# A grid of cards; a page fills a wide screen a few times over.
ITEMS_PER_PAGE = 24


@login_required
def item_list(request):
    items = owned(HappyItem, request.user)
    kind = request.GET.get("kind", "")
    if kind in HappyKind.values:
        items = items.filter(kind=kind)
    else:
        kind = ""
    return render(
        request,
        "happybox/item_list.html",
        {
            "items": page_of(
                request, items.order_by("-happened_on", "-id"), per_page=ITEMS_PER_PAGE
            ),
            "kinds": HappyKind.choices,
            "kind": kind,
        },
    )


@login_required
def item_detail(request, item_id: int):
    item = get_owned_or_404(HappyItem, request.user, pk=item_id)
    return render(request, "happybox/item_detail.html", {"item": item})


def _save(form: HappyItemForm) -> HappyItem:
    item = form.save(commit=False)
    upload = form.cleaned_data.get("file")
    remove = form.cleaned_data.get("remove_file", False)
    with transaction.atomic():
        save_with_file(item, upload, remove=remove and upload is None)
    return item


@login_required
def item_create(request):
    form = HappyItemForm(request.POST or None, request.FILES or None)
    form.instance.owner = request.user
    if request.method == "POST" and form.is_valid():
        item = _save(form)
        messages.success(request, f"Added “{item.title}” to your happy box.")
        return redirect(item)
    return render(request, "happybox/item_form.html", {"form": form})


@login_required
def item_edit(request, item_id: int):
    item = get_owned_or_404(HappyItem, request.user, pk=item_id)
    form = HappyItemForm(request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and form.is_valid():
        _save(form)
        messages.success(request, "Saved.")
        return redirect(item)
    return render(request, "happybox/item_form.html", {"form": form, "item": item})


@login_required
def item_delete(request, item_id: int):
    item = get_owned_or_404(HappyItem, request.user, pk=item_id)
    return delete_after_confirming(
        request,
        item,
        then="happybox:items",
        done=f"Took “{item.title}” out of the box.",
        consequence="Its file is deleted with it. This cannot be undone.",
    )


@login_required
@require_GET
def item_file(request, item_id: int):
    return file_response(get_owned_or_404(HappyItem, request.user, pk=item_id))


@login_required
@require_GET
def item_thumbnail(request, item_id: int):
    item = get_owned_or_404(HappyItem, request.user, pk=item_id)
    return file_response(item, thumbnail=True)


@login_required
@require_GET
def open_box(request):
    """One item, full screen and calm; "another" draws again without the one just seen."""
    try:
        previous = int(request.GET.get("after", ""))
    except ValueError:
        previous = None
    item = draw_item(request.user, not_this=previous)
    context = {
        "item": item,
        "has_more": item is not None and owned(HappyItem, request.user).count() > 1,
    }
    return render_page_or_fragment(
        request, "happybox/open.html", "happybox/_box_item.html", context
    )
