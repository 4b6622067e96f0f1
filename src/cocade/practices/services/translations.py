"""Translations of a sheet into the network's other languages.

Each translation has its own translator and status (being translated → ready for checking →
published). Only an editor publishes a translation, and only published translations of a
published sheet are public and searchable. The original language is edited with the sheet.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocade.core.audit import record_action
from cocade.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from cocade.core.i18n import language_codes
from cocade.practices import rules
from cocade.practices.enums import PracticeStatus, TranslationStatus
from cocade.practices.models import Practice, PracticeTranslation
from cocade.practices.services.sheets import _lock, clean_texts, record_revision, reindex


def _check_translation_version(translation: PracticeTranslation, expected: int | None) -> None:
    if expected is not None and expected != translation.lock_version:
        raise Conflict(
            _(
                "This translation was changed by someone else since you opened it. Your changes "
                "were not saved: reload it, then make them again."
            ),
            code="stale",
        )


def start_translation(
    *, actor: Any, practice: Practice, language: str, texts: Mapping[str, Any]
) -> PracticeTranslation:
    """`actor` becomes the translator of a new language of the sheet."""
    if language not in language_codes():
        raise InvalidInput(_("Choose one of the network's languages."), field="language")
    values = clean_texts(texts)
    with transaction.atomic():
        practice = _lock(practice)
        if not rules.can_view_practice(actor, practice):
            raise NotFound()
        if not rules.can_translate(actor, practice):
            raise Forbidden(_("Only the network's staff translate sheets."))
        if practice.status == PracticeStatus.ARCHIVED:
            raise Conflict(_("An archived sheet is not translated."), code="wrong_status")
        if (
            language == practice.original_language
            or practice.translations.filter(language=language).exists()
        ):
            raise Conflict(
                _("This sheet already has a text in this language."), code="already_translated"
            )
        try:
            with transaction.atomic():
                translation = PracticeTranslation.objects.create(
                    practice=practice, language=language, translator=actor, **values
                )
        except IntegrityError as error:
            raise Conflict(
                _("This sheet already has a text in this language."), code="already_translated"
            ) from error
        record_revision(actor=actor, practice=practice, translation=translation)
        record_action(
            actor=actor,
            action="practices.translation.created",
            target=practice,
            centre_id=practice.centre_id,
            changes={"language": [None, language]},
        )
    return translation


def update_translation(
    *,
    actor: Any,
    translation: PracticeTranslation,
    expected_version: int | None,
    texts: Mapping[str, Any],
) -> PracticeTranslation:
    """The translator (or an editor) changes the text. A published translation stays
    published and is re-indexed; it goes through an editor again only if it is new."""
    values = clean_texts(texts, partial=True)
    with transaction.atomic():
        practice = _lock(translation.practice)
        translation = PracticeTranslation.objects.select_for_update().get(pk=translation.pk)
        if not rules.can_view_practice(actor, practice):
            raise NotFound()
        if translation.language == practice.original_language:
            raise Conflict(
                _("The original text is changed with the sheet itself."), code="original"
            )
        if not rules.can_edit_translation(actor, practice, translation):
            raise Forbidden(_("Only its translator or an editor can change this translation."))
        _check_translation_version(translation, expected_version)
        for name, value in values.items():
            setattr(translation, name, value)
        translation.lock_version += 1
        translation.save()
        revision = record_revision(actor=actor, practice=practice, translation=translation)
        record_action(
            actor=actor,
            action="practices.translation.updated",
            target=practice,
            centre_id=practice.centre_id,
            changes={
                "language": [translation.language, translation.language],
                "fields": revision.changed_fields if revision else [],
            },
        )
        if translation.status == TranslationStatus.PUBLISHED:
            reindex(practice)
    return translation


def set_translation_status(
    *, actor: Any, translation: PracticeTranslation, status: str
) -> PracticeTranslation:
    """Translator: draft ⇄ ready. Editor: publish a ready translation, or take one back."""
    if status not in TranslationStatus.values:
        raise InvalidInput(_("Unknown status."), field="status")
    with transaction.atomic():
        practice = _lock(translation.practice)
        translation = PracticeTranslation.objects.select_for_update().get(pk=translation.pk)
        if not rules.can_view_practice(actor, practice):
            raise NotFound()
        if translation.language == practice.original_language:
            raise Conflict(
                _("The original text is published with the sheet itself."), code="original"
            )
        is_editor = rules.is_editor_of(actor, practice)
        if not rules.can_edit_translation(actor, practice, translation):
            raise Forbidden(_("Only its translator or an editor can change this translation."))
        if (
            status == TranslationStatus.PUBLISHED
            or translation.status == (TranslationStatus.PUBLISHED)
        ) and not is_editor:
            raise Forbidden(_("Only an editor publishes a translation."))
        if status == TranslationStatus.PUBLISHED and translation.status != (
            TranslationStatus.READY
        ):
            raise Conflict(
                _("A translation is published once its translator marks it ready."),
                code="wrong_status",
            )
        if status == translation.status:
            raise Conflict(_("The translation already has this status."), code="wrong_status")
        before = translation.status
        translation.status = status
        if status == TranslationStatus.PUBLISHED:
            translation.published_at = timezone.now()
        translation.save(update_fields=["status", "published_at", "updated_at"])
        record_action(
            actor=actor,
            action="practices.translation.status_changed",
            target=practice,
            centre_id=practice.centre_id,
            changes={"language": [translation.language] * 2, "status": [before, status]},
        )
        if TranslationStatus.PUBLISHED in (before, status):
            reindex(practice)
    return translation
