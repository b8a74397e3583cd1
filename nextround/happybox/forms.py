"""The form for a happy-box item, with its optional file."""

from __future__ import annotations

from django import forms

from nextround.core.dates import PlausibleDatesForm
from nextround.core.uploads import UploadField
from nextround.happybox.models import HappyItem


class HappyItemForm(PlausibleDatesForm, forms.ModelForm):
    file = UploadField(label="File")
    remove_file = forms.BooleanField(label="Remove the current file", required=False)

    class Meta:
        model = HappyItem
        fields = ["kind", "title", "happened_on", "text", "link"]
        widgets = {
            "happened_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "text": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["link"].assume_scheme = "https"
        if not self.instance.has_file:
            del self.fields["remove_file"]
