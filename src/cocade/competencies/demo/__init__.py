"""The demo of the competency framework, loaded by `cocade demo` after the directory demo:
the framework "Conseiller·ère en lieu intégré" (published), demo counsellors in four centres
and their self-assessments, and the main demo counsellor's history and development plan.

Running it again creates nothing: the framework is imported only when its slug is new, and a
person who already has an assessment on it is left as is (their password is set again, as the
directory demo does)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from cocade.competencies.demo.assessments import (
    COUNSELLORS,
    MAIN_CENTRE,
    CentreLine,
    centre_lines,
    load_counsellor,
    load_main_counsellor,
)
from cocade.competencies.demo.framework import FRAMEWORK_SLUG, framework_data
from cocade.competencies.enums import VersionStatus
from cocade.competencies.models import Framework, FrameworkVersion
from cocade.competencies.services.frameworks import import_framework
from cocade.directory.demo import DEMO_PASSWORD
from cocade.directory.models import Centre

__all__ = ["FRAMEWORK_SLUG", "CompetenciesDemoResult", "framework_data", "load", "write_summary"]


@dataclass
class CompetenciesDemoResult:
    version: FrameworkVersion | None
    framework_created: bool = False
    people_created: int = 0
    assessments_created: int = 0
    centres: list[CentreLine] = field(default_factory=list)


def load(*, password: str = DEMO_PASSWORD, stdout: Any = None) -> CompetenciesDemoResult:
    """Load the competency demo (the directory demo must be loaded first for the people);
    with `stdout`, print what is there in the style of `cocade demo`."""
    now = timezone.now()
    password_hash = make_password(password)
    with transaction.atomic():
        created = not Framework.objects.filter(slug=FRAMEWORK_SLUG).exists()
        if created:
            import_framework(actor=None, data=framework_data(), publish=True)
        version = (
            FrameworkVersion.objects.filter(
                framework__slug=FRAMEWORK_SLUG, status=VersionStatus.PUBLISHED
            )
            .select_related("framework")
            .first()
        )
        result = CompetenciesDemoResult(version=version, framework_created=created)
        centres = {centre.slug: centre for centre in Centre.objects.all()}
        if version is not None:
            for person in COUNSELLORS:
                centre = centres.get(person.centre_slug)
                if centre is None:
                    continue
                person_created, assessments = load_counsellor(
                    person, version=version, centre=centre, password_hash=password_hash, now=now
                )
                result.people_created += int(person_created)
                result.assessments_created += assessments
            if MAIN_CENTRE in centres:
                result.assessments_created += load_main_counsellor(
                    version=version, centre=centres[MAIN_CENTRE], now=now
                )
            result.centres = centre_lines(version)
    if stdout is not None:
        write_summary(result, stdout)
    return result


def write_summary(result: CompetenciesDemoResult, stdout: Any) -> None:
    def line(text: str = "") -> None:
        stdout.write(text + "\n")

    version = result.version
    if version is None:
        line(f"Competency framework {FRAMEWORK_SLUG}: no published version, no assessments.")
        return
    line(
        f"Competency framework: {version.title.get(version.original_language, '')} "
        f"({FRAMEWORK_SLUG}), version {version.number}, {version.status}: "
        f"{version.blocks.count()} blocks, {version.competences.count()} competences, "
        f"{version.levels.count()} levels."
    )
    line("Demo counsellors (same password) and their self-assessments:")
    line()
    rows = [("Centre", "Counsellors", "Submitted", "Reviewed", "Example login")]
    rows += [
        (c.centre, str(c.counsellors), str(c.submitted), str(c.reviewed), c.login)
        for c in result.centres
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(5)]
    for index, row in enumerate(rows):
        line("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        if index == 0:
            line("  ".join("-" * width for width in widths))
    line()
    line(
        "The other demo counsellors sign in as firstname.lastname@"
        f"{settings.COCADE_DEMO_EMAIL_DOMAIN} (no accents), e.g. {COUNSELLORS[0].email}."
    )
