"""`cocade agenda_reminders`: queue the reminders of events starting soon (the scheduler runs
the same function every quarter of an hour through the task `send_event_reminders`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from cocade.agenda.notifications import send_due_reminders


class Command(BaseCommand):
    help = (
        "Queue a reminder email for each confirmed registrant of a published event starting "
        "within COCADE_EVENT_REMINDER_HOURS who has not been reminded yet."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = send_due_reminders()
        self.stdout.write(f"Reminders queued: {count}")
