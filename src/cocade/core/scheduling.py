"""Periodic jobs: `cocade scheduler` enqueues background tasks at fixed intervals.

The schedule is the setting `COCADE_SCHEDULE`, a mapping from the dotted path of a task
(a `django_tasks` task) to its interval in seconds; `core` names no feature app, each app's
jobs are listed there. Without the setting, `DEFAULT_SCHEDULE` applies.

The time of each job's last enqueue is kept in the Django cache under one key per job that
expires after the job's interval. A job is enqueued by whoever *adds* its key (an atomic
add), so two schedulers that share a cache (`CACHE_URL=db://` or `redis://`) never enqueue
the same run twice. With the default per-process memory cache each scheduler process keeps
its own times: run one scheduler, or share the cache. The scheduled tasks are idempotent
anyway, so a second enqueue costs a little work and changes nothing. When the cache cannot
be reached, the scheduler falls back on the times it remembers itself.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string
from django_tasks.base import Task

logger = logging.getLogger(__name__)

DEFAULT_SCHEDULE: dict[str, int] = {
    "cocade.agenda.tasks.send_event_reminders": 15 * 60,
    "cocade.agenda.tasks.anonymise_past_registrations": 24 * 60 * 60,
    "cocade.recruitment.tasks_candidates.purge_candidate_data": 24 * 60 * 60,
}
KEY_PREFIX = "cocade:scheduler:"


@dataclass(frozen=True)
class Job:
    path: str
    interval: int  # seconds
    task: Task[Any, Any]

    @property
    def key(self) -> str:
        return f"{KEY_PREFIX}{self.path}"


def _seconds(value: Any) -> int:
    if isinstance(value, timedelta):
        value = value.total_seconds()
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 1:
        raise ValueError(value)
    return int(value)


def load_schedule(
    schedule: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None,
) -> list[Job]:
    """The jobs of `schedule` (default: the setting `COCADE_SCHEDULE`, else the default
    schedule). A path that is not a task or an interval under one second is a configuration
    error, reported at start rather than at the first run."""
    if schedule is None:
        schedule = getattr(settings, "COCADE_SCHEDULE", DEFAULT_SCHEDULE)
    pairs = schedule.items() if isinstance(schedule, Mapping) else schedule
    jobs = []
    for path, interval in pairs:
        try:
            task = import_string(path)
        except ImportError as error:
            raise ImproperlyConfigured(f"COCADE_SCHEDULE: cannot import {path!r}.") from error
        if not isinstance(task, Task):
            raise ImproperlyConfigured(f"COCADE_SCHEDULE: {path!r} is not a task.")
        try:
            seconds = _seconds(interval)
        except ValueError:
            raise ImproperlyConfigured(
                f"COCADE_SCHEDULE: the interval of {path!r} must be at least one second."
            ) from None
        jobs.append(Job(path=path, interval=seconds, task=task))
    return jobs


class Scheduler:
    """Enqueues each job whose interval has passed since its last enqueue."""

    def __init__(self, jobs: list[Job], *, cache_alias: str = "default") -> None:
        self.jobs = jobs
        self.cache = caches[cache_alias]
        #: Last enqueue of each job by this process (monotonic clock), for when the cache
        #: cannot be reached.
        self.remembered: dict[str, float] = {}

    def claim(self, job: Job) -> bool:
        """Take this run of `job`: True for exactly one scheduler per interval."""
        try:
            return bool(self.cache.add(job.key, time.time(), timeout=job.interval))
        except Exception:
            logger.warning("The cache cannot be reached; the scheduler uses its own memory")
            last = self.remembered.get(job.path)
            return last is None or time.monotonic() - last >= job.interval

    def release(self, job: Job) -> None:
        try:
            self.cache.delete(job.key)
        except Exception:
            logger.warning("The cache cannot be reached to release a scheduled job")

    def run_due(self) -> list[tuple[Job, Any]]:
        """Enqueue the due jobs; returns (job, task result) for each one enqueued. A job
        whose enqueue fails is released, to be tried again at the next tick."""
        enqueued = []
        for job in self.jobs:
            if not self.claim(job):
                continue
            try:
                result = job.task.enqueue()
            except Exception:
                self.release(job)
                logger.exception("Could not enqueue the scheduled task %s", job.path)
                continue
            self.remembered[job.path] = time.monotonic()
            logger.info("Enqueued the scheduled task %s", job.path)
            enqueued.append((job, result))
        return enqueued
