from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, cast

from django import forms
from django.db import models
from django.db.models import QuerySet
from django.db.models.fields.files import FieldFile
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from cocade.directory import selectors
from cocade.directory.enums import LABEL_TRANSITIONS, LabelStatus, SiteKind
from cocade.directory.models import (
    Centre,
    PartnerOrganisation,
    Partnership,
    Pole,
    Position,
    Site,
    SiteService,
)
from cocade.directory.services import (
    CENTRE_FIELDS,
    PARTNER_FIELDS,
    PARTNERSHIP_FIELDS,
    POLE_FIELDS,
    SITE_FIELDS,
    SITE_SERVICE_FIELDS,
)

# --- Public search -------------------------------------------------------------------------------


class SearchForm(forms.Form):
    """“Where can I get help with X near Y”: every field is optional; sent with GET."""

    theme = forms.ChoiceField(label=_("Theme"), required=False)
    place = forms.CharField(
        label=_("Place"),
        required=False,
        max_length=120,
        help_text=_("Commune, city, postcode or country code."),
    )
    q = forms.CharField(
        label=_("Words"),
        required=False,
        max_length=200,
        help_text=_("For example a service or a centre name."),
    )
    lat = forms.DecimalField(
        required=False,
        min_value=Decimal("-90"),
        max_value=Decimal("90"),
        max_digits=12,
        decimal_places=8,
        widget=forms.HiddenInput,
    )
    lon = forms.DecimalField(
        required=False,
        min_value=Decimal("-180"),
        max_value=Decimal("180"),
        max_digits=12,
        decimal_places=8,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("Any theme"))] + [
            (service_type.code, str(service_type.name_i18n))
            for service_type in selectors.service_types()
        ]
        for name in ("place", "q"):
            self.fields[name].widget.input_type = "search"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        # The location fields are hidden: say at the top of the form when they are wrong.
        if "lat" in self.errors or "lon" in self.errors:
            self.add_error(
                None,
                _(
                    "The location given is not valid: latitude must be between "
                    "-90 and 90 and longitude between -180 and 180."
                ),
            )
        elif (cleaned.get("lat") is None) != (cleaned.get("lon") is None):
            self.add_error(None, _("Give both the latitude and the longitude, or neither."))
        return cleaned

    def has_criteria(self) -> bool:
        data = self.cleaned_data
        return bool(
            data.get("theme") or data.get("place") or data.get("q") or data.get("lat") is not None
        )

    def near(self) -> tuple[float, float] | None:
        lat, lon = self.cleaned_data.get("lat"), self.cleaned_data.get("lon")
        if lat is None or lon is None:
            return None
        return float(lat), float(lon)


# --- Staff forms ---------------------------------------------------------------------------------
# These forms only parse what was typed. The services check permissions, validate against the
# model (full_clean), save and write the audit trail; their errors come back to the form through
# `cocade.core.errors.apply_to_form`. The few checks below only give a clearer message at the
# right field for what the database constraints guard anyway.


class DateInput(forms.DateInput):
    """A native date picker; the value is sent as YYYY-MM-DD."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class CoordinateField(forms.DecimalField):
    """A latitude or longitude, rounded to the six decimals that the database keeps."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_digits", 9)
        kwargs.setdefault("decimal_places", 6)
        kwargs.setdefault("widget", forms.NumberInput(attrs={"step": "any"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        number = super().to_python(value)
        if number is None or not number.is_finite():
            return number
        try:
            return number.quantize(Decimal("0.000001"))
        except InvalidOperation:  # far too large: the max_digits check says so
            return number


class LanguageListField(forms.CharField):
    """Language codes typed as “fr, en, pt” and kept as a list; the model checks the codes."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return ", ".join(str(code) for code in value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        codes: list[str] = []
        for code in text.replace(",", " ").split():
            if code.lower() not in codes:
                codes.append(code.lower())
        return codes


def _check_end_after_start(form: forms.BaseForm) -> None:
    starts_on, ends_on = form.cleaned_data.get("starts_on"), form.cleaned_data.get("ends_on")
    if starts_on and ends_on and ends_on < starts_on:
        form.add_error("ends_on", _("The end date cannot be before the start date."))


def _limit_choices(field: forms.Field, queryset: QuerySet[Any]) -> None:
    cast(forms.ModelChoiceField, field).queryset = queryset


def _staff_formfield(field: models.Field, **kwargs: Any) -> forms.Field | None:
    """Web addresses typed without a scheme are taken as https://."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


class StaffMeta:
    formfield_callback = staticmethod(_staff_formfield)


class StaffModelForm(forms.ModelForm):
    """A ModelForm used for its fields only. It neither changes nor validates its instance, so
    that the service sees the values before the change, validates them and audits the save."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.label:  # translated fields keep the model's lowercase verbose name
                field.label = capfirst(field.label)

    def _post_clean(self) -> None:
        """Model validation is the service's job: no `construct_instance`, no `full_clean`."""

    def changes(self) -> dict[str, Any]:
        """The typed values of the model fields, as `data` for a service."""
        return {
            name: self.cleaned_data[name]
            for name in self.fields
            if name in self.cleaned_data and name in (self._meta.fields or ())
        }


class CentreForm(StaffModelForm):
    languages = LanguageListField(
        label=_("Languages spoken"),
        required=False,
        max_length=200,
        help_text=_("Language codes separated by commas, for example fr, en, pt."),
    )
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("A PNG, JPEG or WebP image."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )

    class Meta(StaffMeta):
        model = Centre
        fields = CENTRE_FIELDS
        widgets = {"opened_on": DateInput()}

    def __init__(self, *args: Any, can_publish: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not can_publish:
            del self.fields["is_published"]

    def changes(self) -> dict[str, Any]:
        data = super().changes()
        logo = data.pop("logo", None)
        if logo is False:  # “Clear” was ticked.
            data["logo"] = ""
        elif logo and not isinstance(logo, FieldFile):  # A new file was sent.
            data["logo"] = logo
        return data


class SiteForm(StaffModelForm):
    latitude = CoordinateField(label=_("Latitude"), help_text=_("For example 48.8566."))
    longitude = CoordinateField(label=_("Longitude"), help_text=_("For example 2.3522."))

    class Meta(StaffMeta):
        model = Site
        fields = SITE_FIELDS

    def __init__(self, *args: Any, centre: Centre, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.centre = centre

    def _others(self) -> Any:
        return (
            self.centre.sites.exclude(pk=self.instance.pk)
            if self.instance.pk
            else self.centre.sites.all()
        )

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if slug and self._others().filter(slug=slug).exists():
            raise forms.ValidationError(
                _("This centre already has a site with this short name."), code="unique"
            )
        return slug

    def clean_kind(self) -> str:
        kind = self.cleaned_data["kind"]
        if kind == SiteKind.MAIN and self._others().filter(kind=SiteKind.MAIN).exists():
            raise forms.ValidationError(_("This centre already has a main site."), code="unique")
        return kind

    def clean(self) -> dict[str, Any]:
        super().clean()
        latitude = self.cleaned_data.get("latitude")
        longitude = self.cleaned_data.get("longitude")
        if (
            "latitude" not in self.errors
            and "longitude" not in self.errors
            and ((latitude is None) != (longitude is None))
        ):
            self.add_error(
                "latitude" if latitude is None else "longitude",
                _("Give both the latitude and the longitude, or neither."),
            )
        return self.cleaned_data


class PoleForm(StaffModelForm):
    class Meta(StaffMeta):
        model = Pole
        fields = POLE_FIELDS

    def __init__(self, *args: Any, centre: Centre, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.centre = centre

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        others = (
            self.centre.poles.exclude(pk=self.instance.pk)
            if self.instance.pk
            else self.centre.poles.all()
        )
        if code and others.filter(code=code).exists():
            raise forms.ValidationError(
                _("This centre already has a pôle with this code."), code="unique"
            )
        return code


class PartnershipForm(StaffModelForm):
    class Meta(StaffMeta):
        model = Partnership
        fields = (*PARTNERSHIP_FIELDS, "poles")
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "poles": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, centre: Centre, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit_choices(self.fields["partner"], selectors.partner_organisations())
        _limit_choices(self.fields["poles"], centre.poles.all())
        self.fields["poles"].help_text = ""

    def clean(self) -> dict[str, Any]:
        super().clean()
        _check_end_after_start(self)
        return self.cleaned_data

    def changes(self) -> dict[str, Any]:
        data = super().changes()
        data.pop("poles", None)
        return data

    def poles(self) -> list[Pole]:
        return list(self.cleaned_data.get("poles") or [])


class PositionForm(StaffModelForm):
    """Change a position: its title, its dates (an end date records a departure), publicity."""

    class Meta(StaffMeta):
        model = Position
        fields = ("title", "original_language", "starts_on", "ends_on", "is_public")
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def clean(self) -> dict[str, Any]:
        super().clean()
        _check_end_after_start(self)
        return self.cleaned_data


class PositionCreateForm(PositionForm):
    """Record an arrival: who, in which role, from when."""

    person_name = forms.CharField(label=_("Full name"), max_length=150)
    person_email = forms.EmailField(
        label=_("Email"), required=False, help_text=_("Optional; kept for the centre's records.")
    )

    field_order = ("person_name", "person_email")


class SiteServiceForm(StaffModelForm):
    class Meta(StaffMeta):
        model = SiteService
        fields = SITE_SERVICE_FIELDS

    def __init__(self, *args: Any, centre: Centre, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit_choices(self.fields["service_type"], selectors.service_types())
        _limit_choices(self.fields["pole"], centre.poles.all())
        _limit_choices(self.fields["partner"], selectors.partner_organisations())


class PartnerForm(StaffModelForm):
    class Meta(StaffMeta):
        model = PartnerOrganisation
        fields = PARTNER_FIELDS


class LabelStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New label status"), choices=[("", "---------"), *LabelStatus.choices]
    )
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput())
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": "3"})
    )

    def __init__(self, *args: Any, current: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        following = [
            str(label)
            for value, label in LabelStatus.choices
            if value in LABEL_TRANSITIONS[current]
        ]
        self.fields["status"].help_text = _("From here the label may go to: %(statuses)s.") % {
            "statuses": ", ".join(following)
        }
