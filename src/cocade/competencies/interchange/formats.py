"""The three interchange formats behind one interface: parse a file whole (structure, then
content), or export a version.

Importing goes through `services.interchange.import_framework_file`; this module only reads
and writes bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from cocade.competencies.interchange import case_format, csv_format, json_format
from cocade.competencies.interchange.data import FrameworkData, Problem, check_framework
from cocade.competencies.interchange.errors import ParseFailed
from cocade.competencies.models import FrameworkVersion
from cocade.competencies.selectors.frameworks import version_as_data
from cocade.competencies.services.frameworks import ImportRejected

#: Uploads above this size are refused before they are read.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Format:
    code: str
    label: Any
    parse: Callable[[bytes], FrameworkData]
    dump: Callable[[FrameworkData, FrameworkVersion | None], bytes]
    suffix: str
    content_type: str


FORMATS: dict[str, Format] = {
    "json": Format(
        "json",
        _("COCADE JSON"),
        json_format.parse,
        lambda data, version: json_format.dump(data),
        ".json",
        "application/json",
    ),
    "csv": Format(
        "csv",
        _("CSV (one row per competence)"),
        csv_format.parse,
        lambda data, version: csv_format.dump(data),
        ".csv",
        "text/csv; charset=utf-8",
    ),
    "case": Format(
        "case",
        _("1EdTech CASE 1.0 (JSON)"),
        case_format.parse,
        lambda data, version: case_format.dump(
            data, changed_at=(version.published_at or version.created_at) if version else None
        ),
        ".case.json",
        "application/json",
    ),
}


def format_choices() -> list[tuple[str, Any]]:
    return [(code, fmt.label) for code, fmt in FORMATS.items()]


def parse_file(raw: bytes, fmt: str, *, slug: str | None = None) -> FrameworkData:
    """The framework in `raw`, checked whole: the structure first (encoding, syntax, columns,
    types, hierarchy), then the content (`check_framework`). Any problem raises ImportRejected
    with all of them. `slug`, when given, replaces the file's identifier."""
    if fmt not in FORMATS:
        raise ImportRejected(
            [Problem("", "format", str(_("Unknown format; use json, csv or case.")))]
        )
    try:
        data = FORMATS[fmt].parse(raw)
    except ParseFailed as error:
        raise ImportRejected(error.problems) from error
    if slug:
        data.slug = slug
    problems = check_framework(data)
    if problems:
        raise ImportRejected(problems)
    return data


def export_data(data: FrameworkData, fmt: str) -> bytes:
    return FORMATS[fmt].dump(data, None)


def export_version(version: FrameworkVersion, fmt: str) -> tuple[bytes, str, str]:
    """The version in format `fmt`: (content, file name, content type)."""
    chosen = FORMATS[fmt]
    content = chosen.dump(version_as_data(version), version)
    filename = f"{version.framework.slug}-v{version.number}{chosen.suffix}"
    return content, filename, chosen.content_type
