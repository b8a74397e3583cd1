"""Contacts: panel members and anyone met along the way."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from nextround.core.access import get_owned_or_404, owned
from nextround.network.forms import ContactForm
from nextround.network.models import Contact


@login_required
def contact_list(request):
    contacts = owned(Contact, request.user).select_related("organisation")
    return render(request, "network/contact_list.html", {"contacts": contacts})


@login_required
def contact_detail(request, contact_id: int):
    contact = get_owned_or_404(
        Contact.objects.select_related("organisation"), request.user, pk=contact_id
    )
    interviews = contact.interviews.select_related("application__organisation").order_by(
        "-starts_at"
    )
    return render(
        request, "network/contact_detail.html", {"contact": contact, "interviews": interviews}
    )


@login_required
def contact_create(request):
    form = ContactForm(request.POST or None, user=request.user)
    form.instance.owner = request.user
    if request.method == "POST" and form.is_valid():
        contact = form.save()
        messages.success(request, f"Added {contact.name}.")
        return redirect(contact)
    return render(request, "network/contact_form.html", {"form": form})


@login_required
def contact_edit(request, contact_id: int):
    contact = get_owned_or_404(Contact, request.user, pk=contact_id)
    form = ContactForm(request.POST or None, instance=contact, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect(contact)
    return render(request, "network/contact_form.html", {"form": form, "contact": contact})


@login_required
def contact_delete(request, contact_id: int):
    contact = get_owned_or_404(Contact, request.user, pk=contact_id)
    if request.method == "POST":
        contact.delete()
        messages.success(request, f"Deleted {contact.name}.")
        return redirect("network:contacts")
    return render(
        request,
        "core/confirm_delete.html",
        {
            "object": contact,
            "consequence": "They are taken off every panel they sat on. This cannot be undone.",
            "cancel_url": contact.get_absolute_url(),
        },
    )
