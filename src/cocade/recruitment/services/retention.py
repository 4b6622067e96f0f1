"""How long candidates' personal data is kept.

- A CV is deleted (its file and the field) `COCADE_CV_RETENTION_DAYS` days (default 30)
  after its event ends: the companies have had time to read it.
- When the agenda anonymises a past event's registrations (`agenda.services.retention`),
  their candidates keep only what the counts need: phone, what they looked for and the CV
  are erased; applications, interviews and presence stay, without a name.
- A CV file that no candidate refers to (its candidate or registration was deleted by
  another path, such as the agenda's own erasure page or the deletion of the event) is
  deleted once it is a day old, so that a registration being written is never touched.

Each candidate is cleared by a conditional UPDATE, and its file is deleted when that commits,
so a run can be repeated, or run twice at once, without harm.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from cocade.recruitment.models import Candidate
from cocade.recruitment.services.candidates import cv_storage

logger = logging.getLogger(__name__)

CV_FOLDER = "recruitment/cv"
#: An unreferenced file younger than this may belong to a registration being written.
ORPHAN_GRACE = timedelta(days=1)


@dataclass(frozen=True)
class PurgeReport:
    cvs: int  # CVs past their retention period
    candidates: int  # candidates of anonymised registrations cleared
    orphans: int  # CV files no candidate refers to

    @property
    def total(self) -> int:
        return self.cvs + self.candidates + self.orphans


def cv_retention_days() -> int:
    return int(getattr(settings, "COCADE_CV_RETENTION_DAYS", 30))


def cvs_past_retention(now: datetime) -> QuerySet[Candidate]:
    cutoff = now - timedelta(days=cv_retention_days())
    return Candidate.objects.exclude(cv="").filter(day__event__ends_at__lt=cutoff)


def candidates_to_clear() -> QuerySet[Candidate]:
    """Candidates of anonymised registrations that still hold personal details."""
    holding = ~Q(phone="") | ~Q(profile="") | ~Q(cv="")
    return Candidate.objects.filter(registration__anonymised_at__isnull=False).filter(holding)


def _delete_file_on_commit(name: str) -> None:
    if name:
        transaction.on_commit(lambda: cv_storage().delete(name))


def delete_cv(candidate_id: int) -> bool:
    """Clear one candidate's CV and delete its file; False when another run did it."""
    with transaction.atomic():
        name = Candidate.objects.filter(pk=candidate_id).values_list("cv", flat=True).first()
        if not name or not Candidate.objects.filter(pk=candidate_id, cv=name).update(cv=""):
            return False
        _delete_file_on_commit(name)
    return True


def clear_candidate(candidate_id: int) -> bool:
    """Erase an anonymised candidate's phone, profile and CV; False when already done."""
    with transaction.atomic():
        name = Candidate.objects.filter(pk=candidate_id).values_list("cv", flat=True).first()
        cleared = candidates_to_clear().filter(pk=candidate_id).update(phone="", profile="", cv="")
        if not cleared:
            return False
        _delete_file_on_commit(name or "")
    return True


def orphan_files(now: datetime) -> list[str]:
    """CV files older than a day that no candidate refers to."""
    storage = cv_storage()
    if not storage.exists(CV_FOLDER):
        return []
    referenced = set(Candidate.objects.exclude(cv="").values_list("cv", flat=True))
    folders, files = storage.listdir(CV_FOLDER)
    names = [f"{CV_FOLDER}/{name}" for name in files]
    for folder in folders:
        names += [
            f"{CV_FOLDER}/{folder}/{name}" for name in storage.listdir(f"{CV_FOLDER}/{folder}")[1]
        ]
    return sorted(
        name
        for name in names
        if name not in referenced and storage.get_modified_time(name) < now - ORPHAN_GRACE
    )


def purge(*, now: datetime | None = None, dry_run: bool = False) -> PurgeReport:
    """Apply the retention rules; with `dry_run`, only count what would go."""
    now = now or timezone.now()
    cv_ids = list(cvs_past_retention(now).order_by("pk").values_list("pk", flat=True))
    clear_ids = list(candidates_to_clear().order_by("pk").values_list("pk", flat=True))
    orphans = orphan_files(now)
    if dry_run:
        return PurgeReport(cvs=len(cv_ids), candidates=len(clear_ids), orphans=len(orphans))
    report = PurgeReport(
        cvs=sum(delete_cv(pk) for pk in cv_ids),
        candidates=sum(clear_candidate(pk) for pk in clear_ids),
        orphans=len(orphans),
    )
    storage = cv_storage()
    for name in orphans:
        storage.delete(name)
    if report.total:
        logger.info(
            "Purged %d CV(s), cleared %d anonymised candidate(s), deleted %d unused file(s)",
            report.cvs,
            report.candidates,
            report.orphans,
        )
    return report
