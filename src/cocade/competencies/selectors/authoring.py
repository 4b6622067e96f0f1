"""Reads for the authors of frameworks: every framework with its versions, the languages each
version is complete in (in a fixed number of queries), and how far each language is translated.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch

from cocade.competencies.enums import ExpectedProfile
from cocade.competencies.interchange.data import FrameworkData, Texts
from cocade.competencies.models import (
    Block,
    Competence,
    Framework,
    FrameworkVersion,
    Indicator,
    LevelDescriptor,
    ProficiencyLevel,
)


def frameworks_with_versions() -> list[Framework]:
    """Every framework, its versions newest first (`framework.all_versions`)."""
    versions = FrameworkVersion.objects.order_by("-number")
    return list(
        Framework.objects.order_by("slug").prefetch_related(
            Prefetch("versions", queryset=versions, to_attr="all_versions")
        )
    )


def _has(texts: Texts | None, code: str) -> bool:
    return bool(((texts or {}).get(code) or "").strip())


def complete_languages(
    version_ids: Iterable[int], *, titles: Mapping[int, Texts] | None = None
) -> dict[int, list[str]]:
    """For each version, the languages in which every required text is given: the same answer
    as `version_as_data(version).languages()`, for many versions in six queries (five when the
    caller already has the versions' titles)."""
    ids = list(version_ids)
    required: dict[int, list[Texts]] = defaultdict(list)
    sources = (
        FrameworkVersion.objects.filter(pk__in=ids).values_list("pk", "title")
        if titles is None
        else list(titles.items()),
        ProficiencyLevel.objects.filter(version_id__in=ids).values_list("version_id", "label"),
        Block.objects.filter(version_id__in=ids).values_list("version_id", "title"),
        Competence.objects.filter(version_id__in=ids).values_list("version_id", "title"),
        Indicator.objects.filter(competence__version_id__in=ids).values_list(
            "competence__version_id", "text"
        ),
        LevelDescriptor.objects.filter(competence__version_id__in=ids).values_list(
            "competence__version_id", "text"
        ),
    )
    for rows in sources:
        for version_id, texts in rows:
            required[version_id].append(texts)
    codes = [code for code, _name in settings.LANGUAGES]
    return {
        version_id: [
            code for code in codes if all(_has(texts, code) for texts in required[version_id])
        ]
        for version_id in ids
    }


@dataclass(frozen=True)
class Coverage:
    """How many of the version's texts one language has."""

    language: str
    name: str
    translated: int
    total: int

    @property
    def complete(self) -> bool:
        return self.translated == self.total

    @property
    def percent(self) -> int:
        return 100 if not self.total else self.translated * 100 // self.total


def all_texts(data: FrameworkData) -> list[Texts]:
    """Every text of the version (required or not) that is written in at least one language."""
    texts: list[Texts] = [data.title, data.description, data.change_note]
    for level in data.levels:
        texts += [level.label, level.description]
    for block in data.blocks:
        texts += [block.title, block.description]
        for competence in block.competences:
            texts += [competence.title, competence.description]
            texts += competence.indicators
            texts += list(competence.descriptors.values())
    return [value for value in texts if any((text or "").strip() for text in value.values())]


def language_coverage(data: FrameworkData) -> list[Coverage]:
    """For each language of the site: how many of the version's texts it has, out of all."""
    texts = all_texts(data)
    return [
        Coverage(
            language=code,
            name=name,
            translated=sum(1 for value in texts if _has(value, code)),
            total=len(texts),
        )
        for code, name in settings.LANGUAGES
    ]


@dataclass(frozen=True)
class ScaleRow:
    """One level of the scale as it applies to one competence."""

    level: ProficiencyLevel
    descriptor: LevelDescriptor | None
    #: The profiles (display names) expected at this level.
    profiles: tuple[str, ...]


def decorate_tree(version: FrameworkVersion) -> FrameworkVersion:
    """On a version whose tree is prefetched (`version_tree` or `version_as_data`), give each
    competence what its page shows, without another query: `scale_rows` (the levels that have
    a descriptor or an expected profile), `expected_rows` ((profile name, level) in career
    order) and `mapping_rows` (each mapping with `url` when its item is a web address)."""
    levels = {level.pk: level for level in version.tree_levels}
    profile_names = dict(ExpectedProfile.choices)
    profile_order = list(ExpectedProfile.values)
    for block in version.tree_blocks:
        for competence in block.competences.all():
            descriptors = {d.level_id: d for d in competence.descriptors.all()}
            expected = sorted(
                competence.expected_levels.all(), key=lambda e: profile_order.index(e.profile)
            )
            competence.expected_rows = [
                (profile_names[e.profile], levels[e.level_id]) for e in expected
            ]
            rows = []
            for level in version.tree_levels:
                profiles = tuple(
                    str(profile_names[e.profile]) for e in expected if e.level_id == level.pk
                )
                if level.pk in descriptors or profiles:
                    rows.append(ScaleRow(level, descriptors.get(level.pk), profiles))
            competence.scale_rows = rows
            mappings = list(competence.mappings.all())
            for mapping in mappings:
                reference = mapping.reference
                mapping.url = reference if reference.startswith(("https://", "http://")) else ""
            competence.mapping_rows = mappings
    return version
