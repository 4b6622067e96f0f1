"""`cocade export-framework SLUG [--version N] [--format json|csv|case] [--output FILE]`:
write a version (by default the published one) to standard output or to a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cocade.competencies.enums import VersionStatus
from cocade.competencies.interchange.formats import FORMATS, export_version
from cocade.competencies.models import FrameworkVersion


class Command(BaseCommand):
    help = (
        "Export a version of a competency framework as COCADE JSON, CSV or CASE 1.0 JSON "
        "(see docs/frameworks.md). Without --version, the published version."
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        # `--version N` is the spelling: it replaces Django's `--version` (which prints
        # Django's own version) instead of clashing with it.
        kwargs.setdefault("conflict_handler", "resolve")
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", help="The framework's identifier.")
        parser.add_argument(
            "--version",
            type=int,
            default=None,
            dest="number",
            help="The version number (default: the published version; drafts too).",
        )
        parser.add_argument("--format", default="json", choices=sorted(FORMATS), dest="fmt")
        parser.add_argument(
            "--output", default=None, help="Write to this file instead of standard output."
        )

    def handle(
        self,
        *args: Any,
        slug: str,
        number: int | None,
        fmt: str,
        output: str | None,
        **options: Any,
    ) -> None:
        versions = FrameworkVersion.objects.select_related("framework").filter(framework__slug=slug)
        if number is None:
            version = versions.filter(status=VersionStatus.PUBLISHED).first()
            missing = f"The framework “{slug}” has no published version; give --version."
        else:
            version = versions.filter(number=number).first()
            missing = f"The framework “{slug}” has no version {number}."
        if version is None:
            raise CommandError(missing, returncode=1)
        content, _filename, _content_type = export_version(version, fmt)
        if output:
            Path(output).write_bytes(content)
            self.stderr.write(f"Wrote {slug} version {version.number} to {output}.")
        else:
            self.stdout.write(content.decode("utf-8"), ending="")
