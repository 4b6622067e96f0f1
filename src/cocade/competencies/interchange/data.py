"""A framework version as plain data: what every import format parses into and every export
format writes from. Pure Python (no database), so formats can be tested on their own.

Every node may carry `source`, where it came from in the file ("line 7", "CFItem 3f…",
"blocks[1].competences[0]"), so that a problem names the place the author must fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

Texts = dict[str, str]

PROFILES = ("newcomer", "counsellor", "senior")
SCHEMES = ("cedefop_2009", "nice_2016", "esco")
SLUG_RE = re.compile(r"^[-\w]+\Z")
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\Z")
CODE_MAX_LENGTH = 20
MAX_LENGTHS = {"framework.title": 200, "level.label": 100, "block.title": 200}
MAX_LENGTHS |= {"competence.title": 300, "indicator.text": 500}


@dataclass
class LevelData:
    rank: int
    code: str
    label: Texts
    description: Texts = field(default_factory=dict)
    source: str = ""


@dataclass
class MappingData:
    scheme: str
    reference: str
    label: str = ""
    source: str = ""


@dataclass
class CompetenceData:
    code: str
    title: Texts
    description: Texts = field(default_factory=dict)
    indicators: list[Texts] = field(default_factory=list)
    #: level code → text
    descriptors: dict[str, Texts] = field(default_factory=dict)
    #: profile → level code
    expected: dict[str, str] = field(default_factory=dict)
    mappings: list[MappingData] = field(default_factory=list)
    source: str = ""


@dataclass
class BlockData:
    code: str
    title: Texts
    description: Texts = field(default_factory=dict)
    competences: list[CompetenceData] = field(default_factory=list)
    source: str = ""


@dataclass
class FrameworkData:
    slug: str
    original_language: str
    title: Texts
    description: Texts = field(default_factory=dict)
    change_note: Texts = field(default_factory=dict)
    levels: list[LevelData] = field(default_factory=list)
    blocks: list[BlockData] = field(default_factory=list)
    #: Informational on import (the number is given by the database); set on export.
    version: int | None = None
    status: str | None = None
    source: str = ""

    def competences(self) -> list[CompetenceData]:
        return [competence for block in self.blocks for competence in block.competences]

    def languages(self) -> list[str]:
        """The languages in which every required text of the version is given."""
        required: list[Texts] = [self.title]
        required += [level.label for level in self.levels]
        for block in self.blocks:
            required.append(block.title)
            for competence in block.competences:
                required.append(competence.title)
                required += competence.indicators
                required += list(competence.descriptors.values())
        codes = [code for code, _name in settings.LANGUAGES]
        return [
            code for code in codes if all((texts.get(code) or "").strip() for texts in required)
        ]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an import: where, which field, what."""

    location: str
    field: str
    message: str

    def __str__(self) -> str:
        parts = [part for part in (self.location, self.field) if part]
        return f"{' · '.join(parts)}: {self.message}" if parts else self.message

    def as_dict(self) -> dict[str, str]:
        return {"location": self.location, "field": self.field, "message": self.message}


def _where(node: object, fallback: str) -> str:
    return getattr(node, "source", "") or fallback


def check_texts(
    texts: object,
    *,
    location: str,
    field_name: str,
    required_language: str | None,
    max_length: int | None = None,
) -> list[Problem]:
    """Problems with one {language: text} value."""
    problems: list[Problem] = []
    if not isinstance(texts, dict):
        return [Problem(location, field_name, _("Expected texts by language."))]
    known = {code for code, _name in settings.LANGUAGES}
    for code, text in texts.items():
        if code not in known:
            problems.append(
                Problem(
                    location,
                    field_name,
                    _("Unknown language “%(code)s”; use one of: %(known)s.")
                    % {"code": code, "known": ", ".join(sorted(known))},
                )
            )
        elif not isinstance(text, str):
            problems.append(Problem(location, field_name, _("Each translation must be a text.")))
        elif max_length and len(text) > max_length:
            problems.append(
                Problem(
                    location,
                    field_name,
                    _("The %(language)s text is longer than %(max)d characters.")
                    % {"language": code, "max": max_length},
                )
            )
    if required_language and not (texts.get(required_language) or "").strip():
        problems.append(
            Problem(
                location,
                field_name,
                _("The text in the original language (%(language)s) is missing.")
                % {"language": required_language},
            )
        )
    return problems


def check_framework(data: FrameworkData) -> list[Problem]:
    """Every problem of a parsed framework, in document order. An empty list means importable."""
    problems: list[Problem] = []
    where = _where(data, _("framework"))
    known = {code for code, _name in settings.LANGUAGES}
    lang = data.original_language
    if lang not in known:
        problems.append(
            Problem(
                where,
                "original_language",
                _("Unknown language “%(code)s”; use one of: %(known)s.")
                % {"code": lang, "known": ", ".join(sorted(known))},
            )
        )
        lang = None  # the texts are still checked, without the required-language rule
    if not data.slug or not SLUG_RE.match(data.slug) or len(data.slug) > 80:
        problems.append(
            Problem(
                where,
                "slug",
                _("The identifier must be 1 to 80 letters, digits, hyphens or underscores."),
            )
        )
    problems += check_texts(
        data.title,
        location=where,
        field_name="title",
        required_language=lang,
        max_length=MAX_LENGTHS["framework.title"],
    )
    problems += check_texts(
        data.description, location=where, field_name="description", required_language=None
    )
    problems += check_texts(
        data.change_note, location=where, field_name="change_note", required_language=None
    )

    if not data.levels:
        problems.append(Problem(where, "levels", _("The scale needs at least one level.")))
    level_codes: set[str] = set()
    ranks: set[int] = set()
    for index, level in enumerate(data.levels):
        at = _where(level, _("level %(number)d") % {"number": index + 1})
        if not isinstance(level.rank, int) or isinstance(level.rank, bool) or level.rank < 1:
            problems.append(Problem(at, "rank", _("The rank must be a whole number from 1.")))
        elif level.rank in ranks:
            problems.append(
                Problem(at, "rank", _("Rank %(rank)d is used twice.") % {"rank": level.rank})
            )
        else:
            ranks.add(level.rank)
        if not level.code or not SLUG_RE.match(level.code) or len(level.code) > 40:
            problems.append(Problem(at, "code", _("A level code is 1 to 40 letters or digits.")))
        elif level.code in level_codes:
            problems.append(
                Problem(at, "code", _("The code “%(code)s” is used twice.") % {"code": level.code})
            )
        else:
            level_codes.add(level.code)
        problems += check_texts(
            level.label,
            location=at,
            field_name="label",
            required_language=lang,
            max_length=MAX_LENGTHS["level.label"],
        )
        problems += check_texts(
            level.description, location=at, field_name="description", required_language=None
        )
    if ranks and sorted(ranks) != list(range(1, len(ranks) + 1)):
        problems.append(Problem(where, "levels", _("Level ranks must run 1, 2, 3… without gaps.")))

    if not data.blocks:
        problems.append(Problem(where, "blocks", _("The framework needs at least one block.")))
    block_codes: set[str] = set()
    competence_codes: set[str] = set()
    for b_index, block in enumerate(data.blocks):
        at = _where(block, _("block %(number)d") % {"number": b_index + 1})
        problems += _check_code(block.code, at, block_codes)
        problems += check_texts(
            block.title,
            location=at,
            field_name="title",
            required_language=lang,
            max_length=MAX_LENGTHS["block.title"],
        )
        problems += check_texts(
            block.description, location=at, field_name="description", required_language=None
        )
        if not block.competences:
            problems.append(Problem(at, "competences", _("A block needs at least one competence.")))
        for c_index, competence in enumerate(block.competences):
            c_at = _where(
                competence,
                _("competence %(number)d of block %(block)s")
                % {"number": c_index + 1, "block": block.code},
            )
            problems += _check_competence(competence, c_at, competence_codes, level_codes, lang)
    return problems


def _check_code(code: object, at: str, seen: set[str]) -> list[Problem]:
    if (
        not isinstance(code, str)
        or not code
        or not CODE_RE.match(code)
        or len(code) > CODE_MAX_LENGTH
    ):
        return [
            Problem(
                at,
                "code",
                _("A code is 1 to %(max)d letters, digits, dots, hyphens or underscores.")
                % {"max": CODE_MAX_LENGTH},
            )
        ]
    if code in seen:
        return [Problem(at, "code", _("The code “%(code)s” is used twice.") % {"code": code})]
    seen.add(code)
    return []


def _check_competence(
    competence: CompetenceData,
    at: str,
    competence_codes: set[str],
    level_codes: set[str],
    lang: str | None,
) -> list[Problem]:
    problems = _check_code(competence.code, at, competence_codes)
    problems += check_texts(
        competence.title,
        location=at,
        field_name="title",
        required_language=lang,
        max_length=MAX_LENGTHS["competence.title"],
    )
    problems += check_texts(
        competence.description, location=at, field_name="description", required_language=None
    )
    for i_index, indicator in enumerate(competence.indicators):
        problems += check_texts(
            indicator,
            location=at,
            field_name=_("indicator %(number)d") % {"number": i_index + 1},
            required_language=lang,
            max_length=MAX_LENGTHS["indicator.text"],
        )
    for level_code, text in competence.descriptors.items():
        if level_code not in level_codes:
            problems.append(
                Problem(
                    at,
                    "descriptors",
                    _("The level “%(code)s” is not on the scale.") % {"code": level_code},
                )
            )
        problems += check_texts(text, location=at, field_name="descriptors", required_language=lang)
    for profile, level_code in competence.expected.items():
        if profile not in PROFILES:
            problems.append(
                Problem(
                    at,
                    "expected",
                    _("Unknown profile “%(profile)s”; use one of: %(known)s.")
                    % {"profile": profile, "known": ", ".join(PROFILES)},
                )
            )
        if level_code not in level_codes:
            problems.append(
                Problem(
                    at,
                    "expected",
                    _("The level “%(code)s” is not on the scale.") % {"code": level_code},
                )
            )
    seen_mappings: set[tuple[str, str]] = set()
    for mapping in competence.mappings:
        m_at = _where(mapping, at)
        if mapping.scheme not in SCHEMES:
            problems.append(
                Problem(
                    m_at,
                    "mappings",
                    _("Unknown reference “%(scheme)s”; use one of: %(known)s.")
                    % {"scheme": mapping.scheme, "known": ", ".join(SCHEMES)},
                )
            )
        if not mapping.reference or len(mapping.reference) > 300:
            problems.append(
                Problem(m_at, "mappings", _("A mapping needs an item of 1 to 300 characters."))
            )
        if len(mapping.label or "") > 300:
            problems.append(
                Problem(
                    m_at,
                    "mappings",
                    _("The label of the mapping “%(reference)s” is longer than %(max)d characters.")
                    % {"reference": mapping.reference, "max": 300},
                )
            )
        key = (mapping.scheme, mapping.reference)
        if key in seen_mappings:
            problems.append(
                Problem(
                    m_at,
                    "mappings",
                    _("The mapping “%(reference)s” is given twice.")
                    % {"reference": mapping.reference},
                )
            )
        seen_mappings.add(key)
    return problems
