"""Contacts out as vCard files, and in from them with a preview first."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import ngettext

from nextround.core.access import owned
from nextround.network.followups import with_next_follow_up
from nextround.network.forms import ContactFilterForm, VCardUploadForm
from nextround.network.importing import RowStatus, apply_import, plan_import
from nextround.network.models import Contact
from nextround.network.vcard import (
    VCARD_CONTENT_TYPE,
    NotAVCard,
    contacts_to_vcard,
    decode_upload,
)
from nextround.network.views.contacts import filter_contacts, get_contact


def _vcard_response(body: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=VCARD_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def contact_vcard(request, contact_id: int):
    contact = get_contact(request, contact_id)
    return _vcard_response(
        contacts_to_vcard([contact]), f"{slugify(contact.name) or 'contact'}.vcf"
    )


@login_required
def contacts_vcard(request):
    """All contacts, or those the list's search and filters show."""
    contacts = with_next_follow_up(owned(Contact, request.user).select_related("organisation"))
    form = ContactFilterForm(request.GET or None, user=request.user)
    if form.is_valid():
        contacts = filter_contacts(contacts, form.cleaned_data)
    return _vcard_response(contacts_to_vcard(contacts), "contacts.vcf")


@login_required
def contacts_import(request):
    """Upload, preview, confirm. Nothing is saved until the person confirms a clean file."""
    form = VCardUploadForm()
    if request.method == "POST" and "vcard" in request.POST:
        return _confirm(request, request.POST["vcard"])
    if request.method == "POST":
        form = VCardUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                text = decode_upload(form.cleaned_data["file"].read())
                plan = plan_import(request.user, text)
            except NotAVCard as fault:
                form.add_error("file", str(fault))
            else:
                return _preview(request, plan, text)
    return render(request, "network/contact_import.html", {"form": form})


def _preview(request, plan, text: str):
    return render(
        request,
        "network/contact_import_preview.html",
        {
            "plan": plan,
            "vcard": text,
            "statuses": RowStatus,
            "new_count": plan.count(RowStatus.NEW),
            "duplicate_count": plan.count(RowStatus.DUPLICATE),
        },
    )


def _confirm(request, text: str):
    try:
        plan = plan_import(request.user, text)
    except NotAVCard as fault:
        messages.error(request, f"Nothing was imported. {fault}")
        return redirect("network:contacts_import")
    if plan.has_errors:
        messages.error(
            request, "Nothing was imported: the file has errors. Fix them and try again."
        )
        return _preview(request, plan, text)
    keep = {int(n) for n in request.POST.getlist("include") if n.isdigit()}
    created = apply_import(request.user, plan, include_duplicates=keep)
    skipped = len(plan.rows) - len(created)
    summary = ngettext(
        "Imported %(count)d contact", "Imported %(count)d contacts", len(created)
    ) % {"count": len(created)}
    if skipped:
        summary += f", skipped {skipped} already in your contacts"
    messages.success(request, summary + ".")
    return redirect("network:contacts")
