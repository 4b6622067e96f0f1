"""Forms of the staff pages where sheets and their translations are written.

They only parse what was typed; the services in `services/sheets.py` and
`services/translations.py` check rights and status, clean the texts (the method's lines become
steps), save and record revisions. Their errors come back at the field they name (the form's
fields are named as the services name theirs). A form also knows how it is laid out: the
fieldsets of the domain brief (Identity, Classification, Problem, Delivery, Value, Reuse,
Publication) in `fieldsets`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cocade.competencies.enums import VersionStatus
from cocade.competencies.models import Competence
from cocade.practices.enums import (
    Licence,
    PracticePole,
    PracticeType,
    TargetPublic,
    TranslationStatus,
)
from cocade.practices.models import TEXT_FIELDS, Practice, PracticeTranslation
from cocade.practices.services.sheets import MAX_STEPS

MARKDOWN_HELP = _(
    "You may use Markdown: **bold**, *italics*, lists starting with “-”, and links "
    "written [text](https://…)."
)

#: The sheet's fieldsets (key, legend, fields) in the order of the domain brief.
SHEET_FIELDSETS: tuple[tuple[str, Any, tuple[str, ...]], ...] = (
    ("identity", _("Identity"), ("title", "summary", "centre", "original_language")),
    ("classification", _("Classification"), ("poles", "practice_type")),
    ("problem", _("Problem"), ("context", "target_publics", "objectives")),
    (
        "delivery",
        _("Delivery"),
        (
            "method_steps",
            "partners",
            "resources_staff",
            "resources_time",
            "resources_budget",
            "resources_tools",
            "duration",
        ),
    ),
    (
        "value",
        _("Value"),
        ("results_figures", "results_text", "evaluation", "success_factors", "limits"),
    ),
    ("reuse", _("Reuse"), ("transfer_conditions", "sustainability", "competences")),
    ("publication", _("Publication"), ("contact_name", "contact_email", "licence")),
)

_TEXT_LABELS = {
    name: capfirst(cast(Any, PracticeTranslation._meta.get_field(name)).verbose_name)
    for name in TEXT_FIELDS
}
_TEXT_HELP = {
    "summary": _("Two or three sentences: what is done, for whom, with what result."),
    "context": _("The situation and the needs the practice answers."),
    "method_steps": _(
        "One step per line, in order (at most %(max)d steps). Markdown is accepted in a step."
    ),
    "resources_staff": _("Who takes part and how many people."),
    "resources_budget": _("An order of magnitude is enough."),
    "results_figures": _("Counts, rates, before and after."),
    "results_text": _("What changed for the publics and the partners."),
    "transfer_conditions": _("What another centre needs to do the same."),
    "sustainability": _("How the practice lasts: funding, partners, routine."),
}


def _text_field(name: str) -> forms.CharField:
    """One language text of a sheet: a line for the title, a text area for the others."""
    label = _TEXT_LABELS[name]
    if name == "title":
        return forms.CharField(label=label, max_length=200)
    if name == "summary":
        return forms.CharField(
            label=label,
            max_length=1000,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_TEXT_HELP["summary"],
        )
    help_text = str(_TEXT_HELP.get(name, ""))
    if name == "method_steps":
        help_text = help_text % {"max": MAX_STEPS}
    help_text = f"{help_text} {MARKDOWN_HELP}" if help_text else str(MARKDOWN_HELP)
    rows = 6 if name == "method_steps" else 4
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


def texts_initial(translation: PracticeTranslation | None) -> dict[str, Any]:
    """The form values of a language's texts (the method's steps one per line)."""
    if translation is None:
        return {}
    values: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        value = getattr(translation, name)
        values[name] = "\n".join(value) if isinstance(value, list) else value
    return values


class GroupedCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes in one fieldset per option group (the competences of one block)."""

    template_name = "practices/sheets/widgets/grouped_checkboxes.html"
    use_fieldset = True


def competence_choices(extra_ids: Iterable[int] = ()) -> list[tuple[str, list[tuple[int, str]]]]:
    """Competences of the published framework versions grouped by block, labelled "A1 title"
    (and `extra_ids`, competences already linked from an earlier version, in their own group)."""
    extra = set(extra_ids)
    published = list(
        Competence.objects.filter(version__status=VersionStatus.PUBLISHED)
        .select_related("block", "version", "version__framework")
        .order_by("version__framework__slug", "block__position", "block__code", "position", "code")
    )
    several = len({c.version_id for c in published}) > 1
    groups: dict[Any, list[tuple[int, str]]] = {}
    labels: dict[Any, str] = {}
    for competence in published:
        key = competence.block_id
        if key not in labels:
            block = str(competence.block)
            labels[key] = f"{competence.version.title_i18n} · {block}" if several else block
        groups.setdefault(key, []).append((competence.pk, str(competence)))
    choices = [(labels[key], options) for key, options in groups.items()]
    shown = {c.pk for c in published}
    older = Competence.objects.filter(pk__in=extra - shown).order_by("code")
    if older:
        choices.append((str(_("Earlier framework versions")), [(c.pk, str(c)) for c in older]))
    return choices


class _SheetTextsMixin:
    """Fieldset layout shared by the sheet forms."""

    fieldset_layout: Sequence[tuple[str, Any, tuple[str, ...]]] = SHEET_FIELDSETS

    def fieldsets(self) -> list[dict[str, Any]]:
        form: Any = self
        sets = [
            {
                "key": key,
                "legend": legend,
                "fields": [form[name] for name in names if name in form.fields],
            }
            for key, legend, names in self.fieldset_layout
        ]
        return [fieldset for fieldset in sets if fieldset["fields"]]


class PracticeForm(_SheetTextsMixin, forms.Form):
    """Every field of a sheet. Without `practice` it creates one (choose the centre and the
    original language); with it, it edits the sheet and its original-language texts, and a
    hidden `lock_version` says which version the person started from."""

    centre = forms.TypedChoiceField(label=_("Centre"), coerce=int)
    original_language = forms.ChoiceField(
        label=_("Original language"),
        choices=settings.LANGUAGES,
        help_text=_("The language you write the sheet in; others can translate it later."),
    )
    poles = forms.MultipleChoiceField(
        label=_("Pôles"),
        choices=PracticePole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    practice_type = forms.ChoiceField(
        label=_("Type of practice"), choices=[("", "---------"), *PracticeType.choices]
    )
    target_publics = forms.MultipleChoiceField(
        label=_("Target publics"),
        choices=TargetPublic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    competences = forms.TypedMultipleChoiceField(
        label=_("Linked competences"),
        coerce=int,
        required=False,
        widget=GroupedCheckboxes,
        help_text=_("Competences of the counsellors' framework that the practice develops."),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=150, required=False)
    contact_email = forms.EmailField(label=_("Contact email"), required=False)
    licence = forms.ChoiceField(
        label=_("Licence"),
        choices=Licence.choices,
        initial=Licence.CC_BY_SA_4,
        help_text=_("Under which terms others may reuse the sheet."),
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        centres: Sequence[Any] = (),
        practice: Practice | None = None,
        **kwargs: Any,
    ) -> None:
        self.practice = practice
        if practice is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(practice)
        super().__init__(*args, **kwargs)
        for name in TEXT_FIELDS:
            self.fields[name] = _text_field(name)
        self.order_fields([name for _key, _legend, names in SHEET_FIELDSETS for name in names])
        linked = self.initial.get("competences") or []
        competences = cast(forms.TypedMultipleChoiceField, self.fields["competences"])
        competences.choices = competence_choices(linked)
        if not competences.choices:
            del self.fields["competences"]
        if practice is None:
            del self.fields["lock_version"]
            centre = cast(forms.TypedChoiceField, self.fields["centre"])
            centre.choices = [("", "---------")] + [(c.pk, str(c.name_i18n)) for c in centres]
            if len(centres) == 1:
                centre.initial = centres[0].pk
            self.fields["original_language"].initial = (get_language() or "fr").split("-")[0]
        else:
            # Neither the centre nor the original language of a sheet changes.
            del self.fields["centre"]
            del self.fields["original_language"]

    @staticmethod
    def initial_for(practice: Practice) -> dict[str, Any]:
        values: dict[str, Any] = texts_initial(practice.original)
        values.update(
            poles=list(practice.poles),
            practice_type=practice.practice_type,
            target_publics=list(practice.target_publics),
            competences=[c.pk for c in practice.competences.all()],
            contact_name=practice.contact_name,
            contact_email=practice.contact_email,
            licence=practice.licence,
            lock_version=practice.lock_version,
        )
        return values

    def sheet(self) -> dict[str, Any]:
        """The language-independent fields, as `services.sheets` takes them."""
        data = self.cleaned_data
        names = ["practice_type", "poles", "target_publics", "contact_name", "contact_email"]
        names.append("licence")
        if self.practice is None:
            names[:0] = ["centre", "original_language"]
        return {name: data[name] for name in names}

    def texts(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in TEXT_FIELDS}

    def linked_competences(self) -> list[int] | None:
        """The chosen competences, or None to leave them as they are (also when the field is
        not shown because no framework is published)."""
        if "competences" not in self.fields:
            return None
        chosen = list(self.cleaned_data["competences"])
        if self.practice is not None and set(chosen) == set(self.initial.get("competences", [])):
            return None
        return chosen


class TranslationForm(_SheetTextsMixin, forms.Form):
    """The texts of one language of a sheet; `lock_version` when the translation exists."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        language: str,
        translation: PracticeTranslation | None = None,
        **kwargs: Any,
    ) -> None:
        self.translation = translation
        if translation is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                **texts_initial(translation),
                "lock_version": translation.lock_version,
            }
        super().__init__(*args, **kwargs)
        for name in TEXT_FIELDS:
            field = self.fields[name] = _text_field(name)
            # The text is in the translation's language; the original beside it describes it.
            described_by = [f"original-{name}"]
            if field.help_text:
                described_by.append(f"id_{name}_helptext")
            field.widget.attrs.update(lang=language, **{"aria-describedby": " ".join(described_by)})
        if translation is None:
            del self.fields["lock_version"]

    def texts(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in TEXT_FIELDS}


class TranslationStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=TranslationStatus.choices,
    )
