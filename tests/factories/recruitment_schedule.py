"""Days ready to schedule: companies, candidates and shortlisted applications, and a big
published schedule for the master grid."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from cocade.recruitment.enums import ApplicationStatus, Phase
from cocade.recruitment.models import Application, Candidate, Company, Interview, RecruitmentDay
from tests.factories.recruitment import (
    ApplicationFactory,
    CandidateFactory,
    CompanyFactory,
    RecruitmentDayFactory,
    RecruitmentEventFactory,
)


@dataclass
class ReadyDay:
    day: RecruitmentDay
    companies: list[Company]
    candidates: list[Candidate]
    applications: list[Application]


def ready_day(
    *,
    companies: int = 2,
    candidates: int = 4,
    phase: str = Phase.PRESELECTION,
    centre=None,
    **fields,
) -> ReadyDay:
    """A day whose every candidate applied to every company (rank = company order), all
    shortlisted; short runs (time limit 5 s)."""
    event = RecruitmentEventFactory(**({"centre": centre} if centre else {}))
    day = RecruitmentDayFactory(event=event, phase=phase, time_limit=5, **fields)
    made_companies = [CompanyFactory(day=day, name=f"Empresa {n}") for n in range(companies)]
    made_candidates = [CandidateFactory(day=day) for _ in range(candidates)]
    applications = [
        ApplicationFactory(
            candidate=candidate,
            company=company,
            rank=rank,
            status=ApplicationStatus.SHORTLISTED,
        )
        for candidate in made_candidates
        for rank, company in enumerate(made_companies, start=1)
    ]
    return ReadyDay(day, made_companies, made_candidates, applications)


def big_schedule(*, centre, companies: int = 20, candidates: int = 100, slots: int = 35):
    """`companies` × `slots` interviews (700 by default) placed by hand: in slot t, company j
    meets candidate (j + 21 t) mod `candidates`, so that no pair repeats and no candidate is
    at two tables at once."""
    day = RecruitmentDayFactory(event=RecruitmentEventFactory(centre=centre), phase=Phase.SCHEDULED)
    made_companies = [CompanyFactory(day=day, name=f"Empresa {n:02d}") for n in range(companies)]
    made_candidates = [CandidateFactory(day=day) for _ in range(candidates)]
    pairs = [
        (slot, company, made_candidates[(number + 21 * slot) % candidates])
        for slot in range(slots)
        for number, company in enumerate(made_companies)
    ]
    applications = Application.objects.bulk_create(
        Application(candidate=candidate, company=company, status=ApplicationStatus.SHORTLISTED)
        for _slot, company, candidate in pairs
    )
    start = day.local_datetime(day.day_start)
    length = datetime.timedelta(minutes=day.slot_minutes)
    Interview.objects.bulk_create(
        Interview(
            day=day,
            application=application,
            candidate=candidate,
            company=company,
            table=1,
            starts_at=start + slot * length,
            ends_at=start + (slot + 1) * length,
        )
        for application, (slot, company, candidate) in zip(applications, pairs, strict=True)
    )
    return day
