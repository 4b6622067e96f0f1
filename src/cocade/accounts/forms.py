from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DateInput(forms.DateInput):
    """A native date picker; the value is sent as YYYY-MM-DD."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, for example “monthly indicators export”."),
    )
    expires_at = forms.DateField(
        label=_("Expiry date"),
        required=False,
        widget=DateInput(),
        help_text=_("Optional. The token stops working at the end of this day."),
    )

    def expiry(self) -> datetime.datetime | None:
        """The end of the chosen day (midnight after it) in the site's time zone."""
        day = self.cleaned_data.get("expires_at")
        if day is None:
            return None
        return datetime.datetime.combine(
            day + datetime.timedelta(days=1),
            datetime.time.min,
            tzinfo=timezone.get_current_timezone(),
        )
