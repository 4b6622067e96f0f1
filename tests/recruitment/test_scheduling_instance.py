"""The solver's instance built from the database: the grid, windows and breaks, the shortlisted
applications only, and on the day the fixed interviews, the absent candidates, the hint and
the first open slot."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest

from cocade.agenda.enums import RegistrationStatus
from cocade.recruitment import solver
from cocade.recruitment.enums import ApplicationStatus, InterviewStatus, Presence
from cocade.recruitment.services.scheduling import build_instance, first_open_slot, local_minutes
from tests.factories.recruitment import (
    ApplicationFactory,
    CandidateFactory,
    CompanyFactory,
    InterviewFactory,
    RecruitmentDayFactory,
    RecruitmentEventFactory,
)
from tests.factories.recruitment_schedule import ready_day

pytestmark = pytest.mark.django_db


def hm(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def at(day, text: str, seconds: int = 0) -> datetime.datetime:
    """`text` ("HH:MM") local time on the event's day."""
    return day.minutes_to_datetime(hm(text)) + datetime.timedelta(seconds=seconds)


def test_instance_has_the_grid_the_windows_and_the_rules_of_the_day():
    day = RecruitmentDayFactory(
        slot_minutes=10,
        day_start=datetime.time(9, 30),
        day_end=datetime.time(17, 0),
        breaks=[{"start": "12:00", "end": "13:30"}, {"start": "15:00", "end": "15:20"}],
        min_gap_slots=1,
        max_interviews=3,
        seed=77,
    )
    company = CompanyFactory(day=day, tables=2, windows=[{"start": "09:30", "end": "12:00"}])
    candidate = CandidateFactory(day=day, windows=[{"start": "14:00", "end": "16:00"}])
    ApplicationFactory(
        candidate=candidate, company=company, rank=2, status=ApplicationStatus.SHORTLISTED
    )

    instance, maps = build_instance(day)

    assert instance == solver.Instance(
        slot_minutes=10,
        day=solver.Window(hm("09:30"), hm("17:00")),
        breaks=(
            solver.Window(hm("12:00"), hm("13:30")),
            solver.Window(hm("15:00"), hm("15:20")),
        ),
        companies=(
            solver.Company(
                id=str(company.pk), tables=2, windows=(solver.Window(hm("09:30"), hm("12:00")),)
            ),
        ),
        candidates=(
            solver.Candidate(
                id=str(candidate.pk),
                windows=(solver.Window(hm("14:00"), hm("16:00")),),
                max_interviews=3,
            ),
        ),
        applications=(
            solver.Application(
                candidate=str(candidate.pk), company=str(company.pk), rank=2, shortlisted=True
            ),
        ),
        min_gap_slots=1,
        seed=77,
    )
    assert maps.companies == {str(company.pk): company}
    assert maps.candidates == {str(candidate.pk): candidate}
    assert maps.kept == frozenset()
    assert maps.not_before is None


def test_instance_takes_only_shortlisted_applications():
    ready = ready_day(companies=1, candidates=4)
    statuses = [
        ApplicationStatus.SHORTLISTED,
        ApplicationStatus.APPLIED,
        ApplicationStatus.REJECTED,
        ApplicationStatus.WITHDRAWN,
    ]
    for application, status in zip(ready.applications, statuses, strict=True):
        application.status = status
        application.save()

    instance, maps = build_instance(ready.day)

    first = ready.applications[0]
    assert [(a.candidate, a.company) for a in instance.applications] == [
        (str(first.candidate_id), str(first.company_id))
    ]
    assert list(maps.applications.values()) == [first]


def test_instance_leaves_out_candidates_who_cancelled_or_were_declined():
    ready = ready_day(companies=1, candidates=3)
    cancelled, declined, coming = ready.candidates
    cancelled.registration.status = RegistrationStatus.CANCELLED
    cancelled.registration.save()
    declined.registration.status = RegistrationStatus.DECLINED
    declined.registration.save()

    instance, _maps = build_instance(ready.day)

    assert [c.id for c in instance.candidates] == [str(coming.pk)]
    assert [a.candidate for a in instance.applications] == [str(coming.pk)]


def test_instance_before_the_day_ignores_presence_and_current_interviews():
    ready = ready_day(companies=1, candidates=2)
    ready.candidates[0].presence = Presence.ABSENT
    ready.candidates[0].save()
    InterviewFactory(application=ready.applications[0], slot=0)

    instance, maps = build_instance(ready.day)

    assert (instance.fixed, instance.absent, instance.hint, instance.not_before) == (
        (),
        frozenset(),
        (),
        None,
    )
    assert len(instance.applications) == 2
    assert maps.kept == frozenset()


@pytest.mark.parametrize(
    ("now", "seconds", "expected"),
    [
        ("10:00", 0, "10:00"),  # on a slot boundary: that slot is still open
        ("10:02", 30, "10:05"),  # within a slot: the next one
        ("10:04", 59, "10:05"),
        ("12:40", 0, "14:00"),  # in the lunch break: the first slot after it
        ("07:00", 0, "09:00"),  # before the day: its first slot
    ],
)
def test_first_open_slot_is_the_first_slot_at_or_after_now(now, seconds, expected):
    day = RecruitmentDayFactory()

    assert first_open_slot(day, at(day, now, seconds)) == hm(expected)


def test_first_open_slot_after_the_last_slot_leaves_nothing_open():
    day = RecruitmentDayFactory()

    assert first_open_slot(day, at(day, "18:30")) == hm("18:30")
    assert first_open_slot(day, at(day, "17:57", 30)) == hm("17:58")


def test_reoptimising_fixes_pinned_and_started_interviews_and_hints_the_rest():
    ready = ready_day(companies=2, candidates=4)
    day = ready.day
    a = {(app.candidate_id, app.company_id): app for app in ready.applications}
    c0, c1, c2, c3 = (candidate.pk for candidate in ready.candidates)
    k0, k1 = (company.pk for company in ready.companies)
    done = InterviewFactory(application=a[(c0, k0)], slot=0, status=InterviewStatus.DONE)
    started = InterviewFactory(application=a[(c1, k0)], slot=2)  # 09:10, still "scheduled"
    early = InterviewFactory(
        application=a[(c2, k0)], slot=6, status=InterviewStatus.UNDER_WAY
    )  # 09:30, started early
    future = InterviewFactory(application=a[(c3, k1)], slot=4, table=1)  # 09:20
    cancelled_past = InterviewFactory(
        application=a[(c3, k0)], slot=1, status=InterviewStatus.CANCELLED
    )
    cancelled_future = InterviewFactory(
        application=a[(c2, k1)], slot=8, status=InterviewStatus.CANCELLED
    )
    absent = ready.candidates[1]
    absent.presence = Presence.ABSENT
    absent.save()

    instance, maps = build_instance(day, now=at(day, "09:12", 5), reoptimise=True)

    assert instance.not_before == hm("09:15")
    assert set(instance.fixed) == {
        solver.FixedInterview(str(c0), str(k0), 1, hm("09:00")),
        solver.FixedInterview(str(c1), str(k0), 1, hm("09:10")),
        solver.FixedInterview(str(c2), str(k0), 1, hm("09:30")),
    }
    assert instance.hint == (solver.Interview(str(c3), str(k1), 1, hm("09:20"), hm("09:25")),)
    assert instance.absent == frozenset({str(c1)})
    # The past cancelled interview stays as it is: its application is not placed again.
    pairs = {(app.candidate, app.company) for app in instance.applications}
    assert (str(c3), str(k0)) not in pairs
    assert (str(c2), str(k1)) in pairs
    assert len(pairs) == 7
    assert maps.kept == frozenset({done.pk, started.pk, early.pk, cancelled_past.pk})
    assert future.pk not in maps.kept
    assert cancelled_future.pk not in maps.kept
    assert maps.not_before == at(day, "09:15")
    solver.validate(instance)


def test_reoptimising_keeps_a_cancelled_candidate_with_an_interview_held():
    ready = ready_day(companies=2, candidates=1)
    candidate = ready.candidates[0]
    InterviewFactory(application=ready.applications[0], slot=0, status=InterviewStatus.DONE)
    candidate.registration.status = RegistrationStatus.CANCELLED
    candidate.registration.save()

    instance, _maps = build_instance(ready.day, now=at(ready.day, "10:00"), reoptimise=True)

    assert [c.id for c in instance.candidates] == [str(candidate.pk)]
    assert [(a.candidate, a.company) for a in instance.applications] == [
        (str(candidate.pk), str(ready.companies[0].pk))
    ]
    assert instance.absent == frozenset({str(candidate.pk)})
    solver.validate(instance)


def test_a_malformed_window_is_refused_with_its_place():
    ready = ready_day(companies=1, candidates=1)
    company = ready.companies[0]
    company.windows = [{"start": "9h", "end": "12:00"}]
    company.save()

    with pytest.raises(solver.InvalidInstance) as caught:
        build_instance(ready.day)

    assert caught.value.item == f"company {company.pk}: windows[0].start"


def test_times_are_wall_clock_minutes_on_the_night_summer_time_starts():
    # Lisbon moves from 01:00 to 02:00 on 29 March 2026: 09:00 local is 08:00 UTC.
    event = RecruitmentEventFactory(
        starts_at=datetime.datetime(2026, 3, 29, 8, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2026, 3, 29, 17, 0, tzinfo=datetime.UTC),
    )
    day = RecruitmentDayFactory(event=event)
    nine = datetime.datetime(2026, 3, 29, 9, 0, tzinfo=ZoneInfo("Europe/Lisbon"))

    assert local_minutes(day, nine.astimezone(datetime.UTC)) == hm("09:00")
    assert day.minutes_to_datetime(hm("09:00")) == nine
