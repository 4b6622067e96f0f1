"""Computing the interview schedule of a speed recruitment with the solver, and publishing it.

An organiser asks for a computation (`start_run`). It is recorded as a queued `ScheduleRun`
(one at a time per day: the database's conditional unique constraint refuses a second, so a
double click never makes two runs) and the worker runs `run_schedule` once the transaction
commits. The worker builds the solver's instance from the database (`build_instance`), solves
it outside any transaction, then, in one transaction with the day's row locked, replaces the
interviews and stores the run's figures (`save_schedule`). Any failure marks the run failed
with a short error and leaves the interviews exactly as they were.

Solver times are minutes since local midnight of the event's day; solver ids are the rows'
primary keys as strings.

A whole-day run (`RunKind.INITIAL`, before the day) replaces every interview. A run on the day
(`RunKind.REOPTIMISE`) keeps where they are the interviews under way or done and every
interview that has already started; it places nothing before the first slot that has not
started, leaves out the candidates marked absent, and keeps the other interviews where it can
(the current schedule is the solver's hint). Once the timetables have been sent, candidates
whose timetable changed are told after the commit.

`publish_schedule` publishes the computed schedule: the stage becomes "schedule published" and
the worker sends every candidate their timetable.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocade.agenda.enums import RegistrationStatus
from cocade.core.audit import record_action
from cocade.core.errors import DomainError, InvalidInput, NotFound, interpolate
from cocade.core.mail import emails_are_suppressed
from cocade.recruitment import rules, solver
from cocade.recruitment.enums import (
    PINNED_STATUSES,
    ApplicationStatus,
    InterviewStatus,
    Phase,
    Presence,
    RunKind,
    RunStatus,
)
from cocade.recruitment.errors import (
    InterviewLocked,
    NoSchedule,
    ScheduleRunning,
    Stale,
    WrongPhase,
)
from cocade.recruitment.models import (
    Application,
    Candidate,
    Company,
    Interview,
    RecruitmentDay,
    ScheduleRun,
)

logger = logging.getLogger(__name__)

MINUTES_PER_DAY = 24 * 60
#: Registrations of people who are not coming: no interview is planned for them.
GONE_REGISTRATIONS = (RegistrationStatus.CANCELLED, RegistrationStatus.DECLINED)
IN_PROGRESS = (RunStatus.QUEUED, RunStatus.RUNNING)
#: A run still queued or running this long after it was asked for is taken as lost (the
#: worker stopped): it no longer blocks a new computation.
LOST_AFTER = timedelta(minutes=30)
#: The stages in which each kind of run may be asked for.
RUN_PHASES: dict[str, tuple[str, ...]] = {
    RunKind.INITIAL: (Phase.COMPANIES, Phase.APPLICATIONS, Phase.PRESELECTION, Phase.SCHEDULED),
    RunKind.REOPTIMISE: (Phase.SCHEDULED, Phase.LIVE),
}
#: Error codes stored on a failed run (`ScheduleRun.error` is "<code>: <detail>").
ERROR_INVALID = "invalid_instance"
ERROR_LOST = "lost"
ERROR_INTERNAL = "internal"

NOTHING_TO_SCHEDULE = _(
    "No application is shortlisted yet: shortlist candidates before computing the schedule."
)


class InterviewsStarted(Stale):
    """Interviews changed under the computation (one started, or was held): its result is
    no longer true and is not saved."""

    code = "interviews_started"
    default_message = _(
        "Interviews started while the schedule was being computed: compute it again."
    )


@dataclass(frozen=True)
class Maps:
    """From the solver's ids back to the rows, and what a run leaves as it is."""

    companies: dict[str, Company]
    candidates: dict[str, Candidate]
    applications: dict[tuple[str, str], Application]
    #: Interviews the run keeps untouched (pinned, started, or cancelled in the past).
    kept: frozenset[int]
    #: (candidate, company) of the kept interviews that the solver sees as fixed.
    fixed: frozenset[tuple[str, str]]
    #: The first moment a new interview may start (re-optimisation only).
    not_before: datetime | None
    #: Candidates who get no new interview (marked absent, or no longer coming).
    absent: frozenset[str]


# --- times ---------------------------------------------------------------------------------


def _clock(value: time) -> int:
    return value.hour * 60 + value.minute


def local_minutes(day: RecruitmentDay, moment: datetime) -> int:
    """`moment` in minutes since local midnight of the event's day, counted on the wall clock
    (so that a change of summer time that night does not shift the grid)."""
    return day.datetime_to_minutes(moment.astimezone(day.event.zone))


def _minutes_at_or_after(day: RecruitmentDay, moment: datetime) -> int:
    """The first whole minute at or after `moment`, in solver minutes."""
    local = moment.astimezone(day.event.zone)
    return day.datetime_to_minutes(local) + (1 if local.second or local.microsecond else 0)


def _grid(day: RecruitmentDay) -> solver.Instance:
    """The day's slots alone: length, start and end, breaks."""
    return solver.Instance(
        slot_minutes=day.slot_minutes,
        day=solver.Window(_clock(day.day_start), _clock(day.day_end)),
        breaks=solver.parse_windows(day.breaks, "breaks"),
    )


def first_open_slot(day: RecruitmentDay, now: datetime) -> int:
    """The start of the first slot at or after `now` (solver minutes); past the last slot,
    `now` itself (clamped to the day), which leaves no slot open."""
    minutes = _minutes_at_or_after(day, now)
    for start in solver.slots(_grid(day)):
        if start >= minutes:
            return start
    return min(max(minutes, 0), MINUTES_PER_DAY)


# --- the instance --------------------------------------------------------------------------


@dataclass
class _Split:
    """The current interviews of a re-optimisation, sorted."""

    kept: list[Interview]
    fixed: list[Interview]
    hint: list[Interview]


def _split(interviews: Iterable[Interview], now: datetime) -> _Split:
    split = _Split(kept=[], fixed=[], hint=[])
    for interview in interviews:
        started = interview.starts_at < now
        if interview.status == InterviewStatus.CANCELLED:
            if started:
                split.kept.append(interview)
        elif started or interview.status in PINNED_STATUSES:
            split.kept.append(interview)
            split.fixed.append(interview)
        else:
            split.hint.append(interview)
    return split


def _candidates(day: RecruitmentDay, fixed_ids: set[int]) -> list[Candidate]:
    """The day's candidates, without those who are not coming, unless they already had an
    interview (kept as it is)."""
    rows = Candidate.objects.filter(day=day).select_related("registration").order_by("pk")
    return [
        candidate
        for candidate in rows
        if candidate.registration.status not in GONE_REGISTRATIONS or candidate.pk in fixed_ids
    ]


def _applications(
    day: RecruitmentDay, candidates: list[Candidate], split: _Split
) -> list[Application]:
    """The shortlisted applications of the candidates, plus those of fixed interviews; a
    candidate who is not coming keeps only their fixed interviews."""
    fixed = {interview.application_id for interview in split.fixed}
    left_out = {interview.application_id for interview in split.kept} - fixed
    coming = [c.pk for c in candidates if c.registration.status not in GONE_REGISTRATIONS]
    rows = (
        Application.objects.filter(company__day=day)
        .filter(Q(candidate_id__in=coming, status=ApplicationStatus.SHORTLISTED) | Q(pk__in=fixed))
        .exclude(pk__in=left_out)
        .order_by("candidate_id", "rank", "pk")
    )
    return list(rows)


def _solver_interview(day: RecruitmentDay, interview: Interview) -> solver.Interview:
    return solver.Interview(
        candidate=str(interview.candidate_id),
        company=str(interview.company_id),
        table=interview.table,
        start=local_minutes(day, interview.starts_at),
        end=local_minutes(day, interview.ends_at),
    )


def _solver_companies(companies: list[Company]) -> tuple[solver.Company, ...]:
    return tuple(
        solver.Company(
            id=str(company.pk),
            tables=company.tables,
            windows=solver.parse_windows(company.windows, f"company {company.pk}: windows"),
        )
        for company in companies
    )


def _solver_candidates(
    day: RecruitmentDay, candidates: list[Candidate]
) -> tuple[solver.Candidate, ...]:
    return tuple(
        solver.Candidate(
            id=str(candidate.pk),
            windows=solver.parse_windows(candidate.windows, f"candidate {candidate.pk}: windows"),
            max_interviews=day.max_interviews,
        )
        for candidate in candidates
    )


def _solver_applications(applications: list[Application]) -> tuple[solver.Application, ...]:
    return tuple(
        solver.Application(
            candidate=str(application.candidate_id),
            company=str(application.company_id),
            rank=application.rank,
            shortlisted=True,
        )
        for application in applications
    )


def _absent(candidates: list[Candidate], reoptimise: bool) -> frozenset[str]:
    """Who gets no new interview: those no longer coming, and on the day those marked absent."""
    return frozenset(
        str(candidate.pk)
        for candidate in candidates
        if candidate.registration.status in GONE_REGISTRATIONS
        or (reoptimise and candidate.presence == Presence.ABSENT)
    )


def build_instance(
    day: RecruitmentDay, *, now: datetime | None = None, reoptimise: bool = False
) -> tuple[solver.Instance, Maps]:
    """The solver's instance of the day, and the maps back to the rows.

    Re-optimising (`now` defaults to the current time): nothing new before the first slot at
    or after `now`; interviews under way or done, and any that started before `now`, fixed;
    candidates marked absent left out; the other interviews given as the hint."""
    moment = now or timezone.now()
    split = _Split(kept=[], fixed=[], hint=[])
    not_before = None
    if reoptimise:
        not_before = first_open_slot(day, moment)
        split = _split(day.interviews.order_by("starts_at", "pk"), moment)
    companies = list(Company.objects.filter(day=day).order_by("pk"))
    candidates = _candidates(day, {interview.candidate_id for interview in split.fixed})
    applications = _applications(day, candidates, split)
    pairs = {(str(a.candidate_id), str(a.company_id)) for a in applications}
    fixed = [_solver_interview(day, interview) for interview in split.fixed]
    hint = [_solver_interview(day, interview) for interview in split.hint]
    absent = _absent(candidates, reoptimise)
    instance = replace(
        _grid(day),
        companies=_solver_companies(companies),
        candidates=_solver_candidates(day, candidates),
        applications=_solver_applications(applications),
        min_gap_slots=day.min_gap_slots,
        seed=day.seed,
        fixed=tuple(solver.FixedInterview(i.candidate, i.company, i.table, i.start) for i in fixed),
        not_before=not_before,
        absent=absent,
        hint=tuple(i for i in hint if (i.candidate, i.company) in pairs),
    )
    maps = Maps(
        companies={str(company.pk): company for company in companies},
        candidates={str(candidate.pk): candidate for candidate in candidates},
        applications={(str(a.candidate_id), str(a.company_id)): a for a in applications},
        kept=frozenset(interview.pk for interview in split.kept),
        fixed=frozenset((i.candidate, i.company) for i in fixed),
        not_before=None if not_before is None else day.minutes_to_datetime(not_before),
        absent=absent,
    )
    return instance, maps


# --- asking for a run ----------------------------------------------------------------------


def _check_manager(user: Any, day: RecruitmentDay) -> None:
    if not rules.can_manage_event(user, day.event):
        raise NotFound()


def _check_instance(day: RecruitmentDay, kind: str, now: datetime | None) -> None:
    """Refuse at once what the worker would refuse: a day it cannot read, nothing to place."""
    try:
        instance, _maps = build_instance(day, now=now, reoptimise=kind == RunKind.REOPTIMISE)
        solver.validate(instance)
    except solver.InvalidInstance as error:
        raise InvalidInput(
            interpolate(
                _("The schedule cannot be computed: %(problem)s. Correct the settings first."),
                {"problem": str(error)},
            )
        ) from error
    if not instance.applications:
        raise InvalidInput(NOTHING_TO_SCHEDULE)


def _release_lost_runs(day: RecruitmentDay) -> None:
    ScheduleRun.objects.filter(
        day=day, status__in=IN_PROGRESS, created_at__lt=timezone.now() - LOST_AFTER
    ).update(
        status=RunStatus.FAILED,
        error=f"{ERROR_LOST}: no worker finished it",
        finished_at=timezone.now(),
    )


def start_run(
    day: RecruitmentDay,
    user: Any,
    *,
    kind: str = RunKind.INITIAL,
    now: datetime | None = None,
) -> ScheduleRun:
    """Ask the worker to compute the schedule: the whole day (INITIAL, before the day) or
    the rest of it from `now` (REOPTIMISE, on the day). A run already queued or running is
    refused (ScheduleRunning), so is a day with nothing to schedule (InvalidInput)."""
    _check_manager(user, day)
    if kind not in RUN_PHASES:
        raise InvalidInput(_("Unknown kind of computation."))
    _check_instance(day, kind, now)
    from cocade.recruitment.tasks_schedule import compute_schedule

    with transaction.atomic():
        locked = RecruitmentDay.objects.select_for_update().filter(pk=day.pk).first()
        if locked is None:
            raise NotFound()
        if locked.phase not in RUN_PHASES[kind]:
            raise WrongPhase(_wrong_phase_message(kind))
        _release_lost_runs(locked)
        not_before = None
        if kind == RunKind.REOPTIMISE:
            not_before = day.minutes_to_datetime(first_open_slot(day, now or timezone.now()))
        try:
            with transaction.atomic():
                run = ScheduleRun.objects.create(
                    day=locked, kind=kind, not_before=not_before, created_by=user
                )
        except IntegrityError as error:
            raise ScheduleRunning() from error
        record_action(
            actor=user,
            action="recruitment.schedule_run.created",
            target=run,
            centre_id=day.event.centre_id,
            changes={
                "kind": str(kind),
                "not_before": None if not_before is None else not_before.isoformat(),
            },
        )
        run_id = run.pk
        transaction.on_commit(lambda: compute_schedule.enqueue(run_id))
    return run


def _wrong_phase_message(kind: str) -> Any:
    if kind == RunKind.INITIAL:
        return _(
            "The whole day can no longer be scheduled: the speed recruitment is under way or "
            "closed. Re-optimise the rest of the day instead."
        )
    return _("The rest of the day can be re-optimised only once the schedule is published.")


# --- the worker ----------------------------------------------------------------------------


def run_schedule(run_id: int) -> str:
    """Compute a queued run and save its result (the worker's task body). A run that is not
    queued any more (done by another worker, or gone) is left as it is."""
    claimed = ScheduleRun.objects.filter(pk=run_id, status=RunStatus.QUEUED).update(
        status=RunStatus.RUNNING, started_at=timezone.now()
    )
    run = ScheduleRun.objects.select_related("day__event", "created_by").filter(pk=run_id).first()
    if run is None:
        return "gone"
    if not claimed:
        return str(run.status)
    try:
        day = run.day
        now = None
        if run.kind == RunKind.REOPTIMISE:
            stored = run.not_before or timezone.now()
            now = max(stored, timezone.now())
        instance, maps = build_instance(day, now=now, reoptimise=run.kind == RunKind.REOPTIMISE)
        schedule = solver.solve(instance, time_limit=float(day.time_limit))
        save_schedule(run, schedule, maps)
    except Exception as error:
        _fail(run, error)
        return str(RunStatus.FAILED)
    return str(RunStatus.DONE)


def _fail(run: ScheduleRun, error: Exception) -> None:
    if isinstance(error, solver.InvalidInstance):
        text = f"{ERROR_INVALID}: {error}"
        logger.warning("Schedule run %s refused by the solver: %s", run.pk, error.item)
    elif isinstance(error, DomainError):
        text = f"{error.code}: {type(error).__name__}"
        logger.warning("Schedule run %s not saved: %s", run.pk, error.code)
    else:
        text = f"{ERROR_INTERNAL}: {type(error).__name__}"
        logger.error("Schedule run %s failed", run.pk, exc_info=error)
    ScheduleRun.objects.filter(pk=run.pk).update(
        status=RunStatus.FAILED, error=text[:500], finished_at=timezone.now()
    )


Timetable = frozenset[tuple[int, int, datetime]]


def _timetables(rows: Iterable[tuple[int, int, int, datetime]]) -> dict[int, Timetable]:
    """{candidate pk: {(company pk, table, start)}} of (candidate, company, table, start)."""
    found: dict[int, set[tuple[int, int, datetime]]] = {}
    for candidate, company, table, start in rows:
        found.setdefault(candidate, set()).add((company, table, start))
    return {candidate: frozenset(items) for candidate, items in found.items()}


#: An interview as the write reads it: pk, candidate, company, table, start, status.
Row = tuple[int, int, int, int, datetime, str]


def _current(day: RecruitmentDay) -> list[Row]:
    return list(
        Interview.objects.filter(day=day).values_list(
            "pk", "candidate_id", "company_id", "table", "starts_at", "status"
        )
    )


def _remove_replaced(run: ScheduleRun, maps: Maps, current: list[Row]) -> int:
    """Delete the interviews the run replaces. A whole-day run replaces only scheduled (or
    cancelled) interviews; a re-optimisation never touches one under way or done, even if it
    started while the schedule was computed: then nothing is saved."""
    replaced = [row for row in current if row[0] not in maps.kept]
    statuses = {row[5] for row in replaced}
    if run.kind == RunKind.INITIAL:
        if statuses - {InterviewStatus.SCHEDULED, InterviewStatus.CANCELLED}:
            raise InterviewLocked()
    elif statuses & set(PINNED_STATUSES):
        raise InterviewsStarted()
    ids = [row[0] for row in replaced]
    # The DELETE checks the status again: an interview started by someone else in the
    # meantime is not deleted, and the count tells.
    _total, counts = (
        Interview.objects.filter(pk__in=ids).exclude(status__in=PINNED_STATUSES).delete()
    )
    if counts.get(Interview._meta.label, 0) != len(ids):
        raise InterviewsStarted()
    return len(ids)


def _new_interviews(
    run: ScheduleRun, day: RecruitmentDay, schedule: solver.Schedule, maps: Maps
) -> list[Interview]:
    rows = []
    for item in schedule.interviews:
        if (item.candidate, item.company) in maps.fixed:
            continue
        application = maps.applications[(item.candidate, item.company)]
        rows.append(
            Interview(
                day=day,
                application=application,
                candidate_id=application.candidate_id,
                company_id=application.company_id,
                table=item.table,
                starts_at=day.minutes_to_datetime(item.start),
                ends_at=day.minutes_to_datetime(item.end),
                run=run,
            )
        )
    return rows


def _unscheduled(schedule: solver.Schedule, maps: Maps) -> list[dict[str, Any]]:
    rows = []
    for item in schedule.unscheduled:
        application = maps.applications[(item.candidate, item.company)]
        rows.append(
            {
                "application": application.pk,
                "candidate": application.candidate_id,
                "company": application.company_id,
                "reason": item.reason,
            }
        )
    return rows


def _changed_candidates(current: list[Row], maps: Maps, created: list[Interview]) -> list[int]:
    """The candidates whose timetable (company, table, start) is not what it was."""
    before = _timetables(row[1:5] for row in current if row[5] != InterviewStatus.CANCELLED)
    kept = [
        row[1:5] for row in current if row[0] in maps.kept and row[5] != InterviewStatus.CANCELLED
    ]
    new = [(i.candidate_id, i.company_id, i.table, i.starts_at) for i in created]
    after = _timetables(kept + new)
    return sorted(
        candidate
        for candidate in set(before) | set(after)
        if before.get(candidate, frozenset()) != after.get(candidate, frozenset())
    )


def _reason_now(run: ScheduleRun, row: tuple[str, str, str] | None) -> str | None:
    """Why an interview the solver placed may no longer be held, from its application's row
    as it is now ((status, presence, registration status), None when erased); None: it may."""
    if row is None:
        return solver.NOT_SELECTED
    status, presence, registration = row
    if status != ApplicationStatus.SHORTLISTED:
        return solver.NOT_SELECTED
    if registration in GONE_REGISTRATIONS:
        return solver.ABSENT
    if run.kind == RunKind.REOPTIMISE and presence == Presence.ABSENT:
        return solver.ABSENT
    return None


def _as_things_are_now(
    run: ScheduleRun, schedule: solver.Schedule, maps: Maps
) -> tuple[solver.Schedule, Maps]:
    """The schedule without the new interviews that what changed while it was computed rules
    out: an application turned down or erased, a registration cancelled, on the day a
    candidate marked absent. Those are listed as unscheduled with their reason (an erased
    one is not listed at all); candidates no longer coming are not told of a change."""
    known = [application.pk for application in maps.applications.values()]
    rows = {
        pk: (status, presence, registration)
        for pk, status, presence, registration in Application.objects.filter(
            pk__in=known
        ).values_list("pk", "status", "candidate__presence", "candidate__registration__status")
    }
    kept, left_out, gone = [], [], set()
    for interview in schedule.interviews:
        pk = maps.applications[(interview.candidate, interview.company)].pk
        reason = None
        if (interview.candidate, interview.company) not in maps.fixed:
            reason = _reason_now(run, rows.get(pk))
        if reason is None:
            kept.append(interview)
            continue
        if reason == solver.ABSENT:
            gone.add(interview.candidate)
        if pk in rows:
            left_out.append(solver.Unscheduled(interview.candidate, interview.company, reason))
    erased = {key for key, application in maps.applications.items() if application.pk not in rows}
    if len(kept) == len(schedule.interviews) and not erased:
        return schedule, maps
    unscheduled = [
        item for item in schedule.unscheduled if (item.candidate, item.company) not in erased
    ]
    schedule = replace(
        schedule,
        interviews=tuple(kept),
        unscheduled=tuple(unscheduled + left_out),
        scheduled_count=schedule.scheduled_count - (len(schedule.interviews) - len(kept)),
    )
    return schedule, replace(maps, absent=maps.absent | gone)


def save_schedule(run: ScheduleRun, schedule: solver.Schedule, maps: Maps) -> list[int]:
    """Replace the interviews by the schedule's and store the run's figures, in one
    transaction with the day's row locked; the interviews that started in the meantime stop
    it (InterviewsStarted) and nothing is written. What changed while it was computed (a
    candidate marked absent, an application turned down or erased) is checked again there
    and the interviews it rules out are left out. Returns the candidates whose timetable
    changed (they are told after the commit when the timetables were already sent)."""
    with transaction.atomic():
        day = RecruitmentDay.objects.select_for_update().select_related("event").get(pk=run.day_id)
        schedule, maps = _as_things_are_now(run, schedule, maps)
        current = _current(day)
        replaced = _remove_replaced(run, maps, current)
        created = Interview.objects.bulk_create(_new_interviews(run, day, schedule, maps))
        changed = _changed_candidates(current, maps, created)
        _store_figures(run, schedule, maps)
        record_action(
            actor=run.created_by,
            action="recruitment.schedule_run.saved",
            target=run,
            centre_id=day.event.centre_id,
            changes={"replaced": replaced, "created": len(created), "changed": len(changed)},
        )
        if day.schedule_published_at is not None:
            told = _to_tell(changed, maps)
            transaction.on_commit(lambda: tell_timetable_changes(told))
    return changed


def _store_figures(run: ScheduleRun, schedule: solver.Schedule, maps: Maps) -> None:
    """The run's figures; a run no longer running (given up as lost) saves nothing."""
    updated = ScheduleRun.objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(
        status=RunStatus.DONE,
        not_before=maps.not_before,
        solver_status=schedule.status,
        constructive=schedule.constructive,
        objective=schedule.objective,
        bound=schedule.bound,
        gap=schedule.gap,
        solve_seconds=schedule.solve_seconds,
        scheduled_count=schedule.scheduled_count,
        preference=schedule.preference,
        idle_slots=schedule.idle_slots,
        unscheduled=_unscheduled(schedule, maps),
        error="",
        finished_at=timezone.now(),
    )
    if not updated:
        raise Stale()


def _to_tell(changed: list[int], maps: Maps) -> list[Candidate]:
    """The candidates to tell of a change: coming, and not marked absent."""
    return [
        maps.candidates[str(pk)]
        for pk in changed
        if str(pk) in maps.candidates and str(pk) not in maps.absent
    ]


def tell_timetable_changes(candidates: list[Candidate]) -> None:
    """Have the worker email each candidate their new timetable, one job each."""
    from cocade.recruitment.tasks_candidates import send_timetable_change_task

    for candidate in candidates:
        send_timetable_change_task.enqueue(candidate.pk)


# --- publishing ----------------------------------------------------------------------------


def publish_schedule(day: RecruitmentDay, user: Any) -> RecruitmentDay:
    """Publish the computed schedule (at the pre-selection stage): the stage becomes
    "schedule published" and the worker sends the candidates their timetables."""
    _check_manager(user, day)
    with transaction.atomic():
        locked = (
            RecruitmentDay.objects.select_for_update()
            .select_related("event")
            .filter(pk=day.pk)
            .first()
        )
        if locked is None:
            raise NotFound()
        if locked.phase != Phase.PRESELECTION:
            raise WrongPhase(_("The schedule can be published only at the pre-selection stage."))
        runs = ScheduleRun.objects.filter(day=locked)
        if runs.filter(status__in=IN_PROGRESS).exists():
            raise ScheduleRunning()
        if not runs.filter(status=RunStatus.DONE).exists():
            raise NoSchedule()
        published_at = timezone.now()
        RecruitmentDay.objects.filter(pk=locked.pk).update(
            phase=Phase.SCHEDULED, schedule_published_at=published_at
        )
        record_action(
            actor=user,
            action="recruitment.schedule.published",
            target=locked,
            centre_id=locked.event.centre_id,
            changes={"phase": {"before": locked.phase, "after": Phase.SCHEDULED}},
        )
        if not emails_are_suppressed():
            day_id = locked.pk
            transaction.on_commit(lambda: _send_timetables(day_id))
    locked.refresh_from_db()
    return locked


def _send_timetables(day_id: int) -> None:
    from cocade.recruitment.tasks_candidates import send_timetables_task

    send_timetables_task.enqueue(day_id)
