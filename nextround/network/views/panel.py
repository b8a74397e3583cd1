"""The panel on a connect_panel step: recording a connection with one member."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from nextround.core.access import get_owned_or_404
from nextround.network.connections import set_connection
from nextround.network.models import ConnectionState, Network
from nextround.network.panel import panel_members
from nextround.playbook.models import Action, ActionKind


@login_required
@require_POST
def panel_connection(request, action_id: int, contact_id: int):
    """Record following, requesting or connecting with a panel member on one network."""
    action = get_owned_or_404(
        Action.objects.select_related("application"), request.user, pk=action_id
    )
    panel = (
        panel_members(action.application)
        if action.kind == ActionKind.CONNECT_PANEL and action.application
        else []
    )
    member = next((each for each in panel if each.pk == contact_id), None)
    if member is None:
        raise Http404("Not on this panel")
    network, state = request.POST.get("network", ""), request.POST.get("state", "")
    try:
        set_connection(member.person, network, state)
    except ValidationError:
        messages.error(request, "Choose a network and how you are connected.")
        return redirect(action)
    messages.success(
        request,
        f"{member.person.name}: {Network(network).label}, {ConnectionState(state).label.lower()}.",
    )
    return redirect(action)
