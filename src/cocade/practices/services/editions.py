"""The printed Vademecum: an editor asks for an edition in one language, the worker builds it.

One edition per language is in progress at a time (a conditional unique constraint of
`VademecumEdition`): asking again while one waits for the worker gives that one back, and
while one is being built is refused. The build renders the published sheets one by one,
saving its progress every few sheets so that the page can show it, then typesets the whole
book; it ends "done" with the file, or "failed" with the reason, never left "being built".
Building an edition that is not waiting (done, failed, or taken by another worker) does nothing.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from cocade.core.audit import record_action
from cocade.core.errors import Conflict, Forbidden, InvalidInput
from cocade.core.i18n import language_codes
from cocade.practices import pdf, rules
from cocade.practices.enums import EditionStatus
from cocade.practices.models import Practice, VademecumEdition

logger = logging.getLogger(__name__)

IN_PROGRESS = (EditionStatus.QUEUED, EditionStatus.RUNNING)
#: Progress is saved after this many sheets (and after the last one).
PROGRESS_EVERY = 5
#: An edition still waiting or being built after this long was lost by the worker.
ABANDONED_AFTER = timedelta(hours=6)


def _fail_abandoned(language: str) -> None:
    """An edition left in progress by a stopped worker no longer blocks a new request."""
    VademecumEdition.objects.filter(
        language=language,
        status__in=IN_PROGRESS,
        created_at__lt=timezone.now() - ABANDONED_AFTER,
    ).update(
        status=EditionStatus.FAILED,
        error="Abandoned: the worker did not finish this edition.",
        finished_at=timezone.now(),
    )


def _in_progress(language: str) -> VademecumEdition | None:
    return VademecumEdition.objects.filter(language=language, status__in=IN_PROGRESS).first()


def _already(existing: VademecumEdition) -> VademecumEdition:
    """A second request while one is in progress: the queued one back, else refused."""
    if existing.status == EditionStatus.QUEUED:
        return existing
    raise Conflict(
        _(
            "An edition in this language is being built. Wait until it is ready before asking "
            "for a new one."
        ),
        code="edition_in_progress",
    )


def request_edition(*, actor: Any, language: str) -> VademecumEdition:
    """Queue a new edition of the Vademecum in `language` (editors only)."""
    if not rules.is_editor(actor):
        raise Forbidden(_("Only the editors of the Vademecum ask for a printed edition."))
    if language not in language_codes():
        raise InvalidInput(_("Choose one of the network's languages."), field="language")
    from cocade.practices.tasks import build_vademecum_edition

    with transaction.atomic():
        _fail_abandoned(language)
        existing = _in_progress(language)
        if existing is not None:
            return _already(existing)
        try:
            with transaction.atomic():
                edition = VademecumEdition.objects.create(language=language, requested_by=actor)
        except IntegrityError as error:
            existing = _in_progress(language)
            if existing is None:
                raise Conflict(
                    _("The edition could not be queued. Try again."), code="edition_in_progress"
                ) from error
            return _already(existing)
        record_action(
            actor=actor,
            action="practices.edition.requested",
            target=edition,
            changes={"language": [None, language]},
        )
        transaction.on_commit(lambda: build_vademecum_edition.enqueue(edition.pk))
    return edition


def _save_progress(edition: VademecumEdition, done: int) -> None:
    edition.progress_done = done
    VademecumEdition.objects.filter(pk=edition.pk).update(progress_done=done)


def _failure_text(error: BaseException, edition: VademecumEdition) -> str:
    """What went wrong, for the editors: the kind of error and where, no text of a sheet."""
    return (
        f"{type(error).__name__} after {edition.progress_done} of {edition.progress_total} sheets."
    )


def build_edition(edition_id: int) -> VademecumEdition | None:
    """Build a queued edition (run by the worker). Anything else is left as it is."""
    claimed = VademecumEdition.objects.filter(pk=edition_id, status=EditionStatus.QUEUED).update(
        status=EditionStatus.RUNNING, progress_done=0, progress_total=0, error=""
    )
    edition = VademecumEdition.objects.filter(pk=edition_id).first()
    if not claimed or edition is None:
        return edition
    try:
        _build(edition)
    except BaseException as error:  # an interrupted worker too: never left "being built"
        logger.exception("Vademecum edition %s failed", edition.pk)
        VademecumEdition.objects.filter(pk=edition.pk).update(
            status=EditionStatus.FAILED,
            error=_failure_text(error, edition),
            finished_at=timezone.now(),
        )
        if edition.file:
            edition.file.delete(save=False)
        if not isinstance(error, Exception):
            raise
    edition.refresh_from_db()
    return edition


def _build(edition: VademecumEdition) -> None:
    from cocade.directory.selectors import get_network

    language = edition.language
    with translation.override(language):
        practices = list(
            Practice.objects.published()
            .select_related("centre")
            .prefetch_related("translations", "competences")
            .order_by("pk")
        )
        edition.progress_total = len(practices)
        VademecumEdition.objects.filter(pk=edition.pk).update(progress_total=len(practices))
        sheets = [sheet for p in practices if (sheet := pdf.printed_sheet(p, language))]
        groups = pdf.group_sheets(sheets)
        done = len(practices) - len(sheets)  # sheets without a text are skipped
        for sheet, pole, kind in pdf.walk(groups):
            sheet.html = pdf.render_sheet(sheet, in_book=True, pole=pole, kind=kind)
            done += 1
            if done % PROGRESS_EVERY == 0:
                _save_progress(edition, done)
        _save_progress(edition, len(practices))
        network = get_network()
        today = timezone.localdate()
        content, pages = pdf.book_pdf(
            groups=groups,
            language_name=pdf.language_label(language),
            network_name=str(network) if network else "",
            date=today,
            sheet_count=len(sheets),
        )
    edition.file.save(
        f"vademecum-{language}-{today:%Y-%m-%d}-{edition.pk}.pdf", ContentFile(content), save=False
    )
    VademecumEdition.objects.filter(pk=edition.pk, status=EditionStatus.RUNNING).update(
        status=EditionStatus.DONE,
        file=edition.file.name,
        page_count=pages,
        sheet_count=len(sheets),
        finished_at=timezone.now(),
    )
