"""`cocade import-framework PATH --format json|csv|case`: import a framework file as the
next draft of its framework (or publish it at once). Every problem is printed, one per line,
and nothing is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cocade.competencies.interchange.formats import FORMATS
from cocade.competencies.services.frameworks import ImportRejected
from cocade.competencies.services.interchange import import_framework_file
from cocade.core.errors import DomainError


class Command(BaseCommand):
    help = (
        "Import a competency framework from a JSON, CSV or CASE 1.0 file (see "
        "docs/frameworks.md). The file is checked whole first; on any problem, every problem "
        "is printed and nothing is written (exit status 1)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="The file to import.")
        parser.add_argument("--format", required=True, choices=sorted(FORMATS), dest="fmt")
        parser.add_argument(
            "--publish", action="store_true", help="Publish the imported version at once."
        )
        parser.add_argument(
            "--replace-draft",
            action="store_true",
            help="Replace the framework's existing draft instead of refusing.",
        )
        parser.add_argument(
            "--slug", default=None, help="Import under this identifier instead of the file's."
        )

    def handle(
        self,
        *args: Any,
        path: str,
        fmt: str,
        publish: bool,
        replace_draft: bool,
        slug: str | None,
        **options: Any,
    ) -> None:
        try:
            raw = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.", returncode=1) from error
        try:
            version = import_framework_file(
                actor=None,
                raw=raw,
                fmt=fmt,
                publish=publish,
                replace_draft=replace_draft,
                slug=slug,
            )
        except ImportRejected as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            raise CommandError(str(error.message), returncode=1) from error
        except DomainError as error:
            raise CommandError(str(error.message), returncode=1) from error
        self.stdout.write(
            f"Imported {version.framework.slug} version {version.number} ({version.status})."
        )
