"""The CSV format: one row per competence, for editing in a spreadsheet (see docs/frameworks.md).

The file is UTF-8 (a byte-order mark is written, and accepted), comma-separated (a semicolon is
accepted too, as French spreadsheets save it). It has three kinds of rows:

- `#framework,<name>,<value>`: the framework's metadata, one value per row (`slug`,
  `original_language`, `version`, `status`, `title_<lang>`, `description_<lang>`,
  `change_note_<lang>`, `format_version`);
- `#level,…`: the scale; the first `#level` row names the columns (`rank`, `code`,
  `label_<lang>`, `description_<lang>`), each following one is a level;
- the header row of the competences (the first row that does not start with `#`), then one row
  per competence: `block_code`, `block_title_<lang>`, `block_description_<lang>`,
  `competence_code`, `title_<lang>`, `description_<lang>`, `indicators_<lang>` (one indicator
  per line of the cell), `expected_<profile>`, `descriptor_<level code>_<lang>`,
  `cedefop_2009`, `nice_2016`, `esco` (`reference | label` items separated by `;`).

Other rows whose first cell starts with `#` are comments; empty rows are skipped. Problems are
located by line (the line where the row starts).
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from cocade.competencies.enums import VersionStatus
from cocade.competencies.interchange.data import (
    PROFILES,
    SCHEMES,
    BlockData,
    CompetenceData,
    FrameworkData,
    LevelData,
    MappingData,
    Problem,
    Texts,
)
from cocade.competencies.interchange.errors import ParseFailed
from cocade.competencies.interchange.reading import decode, languages, line, whole_number

FORMAT_VERSION = 1
FRAMEWORK_MARK = "#framework"
LEVEL_MARK = "#level"
FRAMEWORK_TEXTS = ("title", "description", "change_note")
LEVEL_TEXTS = ("label", "description")
BLOCK_TEXTS = ("block_title", "block_description")
COMPETENCE_TEXTS = ("title", "description")
INDICATORS = "indicators"
DESCRIPTOR = "descriptor"
EXPECTED = "expected"


# --- Export --------------------------------------------------------------------------------------


def _languages_of(data: FrameworkData) -> list[str]:
    """The languages that appear in any text, the original language first."""
    used: set[str] = {data.original_language}
    texts: list[Texts] = [data.title, data.description, data.change_note]
    for level in data.levels:
        texts += [level.label, level.description]
    for block in data.blocks:
        texts += [block.title, block.description]
        for competence in block.competences:
            texts += [competence.title, competence.description, *competence.indicators]
            texts += list(competence.descriptors.values())
    for value in texts:
        used.update(code for code, text in value.items() if text)
    known = languages()

    def order(code: str) -> tuple[int, int, str]:
        return (0, known.index(code), code) if code in known else (1, 0, code)

    rest = sorted(used - {data.original_language}, key=order)
    return [data.original_language, *rest]


def escape_mapping(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace("|", "\\|")


def mapping_cell(mappings: list[MappingData]) -> str:
    items = []
    for mapping in mappings:
        item = escape_mapping(mapping.reference)
        if mapping.label:
            item += " | " + escape_mapping(mapping.label)
        items.append(item)
    return "; ".join(items)


def header_of(data: FrameworkData) -> list[str]:
    langs = _languages_of(data)
    columns = ["block_code"]
    columns += [f"{name}_{lang}" for name in BLOCK_TEXTS for lang in langs]
    columns.append("competence_code")
    columns += [f"{name}_{lang}" for name in COMPETENCE_TEXTS for lang in langs]
    columns += [f"{INDICATORS}_{lang}" for lang in langs]
    columns += [f"{EXPECTED}_{profile}" for profile in PROFILES]
    columns += [f"{DESCRIPTOR}_{level.code}_{lang}" for level in data.levels for lang in langs]
    columns += list(SCHEMES)
    return columns


def dump(data: FrameworkData) -> bytes:
    langs = _languages_of(data)
    rows: list[list[str]] = [
        [FRAMEWORK_MARK, "format_version", str(FORMAT_VERSION)],
        [FRAMEWORK_MARK, "slug", data.slug],
        [FRAMEWORK_MARK, "original_language", data.original_language],
    ]
    if data.version is not None:
        rows.append([FRAMEWORK_MARK, "version", str(data.version)])
    if data.status:
        rows.append([FRAMEWORK_MARK, "status", data.status])
    for name in FRAMEWORK_TEXTS:
        texts = getattr(data, name)
        rows += [
            [FRAMEWORK_MARK, f"{name}_{lang}", texts[lang]] for lang in langs if texts.get(lang)
        ]
    rows.append(
        [LEVEL_MARK, "rank", "code"] + [f"{name}_{lang}" for name in LEVEL_TEXTS for lang in langs]
    )
    for level in data.levels:
        rows.append(
            [LEVEL_MARK, str(level.rank), level.code]
            + [getattr(level, name).get(lang, "") for name in LEVEL_TEXTS for lang in langs]
        )
    rows.append(header_of(data))
    for block in data.blocks:
        block_cells = [block.code]
        block_cells += [block.title.get(lang, "") for lang in langs]
        block_cells += [block.description.get(lang, "") for lang in langs]
        for competence in block.competences:
            row = [*block_cells, competence.code]
            row += [competence.title.get(lang, "") for lang in langs]
            row += [competence.description.get(lang, "") for lang in langs]
            row += [
                "\n".join(texts.get(lang, "") for texts in competence.indicators).rstrip("\n")
                for lang in langs
            ]
            row += [competence.expected.get(profile, "") for profile in PROFILES]
            row += [
                competence.descriptors.get(level.code, {}).get(lang, "")
                for level in data.levels
                for lang in langs
            ]
            row += [
                mapping_cell([m for m in competence.mappings if m.scheme == scheme])
                for scheme in SCHEMES
            ]
            rows.append(row)
    output = io.StringIO(newline="")
    csv.writer(output, lineterminator="\r\n").writerows(rows)
    return codecs.BOM_UTF8 + output.getvalue().encode("utf-8")


# --- Import --------------------------------------------------------------------------------------


@dataclass
class _Row:
    """A record of the file: its first line, its cells stripped, and as written."""

    number: int
    cells: list[str]
    raw: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        return line(self.number)


@dataclass
class _Column:
    """What one header column holds: `kind` (block_code, title, descriptor, cedefop_2009, …),
    and for the translated ones the language and, for descriptors, the level code."""

    index: int
    name: str
    kind: str
    language: str = ""
    level: str = ""


@dataclass
class _Parser:
    problems: list[Problem] = field(default_factory=list)

    def add(self, at: str, field_name: str, message: str) -> None:
        self.problems.append(Problem(at, field_name, message))

    # Rows ----------------------------------------------------------------------------------------

    def rows(self, text: str) -> list[_Row]:
        delimiter = _delimiter(text)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        rows: list[_Row] = []
        start = 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                self.add(
                    line(start), "", _("This row cannot be read: %(reason)s.") % {"reason": error}
                )
                start = reader.line_num + 1
                continue
            rows.append(_Row(start, [cell.strip() for cell in cells], cells))
            start = reader.line_num + 1
        return rows

    def extra_cells(self, row: _Row, width: int) -> None:
        if any(row.cells[width:]):
            self.add(
                row.where,
                "",
                _("This row has more cells than its header (%(count)d); remove the extra ones.")
                % {"count": width},
            )

    # Framework ------------------------------------------------------------------------------------

    def framework(self, rows: list[_Row]) -> tuple[dict[str, str], dict[str, Texts], str]:
        values: dict[str, str] = {}
        texts: dict[str, Texts] = {name: {} for name in FRAMEWORK_TEXTS}
        seen: dict[str, int] = {}
        for row in rows:
            name = row.cells[1] if len(row.cells) > 1 else ""
            value = row.cells[2] if len(row.cells) > 2 else ""
            self.extra_cells(row, 3)
            if name in seen:
                self.add(
                    row.where,
                    name,
                    _("This value is already given on line %(number)d.") % {"number": seen[name]},
                )
                continue
            seen[name] = row.number
            if name in ("format_version", "slug", "original_language", "version", "status"):
                values[name] = value
                continue
            prefix, _sep, lang = name.rpartition("_")
            if prefix in FRAMEWORK_TEXTS and self.language(lang, row.where, name):
                if value:
                    texts[prefix][lang] = value
                continue
            if prefix not in FRAMEWORK_TEXTS:
                self.add(
                    row.where,
                    name,
                    _(
                        "Unknown #framework value; use format_version, slug, original_language, "
                        "version, status, title_<language>, description_<language> or "
                        "change_note_<language>."
                    ),
                )
        where = line(rows[0].number) if rows else FRAMEWORK_MARK
        for name in ("slug", "original_language"):
            if not values.get(name):
                self.add(
                    FRAMEWORK_MARK,
                    name,
                    _("Missing: add a row “%(mark)s,%(name)s,…”.")
                    % {"mark": FRAMEWORK_MARK, "name": name},
                )
        if values.get("format_version", str(FORMAT_VERSION)) != str(FORMAT_VERSION):
            self.add(
                line(seen["format_version"]),
                "format_version",
                _("Only version %(number)d of the format can be read.")
                % {"number": FORMAT_VERSION},
            )
        if values.get("version") and not whole_number(values["version"]):
            self.add(line(seen["version"]), "version", _("Expected a whole number from 1."))
            values.pop("version")
        if values.get("status") and values["status"] not in VersionStatus.values:
            self.add(
                line(seen["status"]),
                "status",
                _("Expected one of: %(known)s.") % {"known": ", ".join(VersionStatus.values)},
            )
            values.pop("status")
        return values, texts, where

    def language(self, code: str, at: str, column: str) -> bool:
        if code in languages():
            return True
        self.add(
            at,
            column,
            _("Unknown language “%(code)s” in this name; use one of: %(known)s.")
            % {"code": code, "known": ", ".join(sorted(languages()))},
        )
        return False

    # Levels ---------------------------------------------------------------------------------------

    def levels(self, rows: list[_Row], original_language: str) -> list[LevelData]:
        if not rows:
            return []
        header, *rows = rows
        columns: dict[str, int] = {}
        for index, name in enumerate(header.cells[1:], start=1):
            if not name:
                continue
            if name in columns:
                self.add(header.where, name, _("This column is given twice."))
                continue
            prefix, _sep, lang = name.rpartition("_")
            if name in ("rank", "code") or (
                prefix in LEVEL_TEXTS and self.language(lang, header.where, name)
            ):
                columns[name] = index
            elif prefix not in LEVEL_TEXTS:
                self.add(
                    header.where,
                    name,
                    _(
                        "Unknown column of the scale; the first #level row names the columns: "
                        "rank, code, label_<language>, description_<language>."
                    ),
                )
        required = ["rank", "code"]
        if original_language in languages():
            required.append(f"label_{original_language}")
        for name in required:
            if name not in columns:
                self.add(header.where, name, _("This column is missing."))
        if any(name not in columns for name in ("rank", "code")):
            return []
        width = max(columns.values()) + 1
        levels = []
        for row in rows:
            self.extra_cells(row, width)
            cells = row.cells + [""] * (width - len(row.cells))
            rank_text = cells[columns["rank"]]
            rank = whole_number(rank_text)
            if rank is None:
                self.add(row.where, "rank", _("Expected a whole number."))
            texts: dict[str, Texts] = {name: {} for name in LEVEL_TEXTS}
            for name, index in columns.items():
                prefix, _sep, lang = name.rpartition("_")
                if prefix in LEVEL_TEXTS and cells[index]:
                    texts[prefix][lang] = cells[index]
            levels.append(
                LevelData(
                    rank=rank or 0,
                    code=cells[columns["code"]],
                    label=texts["label"],
                    description=texts["description"],
                    source=row.where,
                )
            )
        return levels

    # Competences ----------------------------------------------------------------------------------

    def columns(self, header: _Row, original_language: str, level_codes: set[str]) -> list[_Column]:
        columns: list[_Column] = []
        names: set[str] = set()
        for index, name in enumerate(header.cells):
            if not name:
                continue
            if name in names:
                self.add(header.where, name, _("This column is given twice."))
                continue
            names.add(name)
            column = self.column(index, name, header.where, level_codes)
            if column is not None:
                columns.append(column)
        required = ["block_code", "competence_code"]
        if original_language in languages():
            required += [f"block_title_{original_language}", f"title_{original_language}"]
        for name in required:
            if name not in names:
                self.add(header.where, name, _("This column is missing."))
        return columns

    def column(self, index: int, name: str, at: str, level_codes: set[str]) -> _Column | None:
        if name in ("block_code", "competence_code", *SCHEMES):
            return _Column(index, name, name)
        if name.startswith(f"{EXPECTED}_"):
            profile = name.removeprefix(f"{EXPECTED}_")
            if profile in PROFILES:
                return _Column(index, name, EXPECTED, level=profile)
            self.add(
                at,
                name,
                _("Unknown profile “%(profile)s”; use one of: %(known)s.")
                % {"profile": profile, "known": ", ".join(PROFILES)},
            )
            return None
        if name.startswith(f"{DESCRIPTOR}_"):
            level, _sep, lang = name.removeprefix(f"{DESCRIPTOR}_").rpartition("_")
            if not level:
                self.add(at, name, _("Name descriptor columns descriptor_<level code>_<language>."))
                return None
            known_language = self.language(lang, at, name)
            if level not in level_codes:
                self.add(at, name, _("The level “%(code)s” is not on the scale.") % {"code": level})
                return None
            return _Column(index, name, DESCRIPTOR, lang, level) if known_language else None
        prefix, _sep, lang = name.rpartition("_")
        if prefix in (*BLOCK_TEXTS, *COMPETENCE_TEXTS, INDICATORS):
            return _Column(index, name, prefix, lang) if self.language(lang, at, name) else None
        self.add(at, name, _("Unknown column; docs/frameworks.md lists the columns."))
        return None

    def blocks(self, header: _Row, rows: list[_Row], columns: list[_Column]) -> list[BlockData]:
        width = max(len(header.cells), 1)
        blocks: dict[str, BlockData] = {}
        first_rows: dict[str, dict[str, tuple[str, int]]] = {}
        for row in rows:
            self.extra_cells(row, width)
            cells = row.cells + [""] * (width - len(row.cells))
            for index in range(width):
                if cells[index] and not header.cells[index]:
                    self.add(
                        row.where,
                        _("column %(number)d") % {"number": index + 1},
                        _("This column has no name in the header; name it or empty it."),
                    )
            values = {column.name: cells[column.index] for column in columns}
            raw = row.raw + [""] * (width - len(row.raw))
            indicators = {c.language: raw[c.index] for c in columns if c.kind == INDICATORS}
            code = values.get("block_code", "")
            block = blocks.get(code)
            if block is None:
                block = blocks[code] = BlockData(code=code, title={}, source=row.where)
                first_rows[code] = {}
                for column in columns:
                    if column.kind in BLOCK_TEXTS and values[column.name]:
                        texts = block.title if column.kind == "block_title" else block.description
                        texts[column.language] = values[column.name]
                        first_rows[code][column.name] = (values[column.name], row.number)
            else:
                self.same_block_texts(row, columns, values, first_rows[code])
            block.competences.append(self.competence(row, columns, values, indicators))
        return list(blocks.values())

    def same_block_texts(
        self,
        row: _Row,
        columns: list[_Column],
        values: dict[str, str],
        first: dict[str, tuple[str, int]],
    ) -> None:
        """A block's texts are repeated on its rows, or left empty there; never different."""
        for column in columns:
            if column.kind not in BLOCK_TEXTS or not values[column.name]:
                continue
            text, number = first.get(column.name, ("", 0))
            if values[column.name] != text:
                self.add(
                    row.where,
                    column.name,
                    _(
                        "This block's text differs from the one on its first row (line "
                        "%(number)d); give the same text, or leave the cell empty."
                    )
                    % {"number": number or row.number},
                )

    def competence(
        self,
        row: _Row,
        columns: list[_Column],
        values: dict[str, str],
        indicators: dict[str, str],
    ) -> CompetenceData:
        """One row's competence. An indicator cell holds one indicator per line, in the same
        order in every language; an empty line is an indicator not translated there."""
        competence = CompetenceData(
            code=values.get("competence_code", ""), title={}, source=row.where
        )
        indicator_lines: dict[str, list[str]] = {}
        for column in columns:
            value = values[column.name]
            if not value:
                continue
            if column.kind == "title":
                competence.title[column.language] = value
            elif column.kind == "description":
                competence.description[column.language] = value
            elif column.kind == INDICATORS:
                lines = [part.strip() for part in indicators[column.language].split("\n")]
                indicator_lines[column.language] = lines
            elif column.kind == EXPECTED:
                competence.expected[column.level] = value
            elif column.kind == DESCRIPTOR:
                competence.descriptors.setdefault(column.level, {})[column.language] = value
            elif column.kind in SCHEMES:
                competence.mappings += self.mappings(row, column.kind, value)
        count = max((len(lines) for lines in indicator_lines.values()), default=0)
        for position in range(count):
            texts = {
                lang: lines[position]
                for lang, lines in indicator_lines.items()
                if position < len(lines) and lines[position]
            }
            if texts:
                competence.indicators.append(texts)
        return competence

    def mappings(self, row: _Row, scheme: str, cell: str) -> list[MappingData]:
        result = []
        for parts in _split_mappings(cell):
            if len(parts) > 2:
                self.add(
                    row.where,
                    scheme,
                    _(
                        "Write each item as “reference” or “reference | label”; escape a "
                        "“|” or “;” in a text with a backslash (\\| or \\;)."
                    ),
                )
                continue
            result.append(
                MappingData(
                    scheme=scheme,
                    reference=parts[0],
                    label=parts[1] if len(parts) == 2 else "",
                    source=row.where,
                )
            )
        return result


def _delimiter(text: str) -> str:
    """Comma, unless the first row that is not a comment uses semicolons (or tabs) first."""
    first_line = ""
    for part in text.splitlines():
        cell = part.strip().lower()
        if cell and (not cell.startswith("#") or cell.startswith((FRAMEWORK_MARK, LEVEL_MARK))):
            first_line = part
            break
    positions = {d: first_line.find(d) for d in (",", ";", "\t") if d in first_line}
    return min(positions, key=lambda d: positions[d]) if positions else ","


def _split_mappings(cell: str) -> list[list[str]]:
    """`a | x; b` → [["a", "x"], ["b"]], honouring backslash escapes; empty items skipped."""
    items: list[list[str]] = []
    current = [""]
    index = 0
    while index < len(cell):
        char = cell[index]
        if char == "\\" and index + 1 < len(cell):
            current[-1] += cell[index + 1]
            index += 2
            continue
        if char == ";":
            items.append(current)
            current = [""]
        elif char == "|":
            current.append("")
        else:
            current[-1] += char
        index += 1
    items.append(current)
    cleaned = [[part.strip() for part in item] for item in items]
    return [item for item in cleaned if any(item)]


def parse(raw: bytes) -> FrameworkData:
    text = decode(raw)
    parser = _Parser()
    rows = [row for row in parser.rows(text) if any(row.cells)]
    framework_rows = [row for row in rows if row.cells[0].lower() == FRAMEWORK_MARK]
    level_rows = [row for row in rows if row.cells[0].lower() == LEVEL_MARK]
    content = [row for row in rows if not row.cells[0].startswith("#")]
    values, texts, where = parser.framework(framework_rows)
    lang = values.get("original_language", "")
    levels = parser.levels(level_rows, lang)
    if not level_rows:
        parser.add(
            LEVEL_MARK,
            "",
            _("The scale is missing: add a #level row naming the columns, then one per level."),
        )
    if not content:
        parser.add(
            "",
            "",
            _("The header row of the competences is missing (block_code, competence_code, …)."),
        )
        raise ParseFailed(parser.problems)
    header, *competence_rows = content
    columns = parser.columns(header, lang, {level.code for level in levels})
    blocks = parser.blocks(header, competence_rows, columns)
    if parser.problems:
        raise ParseFailed(parser.problems)
    return FrameworkData(
        slug=values.get("slug", ""),
        original_language=lang,
        title=texts["title"],
        description=texts["description"],
        change_note=texts["change_note"],
        levels=levels,
        blocks=blocks,
        version=whole_number(values.get("version")),
        status=values.get("status") or None,
        source=where,
    )
