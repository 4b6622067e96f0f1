"""Forms of the organisers' registrant pages: the list's filters, the row actions and a
mailing. They parse; the services decide."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cocade.agenda.enums import HalfDay, MailingAudience, RegistrationStatus
from cocade.core.errors import interpolate

ANY = ""
ATTENDED_CHOICES = (
    (ANY, _("Any")),
    ("yes", _("Came (at least one half-day)")),
    ("no", _("Did not come")),
)
#: Orderings of the list: the first is the default.
ORDERINGS = {
    "registered": (("created_at", "pk"), _("First registered first")),
    "-registered": (("-created_at", "-pk"), _("Last registered first")),
    "name": (("name", "pk"), _("Name, A to Z")),
    "-name": (("-name", "-pk"), _("Name, Z to A")),
    "status": (("status", "created_at", "pk"), _("Status")),
}
DEFAULT_ORDER = "registered"
#: The filter keys kept in the list's address (and carried back after an action).
FILTER_KEYS = ("status", "attended", "q", "order", "page")


class RegistrantFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name or email contains"),
        required=False,
        max_length=100,
        strip=True,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=((ANY, _("Any status")), *RegistrationStatus.choices),
    )
    attended = forms.ChoiceField(label=_("Attendance"), required=False, choices=ATTENDED_CHOICES)
    order = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[(key, label) for key, (_fields, label) in ORDERINGS.items()],
    )

    def filters(self) -> dict[str, str]:
        """The valid filters (empty ones left out); call after is_valid()."""
        data = getattr(self, "cleaned_data", {})
        values = {key: data.get(key) or "" for key in ("q", "status", "attended", "order")}
        if values["order"] == DEFAULT_ORDER:
            values["order"] = ""
        return {key: value for key, value in values.items() if value}


ACTIONS = ("approve", "decline", "cancel")


class RegistrantActionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[(action, action) for action in ACTIONS],
        error_messages={"invalid_choice": _("This action is not known.")},
    )
    back = forms.CharField(required=False, max_length=500)


class AttendanceForm(forms.Form):
    day = forms.DateField(input_formats=["%Y-%m-%d"])
    half = forms.ChoiceField(choices=HalfDay.choices)
    present = forms.TypedChoiceField(choices=(("1", "1"), ("0", "0")), coerce=lambda v: v == "1")
    back = forms.CharField(required=False, max_length=500)


def audience_label(audience: str, size: int, started: bool) -> str:
    label = MailingAudience(audience).label
    if audience == MailingAudience.NO_SHOWS and not started:
        return str(
            interpolate(_("%(audience)s: known once the event has started"), {"audience": label})
        )
    people = ngettext("%(count)d person", "%(count)d people", size) % {"count": size}
    return f"{label} ({people})"


class MailingForm(forms.Form):
    audience = forms.ChoiceField(
        label=_("To"), choices=MailingAudience.choices, widget=forms.RadioSelect
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Plain text, sent as written. Each person's email begins with a greeting in their "
            "language and ends with the link to their registration page."
        ),
    )

    def __init__(self, *args: Any, sizes: dict[str, int], started: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        audience = cast(forms.ChoiceField, self.fields["audience"])
        audience.choices = [
            (value, audience_label(value, sizes.get(value, 0), started))
            for value in MailingAudience.values
        ]
        if not self.is_bound:
            self.initial.setdefault("audience", MailingAudience.ALL)
