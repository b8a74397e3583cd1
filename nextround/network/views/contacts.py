"""Contacts: panel members and anyone met along the way."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render

from nextround.core.access import get_owned_or_404, owned
from nextround.network.forms import (
    ConnectionNoteForm,
    ContactFilterForm,
    ContactForm,
    InteractionForm,
)
from nextround.network.models import REACHED_OUT, ConnectionState, Contact, Network


def filter_contacts(queryset, filters: dict):
    """Narrow contacts by the list page's search and filters (already cleaned)."""
    if q := filters.get("q"):
        queryset = queryset.filter(
            Q(name__icontains=q)
            | Q(role__icontains=q)
            | Q(email__icontains=q)
            | Q(organisation__name__icontains=q)
            | Q(notes__icontains=q)
        )
    if organisation := filters.get("organisation"):
        queryset = queryset.filter(organisation=organisation)
    networks = [filters["network"]] if filters.get("network") else Network.values
    state = filters.get("state")
    if state == ConnectionState.NONE:
        # Nothing done yet on the network(s) asked about.
        for network in networks:
            # has_key first: a missing key compares as NULL, and NOT NULL keeps nothing.
            queryset = queryset.exclude(
                Q(connections__has_key=network) & Q(**{f"connections__{network}__in": REACHED_OUT})
            )
    elif state:
        any_network = Q()
        for network in networks:
            any_network |= Q(**{f"connections__{network}": state})
        queryset = queryset.filter(any_network)
    elif filters.get("network"):
        queryset = queryset.filter(connections__has_key=filters["network"])
    if filters.get("panel"):
        queryset = queryset.filter(interviews__isnull=False).distinct()
    return queryset


@login_required
def contact_list(request):
    form = ContactFilterForm(request.GET or None, user=request.user)
    contacts = owned(Contact, request.user).select_related("organisation").with_last_contact()
    if form.is_valid():
        contacts = filter_contacts(contacts, form.cleaned_data)
    filtered = form.is_bound and form.has_changed()
    return render(
        request,
        "network/contact_list.html",
        {"contacts": contacts, "form": form, "filtered": filtered},
    )


def network_rows(contact: Contact, note_forms: dict | None = None) -> list[dict]:
    """One row per network for the contact page: profile, state and the note to send."""
    links = contact.links or {}
    notes = contact.connection_notes or {}
    rows = []
    for network in Network:
        note = notes.get(network.value, "")
        form = (note_forms or {}).get(network.value) or ConnectionNoteForm(
            initial={"note": note},
            prefix=network.value,
        )
        state = contact.state_on(network.value)
        rows.append(
            {
                "network": network.value,
                "label": network.label,
                "url": links.get(network.value, ""),
                "state": state,
                "state_label": ConnectionState(state).label,
                "note": note,
                "note_form": form,
                "note_length": len(form["note"].value() or ""),
            }
        )
    return rows


def detail_context(request, contact: Contact, **overrides) -> dict:
    """Everything the contact page shows; forms with errors are passed in ``overrides``."""
    interviews = contact.interviews.select_related("application__organisation").order_by(
        "-starts_at"
    )
    context = {
        "contact": contact,
        "interviews": interviews,
        "interactions": contact.interactions.all(),
        "interaction_form": InteractionForm(prefix="interaction"),
        "networks": network_rows(contact, overrides.pop("note_forms", None)),
        "states": ConnectionState.choices,
    }
    context.update(overrides)
    return context


def get_contact(request, contact_id: int) -> Contact:
    """The user's contact with its organisation, or 404."""
    return get_owned_or_404(
        Contact.objects.select_related("organisation").with_last_contact(),
        request.user,
        pk=contact_id,
    )


@login_required
def contact_detail(request, contact_id: int):
    contact = get_contact(request, contact_id)
    return render(request, "network/contact_detail.html", detail_context(request, contact))


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
            "consequence": "They are taken off every panel they sat on, with their "
            "interactions log. This cannot be undone.",
            "cancel_url": contact.get_absolute_url(),
        },
    )
