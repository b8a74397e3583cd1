"""The contact form: one field per network for links and connection states."""

from __future__ import annotations

from django import forms

from nextround.core.access import owned
from nextround.jobs.models import Organisation
from nextround.network.models import ConnectionState, Contact, Network


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["name", "role", "organisation", "email", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = owned(Organisation, user)
        links = self.instance.links or {}
        connections = self.instance.connections or {}
        for network in Network:
            self.fields[f"link_{network.value}"] = forms.URLField(
                label=f"{network.label} profile",
                required=False,
                max_length=500,
                initial=links.get(network.value, ""),
                assume_scheme="https",
            )
            self.fields[f"connection_{network.value}"] = forms.ChoiceField(
                label=f"{network.label} connection",
                choices=ConnectionState.choices,
                initial=connections.get(network.value, ConnectionState.NONE),
                required=False,
            )

    def network_fields(self):
        """Pairs of (link, connection) bound fields, one pair per network, for the template."""
        return [(self[f"link_{n.value}"], self[f"connection_{n.value}"]) for n in Network]

    def basic_fields(self):
        return [self[name] for name in self.Meta.fields]

    def clean(self):
        cleaned = super().clean()
        links, connections = {}, {}
        for network in Network:
            url = cleaned.get(f"link_{network.value}")
            if url:
                links[network.value] = url
            state = cleaned.get(f"connection_{network.value}") or ConnectionState.NONE
            if state != ConnectionState.NONE:
                connections[network.value] = state
        self.instance.links = links
        self.instance.connections = connections
        return cleaned
