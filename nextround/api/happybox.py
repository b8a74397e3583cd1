"""The happy box over JSON: items, their files, and one at random."""

from __future__ import annotations

import datetime

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from ninja import Field, File, Router, Schema, Status
from ninja.files import UploadedFile

from nextround.api.errors import NotFound, validate_and_save
from nextround.api.fields import Date, Payload, apply_changes
from nextround.api.lists import bounded_list
from nextround.api.uploads import attach_or_refuse
from nextround.core.access import get_owned_or_404, owned
from nextround.core.uploads import file_response, save_with_file
from nextround.happybox.box import draw_item
from nextround.happybox.models import HappyItem, HappyKind

router = Router(tags=["happy box"])


class HappyItemIn(Payload):
    kind: HappyKind = HappyKind.NOTE
    title: str = Field(..., min_length=1, max_length=200)
    text: str = Field("", max_length=20000)
    happened_on: Date = Field(default_factory=timezone.localdate)
    link: str = Field("", max_length=500)


class HappyItemPatch(Payload):
    kind: HappyKind | None = None
    title: str | None = Field(None, min_length=1, max_length=200)
    text: str | None = Field(None, max_length=20000)
    happened_on: Date | None = None
    link: str | None = Field(None, max_length=500)


class HappyItemOut(Schema):
    id: int
    kind: str
    title: str
    text: str
    happened_on: datetime.date
    link: str
    file_url: str | None
    thumbnail_url: str | None
    file_type: str | None
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_file_url(item: HappyItem, context) -> str | None:
        if not item.has_file:
            return None
        return context["request"].build_absolute_uri(reverse("api:happy_item_file", args=[item.pk]))

    @staticmethod
    def resolve_thumbnail_url(item: HappyItem, context) -> str | None:
        if not item.has_thumbnail:
            return None
        return context["request"].build_absolute_uri(
            reverse("api:happy_item_thumbnail", args=[item.pk])
        )

    @staticmethod
    def resolve_file_type(item: HappyItem) -> str | None:
        return item.file_type or None


@router.get("/happy-items", response=list[HappyItemOut])
@bounded_list
def list_happy_items(request):
    return owned(HappyItem, request.auth)


@router.post("/happy-items", response={201: HappyItemOut})
def create_happy_item(request, payload: HappyItemIn):
    item = HappyItem(owner=request.auth, **payload.dict())
    return Status(201, validate_and_save(item))


@router.get("/happy-items/random", response={200: HappyItemOut, 404: NotFound})
def random_happy_item(request):
    """One of the user's items at random; 404 while the box is empty."""
    item = draw_item(request.auth)
    if item is None:
        raise Http404("The happy box is empty.")
    return item


@router.get("/happy-items/{item_id}", response=HappyItemOut)
def get_happy_item(request, item_id: int):
    return get_owned_or_404(HappyItem, request.auth, pk=item_id)


@router.patch("/happy-items/{item_id}", response=HappyItemOut)
def update_happy_item(request, item_id: int, payload: HappyItemPatch):
    item = get_owned_or_404(HappyItem, request.auth, pk=item_id)
    apply_changes(item, payload.dict(exclude_unset=True), required=("kind", "title", "happened_on"))
    return validate_and_save(item)


@router.delete("/happy-items/{item_id}", response={204: None})
def delete_happy_item(request, item_id: int):
    get_owned_or_404(HappyItem, request.auth, pk=item_id).delete()
    return Status(204, None)


@router.post("/happy-items/{item_id}/file", response={200: HappyItemOut})
def upload_happy_item_file(request, item_id: int, file: File[UploadedFile | None] = None):
    """Attach a PNG, JPEG, WebP, GIF or PDF (field ``file``), replacing any earlier one.

    413 if it is too large, 415 if its content is not one of those kinds.
    """
    item = get_owned_or_404(HappyItem, request.auth, pk=item_id)
    # Whose record comes first: someone else's is 404 whatever was sent.
    return attach_or_refuse(item, file) or item


@router.get("/happy-items/{item_id}/file", url_name="happy_item_file")
def download_happy_item_file(request, item_id: int):
    return file_response(get_owned_or_404(HappyItem, request.auth, pk=item_id))


@router.get("/happy-items/{item_id}/thumbnail", url_name="happy_item_thumbnail")
def download_happy_item_thumbnail(request, item_id: int):
    item = get_owned_or_404(HappyItem, request.auth, pk=item_id)
    return file_response(item, thumbnail=True)


@router.delete("/happy-items/{item_id}/file", response={204: None})
def delete_happy_item_file(request, item_id: int):
    item = get_owned_or_404(HappyItem, request.auth, pk=item_id)
    save_with_file(item, remove=True)
    return Status(204, None)
