"""Setting up a speed recruitment: its stage (phase), its grid of interview slots and its
rules, and the checks of time windows that companies and breaks share.

The stages follow each other: call for companies → applications → pre-selection → schedule
published → the day itself → closed. Organisers move one stage at a time; going back is
possible only before the schedule is published. Publishing the schedule is not a stage change
made here: the schedule's own page does it (`set_phase` refuses to go into "scheduled").

Times of the grid are local times of the event ("HH:MM"); a window is
`{"start": "HH:MM", "end": "HH:MM"}`. Every write checks the caller organises the event
(else NotFound), validates the whole input (each refusal names its field), audits, and
saves in one transaction. A settings save based on an older `lock_version` is refused as
stale.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime, time
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocade.core.audit import diff, record_action, snapshot
from cocade.core.errors import InvalidInput, NotFound, interpolate
from cocade.recruitment import rules
from cocade.recruitment.enums import Phase
from cocade.recruitment.errors import Stale, WrongPhase
from cocade.recruitment.models import Company, RecruitmentDay

#: The stages in their order.
PHASE_ORDER: tuple[str, ...] = (
    Phase.COMPANIES,
    Phase.APPLICATIONS,
    Phase.PRESELECTION,
    Phase.SCHEDULED,
    Phase.LIVE,
    Phase.CLOSED,
)

#: The settings an organiser may change, in the order of the form.
SETTINGS_FIELDS = (
    "slot_minutes",
    "day_start",
    "day_end",
    "breaks",
    "min_gap_slots",
    "max_interviews",
    "max_applications",
    "applications_close_at",
    "cv_required",
    "seed",
    "time_limit",
)
#: The settings that make the grid: they no longer change once the schedule is published.
GRID_FIELDS = ("slot_minutes", "day_start", "day_end", "breaks")

#: (lowest, highest) accepted for each whole-number setting.
LIMITS: dict[str, tuple[int, int]] = {
    "slot_minutes": (1, 240),
    "min_gap_slots": (0, 50),
    "max_interviews": (1, 100),
    "max_applications": (1, 100),
    "seed": (0, 2_147_483_647),
    "time_limit": (1, 600),
}

HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


# --- stages ---------------------------------------------------------------------------------


def phase_index(phase: str) -> int:
    return PHASE_ORDER.index(phase)


def is_before(phase: str, limit: str) -> bool:
    """Whether `phase` comes before `limit`."""
    return phase_index(phase) < phase_index(limit)


def next_phase(phase: str) -> str | None:
    index = phase_index(phase) + 1
    return PHASE_ORDER[index] if index < len(PHASE_ORDER) else None


def previous_phase(phase: str) -> str | None:
    """The stage one may go back to, or None (first stage, or the schedule is published)."""
    if not is_before(phase, Phase.SCHEDULED) or phase == PHASE_ORDER[0]:
        return None
    return PHASE_ORDER[phase_index(phase) - 1]


def _check_move(current: str, target: str) -> None:
    if target == Phase.SCHEDULED:
        raise WrongPhase(
            _("The schedule is published from the schedule's page, not by changing the stage.")
        )
    if target == previous_phase(current):
        return
    if target != next_phase(current):
        raise WrongPhase(
            interpolate(
                _("The speed recruitment cannot go from “%(current)s” to “%(target)s”."),
                {"current": Phase(current).label, "target": Phase(target).label},
            )
        )


def locked_day(day: RecruitmentDay) -> RecruitmentDay:
    """The day's row, locked until the transaction ends (NotFound if it is gone)."""
    current = RecruitmentDay.objects.select_for_update().filter(pk=day.pk).first()
    if current is None:
        raise NotFound()
    return current


def check_manager(actor: Any, day: RecruitmentDay) -> None:
    """NotFound unless `actor` organises the day's event."""
    if not rules.can_manage_event(actor, day.event):
        raise NotFound()


def set_phase(*, actor: Any, day: RecruitmentDay, phase: str) -> RecruitmentDay:
    """Move the speed recruitment to the next stage, or back to the previous one before the
    schedule is published. The stage it already is at is a no-op (a double click)."""
    check_manager(actor, day)
    if phase not in PHASE_ORDER:
        raise InvalidInput(_("Unknown stage."), field="phase")
    with transaction.atomic():
        current = locked_day(day)
        if current.phase == phase:
            return current
        _check_move(current.phase, phase)
        before = current.phase
        RecruitmentDay.objects.filter(pk=current.pk).update(phase=phase, updated_at=timezone.now())
        record_action(
            actor=actor,
            action="recruitment.phase.changed",
            target=current,
            centre_id=day.event.centre_id,
            changes={"phase": {"before": before, "after": phase}},
        )
    current.refresh_from_db()
    return current


# --- time windows ---------------------------------------------------------------------------


def parse_time(text: Any) -> time | None:
    """A "HH:MM" text as a time (24-hour clock), or None when it is not one."""
    match = HHMM.match(text) if isinstance(text, str) else None
    if match is None:
        return None
    return time(int(match.group(1)), int(match.group(2)))


def format_time(value: time) -> str:
    return value.strftime("%H:%M")


def window_text(window: Mapping[str, Any]) -> str:
    return f"{window.get('start', '')}-{window.get('end', '')}"


def windows_text(windows: Sequence[Mapping[str, Any]]) -> str:
    """Windows as the lines the forms show, one "HH:MM-HH:MM" per line."""
    return "\n".join(window_text(window) for window in windows or [])


def _parsed_window(item: Any, field: str) -> tuple[time, time]:
    start = parse_time(item.get("start")) if isinstance(item, Mapping) else None
    end = parse_time(item.get("end")) if isinstance(item, Mapping) else None
    if start is None or end is None:
        raise InvalidInput(
            _('Each period is a start and an end written HH:MM, such as "12:30-14:00".'),
            field=field,
        )
    if end <= start:
        raise InvalidInput(
            interpolate(
                _("%(window)s: the end must come after the start."),
                {"window": window_text(item)},
            ),
            field=field,
        )
    return start, end


def check_windows(windows: Any, *, day_start: time, day_end: time, field: str) -> list[dict]:
    """The windows, checked and sorted: each "HH:MM"-"HH:MM" with its start before its end,
    inside the day's hours, none overlapping another (they may touch)."""
    if not isinstance(windows, list):
        raise InvalidInput(_("Give a list of periods."), field=field)
    parsed = sorted(_parsed_window(item, field) for item in windows)
    for start, end in parsed:
        if start < day_start or end > day_end:
            raise InvalidInput(
                interpolate(
                    _("%(window)s is not within the day's hours (%(start)s-%(end)s)."),
                    {
                        "window": f"{format_time(start)}-{format_time(end)}",
                        "start": format_time(day_start),
                        "end": format_time(day_end),
                    },
                ),
                field=field,
            )
    for (first_start, first_end), (then_start, then_end) in zip(parsed, parsed[1:], strict=False):
        if then_start < first_end:
            raise InvalidInput(
                interpolate(
                    _("%(first)s and %(then)s overlap."),
                    {
                        "first": f"{format_time(first_start)}-{format_time(first_end)}",
                        "then": f"{format_time(then_start)}-{format_time(then_end)}",
                    },
                ),
                field=field,
            )
    return [{"start": format_time(start), "end": format_time(end)} for start, end in parsed]


# --- settings -------------------------------------------------------------------------------


def _check_numbers(values: Mapping[str, Any]) -> None:
    for name, (lowest, highest) in LIMITS.items():
        value = values[name]
        if isinstance(value, bool) or not isinstance(value, int) or not lowest <= value <= highest:
            raise InvalidInput(
                interpolate(
                    _("Enter a whole number from %(lowest)d to %(highest)d."),
                    {"lowest": lowest, "highest": highest},
                ),
                field=name,
            )


def _check_grid(day: RecruitmentDay, values: Mapping[str, Any]) -> list[dict]:
    start, end = values["day_start"], values["day_end"]
    if not isinstance(start, time) or not isinstance(end, time):
        raise InvalidInput(_("Enter the hours of the day."), field="day_start")
    if end <= start:
        raise InvalidInput(_("The day must end after it starts."), field="day_end")
    length = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    if values["slot_minutes"] > length:
        raise InvalidInput(_("The day is shorter than one interview."), field="slot_minutes")
    breaks = check_windows(values["breaks"], day_start=start, day_end=end, field="breaks")
    outside = [
        company.name
        for company in Company.objects.filter(day=day).only("name", "windows")
        if _outside(company.windows, start, end)
    ]
    if outside:
        raise InvalidInput(
            interpolate(
                _(
                    "These companies are available outside these hours: %(names)s. Change "
                    "their availability first."
                ),
                {"names": ", ".join(outside)},
            ),
            field="day_start",
        )
    return breaks


def _outside(windows: Any, start: time, end: time) -> bool:
    for window in windows or []:
        first, last = parse_time(window.get("start")), parse_time(window.get("end"))
        if first is None or last is None or first < start or last > end:
            return True
    return False


def _check_closing(day: RecruitmentDay, closes_at: Any) -> None:
    if closes_at is None:
        return
    if not isinstance(closes_at, datetime) or closes_at.tzinfo is None:
        raise InvalidInput(_("Enter a date and a time."), field="applications_close_at")
    if closes_at >= day.event.starts_at:
        raise InvalidInput(
            _("Applications must close before the event starts."), field="applications_close_at"
        )


def update_settings(
    *, actor: Any, day: RecruitmentDay, data: Mapping[str, Any], lock_version: int | None
) -> RecruitmentDay:
    """Change the grid and the rules of a speed recruitment. Every setting is given;
    `lock_version` is the version the organiser started from (None: not checked). A
    refused change writes nothing. Once the schedule is published the grid (interview length,
    hours, breaks) no longer changes."""
    check_manager(actor, day)
    unknown = sorted(set(data) - set(SETTINGS_FIELDS))
    missing = sorted(set(SETTINGS_FIELDS) - set(data))
    if unknown or missing:
        raise InvalidInput(
            interpolate(
                _("These settings are unknown or missing: %(fields)s."),
                {"fields": ", ".join(unknown + missing)},
            )
        )
    _check_numbers(data)
    with transaction.atomic():
        current = locked_day(day)
        if lock_version is not None and lock_version != current.lock_version:
            raise Stale()
        values = dict(data)
        values["breaks"] = _check_grid(current, values)
        values["cv_required"] = bool(values["cv_required"])
        _check_closing(current, values["applications_close_at"])
        before = snapshot(current, SETTINGS_FIELDS)
        grid_changed = any(getattr(current, name) != values[name] for name in GRID_FIELDS)
        if grid_changed and not is_before(current.phase, Phase.SCHEDULED):
            raise WrongPhase(
                _(
                    "The schedule is published: the interview length, the hours and the "
                    "breaks can no longer change."
                )
            )
        for name in SETTINGS_FIELDS:
            setattr(current, name, values[name])
        current.lock_version = F("lock_version") + 1
        current.save()
        current.refresh_from_db()
        changed = diff(before, snapshot(current, SETTINGS_FIELDS))
        if changed:
            record_action(
                actor=actor,
                action="recruitment.settings.changed",
                target=current,
                centre_id=day.event.centre_id,
                changes=changed,
            )
    return current
