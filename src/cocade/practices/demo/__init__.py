"""The demo of the Vademecum of good practices, loaded by `cocade demo` after the directory and
competency demos: some thirty-five practice sheets of the demo centres in six languages, most
of them published (over the last two years, several with published translations), the others
at every stage of the review workflow, with reviews, comments, "we tried it" accounts and
follows.

The events of the network's newsletter (Porto's Speed Recruitment, the Numeri'Day, the
apprentices' web series, the partners' fishbowl day, Mayotte's digital platforms…) keep their
facts; the other practices, the people and their figures are fictional.

Running it again creates nothing: a sheet whose address exists is left as is. The demo emails
nobody: the notifications of the workflow are not sent while it loads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from cocade.competencies.demo.framework import FRAMEWORK_SLUG
from cocade.competencies.enums import VersionStatus
from cocade.competencies.models import Competence
from cocade.core.mail import emails_suppressed
from cocade.directory.demo import DEMO_PASSWORD
from cocade.directory.models import Centre
from cocade.practices.demo import sheets_en_da_bg, sheets_fr_a, sheets_fr_b, sheets_pt_it
from cocade.practices.demo.loader import Context, load_sheet, people_of
from cocade.practices.demo.people import (
    AUTHORS,
    demo_email,
    demo_users,
    ensure_author,
    ensure_network_editor,
)
from cocade.practices.demo.spec import DemoSheet
from cocade.practices.enums import PracticeStatus, TranslationStatus
from cocade.practices.models import Practice, PracticeTranslation

__all__ = ["SHEETS", "PracticesDemoResult", "load", "write_summary"]

#: Every demo sheet, in the order they are loaded.
SHEETS: tuple[DemoSheet, ...] = (
    sheets_fr_a.SHEETS + sheets_fr_b.SHEETS + sheets_pt_it.SHEETS + sheets_en_da_bg.SHEETS
)


@dataclass
class PracticesDemoResult:
    created: int = 0
    #: Sheet status → number of sheets in the database (demo or not).
    statuses: dict[str, int] = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)
    published_translations: int = 0


def _competences() -> dict[str, Competence]:
    rows = Competence.objects.filter(
        version__framework__slug=FRAMEWORK_SLUG, version__status=VersionStatus.PUBLISHED
    )
    return {competence.code: competence for competence in rows}


def load(*, password: str = DEMO_PASSWORD, stdout: Any = None) -> PracticesDemoResult:
    """Load the Vademecum demo (the directory and competency demos first, for the centres,
    the people and the framework); with `stdout`, print what is there."""
    password_hash = make_password(password)
    result = PracticesDemoResult()
    with (
        emails_suppressed(),
        transaction.atomic(),
    ):
        centres = {centre.slug: centre for centre in Centre.objects.all()}
        for author in AUTHORS:
            ensure_author(author, password_hash=password_hash, centres=centres)
        ensure_network_editor()
        names: set[str] = set()
        for spec in SHEETS:
            names |= people_of(spec)
        context = Context(
            now=timezone.now(),
            centres=centres,
            users=demo_users(names),
            competences=_competences(),
        )
        for spec in SHEETS:
            if load_sheet(spec, context) is not None:
                result.created += 1
    result.statuses = {
        status: Practice.objects.filter(status=status).count() for status in PracticeStatus
    }
    result.languages = sorted(set(Practice.objects.values_list("original_language", flat=True)))
    result.published_translations = (
        PracticeTranslation.objects.filter(status=TranslationStatus.PUBLISHED)
        .exclude(language=F("practice__original_language"))
        .count()
    )
    if stdout is not None:
        write_summary(result, stdout)
    return result


def write_summary(result: PracticesDemoResult, stdout: Any) -> None:
    total = sum(result.statuses.values())
    published = result.statuses.get(PracticeStatus.PUBLISHED, 0)
    stdout.write(
        f"Vademecum of good practices: {total} sheets, {published} published, in "
        f"{len(result.languages)} languages ({', '.join(result.languages)}); "
        f"{result.published_translations} published translations.\n"
    )
    stdout.write(
        f"Editor of the whole Vademecum: {demo_email('editor')}; authors and reviewers are "
        f"the demo counsellors (e.g. {demo_email('ana.sofia.pereira')}).\n"
    )
