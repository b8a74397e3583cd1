"""The small forms of the vacancy watch and of "Add from a link"."""

from __future__ import annotations

from django import forms

from nextround.jobs.models import Organisation


class AdvertForm(forms.Form):
    """A job advert's address, or its text pasted in."""

    advert = forms.CharField(
        label="The advert's address, or its text",
        max_length=200_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Paste the link to the job advert, or the page's source if the site needs a login.",
    )

    def clean_advert(self) -> str:
        advert = self.cleaned_data["advert"].strip()
        if "\x00" in advert:
            raise forms.ValidationError("Text cannot contain NUL characters.")
        return advert


class WatchForm(forms.ModelForm):
    """An organisation's vacancies address: its jobs page or jobs feed."""

    class Meta:
        model = Organisation
        fields = ["vacancies_url"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vacancies_url"].required = True
