"""The event report of a speed recruitment: what the day produced, for the organisers and
their funders, as a page, a PDF and a spreadsheet (CSV or XLSX).

The figures are those of the Porto example (556 registrations, 2,564 applications, 70
candidates, 10 companies, 700 interviews of 5 minutes):
- registrations: the agenda registrations of the event, in every status;
- applications: every application to a company, by status (processed: shortlisted or not
  retained);
- candidates: registered (every candidate of the day), shortlisted (at least one application
  shortlisted), present (marked arrived) and absent (marked as a no-show);
- companies, their tables, offers and positions;
- interviews: scheduled (every interview not cancelled), held, no-shows, and cancelled (the
  interviews to come of no-shows, freed for the re-optimisation);
- outcomes of held interviews: second interview offered, hired, not retained;
- per company: interviews scheduled, held, no-shows, second interviews and hires;
- the schedule's quality: the last computation's objective as a share of its bound (100 %:
  proved optimal) and the solver's gap.

Nothing in it names a candidate. The chart (an SVG drawn from `company_chart`) has its table
beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Count, Q, Sum
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cocade.agenda import exports, pdf
from cocade.agenda.enums import RegistrationStatus
from cocade.agenda.models import Registration
from cocade.core.errors import interpolate
from cocade.recruitment.enums import (
    ApplicationStatus,
    InterviewStatus,
    Outcome,
    Presence,
    RunStatus,
)
from cocade.recruitment.models import (
    Application,
    Candidate,
    Company,
    Offer,
    RecruitmentDay,
    ScheduleRun,
)

FORMATS = exports.FORMATS
REPORT_STYLESHEET = "cocade/recruitment-report-print.css"


@dataclass
class Figure:
    label: Any
    value: Any
    detail: bool = False  # a part of the figure above it (a status of the registrations…)


@dataclass
class Section:
    title: Any
    figures: list[Figure]


@dataclass
class CompanyLine:
    name: str
    tables: int
    scheduled: int
    held: int
    no_show: int
    second_interviews: int
    hires: int


@dataclass
class Quality:
    """The last computation of the schedule that finished."""

    run: ScheduleRun

    @property
    def ratio(self) -> float | None:
        """The objective as a percentage of the bound (100: proved optimal)."""
        run = self.run
        if run.objective is None or not run.bound:
            return None
        return round(100 * run.objective / run.bound, 1)

    @property
    def gap(self) -> float | None:
        return None if self.run.gap is None else round(100 * self.run.gap, 1)

    @property
    def unscheduled(self) -> int:
        return len(self.run.unscheduled or [])


@dataclass
class EventReport:
    day: RecruitmentDay
    title: str
    organiser: str
    when: str
    place: list[str]
    registrations: dict[str, int]
    applications: dict[str, int]
    candidates: dict[str, int]
    companies: list[CompanyLine]
    offers: dict[str, int]
    not_retained: int
    quality: Quality | None
    generated_at: datetime
    totals: CompanyLine = field(init=False)

    def __post_init__(self) -> None:
        lines = self.companies
        self.totals = CompanyLine(
            name=gettext("Total"),
            tables=sum(line.tables for line in lines),
            scheduled=sum(line.scheduled for line in lines),
            held=sum(line.held for line in lines),
            no_show=sum(line.no_show for line in lines),
            second_interviews=sum(line.second_interviews for line in lines),
            hires=sum(line.hires for line in lines),
        )

    @property
    def generated_on(self) -> str:
        local = timezone.localtime(self.generated_at, self.day.event.zone)
        return str(
            interpolate(
                _("Generated on %(date)s at %(time)s (%(zone)s)"),
                {
                    "date": date_format(local.date(), "DATE_FORMAT"),
                    "time": date_format(local, "TIME_FORMAT"),
                    "zone": self.day.event.timezone,
                },
            )
        )

    @property
    def sections(self) -> list[Section]:
        return [
            self._registrations_section(),
            self._candidates_section(),
            self._companies_section(),
            self._interviews_section(),
        ]

    def _registrations_section(self) -> Section:
        figures = [Figure(_("Registrations (every status)"), self.registrations["total"])]
        figures += [
            Figure(label, self.registrations[value], detail=True)
            for value, label in RegistrationStatus.choices
        ]
        figures.append(Figure(_("Applications"), self.applications["total"]))
        figures.append(
            Figure(_("Applications processed (shortlisted or not retained)"), self.processed)
        )
        figures += [
            Figure(label, self.applications[value], detail=True)
            for value, label in ApplicationStatus.choices
        ]
        return Section(_("Registrations and applications"), figures)

    def _candidates_section(self) -> Section:
        counts = self.candidates
        return Section(
            _("Candidates"),
            [
                Figure(_("Registered"), counts["total"]),
                Figure(_("Shortlisted"), counts["shortlisted"]),
                Figure(_("Present"), counts["present"]),
                Figure(_("Absent (no-show)"), counts["absent"]),
            ],
        )

    def _companies_section(self) -> Section:
        return Section(
            _("Companies"),
            [
                Figure(_("Companies"), len(self.companies)),
                Figure(_("Tables"), self.totals.tables),
                Figure(_("Offers"), self.offers["offers"]),
                Figure(_("Positions offered"), self.offers["positions"]),
            ],
        )

    def _interviews_section(self) -> Section:
        totals = self.totals
        return Section(
            _("Interviews and outcomes"),
            [
                Figure(_("Interviews scheduled"), totals.scheduled),
                Figure(_("Interviews held"), totals.held),
                Figure(_("Interviews missed (no-show)"), totals.no_show),
                Figure(_("Second interviews offered"), totals.second_interviews),
                Figure(_("Hired"), totals.hires),
                Figure(_("Not retained"), self.not_retained),
            ],
        )

    @property
    def processed(self) -> int:
        return (
            self.applications[ApplicationStatus.SHORTLISTED]
            + self.applications[ApplicationStatus.REJECTED]
        )


# --- Counting -----------------------------------------------------------------------------


def _by_status(queryset: Any, choices: list[tuple[str, Any]]) -> dict[str, int]:
    counts = dict.fromkeys((value for value, _label in choices), 0)
    for row in queryset.values("status").annotate(count=Count("pk")).order_by():
        counts[row["status"]] = row["count"]
    counts["total"] = sum(counts.values())
    return counts


def _candidates(day: RecruitmentDay) -> dict[str, int]:
    counts = Candidate.objects.filter(day=day).aggregate(
        total=Count("pk"),
        present=Count("pk", filter=Q(presence=Presence.ARRIVED)),
        absent=Count("pk", filter=Q(presence=Presence.ABSENT)),
    )
    counts["shortlisted"] = (
        Candidate.objects.filter(day=day, applications__status=ApplicationStatus.SHORTLISTED)
        .distinct()
        .count()
    )
    return counts


def _interviews(status: str, outcome: str | None = None) -> Count:
    condition = Q(interviews__status=status)
    if outcome is not None:
        condition &= Q(interviews__outcome=outcome)
    return Count("interviews", filter=condition)


def _companies(day: RecruitmentDay) -> list[CompanyLine]:
    rows = (
        Company.objects.filter(day=day)
        .annotate(
            scheduled=Count("interviews", filter=~Q(interviews__status=InterviewStatus.CANCELLED)),
            held=_interviews(InterviewStatus.DONE),
            no_show=_interviews(InterviewStatus.NO_SHOW),
            second_interviews=_interviews(InterviewStatus.DONE, Outcome.SECOND_INTERVIEW),
            hires=_interviews(InterviewStatus.DONE, Outcome.HIRED),
        )
        .order_by("name", "pk")
    )
    return [
        CompanyLine(
            name=row.name,
            tables=row.tables,
            scheduled=row.scheduled,
            held=row.held,
            no_show=row.no_show,
            second_interviews=row.second_interviews,
            hires=row.hires,
        )
        for row in rows
    ]


def _offers(day: RecruitmentDay) -> dict[str, int]:
    counts = Offer.objects.filter(company__day=day).aggregate(
        offers=Count("pk"), positions=Sum("positions")
    )
    return {key: value or 0 for key, value in counts.items()}


def _quality(day: RecruitmentDay) -> Quality | None:
    run = ScheduleRun.objects.filter(day=day, status=RunStatus.DONE).order_by(
        "-finished_at", "-created_at", "-pk"
    )
    last = run.first()
    return Quality(last) if last is not None else None


def event_report(day: RecruitmentDay, *, now: datetime | None = None) -> EventReport:
    """The report of `day`; labels in the active language."""
    event = day.event
    return EventReport(
        day=day,
        title=str(event.title_i18n),
        organiser=pdf.organiser_name(event),
        when=pdf.event_when(event),
        place=pdf.place_lines(event),
        registrations=_by_status(
            Registration.objects.filter(event=event), RegistrationStatus.choices
        ),
        applications=_by_status(
            Application.objects.filter(candidate__day=day), ApplicationStatus.choices
        ),
        candidates=_candidates(day),
        companies=_companies(day),
        offers=_offers(day),
        not_retained=day.interviews.filter(
            status=InterviewStatus.DONE, outcome=Outcome.NOT_RETAINED
        ).count(),
        quality=_quality(day),
        generated_at=now or timezone.now(),
    )


# --- The chart ----------------------------------------------------------------------------

CHART_LEFT = 180  # room for the companies' names
CHART_BARS = 400
CHART_ROW = 46
CHART_TOP = 8
NAME_LENGTH = 26
#: (attribute, colour) of the three bars of each company.
CHART_SERIES = (("held", "#1f5f8b"), ("second_interviews", "#b26b00"), ("hires", "#1e6b3a"))


@dataclass
class Bar:
    y: int
    width: float
    value: int
    colour: str
    text_x: float
    text_y: int


@dataclass
class ChartRow:
    name: str
    label_y: int
    bars: list[Bar]


@dataclass
class Chart:
    width: int
    height: int
    left: int
    rows: list[ChartRow]


def _short(name: str) -> str:
    return name if len(name) <= NAME_LENGTH else f"{name[: NAME_LENGTH - 1]}…"


def company_chart(report: EventReport) -> Chart | None:
    """Per company, three horizontal bars: interviews held, second interviews, hires; all on
    one scale (the most interviews held by a company). None without companies."""
    if not report.companies:
        return None
    largest = max(max(line.held for line in report.companies), 1)
    rows = []
    for index, line in enumerate(report.companies):
        y = CHART_TOP + index * CHART_ROW
        bars = []
        for position, (attribute, colour) in enumerate(CHART_SERIES):
            value = getattr(line, attribute)
            width = round(CHART_BARS * value / largest, 1)
            bar_y = y + 2 + position * 13
            bars.append(
                Bar(
                    y=bar_y,
                    width=width,
                    value=value,
                    colour=colour,
                    text_x=CHART_LEFT + width + 4,
                    text_y=bar_y + 9,
                )
            )
        rows.append(ChartRow(name=_short(line.name), label_y=y + 22, bars=bars))
    return Chart(
        width=CHART_LEFT + CHART_BARS + 40,
        height=CHART_TOP * 2 + len(rows) * CHART_ROW,
        left=CHART_LEFT,
        rows=rows,
    )


# --- Files --------------------------------------------------------------------------------


def report_table(report: EventReport) -> exports.Table:
    """The report as one sheet: the figures by section, then the table of the companies."""
    rows: list[list[Any]] = []
    for section in report.sections:
        rows.append([str(section.title), ""])
        rows += [[_label(figure), figure.value] for figure in section.figures]
        rows.append(["", ""])
    if report.quality is not None:
        quality = report.quality
        rows.append([gettext("Quality of the schedule"), ""])
        rows.append([gettext("Objective ÷ bound (%)"), quality.ratio])
        rows.append([gettext("Gap (%)"), quality.gap])
        rows.append(["", ""])
    rows.append(company_header())
    rows += [_company_cells(line) for line in [*report.companies, report.totals]]
    return exports.Table(header=[gettext("Figure"), gettext("Value")], rows=rows)


def _label(figure: Figure) -> str:
    return f"– {figure.label}" if figure.detail else str(figure.label)


def company_header() -> list[str]:
    return [
        gettext("Company"),
        gettext("Tables"),
        gettext("Interviews scheduled"),
        gettext("Interviews held"),
        gettext("No-shows"),
        gettext("Second interviews"),
        gettext("Hires"),
    ]


def _company_cells(line: CompanyLine) -> list[Any]:
    return [
        line.name,
        line.tables,
        line.scheduled,
        line.held,
        line.no_show,
        line.second_interviews,
        line.hires,
    ]


def report_file(report: EventReport, file_format: str) -> bytes:
    table = report_table(report)
    if file_format == "xlsx":
        return exports.to_xlsx(table, title=gettext("Report"))
    return exports.to_csv(table)


def filename(day: RecruitmentDay, extension: str) -> str:
    return f"{day.event.slug}-report.{extension}"


def report_pdf(report: EventReport) -> bytes:
    html = render_to_string(
        "recruitment/live/report_pdf.html", {"report": report, "chart": company_chart(report)}
    )
    return pdf.write_pdf(html, stylesheets=[REPORT_STYLESHEET])
