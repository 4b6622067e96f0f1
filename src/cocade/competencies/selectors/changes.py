"""What changed between two versions of a framework, compared by codes.

`version_changes(old, new)` is a pure function on plain data (`FrameworkData`, see
`selectors.frameworks.version_as_data`): levels, blocks and competences are matched by their
codes, texts compared per language. With no old version (the first one), everything is added.
The version's own change note is not compared: it is the note of the new version.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings

from cocade.competencies.enums import ExpectedProfile, MappingScheme
from cocade.competencies.interchange.data import CompetenceData, FrameworkData, Texts
from cocade.core.i18n import Localized, localize


class _Titled:
    """The title (or label) in the active language, with a fallback mark, for templates."""

    title: Texts

    @property
    def title_i18n(self) -> Localized:
        return localize(self.title, "")


@dataclass(frozen=True)
class Item(_Titled):
    """A level, block or competence added or removed (its block for a competence)."""

    code: str
    title: Texts
    block: str = ""


@dataclass(frozen=True)
class LevelChange:
    code: str
    label: Texts
    #: (before, after) when the level changed rank.
    rank: tuple[int, int] | None = None
    label_languages: tuple[str, ...] = ()
    description_languages: tuple[str, ...] = ()

    @property
    def label_i18n(self) -> Localized:
        return localize(self.label, "")


@dataclass(frozen=True)
class BlockChange(_Titled):
    code: str
    title: Texts
    title_languages: tuple[str, ...] = ()
    description_languages: tuple[str, ...] = ()

    @property
    def renamed(self) -> bool:
        return bool(self.title_languages)


@dataclass(frozen=True)
class CompetenceMove(_Titled):
    code: str
    title: Texts
    from_block: str
    to_block: str


@dataclass(frozen=True)
class ExpectedChange:
    """The level expected of a profile: a level code, or None for no expectation."""

    profile: str
    before: str | None
    after: str | None

    @property
    def profile_label(self) -> str:
        return str(dict(ExpectedProfile.choices).get(self.profile, self.profile))


@dataclass(frozen=True)
class Mapping:
    """A link to an item of an external reference."""

    scheme: str
    reference: str
    label: str = ""

    @property
    def scheme_label(self) -> str:
        return str(dict(MappingScheme.choices).get(self.scheme, self.scheme))


@dataclass(frozen=True)
class CompetenceChange(_Titled):
    code: str
    block: str
    title: Texts
    title_languages: tuple[str, ...] = ()
    description_languages: tuple[str, ...] = ()
    #: (count before, count after) when the indicators differ in any way.
    indicators: tuple[int, int] | None = None
    indicator_languages: tuple[str, ...] = ()
    #: The level codes whose descriptor was added, removed or changed.
    descriptors: tuple[str, ...] = ()
    expected: tuple[ExpectedChange, ...] = ()
    mappings_added: tuple[Mapping, ...] = ()
    mappings_removed: tuple[Mapping, ...] = ()

    @property
    def fields(self) -> list[str]:
        """The parts that changed, in a fixed order."""
        parts = {
            "title": self.title_languages,
            "description": self.description_languages,
            "indicators": self.indicators,
            "descriptors": self.descriptors,
            "expected": self.expected,
            "mappings": self.mappings_added or self.mappings_removed,
        }
        return [name for name, value in parts.items() if value]


@dataclass
class Changes:
    #: The number of the version compared with.
    since: int | None
    version: int | None
    #: True when there is no version before: everything is added.
    first: bool = False
    title_languages: tuple[str, ...] = ()
    description_languages: tuple[str, ...] = ()
    #: (before, after) when the original language changed.
    original_language: tuple[str, str] | None = None
    levels_added: list[Item] = field(default_factory=list)
    levels_removed: list[Item] = field(default_factory=list)
    levels_changed: list[LevelChange] = field(default_factory=list)
    blocks_added: list[Item] = field(default_factory=list)
    blocks_removed: list[Item] = field(default_factory=list)
    blocks_changed: list[BlockChange] = field(default_factory=list)
    competences_added: list[Item] = field(default_factory=list)
    competences_removed: list[Item] = field(default_factory=list)
    competences_moved: list[CompetenceMove] = field(default_factory=list)
    competences_changed: list[CompetenceChange] = field(default_factory=list)

    @property
    def framework_changed(self) -> bool:
        return bool(self.title_languages or self.description_languages or self.original_language)

    @property
    def has_changes(self) -> bool:
        return self.framework_changed or any(
            (
                self.levels_added,
                self.levels_removed,
                self.levels_changed,
                self.blocks_added,
                self.blocks_removed,
                self.blocks_changed,
                self.competences_added,
                self.competences_removed,
                self.competences_moved,
                self.competences_changed,
            )
        )


def _language_order(codes: Iterable[str]) -> tuple[str, ...]:
    known = [code for code, _name in settings.LANGUAGES]
    codes = set(codes)
    return tuple([code for code in known if code in codes] + sorted(codes - set(known)))


def changed_languages(before: Texts | None, after: Texts | None) -> tuple[str, ...]:
    """The languages whose text was added, removed or changed."""
    before, after = before or {}, after or {}
    return _language_order(
        code
        for code in set(before) | set(after)
        if (before.get(code) or "").strip() != (after.get(code) or "").strip()
    )


def _list_languages(before: list[Texts], after: list[Texts]) -> tuple[str, ...]:
    codes: set[str] = set()
    for index in range(max(len(before), len(after))):
        old = before[index] if index < len(before) else {}
        new = after[index] if index < len(after) else {}
        codes.update(changed_languages(old, new))
    return _language_order(codes)


def _mappings(competence: CompetenceData) -> list[Mapping]:
    return [Mapping(m.scheme, m.reference, m.label) for m in competence.mappings]


def _competence_change(block: str, old: CompetenceData, new: CompetenceData) -> CompetenceChange:
    indicators = None
    if old.indicators != new.indicators:
        indicators = (len(old.indicators), len(new.indicators))
    level_codes = list(new.descriptors) + [c for c in old.descriptors if c not in new.descriptors]
    descriptors = tuple(
        code
        for code in level_codes
        if changed_languages(old.descriptors.get(code), new.descriptors.get(code))
    )
    profiles = list(new.expected) + [p for p in old.expected if p not in new.expected]
    expected = tuple(
        ExpectedChange(profile, old.expected.get(profile), new.expected.get(profile))
        for profile in sorted(profiles, key=_profile_order)
        if old.expected.get(profile) != new.expected.get(profile)
    )
    old_mappings, new_mappings = _mappings(old), _mappings(new)
    return CompetenceChange(
        code=new.code,
        block=block,
        title=new.title,
        title_languages=changed_languages(old.title, new.title),
        description_languages=changed_languages(old.description, new.description),
        indicators=indicators,
        indicator_languages=_list_languages(old.indicators, new.indicators),
        descriptors=descriptors,
        expected=expected,
        mappings_added=tuple(m for m in new_mappings if m not in old_mappings),
        mappings_removed=tuple(m for m in old_mappings if m not in new_mappings),
    )


def _profile_order(profile: str) -> tuple[int, str]:
    order = ("newcomer", "counsellor", "senior")
    return (order.index(profile) if profile in order else len(order), profile)


def version_changes(old: FrameworkData | None, new: FrameworkData) -> Changes:
    """Everything that differs from `old` to `new` (with `old` None, everything is added)."""
    first = old is None
    if old is None:
        old = FrameworkData(slug=new.slug, original_language=new.original_language, title={})
    changes = Changes(since=None if first else old.version, version=new.version, first=first)
    if not first:
        changes.title_languages = changed_languages(old.title, new.title)
        changes.description_languages = changed_languages(old.description, new.description)
        if old.original_language != new.original_language:
            changes.original_language = (old.original_language, new.original_language)

    old_levels = {level.code: level for level in old.levels}
    new_levels = {level.code: level for level in new.levels}
    for level in new.levels:
        before = old_levels.get(level.code)
        if before is None:
            changes.levels_added.append(Item(level.code, level.label))
            continue
        change = LevelChange(
            code=level.code,
            label=level.label,
            rank=(before.rank, level.rank) if before.rank != level.rank else None,
            label_languages=changed_languages(before.label, level.label),
            description_languages=changed_languages(before.description, level.description),
        )
        if change.rank or change.label_languages or change.description_languages:
            changes.levels_changed.append(change)
    changes.levels_removed = [
        Item(level.code, level.label) for level in old.levels if level.code not in new_levels
    ]

    old_blocks = {block.code: block for block in old.blocks}
    new_blocks = {block.code: block for block in new.blocks}
    for block in new.blocks:
        before_block = old_blocks.get(block.code)
        if before_block is None:
            changes.blocks_added.append(Item(block.code, block.title))
            continue
        block_change = BlockChange(
            code=block.code,
            title=block.title,
            title_languages=changed_languages(before_block.title, block.title),
            description_languages=changed_languages(before_block.description, block.description),
        )
        if block_change.title_languages or block_change.description_languages:
            changes.blocks_changed.append(block_change)
    changes.blocks_removed = [
        Item(block.code, block.title) for block in old.blocks if block.code not in new_blocks
    ]

    old_competences = {c.code: (b.code, c) for b in old.blocks for c in b.competences}
    new_codes = {c.code for b in new.blocks for c in b.competences}
    for block in new.blocks:
        for competence in block.competences:
            found = old_competences.get(competence.code)
            if found is None:
                changes.competences_added.append(
                    Item(competence.code, competence.title, block.code)
                )
                continue
            old_block, before_competence = found
            if old_block != block.code:
                changes.competences_moved.append(
                    CompetenceMove(competence.code, competence.title, old_block, block.code)
                )
            competence_change = _competence_change(block.code, before_competence, competence)
            if competence_change.fields:
                changes.competences_changed.append(competence_change)
    changes.competences_removed = [
        Item(competence.code, competence.title, block.code)
        for block in old.blocks
        for competence in block.competences
        if competence.code not in new_codes
    ]
    return changes
