"""Speed recruitment in the JSON API, for the organisers' own tools (a token is required).

The organisers of the event (the agenda's: coordinators, the managers of its centre, its
named organisers) read a speed recruitment's figures and its interviews, ask the worker to
compute the schedule (the whole day before it, the rest of it on the day) and follow the
computation, and record what happens at each table (under way, held, no-show, outcome). For
anyone else every path answers 404, so that a speed recruitment's candidates are never
revealed. These calls go through the same services as the staff pages: the same refusals,
`{code, message, detail}` in the request's language (409 `wrong_phase`,
`schedule_running`, `interview_state`, `not_held`, …; 422 `invalid` for a body that is not
valid), and a refused request changes nothing.
"""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import P, PathEx, Router, Schema, Status

from cocade.agenda.api import ERRORS, WRITE_AUTH, _caller
from cocade.core.api import BodyIn, omittable
from cocade.core.errors import InvalidInput, NotFound
from cocade.recruitment import selectors
from cocade.recruitment.enums import ApplicationStatus, InterviewStatus, Outcome, RunKind
from cocade.recruitment.models import Application, Interview, RecruitmentDay, ScheduleRun

router = Router(tags=["recruitment"])

EventId = PathEx[int, P(ge=1, le=2**63 - 1, description="The speed recruitment event's id.")]
RunId = PathEx[int, P(ge=1, le=2**63 - 1, description="The computation's id.")]
InterviewId = PathEx[int, P(ge=1, le=2**63 - 1, description="The interview's id.")]


def _named(name: str) -> dict[str, str]:
    return {"operation_id": f"recruitment_{name}", "url_name": f"recruitment_{name}"}


class Break(Schema):
    start: str
    end: str


class RunOut(Schema):
    id: int
    kind: str
    status: str
    solver_status: str
    method: str
    scheduled: int
    unscheduled: int
    objective: int | None
    bound: int | None
    gap: float | None
    solve_seconds: float | None
    created_at: datetime.datetime
    finished_at: datetime.datetime | None


class RecruitmentOut(Schema):
    event: int
    phase: str
    slot_minutes: int
    day_start: str
    day_end: str
    breaks: list[Break]
    min_gap_slots: int
    max_interviews: int
    schedule_published_at: datetime.datetime | None
    companies: int
    candidates: int
    applications: int
    shortlisted: int
    interviews: int
    last_run: RunOut | None


class Person(Schema):
    id: int
    name: str


class InterviewOut(Schema):
    id: int
    candidate: Person
    company: Person
    table: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    status: str
    outcome: str


class RunIn(BodyIn):
    kind: Literal["initial", "reoptimise"] = "initial"


class InterviewPatch(BodyIn):
    status: Literal["under_way", "done", "no_show"] = omittable(
        description="under_way (it starts), done (it was held) or no_show."
    )
    outcome: Literal["", "second_interview", "hired", "not_retained"] = omittable(
        description="The outcome of a held interview; an empty string clears it."
    )


def _clock(value: datetime.time) -> str:
    return value.strftime("%H:%M")


def _run_out(run: ScheduleRun) -> dict[str, Any]:
    return {
        "id": run.pk,
        "kind": run.kind,
        "status": run.status,
        "solver_status": run.solver_status,
        "method": run.constructive,
        "scheduled": run.scheduled_count,
        "unscheduled": len(run.unscheduled or []),
        "objective": run.objective,
        "bound": run.bound,
        "gap": run.gap,
        "solve_seconds": run.solve_seconds,
        "created_at": run.created_at,
        "finished_at": run.finished_at,
    }


def _interview_out(interview: Interview) -> dict[str, Any]:
    return {
        "id": interview.pk,
        "candidate": {"id": interview.candidate_id, "name": interview.candidate.name},
        "company": {"id": interview.company_id, "name": interview.company.name},
        "table": interview.table,
        "starts_at": interview.starts_at,
        "ends_at": interview.ends_at,
        "status": interview.status,
        "outcome": interview.outcome,
    }


def _day(request: HttpRequest, event_id: int) -> RecruitmentDay:
    return selectors.get_day_to_manage(_caller(request), event_id)


@router.get(
    "/recruitments/{event_id}",
    response={200: RecruitmentOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="A speed recruitment's settings and figures",
    **_named("get"),
)
def get_recruitment(request: HttpRequest, event_id: EventId) -> Any:
    """The grid of the day (local times of the event's zone), the stage, the counts and the
    last computation of the schedule. The event's organisers only (others: 404)."""
    day = _day(request, event_id)
    last = day.runs.first()
    applications = Application.objects.filter(candidate__day=day)
    return {
        "event": day.event_id,
        "phase": day.phase,
        "slot_minutes": day.slot_minutes,
        "day_start": _clock(day.day_start),
        "day_end": _clock(day.day_end),
        "breaks": day.breaks,
        "min_gap_slots": day.min_gap_slots,
        "max_interviews": day.max_interviews,
        "schedule_published_at": day.schedule_published_at,
        "companies": day.companies.count(),
        "candidates": day.candidates.count(),
        "applications": applications.count(),
        "shortlisted": applications.filter(status=ApplicationStatus.SHORTLISTED).count(),
        "interviews": day.interviews.exclude(status=InterviewStatus.CANCELLED).count(),
        "last_run": _run_out(last) if last is not None else None,
    }


@router.get(
    "/recruitments/{event_id}/interviews",
    response={200: list[InterviewOut], **ERRORS},
    auth=WRITE_AUTH,
    summary="The interviews of a speed recruitment",
    **_named("list_interviews"),
)
def list_interviews(request: HttpRequest, event_id: EventId) -> Any:
    """Every interview that is not cancelled, in order of time, company and table. The
    event's organisers only (others: 404)."""
    day = _day(request, event_id)
    interviews = (
        day.interviews.exclude(status=InterviewStatus.CANCELLED)
        .select_related("candidate__registration", "company")
        .order_by("starts_at", "company__name", "table", "pk")
    )
    return [_interview_out(interview) for interview in interviews]


@router.post(
    "/recruitments/{event_id}/schedule-runs",
    response={202: RunOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Compute the schedule",
    **_named("start_run"),
)
def start_run(request: HttpRequest, event_id: EventId, payload: RunIn) -> Any:
    """Ask the worker to compute the schedule: `initial` (the whole day, before it) or
    `reoptimise` (the rest of the day, never moving what is under way or over). 202 with the
    computation to follow; 409 `schedule_running` while one is queued or running, 409
    `wrong_phase` at the wrong stage. The event's organisers only (others: 404)."""
    from cocade.recruitment.services.scheduling import start_run as start

    day = _day(request, event_id)
    kind = RunKind.REOPTIMISE if payload.kind == "reoptimise" else RunKind.INITIAL
    run = start(day, _caller(request), kind=kind)
    run.refresh_from_db()
    return Status(202, _run_out(run))


@router.get(
    "/recruitments/{event_id}/schedule-runs/{run_id}",
    response={200: RunOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="A computation of the schedule",
    **_named("get_run"),
)
def get_run(request: HttpRequest, event_id: EventId, run_id: RunId) -> Any:
    """Its status (queued, running, done, failed) and, once done, its figures: interviews
    scheduled and left out, objective, best proven bound, gap and time."""
    day = _day(request, event_id)
    run = day.runs.filter(pk=run_id).first()
    if run is None:
        raise NotFound()
    return _run_out(run)


@router.patch(
    "/recruitments/{event_id}/interviews/{interview_id}",
    response={200: InterviewOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Record what happens at a table",
    **_named("update_interview"),
)
def update_interview(
    request: HttpRequest, event_id: EventId, interview_id: InterviewId, payload: InterviewPatch
) -> Any:
    """Move an interview on (`status`: under_way, done, no_show) and record its `outcome`
    once held. 409 `interview_state` for a move its status does not allow, 409 `not_held`
    for an outcome of an interview not held. The event's organisers only (others: 404)."""
    from cocade.recruitment.services import live

    user = _caller(request)
    day = _day(request, event_id)
    sent = payload.dict(exclude_unset=True)
    if not sent:
        raise InvalidInput(detail={"__all__": [str(InvalidInput.default_message)]})
    interview = day.interviews.select_related("day__event").filter(pk=interview_id).first()
    if interview is None:
        raise NotFound()
    moves = {
        InterviewStatus.UNDER_WAY: live.start_interview,
        InterviewStatus.DONE: live.finish_interview,
        InterviewStatus.NO_SHOW: live.mark_interview_no_show,
    }
    if "status" in sent and sent["status"] != interview.status:
        interview = moves[InterviewStatus(sent["status"])](interview, user=user)
    if "outcome" in sent:
        interview = live.set_outcome(interview, Outcome(sent["outcome"]), user=user)
    interview = Interview.objects.select_related("candidate__registration", "company").get(
        pk=interview.pk
    )
    return _interview_out(interview)
