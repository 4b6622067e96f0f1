"""The organisers' export of an event's registrants, as CSV or XLSX.

One table for both formats: name, email, language, status, when they registered (in the
event's time zone), one column per custom question, the number of half-days attended and one
column per half-day of the event ("x" when present). Headers and the texts the site writes
(statuses, yes/no) are in the reader's language; answers are as the registrant gave them.

A spreadsheet runs a cell that starts with = + - or @ as a formula: such texts are written
with a leading apostrophe, so that a name such as "=HYPERLINK(…)" stays a name.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from cocade.agenda.enums import HalfDay, QuestionKind, RegistrationStatus
from cocade.agenda.models import Event, Question, Registration
from cocade.core.audit import record_action

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {"csv": CSV_TYPE, "xlsx": XLSX_TYPE}

#: First characters that make a spreadsheet read a cell as a formula (tab and carriage return
#: too: some spreadsheets drop them and read what follows).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PRESENT = "x"
DATETIME_TEXT = "%Y-%m-%d %H:%M"


def safe_text(value: Any) -> Any:
    """A text a spreadsheet would run as a formula, made plain text with a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


@dataclass
class Table:
    header: list[str]
    rows: list[list[Any]]


def half_day_label(day: date, half: str) -> str:
    return f"{day.isoformat()} {HalfDay(half).label}"


def answer_text(question: Question, answers: dict[str, Any]) -> str:
    key = str(question.pk)
    if key not in answers:
        return ""
    value = answers[key]
    if question.kind == QuestionKind.CONSENT:
        return gettext("yes") if value is True else gettext("no")
    return str(value)


def registrant_table(
    event: Event, registrations: Iterable[Registration], questions: Sequence[Question]
) -> Table:
    """The export's table; `registrations` come with their `attendances` prefetched."""
    half_days = event.half_days()
    header = [
        gettext("Name"),
        gettext("Email"),
        gettext("Language"),
        gettext("Status"),
        gettext("Registered at (%(zone)s)") % {"zone": event.timezone},
    ]
    header += [str(question.label_i18n) for question in questions]
    header.append(gettext("Half-days attended"))
    header += [half_day_label(day, half) for day, half in half_days]
    statuses = dict(RegistrationStatus.choices)
    zone = event.zone
    rows = []
    for registration in registrations:
        present = {(a.day, a.half) for a in registration.attendances.all()}
        row: list[Any] = [
            registration.name,
            registration.email,
            registration.language,
            str(statuses.get(registration.status, registration.status)),
            registration.created_at.astimezone(zone),
        ]
        row += [answer_text(question, registration.answers or {}) for question in questions]
        row.append(sum(1 for half_day in half_days if half_day in present))
        row += [PRESENT if half_day in present else "" for half_day in half_days]
        rows.append(row)
    return Table(header=header, rows=rows)


# --- formats --------------------------------------------------------------------------------


def _csv_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.strftime(DATETIME_TEXT)
    return safe_text(value)


def to_csv(table: Table) -> bytes:
    """UTF-8 with a byte order mark (so that spreadsheets read the accents), every field
    quoted (a ; or , inside a name never splits a column)."""
    output = io.StringIO()
    writer = csv.writer(output, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([_csv_value(value) for value in table.header])
    for row in table.rows:
        writer.writerow([_csv_value(value) for value in row])
    return output.getvalue().encode("utf-8-sig")


def to_xlsx(table: Table, *, title: str) -> bytes:
    """One sheet: bold frozen header, widths fitted to the content, texts kept as texts."""
    return to_xlsx_book([(title, table)])


def to_xlsx_book(sheets: Sequence[tuple[str, Table]]) -> bytes:
    """A workbook of one sheet per (title, table), each as `to_xlsx` writes it."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def value_of(value: Any) -> Any:
        if value == "":
            return None
        if isinstance(value, datetime):
            return value.replace(tzinfo=None)
        if isinstance(value, str):
            return safe_text(ILLEGAL_CHARACTERS_RE.sub("", value))
        return value

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, table in sheets:
        sheet = workbook.create_sheet(
            ILLEGAL_CHARACTERS_RE.sub("", title).translate(str.maketrans("", "", "[]:*?/\\"))[:31]
            or "Sheet"
        )
        _fill(sheet, table, value_of)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _fill(sheet: Any, table: Table, value_of: Callable[[Any], Any]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.append([value_of(value) for value in table.header])
    for row in table.rows:
        sheet.append([value_of(value) for value in row])
    widths: dict[int, int] = {}
    bold = Font(bold=True)
    for line in sheet.iter_rows():
        for cell in line:
            if cell.row == 1:
                cell.font = bold
            if isinstance(cell.value, str):
                cell.data_type = "s"
                width = len(cell.value)
            elif isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
                width = 16
            else:
                width = len(str(cell.value or ""))
            widths[cell.column] = max(widths.get(cell.column, 0), width)
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 8), 50)
    sheet.freeze_panes = "A2"


def filename(event: Event, file_format: str) -> str:
    return f"{event.slug}-registrants.{file_format}"


# --- audit ----------------------------------------------------------------------------------


def record_export(*, actor: Any, event: Event, file_format: str, rows: int, filters: dict) -> None:
    """Audit an export: who, which event, the format, the filters and the number of rows;
    never a name, an address or the text searched for."""
    with transaction.atomic():
        record_action(
            actor=actor,
            action="agenda.registrants.exported",
            target=event,
            centre_id=event.centre_id,
            changes={"format": file_format, "rows": rows, "filters": filters},
        )
