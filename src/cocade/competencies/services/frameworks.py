"""Writes of frameworks: import, new draft, publish, delete a draft.

A published version is immutable: every function that changes content first checks, under a
row lock, that the version is a draft (`ensure_draft`).
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocade.competencies.enums import VersionStatus
from cocade.competencies.interchange.data import FrameworkData, Problem, check_framework
from cocade.competencies.models import (
    Block,
    Competence,
    ExpectedLevel,
    ExternalMapping,
    Framework,
    FrameworkVersion,
    Indicator,
    LevelDescriptor,
    ProficiencyLevel,
)
from cocade.competencies.rules import is_framework_author
from cocade.competencies.selectors.frameworks import version_as_data
from cocade.core.audit import record_action
from cocade.core.errors import Conflict, Forbidden, InvalidInput, NotFound


class ImportRejected(InvalidInput):
    """An import with problems: all of them are in `problems` (and in `detail` for the API)."""

    code = "invalid_file"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(
            _("The file was not imported: %(count)d problem(s) to fix.") % {"count": len(problems)},
            detail={"problems": [str(problem) for problem in problems]},
        )


def ensure_author(actor: Any) -> None:
    if not is_framework_author(actor):
        raise Forbidden(_("Only the network's framework authors may change frameworks."))


def ensure_draft(version: FrameworkVersion) -> FrameworkVersion:
    """Lock the version row and refuse unless it is still a draft."""
    locked = FrameworkVersion.objects.select_for_update().filter(pk=version.pk).first()
    if locked is None:
        raise NotFound()
    if locked.status != VersionStatus.DRAFT:
        raise Conflict(
            _(
                "Version %(number)d is %(status)s and can no longer change; "
                "start a new draft to change the framework."
            )
            % {"number": locked.number, "status": locked.get_status_display().lower()},
            code="version_not_draft",
        )
    return locked


def _write_tree(version: FrameworkVersion, data: FrameworkData) -> None:
    """Create every row of `data` under `version` (which must be empty)."""
    lang = version.original_language
    levels = ProficiencyLevel.objects.bulk_create(
        ProficiencyLevel(
            version=version,
            rank=level.rank,
            code=level.code,
            label=level.label,
            description=level.description,
            original_language=lang,
        )
        for level in sorted(data.levels, key=lambda level: level.rank)
    )
    level_by_code = {level.code: level for level in levels}
    blocks = Block.objects.bulk_create(
        Block(
            version=version,
            code=block.code,
            position=position,
            title=block.title,
            description=block.description,
            original_language=lang,
        )
        for position, block in enumerate(data.blocks)
    )
    competences: list[Competence] = []
    sources = []
    for block_row, block in zip(blocks, data.blocks, strict=True):
        for position, competence in enumerate(block.competences):
            competences.append(
                Competence(
                    version=version,
                    block=block_row,
                    code=competence.code,
                    position=position,
                    title=competence.title,
                    description=competence.description,
                    original_language=lang,
                )
            )
            sources.append(competence)
    competences = Competence.objects.bulk_create(competences)
    indicators, descriptors, expected, mappings = [], [], [], []
    for row, competence in zip(competences, sources, strict=True):
        indicators += [
            Indicator(competence=row, position=position, text=text, original_language=lang)
            for position, text in enumerate(competence.indicators)
        ]
        descriptors += [
            LevelDescriptor(
                competence=row, level=level_by_code[code], text=text, original_language=lang
            )
            for code, text in competence.descriptors.items()
        ]
        expected += [
            ExpectedLevel(competence=row, profile=profile, level=level_by_code[code])
            for profile, code in competence.expected.items()
        ]
        mappings += [
            ExternalMapping(
                competence=row,
                scheme=mapping.scheme,
                reference=mapping.reference,
                label=mapping.label,
            )
            for mapping in competence.mappings
        ]
    Indicator.objects.bulk_create(indicators)
    LevelDescriptor.objects.bulk_create(descriptors)
    ExpectedLevel.objects.bulk_create(expected)
    ExternalMapping.objects.bulk_create(mappings)


def _clean_texts(data: FrameworkData) -> None:
    """Strip texts and drop empty translations, as the model fields do on save."""

    def clean(texts: dict[str, str]) -> dict[str, str]:
        return {code: text.strip() for code, text in texts.items() if text and text.strip()}

    data.title, data.description, data.change_note = (
        clean(data.title),
        clean(data.description),
        clean(data.change_note),
    )
    for level in data.levels:
        level.label, level.description = clean(level.label), clean(level.description)
    for block in data.blocks:
        block.title, block.description = clean(block.title), clean(block.description)
        for competence in block.competences:
            competence.title = clean(competence.title)
            competence.description = clean(competence.description)
            competence.indicators = [clean(texts) for texts in competence.indicators]
            competence.descriptors = {
                code: clean(texts) for code, texts in competence.descriptors.items()
            }


def import_framework(
    *,
    actor: Any,
    data: FrameworkData,
    publish: bool = False,
    replace_draft: bool = False,
) -> FrameworkVersion:
    """Check `data` whole, then write it as the next draft of its framework (creating the
    framework if its slug is new), and publish it when asked. Any problem: nothing written."""
    if actor is not None:
        ensure_author(actor)
    problems = check_framework(data)
    if problems:
        raise ImportRejected(problems)
    _clean_texts(data)
    try:
        with transaction.atomic():
            framework, created = Framework.objects.get_or_create(slug=data.slug)
            framework = Framework.objects.select_for_update().get(pk=framework.pk)
            draft = framework.versions.filter(status=VersionStatus.DRAFT).first()
            if draft is not None:
                if not replace_draft:
                    raise Conflict(
                        _(
                            "The framework “%(slug)s” already has a draft (version %(number)d); "
                            "publish or delete it first, or choose to replace it."
                        )
                        % {"slug": data.slug, "number": draft.number},
                        code="draft_exists",
                    )
                number = draft.number
                draft.delete()
            else:
                last = framework.versions.order_by("-number").first()
                number = (last.number + 1) if last else 1
            version = FrameworkVersion.objects.create(
                framework=framework,
                number=number,
                status=VersionStatus.DRAFT,
                title=data.title,
                description=data.description,
                change_note=data.change_note,
                original_language=data.original_language,
                created_by=actor,
            )
            _write_tree(version, data)
            record_action(
                actor=actor,
                action="competencies.version.imported",
                target=version,
                centre_id=None,
                changes={
                    "framework": {"before": None, "after": data.slug},
                    "number": {"before": None, "after": number},
                    "competences": {"before": None, "after": len(data.competences())},
                },
            )
            if publish:
                version = publish_version(actor=actor, version=version)
    except IntegrityError as error:
        raise Conflict(
            _("This conflicts with data saved meanwhile; reload and try again.")
        ) from error
    return version


def start_new_draft(*, actor: Any, framework: Framework) -> FrameworkVersion:
    """Copy the latest version into a new draft: the only way to change a published framework."""
    ensure_author(actor)
    with transaction.atomic():
        framework = Framework.objects.select_for_update().get(pk=framework.pk)
        if framework.versions.filter(status=VersionStatus.DRAFT).exists():
            raise Conflict(
                _("This framework already has a draft; change that one."), code="draft_exists"
            )
        latest = framework.versions.order_by("-number").first()
        if latest is None:
            raise Conflict(_("This framework has no version to start from."), code="no_version")
        data = version_as_data(latest)
        version = FrameworkVersion.objects.create(
            framework=framework,
            number=latest.number + 1,
            status=VersionStatus.DRAFT,
            title=data.title,
            description=data.description,
            change_note={},
            original_language=data.original_language,
            created_by=actor,
        )
        _write_tree(version, data)
        record_action(
            actor=actor,
            action="competencies.version.drafted",
            target=version,
            centre_id=None,
            changes={"based_on": {"before": None, "after": latest.number}},
        )
    return version


def publish_version(*, actor: Any, version: FrameworkVersion) -> FrameworkVersion:
    """Publish a complete draft; the version published until now becomes superseded."""
    if actor is not None:
        ensure_author(actor)
    with transaction.atomic():
        Framework.objects.select_for_update().get(pk=version.framework_id)
        version = ensure_draft(version)
        problems = check_framework(version_as_data(version))
        if problems:
            raise InvalidInput(
                _("This draft cannot be published yet: %(count)d problem(s) to fix.")
                % {"count": len(problems)},
                code="incomplete_version",
                detail={"problems": [str(problem) for problem in problems]},
            )
        now = timezone.now()
        current = FrameworkVersion.objects.filter(
            framework_id=version.framework_id, status=VersionStatus.PUBLISHED
        ).first()
        if current is not None:
            current.status = VersionStatus.SUPERSEDED
            current.superseded_at = now
            current.save(update_fields=["status", "superseded_at"])
            record_action(
                actor=actor,
                action="competencies.version.superseded",
                target=current,
                centre_id=None,
                changes={"status": {"before": "published", "after": "superseded"}},
            )
        version.status = VersionStatus.PUBLISHED
        version.published_at = now
        version.published_by = actor
        version.save(update_fields=["status", "published_at", "published_by"])
        record_action(
            actor=actor,
            action="competencies.version.published",
            target=version,
            centre_id=None,
            changes={"status": {"before": "draft", "after": "published"}},
        )
    return version


def delete_draft(*, actor: Any, version: FrameworkVersion) -> None:
    ensure_author(actor)
    with transaction.atomic():
        version = ensure_draft(version)
        record_action(
            actor=actor,
            action="competencies.version.deleted",
            target=version,
            centre_id=None,
            changes={"number": {"before": version.number, "after": None}},
        )
        framework = version.framework
        version.delete()
        if not framework.versions.exists():
            framework.delete()
