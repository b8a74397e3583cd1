"""Contacts: panel members and anyone met along the way."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone

from nextround.core.access import get_owned_or_404, owned
from nextround.core.mailto import mailto_link
from nextround.core.pages import page_of
from nextround.core.views import delete_after_confirming
from nextround.network.contacts import contact_saved
from nextround.network.drafts import NOTE_SUBJECT, note_for
from nextround.network.followups import next_follow_up, with_next_follow_up
from nextround.network.forms import (
    ConnectionNoteForm,
    ContactFilterForm,
    ContactForm,
    FollowUpForm,
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
    if filters.get("due"):
        queryset = queryset.filter(next_follow_up_on__lte=timezone.localdate())
    return queryset


@login_required
def contact_list(request):
    form = ContactFilterForm(request.GET or None, user=request.user)
    contacts = with_next_follow_up(
        owned(Contact, request.user).select_related("organisation").with_last_contact()
    )
    if form.is_valid():
        contacts = filter_contacts(contacts, form.cleaned_data)
    filtered = form.is_bound and form.has_changed()
    return render(
        request,
        "network/contact_list.html",
        {
            "contacts": page_of(request, contacts.order_by("name", "id")),
            "form": form,
            "filtered": filtered,
            "today": timezone.localdate(),
        },
    )


def network_rows(contact: Contact) -> list[dict]:
    """One row per network for the contact page: the profile and where the user stands."""
    links = contact.links or {}
    rows = []
    for network in Network:
        state = contact.state_on(network.value)
        rows.append(
            {
                "network": network.value,
                "label": network.label,
                "url": links.get(network.value, ""),
                "state": state,
                "state_label": ConnectionState(state).label,
            }
        )
    return rows


def detail_context(request, contact: Contact, **overrides) -> dict:
    """Everything the contact page shows; forms with errors are passed in ``overrides``."""
    interviews = list(
        contact.interviews.select_related("application__organisation").order_by("-starts_at")
    )
    follow_up = next_follow_up(contact)
    today = timezone.localdate()
    context = {
        "contact": contact,
        "interviews": interviews,
        "interactions": contact.interactions.all(),
        "interaction_form": InteractionForm(prefix="interaction", initial={"happened_on": today}),
        "follow_up": follow_up,
        "follow_up_form": FollowUpForm(
            prefix="follow_up", initial={"due_on": follow_up.due_on if follow_up else None}
        ),
        "networks": network_rows(contact),
        "states": ConnectionState.choices,
        "today": today,
    }
    # One note for every network, thanking them for the latest interview they sat on.
    note, is_draft = note_for(contact, interview=interviews[0] if interviews else None)
    context["note_form"] = ConnectionNoteForm(initial={"note": note})
    context["note_is_draft"] = is_draft
    context["note_subject"] = NOTE_SUBJECT
    context["note_mailto"] = mailto_link(contact.email, NOTE_SUBJECT, note) if contact.email else ""
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
        contact_saved(contact, form.changed_data)
        messages.success(request, f"Added {contact.name}.")
        return redirect(contact)
    return render(request, "network/contact_form.html", {"form": form})


@login_required
def contact_edit(request, contact_id: int):
    contact = get_owned_or_404(Contact, request.user, pk=contact_id)
    form = ContactForm(request.POST or None, instance=contact, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        contact_saved(contact, form.changed_data)
        messages.success(request, "Saved.")
        return redirect(contact)
    return render(request, "network/contact_form.html", {"form": form, "contact": contact})


@login_required
def contact_delete(request, contact_id: int):
    contact = get_owned_or_404(Contact, request.user, pk=contact_id)
    return delete_after_confirming(
        request,
        contact,
        then="network:contacts",
        done=f"Deleted {contact.name}.",
        consequence="They are taken off every panel they sat on, with their "
        "interactions log. This cannot be undone.",
    )
