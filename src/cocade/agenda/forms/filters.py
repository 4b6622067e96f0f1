"""The filters of the public agenda: centre, country, type, dates and past events.

Every value is checked against what exists, so that a hand-made address gets a form error
at the field (never a 500); the page then lists events with the valid filters only.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cocade.agenda.enums import EventKind

#: Dates further away than this are refused (they would only make empty or unbounded pages).
MIN_YEAR, MAX_YEAR = 1900, 2200


class EventFilterForm(forms.Form):
    centre = forms.ChoiceField(label=_("Centre"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(label=_("Type of event"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    past = forms.BooleanField(label=_("Past events"), required=False)

    def __init__(self, data: Any = None, *, centres: Any = (), **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        centres = list(centres)
        by_name = sorted(centres, key=lambda centre: str(centre.name_i18n).casefold())
        codes = {str(centre.country) for centre in centres if centre.country}
        choices: dict[str, list[tuple[str, Any]]] = {
            "centre": [("", _("All centres"))]
            + [(centre.slug, str(centre.name_i18n)) for centre in by_name],
            "country": [("", _("All countries"))]
            + sorted(((code, str(countries.name(code))) for code in codes), key=lambda c: c[1]),
            "kind": [("", _("All types")), *EventKind.choices],
        }
        for name, options in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = options
        self._labels = {name: dict(options) for name, options in choices.items()}
        self.fields["date_from"].widget.attrs["aria-describedby"] = "agenda-dates-help"
        self.fields["date_to"].widget.attrs["aria-describedby"] = "agenda-dates-help"

    def _clean_date(self, name: str) -> Any:
        value = self.cleaned_data.get(name)
        if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
            raise forms.ValidationError(
                _("Choose a date between the years %(min)d and %(max)d."),
                code="out_of_range",
                params={"min": MIN_YEAR, "max": MAX_YEAR},
            )
        return value

    def clean_date_from(self) -> Any:
        return self._clean_date("date_from")

    def clean_date_to(self) -> Any:
        return self._clean_date("date_to")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return cleaned

    def choice_label(self, name: str, value: str) -> str:
        """The label of a value of one of the choice filters ("" when not among them)."""
        return str(self._labels[name].get(value, "")) if value else ""

    def valid_values(self) -> dict[str, Any]:
        """The filters that passed their checks (an invalid one is left out, and shown)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and value not in (None, "", False)
        }
