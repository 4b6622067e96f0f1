"""Forms of framework authoring. They only parse what was typed; the services in
`services/authoring.py` check permissions and the draft state, validate (texts in the original
language, unique codes, levels on the scale), save and record the audit trail. Their errors come
back to the right field through `core.errors.apply_to_form`: the list forms name their fields
as the services name their errors (`indicators.0`, `descriptors.<level>`, `expected.<profile>`,
`mappings.0.reference`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cocade.competencies.enums import ExpectedProfile, MappingScheme
from cocade.competencies.interchange.data import CODE_MAX_LENGTH, MappingData
from cocade.competencies.models import Block, ProficiencyLevel
from cocade.core.i18n import TranslatedFormField

#: Empty rows offered after the existing indicators and mappings.
EXTRA_ROWS = 3


def _title_field(max_length: int, label: Any = None) -> TranslatedFormField:
    return TranslatedFormField(
        label=label or _("Title"),
        required=False,
        max_length=max_length,
        help_text=_("At least in the original language; other languages are translations."),
    )


def _text_field(label: Any, help_text: Any = "") -> TranslatedFormField:
    return TranslatedFormField(label=label, required=False, multiline=True, help_text=help_text)


def _language_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Original language"),
        choices=settings.LANGUAGES,
        help_text=_("The language the framework is written in; the others are translations."),
    )


def _code_field() -> forms.CharField:
    return forms.CharField(
        label=_("Code"),
        max_length=CODE_MAX_LENGTH,
        help_text=_("Letters, digits, dots, hyphens or underscores, e.g. A1."),
    )


def _position_field() -> forms.IntegerField:
    return forms.IntegerField(
        label=_("Position"),
        required=False,
        min_value=0,
        help_text=_("Order among its neighbours, smallest first; empty puts it last."),
    )


class FrameworkCreateForm(forms.Form):
    slug = forms.SlugField(
        label=_("Identifier"),
        max_length=80,
        allow_unicode=True,
        help_text=_(
            "Letters, digits and hyphens, e.g. cdm-counsellor; it appears in the addresses "
            "of the framework's pages and cannot change later."
        ),
    )
    original_language = _language_field()
    title = _title_field(200)
    description = _text_field(_("Description"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["original_language"].initial = (get_language() or "fr").split("-")[0]

    def arguments(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class VersionForm(forms.Form):
    title = _title_field(200)
    description = _text_field(_("Description"))
    change_note = _text_field(_("What changed"), _("A short note on what this version changes."))
    original_language = _language_field()

    def changes(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class LevelForm(forms.Form):
    code = forms.SlugField(
        label=_("Code"),
        max_length=40,
        help_text=_("Letters, digits and hyphens, e.g. maitrise; used by imports and exports."),
    )
    label = _title_field(100, _("Label"))
    description = _text_field(_("Description"))

    def changes(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class LevelMoveForm(forms.Form):
    rank = forms.IntegerField(label=_("Rank"), min_value=1)


class BlockForm(forms.Form):
    code = _code_field()
    title = _title_field(200)
    description = _text_field(_("Description"))
    position = _position_field()

    def changes(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class BlockChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.code} · {obj.title_i18n}"


class CompetenceForm(forms.Form):
    """A competence's texts and place; the block field only when editing."""

    block = BlockChoiceField(label=_("Block"), queryset=Block.objects.none())
    code = _code_field()
    title = _title_field(300)
    description = _text_field(_("Description"))
    position = _position_field()

    def __init__(self, *args: Any, blocks: Sequence[Block] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if blocks is None:
            del self.fields["block"]
        else:
            field = cast(BlockChoiceField, self.fields["block"])
            field.queryset = Block.objects.filter(pk__in=[block.pk for block in blocks])

    def changes(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class _ListForm(forms.Form):
    """A form whose blank values mean "remove": a hidden marker proves the page was sent whole,
    so that an empty request cannot wipe the list."""

    sent = forms.CharField(widget=forms.HiddenInput, initial="1", required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("sent") != "1":
            raise forms.ValidationError(
                _("The form arrived incomplete; reload the page and try again."),
                code="incomplete",
            )
        return cleaned


class IndicatorsForm(_ListForm):
    """One translated text per indicator, then a few empty ones to add more. Clearing every
    language of an indicator removes it."""

    def __init__(self, *args: Any, indicators: Sequence[dict[str, str]] = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.row_names: list[str] = []
        for index in range(len(indicators) + EXTRA_ROWS):
            name = f"indicators.{index}"
            self.fields[name] = TranslatedFormField(
                label=_("Indicator %(number)d") % {"number": index + 1},
                required=False,
                max_length=500,
                multiline=True,
                initial=indicators[index] if index < len(indicators) else {},
            )
            self.row_names.append(name)

    def indicators(self) -> list[dict[str, str]]:
        return [self.cleaned_data.get(name) or {} for name in self.row_names]


class DescriptorsForm(_ListForm):
    """What each level of the scale means for this competence (blank: no descriptor)."""

    def __init__(
        self,
        *args: Any,
        levels: Sequence[ProficiencyLevel],
        current: dict[str, dict[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.level_codes = [level.code for level in levels]
        for level in levels:
            self.fields[f"descriptors.{level.code}"] = TranslatedFormField(
                label=_("%(rank)d. %(label)s") % {"rank": level.rank, "label": level.label_i18n},
                required=False,
                multiline=True,
                initial=current.get(level.code, {}),
            )

    def descriptors(self) -> dict[str, dict[str, str]]:
        return {
            code: self.cleaned_data.get(f"descriptors.{code}") or {} for code in self.level_codes
        }


class ExpectedLevelsForm(_ListForm):
    """The level expected of each profile (or none)."""

    def __init__(
        self,
        *args: Any,
        levels: Sequence[ProficiencyLevel],
        current: dict[str, str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, Any]] = [("", _("No expectation"))]
        choices += [(level.code, f"{level.rank}. {level.label_i18n}") for level in levels]
        for profile, label in ExpectedProfile.choices:
            self.fields[f"expected.{profile}"] = forms.ChoiceField(
                label=label, choices=choices, required=False, initial=current.get(profile, "")
            )

    def expected(self) -> dict[str, str | None]:
        return {
            profile: self.cleaned_data.get(f"expected.{profile}") or None
            for profile in ExpectedProfile.values
        }


class MappingsForm(_ListForm):
    """Links to items of external references: one row per link (reference, item, label), then a
    few empty rows. Clearing the item and the label of a row removes it."""

    def __init__(self, *args: Any, mappings: Sequence[MappingData] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows: list[dict[str, str]] = []
        schemes = [("", _("Choose…"))] + list(MappingScheme.choices)
        for index in range(len(mappings) + EXTRA_ROWS):
            current = mappings[index] if index < len(mappings) else None
            prefix = f"mappings.{index}"
            number = {"number": index + 1}
            self.fields[f"{prefix}.scheme"] = forms.ChoiceField(
                label=_("Reference of link %(number)d") % number,
                choices=schemes,
                required=False,
                initial=current.scheme if current else "",
            )
            self.fields[f"{prefix}.reference"] = forms.CharField(
                label=_("Item of link %(number)d") % number,
                max_length=300,
                required=False,
                initial=current.reference if current else "",
            )
            self.fields[f"{prefix}.label"] = forms.CharField(
                label=_("Label of link %(number)d") % number,
                max_length=300,
                required=False,
                initial=current.label if current else "",
            )
            self.rows.append(
                {
                    "number": str(index + 1),
                    "scheme": f"{prefix}.scheme",
                    "reference": f"{prefix}.reference",
                    "label": f"{prefix}.label",
                }
            )

    def bound_rows(self) -> list[dict[str, Any]]:
        """The rows as bound fields, for the table of the template."""
        return [
            {
                "number": row["number"],
                "scheme": self[row["scheme"]],
                "reference": self[row["reference"]],
                "label": self[row["label"]],
            }
            for row in self.rows
        ]

    def mappings(self) -> list[MappingData]:
        return [
            MappingData(
                scheme=self.cleaned_data.get(row["scheme"]) or "",
                reference=self.cleaned_data.get(row["reference"]) or "",
                label=self.cleaned_data.get(row["label"]) or "",
            )
            for row in self.rows
        ]
