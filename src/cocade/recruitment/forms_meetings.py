"""The organisers' form of a speed meeting: groups and tables one name per line, the rounds,
the time of the first one and the pairs that must not meet. It parses;
`services.meetings.update_meeting` decides."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cocade.core.errors import interpolate
from cocade.recruitment.models import SpeedMeeting
from cocade.recruitment.services.meetings import (
    MAX_NAME_LENGTH,
    MAX_NAMES,
    MAX_ROUND_MINUTES,
    MAX_ROUNDS,
    MIN_ROUND_MINUTES,
    MIN_ROUNDS,
    PAIR_SEPARATOR,
    meeting_version,
)

#: Longest text of a list of names: every name at its longest, on its own line.
MAX_LIST_LENGTH = MAX_NAMES * (MAX_NAME_LENGTH + 2)


def lines(text: str) -> list[str]:
    """The non-empty lines of `text`, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class MeetingForm(forms.Form):
    groups = forms.CharField(
        label=_("Groups"),
        max_length=MAX_LIST_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One name per line: a class of apprentices, a group of visitors."),
    )
    tables = forms.CharField(
        label=_("Tables"),
        max_length=MAX_LIST_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One name per line: a speaker, a trade, a company."),
    )
    round_minutes = forms.IntegerField(
        label=_("Minutes per round"),
        widget=forms.NumberInput(attrs={"min": MIN_ROUND_MINUTES, "max": MAX_ROUND_MINUTES}),
    )
    rounds = forms.IntegerField(
        label=_("Rounds"),
        widget=forms.NumberInput(attrs={"min": MIN_ROUNDS, "max": MAX_ROUNDS}),
        help_text=_("With as many rounds as tables, every group can meet every table."),
    )
    starts_at = forms.TimeField(
        label=_("First round starts at"),
        input_formats=["%H:%M", "%H:%M:%S"],
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    unavailable = forms.CharField(
        label=_("Pairs that must not meet"),
        required=False,
        max_length=MAX_LIST_LENGTH * 4,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Optional. One pair per line, a group then a table, as “CAP Cuisine / Soudeur”: "
            "that group is never seated at that table."
        ),
    )
    version = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args: Any, meeting: SpeedMeeting, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "groups": "\n".join(meeting.groups),
                "tables": "\n".join(meeting.tables),
                "round_minutes": meeting.round_minutes,
                "rounds": meeting.rounds,
                "starts_at": meeting.starts_at,
                "unavailable": "\n".join(f"{g}{PAIR_SEPARATOR}{t}" for g, t in meeting.unavailable),
                "version": meeting_version(meeting),
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["starts_at"].help_text = interpolate(
            _("Local time of the event (%(zone)s), on its first day."),
            {"zone": meeting.event.timezone},
        )

    def clean_groups(self) -> list[str]:
        return lines(self.cleaned_data["groups"])

    def clean_tables(self) -> list[str]:
        return lines(self.cleaned_data["tables"])

    def changes(self) -> dict[str, Any]:
        """The service's arguments; call after is_valid()."""
        data = self.cleaned_data
        return {
            "groups": data["groups"],
            "tables": data["tables"],
            "round_minutes": data["round_minutes"],
            "rounds": data["rounds"],
            "starts_at": data["starts_at"],
            "unavailable": lines(data["unavailable"]),
            "lock_version": data["version"] or None,
        }
