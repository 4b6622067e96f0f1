"""A speed recruitment on its day, for the tests of the live page and the report.

Two companies (Ribeira Software, Douro Logística: one table each) and three candidates (Ana,
Bruno, Carla), each shortlisted by both companies; six interviews of 5 minutes from 09:00
local time (Lisbon), two per slot:

    slot   09:00            09:05            09:10
    Douro  Bruno Sousa      Carla Matos      Ana Pereira
    Ribeira Ana Pereira     Bruno Sousa      Carla Matos

The schedule is published (phase "scheduled"); the times a test acts at are given with
`at(day, "09:02")`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from cocade.recruitment.enums import ApplicationStatus, Phase
from cocade.recruitment.models import Candidate, Company, Interview, RecruitmentDay
from tests.factories.agenda import RegistrationFactory
from tests.factories.recruitment import (
    ApplicationFactory,
    CandidateFactory,
    CompanyFactory,
    InterviewFactory,
    RecruitmentDayFactory,
    RecruitmentEventFactory,
)

NAMES = ("Ana Pereira", "Bruno Sousa", "Carla Matos")
#: (candidate index, company index, slot): company 0 is Ribeira, 1 is Douro.
GRID = ((0, 0, 0), (1, 1, 0), (1, 0, 1), (2, 1, 1), (2, 0, 2), (0, 1, 2))


@dataclass
class LiveDay:
    day: RecruitmentDay
    ribeira: Company
    douro: Company
    ana: Candidate
    bruno: Candidate
    carla: Candidate

    def interview(self, candidate: Candidate, company: Company) -> Interview:
        return Interview.objects.get(candidate=candidate, company=company)


def at(day: RecruitmentDay, clock: str) -> datetime.datetime:
    """ "09:02" on the day, in the event's time zone."""
    return day.local_datetime(datetime.time.fromisoformat(clock))


def candidate(day: RecruitmentDay, name: str) -> Candidate:
    first = name.split()[0].lower()
    registration = RegistrationFactory(
        event=day.event, name=name, email=f"{first}@example.org", language="pt"
    )
    return CandidateFactory(day=day, registration=registration)


def live_day(centre, **values) -> LiveDay:
    values.setdefault("phase", Phase.SCHEDULED)
    day = RecruitmentDayFactory(event=RecruitmentEventFactory(centre=centre), **values)
    companies = [
        CompanyFactory(day=day, name="Ribeira Software"),
        CompanyFactory(day=day, name="Douro Logística"),
    ]
    people = [candidate(day, name) for name in NAMES]
    for person_index, company_index, slot in GRID:
        application = ApplicationFactory(
            candidate=people[person_index],
            company=companies[company_index],
            status=ApplicationStatus.SHORTLISTED,
        )
        InterviewFactory(application=application, slot=slot)
    return LiveDay(day, companies[0], companies[1], *people)
