"""The contact page's quick edits: the interactions log, connection states and notes.

Each answers htmx with the fragment it changed and plain browsers with a
redirect back to the contact, so the page works without JavaScript.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from nextround.core.access import get_owned_or_404
from nextround.core.htmx import render_page_or_fragment
from nextround.core.mailto import MailtoRedirect, mailto_link
from nextround.network.connections import set_connection, set_connection_note
from nextround.network.drafts import NOTE_SUBJECT
from nextround.network.followups import set_follow_up
from nextround.network.forms import (
    ConnectionForm,
    ConnectionNoteForm,
    FollowUpForm,
    InteractionForm,
)
from nextround.network.interactions import delete_interaction, log_interaction
from nextround.network.models import ConnectionState, Interaction, Network
from nextround.network.views.contacts import detail_context, get_contact


def _back_to(contact, anchor: str):
    return redirect(f"{contact.get_absolute_url()}#{anchor}")


def _render_section(request, contact, fragment: str, anchor: str, **overrides):
    """The changed section for htmx, the whole page when a plain form had errors."""
    if not request.htmx and not overrides:
        return _back_to(contact, anchor)
    if request.htmx:
        # Re-read so derived facts (last contact, next follow-up) are fresh.
        contact = get_contact(request, contact.pk)
    return render_page_or_fragment(
        request,
        "network/contact_detail.html",
        fragment,
        detail_context(request, contact, **overrides),
    )


@login_required
@require_POST
def interaction_add(request, contact_id: int):
    contact = get_contact(request, contact_id)
    form = InteractionForm(request.POST, prefix="interaction")
    if not form.is_valid():
        return _render_section(
            request,
            contact,
            "network/_keeping_in_touch.html",
            "keeping-in-touch",
            interaction_form=form,
        )
    log_interaction(contact, **form.cleaned_data)
    if not request.htmx:
        messages.success(request, "Interaction logged.")
    return _render_section(request, contact, "network/_keeping_in_touch.html", "keeping-in-touch")


@login_required
def interaction_delete(request, contact_id: int, interaction_id: int):
    contact = get_contact(request, contact_id)
    interaction = get_owned_or_404(
        Interaction.objects.filter(contact=contact), request.user, pk=interaction_id
    )
    if request.method != "POST":
        return render(
            request,
            "core/confirm_delete.html",
            {
                "object": interaction,
                "consequence": "It is taken out of the log.",
                "cancel_url": contact.get_absolute_url(),
            },
        )
    delete_interaction(interaction)
    if not request.htmx:
        messages.success(request, "Interaction deleted.")
    return _render_section(request, contact, "network/_keeping_in_touch.html", "keeping-in-touch")


@login_required
@require_POST
def follow_up_set(request, contact_id: int):
    """Set the next follow-up by hand, or take it off the agenda with ``clear``."""
    contact = get_contact(request, contact_id)
    if "clear" in request.POST:
        set_follow_up(contact, None)
        if not request.htmx:
            messages.success(request, "Follow-up taken off your agenda.")
        return _render_section(
            request, contact, "network/_keeping_in_touch.html", "keeping-in-touch"
        )
    form = FollowUpForm(request.POST, prefix="follow_up")
    if not form.is_valid():
        return _render_section(
            request,
            contact,
            "network/_keeping_in_touch.html",
            "keeping-in-touch",
            follow_up_form=form,
        )
    set_follow_up(contact, form.cleaned_data["due_on"])
    if not request.htmx:
        messages.success(request, "Follow-up on your agenda.")
    return _render_section(request, contact, "network/_keeping_in_touch.html", "keeping-in-touch")


@login_required
@require_POST
def connection_set(request, contact_id: int):
    contact = get_contact(request, contact_id)
    form = ConnectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a network and a connection state.")
        return _back_to(contact, "connections")
    set_connection(contact, form.cleaned_data["network"], form.cleaned_data["state"])
    if not request.htmx:
        network = Network(form.cleaned_data["network"]).label
        state = ConnectionState(form.cleaned_data["state"]).label.lower()
        messages.success(request, f"{network}: {state}.")
    return _render_section(request, contact, "network/_connections.html", "connections")


@login_required
@require_POST
def connection_note_save(request, contact_id: int):
    """Keep the contact's one note; from the panel step, go back there."""
    contact = get_contact(request, contact_id)
    form = ConnectionNoteForm(request.POST)
    if not form.is_valid():
        return _render_section(
            request, contact, "network/_connection_note.html", "connection-note", note_form=form
        )
    set_connection_note(contact, form.cleaned_data["note"])
    if request.htmx:
        # Kept in the background as the send link is followed: nothing to show.
        return HttpResponse(status=204)
    if "send" in request.POST and contact.email:
        # Without JavaScript the one send button keeps the note, then opens it.
        return MailtoRedirect(mailto_link(contact.email, NOTE_SUBJECT, form.cleaned_data["note"]))
    messages.success(request, "Note saved.")
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(back)
    return _back_to(contact, "connection-note")
