"""Computing the schedule: a run from the button to the saved interviews, the refusals (double
click, wrong stage, nothing to schedule), failures that change nothing, and re-optimisation on
the day that never moves what has started."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError
from django.utils import timezone, translation

from cocade.core.errors import InvalidInput, NotFound
from cocade.core.models import AuditLogEntry
from cocade.recruitment import solver
from cocade.recruitment.enums import (
    ApplicationStatus,
    InterviewStatus,
    Phase,
    Presence,
    RunKind,
    RunStatus,
)
from cocade.recruitment.errors import ScheduleRunning, Stale, WrongPhase
from cocade.recruitment.models import Application, Candidate, Interview, ScheduleRun
from cocade.recruitment.services import candidates, live, scheduling
from tests.factories.recruitment import ScheduleRunFactory
from tests.factories.recruitment_schedule import ready_day

pytestmark = pytest.mark.django_db


def hm(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def at(day, text: str) -> datetime.datetime:
    return day.minutes_to_datetime(hm(text))


def interviews(day) -> list[tuple]:
    """Every interview of the day, as it is stored."""
    return list(
        Interview.objects.filter(day=day)
        .order_by("pk")
        .values_list("pk", "application_id", "table", "starts_at", "ends_at", "status", "run_id")
    )


def check_no_clash(day) -> None:
    rows = list(Interview.objects.filter(day=day).exclude(status=InterviewStatus.CANCELLED))
    tables = [(row.company_id, row.table, row.starts_at) for row in rows]
    people = [(row.candidate_id, row.starts_at) for row in rows]
    assert len(set(tables)) == len(tables)
    assert len(set(people)) == len(people)
    slots = set(solver.slots(scheduling._grid(day)))
    for row in rows:
        assert scheduling.local_minutes(day, row.starts_at) in slots
        assert row.ends_at - row.starts_at == datetime.timedelta(minutes=day.slot_minutes)
        assert row.application.candidate_id == row.candidate_id
        assert row.application.company_id == row.company_id


def computed(ready, user, capture, **kwargs) -> ScheduleRun:
    with capture(execute=True):
        run = scheduling.start_run(ready.day, user, **kwargs)
    run.refresh_from_db()
    return run


# --- a whole-day run --------------------------------------------------------------------------


def test_a_run_places_every_interview_and_stores_its_figures(
    centre_a, manager_a, django_capture_on_commit_callbacks
):
    ready = ready_day(companies=2, candidates=4, centre=centre_a)

    run = computed(ready, manager_a, django_capture_on_commit_callbacks)

    assert (run.kind, run.status, run.error, run.created_by) == (
        RunKind.INITIAL,
        RunStatus.DONE,
        "",
        manager_a,
    )
    assert (run.scheduled_count, run.unscheduled, run.solver_status) == (8, [], "optimal")
    assert (run.objective, run.gap) == (run.bound, 0.0)
    assert run.constructive in {"konig", "greedy"}
    assert run.preference == 4 * (2 + 1)  # ranks 1 and 2 of 2 weigh 2 and 1
    assert run.solve_seconds >= 0
    assert run.started_at <= run.finished_at
    placed = Interview.objects.filter(day=ready.day)
    assert sorted(placed.values_list("application_id", flat=True)) == sorted(
        application.pk for application in ready.applications
    )
    assert set(placed.values_list("run_id", "status")) == {(run.pk, InterviewStatus.SCHEDULED)}
    check_no_clash(ready.day)
    assert list(
        AuditLogEntry.objects.filter(object_id=str(run.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    ) == ["recruitment.schedule_run.created", "recruitment.schedule_run.saved"]


def test_a_run_respects_windows_and_breaks_and_explains_what_it_leaves_out(
    centre_a, manager_a, django_capture_on_commit_callbacks
):
    ready = ready_day(companies=2, candidates=3, centre=centre_a)
    morning, afternoon = ready.companies
    morning.windows = [{"start": "12:20", "end": "12:30"}]
    morning.save()
    afternoon.windows = [{"start": "14:00", "end": "14:10"}]
    afternoon.save()
    late = ready.candidates[2]
    late.windows = [{"start": "16:00", "end": "18:00"}]
    late.save()

    run = computed(ready, manager_a, django_capture_on_commit_callbacks)

    day = ready.day
    starts = {
        (row.company_id, scheduling.local_minutes(day, row.starts_at))
        for row in Interview.objects.filter(day=day)
    }
    assert starts == {
        (morning.pk, hm("12:20")),
        (morning.pk, hm("12:25")),
        (afternoon.pk, hm("14:00")),
        (afternoon.pk, hm("14:05")),
    }
    assert run.scheduled_count == 4
    assert sorted(run.unscheduled, key=lambda item: item["company"]) == [
        {
            "application": application.pk,
            "candidate": late.pk,
            "company": application.company_id,
            "reason": solver.NO_COMMON_SLOT,
        }
        for application in ready.applications
        if application.candidate_id == late.pk
    ]
    check_no_clash(day)


def test_a_new_run_replaces_the_interviews_of_the_previous_one(
    centre_a, manager_a, django_capture_on_commit_callbacks
):
    ready = ready_day(companies=2, candidates=2, centre=centre_a)
    first = computed(ready, manager_a, django_capture_on_commit_callbacks)
    ready.applications[0].status = "rejected"
    ready.applications[0].save()

    second = computed(ready, manager_a, django_capture_on_commit_callbacks)

    rows = Interview.objects.filter(day=ready.day)
    assert set(rows.values_list("run_id", flat=True)) == {second.pk}
    assert sorted(rows.values_list("application_id", flat=True)) == sorted(
        application.pk for application in ready.applications[1:]
    )
    assert (first.status, second.status, second.scheduled_count) == ("done", "done", 3)


def test_a_double_click_makes_one_run(centre_a, manager_a, django_capture_on_commit_callbacks):
    ready = ready_day(centre=centre_a)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = scheduling.start_run(ready.day, manager_a)
        with pytest.raises(ScheduleRunning):
            scheduling.start_run(ready.day, manager_a)

    assert list(ScheduleRun.objects.filter(day=ready.day)) == [first]
    assert len(callbacks) == 1
    assert first.status == RunStatus.QUEUED


def test_a_run_under_way_refuses_another(centre_a, manager_a):
    ready = ready_day(centre=centre_a)
    running = ScheduleRunFactory(day=ready.day, status=RunStatus.RUNNING)

    with pytest.raises(ScheduleRunning):
        scheduling.start_run(ready.day, manager_a)

    assert list(ScheduleRun.objects.filter(day=ready.day)) == [running]


def test_a_lost_run_no_longer_blocks(centre_a, manager_a, django_capture_on_commit_callbacks):
    ready = ready_day(centre=centre_a)
    lost = ScheduleRunFactory(day=ready.day, status=RunStatus.RUNNING)
    ScheduleRun.objects.filter(pk=lost.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=31)
    )

    with django_capture_on_commit_callbacks(execute=False):
        run = scheduling.start_run(ready.day, manager_a)

    lost.refresh_from_db()
    assert (lost.status, lost.error) == (RunStatus.FAILED, "lost: no worker finished it")
    assert run.status == RunStatus.QUEUED


@pytest.mark.parametrize("phase", [Phase.LIVE, Phase.CLOSED])
def test_the_whole_day_is_not_computed_once_it_is_under_way(centre_a, manager_a, phase):
    ready = ready_day(centre=centre_a, phase=phase)

    with pytest.raises(WrongPhase):
        scheduling.start_run(ready.day, manager_a)

    assert not ScheduleRun.objects.filter(day=ready.day).exists()


@pytest.mark.parametrize("phase", [Phase.APPLICATIONS, Phase.PRESELECTION, Phase.CLOSED])
def test_the_rest_of_the_day_is_reoptimised_only_once_published(centre_a, manager_a, phase):
    ready = ready_day(centre=centre_a, phase=phase)

    with pytest.raises(WrongPhase):
        scheduling.start_run(ready.day, manager_a, kind=RunKind.REOPTIMISE)

    assert not ScheduleRun.objects.filter(day=ready.day).exists()


def test_nothing_shortlisted_is_refused_with_a_clear_message(centre_a, manager_a):
    ready = ready_day(centre=centre_a)
    for application in ready.applications:
        application.status = "applied"
        application.save()

    with pytest.raises(InvalidInput) as caught:
        scheduling.start_run(ready.day, manager_a)

    assert str(caught.value.message) == str(scheduling.NOTHING_TO_SCHEDULE)
    assert not ScheduleRun.objects.filter(day=ready.day).exists()


def test_settings_the_scheduler_cannot_read_are_refused_at_once(centre_a, manager_a):
    ready = ready_day(centre=centre_a)
    ready.day.breaks = [{"start": "12:30", "end": "25:00"}]
    ready.day.save()

    with translation.override("en"), pytest.raises(InvalidInput) as caught:
        scheduling.start_run(ready.day, manager_a)

    with translation.override("en"):
        message = str(caught.value.message)
    assert message == (
        'The schedule cannot be computed: breaks[0].end: no such time: "25:00". '
        "Correct the settings first."
    )
    assert not ScheduleRun.objects.filter(day=ready.day).exists()


def test_someone_who_does_not_organise_the_event_cannot_start_a_run(centre_a, manager_b):
    ready = ready_day(centre=centre_a)

    with pytest.raises(NotFound):
        scheduling.start_run(ready.day, manager_b)

    assert not ScheduleRun.objects.filter(day=ready.day).exists()


# --- failures change nothing ------------------------------------------------------------------


def test_a_run_that_fails_leaves_the_interviews_as_they_were(
    centre_a, manager_a, django_capture_on_commit_callbacks
):
    ready = ready_day(centre=centre_a)
    computed(ready, manager_a, django_capture_on_commit_callbacks)
    before = interviews(ready.day)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run = scheduling.start_run(ready.day, manager_a)
    # The settings are broken between the click and the worker.
    ready.day.__class__.objects.filter(pk=ready.day.pk).update(breaks=[{"start": "x"}])
    for callback in callbacks:
        callback()

    run.refresh_from_db()
    assert (run.status, run.error) == (
        RunStatus.FAILED,
        "invalid_instance: breaks[0].end: required key is missing",
    )
    assert run.finished_at is not None
    assert interviews(ready.day) == before
    assert len(before) == 8


def test_a_write_that_fails_half_way_is_rolled_back(
    centre_a, manager_a, django_capture_on_commit_callbacks
):
    ready = ready_day(companies=1, candidates=2, centre=centre_a)
    computed(ready, manager_a, django_capture_on_commit_callbacks)
    before = interviews(ready.day)
    run = ScheduleRunFactory(day=ready.day, status=RunStatus.RUNNING, created_by=manager_a)
    instance, maps = scheduling.build_instance(ready.day)
    company = str(ready.companies[0].pk)
    # Two interviews at the same table and time: the second insert fails after the delete.
    clash = solver.Schedule(
        status="optimal",
        interviews=tuple(
            solver.Interview(candidate.id, company, 1, hm("09:00"), hm("09:05"))
            for candidate in instance.candidates
        ),
        unscheduled=(),
        objective=1,
        bound=1,
        gap=0.0,
        solve_seconds=0.1,
        constructive="greedy",
        scheduled_count=2,
        preference=2,
        idle_slots=0,
    )

    with pytest.raises(IntegrityError):
        scheduling.save_schedule(run, clash, maps)

    run.refresh_from_db()
    assert run.status == RunStatus.RUNNING
    assert interviews(ready.day) == before


def test_an_interview_started_during_the_computation_stops_the_write(
    centre_a, manager_a, django_capture_on_commit_callbacks
):
    ready = ready_day(centre=centre_a)
    computed(ready, manager_a, django_capture_on_commit_callbacks)
    ready.day.__class__.objects.filter(pk=ready.day.pk).update(phase=Phase.LIVE)
    run = ScheduleRunFactory(day=ready.day, kind=RunKind.REOPTIMISE, status=RunStatus.RUNNING)
    instance, maps = scheduling.build_instance(
        ready.day, now=at(ready.day, "08:00"), reoptimise=True
    )
    schedule = solver.solve(instance, time_limit=5)
    # Meanwhile an interview starts.
    first = Interview.objects.filter(day=ready.day).order_by("starts_at", "pk").first()
    Interview.objects.filter(pk=first.pk).update(status=InterviewStatus.UNDER_WAY)
    before = interviews(ready.day)

    with pytest.raises(scheduling.InterviewsStarted):
        scheduling.save_schedule(run, schedule, maps)

    assert interviews(ready.day) == before


def test_a_run_given_up_as_lost_saves_nothing(
    centre_a, manager_a, django_capture_on_commit_callbacks
):
    ready = ready_day(companies=1, candidates=2, centre=centre_a)
    computed(ready, manager_a, django_capture_on_commit_callbacks)
    before = interviews(ready.day)
    run = ScheduleRunFactory(day=ready.day, status=RunStatus.FAILED, error="lost: no worker")
    instance, maps = scheduling.build_instance(ready.day)
    schedule = solver.solve(instance, time_limit=5)

    with pytest.raises(Stale):
        scheduling.save_schedule(run, schedule, maps)

    run.refresh_from_db()
    assert (run.status, run.error) == (RunStatus.FAILED, "lost: no worker")
    assert interviews(ready.day) == before


def test_the_worker_leaves_a_run_that_is_not_queued(centre_a):
    ready = ready_day(centre=centre_a)
    run = ScheduleRunFactory(day=ready.day, status=RunStatus.DONE)

    assert scheduling.run_schedule(run.pk) == RunStatus.DONE
    assert scheduling.run_schedule(run.pk + 1000) == "gone"
    assert not Interview.objects.filter(day=ready.day).exists()


# --- re-optimisation on the day ---------------------------------------------------------------


def live_day(centre, manager, capture, **kwargs):
    """A day with its whole-day schedule computed and published, now under way."""
    ready = ready_day(centre=centre, **kwargs)
    computed(ready, manager, capture)
    ready.day.__class__.objects.filter(pk=ready.day.pk).update(
        phase=Phase.LIVE, schedule_published_at=timezone.now()
    )
    ready.day.refresh_from_db()
    return ready


def test_reoptimising_never_moves_what_started_and_places_nothing_before_now(
    centre_a, manager_a, django_capture_on_commit_callbacks
):
    ready = live_day(
        centre_a,
        manager_a,
        django_capture_on_commit_callbacks,
        companies=3,
        candidates=6,
        min_gap_slots=1,
    )
    day = ready.day
    ordered = list(Interview.objects.filter(day=day).order_by("starts_at", "pk"))
    now = ordered[3].starts_at + datetime.timedelta(minutes=2)
    held = [row.pk for row in ordered if row.starts_at < now]
    Interview.objects.filter(pk__in=held[:2]).update(status=InterviewStatus.DONE)
    later = ordered[-1]
    Interview.objects.filter(pk=later.pk).update(status=InterviewStatus.UNDER_WAY)
    absent = ready.candidates[0]
    absent.presence = Presence.ABSENT
    absent.save()
    pinned = [row for row in interviews(day) if row[0] in held or row[0] == later.pk]

    run = computed(
        ready, manager_a, django_capture_on_commit_callbacks, kind=RunKind.REOPTIMISE, now=now
    )

    assert (run.kind, run.status, run.error) == (RunKind.REOPTIMISE, RunStatus.DONE, "")
    not_before = ordered[3].starts_at + datetime.timedelta(minutes=day.slot_minutes)
    assert run.not_before == not_before
    after = interviews(day)
    assert [row for row in after if row[0] in {p[0] for p in pinned}] == pinned
    for row in after:
        if row[0] not in {p[0] for p in pinned}:
            assert row[3] >= not_before
            assert row[6] == run.pk
    assert not Interview.objects.filter(
        candidate=absent, starts_at__gte=not_before, run=run
    ).exists()
    check_no_clash(day)
    kept_applications = {row[1] for row in pinned}
    expected = {
        application.pk: solver.ABSENT
        for application in ready.applications
        if application.candidate_id == absent.pk and application.pk not in kept_applications
    }
    assert expected
    assert {
        item["application"]: item["reason"]
        for item in run.unscheduled
        if item["candidate"] == absent.pk
    } == expected


def test_reoptimising_tells_the_candidates_whose_timetable_changed(
    centre_a, manager_a, django_capture_on_commit_callbacks
):
    ready = live_day(centre_a, manager_a, django_capture_on_commit_callbacks, candidates=3)
    day = ready.day
    moved = ready.candidates[1]
    # The candidate can now come only in the afternoon: their interviews must move.
    moved.windows = [{"start": "14:00", "end": "18:00"}]
    moved.save()
    before = {
        candidate.pk: set(
            Interview.objects.filter(candidate=candidate).values_list(
                "company_id", "table", "starts_at"
            )
        )
        for candidate in ready.candidates
    }
    mail.outbox.clear()

    computed(
        ready,
        manager_a,
        django_capture_on_commit_callbacks,
        kind=RunKind.REOPTIMISE,
        now=at(day, "08:00"),
    )

    changed = {
        candidate.registration.email
        for candidate in ready.candidates
        if set(
            Interview.objects.filter(candidate=candidate).values_list(
                "company_id", "table", "starts_at"
            )
        )
        != before[candidate.pk]
    }
    assert moved.registration.email in changed
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(changed)


def test_a_whole_day_run_before_publishing_tells_no_one(
    centre_a, manager_a, django_capture_on_commit_callbacks
):
    ready = ready_day(centre=centre_a)
    mail.outbox.clear()

    computed(ready, manager_a, django_capture_on_commit_callbacks)

    assert mail.outbox == []


def test_a_whole_day_run_refuses_to_replace_interviews_held(
    centre_a, manager_a, django_capture_on_commit_callbacks
):
    ready = ready_day(centre=centre_a)
    computed(ready, manager_a, django_capture_on_commit_callbacks)
    Interview.objects.filter(pk=Interview.objects.filter(day=ready.day).first().pk).update(
        status=InterviewStatus.DONE
    )
    before = interviews(ready.day)

    run = computed(ready, manager_a, django_capture_on_commit_callbacks)

    assert (run.status, run.error) == (RunStatus.FAILED, "interview_locked: InterviewLocked")
    assert interviews(ready.day) == before


# --- what changed while a run computed --------------------------------------------------------


def test_a_candidate_marked_absent_during_a_reoptimisation_gets_nothing_new_from_it(
    centre_a, manager_a, django_capture_on_commit_callbacks
):
    ready = live_day(centre_a, manager_a, django_capture_on_commit_callbacks, candidates=4)
    day = ready.day
    run = ScheduleRunFactory(day=day, kind=RunKind.REOPTIMISE, status=RunStatus.RUNNING)
    now = at(day, "08:00")
    instance, maps = scheduling.build_instance(day, now=now, reoptimise=True)
    schedule = solver.solve(instance, time_limit=5)
    absent = ready.candidates[0]
    assert any(i.candidate == str(absent.pk) for i in schedule.interviews)
    # Meanwhile the candidate is marked absent: their interviews still to come are cancelled.
    live.mark_absent(absent, user=manager_a, now=now)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        scheduling.save_schedule(run, schedule, maps)

    run.refresh_from_db()
    assert not Interview.objects.filter(candidate=absent, run=run).exists()
    assert not Interview.objects.filter(candidate=absent, status=InterviewStatus.SCHEDULED).exists()
    others = [c for c in ready.candidates if c.pk != absent.pk]
    for candidate in others:
        assert Interview.objects.filter(candidate=candidate, run=run).count() == 2
    assert {
        item["application"]: item["reason"]
        for item in run.unscheduled
        if item["candidate"] == absent.pk
    } == {a.pk: solver.ABSENT for a in ready.applications if a.candidate_id == absent.pk}
    assert run.scheduled_count == 2 * len(others)
    assert absent.registration.email not in {a for m in mail.outbox for a in m.to}
    check_no_clash(day)


def test_a_whole_day_run_leaves_out_what_was_turned_down_or_erased_while_it_computed(
    centre_a, manager_a
):
    ready = ready_day(centre=centre_a, candidates=4)
    day = ready.day
    run = ScheduleRunFactory(day=day, kind=RunKind.INITIAL, status=RunStatus.RUNNING)
    instance, maps = scheduling.build_instance(day)
    schedule = solver.solve(instance, time_limit=5)
    assert schedule.scheduled_count == 8
    turned_down = ready.applications[0]
    Application.objects.filter(pk=turned_down.pk).update(status=ApplicationStatus.REJECTED)
    erased = ready.candidates[3]
    candidates.erase_candidate(erased)

    scheduling.save_schedule(run, schedule, maps)

    run.refresh_from_db()
    assert run.status == RunStatus.DONE
    assert not Interview.objects.filter(application_id=turned_down.pk).exists()
    assert Interview.objects.filter(day=day).count() == 5
    assert run.scheduled_count == 5
    assert [(item["application"], item["reason"]) for item in run.unscheduled] == [
        (turned_down.pk, solver.NOT_SELECTED)
    ]
    assert all(item["candidate"] != erased.pk for item in run.unscheduled)
    check_no_clash(day)


def test_only_candidates_no_longer_coming_are_kept_from_the_change_emails(
    centre_a, manager_a, django_capture_on_commit_callbacks
):
    ready = live_day(centre_a, manager_a, django_capture_on_commit_callbacks, candidates=4)
    day = ready.day
    run = ScheduleRunFactory(day=day, kind=RunKind.REOPTIMISE, status=RunStatus.RUNNING)
    instance, maps = scheduling.build_instance(day, now=at(day, "08:00"), reoptimise=True)
    schedule = solver.solve(instance, time_limit=5)
    absent, turned_down = ready.candidates[0], ready.candidates[1]
    Candidate.objects.filter(pk=absent.pk).update(presence=Presence.ABSENT)
    one = next(a for a in ready.applications if a.candidate_id == turned_down.pk)
    Application.objects.filter(pk=one.pk).update(status=ApplicationStatus.REJECTED)

    now, now_maps = scheduling._as_things_are_now(run, schedule, maps)

    assert now_maps.absent == maps.absent | {str(absent.pk)}
    assert {(i.candidate, i.company) for i in now.unscheduled} >= {
        (str(absent.pk), str(a.company_id)) for a in ready.applications if a.candidate == absent
    } | {(str(turned_down.pk), str(one.company_id))}
    assert now.scheduled_count == len(now.interviews) == len(schedule.interviews) - 3
