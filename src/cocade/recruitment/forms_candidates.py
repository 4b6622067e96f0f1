"""The candidates' forms: the filters of the offers, the application, and the change of
choices. They only parse; `services.candidates` decides and its refusals are shown at their
field.

Each ranked choice is a select ("1st choice", "2nd choice"…) listing the companies, each
with its offers: the value "c<id>" chooses a company (any of its jobs), "o<id>" one of its
offers. Empty selects are skipped, so that a candidate may leave gaps.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cocade.core.errors import DomainError, apply_to_form, interpolate
from cocade.recruitment.enums import Contract
from cocade.recruitment.models import Company, RecruitmentDay
from cocade.recruitment.services.candidates import (
    PROFILE_MAX_LENGTH,
    Availability,
    availability_of,
    availability_windows,
)
from cocade.recruitment.services.retention import cv_retention_days

ORDINALS = (
    _("1st choice"),
    _("2nd choice"),
    _("3rd choice"),
    _("4th choice"),
    _("5th choice"),
    _("6th choice"),
    _("7th choice"),
    _("8th choice"),
    _("9th choice"),
    _("10th choice"),
)
KEEP = "keep"


def rank_label(rank: int) -> Any:
    if rank <= len(ORDINALS):
        return ORDINALS[rank - 1]
    return interpolate(_("Choice number %(rank)d"), {"rank": rank})


def company_options(companies: Sequence[Company]) -> list[tuple[str, Any]]:
    """The options of a choice select: per company, the company itself then its offers."""
    options: list[tuple[str, Any]] = [("", _("No company"))]
    for company in companies:
        group = [
            (f"c{company.pk}", interpolate(_("Any job at %(company)s"), {"company": company.name}))
        ]
        group += [
            (f"o{offer.pk}", f"{offer.title} ({offer.get_contract_display()})")
            for offer in company.offers.all()
        ]
        options.append((company.name, group))
    return options


class OfferFilterForm(forms.Form):
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    contract = forms.ChoiceField(
        label=_("Contract"),
        required=False,
        choices=[("", _("All contracts")), *Contract.choices],
    )

    def __init__(self, data: Any = None, *, sectors: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        field = self.fields["sector"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("All sectors")), *((sector, sector) for sector in sectors)]

    def valid_values(self) -> dict[str, str]:
        """The filters that passed their checks (an invalid one is left out, and shown)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and value
        }


class ChoicesForm(forms.Form):
    """The availability and the ranked choices, shared by applying and changing one's mind."""

    availability = forms.ChoiceField(
        label=_("When are you available?"),
        choices=Availability.choices,
        widget=forms.RadioSelect,
        help_text=_("Your interviews will be planned within these hours."),
    )

    def __init__(
        self,
        *args: Any,
        day: RecruitmentDay,
        companies: Sequence[Company],
        chosen: Sequence[str] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.day = day
        self._company_of_offer = {
            offer.pk: company.pk for company in companies for offer in company.offers.all()
        }
        options = company_options(companies)
        count = min(day.max_applications, len(companies))
        self.rank_names = [f"choice_{rank}" for rank in range(1, count + 1)]
        for rank, name in enumerate(self.rank_names, start=1):
            self.fields[name] = forms.ChoiceField(
                label=rank_label(rank),
                choices=options,
                required=False,
                initial=chosen[rank - 1] if rank <= len(chosen) else "",
            )
        self._chosen_names: list[str] = []

    def choice_fields(self) -> list[Any]:
        return [self[name] for name in self.rank_names]

    def other_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if name not in self.rank_names]

    def choices(self) -> list[tuple[int, int | None]]:
        """(company id, offer id or None) of each filled select, in order."""
        picked: list[tuple[int, int | None]] = []
        self._chosen_names = []
        for name in self.rank_names:
            value = self.cleaned_data.get(name) or ""
            if value.startswith("c"):
                picked.append((int(value[1:]), None))
            elif value.startswith("o"):
                offer_id = int(value[1:])
                picked.append((self._company_of_offer[offer_id], offer_id))
            else:
                continue
            self._chosen_names.append(name)
        return picked

    def windows(self) -> list[dict[str, str]] | None:
        """The windows of the chosen availability; None keeps the current ones."""
        value = str(self.cleaned_data.get("availability") or "")
        return None if value == KEEP else availability_windows(self.day, value)

    def show_error(self, error: DomainError) -> None:
        """Show a refusal of the service; `choice_<n>` (the n-th filled select) is moved to
        the select it came from."""
        field = error.field or ""
        if field.startswith("choice_") and field[7:].isdigit():
            position = int(field[7:])
            names = self._chosen_names or self.rank_names
            if 1 <= position <= len(names):
                error.field = names[position - 1]
            else:
                error.field = None
        apply_to_form(self, error)


class ApplicationForm(ChoicesForm):
    name = forms.CharField(
        label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.CharField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("We send you the link to follow your applications there."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Your phone number"),
        max_length=40,
        required=False,
        help_text=_("Optional: to reach you on the day."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    profile = forms.CharField(
        label=_("What are you looking for?"),
        max_length=PROFILE_MAX_LENGTH,
        help_text=_("In a few words: the job, the kind of contract, where."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    cv = forms.FileField(
        label=_("Your CV (PDF, at most 2 MB)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    field_order = ["name", "email", "phone", "profile", "availability", "cv"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["availability"].initial = Availability.WHOLE_DAY
        cv = self.fields["cv"]
        if self.day.cv_required:
            cv.required = True
            cv.error_messages["required"] = _("Please attach your CV (a PDF file).")
        else:
            cv.help_text = _("Optional. The companies you choose can read it.")
        months = settings.COCADE_REGISTRATION_RETENTION_MONTHS
        days = cv_retention_days()
        # The consent comes last, after the choices, right above the button.
        self.fields["consent"] = forms.BooleanField(
            label=_(
                "I agree that what I give in this form (name, email address, phone, what I "
                "am looking for, availability, CV and choices) is kept to organise this speed "
                "recruitment, and that the organisers and the companies I choose see it."
            ),
            help_text=" ".join(
                [
                    ngettext(
                        "It is deleted %(months)d month after the event.",
                        "It is deleted %(months)d months after the event.",
                        months,
                    )
                    % {"months": months},
                    ngettext(
                        "Your CV is deleted sooner, %(days)d day after the event.",
                        "Your CV is deleted sooner, %(days)d days after the event.",
                        days,
                    )
                    % {"days": days},
                    str(
                        _(
                            "You can change your choices, withdraw or delete your data at any "
                            "time from the link we email you."
                        )
                    ),
                ]
            ),
            required=False,
        )


class ChangeChoicesForm(ChoicesForm):
    """The candidate's page: the same choices and availability, prefilled."""

    def __init__(self, *args: Any, windows: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = availability_of(self.day, windows)
        field = self.fields["availability"]
        assert isinstance(field, forms.ChoiceField)
        if current is None:
            field.choices = [
                (KEEP, _("Keep the hours agreed with the organisers")),
                *Availability.choices,
            ]
            field.initial = KEEP
        else:
            field.initial = current
