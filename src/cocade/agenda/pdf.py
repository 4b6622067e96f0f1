"""Attendance PDFs of the agenda, typeset with WeasyPrint: the attendance sheet of an event
(for funders' records) and the attendance certificate of one participant.

Both are printed from HTML templates (`agenda/pdf/`) with the stylesheet
`cocade/agenda-print.css` (A4, DejaVu fonts, page numbers). The sheet turns to A4 landscape when
the event has more than four half-days. Nothing is fetched while printing.

Times are those of the event's own time zone. The time a participant attended is the sum, over
the half-days they were checked in, of the overlap of the event with that half-day (morning:
midnight to 13:00, afternoon: 13:00 to midnight, local time). So that the nights of a multi-day
event are not counted, "the event" is its timetable when it has sessions (merged where they
overlap), else, when it runs over several days and ends later in the day than it starts, those
hours of each day (`scheduled_intervals`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from cocade.agenda.enums import HalfDay, RegistrationStatus
from cocade.agenda.models import AFTERNOON_STARTS, Event, Registration
from cocade.core.errors import interpolate
from cocade.directory.selectors import get_network

STYLESHEET = "cocade/agenda-print.css"
#: Beyond this many half-day columns the attendance sheet is printed in landscape.
PORTRAIT_MAX_HALF_DAYS = 4
LANDSCAPE = "@page { size: A4 landscape; }"
CHECK_MARK = "✓"


# --- What an event is, in words -----------------------------------------------------------


def organiser_name(event: Event) -> str:
    """The organising centre, or the network for the network's own events."""
    if event.centre_id:
        return str(event.centre.name_i18n)
    network = get_network()
    return str(network.name_i18n) if network else ""


def place_lines(event: Event) -> list[str]:
    """Where the event takes place: the venue's name and address, and "online" if it is."""
    lines = []
    site = event.site
    name = event.venue_name or (str(site.name_i18n) if site else "")
    if name:
        lines.append(name)
    if event.address:
        lines.append(event.address)
    elif site:
        town = " ".join(part for part in (site.postcode, site.commune) if part)
        address = ", ".join(part for part in (site.address, town) if part)
        if address:
            lines.append(address)
    if event.online_url:
        lines.append(str(_("Online")))
    return lines


def _date(value: date) -> str:
    return date_format(value, "DATE_FORMAT")


def _time(value: datetime) -> str:
    return date_format(value, "TIME_FORMAT")


def event_when(event: Event) -> str:
    """ "3 March 2025, 09:00 – 12:00 (Europe/Paris)", or both dates for a multi-day event."""
    start, end = event.local_start, event.local_end
    if len(event.days()) == 1:
        return str(
            interpolate(
                _("%(date)s, %(start)s – %(end)s (%(zone)s)"),
                {
                    "date": _date(start.date()),
                    "start": _time(start),
                    "end": _time(end),
                    "zone": event.timezone,
                },
            )
        )
    return str(
        interpolate(
            _("%(start_date)s, %(start)s – %(end_date)s, %(end)s (%(zone)s)"),
            {
                "start_date": _date(start.date()),
                "start": _time(start),
                "end_date": _date(end.date()),
                "end": _time(end),
                "zone": event.timezone,
            },
        )
    )


def half_day_label(half: str) -> str:
    return str(HalfDay(half).label)


# --- Hours ---------------------------------------------------------------------------------


def half_day_bounds(event: Event, day: date, half: str) -> tuple[datetime, datetime]:
    """The half-day as a UTC interval (morning: midnight to 13:00, afternoon: 13:00 to
    midnight, in the event's time zone)."""
    zone = event.zone
    noon = datetime.combine(day, AFTERNOON_STARTS, tzinfo=zone)
    if half == HalfDay.MORNING:
        start = datetime.combine(day, time(0), tzinfo=zone)
        end = noon
    else:
        start = noon
        end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def scheduled_intervals(event: Event) -> list[tuple[datetime, datetime]]:
    """When the event is actually held, as UTC intervals: its sessions merged (clipped to the
    event) when it has a timetable; else, for an event over several days that ends later in
    the day than it starts (28-30 January, 09:00-17:00), those hours of each day; else the
    whole event."""
    event_start, event_end = event.starts_at.astimezone(UTC), event.ends_at.astimezone(UTC)
    sessions = sorted(
        (max(s.starts_at.astimezone(UTC), event_start), min(s.ends_at.astimezone(UTC), event_end))
        for s in event.sessions.all()
    )
    sessions = [(start, end) for start, end in sessions if end > start]
    if sessions:
        merged = [sessions[0]]
        for start, end in sessions[1:]:
            last_start, last_end = merged[-1]
            if start <= last_end:
                merged[-1] = (last_start, max(last_end, end))
            else:
                merged.append((start, end))
        return merged
    start, end = event.local_start, event.local_end
    days = event.days()
    if len(days) > 1 and end.time() > start.time():
        zone = event.zone
        return [
            (
                datetime.combine(day, start.time(), tzinfo=zone).astimezone(UTC),
                datetime.combine(day, end.time(), tzinfo=zone).astimezone(UTC),
            )
            for day in days
        ]
    return [(event_start, event_end)]


def overlap(
    intervals: Iterable[tuple[datetime, datetime]], start: datetime, end: datetime
) -> timedelta:
    total = timedelta(0)
    for first, last in intervals:
        begin, finish = max(first, start), min(last, end)
        if finish > begin:
            total += finish - begin
    return total


def duration_text(duration: timedelta) -> str:
    """ "3 h 30 min"."""
    minutes = round(duration.total_seconds() / 60)
    return str(
        interpolate(
            _("%(hours)d h %(minutes)02d min"), {"hours": minutes // 60, "minutes": minutes % 60}
        )
    )


# --- The attendance sheet ------------------------------------------------------------------


@dataclass
class SheetColumn:
    day: date
    half: str
    date_label: str
    half_label: str
    present: int = 0


@dataclass
class SheetRow:
    number: int
    name: str
    marks: list[str]
    total: int


@dataclass
class AttendanceSheet:
    event: Event
    title: str
    organiser: str
    when: str
    place: list[str]
    columns: list[SheetColumn]
    rows: list[SheetRow]
    generated_at: datetime
    landscape: bool
    total_present: int = 0

    @property
    def generated_on(self) -> str:
        local = timezone.localtime(self.generated_at, self.event.zone)
        return str(
            interpolate(
                _("Generated on %(date)s at %(time)s (%(zone)s)"),
                {"date": _date(local.date()), "time": _time(local), "zone": self.event.timezone},
            )
        )


def _sort_name(registration: Registration) -> tuple[str, int]:
    """Alphabetical, ignoring case and accents ("Émile" between "Elsa" and "Eva")."""
    letters = unicodedata.normalize("NFKD", str(registration).casefold())
    return ("".join(c for c in letters if not unicodedata.combining(c)), registration.pk)


def attendance_sheet(event: Event, *, now: datetime | None = None) -> AttendanceSheet:
    """One row per confirmed registrant (by name), one column per half-day of the event, the
    number present under each column. Labels in the active language."""
    half_days = event.half_days()
    columns = [
        SheetColumn(
            day=day,
            half=half,
            date_label=date_format(day, "SHORT_DATE_FORMAT"),
            half_label=half_day_label(half),
        )
        for day, half in half_days
    ]
    registrations = sorted(
        Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
        .prefetch_related("attendances")
        .order_by("pk"),
        key=_sort_name,
    )
    rows = []
    for number, registration in enumerate(registrations, start=1):
        present = {(a.day, a.half) for a in registration.attendances.all()}
        marks = []
        for column in columns:
            if (column.day, column.half) in present:
                column.present += 1
                marks.append(CHECK_MARK)
            else:
                marks.append("")
        rows.append(
            SheetRow(
                number=number,
                name=str(registration),
                marks=marks,
                total=sum(1 for mark in marks if mark),
            )
        )
    return AttendanceSheet(
        event=event,
        title=str(event.title_i18n),
        organiser=organiser_name(event),
        when=event_when(event),
        place=place_lines(event),
        columns=columns,
        rows=rows,
        generated_at=now or timezone.now(),
        landscape=len(columns) > PORTRAIT_MAX_HALF_DAYS,
        total_present=sum(column.present for column in columns),
    )


def attendance_sheet_pdf(event: Event, *, now: datetime | None = None) -> bytes:
    sheet = attendance_sheet(event, now=now)
    html = render_to_string("agenda/pdf/attendance_sheet.html", {"sheet": sheet})
    return write_pdf(html, landscape=sheet.landscape)


# --- The certificate -----------------------------------------------------------------------


@dataclass
class AttendedHalfDay:
    day: date
    half: str
    date_label: str
    half_label: str
    duration: timedelta

    @property
    def duration_label(self) -> str:
        return duration_text(self.duration)


@dataclass
class Certificate:
    registration: Registration
    name: str
    title: str
    organiser: str
    when: str
    place: list[str]
    attended: list[AttendedHalfDay]
    total: timedelta
    issued_on: date
    reference: str
    contact_email: str

    @property
    def total_label(self) -> str:
        return duration_text(self.total)

    @property
    def issued_label(self) -> str:
        return _date(self.issued_on)


def attended_half_days(registration: Registration) -> list[tuple[date, str]]:
    """The half-days of the event the registrant was checked in for, in order."""
    event = registration.event
    recorded = {(a.day, a.half) for a in registration.attendances.all()}
    return [key for key in event.half_days() if key in recorded]


def hours_attended(event: Event, half_days: Iterable[tuple[date, str]]) -> timedelta:
    """The time of the event that falls within the given half-days."""
    intervals = scheduled_intervals(event)
    return sum(
        (overlap(intervals, *half_day_bounds(event, day, half)) for day, half in half_days),
        timedelta(0),
    )


def certificate_reference(registration: Registration, half_days: list[tuple[date, str]]) -> str:
    """A short code that the organiser, printing the certificate again from the attendance
    records, finds identical: it changes if the name or the half-days were altered."""
    value = "|".join(
        [str(registration.pk), registration.name]
        + [f"{day.isoformat()}-{half}" for day, half in half_days]
    )
    digest = salted_hmac("cocade.agenda.certificate", value, algorithm="sha256").hexdigest()
    code = digest[:12].upper()
    return f"{registration.event_id}-{registration.pk}-{code[:4]}-{code[4:8]}-{code[8:]}"


def certificate(registration: Registration, *, today: date | None = None) -> Certificate:
    """The certificate of a registrant with at least one attendance; labels in the active
    language (the caller makes it the registrant's)."""
    event = registration.event
    half_days = attended_half_days(registration)
    intervals = scheduled_intervals(event)
    attended = [
        AttendedHalfDay(
            day=day,
            half=half,
            date_label=_date(day),
            half_label=half_day_label(half),
            duration=overlap(intervals, *half_day_bounds(event, day, half)),
        )
        for day, half in half_days
    ]
    return Certificate(
        registration=registration,
        name=registration.name,
        title=str(event.title_i18n),
        organiser=organiser_name(event),
        when=event_when(event),
        place=place_lines(event),
        attended=attended,
        total=sum((item.duration for item in attended), timedelta(0)),
        issued_on=today or timezone.localdate(),
        reference=certificate_reference(registration, half_days),
        contact_email=event.contact_email,
    )


def certificate_pdf(registration: Registration, *, today: date | None = None) -> bytes:
    html = render_to_string(
        "agenda/pdf/certificate.html", {"certificate": certificate(registration, today=today)}
    )
    return write_pdf(html)


# --- Printing ------------------------------------------------------------------------------


def no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Printing needs nothing from outside: refuse every fetch (no network, no file read)."""
    raise ValueError("The agenda's PDFs load no external resource.")


def write_pdf(
    html: str, *, landscape: bool = False, stylesheets: Sequence[str] = (), page_css: str = ""
) -> bytes:
    """Typeset `html` with the agenda's print stylesheet, then the static `stylesheets` named
    (another part's own print rules), then the page rules (`landscape`, `page_css`): later
    rules win."""
    from weasyprint import CSS, HTML

    sheets = []
    for name in (STYLESHEET, *stylesheets):
        path = finders.find(name)
        if path:
            sheets.append(CSS(filename=path))
    if landscape:
        sheets.append(CSS(string=LANDSCAPE))
    if page_css:
        sheets.append(CSS(string=page_css))
    document = HTML(string=html, url_fetcher=no_fetch, base_url=settings.SITE_URL)
    return document.write_pdf(stylesheets=sheets)
