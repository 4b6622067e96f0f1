"""The scheduler enqueues each periodic task once per interval, even with two schedulers."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.cache.backends.base import BaseCache
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django_tasks import default_task_backend

from cocade.core.scheduling import DEFAULT_SCHEDULE, Scheduler, load_schedule

REMINDERS = "cocade.agenda.tasks.send_event_reminders"
RETENTION = "cocade.agenda.tasks.anonymise_past_registrations"


class UnreachableCache(BaseCache):
    """A cache server that does not answer."""

    def __init__(self, location, params):
        super().__init__(params)

    def add(self, *args, **kwargs):
        raise ConnectionError("cache down")

    def delete(self, *args, **kwargs):
        raise ConnectionError("cache down")


@pytest.fixture(autouse=True)
def _queue(settings):
    """Tasks go to an in-memory queue (not run), and the scheduler starts with no memory."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    # Two jobs of different intervals, whatever the project schedules.
    settings.COCADE_SCHEDULE = {REMINDERS: 15 * 60, RETENTION: 24 * 60 * 60}
    cache.clear()
    yield
    cache.clear()


def _enqueued():
    return [result.task.module_path for result in default_task_backend.results]


def test_scheduler_once_enqueues_each_scheduled_task_once():
    out = StringIO()

    call_command("scheduler", "--once", stdout=out)

    results = default_task_backend.results
    assert _enqueued() == [REMINDERS, RETENTION]
    assert out.getvalue().splitlines() == [
        f"Enqueued {REMINDERS} (every 900 s), task {results[0].id}",
        f"Enqueued {RETENTION} (every 86400 s), task {results[1].id}",
    ]


def test_scheduler_once_again_within_the_interval_enqueues_nothing():
    call_command("scheduler", "--once", stdout=StringIO())
    out = StringIO()

    call_command("scheduler", "--once", stdout=out)

    assert (_enqueued(), out.getvalue()) == ([REMINDERS, RETENTION], "Nothing due.\n")


def test_scheduler_enqueues_a_job_again_once_its_interval_has_passed():
    # The key of a job lives for its interval; its expiry is the interval passing.
    scheduler = Scheduler(load_schedule())
    scheduler.run_due()
    cache.delete(f"cocade:scheduler:{REMINDERS}")

    again = scheduler.run_due()

    assert ([job.path for job, _result in again], _enqueued()) == (
        [REMINDERS],
        [REMINDERS, RETENTION, REMINDERS],
    )


def test_two_schedulers_sharing_a_cache_enqueue_each_run_once():
    first, second = Scheduler(load_schedule()), Scheduler(load_schedule())

    enqueued = [len(first.run_due()), len(second.run_due()), len(first.run_due())]

    assert (enqueued, _enqueued()) == ([2, 0, 0], [REMINDERS, RETENTION])


def test_scheduler_follows_the_schedule_setting(settings):
    settings.COCADE_SCHEDULE = {REMINDERS: 60}

    call_command("scheduler", "--once", stdout=StringIO())

    assert _enqueued() == [REMINDERS]


def test_schedule_without_the_setting_is_the_default(settings):
    del settings.COCADE_SCHEDULE

    jobs = load_schedule()

    assert [(job.path, job.interval) for job in jobs] == list(DEFAULT_SCHEDULE.items())
    assert DEFAULT_SCHEDULE == {
        REMINDERS: 15 * 60,
        RETENTION: 24 * 60 * 60,
        "cocade.recruitment.tasks_candidates.purge_candidate_data": 24 * 60 * 60,
    }


@pytest.mark.parametrize(
    ("schedule", "message"),
    [
        ({"cocade.agenda.tasks.no_such_task": 60}, "cannot import"),
        ({"cocade.core.scheduling.load_schedule": 60}, "is not a task"),
        ({REMINDERS: 0}, "at least one second"),
        ({REMINDERS: "15 minutes"}, "at least one second"),
    ],
)
def test_bad_schedule_is_refused_at_start(settings, schedule, message):
    settings.COCADE_SCHEDULE = schedule

    with pytest.raises(ImproperlyConfigured, match=message):
        call_command("scheduler", "--once", stdout=StringIO())

    assert _enqueued() == []


def test_scheduler_refuses_a_tick_that_is_not_positive():
    with pytest.raises(CommandError, match="--tick"):
        call_command("scheduler", "--once", "--tick", "0", stdout=StringIO())

    assert _enqueued() == []


def test_scheduler_remembers_its_own_runs_when_the_cache_is_unreachable(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "unreachable": {"BACKEND": "tests.core.test_scheduler.UnreachableCache"},
    }
    scheduler = Scheduler(load_schedule(), cache_alias="unreachable")

    runs = [len(scheduler.run_due()), len(scheduler.run_due())]

    assert (runs, _enqueued()) == ([2, 0], [REMINDERS, RETENTION])
