"""The day itself of a speed recruitment: presence at the door, interviews started and closed,
the bell between rounds, outcomes, and the round under way for the live board.

Every write is atomic and audited, and changes a row only if it is still in the state the
organiser saw: the row is locked (PostgreSQL; SQLite takes its write lock at BEGIN IMMEDIATE)
and the UPDATE is conditional on the current status. A double click, or two organisers at
once, do it once: the second gets a refusal saying what happened, and nothing is written.

Presence. A candidate is expected, arrived or absent (a no-show). Marking a no-show keeps the
interviews under way or held; their interviews still to come are cancelled, which frees their
tables for the re-optimisation of the rest of the day, and a scheduled interview whose time has
come without them is counted as a no-show. Undoing the mark gives those interviews back where
their place is still free; a no-show who turns up late gets back the interviews still to come.
Arrival also records the agenda's attendance for the half-day, when the agenda accepts it (a
published event, a confirmed registration, during the event).

The bell. Ringing it for a slot starts every scheduled interview of that slot whose candidate
is not absent, and closes the interviews of earlier slots still under way. The slot is the one
the organiser saw on the page: a second ring for the same slot finds nothing to do and is
refused.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, Max, Min, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from cocade.agenda.errors import BadToken
from cocade.agenda.services import attendance
from cocade.agenda.tokens import read_check_in_token
from cocade.core.audit import record_action
from cocade.core.errors import Conflict, DomainError, Forbidden, InvalidInput, NotFound, interpolate
from cocade.recruitment import rules
from cocade.recruitment.enums import (
    PINNED_STATUSES,
    InterviewStatus,
    Outcome,
    Phase,
    Presence,
)
from cocade.recruitment.errors import WrongPhase
from cocade.recruitment.models import Candidate, Company, Interview, RecruitmentDay

logger = logging.getLogger(__name__)

#: Phases in which the day is run (presence, interviews, the bell); outcomes may still be
#: recorded once the day is closed.
LIVE_PHASES = (Phase.SCHEDULED, Phase.LIVE)
OUTCOME_PHASES = (Phase.SCHEDULED, Phase.LIVE, Phase.CLOSED)

#: From which presence each change may be made.
PRESENCE_FROM: dict[str, tuple[str, ...]] = {
    Presence.ARRIVED: (Presence.EXPECTED, Presence.ABSENT),
    Presence.ABSENT: (Presence.EXPECTED, Presence.ARRIVED),
    Presence.EXPECTED: (Presence.ARRIVED, Presence.ABSENT),
}

PRESENCE_ACTIONS: dict[str, str] = {
    Presence.ARRIVED: "recruitment.candidate.arrived",
    Presence.ABSENT: "recruitment.candidate.absent",
    Presence.EXPECTED: "recruitment.candidate.presence_reset",
}


# --- Refusals -----------------------------------------------------------------------------


class AlreadyMarked(Conflict):
    code = "already_marked"
    default_message = _("This candidate's presence was already recorded.")


class NotACandidate(Conflict):
    code = "not_a_candidate"
    default_message = _(
        "This person is registered for the event but is not a candidate of the speed recruitment."
    )


class InterviewsStarted(Conflict):
    code = "interviews_started"
    default_message = _(
        "This candidate has an interview under way or held: their arrival cannot be undone."
    )


class CandidateAbsent(Conflict):
    code = "candidate_absent"
    default_message = _(
        "This candidate is marked as a no-show: undo the mark (or mark them arrived) first."
    )


class InterviewState(Conflict):
    code = "interview_state"
    default_message = _("This interview is no longer in the state shown: reload the page.")


class NotHeld(Conflict):
    code = "not_held"
    default_message = _("An outcome can be recorded only for an interview that was held.")


class BadOutcome(InvalidInput):
    code = "bad_outcome"
    default_message = _("Choose one of the outcomes offered.")


class NothingToStart(Conflict):
    code = "round_started"
    default_message = _(
        "This round has already started (or has no interview left to start): reload the page."
    )


# --- Checks -------------------------------------------------------------------------------


def ensure_live(day: RecruitmentDay, phases: tuple[str, ...] = LIVE_PHASES) -> None:
    """The day is run once its schedule is published, and until it is closed."""
    if day.phase not in phases:
        raise WrongPhase(
            _("The day can be run once the schedule is published, and until it is closed.")
        )


def _authorise(user: Any, day: RecruitmentDay, phases: tuple[str, ...] = LIVE_PHASES) -> None:
    if not rules.can_manage_event(user, day.event):
        raise Forbidden()
    ensure_live(day, phases)


def _time(moment: datetime | None, day: RecruitmentDay) -> str:
    if moment is None:
        return ""
    return date_format(moment.astimezone(day.event.zone), "TIME_FORMAT")


def _audit(user: Any, action: str, target: Any, day: RecruitmentDay, changes: dict) -> None:
    record_action(
        actor=user,
        action=action,
        target=target,
        centre_id=day.event.centre_id,
        changes=changes,
    )


# --- Presence -----------------------------------------------------------------------------


@dataclass
class PresenceChange:
    """What a change of presence did: the interviews it cancelled (still to come), counted
    as no-shows (their time had come) or gave back, and whether the agenda's attendance was
    recorded (arrival) or removed (undo)."""

    candidate: Candidate
    before: str
    after: str
    cancelled: list[int] = field(default_factory=list)
    missed: list[int] = field(default_factory=list)
    restored: list[int] = field(default_factory=list)
    attendance: bool = False
    #: Back from a no-show with no interview left to come (a re-optimisation gave their
    #: places to others): only a new re-optimisation places them again.
    nothing_to_come: bool = False


def mark_arrived(candidate: Candidate, *, user: Any, now: datetime | None = None) -> PresenceChange:
    return _change_presence(candidate, user=user, now=now, to=Presence.ARRIVED)


def mark_absent(candidate: Candidate, *, user: Any, now: datetime | None = None) -> PresenceChange:
    return _change_presence(candidate, user=user, now=now, to=Presence.ABSENT)


def undo_presence(
    candidate: Candidate, *, user: Any, now: datetime | None = None
) -> PresenceChange:
    """Back to "expected": undoes an arrival (unless an interview has started) or a no-show."""
    return _change_presence(candidate, user=user, now=now, to=Presence.EXPECTED)


def mark_arrived_by_token(
    day: RecruitmentDay, raw: Any, *, user: Any, now: datetime | None = None
) -> PresenceChange:
    """The arrival of the candidate whose timetable QR code (the agenda's check-in code) was
    scanned: BadToken when the code is not valid, WrongEvent when it is another event's,
    NotACandidate when the registrant is not a candidate of this day."""
    registration = read_check_in_token(raw, day.event)
    if registration.anonymised_at is not None:
        raise BadToken()
    candidate = (
        Candidate.objects.select_related("registration", "day__event")
        .filter(day=day, registration=registration)
        .first()
    )
    if candidate is None:
        raise NotACandidate()
    return mark_arrived(candidate, user=user, now=now)


def _presence_refusal(candidate: Candidate, before: str, changed_at: Any) -> DomainError:
    day = candidate.day
    values = {"name": candidate.name, "time": _time(changed_at, day)}
    messages: dict[str, Any] = {
        Presence.ARRIVED: _("%(name)s: already marked arrived at %(time)s"),
        Presence.ABSENT: _("%(name)s: already marked as a no-show at %(time)s"),
        Presence.EXPECTED: _("%(name)s: already expected, there is nothing to undo"),
    }
    return AlreadyMarked(interpolate(messages[before], values))


def _change_presence(
    candidate: Candidate, *, user: Any, now: datetime | None, to: str
) -> PresenceChange:
    day = candidate.day
    _authorise(user, day)
    now = now or timezone.now()
    with transaction.atomic():
        locked = Candidate.objects.select_for_update().filter(pk=candidate.pk)
        current = locked.values_list("presence", "presence_changed_at").first()
        if current is None:
            raise NotFound()
        before, changed_at = current
        if before not in PRESENCE_FROM[to]:
            raise _presence_refusal(candidate, before, changed_at)
        if to == Presence.EXPECTED and before == Presence.ARRIVED and _has_started(candidate):
            raise InterviewsStarted()
        updated = Candidate.objects.filter(pk=candidate.pk, presence=before).update(
            presence=to, presence_changed_at=now
        )
        if not updated:
            raise _presence_refusal(candidate, before, changed_at)
        change = PresenceChange(candidate=candidate, before=before, after=to)
        _apply_to_interviews(change, changed_at, now)
        change.nothing_to_come = (
            before == Presence.ABSENT
            and not change.restored
            and not candidate.interviews.filter(
                status=InterviewStatus.SCHEDULED, ends_at__gt=now
            ).exists()
        )
        change.attendance = _sync_attendance(change, user, now)
        _audit(user, PRESENCE_ACTIONS[to], candidate, day, _presence_changes(change))
    candidate.presence, candidate.presence_changed_at = to, now
    return change


def _has_started(candidate: Candidate) -> bool:
    return candidate.interviews.filter(status__in=PINNED_STATUSES).exists()


def _presence_changes(change: PresenceChange) -> dict[str, Any]:
    return {
        "presence": {"before": change.before, "after": change.after},
        "interviews_cancelled": change.cancelled,
        "interviews_missed": change.missed,
        "interviews_restored": change.restored,
        "attendance": change.attendance,
    }


def _apply_to_interviews(change: PresenceChange, changed_at: Any, now: datetime) -> None:
    if change.after == Presence.ABSENT:
        _free_interviews(change, now)
    elif change.before == Presence.ABSENT:
        _restore_interviews(change, changed_at, now)


def _free_interviews(change: PresenceChange, now: datetime) -> None:
    """A no-show: their scheduled interviews to come are cancelled (the tables are free for
    the re-optimisation); those whose time has come are no-shows. Stamped with `now`, the time
    of the mark, so that undoing it finds them."""
    scheduled = Interview.objects.select_for_update().filter(
        candidate=change.candidate, status=InterviewStatus.SCHEDULED
    )
    for pk, starts_at in scheduled.values_list("pk", "starts_at"):
        (change.cancelled if starts_at >= now else change.missed).append(pk)
    for pks, status in (
        (change.cancelled, InterviewStatus.CANCELLED),
        (change.missed, InterviewStatus.NO_SHOW),
    ):
        Interview.objects.filter(pk__in=pks, status=InterviewStatus.SCHEDULED).update(
            status=status, updated_at=now
        )


def _restore_interviews(change: PresenceChange, marked_at: Any, now: datetime) -> None:
    """Give back the interviews the no-show mark (made at `marked_at`) took: all of them on an
    undo, only those still to come on a late arrival; a cancelled one only if its table and
    its candidate are still free at that time."""
    taken = Interview.objects.select_for_update().filter(
        candidate=change.candidate,
        updated_at=marked_at,
        status__in=[InterviewStatus.CANCELLED, InterviewStatus.NO_SHOW],
    )
    for interview in taken:
        if interview.status == InterviewStatus.NO_SHOW:
            wanted = change.after == Presence.EXPECTED
        else:
            wanted = interview.starts_at >= now and _place_is_free(interview)
        if wanted and _reschedule(interview, now):
            change.restored.append(interview.pk)


def _place_is_free(interview: Interview) -> bool:
    taken = (
        Interview.objects.exclude(status=InterviewStatus.CANCELLED)
        .exclude(pk=interview.pk)
        .filter(
            Q(company_id=interview.company_id, table=interview.table)
            | Q(candidate_id=interview.candidate_id),
            starts_at=interview.starts_at,
        )
    )
    return not taken.exists()


def _reschedule(interview: Interview, now: datetime) -> bool:
    try:
        with transaction.atomic():
            updated = Interview.objects.filter(pk=interview.pk, status=interview.status).update(
                status=InterviewStatus.SCHEDULED, updated_at=now
            )
    except IntegrityError:
        # The re-optimisation gave the place to someone else in the meantime.
        return False
    return bool(updated)


def _sync_attendance(change: PresenceChange, user: Any, now: datetime) -> bool:
    """Record the agenda's attendance on arrival, remove it when the arrival is undone; when
    the agenda refuses (outside the event, a registration not confirmed), the presence of the
    speed recruitment stands alone."""
    registration = change.candidate.registration
    try:
        if change.after == Presence.ARRIVED:
            _attendance, created = attendance.check_in(
                actor=user, registration=registration, at=now
            )
            return created
        if change.before == Presence.ARRIVED and change.after == Presence.EXPECTED:
            day, half = attendance.half_day_at(registration.event, now)
            attendance.set_attendance(
                actor=user, registration=registration, day=day, half=half, present=False
            )
            return True
    except DomainError as error:
        logger.info("Attendance of registration %s not changed: %s", registration.pk, error.code)
    return False


def presence_counts(day: RecruitmentDay) -> dict[str, int]:
    """Candidates with an interview on the day (any status: a no-show's are cancelled), by
    presence."""
    has_interview = Exists(Interview.objects.filter(candidate=OuterRef("pk")))
    counts = Candidate.objects.filter(has_interview, day=day).aggregate(
        total=Count("pk"),
        expected=Count("pk", filter=Q(presence=Presence.EXPECTED)),
        arrived=Count("pk", filter=Q(presence=Presence.ARRIVED)),
        absent=Count("pk", filter=Q(presence=Presence.ABSENT)),
    )
    return {key: value or 0 for key, value in counts.items()}


# --- Interviews ---------------------------------------------------------------------------

START_REFUSED = _("This interview cannot be started: it is “%(status)s”.")
FINISH_REFUSED = _("This interview cannot be closed: it is “%(status)s”.")
NO_SHOW_REFUSED = _("This interview cannot be marked as a no-show: it is “%(status)s”.")


def start_interview(interview: Interview, *, user: Any, now: datetime | None = None) -> Interview:
    """Scheduled → under way; refused when the candidate is marked as a no-show."""
    return _transition(
        interview,
        user=user,
        now=now,
        allowed=(InterviewStatus.SCHEDULED,),
        to=InterviewStatus.UNDER_WAY,
        action="recruitment.interview.started",
        refusal=START_REFUSED,
    )


def finish_interview(interview: Interview, *, user: Any, now: datetime | None = None) -> Interview:
    """Under way → held."""
    return _transition(
        interview,
        user=user,
        now=now,
        allowed=(InterviewStatus.UNDER_WAY,),
        to=InterviewStatus.DONE,
        action="recruitment.interview.finished",
        refusal=FINISH_REFUSED,
    )


def mark_interview_no_show(
    interview: Interview, *, user: Any, now: datetime | None = None
) -> Interview:
    """Scheduled or under way → no-show: the candidate did not come to this interview."""
    return _transition(
        interview,
        user=user,
        now=now,
        allowed=(InterviewStatus.SCHEDULED, InterviewStatus.UNDER_WAY),
        to=InterviewStatus.NO_SHOW,
        action="recruitment.interview.no_show",
        refusal=NO_SHOW_REFUSED,
    )


def _locked_state(interview: Interview) -> tuple[str, str, str]:
    """(status, outcome, candidate's presence) of the interview, its row locked."""
    state = (
        Interview.objects.select_for_update(of=("self",))
        .filter(pk=interview.pk)
        .values_list("status", "outcome", "candidate__presence")
        .first()
    )
    if state is None:
        raise NotFound()
    return state


def _transition(
    interview: Interview,
    *,
    user: Any,
    now: datetime | None,
    allowed: tuple[str, ...],
    to: str,
    action: str,
    refusal: Any,
) -> Interview:
    day = interview.day
    _authorise(user, day)
    now = now or timezone.now()
    with transaction.atomic():
        status, _outcome, presence = _locked_state(interview)
        if status not in allowed:
            label = InterviewStatus(status).label
            raise InterviewState(interpolate(refusal, {"status": label}))
        if to == InterviewStatus.UNDER_WAY and presence == Presence.ABSENT:
            raise CandidateAbsent()
        updated = Interview.objects.filter(pk=interview.pk, status=status).update(
            status=to, updated_at=now
        )
        if not updated:
            raise InterviewState()
        _audit(user, action, interview, day, {"status": {"before": status, "after": to}})
    interview.status = to
    return interview


def set_outcome(
    interview: Interview, outcome: Any, *, user: Any, now: datetime | None = None
) -> Interview:
    """The outcome of a held interview (a second interview offered, hired, not retained, or
    none yet). Setting the outcome it already has writes nothing."""
    if not isinstance(outcome, str) or outcome not in Outcome.values:
        raise BadOutcome(field="outcome")
    day = interview.day
    _authorise(user, day, OUTCOME_PHASES)
    with transaction.atomic():
        status, before, _presence = _locked_state(interview)
        if status != InterviewStatus.DONE:
            raise NotHeld()
        if before != outcome:
            Interview.objects.filter(
                pk=interview.pk, status=InterviewStatus.DONE, outcome=before
            ).update(outcome=outcome, updated_at=now or timezone.now())
            _audit(
                user,
                "recruitment.interview.outcome_set",
                interview,
                day,
                {"outcome": {"before": before, "after": outcome}},
            )
    interview.status, interview.outcome = status, outcome
    return interview


# --- The bell -----------------------------------------------------------------------------


@dataclass
class RoundStart:
    slot_start: datetime
    started: list[int]
    finished: list[int]


def start_round(
    day: RecruitmentDay, slot_start: datetime, *, user: Any, now: datetime | None = None
) -> RoundStart:
    """The bell: the interviews of `slot_start` start (those of no-shows excepted), and
    those of earlier slots still under way are held. Refused when there is nothing to do (the
    round was started already: a double click, or another organiser)."""
    _authorise(user, day)
    now = now or timezone.now()
    with transaction.atomic():
        interviews = Interview.objects.select_for_update(of=("self",)).filter(day=day)
        to_start = list(
            interviews.filter(starts_at=slot_start, status=InterviewStatus.SCHEDULED)
            .exclude(candidate__presence=Presence.ABSENT)
            .values_list("pk", flat=True)
        )
        to_finish = list(
            interviews.filter(
                starts_at__lt=slot_start, status=InterviewStatus.UNDER_WAY
            ).values_list("pk", flat=True)
        )
        if not to_start and not to_finish:
            raise NothingToStart()
        for pks, before, after in (
            (to_finish, InterviewStatus.UNDER_WAY, InterviewStatus.DONE),
            (to_start, InterviewStatus.SCHEDULED, InterviewStatus.UNDER_WAY),
        ):
            Interview.objects.filter(pk__in=pks, status=before).update(status=after, updated_at=now)
        _audit(
            user,
            "recruitment.round.started",
            day,
            day,
            {"slot": slot_start.isoformat(), "started": to_start, "finished": to_finish},
        )
    return RoundStart(slot_start=slot_start, started=to_start, finished=to_finish)


@dataclass
class Bell:
    """What the next ring of the bell does: start the round at `at` (and close the one under
    way), or, after the last round, only close it (`closes_only`)."""

    at: datetime
    closes_only: bool = False


def _under_way(day: RecruitmentDay) -> dict[str, datetime | None]:
    """The first and last slots with an interview under way. The first is the round under
    way: an interview of a later slot started early by hand does not move the round."""
    return Interview.objects.filter(day=day, status=InterviewStatus.UNDER_WAY).aggregate(
        first=Min("starts_at"), last=Max("starts_at")
    )


def next_bell(day: RecruitmentDay, under_way: dict[str, Any] | None = None) -> Bell | None:
    """The round the next ring starts: the first slot after the round under way (or after the
    last held one) with an interview to start; None when nothing is left to start or close."""
    under_way = under_way if under_way is not None else _under_way(day)
    reference = under_way["first"]
    if reference is None:
        reference = (
            Interview.objects.filter(day=day, status=InterviewStatus.DONE)
            .aggregate(last=Max("starts_at"))
            .get("last")
        )
    to_start = Interview.objects.filter(day=day, status=InterviewStatus.SCHEDULED).exclude(
        candidate__presence=Presence.ABSENT
    )
    if reference is not None:
        to_start = to_start.filter(starts_at__gt=reference)
    at = to_start.aggregate(first=Min("starts_at"))["first"]
    if at is not None:
        return Bell(at=at)
    if under_way["last"] is not None:
        return Bell(at=under_way["last"] + timedelta(minutes=day.slot_minutes), closes_only=True)
    return None


# --- The round under way, for the live board ----------------------------------------------


def short_name(name: str) -> str:
    """ "Ana Sofia Pereira" → "Ana P.": enough to be called to a table on a screen."""
    words = name.split()
    if len(words) < 2:
        return name
    return f"{words[0]} {words[-1][0]}."


@dataclass
class Seat:
    """One interview at a table, as the board and the live page show it."""

    interview: Interview
    starts_at: datetime  # local
    ends_at: datetime  # local

    @property
    def candidate(self) -> Candidate:
        return self.interview.candidate

    @property
    def name(self) -> str:
        return self.interview.candidate.name

    @property
    def short_name(self) -> str:
        return short_name(self.name)

    @property
    def presence(self) -> str:
        return self.interview.candidate.presence

    @property
    def presence_label(self) -> str:
        return str(Presence(self.presence).label)

    @property
    def status(self) -> str:
        return self.interview.status


@dataclass
class TableRow:
    company: Company
    table: int
    now: Seat | None = None
    next: Seat | None = None


@dataclass
class Round:
    """The round under way (the bell rang: `started`) or, between rounds, the next one to
    start; per table of each company, the interview now and the next one. Times are local."""

    start: datetime | None
    end: datetime | None
    started: bool
    seconds_left: int | None
    tables: list[TableRow]
    bell: Bell | None

    @property
    def time_left(self) -> str:
        if self.seconds_left is None:
            return ""
        minutes, seconds = divmod(self.seconds_left, 60)
        return f"{minutes}:{seconds:02d}"

    @property
    def over(self) -> bool:
        return self.start is None


def _seat(interview: Interview, zone: Any) -> Seat:
    return Seat(
        interview=interview,
        starts_at=interview.starts_at.astimezone(zone),
        ends_at=interview.ends_at.astimezone(zone),
    )


def _upcoming(day: RecruitmentDay, start: datetime) -> QuerySet[Interview]:
    return (
        Interview.objects.filter(day=day, starts_at__gte=start)
        .exclude(status=InterviewStatus.CANCELLED)
        .select_related("candidate__registration", "company")
        .order_by("starts_at", "pk")
    )


def current_round(day: RecruitmentDay, now: datetime | None = None) -> Round:
    """The round for the live board at `now`: the round under way, its time left (until the
    end of its slot, at most a slot: the bell may ring early; 0 once over), and for each table
    the interview now and the next one."""
    now = now or timezone.now()
    zone = day.event.zone
    under_way = _under_way(day)
    started_at = under_way["first"]
    bell = next_bell(day, under_way)
    start = started_at or (bell.at if bell and not bell.closes_only else None)
    rows = [
        TableRow(company=company, table=table)
        for company in Company.objects.filter(day=day).order_by("name", "pk")
        for table in range(1, company.tables + 1)
    ]
    if start is None:
        return Round(start=None, end=None, started=False, seconds_left=None, tables=rows, bell=bell)
    by_table = {(row.company.pk, row.table): row for row in rows}
    for interview in _upcoming(day, start):
        row = by_table.get((interview.company_id, interview.table))
        if row is None:
            continue
        if started_at is not None and interview.starts_at == start:
            row.now = row.now or _seat(interview, zone)
        elif row.next is None and interview.status == InterviewStatus.SCHEDULED:
            row.next = _seat(interview, zone)
    end = start + timedelta(minutes=day.slot_minutes)
    length = day.slot_minutes * 60
    seconds_left = min(length, max(0, int((end - now).total_seconds()))) if started_at else None
    return Round(
        start=start.astimezone(zone),
        end=end.astimezone(zone),
        started=started_at is not None,
        seconds_left=seconds_left,
        tables=rows,
        bell=bell,
    )
