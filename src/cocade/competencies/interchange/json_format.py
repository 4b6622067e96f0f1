"""The COCADE JSON format: FrameworkData as a JSON object (see docs/frameworks.md).

```
{"format": "cocade-framework", "format_version": 1, "slug": …, "original_language": …,
 "version": 1, "status": "published", "title": {lang: text}, "description": {…},
 "change_note": {…}, "levels": [{"rank", "code", "label", "description"}],
 "blocks": [{"code", "title", "description", "competences": [{"code", "title",
   "description", "indicators": [{lang: text}], "descriptors": {level_code: {lang: text}},
   "expected": {profile: level_code}, "mappings": [{"scheme", "reference", "label"}]}]}]}
```

Problems are located by a JSON path: `blocks[1].competences[0]`, field `title`.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _

from cocade.competencies.enums import VersionStatus
from cocade.competencies.interchange.data import (
    BlockData,
    CompetenceData,
    FrameworkData,
    LevelData,
    MappingData,
    Problem,
    Texts,
)
from cocade.competencies.interchange.errors import ParseFailed
from cocade.competencies.interchange.reading import decode, ordered

FORMAT_NAME = "cocade-framework"
FORMAT_VERSION = 1

FRAMEWORK_KEYS = (
    "format",
    "format_version",
    "slug",
    "original_language",
    "version",
    "status",
    "title",
    "description",
    "change_note",
    "levels",
    "blocks",
)
LEVEL_KEYS = ("rank", "code", "label", "description")
BLOCK_KEYS = ("code", "title", "description", "competences")
COMPETENCE_KEYS = (
    "code",
    "title",
    "description",
    "indicators",
    "descriptors",
    "expected",
    "mappings",
)
MAPPING_KEYS = ("scheme", "reference", "label")


# --- Export --------------------------------------------------------------------------------------


def as_document(data: FrameworkData) -> dict[str, Any]:
    """The JSON object of a framework (key order as documented, texts in language order)."""
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "slug": data.slug,
        "original_language": data.original_language,
        "version": data.version,
        "status": data.status,
        "title": ordered(data.title),
        "description": ordered(data.description),
        "change_note": ordered(data.change_note),
        "levels": [
            {
                "rank": level.rank,
                "code": level.code,
                "label": ordered(level.label),
                "description": ordered(level.description),
            }
            for level in data.levels
        ],
        "blocks": [
            {
                "code": block.code,
                "title": ordered(block.title),
                "description": ordered(block.description),
                "competences": [_competence_document(c) for c in block.competences],
            }
            for block in data.blocks
        ],
    }


def _competence_document(competence: CompetenceData) -> dict[str, Any]:
    return {
        "code": competence.code,
        "title": ordered(competence.title),
        "description": ordered(competence.description),
        "indicators": [ordered(texts) for texts in competence.indicators],
        "descriptors": {code: ordered(texts) for code, texts in competence.descriptors.items()},
        "expected": dict(competence.expected),
        "mappings": [
            {"scheme": m.scheme, "reference": m.reference, "label": m.label}
            for m in competence.mappings
        ],
    }


def dump(data: FrameworkData) -> bytes:
    text = json.dumps(as_document(data), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


# --- Import --------------------------------------------------------------------------------------


class _Object(dict):
    """A JSON object that remembers the keys it was given twice."""

    duplicates: list[str]


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    result = _Object()
    result.duplicates = []
    for key, value in pairs:
        if key in result and key not in result.duplicates:
            result.duplicates.append(key)
        result[key] = value
    return result


def load(raw: bytes) -> Any:
    """The JSON value of the file; unreadable text or syntax is a ParseFailed."""
    text = decode(raw)
    try:
        return json.loads(text, object_pairs_hook=_object)
    except json.JSONDecodeError as error:
        raise ParseFailed(
            [
                Problem(
                    _("line %(line)d, column %(column)d")
                    % {"line": error.lineno, "column": error.colno},
                    "",
                    _("This is not valid JSON: %(reason)s.") % {"reason": error.msg},
                )
            ]
        ) from error
    except RecursionError as error:
        raise ParseFailed([Problem("", "", _("The JSON is nested too deeply."))]) from error


def parse(raw: bytes) -> FrameworkData:
    document = load(raw)
    reader = _Reader()
    data = reader.framework(document)
    if reader.problems or data is None:
        raise ParseFailed(
            reader.problems or [Problem("", "", _("The file cannot be read as a framework."))]
        )
    return data


class _Reader:
    """Walks the JSON value, checking every type, and collects every problem on the way."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, at: str, field: str, message: Any) -> None:
        self.problems.append(Problem(at, field, str(message)))

    def object(
        self, value: Any, at: str, field: str, keys: tuple[str, ...]
    ) -> dict[str, Any] | None:
        """`value` as an object whose keys are among `keys`, else None (with its problem)."""
        if not isinstance(value, dict):
            self.add(at, field, _("Expected an object ({…})."))
            return None
        where = f"{at}.{field}" if at and field else (at or field)
        for key in getattr(value, "duplicates", []):
            self.add(where, key, _("This field is given twice."))
        for key in value:
            if key not in keys:
                self.add(
                    where,
                    key,
                    _("Unknown field; the fields here are: %(known)s.")
                    % {"known": ", ".join(keys)},
                )
        return value

    def list(self, value: Any, at: str, field: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(at, field, _("Expected a list ([…])."))
            return []
        return value

    def string(self, value: Any, at: str, field: str, *, required: bool = True) -> str:
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            self.add(at, field, _("Expected a text."))
            return ""
        return value

    def texts(self, value: Any, at: str, field: str) -> Texts:
        """A {language: text} object; null counts as no text at all."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add(at, field, _('Expected texts by language, such as {"fr": "…"}.'))
            return {}
        for key in getattr(value, "duplicates", []):
            self.add(at, field, _("The language “%(code)s” is given twice.") % {"code": key})
        result: Texts = {}
        for code, text in value.items():
            if not isinstance(text, str):
                self.add(
                    at,
                    field,
                    _("The %(language)s text must be a text.") % {"language": code},
                )
            else:
                result[code] = text
        return result

    def framework(self, document: Any) -> FrameworkData | None:
        at = _("framework")
        if isinstance(document, dict) and "CFDocument" in document:
            self.add(
                "",
                "",
                _("This looks like a CASE file; choose the CASE format to import it."),
            )
            return None
        if not isinstance(document, dict):
            self.add("", "", _("The file must hold one JSON object ({…})."))
            return None
        self.object(document, at, "", FRAMEWORK_KEYS)
        if document.get("format") != FORMAT_NAME:
            self.add(
                at,
                "format",
                _("Expected “%(name)s”: this file is not a COCADE framework.")
                % {"name": FORMAT_NAME},
            )
        format_version = document.get("format_version")
        if format_version != FORMAT_VERSION or isinstance(format_version, bool):
            self.add(
                at,
                "format_version",
                _("Only version %(number)d of the format can be read.")
                % {"number": FORMAT_VERSION},
            )
        version = document.get("version")
        if version is not None and (
            not isinstance(version, int) or isinstance(version, bool) or version < 1
        ):
            self.add(at, "version", _("Expected a whole number from 1, or null."))
            version = None
        status = document.get("status")
        if status is not None and status not in VersionStatus.values:
            self.add(
                at,
                "status",
                _("Expected one of: %(known)s, or null.")
                % {"known": ", ".join(VersionStatus.values)},
            )
            status = None
        levels = [
            self.level(value, f"levels[{index}]")
            for index, value in enumerate(self.list(document.get("levels"), at, "levels"))
        ]
        blocks = [
            self.block(value, f"blocks[{index}]")
            for index, value in enumerate(self.list(document.get("blocks"), at, "blocks"))
        ]
        return FrameworkData(
            slug=self.string(document.get("slug"), at, "slug"),
            original_language=self.string(
                document.get("original_language"), at, "original_language"
            ),
            title=self.texts(document.get("title"), at, "title"),
            description=self.texts(document.get("description"), at, "description"),
            change_note=self.texts(document.get("change_note"), at, "change_note"),
            levels=[level for level in levels if level is not None],
            blocks=[block for block in blocks if block is not None],
            version=version,
            status=status,
        )

    def level(self, value: Any, at: str) -> LevelData | None:
        level = self.object(value, at, "", LEVEL_KEYS)
        if level is None:
            return None
        rank = level.get("rank")
        if not isinstance(rank, int) or isinstance(rank, bool):
            self.add(at, "rank", _("Expected a whole number."))
            rank = 0
        return LevelData(
            rank=rank,
            code=self.string(level.get("code"), at, "code"),
            label=self.texts(level.get("label"), at, "label"),
            description=self.texts(level.get("description"), at, "description"),
            source=at,
        )

    def block(self, value: Any, at: str) -> BlockData | None:
        block = self.object(value, at, "", BLOCK_KEYS)
        if block is None:
            return None
        competences = [
            self.competence(item, f"{at}.competences[{index}]")
            for index, item in enumerate(self.list(block.get("competences"), at, "competences"))
        ]
        return BlockData(
            code=self.string(block.get("code"), at, "code"),
            title=self.texts(block.get("title"), at, "title"),
            description=self.texts(block.get("description"), at, "description"),
            competences=[c for c in competences if c is not None],
            source=at,
        )

    def competence(self, value: Any, at: str) -> CompetenceData | None:
        competence = self.object(value, at, "", COMPETENCE_KEYS)
        if competence is None:
            return None
        indicators = [
            self.texts(item, at, f"indicators[{index}]")
            for index, item in enumerate(self.list(competence.get("indicators"), at, "indicators"))
        ]
        descriptors: dict[str, Texts] = {}
        raw_descriptors = competence.get("descriptors")
        if raw_descriptors is not None:
            if not isinstance(raw_descriptors, dict):
                self.add(at, "descriptors", _("Expected an object from level code to texts."))
            else:
                for key in getattr(raw_descriptors, "duplicates", []):
                    self.add(at, f"descriptors.{key}", _("This level is given twice."))
                for code, texts in raw_descriptors.items():
                    descriptors[code] = self.texts(texts, at, f"descriptors.{code}")
        expected: dict[str, str] = {}
        raw_expected = competence.get("expected")
        if raw_expected is not None:
            if not isinstance(raw_expected, dict):
                self.add(at, "expected", _("Expected an object from profile to level code."))
            else:
                for key in getattr(raw_expected, "duplicates", []):
                    self.add(at, f"expected.{key}", _("This profile is given twice."))
                for profile, code in raw_expected.items():
                    expected[profile] = self.string(code, at, f"expected.{profile}")
        mappings = [
            self.mapping(item, f"{at}.mappings[{index}]")
            for index, item in enumerate(self.list(competence.get("mappings"), at, "mappings"))
        ]
        return CompetenceData(
            code=self.string(competence.get("code"), at, "code"),
            title=self.texts(competence.get("title"), at, "title"),
            description=self.texts(competence.get("description"), at, "description"),
            indicators=indicators,
            descriptors=descriptors,
            expected=expected,
            mappings=[m for m in mappings if m is not None],
            source=at,
        )

    def mapping(self, value: Any, at: str) -> MappingData | None:
        mapping = self.object(value, at, "", MAPPING_KEYS)
        if mapping is None:
            return None
        return MappingData(
            scheme=self.string(mapping.get("scheme"), at, "scheme"),
            reference=self.string(mapping.get("reference"), at, "reference"),
            label=self.string(mapping.get("label"), at, "label", required=False),
            source=at,
        )
