"""What a speed recruitment's schedule prints and exports: a candidate's timetable, a company's
sheets (one page per table) and the organisers' master grid (slots × tables), as data for
pages and emails, as PDFs, and the grid as a table for CSV and XLSX.

PDFs are typeset by the agenda's `write_pdf` (WeasyPrint, nothing fetched) from the
templates `recruitment/pdf/`, with the agenda's print stylesheet and this module's own
(`cocade/recruitment-print.css`). A candidate's timetable is in
the candidate's language, with the QR code that checks them in at the door; a company's
sheets are in the company's language; the grid is in the language of the page it is asked
from. Times are those of the event's time zone; cancelled interviews are left out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import time_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cocade.agenda import pdf as agenda_pdf
from cocade.agenda.exports import Table
from cocade.agenda.models import Event
from cocade.agenda.qr import qr_svg
from cocade.agenda.tokens import check_in_token
from cocade.core.errors import interpolate
from cocade.recruitment.enums import InterviewStatus, Outcome
from cocade.recruitment.models import Candidate, Company, Interview, RecruitmentDay
from cocade.recruitment.services.candidates import TimetableRow, timetable_of
from cocade.recruitment.services.shortlist import day_slots, windows
from cocade.recruitment.solver import format_time

STYLESHEET = "cocade/recruitment-print.css"
#: The grid is printed on A4 landscape up to this many table columns, else on A3 landscape
#: with at most `A3_COLUMNS` columns per page (the times repeat on each page).
A4_COLUMNS = 8
A3_COLUMNS = 14
A3_LANDSCAPE = "@page { size: A3 landscape; }"


@dataclass
class EventFacts:
    """The event as the top of each printed page shows it, in the active language."""

    title: str
    organiser: str
    when: str
    place: list[str]


def event_facts(event: Event) -> EventFacts:
    return EventFacts(
        title=str(event),
        organiser=agenda_pdf.organiser_name(event),
        when=agenda_pdf.event_when(event),
        place=agenda_pdf.place_lines(event),
    )


def _offer_title(interview: Interview) -> str:
    offer = interview.application.offer
    return offer.title if offer else ""


def _scheduled(queryset: Any) -> Any:
    return queryset.exclude(status=InterviewStatus.CANCELLED).select_related("application__offer")


# --- a candidate's timetable ---------------------------------------------------------------


@dataclass
class Timetable:
    event: Event
    facts: EventFacts
    candidate: str
    rows: list[TimetableRow]


def candidate_timetable(candidate: Candidate) -> Timetable:
    """The candidate's interviews in order, in the event's local time (`timetable_of`)."""
    event = candidate.day.event
    return Timetable(
        event=event,
        facts=event_facts(event),
        candidate=candidate.name,
        rows=timetable_of(candidate),
    )


def candidate_timetable_html(candidate: Candidate) -> str:
    """The timetable's printable page, in the candidate's language."""
    registration = candidate.registration
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        return render_to_string(
            "recruitment/pdf/timetable.html",
            {
                "timetable": candidate_timetable(candidate),
                "qr_code": mark_safe(qr_svg(check_in_token(registration))),  # noqa: S308 - our SVG
            },
        )


def candidate_timetable_pdf(candidate: Candidate) -> bytes:
    """A4 portrait, in the candidate's language, with the QR code to show on arrival."""
    return agenda_pdf.write_pdf(candidate_timetable_html(candidate), stylesheets=[STYLESHEET])


# --- a company's sheets ----------------------------------------------------------------------


@dataclass
class SheetRow:
    starts_at: datetime
    ends_at: datetime
    candidate: str
    offer: str

    @property
    def start_label(self) -> str:
        return time_format(self.starts_at, "TIME_FORMAT")

    @property
    def end_label(self) -> str:
        return time_format(self.ends_at, "TIME_FORMAT")


@dataclass
class TableSheet:
    number: int
    rows: list[SheetRow]


@dataclass
class CompanySheet:
    company: Company
    facts: EventFacts
    tables: list[TableSheet]
    outcomes: list[str]


def company_sheet(company: Company) -> CompanySheet:
    """One sheet per table of the company (and per table an interview still uses), each with
    its interviews in order; labels in the active language."""
    event = company.day.event
    zone = event.zone
    by_table: dict[int, list[SheetRow]] = defaultdict(list)
    interviews = _scheduled(Interview.objects.filter(company=company)).select_related(
        "candidate__registration"
    )
    for interview in interviews.order_by("starts_at", "table", "pk"):
        by_table[interview.table].append(
            SheetRow(
                starts_at=interview.starts_at.astimezone(zone),
                ends_at=interview.ends_at.astimezone(zone),
                candidate=interview.candidate.name,
                offer=_offer_title(interview),
            )
        )
    numbers = sorted(set(range(1, company.tables + 1)) | set(by_table))
    return CompanySheet(
        company=company,
        facts=event_facts(event),
        tables=[TableSheet(number=number, rows=by_table.get(number, [])) for number in numbers],
        outcomes=[str(Outcome.SECOND_INTERVIEW.label), str(Outcome.HIRED.label)],
    )


def company_sheet_pdf(company: Company) -> bytes:
    """A4 portrait, one page per table, in the company's language."""
    with translation.override(company.language or settings.LANGUAGE_CODE):
        html = render_to_string(
            "recruitment/pdf/company_sheet.html",
            {"sheet": company_sheet(company)},
        )
    return agenda_pdf.write_pdf(html, stylesheets=[STYLESHEET])


# --- the master grid -------------------------------------------------------------------------


@dataclass
class GridColumn:
    company_id: int
    company: str
    table: int
    tables: int

    @property
    def label(self) -> str:
        if self.tables == 1:
            return self.company
        return str(
            interpolate(
                _("%(company)s, table %(table)d"), {"company": self.company, "table": self.table}
            )
        )


@dataclass
class GridCell:
    candidate: str
    offer: str
    status: str
    status_label: str


@dataclass
class GridRow:
    """A slot (or a break) of the day, in minutes since local midnight, and its cells."""

    start: int
    end: int
    cells: list[GridCell | None]
    is_break: bool = False

    @property
    def start_label(self) -> str:
        return format_time(self.start)

    @property
    def end_label(self) -> str:
        return format_time(self.end)


@dataclass
class GridPage:
    columns: list[GridColumn]
    rows: list[GridRow]


@dataclass
class Grid:
    day: RecruitmentDay
    facts: EventFacts
    columns: list[GridColumn]
    rows: list[GridRow]
    interviews: int

    def pages(self, width: int) -> list[GridPage]:
        """The grid cut into pages of at most `width` columns, every row on each."""
        if not self.columns:
            return [GridPage(columns=[], rows=self.rows)]
        return [
            GridPage(
                columns=self.columns[first : first + width],
                rows=[
                    GridRow(row.start, row.end, row.cells[first : first + width], row.is_break)
                    for row in self.rows
                ],
            )
            for first in range(0, len(self.columns), width)
        ]


def _grid_columns(companies: list[Company], tables_used: dict[int, int]) -> list[GridColumn]:
    columns = []
    for company in companies:
        tables = max(company.tables, tables_used.get(company.pk, 0))
        columns += [
            GridColumn(company_id=company.pk, company=company.name, table=table, tables=tables)
            for table in range(1, tables + 1)
        ]
    return columns


def _row_bounds(day: RecruitmentDay, ends: dict[int, int]) -> list[tuple[int, int, bool]]:
    """(start, end, is_break) of each row: the slots, the starts of interviews off the slots
    (after a change of the grid), and the breaks within the day."""
    length = day.slot_minutes
    rows = {start: (start, start + length, False) for start in day_slots(day)}
    for start, end in ends.items():
        rows.setdefault(start, (start, end, False))
    first = day.day_start.hour * 60 + day.day_start.minute
    last = day.day_end.hour * 60 + day.day_end.minute
    pauses = [
        (w.start, w.end, True) for w in windows(day.breaks) if w.start < last and w.end > first
    ]
    return sorted([*rows.values(), *pauses], key=lambda row: (row[0], row[2]))


def master_grid(day: RecruitmentDay) -> Grid:
    """The day's grid: one row per slot and per break, one column per (company, table), the
    interview in each cell. Two queries (companies, interviews with names and offers)."""
    companies = list(Company.objects.filter(day=day).order_by("name", "pk"))
    interviews = list(
        _scheduled(Interview.objects.filter(day=day)).select_related("candidate__registration")
    )
    placed: dict[tuple[int, int, int], Interview] = {}
    tables_used: dict[int, int] = defaultdict(int)
    ends: dict[int, int] = {}
    for interview in interviews:
        start = day.datetime_to_minutes(interview.starts_at)
        placed[(interview.company_id, interview.table, start)] = interview
        tables_used[interview.company_id] = max(tables_used[interview.company_id], interview.table)
        ends[start] = max(ends.get(start, 0), day.datetime_to_minutes(interview.ends_at))
    columns = _grid_columns(companies, tables_used)
    rows = []
    for start, end, is_break in _row_bounds(day, ends):
        cells: list[GridCell | None] = []
        for column in columns:
            found = None if is_break else placed.get((column.company_id, column.table, start))
            cells.append(
                GridCell(
                    candidate=found.candidate.name,
                    offer=_offer_title(found),
                    status=found.status,
                    status_label=str(found.get_status_display()),
                )
                if found
                else None
            )
        rows.append(GridRow(start=start, end=end, cells=cells, is_break=is_break))
    return Grid(
        day=day,
        facts=event_facts(day.event),
        columns=columns,
        rows=rows,
        interviews=len(interviews),
    )


def master_grid_table(day: RecruitmentDay, grid: Grid | None = None) -> Table:
    """The grid for CSV and XLSX: start, end, then the candidate's name per (company, table);
    a break row says so in its first column."""
    grid = grid or master_grid(day)
    header = [gettext("Start"), gettext("End"), *(column.label for column in grid.columns)]
    rows: list[list[Any]] = []
    for row in grid.rows:
        if row.is_break:
            cells = [gettext("Break")] + [""] * (len(grid.columns) - 1) if grid.columns else []
        else:
            cells = [cell.candidate if cell else "" for cell in row.cells]
        rows.append([row.start_label, row.end_label, *cells])
    return Table(header=header, rows=rows)


def master_grid_pdf(day: RecruitmentDay) -> bytes:
    """Landscape: A4 up to `A4_COLUMNS` tables, else A3 with `A3_COLUMNS` tables per page."""
    grid = master_grid(day)
    large = len(grid.columns) > A4_COLUMNS
    html = render_to_string(
        "recruitment/pdf/grid.html",
        {
            "grid": grid,
            "pages": grid.pages(A3_COLUMNS if large else A4_COLUMNS),
        },
    )
    return agenda_pdf.write_pdf(
        html, landscape=True, stylesheets=[STYLESHEET], page_css=A3_LANDSCAPE if large else ""
    )
