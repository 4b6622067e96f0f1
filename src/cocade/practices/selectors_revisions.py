"""The revisions of a sheet: their list, the public history of its published versions, and what
changed between two of them.

The comparison works on two revision `data` dicts (the sheet fields and one language's texts, as
`services.sheets.revision_data` stores them) and is pure: texts are compared word by word, the
method step by step, lists of choices item by item. Every piece of user text is HTML-escaped;
insertions are wrapped in <ins>, deletions in <del>.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst

from cocade.core.errors import NotFound
from cocade.practices.enums import Licence, PracticePole, PracticeType, TargetPublic
from cocade.practices.models import TEXT_FIELDS, Practice, PracticeRevision, PracticeTranslation

#: The order in which changed fields are listed: the texts as in the form, then the sheet.
FIELD_ORDER = (
    *TEXT_FIELDS,
    "practice_type",
    "poles",
    "target_publics",
    "competences",
    "contact_name",
    "contact_email",
    "licence",
    "centre",
    "original_language",
)
STEP_FIELDS = frozenset({"method_steps"})
#: Lists of choices (compared as sets, shown in the order of their choices).
CHOICE_LISTS: dict[str, Any] = {"poles": PracticePole, "target_publics": TargetPublic}
#: Single values shown by their label.
CHOICE_VALUES: dict[str, Any] = {"practice_type": PracticeType, "licence": Licence}
#: Values that are ids (labels looked up by `display`).
ID_FIELDS = frozenset({"centre", "competences"})

#: How alike two steps at the same place must be to be shown as one step reworded.
SIMILAR = 0.5
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")

Display = Callable[[str, Any], str]


# --- labels -------------------------------------------------------------------------------


def field_label(name: str) -> Any:
    """The verbose name of a revision field, capitalised (the field name if unknown); a lazy
    text, translated when shown."""
    for model in (PracticeTranslation, Practice):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        return capfirst(getattr(field, "verbose_name", name))
    return name


def ordered_fields(names: Iterable[str]) -> list[str]:
    """Field names in FIELD_ORDER, unknown ones last in their given order."""
    names = list(dict.fromkeys(names))
    known = [name for name in FIELD_ORDER if name in names]
    return known + [name for name in names if name not in FIELD_ORDER]


def field_labels(names: Iterable[str]) -> list[Any]:
    return [field_label(name) for name in ordered_fields(names)]


def value_label(name: str, value: Any) -> str:
    """How a single value reads (a choice by its label), without any database lookup."""
    choices = CHOICE_VALUES.get(name) or CHOICE_LISTS.get(name)
    if choices is not None and value in choices.values:
        return str(choices(value).label)
    if name == "original_language":
        return dict(settings.LANGUAGES).get(value, str(value or ""))
    return "" if value is None else str(value)


# --- comparing ----------------------------------------------------------------------------


@dataclass
class ItemDiff:
    """One item of a list: "same", "changed", "added" or "removed", as safe HTML."""

    kind: str
    html: SafeString


@dataclass
class FieldDiff:
    name: str
    label: Any  # a lazy text
    kind: str  # "text" (inline word diff in `html`) or "steps" / "choices" (`items`)
    html: SafeString = mark_safe("")  # noqa: S308 - empty
    items: list[ItemDiff] = field(default_factory=list)


def _words(text: str) -> list[str]:
    return _TOKENS.findall(text or "")


def word_diff(before: str, after: str) -> SafeString:
    """`after` with the words taken out of `before` in <del> and the new ones in <ins>."""
    old, new = _words(before), _words(after)
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape("".join(old[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(old[i1:i2]))}</del>")
        if tag in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(new[j1:j2]))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def _removed(text: str) -> SafeString:
    return mark_safe(f"<del>{escape(text)}</del>")  # noqa: S308 - escaped


def _added(text: str) -> SafeString:
    return mark_safe(f"<ins>{escape(text)}</ins>")  # noqa: S308 - escaped


def steps_diff(before: list[str], after: list[str]) -> list[ItemDiff]:
    """Two lists of steps compared item by item: steps kept, reworded (word diff), added or
    removed, in the order of the newer list (removed steps where they were). A step that
    takes the place of another and shares few of its words is shown removed, then added."""
    items: list[ItemDiff] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = before[i1:i2], after[j1:j2]
        if tag == "equal":
            items.extend(ItemDiff("same", escape(step)) for step in new)
            continue
        paired = min(len(old), len(new)) if tag == "replace" else 0
        for a, b in zip(old[:paired], new[:paired], strict=True):
            if _similar(a, b):
                items.append(ItemDiff("changed", word_diff(a, b)))
            else:
                items.extend([ItemDiff("removed", _removed(a)), ItemDiff("added", _added(b))])
        items.extend(ItemDiff("removed", _removed(step)) for step in old[paired:])
        items.extend(ItemDiff("added", _added(step)) for step in new[paired:])
    return items


def _similar(before: str, after: str) -> bool:
    """Whether a step was reworded (half its words or more kept) rather than replaced."""
    matcher = difflib.SequenceMatcher(None, _words(before), _words(after), autojunk=False)
    return matcher.ratio() >= SIMILAR


def choices_diff(
    name: str, before: list[Any], after: list[Any], display: Display
) -> list[ItemDiff]:
    """Two lists of choices as one list: each value kept, added or removed."""
    choices = CHOICE_LISTS.get(name)
    values = list(dict.fromkeys([*before, *after]))
    if choices is not None:
        rank = {value: position for position, value in enumerate(choices.values)}
        values.sort(key=lambda value: rank.get(value, len(rank)))
    items = []
    for value in values:
        label = display(name, value)
        if value in before and value in after:
            items.append(ItemDiff("same", escape(label)))
        elif value in after:
            items.append(ItemDiff("added", _added(label)))
        else:
            items.append(ItemDiff("removed", _removed(label)))
    return items


def _as_list(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """The fields whose value differs (a missing field counts as empty), in FIELD_ORDER."""
    names = ordered_fields([*after, *before])
    return [name for name in names if _normal(before.get(name)) != _normal(after.get(name))]


def _normal(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list) and not value:
        return ""
    return value


def compare_data(
    before: dict[str, Any], after: dict[str, Any], *, display: Display = value_label
) -> list[FieldDiff]:
    """What changed from `before` to `after`, field by field, in FIELD_ORDER."""
    diffs = []
    for name in changed_fields(before, after):
        label = field_label(name)
        old, new = before.get(name), after.get(name)
        if name in STEP_FIELDS:
            steps = steps_diff([str(s) for s in _as_list(old)], [str(s) for s in _as_list(new)])
            diffs.append(FieldDiff(name, label, "steps", items=steps))
        elif name in CHOICE_LISTS or name == "competences" or isinstance(new or old, list):
            items = choices_diff(name, _as_list(old), _as_list(new), display)
            diffs.append(FieldDiff(name, label, "choices", items=items))
        elif name in CHOICE_VALUES or name in ID_FIELDS or name == "original_language":
            parts = []
            if old not in (None, ""):
                parts.append(_removed(display(name, old)))
            if new not in (None, ""):
                parts.append(_added(display(name, new)))
            diffs.append(FieldDiff(name, label, "text", html=mark_safe(" ".join(parts))))  # noqa: S308
        else:
            html = word_diff("" if old is None else str(old), "" if new is None else str(new))
            diffs.append(FieldDiff(name, label, "text", html=html))
    return diffs


# --- reads --------------------------------------------------------------------------------


@dataclass
class RevisionEntry:
    """A revision as the lists show it: the labels of the fields it changed (since the previous
    revision of its language, or the previous published version in the public history), whether
    it is the first of its language, and the number of the one it is compared with."""

    revision: PracticeRevision
    changed_labels: list[Any]
    is_first: bool
    previous_number: int | None = None

    @property
    def number(self) -> int:
        return self.revision.number


def revisions_of(practice: Practice) -> list[RevisionEntry]:
    """Every revision of a sheet the caller may already see, newest first."""
    revisions = list(practice.revisions.select_related("author").order_by("number"))
    entries = []
    previous: dict[str, PracticeRevision] = {}
    for revision in revisions:
        before = previous.get(revision.language)
        entries.append(
            RevisionEntry(
                revision=revision,
                changed_labels=field_labels(revision.changed_fields),
                is_first=before is None,
                previous_number=before.number if before else None,
            )
        )
        previous[revision.language] = revision
    entries.reverse()
    return entries


def publication_history(practice: Practice) -> list[RevisionEntry]:
    """The published versions of a sheet, newest first, each with what changed since the
    previous published version of its language (nothing listed for the first)."""
    revisions = list(
        practice.revisions.filter(is_publication=True).select_related("author").order_by("number")
    )
    entries = []
    previous: dict[str, PracticeRevision] = {}
    for revision in revisions:
        before = previous.get(revision.language)
        entries.append(
            RevisionEntry(
                revision=revision,
                changed_labels=(
                    field_labels(changed_fields(before.data, revision.data)) if before else []
                ),
                is_first=before is None,
                previous_number=before.number if before else None,
            )
        )
        previous[revision.language] = revision
    entries.reverse()
    return entries


def get_revision(practice: Practice, number: int, *, publication: bool = False) -> PracticeRevision:
    """Revision `number` of this sheet (a published version only, when `publication`)."""
    revisions = practice.revisions.select_related("author")
    if publication:
        revisions = revisions.filter(is_publication=True)
    try:
        return revisions.get(number=number)
    except PracticeRevision.DoesNotExist as error:
        raise NotFound() from error


def database_display(revisions: Iterable[PracticeRevision]) -> Display:
    """A `display` that also names the centres and competences these revisions refer to."""
    from cocade.competencies.models import Competence
    from cocade.directory.models import Centre

    centre_ids: set[int] = set()
    competence_ids: set[int] = set()
    for revision in revisions:
        if isinstance(revision.data.get("centre"), int):
            centre_ids.add(revision.data["centre"])
        competence_ids.update(
            c for c in _as_list(revision.data.get("competences")) if isinstance(c, int)
        )
    centres = {c.pk: str(c) for c in Centre.objects.filter(pk__in=centre_ids)}
    competences = {
        c.pk: c.code for c in Competence.objects.filter(pk__in=competence_ids).only("pk", "code")
    }

    def display(name: str, value: Any) -> str:
        if name == "centre":
            return centres.get(value, str(value))
        if name == "competences":
            return competences.get(value, str(value))
        return value_label(name, value)

    return display


def compare_revisions(before: PracticeRevision, after: PracticeRevision) -> list[FieldDiff]:
    """What changed between two revisions of one sheet, with centres and competences named."""
    return compare_data(before.data, after.data, display=database_display([before, after]))
