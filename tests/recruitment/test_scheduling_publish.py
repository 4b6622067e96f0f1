"""Publishing the schedule: the stage moves on and the timetables go out; every refusal leaves
the day as it was."""

from __future__ import annotations

import pytest
from django.core import mail

from cocade.core.errors import NotFound
from cocade.core.models import AuditLogEntry
from cocade.recruitment.enums import Phase, RunStatus
from cocade.recruitment.errors import NoSchedule, ScheduleRunning, WrongPhase
from cocade.recruitment.models import Candidate, RecruitmentDay
from cocade.recruitment.services import scheduling
from tests.factories.recruitment import ScheduleRunFactory
from tests.factories.recruitment_schedule import ready_day

pytestmark = pytest.mark.django_db


def state(day) -> tuple:
    return RecruitmentDay.objects.filter(pk=day.pk).values_list(
        "phase", "schedule_published_at", "lock_version"
    )[0]


def test_publishing_moves_the_stage_on_and_sends_the_timetables(
    centre_a, manager_a, django_capture_on_commit_callbacks
):
    ready = ready_day(companies=1, candidates=2, centre=centre_a)
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.start_run(ready.day, manager_a)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        day = scheduling.publish_schedule(ready.day, manager_a)

    assert day.phase == Phase.SCHEDULED
    assert day.schedule_published_at is not None
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        candidate.registration.email for candidate in ready.candidates
    )
    assert not Candidate.objects.filter(day=day, timetable_sent_at__isnull=True).exists()
    entry = AuditLogEntry.objects.get(action="recruitment.schedule.published")
    assert (entry.actor, entry.object_id, entry.changes) == (
        manager_a,
        str(day.pk),
        {"phase": {"before": "preselection", "after": "scheduled"}},
    )


def test_publishing_without_a_computed_schedule_is_refused(centre_a, manager_a):
    ready = ready_day(centre=centre_a)
    ScheduleRunFactory(day=ready.day, status=RunStatus.FAILED)
    before = state(ready.day)

    with pytest.raises(NoSchedule):
        scheduling.publish_schedule(ready.day, manager_a)

    assert state(ready.day) == before


def test_publishing_while_a_computation_runs_is_refused(centre_a, manager_a):
    ready = ready_day(centre=centre_a)
    ScheduleRunFactory(day=ready.day, status=RunStatus.DONE)
    ScheduleRunFactory(day=ready.day, status=RunStatus.QUEUED)
    before = state(ready.day)

    with pytest.raises(ScheduleRunning):
        scheduling.publish_schedule(ready.day, manager_a)

    assert state(ready.day) == before


@pytest.mark.parametrize("phase", [Phase.APPLICATIONS, Phase.SCHEDULED, Phase.LIVE])
def test_publishing_outside_the_preselection_stage_is_refused(centre_a, manager_a, phase):
    ready = ready_day(centre=centre_a, phase=phase)
    ScheduleRunFactory(day=ready.day, status=RunStatus.DONE)
    before = state(ready.day)

    with pytest.raises(WrongPhase):
        scheduling.publish_schedule(ready.day, manager_a)

    assert state(ready.day) == before
    assert not AuditLogEntry.objects.filter(action="recruitment.schedule.published").exists()


def test_someone_who_does_not_organise_the_event_cannot_publish(centre_a, manager_b):
    ready = ready_day(centre=centre_a)
    ScheduleRunFactory(day=ready.day, status=RunStatus.DONE)
    before = state(ready.day)

    with pytest.raises(NotFound):
        scheduling.publish_schedule(ready.day, manager_b)

    assert state(ready.day) == before
