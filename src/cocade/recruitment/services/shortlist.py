"""Pre-selection of a speed recruitment: the organisers shortlist applications or mark them not
retained, one at a time or many at once, and ask for the invitations of the pre-selected
candidates.

Decisions are taken at the pre-selection stage only. Each call is one transaction: the day's
row is locked first (a change of stage waits for it, and it waits for a change of stage),
then the applications, in the order of their ids. A refusal (an application of another
event, a withdrawn one, a click repeated after it was done, the wrong stage) writes nothing.
The organisers have the last word: their decision replaces a company's, and the audit trail
keeps the status each application had before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocade.agenda.enums import RegistrationStatus
from cocade.core.audit import record_action
from cocade.core.errors import Conflict, InvalidInput, NotFound
from cocade.recruitment import solver
from cocade.recruitment.enums import ApplicationStatus, Phase
from cocade.recruitment.errors import AlreadyDecided, ApplicationWithdrawn, WrongPhase
from cocade.recruitment.models import Application, Candidate, Company, RecruitmentDay

#: At most this many applications in one decision (a page of the list holds 50).
MAX_BATCH = 500
DECISION_PHASES = (Phase.PRESELECTION,)
INVITATION_PHASES = (Phase.PRESELECTION, Phase.SCHEDULED)


class UnknownApplications(InvalidInput):
    code = "unknown_applications"
    status = 400
    default_message = _(
        "Some of the chosen applications are not part of this speed recruitment. "
        "Reload the page and choose again."
    )


class NothingChosen(InvalidInput):
    code = "nothing_chosen"
    status = 400
    default_message = _("Tick at least one application.")


class NothingToInvite(Conflict):
    code = "nothing_to_invite"
    default_message = _("Every pre-selected candidate has already been invited.")


ALREADY_SHORTLISTED = _("This application is already shortlisted.")
ALREADY_REJECTED = _("This application is already marked as not retained.")


# --- decisions ------------------------------------------------------------------------------


def _target(shortlisted: bool) -> str:
    return ApplicationStatus.SHORTLISTED if shortlisted else ApplicationStatus.REJECTED


def _lock_day(day_pk: int, phases: Iterable[str]) -> RecruitmentDay:
    day = (
        RecruitmentDay.objects.select_for_update(of=("self",))
        .select_related("event")
        .get(pk=day_pk)
    )
    if day.phase not in phases:
        raise WrongPhase()
    return day


def _locked_applications(day: RecruitmentDay, ids: list[int]) -> list[Application]:
    return list(
        Application.objects.select_for_update(of=("self",))
        .filter(pk__in=ids, company__day=day)
        .order_by("pk")
    )


def _clean_ids(application_ids: Iterable[Any]) -> list[int]:
    try:
        ids = sorted({int(value) for value in application_ids})
    except (TypeError, ValueError):
        raise UnknownApplications() from None
    if not ids:
        raise NothingChosen()
    if len(ids) > MAX_BATCH or ids[0] <= 0:
        raise UnknownApplications()
    return ids


def _apply(
    day: RecruitmentDay,
    rows: list[Application],
    *,
    shortlisted: bool,
    user: Any,
    audited: Any,
) -> int:
    """Write the decision on `rows` (those that change) and audit it; returns how many."""
    status = _target(shortlisted)
    changing = [row for row in rows if row.status != status]
    now = timezone.now()
    Application.objects.filter(pk__in=[row.pk for row in changing]).update(
        status=status, decided_by_company=False, decided_at=now
    )
    record_action(
        actor=user,
        action=f"recruitment.application.{'shortlisted' if shortlisted else 'rejected'}",
        target=audited,
        centre_id=day.event.centre_id,
        changes={
            "status": {
                "before": {str(row.pk): row.status for row in changing},
                "after": status,
            }
        },
    )
    for row in changing:
        row.status, row.decided_by_company, row.decided_at = status, False, now
    return len(changing)


def decide(application: Application, *, shortlisted: bool, user: Any) -> Application:
    """Shortlist `application` (or mark it not retained). Refused: another stage than the
    pre-selection, a withdrawn application, or the same decision again."""
    with transaction.atomic():
        day = _lock_day(application.company.day_id, DECISION_PHASES)
        rows = _locked_applications(day, [application.pk])
        if not rows:
            raise NotFound()
        row = rows[0]
        if row.status == ApplicationStatus.WITHDRAWN:
            raise ApplicationWithdrawn()
        if row.status == _target(shortlisted):
            raise AlreadyDecided(ALREADY_SHORTLISTED if shortlisted else ALREADY_REJECTED)
        _apply(day, rows, shortlisted=shortlisted, user=user, audited=row)
    return row


def decide_many(
    day: RecruitmentDay, application_ids: Iterable[Any], *, shortlisted: bool, user: Any
) -> int:
    """Shortlist (or turn down) the applications `application_ids` of `day`, all or none;
    returns how many changed (those that already had the decision are left as they were).
    Refused: an id that is not an application of this day, a withdrawn application, nothing
    to change, another stage than the pre-selection."""
    ids = _clean_ids(application_ids)
    with transaction.atomic():
        day = _lock_day(day.pk, DECISION_PHASES)
        rows = _locked_applications(day, ids)
        if len(rows) != len(ids):
            raise UnknownApplications()
        if any(row.status == ApplicationStatus.WITHDRAWN for row in rows):
            raise ApplicationWithdrawn()
        if all(row.status == _target(shortlisted) for row in rows):
            raise AlreadyDecided()
        return _apply(day, rows, shortlisted=shortlisted, user=user, audited=day)


# --- invitations ----------------------------------------------------------------------------


def candidates_to_invite(day: RecruitmentDay) -> QuerySet[Candidate]:
    """Candidates with a confirmed registration, at least one shortlisted application and no
    invitation yet."""
    return Candidate.objects.filter(
        day=day,
        invited_at__isnull=True,
        registration__status=RegistrationStatus.CONFIRMED,
        applications__status=ApplicationStatus.SHORTLISTED,
    ).distinct()


def request_invitations(day: RecruitmentDay, *, user: Any) -> int:
    """Check that invitations may go out now (pre-selection or published schedule, someone
    to invite) and audit the request; returns how many candidates are waiting. The caller
    enqueues the sending job once the transaction is committed."""
    with transaction.atomic():
        day = _lock_day(day.pk, INVITATION_PHASES)
        count = candidates_to_invite(day).count()
        if not count:
            raise NothingToInvite()
        record_action(
            actor=user,
            action="recruitment.invitations.requested",
            target=day,
            centre_id=day.event.centre_id,
            changes={"candidates": count},
        )
    return count


# --- figures for the organisers --------------------------------------------------------------


@dataclass
class CompanyCounts:
    """A company's applications by decision, and how many interviews its tables can hold."""

    company: Company
    applications: int
    shortlisted: int
    rejected: int
    waiting: int
    by_company: int
    capacity: int


def _window(raw: Any) -> solver.Window | None:
    """A {"start": "HH:MM", "end": "HH:MM"} of the day, or None when it is not one."""
    try:
        window = solver.Window(
            solver.parse_time(raw["start"], "start"), solver.parse_time(raw["end"], "end")
        )
    except (solver.InvalidInstance, KeyError, TypeError):
        return None
    return window if window.end > window.start else None


def windows(raw: Any) -> list[solver.Window]:
    """The valid windows of a JSON list (breaks, availability), in order."""
    found = [_window(item) for item in raw] if isinstance(raw, list) else []
    return sorted((window for window in found if window), key=lambda w: (w.start, w.end))


def day_slots(day: RecruitmentDay) -> list[int]:
    """The slot starts of the day (minutes since midnight), the breaks left out."""
    start = day.day_start.hour * 60 + day.day_start.minute
    end = day.day_end.hour * 60 + day.day_end.minute
    instance = solver.Instance(
        slot_minutes=day.slot_minutes,
        day=solver.Window(start, end),
        breaks=tuple(windows(day.breaks)),
    )
    return solver.slots(instance)


def slots_within(
    slots: list[int], length: int, available: list[solver.Window] | None = None
) -> int:
    """How many of `slots` fit entirely in one of the windows (no window: all of them)."""
    if not available:
        return len(slots)
    return sum(
        1 for start in slots if any(w.start <= start and start + length <= w.end for w in available)
    )


def company_counts(day: RecruitmentDay) -> list[CompanyCounts]:
    """For each company of the day, by name: its applications (withdrawn ones left out), how
    many are shortlisted, not retained or waiting, how many the company decided itself, and
    its capacity (tables × slots within its windows). One query."""
    active = ~Q(applications__status=ApplicationStatus.WITHDRAWN)
    companies = (
        Company.objects.filter(day=day)
        .annotate(
            n_applications=Count("applications", filter=active),
            n_shortlisted=Count(
                "applications", filter=Q(applications__status=ApplicationStatus.SHORTLISTED)
            ),
            n_rejected=Count(
                "applications", filter=Q(applications__status=ApplicationStatus.REJECTED)
            ),
            n_waiting=Count(
                "applications", filter=Q(applications__status=ApplicationStatus.APPLIED)
            ),
            n_by_company=Count(
                "applications", filter=active & Q(applications__decided_by_company=True)
            ),
        )
        .order_by("name", "pk")
    )
    slots = day_slots(day)
    return [
        CompanyCounts(
            company=company,
            applications=company.n_applications,
            shortlisted=company.n_shortlisted,
            rejected=company.n_rejected,
            waiting=company.n_waiting,
            by_company=company.n_by_company,
            capacity=company.tables
            * slots_within(slots, day.slot_minutes, windows(company.windows)),
        )
        for company in companies
    ]
