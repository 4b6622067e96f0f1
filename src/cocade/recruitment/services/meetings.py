"""Speed meetings: the organisers' settings and the rotation they give, then the plan as
rows for the page, the printable PDF and the exports.

`update_meeting` validates the groups and tables (names, one per line on the page, non-empty,
each once, 2 to 60 of each), the rounds (1 to 60) and their length (1 to 240 minutes), and
refuses a last round that would end after the event. It then computes the rotation
(`recruitment.rotation`), stores it with its figures and writes the audit entry, in one
transaction. A change based on an older version of the meeting (someone saved in between) is
refused as stale. A refusal writes nothing.

Round times are local times of the event: the first round starts at `starts_at` on the
event's first day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cocade.agenda import exports
from cocade.agenda import pdf as agenda_pdf
from cocade.agenda.models import Event
from cocade.core.audit import diff, record_action, snapshot
from cocade.core.errors import Conflict, InvalidInput, NotFound, interpolate
from cocade.recruitment import rules
from cocade.recruitment.errors import Stale
from cocade.recruitment.models import SpeedMeeting
from cocade.recruitment.rotation import EDGE_COLOURING, LATIN_SQUARE, plan_rotation, upper_bound

MIN_NAMES, MAX_NAMES = 2, 60
MIN_ROUNDS, MAX_ROUNDS = 1, 60
MIN_ROUND_MINUTES, MAX_ROUND_MINUTES = 1, 240
MAX_NAME_LENGTH = 100

AUDITED = (
    "groups",
    "tables",
    "round_minutes",
    "rounds",
    "starts_at",
    "unavailable",
    "distinct_encounters",
    "method",
)
METHOD_LABELS = {
    LATIN_SQUARE: _("cyclic rotation (Latin square)"),
    EDGE_COLOURING: _("best plan around the unavailable pairs"),
}
PRINT_STYLESHEET = "cocade/recruitment-meeting.css"
#: Most table columns in one printed grid; more tables continue in another grid below.
PRINT_COLUMNS = 10

#: What is said about a list of names, for the groups and for the tables.
NAME_MESSAGES = {
    "groups": {
        "empty": _("A group needs a name: remove the empty line."),
        "too_few": _("Enter at least %(count)d groups, one per line."),
        "too_many": _("Enter at most %(count)d groups."),
        "too_long": _("A group name has at most %(count)d characters: “%(name)s” is longer."),
        "twice": _("Each group needs its own name: “%(name)s” appears more than once."),
    },
    "tables": {
        "empty": _("A table needs a name: remove the empty line."),
        "too_few": _("Enter at least %(count)d tables, one per line."),
        "too_many": _("Enter at most %(count)d tables."),
        "too_long": _("A table name has at most %(count)d characters: “%(name)s” is longer."),
        "twice": _("Each table needs its own name: “%(name)s” appears more than once."),
    },
}


#: Between a group and a table on a line of the pairs that must not meet.
PAIR_SEPARATOR = " / "
BAD_PAIR = _(
    "Line %(number)d, “%(line)s”: write a group, then “ / ”, then a table, each as named above."
)


class NoPlan(Conflict):
    code = "no_meeting_plan"
    default_message = _("There is no plan yet: enter the groups, the tables and the rounds first.")


# --- Writing ------------------------------------------------------------------------------------


def meeting_version(meeting: SpeedMeeting) -> str:
    """What a form sends back so that a save based on an older state is refused."""
    return meeting.updated_at.isoformat() if meeting.updated_at else ""


def update_meeting(
    meeting: SpeedMeeting,
    *,
    groups: Sequence[str],
    tables: Sequence[str],
    round_minutes: int,
    rounds: int,
    starts_at: time,
    user: Any,
    unavailable: Sequence[str] = (),
    lock_version: str | None = None,
) -> SpeedMeeting:
    """Set the groups, tables and rounds of a speed meeting and store its new plan.

    `unavailable`: lines "group / table" naming pairs that must not meet; the plan never
    seats that group at that table."""
    event = meeting.event
    if not rules.can_manage_event(user, event):
        raise NotFound()
    groups = [str(name).strip() for name in groups]
    tables = [str(name).strip() for name in tables]
    pairs = _validate(event, groups, tables, round_minutes, rounds, starts_at, unavailable)
    rotation = plan_rotation(
        len(groups),
        len(tables),
        rounds,
        unavailable=frozenset((groups.index(g), tables.index(t)) for g, t in pairs),
    )
    with transaction.atomic():
        current = SpeedMeeting.objects.select_for_update().filter(pk=meeting.pk).first()
        if current is None:
            raise NotFound()
        if lock_version is not None and lock_version != meeting_version(current):
            raise Stale()
        before = snapshot(current, AUDITED)
        current.groups = groups
        current.tables = tables
        current.round_minutes = round_minutes
        current.rounds = rounds
        current.starts_at = starts_at
        current.unavailable = [list(pair) for pair in pairs]
        current.plan = [list(row) for row in rotation.plan]
        current.distinct_encounters = rotation.distinct_encounters
        current.method = rotation.method
        current.save()
        record_action(
            actor=user,
            action="recruitment.speed_meeting.updated",
            target=current,
            centre_id=event.centre_id,
            changes=diff(before, snapshot(current, AUDITED)),
        )
    current.event = event
    return current


def _validate(
    event: Event,
    groups: list[str],
    tables: list[str],
    round_minutes: int,
    rounds: int,
    starts_at: time,
    unavailable: Sequence[str] = (),
) -> list[tuple[str, str]]:
    """Every refusal at once, each at its field; nothing is written if there is one. Returns
    the pairs that must not meet, each once, in the order given."""
    errors: dict[str, list[str]] = {}
    for name, names in (("groups", groups), ("tables", tables)):
        problem = _names_problem(name, names)
        if problem:
            errors[name] = [problem]
    pairs: list[tuple[str, str]] = []
    if not errors:
        pairs, problem = _pairs(unavailable, groups, tables)
        if problem:
            errors["unavailable"] = [problem]
    if not MIN_ROUND_MINUTES <= round_minutes <= MAX_ROUND_MINUTES:
        errors["round_minutes"] = [
            str(
                interpolate(
                    _("A round lasts from %(min)d to %(max)d minutes."),
                    {"min": MIN_ROUND_MINUTES, "max": MAX_ROUND_MINUTES},
                )
            )
        ]
    if not MIN_ROUNDS <= rounds <= MAX_ROUNDS:
        errors["rounds"] = [
            str(
                interpolate(
                    _("Choose from %(min)d to %(max)d rounds."),
                    {"min": MIN_ROUNDS, "max": MAX_ROUNDS},
                )
            )
        ]
    if not errors:
        late = _too_late(event, starts_at, rounds, round_minutes)
        if late:
            errors[NON_FIELD_ERRORS] = [late]
    if errors:
        field_name, messages = next(iter(errors.items()))
        raise InvalidInput(
            messages[0],
            field=None if field_name == NON_FIELD_ERRORS else field_name,
            detail=errors,
        )
    return pairs


def _pair(line: str, by_group: dict[str, str], by_table: dict[str, str]) -> tuple[str, str] | None:
    """The (group, table) a line "group / table" names, or None. A name may itself hold
    " / ": every split of the line is tried until both halves name a group and a table
    (the maps: casefolded name to name, as names are compared without case)."""
    start = line.find(PAIR_SEPARATOR)
    while start != -1:
        group = by_group.get(line[:start].strip().casefold())
        table = by_table.get(line[start + len(PAIR_SEPARATOR) :].strip().casefold())
        if group is not None and table is not None:
            return group, table
        start = line.find(PAIR_SEPARATOR, start + 1)
    return None


def _pairs(
    lines: Sequence[str], groups: list[str], tables: list[str]
) -> tuple[list[tuple[str, str]], str | None]:
    """The pairs the lines name, each once, or the first line that names none."""
    pairs: list[tuple[str, str]] = []
    by_group = {name.casefold(): name for name in groups}
    by_table = {name.casefold(): name for name in tables}
    for number, raw in enumerate(lines, start=1):
        line = str(raw).strip()
        if not line:
            continue
        pair = _pair(line, by_group, by_table)
        if pair is None:
            return [], str(interpolate(BAD_PAIR, {"number": number, "line": line[:200]}))
        if pair not in pairs:
            pairs.append(pair)
    return pairs, None


def unavailable_indices(meeting: SpeedMeeting) -> frozenset[tuple[int, int]]:
    """The stored pairs that must not meet, as (group, table) positions; a pair whose names
    are no longer in the lists is ignored."""
    found = set()
    for group, table in meeting.unavailable:
        if group in meeting.groups and table in meeting.tables:
            found.add((meeting.groups.index(group), meeting.tables.index(table)))
    return frozenset(found)


def _names_problem(kind: str, names: list[str]) -> str | None:
    said = NAME_MESSAGES[kind]
    if any(not name for name in names):
        return str(said["empty"])
    if len(names) < MIN_NAMES:
        return str(interpolate(said["too_few"], {"count": MIN_NAMES}))
    if len(names) > MAX_NAMES:
        return str(interpolate(said["too_many"], {"count": MAX_NAMES}))
    long = next((name for name in names if len(name) > MAX_NAME_LENGTH), None)
    if long:
        return str(interpolate(said["too_long"], {"count": MAX_NAME_LENGTH, "name": long}))
    seen: set[str] = set()
    for name in names:
        key = name.casefold()
        if key in seen:
            return str(interpolate(said["twice"], {"name": name}))
        seen.add(key)
    return None


def first_round_start(event: Event, starts_at: time) -> datetime:
    """The first round as an aware datetime: `starts_at` on the event's first local day."""
    return datetime.combine(event.local_start.date(), starts_at, tzinfo=event.zone)


def _too_late(event: Event, starts_at: time, rounds: int, round_minutes: int) -> str | None:
    start = first_round_start(event, starts_at)
    end = start + timedelta(minutes=rounds * round_minutes)
    limit = event.local_end
    if end <= limit:
        return None
    return str(
        interpolate(
            _(
                "The last round would end at %(end)s, after the end of the event at %(limit)s. "
                "Use fewer or shorter rounds, or start earlier."
            ),
            {"end": moment_label(end, start), "limit": moment_label(limit, start)},
        )
    )


def moment_label(moment: datetime, first: datetime) -> str:
    """ "09:15", or with the date when it is not the first round's day."""
    local = moment.astimezone(first.tzinfo)
    if local.date() == first.date():
        return date_format(local, "TIME_FORMAT")
    return date_format(local, "SHORT_DATETIME_FORMAT")


# --- Reading: the plan as rows -----------------------------------------------------------------


@dataclass
class Stop:
    """One round of a group's route: where it sits (empty: it waits)."""

    number: int
    starts: str
    ends: str
    table: str


@dataclass
class Route:
    group: str
    stops: list[Stop]

    @property
    def seated(self) -> int:
        return sum(1 for stop in self.stops if stop.table)


@dataclass
class RoundRow:
    number: int
    starts_at: datetime
    ends_at: datetime
    starts: str
    ends: str
    cells: list[str]  # the group at each table, "" when the table is free
    waiting: list[str]


@dataclass
class MeetingSheet:
    meeting: SpeedMeeting
    title: str
    groups: list[str]
    tables: list[str]
    rounds: list[RoundRow]
    routes: list[Route] = field(default_factory=list)
    distinct_encounters: int = 0
    upper_bound: int = 0
    rounds_used: int = 0
    method_label: str = ""

    @property
    def bound_reached(self) -> bool:
        return self.distinct_encounters == self.upper_bound

    @property
    def zone(self) -> str:
        return self.meeting.event.timezone

    @property
    def starts(self) -> str:
        return self.rounds[0].starts

    @property
    def ends(self) -> str:
        return self.rounds[-1].ends

    @property
    def total_minutes(self) -> int:
        return self.meeting.rounds * self.meeting.round_minutes

    def column_pages(self, size: int) -> list[GridPart]:
        """The grid cut into parts of at most `size` tables; the last part lists who waits."""
        starts = range(0, len(self.tables), size)
        return [
            GridPart(
                tables=self.tables[first : first + size],
                rows=[(row, row.cells[first : first + size]) for row in self.rounds],
                last=first + size >= len(self.tables),
            )
            for first in starts
        ]


@dataclass
class GridPart:
    tables: list[str]
    rows: list[tuple[RoundRow, list[str]]]
    last: bool


def has_plan(meeting: SpeedMeeting) -> bool:
    """Whether the stored plan fits the stored groups, tables and rounds."""
    plan, groups = meeting.plan, len(meeting.groups)
    return (
        bool(plan)
        and len(plan) == meeting.rounds
        and all(len(row) == len(meeting.tables) for row in plan)
        and all(cell is None or 0 <= cell < groups for row in plan for cell in row)
    )


def meeting_sheet(meeting: SpeedMeeting) -> MeetingSheet:
    """The stored plan with names and local times; NoPlan when there is none."""
    if not has_plan(meeting):
        raise NoPlan()
    event = meeting.event
    groups, tables = list(meeting.groups), list(meeting.tables)
    first = first_round_start(event, meeting.starts_at)
    length = timedelta(minutes=meeting.round_minutes)
    rows = []
    for index, plan_row in enumerate(meeting.plan):
        starts_at = first + index * length
        seated = {cell for cell in plan_row if cell is not None}
        rows.append(
            RoundRow(
                number=index + 1,
                starts_at=starts_at,
                ends_at=starts_at + length,
                starts=moment_label(starts_at, first),
                ends=moment_label(starts_at + length, first),
                cells=["" if cell is None else groups[cell] for cell in plan_row],
                waiting=[name for g, name in enumerate(groups) if g not in seated],
            )
        )
    routes = [
        Route(
            group=name,
            stops=[
                Stop(
                    number=row.number,
                    starts=row.starts,
                    ends=row.ends,
                    table=next((tables[t] for t, cell in enumerate(plan_row) if cell == g), ""),
                )
                for row, plan_row in zip(rows, meeting.plan, strict=True)
            ],
        )
        for g, name in enumerate(groups)
    ]
    used = [row.number for row in rows if any(row.cells)]
    return MeetingSheet(
        meeting=meeting,
        title=str(event.title_i18n),
        groups=groups,
        tables=tables,
        rounds=rows,
        routes=routes,
        distinct_encounters=meeting.distinct_encounters,
        upper_bound=upper_bound(
            len(groups), len(tables), meeting.rounds, unavailable_indices(meeting)
        ),
        rounds_used=used[-1] if used else 0,
        method_label=str(METHOD_LABELS.get(meeting.method, meeting.method)),
    )


# --- The printable plan and the exports ----------------------------------------------------------


def meeting_pdf(meeting: SpeedMeeting) -> bytes:
    """A4 landscape: the grid of rounds and tables, then one card per group with its route,
    to cut out and hand to the group."""
    sheet = meeting_sheet(meeting)
    event = meeting.event
    html = render_to_string(
        "recruitment/meeting/pdf.html",
        {
            "sheet": sheet,
            "parts": sheet.column_pages(PRINT_COLUMNS),
            "organiser": agenda_pdf.organiser_name(event),
            "when": agenda_pdf.event_when(event),
            "place": agenda_pdf.place_lines(event),
        },
    )
    return agenda_pdf.write_pdf(html, landscape=True, stylesheets=[PRINT_STYLESHEET])


def meeting_table(meeting: SpeedMeeting) -> exports.Table:
    """One row per round: its times (local), the group at each table, the groups waiting."""
    sheet = meeting_sheet(meeting)
    zone = sheet.zone
    header = [
        gettext("Round"),
        gettext("Starts (%(zone)s)") % {"zone": zone},
        gettext("Ends (%(zone)s)") % {"zone": zone},
        *sheet.tables,
        gettext("Waiting"),
    ]
    rows = [
        [row.number, row.starts_at, row.ends_at, *row.cells, ", ".join(row.waiting)]
        for row in sheet.rounds
    ]
    return exports.Table(header=header, rows=rows)


def export_filename(meeting: SpeedMeeting, file_format: str) -> str:
    return f"{meeting.event.slug}-speed-meeting.{file_format}"
