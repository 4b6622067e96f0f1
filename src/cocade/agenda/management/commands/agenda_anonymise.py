"""`cocade agenda_anonymise [--dry-run]`: anonymise the registrations of events past the
retention period (the scheduler runs the same function daily through the task
`anonymise_past_registrations`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from cocade.agenda.services.retention import (
    anonymise_past_registrations,
    events_past_retention,
    registrations_past_retention,
)


class Command(BaseCommand):
    help = (
        "Anonymise the registrations of events that ended more than "
        "COCADE_REGISTRATION_RETENTION_MONTHS months ago, keeping statuses and attendance."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be anonymised; change nothing.",
        )

    def handle(self, *args: Any, dry_run: bool, **options: Any) -> None:
        months = settings.COCADE_REGISTRATION_RETENTION_MONTHS
        if dry_run:
            events = events_past_retention().count()
            registrations = registrations_past_retention()
            self.stdout.write(
                f"Would anonymise {registrations} registration(s) of {events} event(s) "
                f"that ended more than {months} month(s) ago."
            )
            return
        count = anonymise_past_registrations()
        self.stdout.write(
            f"Anonymised {count} registration(s) of events that ended more than "
            f"{months} month(s) ago."
        )
