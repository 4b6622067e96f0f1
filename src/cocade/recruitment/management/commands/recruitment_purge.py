"""`cocade recruitment_purge [--dry-run]`: delete candidates' CVs past their retention period,
clear the candidates of anonymised registrations and delete unused CV files (the scheduler
can run the same function daily through the task `purge_candidate_data`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cocade.recruitment.services.retention import cv_retention_days, purge


class Command(BaseCommand):
    help = (
        "Delete the CVs of speed recruitments that ended more than COCADE_CV_RETENTION_DAYS "
        "days ago, clear the phone, profile and CV of candidates whose registration is "
        "anonymised, and delete CV files no candidate refers to."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be deleted; change nothing.",
        )

    def handle(self, *args: Any, dry_run: bool, **options: Any) -> None:
        report = purge(dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {report.cvs} CV(s) of events that ended more than "
            f"{cv_retention_days()} day(s) ago, "
            f"{'would clear' if dry_run else 'cleared'} {report.candidates} anonymised "
            f"candidate(s), {verb.lower()} {report.orphans} unused CV file(s)."
        )
