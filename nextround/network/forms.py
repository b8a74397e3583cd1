"""Contact forms: the contact itself, its interactions, connections, notes and vCard files."""

from __future__ import annotations

from django import forms

from nextround.core.access import owned
from nextround.core.dates import PlausibleDatesForm
from nextround.jobs.models import Organisation
from nextround.network.models import (
    CONNECTION_NOTE_LIMIT,
    ConnectionState,
    Contact,
    Interaction,
    Network,
)

VCARD_UPLOAD_LIMIT = 2 * 1024 * 1024


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["name", "role", "organisation", "email", "notes", "keep_in_touch_days"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}
        labels = {"keep_in_touch_days": "Keep in touch every (days)"}
        help_texts = {
            "keep_in_touch_days": "For example 90 for every three months. Each time you log "
            "an interaction, the next follow-up is set this many days on."
        }

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


class InteractionForm(PlausibleDatesForm, forms.ModelForm):
    class Meta:
        model = Interaction
        fields = ["happened_on", "channel", "note"]
        labels = {"happened_on": "Date", "channel": "How", "note": "What about"}
        widgets = {
            "happened_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 2}),
        }


class FollowUpForm(PlausibleDatesForm, forms.Form):
    """The next follow-up, set by hand."""

    due_on = forms.DateField(
        label="Follow up on",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class ConnectionForm(forms.Form):
    """A quick change of connection state on one network."""

    network = forms.ChoiceField(choices=Network.choices)
    state = forms.ChoiceField(choices=ConnectionState.choices)


class ConnectionNoteForm(forms.Form):
    """The note sent with a connection request: one per contact, whatever the network.

    Several can share a page (the panel step): give each its own ``auto_id``.
    """

    note = forms.CharField(
        label="Your note",
        max_length=CONNECTION_NOTE_LIMIT,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": CONNECTION_NOTE_LIMIT}),
        error_messages={
            "max_length": "Keep the note to %(limit_value)d characters "
            "(it has %(show_value)d): LinkedIn refuses longer ones.",
            "required": "Write a few words for the note.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].widget.attrs.update(
            {
                "data-draft-part": "body",
                "data-count": self.count_id,
                "aria-describedby": self.count_id,
            }
        )

    @property
    def count_id(self) -> str:
        """The id of the live character count under the note."""
        return f"{self['note'].auto_id}_count"

    @property
    def length(self) -> int:
        return len(self["note"].value() or "")

    @property
    def limit(self) -> int:
        return CONNECTION_NOTE_LIMIT


class ContactFilterForm(forms.Form):
    """Search and filters on the contacts list; every field optional."""

    q = forms.CharField(label="Search", required=False, max_length=200)
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="Any organisation",
    )
    network = forms.ChoiceField(
        label="Network", choices=[("", "Any network"), *Network.choices], required=False
    )
    state = forms.ChoiceField(
        label="Connection",
        choices=[("", "Any"), *ConnectionState.choices],
        required=False,
    )
    panel = forms.BooleanField(label="Met at an interview", required=False)
    due = forms.BooleanField(label="Follow-up due", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = owned(Organisation, user)


class VCardUploadForm(forms.Form):
    file = forms.FileField(
        label="vCard file (.vcf)",
        help_text="Exported from your phone, Google Contacts, Outlook or Apple Contacts.",
        widget=forms.ClearableFileInput(attrs={"accept": ".vcf,.vcard,text/vcard,text/x-vcard"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > VCARD_UPLOAD_LIMIT:
            raise forms.ValidationError("This file is larger than 2 MB; split it and try again.")
        return upload
