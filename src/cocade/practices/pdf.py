"""Typesetting the Vademecum with WeasyPrint: one practice sheet, or the whole book.

Both are printed from HTML templates with the stylesheet `cocade/practices-print.css` (A4,
DejaVu fonts, page numbers, the sheet's licence and source address in the footer). Nothing is
fetched while printing: the URL fetcher refuses every address, so no text can make a request.
The table of contents of the book takes its page numbers from WeasyPrint itself
(`target-counter(attr(href), page)` in the stylesheet): they are those of the printed pages.

A sheet is printed in the wanted language when its translation into it is published, else in
its original language, and says which its original language is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from cocade.core.markdown import render_markdown
from cocade.practices.enums import PracticePole, PracticeType, TargetPublic, TranslationStatus
from cocade.practices.models import Practice, PracticeTranslation

STYLESHEET = "cocade/practices-print.css"

#: Sections of a sheet, in print order: a text field, or a heading over several of them.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("context", ()),
    ("objectives", ()),
    ("method_steps", ()),
    ("partners", ()),
    ("resources", ("resources_staff", "resources_time", "resources_budget", "resources_tools")),
    ("duration", ()),
    ("results", ("results_figures", "results_text")),
    ("evaluation", ()),
    ("success_factors", ()),
    ("limits", ()),
    ("transfer_conditions", ()),
    ("sustainability", ()),
)
GROUP_LABELS = {"resources": _("Resources"), "results": _("Results")}


def language_label(code: str) -> str:
    """The name of a language in the active language ("Portuguese", "portugais", ...)."""
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


def _verbose(model: Any, name: str) -> str:
    return capfirst(str(getattr(model._meta.get_field(name), "verbose_name", name)))


def _label(name: str) -> str:
    return _verbose(PracticeTranslation, name)


# --- What is printed ----------------------------------------------------------------------


@dataclass
class Section:
    label: str
    html: SafeString = mark_safe("")  # noqa: S308 - empty
    steps: list[SafeString] = field(default_factory=list)
    parts: list[tuple[str, SafeString]] = field(default_factory=list)


@dataclass
class PrintedSheet:
    practice: Practice
    text: PracticeTranslation
    language: str  # the language of `text`
    wanted: str  # the language asked for
    url: str  # the sheet's public page
    facts: list[tuple[str, str]] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    html: SafeString = mark_safe("")  # noqa: S308 - filled by render_sheet()

    @property
    def anchor(self) -> str:
        return f"sheet-{self.practice.pk}"

    @property
    def title(self) -> str:
        return self.text.title

    @property
    def is_fallback(self) -> bool:
        """The sheet has no published text in the wanted language."""
        return self.language != self.wanted

    @property
    def original_language(self) -> str:
        return language_label(self.practice.original_language)

    @property
    def wanted_language(self) -> str:
        return language_label(self.wanted)

    @property
    def licence(self) -> str:
        return str(self.practice.get_licence_display())


def choose_text(practice: Practice, language: str) -> PracticeTranslation | None:
    """The published text in `language`, else the original text (None if it has none)."""
    wanted = practice.translation(language)
    if wanted is not None and (
        wanted.status == TranslationStatus.PUBLISHED or language == practice.original_language
    ):
        return wanted
    return practice.original


def sheet_url(practice: Practice, language: str) -> str:
    with translation.override(language):
        path = reverse("practices:detail", kwargs={"slug": practice.slug})
    return f"{settings.SITE_URL}{path}"


def _choice_labels(values: Iterable[str], choices: Any) -> str:
    labels = dict(choices.choices)
    return ", ".join(str(labels[value]) for value in values if value in labels)


def _facts(practice: Practice) -> list[tuple[str, str]]:
    competences: Any = practice.competences.all()
    country: Any = practice.country
    facts = [
        (_verbose(Practice, "centre"), str(practice.centre)),
        (_verbose(Practice, "country"), str(country.name) if country else ""),
        (
            _verbose(Practice, "practice_type"),
            _choice_labels([practice.practice_type], PracticeType),
        ),
        (_verbose(Practice, "poles"), _choice_labels(practice.poles, PracticePole)),
        (
            _verbose(Practice, "target_publics"),
            _choice_labels(practice.target_publics, TargetPublic),
        ),
        (
            _verbose(Practice, "competences"),
            "; ".join(f"{c.code} {c.title_i18n}" for c in competences),
        ),
        (
            _verbose(Practice, "contact_name"),
            " · ".join(v for v in (practice.contact_name, practice.contact_email) if v),
        ),
    ]
    if practice.published_at:
        published = date_format(timezone.localtime(practice.published_at).date(), "DATE_FORMAT")
        facts.append((str(_("Published on")), published))
    return [(label, value) for label, value in facts if value]


def _sections(text: PracticeTranslation) -> list[Section]:
    sections = []
    for name, parts in SECTIONS:
        if parts:
            filled = [
                (_label(part), render_markdown(getattr(text, part)))
                for part in parts
                if getattr(text, part)
            ]
            if filled:
                sections.append(Section(label=str(GROUP_LABELS[name]), parts=filled))
        elif name == "method_steps":
            steps = [render_markdown(step) for step in text.method_steps or [] if step]
            if steps:
                sections.append(Section(label=_label(name), steps=steps))
        elif getattr(text, name):
            sections.append(Section(label=_label(name), html=render_markdown(getattr(text, name))))
    return sections


def printed_sheet(practice: Practice, language: str) -> PrintedSheet | None:
    """What the PDF shows of a sheet for a reader of `language` (labels in the active one)."""
    text = choose_text(practice, language)
    if text is None:
        return None
    return PrintedSheet(
        practice=practice,
        text=text,
        language=text.language,
        wanted=language,
        url=sheet_url(practice, text.language),
        facts=_facts(practice),
        sections=_sections(text),
    )


# --- The book's groups --------------------------------------------------------------------


@dataclass
class TypeGroup:
    value: str
    label: str
    anchor: str
    sheets: list[PrintedSheet] = field(default_factory=list)


@dataclass
class PoleGroup:
    value: str
    label: str
    anchor: str
    types: list[TypeGroup] = field(default_factory=list)


NO_POLE = "none"


def group_sheets(sheets: Iterable[PrintedSheet]) -> list[PoleGroup]:
    """Sheets by pôle (in the order of the pôles; a sheet goes under its first pôle, sheets
    without a pôle come last), then by type of practice, then by title."""
    pole_order = list(PracticePole.values) + [NO_POLE]
    type_order = list(PracticeType.values)
    buckets: dict[str, dict[str, list[PrintedSheet]]] = {}
    for sheet in sheets:
        poles = [p for p in sheet.practice.poles if p in PracticePole.values]
        pole = poles[0] if poles else NO_POLE
        kind = sheet.practice.practice_type
        buckets.setdefault(pole, {}).setdefault(kind, []).append(sheet)
    pole_labels = dict(PracticePole.choices) | {NO_POLE: _("Other practices")}
    type_labels = dict(PracticeType.choices)
    groups = []
    for pole in sorted(buckets, key=pole_order.index):
        group = PoleGroup(value=pole, label=str(pole_labels[pole]), anchor=f"pole-{pole}")
        kinds = buckets[pole]
        for kind in sorted(kinds, key=lambda k: type_order.index(k) if k in type_order else 99):
            items = sorted(kinds[kind], key=lambda s: (s.title.casefold(), s.practice.pk))
            group.types.append(
                TypeGroup(
                    value=kind,
                    label=str(type_labels.get(kind, kind)),
                    anchor=f"type-{pole}-{kind}",
                    sheets=items,
                )
            )
        groups.append(group)
    return groups


def walk(
    groups: list[PoleGroup],
) -> Iterator[tuple[PrintedSheet, PoleGroup | None, TypeGroup | None]]:
    """Each sheet in book order, with the pôle and type headings that open before it."""
    for pole in groups:
        first_of_pole = True
        for kind in pole.types:
            first_of_type = True
            for sheet in kind.sheets:
                yield (
                    sheet,
                    pole if first_of_pole else None,
                    kind if first_of_type else None,
                )
                first_of_pole = first_of_type = False


# --- Rendering ----------------------------------------------------------------------------


def render_sheet(
    sheet: PrintedSheet,
    *,
    in_book: bool,
    pole: PoleGroup | None = None,
    kind: TypeGroup | None = None,
) -> SafeString:
    """The HTML of one sheet (an <article>); in the book, with the headings of the groups it
    opens, a level lower."""
    html = render_to_string(
        "practices/pdf/_sheet.html",
        {
            "sheet": sheet,
            "in_book": in_book,
            "pole": pole,
            "kind": kind,
            "h_title": 4 if in_book else 1,
            "h_section": 5 if in_book else 2,
        },
    )
    return mark_safe(html)  # noqa: S308 - our template, user text escaped or sanitised in it


def no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Printing needs nothing from outside: refuse every fetch (no network, no file read)."""
    raise ValueError("The Vademecum PDFs load no external resource.")


def write_pdf(html: str) -> tuple[bytes, int]:
    """The PDF of an HTML document printed with the Vademecum's stylesheet, and its pages."""
    from weasyprint import CSS, HTML

    stylesheet = finders.find(STYLESHEET)
    document = HTML(string=html, url_fetcher=no_fetch, base_url=settings.SITE_URL).render(
        stylesheets=[CSS(filename=stylesheet)] if stylesheet else None
    )
    return document.write_pdf(), len(document.pages)


def sheet_pdf(sheet: PrintedSheet) -> bytes:
    """One sheet alone, labels in the active language."""
    html = render_to_string(
        "practices/pdf/sheet.html",
        {"sheet": sheet, "body": render_sheet(sheet, in_book=False)},
    )
    return write_pdf(html)[0]


def book_pdf(
    *,
    groups: list[PoleGroup],
    language_name: str,
    network_name: str,
    date: Any,
    sheet_count: int,
) -> tuple[bytes, int]:
    """The whole Vademecum (sheets already rendered by render_sheet()), and its pages."""
    html = render_to_string(
        "practices/pdf/book.html",
        {
            "groups": groups,
            "language_name": language_name,
            "network_name": network_name,
            "date": date,
            "sheet_count": sheet_count,
        },
    )
    return write_pdf(html)
