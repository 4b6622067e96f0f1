"""Forms of setting up a speed recruitment: its stage, its settings, companies and offers, and
the company's own decisions.

They parse what was typed: periods are typed one per line ("12:30-14:00") and become
`{"start", "end"}` windows; the closing time of applications is a local time of the event
and becomes UTC. The services check the values (inside the day, no overlap, limits) and name
the field of each refusal, which the views show at that field; the forms' fields are named
as the services name theirs.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from cocade.core.errors import interpolate
from cocade.recruitment.enums import Contract, Phase
from cocade.recruitment.models import Company, Offer, RecruitmentDay
from cocade.recruitment.services.companies import (
    COMPANY_FIELDS,
    DECISIONS,
    MAX_POSITIONS,
    MAX_TABLES,
    OFFER_FIELDS,
)
from cocade.recruitment.services.setup import LIMITS, SETTINGS_FIELDS, windows_text

#: "9:00-12:30", "09:00 – 12:30": two times and a dash between them.
WINDOW_LINE = re.compile(r"^(\d{1,2}):(\d{2})\s*[-–—]\s*(\d{1,2}):(\d{2})$")
MAX_WINDOWS = 20


def parse_window_lines(text: str) -> list[dict[str, str]]:
    """The periods typed one per line, as windows; empty lines are skipped. The times are
    written HH:MM; the services check the rest."""
    windows = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        match = WINDOW_LINE.match(line)
        if match is None:
            raise ValidationError(
                interpolate(
                    _('Line %(number)d: write a period as two times, such as "12:30-14:00".'),
                    {"number": number},
                ),
                code="invalid",
            )
        hours = (int(match.group(1)), int(match.group(3)))
        minutes = (int(match.group(2)), int(match.group(4)))
        if max(hours) > 23 or max(minutes) > 59:
            raise ValidationError(
                interpolate(_("Line %(number)d: this time does not exist."), {"number": number}),
                code="invalid",
            )
        windows.append(
            {
                "start": f"{hours[0]:02d}:{minutes[0]:02d}",
                "end": f"{hours[1]:02d}:{minutes[1]:02d}",
            }
        )
    if len(windows) > MAX_WINDOWS:
        raise ValidationError(
            interpolate(_("Give at most %(max)d periods."), {"max": MAX_WINDOWS}), code="invalid"
        )
    return windows


class WindowsField(forms.CharField):
    """Periods of the day, typed one per line; the value is a list of windows."""

    widget = forms.Textarea(attrs={"rows": 3, "class": "recruitment-lines"})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 1000)
        kwargs.setdefault("strip", False)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return windows_text(value)
        return value

    def clean(self, value: Any) -> list[dict[str, str]]:
        text = super().clean(value)
        return parse_window_lines(text or "")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self) -> None:
        super().__init__(format="%H:%M")


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M")


def _number(label: Any, name: str, help_text: Any = "") -> forms.IntegerField:
    lowest, highest = LIMITS[name]
    return forms.IntegerField(label=label, min_value=lowest, max_value=highest, help_text=help_text)


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(choices=Phase.choices)


class SettingsForm(forms.Form):
    """Every setting of a speed recruitment; times are local times of the event, and a hidden
    `lock_version` says which version the organiser started from."""

    slot_minutes = _number(_("Length of an interview (minutes)"), "slot_minutes")
    day_start = forms.TimeField(label=_("First interview at"), widget=TimeInput())
    day_end = forms.TimeField(label=_("Last interview ends at"), widget=TimeInput())
    breaks = WindowsField(
        label=_("Breaks"),
        help_text=_('One per line, such as "12:30-14:00". No interview is planned then.'),
    )
    min_gap_slots = _number(
        _("Free slots between two interviews of a candidate"),
        "min_gap_slots",
        _("0: a candidate may have interviews one after the other."),
    )
    max_interviews = _number(_("Most interviews per candidate"), "max_interviews")
    max_applications = _number(_("Most companies a candidate may choose"), "max_applications")
    applications_close_at = forms.DateTimeField(
        label=_("Applications close"),
        required=False,
        widget=LocalDateTimeInput(),
        help_text=_("Local time of the event. Empty: when the pre-selection starts."),
    )
    cv_required = forms.BooleanField(label=_("Candidates must send a CV"), required=False)
    seed = _number(
        _("Seed of the scheduler"),
        "seed",
        _("The same seed and the same data give the same schedule."),
    )
    time_limit = _number(_("Longest computation of the schedule (seconds)"), "time_limit")
    lock_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, day: RecruitmentDay, **kwargs: Any) -> None:
        self.day = day
        if "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(day)
        super().__init__(*args, **kwargs)
        self.fields["applications_close_at"].help_text = interpolate(
            _("Local time of the event (%(zone)s). Empty: when the pre-selection starts."),
            {"zone": day.event.timezone},
        )

    @staticmethod
    def initial_for(day: RecruitmentDay) -> dict[str, Any]:
        initial = {name: getattr(day, name) for name in SETTINGS_FIELDS}
        closes_at = day.applications_close_at
        # Naive local time: the widget shows it as it is, whatever the active zone.
        initial["applications_close_at"] = (
            closes_at.astimezone(day.event.zone).replace(tzinfo=None) if closes_at else None
        )
        initial["lock_version"] = day.lock_version
        return initial

    def full_clean(self) -> None:
        # A typed date and time is read in the event's zone (a time the clocks skip is refused).
        with timezone.override(self.day.event.zone):
            super().full_clean()

    def data_for_service(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in SETTINGS_FIELDS}

    def started_from(self) -> int:
        return self.cleaned_data.get("lock_version") or 0


class CompanyForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    sector = forms.CharField(label=_("Sector"), max_length=120, required=False)
    description = forms.CharField(
        label=_("Presentation"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    contact_name = forms.CharField(label=_("Contact person"), max_length=150, required=False)
    contact_email = forms.EmailField(
        label=_("Contact email"), help_text=_("The company's link is sent to this address.")
    )
    language = forms.ChoiceField(label=_("Language of the emails"), choices=settings.LANGUAGES)
    tables = forms.IntegerField(label=_("Tables"), min_value=1, max_value=MAX_TABLES, initial=1)
    windows = WindowsField(
        label=_("Available"),
        help_text=_('Empty: the whole day. Else one period per line, such as "09:00-12:30".'),
    )

    def __init__(
        self, *args: Any, company: Company | None = None, language: str = "", **kwargs: Any
    ) -> None:
        """`language`: the one offered for a new company (the event's own language)."""
        if company is not None and "initial" not in kwargs:
            kwargs["initial"] = {name: getattr(company, name) for name in COMPANY_FIELDS}
        super().__init__(*args, **kwargs)
        if company is None:
            self.fields["language"].initial = language or settings.LANGUAGE_CODE

    def data_for_service(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in COMPANY_FIELDS}


class OfferForm(forms.Form):
    title = forms.CharField(label=_("Job title"), max_length=200)
    contract = forms.ChoiceField(label=_("Contract"), choices=Contract.choices)
    positions = forms.IntegerField(
        label=_("Positions"), min_value=1, max_value=MAX_POSITIONS, initial=1
    )
    location = forms.CharField(label=_("Place of work"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args: Any, offer: Offer | None = None, **kwargs: Any) -> None:
        if offer is not None and "initial" not in kwargs:
            kwargs["initial"] = {name: getattr(offer, name) for name in OFFER_FIELDS}
        super().__init__(*args, **kwargs)

    def data_for_service(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in OFFER_FIELDS}


class SendLinkForm(forms.Form):
    """The send button carries when the organiser saw the link last sent (empty: never)."""

    last_sent = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_last_sent(self) -> datetime | None:
        text = (self.cleaned_data.get("last_sent") or "").strip()
        if not text:
            return None
        try:
            moment = parse_datetime(text)
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise ValidationError(_("Reload the page and try again."), code="invalid")
        return moment


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[(value, value) for value in DECISIONS],
        error_messages={"required": _("Choose to shortlist the candidate or not.")},
    )


class ExportForm(forms.Form):
    """Which table (companies or offers) in which format; both have defaults."""

    table = forms.ChoiceField(
        choices=[("companies", _("Companies")), ("offers", _("Offers"))], required=False
    )
    format = forms.ChoiceField(choices=[("csv", "CSV"), ("xlsx", "XLSX")], required=False)

    def choice(self) -> tuple[str, str]:
        return self.cleaned_data["table"] or "companies", self.cleaned_data["format"] or "csv"
