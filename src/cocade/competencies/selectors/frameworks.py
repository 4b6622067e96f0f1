"""Reads of frameworks and their versions."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from cocade.competencies.enums import VersionStatus
from cocade.competencies.interchange.data import (
    BlockData,
    CompetenceData,
    FrameworkData,
    LevelData,
    MappingData,
)
from cocade.competencies.models import (
    Block,
    Competence,
    Framework,
    FrameworkVersion,
    ProficiencyLevel,
)
from cocade.competencies.rules import is_framework_author
from cocade.core.errors import NotFound


def versions_visible_to(user: Any) -> QuerySet[FrameworkVersion]:
    """Published and superseded versions for everyone; drafts too for framework authors."""
    versions = FrameworkVersion.objects.select_related("framework")
    if user is not None and is_framework_author(user):
        return versions
    return versions.public()


def published_versions() -> QuerySet[FrameworkVersion]:
    """The current version of every framework that has one."""
    return (
        FrameworkVersion.objects.published().select_related("framework").order_by("framework__slug")
    )


def get_framework(slug: str) -> Framework:
    try:
        return Framework.objects.get(slug=slug)
    except Framework.DoesNotExist as error:
        raise NotFound() from error


def get_version_for_user(user: Any, slug: str, number: int | None = None) -> FrameworkVersion:
    """A version the user may read: `number` None means the published one. 404 otherwise."""
    versions = versions_visible_to(user).filter(framework__slug=slug)
    try:
        if number is None:
            return versions.get(status=VersionStatus.PUBLISHED)
        return versions.get(number=number)
    except FrameworkVersion.DoesNotExist as error:
        raise NotFound() from error


def previous_version(version: FrameworkVersion) -> FrameworkVersion | None:
    """The version before this one that was published (the base of "what changed")."""
    return (
        FrameworkVersion.objects.filter(
            framework_id=version.framework_id, number__lt=version.number
        )
        .public()
        .order_by("-number")
        .first()
    )


def version_tree(version: FrameworkVersion) -> FrameworkVersion:
    """The version with its levels and blocks → competences → indicators, descriptors, expected
    levels and mappings prefetched (a fixed number of queries whatever the size)."""
    competences = Competence.objects.order_by("position", "code").prefetch_related(
        "indicators", "descriptors__level", "expected_levels__level", "mappings"
    )
    version.tree_levels = list(version.levels.order_by("rank"))
    version.tree_blocks = list(
        version.blocks.order_by("position", "code").prefetch_related(
            Prefetch("competences", queryset=competences)
        )
    )
    return version


def levels_of(version: FrameworkVersion) -> list[ProficiencyLevel]:
    return list(ProficiencyLevel.objects.filter(version=version).order_by("rank"))


def competences_of(version: FrameworkVersion) -> list[Competence]:
    return list(
        Competence.objects.filter(version=version)
        .select_related("block")
        .order_by("block__position", "block__code", "position", "code")
    )


def version_as_data(version: FrameworkVersion) -> FrameworkData:
    """The whole version as plain data: what exports write and new drafts copy."""
    version_tree(version)
    levels = {level.pk: level for level in version.tree_levels}
    blocks: list[BlockData] = []
    for block in version.tree_blocks:
        competences = []
        competence: Competence
        for competence in block.competences.all():
            competences.append(
                CompetenceData(
                    code=competence.code,
                    title=dict(competence.title),
                    description=dict(competence.description),
                    indicators=[dict(ind.text) for ind in competence.indicators.all()],
                    descriptors={
                        levels[d.level_id].code: dict(d.text)
                        for d in sorted(competence.descriptors.all(), key=lambda d: d.level.rank)
                    },
                    expected={
                        e.profile: levels[e.level_id].code for e in competence.expected_levels.all()
                    },
                    mappings=[
                        MappingData(scheme=m.scheme, reference=m.reference, label=m.label)
                        for m in competence.mappings.all()
                    ],
                )
            )
        blocks.append(
            BlockData(
                code=block.code,
                title=dict(block.title),
                description=dict(block.description),
                competences=competences,
            )
        )
    return FrameworkData(
        slug=version.framework.slug,
        original_language=version.original_language,
        title=dict(version.title),
        description=dict(version.description),
        change_note=dict(version.change_note),
        levels=[
            LevelData(
                rank=level.rank,
                code=level.code,
                label=dict(level.label),
                description=dict(level.description),
            )
            for level in version.tree_levels
        ],
        blocks=blocks,
        version=version.number,
        status=version.status,
    )


def block_of(version: FrameworkVersion, code: str) -> Block:
    try:
        return version.blocks.get(code=code)
    except Block.DoesNotExist as error:
        raise NotFound() from error
