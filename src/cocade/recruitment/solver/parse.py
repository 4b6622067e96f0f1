"""The JSON format of instances and schedules, and the validation of instances.

Every refusal is an `InvalidInstance` naming the item at fault the way the JSON spells it,
e.g. `applications[3].company`, so that one line tells the user what to fix.
"""

from __future__ import annotations

import re
from typing import Any

from .explain import REASONS
from .model import (
    Application,
    Candidate,
    Company,
    FixedInterview,
    Instance,
    Interview,
    Schedule,
    Window,
    slot_positions,
)

MINUTES_PER_DAY = 24 * 60
SEED_LIMIT = 2**31
_TIME = re.compile(r"(\d{1,2}):(\d{2})")


class InvalidInstance(ValueError):
    """An instance the scheduler refuses; `item` names the faulty part, `message` says why."""

    def __init__(self, item: str, message: str) -> None:
        super().__init__(f"{item}: {message}")
        self.item = item
        self.message = message


# --- times -------------------------------------------------------------------------------------


def format_time(minutes: int) -> str:
    """Minutes since midnight as "HH:MM"."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_time(value: object, item: str) -> int:
    """ "HH:MM" (00:00 to 24:00) as minutes since midnight."""
    if not isinstance(value, str):
        raise InvalidInstance(item, f'expected a time "HH:MM", got {_show(value)}')
    match = _TIME.fullmatch(value)
    if match is None:
        raise InvalidInstance(item, f'expected a time "HH:MM", got {_show(value)}')
    hours, minutes = int(match[1]), int(match[2])
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        raise InvalidInstance(item, f"no such time: {_show(value)}")
    return hours * 60 + minutes


# --- JSON -> Instance ---------------------------------------------------------------------------


def _show(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 40 else text[:37] + "..."


def _path(item: str, key: str) -> str:
    return f"{item}.{key}" if item else key


def _object(value: object, item: str, required: set[str], optional: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidInstance(item or "input", f"expected an object, got {_show(value)}")
    for key in sorted(required):
        if key not in value:
            raise InvalidInstance(_path(item, key), "required key is missing")
    for key in value:
        if key not in required and key not in optional:
            raise InvalidInstance(item or "input", f"unknown key {_show(key)}")
    return value


def _list(value: object, item: str) -> list[Any]:
    if not isinstance(value, list):
        raise InvalidInstance(item, f"expected a list, got {_show(value)}")
    return value


def _int(value: object, item: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInstance(item, f"expected an integer, got {_show(value)}")
    return value


def _bool(value: object, item: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidInstance(item, f"expected true or false, got {_show(value)}")
    return value


def _identifier(value: object, item: str) -> str:
    if not isinstance(value, str) or not value:
        raise InvalidInstance(item, f"expected a non-empty string, got {_show(value)}")
    return value


def _window(value: object, item: str) -> Window:
    data = _object(value, item, {"start", "end"}, set())
    return Window(
        parse_time(data["start"], f"{item}.start"), parse_time(data["end"], f"{item}.end")
    )


def parse_windows(value: object, item: str) -> tuple[Window, ...]:
    """A JSON list of {"start": "HH:MM", "end": "HH:MM"}; a malformed one is refused, named by
    `item`."""
    return tuple(
        _window(window, f"{item}[{number}]") for number, window in enumerate(_list(value, item))
    )


def _interview(value: object, item: str, length: int, fixed: bool) -> Interview:
    required = {"candidate", "company", "start"} | ({"table"} if fixed else set())
    optional = {"end"} | (set() if fixed else {"table"})
    data = _object(value, item, required, optional)
    start = parse_time(data["start"], f"{item}.start")
    if "end" in data and parse_time(data["end"], f"{item}.end") != start + length:
        raise InvalidInstance(f"{item}.end", "must be the start plus slot_minutes")
    return Interview(
        candidate=_identifier(data["candidate"], f"{item}.candidate"),
        company=_identifier(data["company"], f"{item}.company"),
        table=_int(data.get("table", 0), f"{item}.table"),
        start=start,
        end=start + length,
    )


def parse_instance(data: object) -> Instance:
    """An instance from its JSON form (see docs/scheduling.md), validated."""
    root = _object(
        data,
        "",
        {"slot_minutes", "day", "companies", "candidates", "applications"},
        {"breaks", "min_gap_slots", "seed", "fixed", "not_before", "absent", "hint"},
    )
    slot_minutes = _int(root["slot_minutes"], "slot_minutes")
    _check_int(slot_minutes, "slot_minutes", 1)
    companies = []
    for number, value in enumerate(_list(root["companies"], "companies")):
        item = f"companies[{number}]"
        company = _object(value, item, {"id"}, {"tables", "windows"})
        companies.append(
            Company(
                id=_identifier(company["id"], f"{item}.id"),
                tables=_int(company.get("tables", 1), f"{item}.tables"),
                windows=parse_windows(company.get("windows", []), f"{item}.windows"),
            )
        )
    candidates = []
    for number, value in enumerate(_list(root["candidates"], "candidates")):
        item = f"candidates[{number}]"
        candidate = _object(value, item, {"id"}, {"windows", "max_interviews"})
        maximum = candidate.get("max_interviews")
        candidates.append(
            Candidate(
                id=_identifier(candidate["id"], f"{item}.id"),
                windows=parse_windows(candidate.get("windows", []), f"{item}.windows"),
                max_interviews=None if maximum is None else _int(maximum, f"{item}.max_interviews"),
            )
        )
    applications = []
    for number, value in enumerate(_list(root["applications"], "applications")):
        item = f"applications[{number}]"
        application = _object(value, item, {"candidate", "company"}, {"rank", "shortlisted"})
        applications.append(
            Application(
                candidate=_identifier(application["candidate"], f"{item}.candidate"),
                company=_identifier(application["company"], f"{item}.company"),
                rank=_int(application.get("rank", 1), f"{item}.rank"),
                shortlisted=_bool(application.get("shortlisted", True), f"{item}.shortlisted"),
            )
        )
    length = slot_minutes
    fixed = tuple(
        FixedInterview(interview.candidate, interview.company, interview.table, interview.start)
        for interview in (
            _interview(value, f"fixed[{number}]", length, fixed=True)
            for number, value in enumerate(_list(root.get("fixed", []), "fixed"))
        )
    )
    hint = tuple(
        _interview(value, f"hint[{number}]", length, fixed=False)
        for number, value in enumerate(_list(root.get("hint", []), "hint"))
    )
    absent = [
        _identifier(value, f"absent[{number}]")
        for number, value in enumerate(_list(root.get("absent", []), "absent"))
    ]
    not_before = root.get("not_before")
    instance = Instance(
        slot_minutes=slot_minutes,
        day=_window(root["day"], "day"),
        breaks=parse_windows(root.get("breaks", []), "breaks"),
        companies=tuple(companies),
        candidates=tuple(candidates),
        applications=tuple(applications),
        min_gap_slots=_int(root.get("min_gap_slots", 0), "min_gap_slots"),
        seed=_int(root.get("seed", 0), "seed"),
        fixed=fixed,
        not_before=None if not_before is None else parse_time(not_before, "not_before"),
        absent=frozenset(absent),
        hint=hint,
    )
    unknown = sorted(set(absent) - {candidate.id for candidate in candidates})
    if unknown:
        number = absent.index(unknown[0])
        raise InvalidInstance(f"absent[{number}]", f"unknown candidate {_show(unknown[0])}")
    validate(instance)
    return instance


# --- validation ---------------------------------------------------------------------------------


def _check_int(value: object, item: str, minimum: int | None = None) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInstance(item, f"expected an integer, got {_show(value)}")
    if minimum is not None and value < minimum:
        what = "positive" if minimum == 1 else f"at least {minimum}"
        raise InvalidInstance(item, f"must be {what}, got {value}")


def _check_window(window: Window, item: str, day: Window | None) -> None:
    if not isinstance(window, Window):
        raise InvalidInstance(item, f"expected a window, got {_show(window)}")
    _check_int(window.start, f"{item}.start", 0)
    _check_int(window.end, f"{item}.end", 0)
    if window.end > MINUTES_PER_DAY:
        raise InvalidInstance(f"{item}.end", "is after 24:00")
    if window.start >= window.end:
        raise InvalidInstance(
            item,
            f"starts at {format_time(window.start)}, not before its end {format_time(window.end)}",
        )
    if day is not None and (window.start < day.start or window.end > day.end):
        raise InvalidInstance(
            item,
            f"{format_time(window.start)}-{format_time(window.end)} is outside the day "
            f"{format_time(day.start)}-{format_time(day.end)}",
        )


def _check_id(value: object, item: str) -> None:
    if not isinstance(value, str) or not value:
        raise InvalidInstance(item, f"expected a non-empty string, got {_show(value)}")


def validate(instance: Instance) -> None:
    """Refuse an instance the scheduler cannot take, naming the first faulty item."""
    _check_int(instance.slot_minutes, "slot_minutes", 1)
    _check_window(instance.day, "day", None)
    day = instance.day
    for number, pause in enumerate(instance.breaks):
        _check_window(pause, f"breaks[{number}]", day)
    ordered = sorted(enumerate(instance.breaks), key=lambda pair: (pair[1].start, pair[1].end))
    for (before, earlier), (number, later) in zip(ordered, ordered[1:], strict=False):
        if later.start < earlier.end:
            first, second = sorted((before, number))
            raise InvalidInstance(f"breaks[{second}]", f"overlaps breaks[{first}]")

    company_tables: dict[str, int] = {}
    for number, company in enumerate(instance.companies):
        item = f"companies[{number}]"
        _check_id(company.id, f"{item}.id")
        if company.id in company_tables:
            raise InvalidInstance(f"{item}.id", f"duplicate company id {_show(company.id)}")
        _check_int(company.tables, f"{item}.tables", 1)
        company_tables[company.id] = company.tables
        for other, window in enumerate(company.windows):
            _check_window(window, f"{item}.windows[{other}]", day)

    candidate_ids: set[str] = set()
    for number, candidate in enumerate(instance.candidates):
        item = f"candidates[{number}]"
        _check_id(candidate.id, f"{item}.id")
        if candidate.id in candidate_ids:
            raise InvalidInstance(f"{item}.id", f"duplicate candidate id {_show(candidate.id)}")
        candidate_ids.add(candidate.id)
        if candidate.max_interviews is not None:
            _check_int(candidate.max_interviews, f"{item}.max_interviews", 0)
        for other, window in enumerate(candidate.windows):
            _check_window(window, f"{item}.windows[{other}]", day)

    seen: dict[tuple[str, str], int] = {}
    for number, application in enumerate(instance.applications):
        item = f"applications[{number}]"
        if application.candidate not in candidate_ids:
            raise InvalidInstance(
                f"{item}.candidate", f"unknown candidate {_show(application.candidate)}"
            )
        if application.company not in company_tables:
            raise InvalidInstance(
                f"{item}.company", f"unknown company {_show(application.company)}"
            )
        _check_int(application.rank, f"{item}.rank", 1)
        if not isinstance(application.shortlisted, bool):
            raise InvalidInstance(f"{item}.shortlisted", "expected true or false")
        pair = (application.candidate, application.company)
        if pair in seen:
            raise InvalidInstance(
                item,
                f"duplicate application of candidate {_show(pair[0])} to company "
                f"{_show(pair[1])} (see applications[{seen[pair]}])",
            )
        seen[pair] = number

    _check_int(instance.min_gap_slots, "min_gap_slots", 0)
    _check_int(instance.seed, "seed", 0)
    if instance.seed >= SEED_LIMIT:
        raise InvalidInstance("seed", f"must be below {SEED_LIMIT}")
    if instance.not_before is not None:
        _check_int(instance.not_before, "not_before", 0)
        if instance.not_before > MINUTES_PER_DAY:
            raise InvalidInstance("not_before", "is after 24:00")
    for identifier in sorted(instance.absent):
        if identifier not in candidate_ids:
            raise InvalidInstance("absent", f"unknown candidate {_show(identifier)}")
    _validate_fixed(instance, candidate_ids, company_tables, seen)
    for number, interview in enumerate(instance.hint):
        item = f"hint[{number}]"
        if interview.candidate not in candidate_ids:
            raise InvalidInstance(
                f"{item}.candidate", f"unknown candidate {_show(interview.candidate)}"
            )
        if interview.company not in company_tables:
            raise InvalidInstance(f"{item}.company", f"unknown company {_show(interview.company)}")


def _validate_fixed(
    instance: Instance,
    candidate_ids: set[str],
    company_tables: dict[str, int],
    applications: dict[tuple[str, str], int],
) -> None:
    starts, positions = slot_positions(instance)
    slot_of_start = {start: k for k, start in enumerate(starts)}
    pairs: dict[tuple[str, str], int] = {}
    tables: dict[tuple[str, int, int], int] = {}
    taken: dict[str, list[tuple[int, int]]] = {}
    for number, fixed in enumerate(instance.fixed):
        item = f"fixed[{number}]"
        if fixed.candidate not in candidate_ids:
            raise InvalidInstance(
                f"{item}.candidate", f"unknown candidate {_show(fixed.candidate)}"
            )
        if fixed.company not in company_tables:
            raise InvalidInstance(f"{item}.company", f"unknown company {_show(fixed.company)}")
        pair = (fixed.candidate, fixed.company)
        application = applications.get(pair)
        if application is None or not instance.applications[application].shortlisted:
            raise InvalidInstance(
                item,
                f"candidate {_show(fixed.candidate)} has no shortlisted application to "
                f"company {_show(fixed.company)}",
            )
        _check_int(fixed.table, f"{item}.table", 1)
        if fixed.table > company_tables[fixed.company]:
            raise InvalidInstance(
                f"{item}.table",
                f"company {_show(fixed.company)} has {company_tables[fixed.company]} table(s)",
            )
        _check_int(fixed.start, f"{item}.start", 0)
        slot = slot_of_start.get(fixed.start)
        if slot is None:
            raise InvalidInstance(
                f"{item}.start", f"{format_time(fixed.start)} is not the start of a usable slot"
            )
        if pair in pairs:
            raise InvalidInstance(item, f"same interview as fixed[{pairs[pair]}]")
        pairs[pair] = number
        seat = (fixed.company, fixed.table, fixed.start)
        if seat in tables:
            raise InvalidInstance(item, f"same table at the same time as fixed[{tables[seat]}]")
        tables[seat] = number
        for other, position in taken.get(fixed.candidate, []):
            if abs(position - positions[slot]) <= instance.min_gap_slots:
                raise InvalidInstance(
                    item,
                    f"candidate {_show(fixed.candidate)} is already interviewed at that time "
                    f"or within min_gap_slots (fixed[{other}])",
                )
        taken.setdefault(fixed.candidate, []).append((number, positions[slot]))


# --- Instance and Schedule -> JSON -------------------------------------------------------------


def _window_json(window: Window) -> dict[str, str]:
    return {"start": format_time(window.start), "end": format_time(window.end)}


def instance_to_json(instance: Instance) -> dict[str, Any]:
    """The JSON form of an instance (what `parse_instance` reads back)."""
    data: dict[str, Any] = {
        "slot_minutes": instance.slot_minutes,
        "day": _window_json(instance.day),
        "breaks": [_window_json(pause) for pause in instance.breaks],
        "companies": [
            {
                "id": company.id,
                "tables": company.tables,
                "windows": [_window_json(window) for window in company.windows],
            }
            for company in instance.companies
        ],
        "candidates": [
            {
                "id": candidate.id,
                "windows": [_window_json(window) for window in candidate.windows],
                "max_interviews": candidate.max_interviews,
            }
            for candidate in instance.candidates
        ],
        "applications": [
            {
                "candidate": application.candidate,
                "company": application.company,
                "rank": application.rank,
                "shortlisted": application.shortlisted,
            }
            for application in instance.applications
        ],
        "min_gap_slots": instance.min_gap_slots,
        "seed": instance.seed,
    }
    if instance.fixed:
        data["fixed"] = [
            {
                "candidate": fixed.candidate,
                "company": fixed.company,
                "table": fixed.table,
                "start": format_time(fixed.start),
            }
            for fixed in instance.fixed
        ]
    if instance.not_before is not None:
        data["not_before"] = format_time(instance.not_before)
    if instance.absent:
        data["absent"] = sorted(instance.absent)
    if instance.hint:
        data["hint"] = [_interview_json(interview) for interview in instance.hint]
    return data


def _interview_json(interview: Interview) -> dict[str, Any]:
    return {
        "candidate": interview.candidate,
        "company": interview.company,
        "table": interview.table,
        "start": format_time(interview.start),
        "end": format_time(interview.end),
    }


def schedule_to_json(schedule: Schedule) -> dict[str, Any]:
    """The JSON form of a schedule (see docs/scheduling.md)."""
    return {
        "status": schedule.status,
        "interviews": [_interview_json(interview) for interview in schedule.interviews],
        "unscheduled": [
            {
                "candidate": item.candidate,
                "company": item.company,
                "reason": item.reason,
                "message": REASONS[item.reason],
            }
            for item in schedule.unscheduled
        ],
        "objective": schedule.objective,
        "bound": schedule.bound,
        "gap": schedule.gap,
        "solve_seconds": schedule.solve_seconds,
        "constructive": schedule.constructive,
        "scheduled": schedule.scheduled_count,
        "preference": schedule.preference,
        "idle_slots": schedule.idle_slots,
        "kept": schedule.kept,
    }
