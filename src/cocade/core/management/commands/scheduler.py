"""`cocade scheduler [--once] [--tick SECONDS]`: enqueue the periodic background tasks of
`COCADE_SCHEDULE` (see `cocade.core.scheduling`) for the workers (`cocade db_worker`) to run.
Runs until stopped (Ctrl-C or SIGTERM); `--once` enqueues what is due and exits."""

from __future__ import annotations

import signal
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections

from cocade.core.scheduling import Scheduler, load_schedule


class Command(BaseCommand):
    help = (
        "Enqueue the periodic tasks listed in COCADE_SCHEDULE at their intervals (event "
        "reminders, the anonymisation of past registrations, ...), for the workers to run."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Enqueue the tasks that are due, then exit."
        )
        parser.add_argument(
            "--tick",
            type=float,
            default=60.0,
            help="Seconds between two looks at the schedule (default 60).",
        )

    def handle(self, *args: Any, once: bool, tick: float, **options: Any) -> None:
        if tick <= 0:
            raise CommandError("--tick must be a positive number of seconds.")
        scheduler = Scheduler(load_schedule())
        if once:
            if not self.run(scheduler):
                self.stdout.write("Nothing due.")
            return
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_args: stop.set())
        listed = ", ".join(f"{job.path} every {job.interval} s" for job in scheduler.jobs)
        self.stdout.write(f"Scheduler started: {listed or 'nothing scheduled'}.")
        while not stop.is_set():
            close_old_connections()
            self.run(scheduler)
            stop.wait(tick)
        close_old_connections()
        self.stdout.write("Scheduler stopped.")

    def run(self, scheduler: Scheduler) -> int:
        enqueued = scheduler.run_due()
        for job, result in enqueued:
            self.stdout.write(f"Enqueued {job.path} (every {job.interval} s), task {result.id}")
        return len(enqueued)
