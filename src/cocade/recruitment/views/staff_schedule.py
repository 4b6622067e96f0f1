"""The schedule of a speed recruitment, for the event's organisers (anyone else: 404).

The schedule page lists the latest computations with their figures, starts a new one (the
worker computes it; while it is queued or running, an htmx fragment polled every second shows
its progress, and a refresh link does without script), lists the shortlisted applications the
latest schedule left out with the reason, and publishes the schedule. The master grid shows
the interviews as slots × company tables, filtered by company if asked. Buttons are POST only
and go through `services.scheduling`; a refusal writes nothing and answers with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from cocade.core.errors import interpolate
from cocade.core.viewflow import run_action
from cocade.recruitment import outputs
from cocade.recruitment.enums import (
    ApplicationStatus,
    InterviewStatus,
    Phase,
    RunKind,
    RunStatus,
)
from cocade.recruitment.errors import InterviewLocked
from cocade.recruitment.models import (
    Application,
    Candidate,
    Company,
    Interview,
    RecruitmentDay,
    ScheduleRun,
)
from cocade.recruitment.reasons import reason_message
from cocade.recruitment.services import scheduling
from cocade.recruitment.views.staff_setup import organiser_required, page_url

TEMPLATES = "recruitment/schedule"
#: Computations listed on the schedule page.
RUNS_SHOWN = 10

SOLVER_STATUSES = {
    "optimal": _("Proved optimal"),
    "feasible": _("Best schedule found in the time allowed"),
    "fallback": _("Constructive schedule (the search found nothing better in time)"),
}
CONSTRUCTIVE_METHODS = {
    "konig": _("first schedule by König edge colouring"),
    "greedy": _("first schedule by greedy placement"),
}
RUN_ERRORS = {
    scheduling.ERROR_INVALID: _("The settings of the day could not be read by the scheduler."),
    scheduling.ERROR_LOST: _("The computation was lost (the worker stopped)."),
    scheduling.InterviewsStarted.code: scheduling.InterviewsStarted.default_message,
    InterviewLocked.code: _(
        "Some interviews are already under way or over: only the rest of the day can be "
        "re-optimised."
    ),
}
RUN_FAILED = _("The computation stopped on an unexpected error; tell the site's administrators.")


# --- what the pages show --------------------------------------------------------------------


@dataclass
class RunRow:
    """A computation as the pages describe it, in the active language."""

    run: ScheduleRun
    time_limit: int

    @property
    def in_progress(self) -> bool:
        return self.run.status in scheduling.IN_PROGRESS

    @property
    def shortlisted(self) -> int:
        return self.run.scheduled_count + len(self.run.unscheduled or [])

    @property
    def gap_percent(self) -> float | None:
        return None if self.run.gap is None else self.run.gap * 100

    @property
    def method(self) -> str:
        status = SOLVER_STATUSES.get(self.run.solver_status, self.run.solver_status)
        start = CONSTRUCTIVE_METHODS.get(self.run.constructive, self.run.constructive)
        if not start:
            return str(status)
        return str(interpolate(_("%(status)s; %(start)s"), {"status": status, "start": start}))

    @property
    def elapsed(self) -> int:
        """Seconds since the worker started it (while running)."""
        if self.run.started_at is None:
            return 0
        end = self.run.finished_at or timezone.now()
        return max(0, int((end - self.run.started_at).total_seconds()))

    @property
    def error_message(self) -> str:
        code = self.run.error.split(":", 1)[0]
        return str(RUN_ERRORS.get(code, RUN_FAILED))


@dataclass
class LeftOut:
    """A shortlisted application the schedule left out, and why."""

    candidate: str
    company: str
    reason: str


def _left_out(day: RecruitmentDay, run: ScheduleRun | None) -> list[LeftOut]:
    """The run's unscheduled applications with names (two queries)."""
    items = list(run.unscheduled or []) if run else []
    if not items:
        return []
    candidates = {
        candidate.pk: candidate.name
        for candidate in Candidate.objects.filter(
            day=day, pk__in={item.get("candidate") for item in items}
        ).select_related("registration")
    }
    companies = dict(
        Company.objects.filter(day=day, pk__in={item.get("company") for item in items}).values_list(
            "pk", "name"
        )
    )
    rows = [
        LeftOut(
            candidate=candidates.get(item.get("candidate"), "—"),
            company=companies.get(item.get("company"), "—"),
            reason=str(reason_message(item.get("reason", ""))),
        )
        for item in items
    ]
    return sorted(rows, key=lambda row: (row.company.casefold(), row.candidate.casefold()))


def _rows(day: RecruitmentDay, runs: Iterable[ScheduleRun]) -> list[RunRow]:
    return [RunRow(run=run, time_limit=day.time_limit) for run in runs]


def _schedule_url(day: RecruitmentDay) -> str:
    return page_url("schedule", day)


def _page_context(day: RecruitmentDay) -> dict[str, Any]:
    runs = _rows(day, ScheduleRun.objects.filter(day=day).select_related("created_by")[:RUNS_SHOWN])
    current = next((row for row in runs if row.in_progress), None)
    latest = next((row for row in runs if row.run.status == RunStatus.DONE), None)
    if latest is None:
        done = ScheduleRun.objects.filter(day=day, status=RunStatus.DONE).first()
        latest = RunRow(run=done, time_limit=day.time_limit) if done else None
    shortlisted = Application.objects.filter(
        company__day=day, status=ApplicationStatus.SHORTLISTED
    ).count()
    interviews = Interview.objects.filter(day=day).exclude(status=InterviewStatus.CANCELLED)
    return {
        "day": day,
        "event": day.event,
        "runs": runs,
        "current": current,
        "latest": latest,
        "left_out": _left_out(day, latest.run if latest else None),
        "shortlisted": shortlisted,
        "interviews": interviews.count(),
        "can_compute": day.phase in scheduling.RUN_PHASES[RunKind.INITIAL],
        "can_publish": day.phase == Phase.PRESELECTION and latest is not None and not current,
        "published": day.schedule_published_at is not None,
        "refresh_url": _schedule_url(day),
    }


# --- views ----------------------------------------------------------------------------------


@organiser_required
@require_safe
def schedule(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    """The computations, the applications left out, and the buttons."""
    return render(request, f"{TEMPLATES}/page.html", _page_context(day))


@organiser_required
@require_POST
def schedule_run(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    """The "Compute the schedule" button: the whole day, computed by the worker."""
    return run_action(
        request,
        action=lambda: scheduling.start_run(day, request.user),
        success_message=_("The schedule is being computed: its progress is shown below."),
        next_url=_schedule_url(day),
    )


@organiser_required
@require_safe
def schedule_run_status(request: HttpRequest, day: RecruitmentDay, run_pk: int) -> HttpResponse:
    """One computation: its progress fragment (polled by htmx while it runs), or its page."""
    run = get_object_or_404(ScheduleRun.objects.select_related("created_by"), day=day, pk=run_pk)
    row = RunRow(run=run, time_limit=day.time_limit)
    context = {
        "day": day,
        "event": day.event,
        "row": row,
        "refresh_url": page_url("schedule_run_status", day, run_pk=run.pk),
    }
    if getattr(request, "htmx", False):
        response = render(request, f"{TEMPLATES}/_progress.html", context)
        if not row.in_progress:
            # Finished: the fragment stops polling and the page reloads with the result.
            response["HX-Refresh"] = "true"
        return response
    context["left_out"] = _left_out(day, run) if run.status == RunStatus.DONE else []
    return render(request, f"{TEMPLATES}/run.html", context)


@organiser_required
@require_POST
def schedule_publish(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    """The "Publish the schedule" button: the stage moves on, the timetables are sent."""
    return run_action(
        request,
        action=lambda: scheduling.publish_schedule(day, request.user),
        success_message=_(
            "The schedule is published: the candidates are being sent their timetables."
        ),
        next_url=_schedule_url(day),
    )


@dataclass
class GridLine:
    row: outputs.GridRow
    cells: list[outputs.GridCell | None]


def _company_filter(request: HttpRequest, columns: list[outputs.GridColumn]) -> int | None:
    """The company asked for (`?company=<pk>`), if it is one of the grid's."""
    raw = request.GET.get("company", "")
    if not raw.isdigit():
        return None
    chosen = int(raw)
    return chosen if any(column.company_id == chosen for column in columns) else None


@organiser_required
@require_safe
def grid(request: HttpRequest, day: RecruitmentDay) -> HttpResponse:
    """The master grid: one row per slot (breaks shown), one column per company table."""
    full = outputs.master_grid(day)
    companies = list({c.company_id: c.company for c in full.columns}.items())
    chosen = _company_filter(request, full.columns)
    indexes = [
        number
        for number, column in enumerate(full.columns)
        if chosen is None or column.company_id == chosen
    ]
    lines = [GridLine(row=row, cells=[row.cells[i] for i in indexes]) for row in full.rows]
    context = {
        "day": day,
        "event": day.event,
        "companies": companies,
        "chosen": chosen,
        "columns": [full.columns[i] for i in indexes],
        "lines": lines,
        "interviews": full.interviews,
    }
    return render(request, f"{TEMPLATES}/grid.html", context)
