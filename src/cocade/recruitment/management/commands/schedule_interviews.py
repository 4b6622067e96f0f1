"""`cocade schedule-interviews INPUT.json [--time-limit SECONDS] [--output OUT.json]
[--workers N]`: schedule the interviews of a speed-recruitment day from a JSON file (see
docs/scheduling.md). No database: the command only wraps `cocade.recruitment.solver.cli`."""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from cocade.recruitment.solver import cli


class Command(BaseCommand):
    help = (
        "Schedule the shortlisted interviews of a speed-recruitment day described in a JSON "
        "file; print the schedule as JSON (or write it to --output) and a summary line on "
        "stderr. Exit 0 on success, 2 on bad input, 1 when the output cannot be written."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: ArgumentParser) -> None:
        cli.add_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        code = cli.run(
            options["input"],
            time_limit=options["time_limit"],
            output=options["output"],
            workers=options["workers"],
        )
        sys.exit(code)
