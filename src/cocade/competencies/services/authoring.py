"""Authoring a draft version of a framework: its texts, scale, blocks, competences, indicators,
level descriptors, expected levels and external mappings.

Every function first checks that the actor is a framework author (`Forbidden`), then, in one
transaction, locks the version and refuses unless it is still a draft (`Conflict` with code
`version_not_draft`), validates (`full_clean`, codes unique in the version, levels on the
version's scale), writes, and records the audit trail. A refusal writes nothing.

Child rows (levels, blocks, competences, indicators, descriptors) always carry the version's
original language, so that "the text in the original language" means the same thing
everywhere in a version.

Errors of the list-like writes name the entry: `indicators.<index>`,
`descriptors.<level code>`, `expected.<profile>`, `mappings.<index>.<field>` (index from 0, in
the order given), so that a form or an API client can show each message at its place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from cocade.competencies.enums import ExpectedProfile, MappingScheme, VersionStatus
from cocade.competencies.interchange.data import CODE_MAX_LENGTH, CODE_RE, MappingData
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
from cocade.competencies.services.frameworks import ensure_author, ensure_draft
from cocade.core.audit import diff, record_action, snapshot
from cocade.core.errors import Conflict, InvalidInput, NotFound
from cocade.core.services import delete_with_audit

Texts = Mapping[str, str]
M = TypeVar("M", bound=models.Model)

VERSION_FIELDS = ("title", "description", "change_note", "original_language")
LEVEL_FIELDS = ("code", "label", "description")
BLOCK_FIELDS = ("code", "position", "title", "description")
COMPETENCE_FIELDS = ("block", "code", "position", "title", "description")

# --- Helpers ------------------------------------------------------------------------------------


def _locked_draft(version_id: int) -> FrameworkVersion:
    """Inside a transaction: the version row, locked, if it is still a draft."""
    try:
        return ensure_draft(FrameworkVersion(pk=version_id))
    except FrameworkVersion.DoesNotExist as error:  # deleted meanwhile
        raise NotFound() from error


def _child(model: type[M], pk: Any, **lookups: Any) -> M:
    """Re-read a row of the locked version (it may have been deleted meanwhile)."""
    try:
        return model._default_manager.get(pk=pk, **lookups)
    except ObjectDoesNotExist as error:
        raise NotFound() from error


def _is_blank(texts: Any) -> bool:
    """A {language: text} value with no text at all (a blank row of a form)."""
    if texts is None:
        return True
    if not isinstance(texts, Mapping):
        return False
    return not any(isinstance(text, str) and text.strip() for text in texts.values())


def _plain_texts(texts: Any) -> dict[str, str]:
    return dict(texts) if isinstance(texts, Mapping) else {}


def _messages(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return {
            field: [str(message) for message in ValidationError(errors).messages]
            for field, errors in error.error_dict.items()
        }
    return {"__all__": [str(message) for message in error.messages]}


def _raise_detail(detail: dict[str, list[str]]) -> None:
    """Raise one InvalidInput holding every message, the first one as its summary."""
    if detail:
        field, messages = next(iter(detail.items()))
        raise InvalidInput(messages[0], field=None if field == "__all__" else field, detail=detail)


def _code_problems(
    model: type[Block] | type[Competence],
    version: FrameworkVersion,
    code: Any,
    *,
    exclude_pk: int | None = None,
) -> dict[str, list[str]]:
    """A block or competence code: the export formats' rules, and unique in the version."""
    if not isinstance(code, str) or not CODE_RE.match(code) or len(code) > CODE_MAX_LENGTH:
        message = _("A code is 1 to %(max)d letters, digits, dots, hyphens or underscores.") % {
            "max": CODE_MAX_LENGTH
        }
        return {"code": [str(message)]}
    others = model.objects.filter(version=version, code=code)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        taken = (
            _("The code “%(code)s” is already used by another block of this version.")
            if model is Block
            else _("The code “%(code)s” is already used by another competence of this version.")
        )
        return {"code": [str(taken % {"code": code})]}
    return {}


def _level_code_problems(
    version: FrameworkVersion, code: Any, *, exclude_pk: int | None = None
) -> dict[str, list[str]]:
    if not isinstance(code, str):
        return {}
    others = ProficiencyLevel.objects.filter(version=version, code=code)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        message = _("The code “%(code)s” is already used by another level of this version.")
        return {"code": [str(message % {"code": code})]}
    return {}


def _next_position(rows: models.QuerySet[Any]) -> int:
    last = rows.aggregate(last=models.Max("position"))["last"]
    return 0 if last is None else last + 1


def _save(
    *,
    actor: Any,
    instance: M,
    data: Mapping[str, Any],
    fields: tuple[str, ...],
    action: str,
    problems: dict[str, list[str]] | None = None,
) -> M:
    """Apply `data` (only `fields` may change), validate (every problem at once, `problems`
    found by the caller first), save, and record what changed. Call inside a transaction."""
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise InvalidInput(
            _("These fields cannot be changed here: %(fields)s.") % {"fields": ", ".join(unknown)},
            field=unknown[0],
        )
    is_new = instance.pk is None
    before = {} if is_new else snapshot(instance, fields)
    for name, value in data.items():
        setattr(instance, name, value)
    detail = dict(problems or {})
    try:
        instance.full_clean(validate_constraints=False)
    except ValidationError as error:
        for field, messages in _messages(error).items():
            detail.setdefault(field, messages)
    _raise_detail(detail)
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as error:
        raise Conflict(
            _("This conflicts with data saved meanwhile; reload and try again.")
        ) from error
    changes = diff(before, snapshot(instance, fields))
    if is_new or changes:
        record_action(actor=actor, action=action, target=instance, centre_id=None, changes=changes)
    return instance


# --- Frameworks and versions --------------------------------------------------------------------


def create_framework(
    *,
    actor: Any,
    slug: str,
    title: Texts,
    original_language: str,
    description: Texts | None = None,
) -> FrameworkVersion:
    """A new framework (its identifier `slug`) with an empty draft version 1."""
    ensure_author(actor)
    slug = (slug or "").strip()
    framework = Framework(slug=slug)
    version = FrameworkVersion(
        framework=framework,
        number=1,
        status=VersionStatus.DRAFT,
        title=_plain_texts(title),
        description=_plain_texts(description),
        original_language=original_language,
        created_by=actor,
    )
    detail: dict[str, list[str]] = {}
    if slug and Framework.objects.filter(slug=slug).exists():
        detail["slug"] = [
            str(_("A framework with the identifier “%(slug)s” already exists.") % {"slug": slug})
        ]
    else:
        try:
            framework.full_clean()
        except ValidationError as error:
            detail |= _messages(error)
    try:
        version.full_clean(exclude=["framework"], validate_constraints=False)
    except ValidationError as error:
        detail |= _messages(error)
    _raise_detail(detail)
    try:
        with transaction.atomic():
            framework.save()
            version.framework = framework
            version.save()
            record_action(
                actor=actor,
                action="competencies.framework.created",
                target=version,
                centre_id=None,
                changes={
                    "framework": {"before": None, "after": slug},
                    "number": {"before": None, "after": 1},
                    "title": {"before": None, "after": version.title},
                    "original_language": {"before": None, "after": version.original_language},
                },
            )
    except IntegrityError as error:
        raise InvalidInput(
            _("A framework with the identifier “%(slug)s” already exists.") % {"slug": slug},
            field="slug",
        ) from error
    return version


def update_version(
    *, actor: Any, version: FrameworkVersion, data: Mapping[str, Any]
) -> FrameworkVersion:
    """Change the version's own texts (title, description, change note) or its original
    language; the child rows follow the original language."""
    ensure_author(actor)
    with transaction.atomic():
        locked = _locked_draft(version.pk)
        before_language = locked.original_language
        locked = _save(
            actor=actor,
            instance=locked,
            data=data,
            fields=VERSION_FIELDS,
            action="competencies.version.updated",
        )
        if locked.original_language != before_language:
            _follow_language(locked)
    return locked


def _follow_language(version: FrameworkVersion) -> None:
    lang = version.original_language
    ProficiencyLevel.objects.filter(version=version).update(original_language=lang)
    Block.objects.filter(version=version).update(original_language=lang)
    Competence.objects.filter(version=version).update(original_language=lang)
    Indicator.objects.filter(competence__version=version).update(original_language=lang)
    LevelDescriptor.objects.filter(competence__version=version).update(original_language=lang)


# --- The scale ----------------------------------------------------------------------------------


def add_level(
    *, actor: Any, version: FrameworkVersion, data: Mapping[str, Any]
) -> ProficiencyLevel:
    """A new level at the top of the scale (the next rank)."""
    ensure_author(actor)
    with transaction.atomic():
        locked = _locked_draft(version.pk)
        last = locked.levels.aggregate(last=models.Max("rank"))["last"] or 0
        level = ProficiencyLevel(
            version=locked, rank=last + 1, original_language=locked.original_language
        )
        return _save(
            actor=actor,
            instance=level,
            data=data,
            fields=LEVEL_FIELDS,
            action="competencies.level.created",
            problems=_level_code_problems(locked, data.get("code")),
        )


def update_level(
    *, actor: Any, level: ProficiencyLevel, data: Mapping[str, Any]
) -> ProficiencyLevel:
    ensure_author(actor)
    with transaction.atomic():
        locked = _locked_draft(level.version_id)
        level = _child(ProficiencyLevel, level.pk, version=locked)
        return _save(
            actor=actor,
            instance=level,
            data=data,
            fields=LEVEL_FIELDS,
            action="competencies.level.updated",
            problems=_level_code_problems(locked, data.get("code"), exclude_pk=level.pk),
        )


def delete_level(*, actor: Any, level: ProficiencyLevel) -> None:
    """Delete a level (with its descriptors and expected levels); the ranks above move down so
    that the scale still runs 1, 2, 3…"""
    ensure_author(actor)
    with transaction.atomic():
        locked = _locked_draft(level.version_id)
        level = _child(ProficiencyLevel, level.pk, version=locked)
        rank = level.rank
        delete_with_audit(
            actor=actor,
            instance=level,
            fields=("rank", "code", "label"),
            action="competencies.level.deleted",
            centre_id=None,
        )
        for above in locked.levels.filter(rank__gt=rank).order_by("rank"):
            above.rank -= 1
            above.save(update_fields=["rank"])


def move_level(*, actor: Any, level: ProficiencyLevel, rank: int) -> ProficiencyLevel:
    """Move a level to `rank` (1 is the lowest); the levels in between shift by one."""
    ensure_author(actor)
    with transaction.atomic():
        locked = _locked_draft(level.version_id)
        level = _child(ProficiencyLevel, level.pk, version=locked)
        count = locked.levels.count()
        if not isinstance(rank, int) or isinstance(rank, bool) or not 1 <= rank <= count:
            raise InvalidInput(_("Choose a rank from 1 to %(max)d.") % {"max": count}, field="rank")
        start = level.rank
        if rank == start:
            return level
        level.rank = count + 1  # a free rank while the others shift
        level.save(update_fields=["rank"])
        if rank < start:
            between = locked.levels.filter(rank__gte=rank, rank__lt=start).order_by("-rank")
            step = 1
        else:
            between = locked.levels.filter(rank__gt=start, rank__lte=rank).order_by("rank")
            step = -1
        for other in between:
            other.rank += step
            other.save(update_fields=["rank"])
        level.rank = rank
        level.save(update_fields=["rank"])
        record_action(
            actor=actor,
            action="competencies.level.moved",
            target=level,
            centre_id=None,
            changes={"rank": {"before": start, "after": rank}},
        )
        return level


# --- Blocks -------------------------------------------------------------------------------------


def add_block(*, actor: Any, version: FrameworkVersion, data: Mapping[str, Any]) -> Block:
    """A new block, last unless a position is given."""
    ensure_author(actor)
    data = dict(data)
    with transaction.atomic():
        locked = _locked_draft(version.pk)
        if data.get("position") is None:
            data["position"] = _next_position(locked.blocks.all())
        block = Block(version=locked, original_language=locked.original_language)
        return _save(
            actor=actor,
            instance=block,
            data=data,
            fields=BLOCK_FIELDS,
            action="competencies.block.created",
            problems=_code_problems(Block, locked, data.get("code")),
        )


def update_block(*, actor: Any, block: Block, data: Mapping[str, Any]) -> Block:
    ensure_author(actor)
    data = {key: value for key, value in data.items() if not (key == "position" and value is None)}
    with transaction.atomic():
        locked = _locked_draft(block.version_id)
        block = _child(Block, block.pk, version=locked)
        problems = (
            _code_problems(Block, locked, data["code"], exclude_pk=block.pk)
            if "code" in data
            else {}
        )
        return _save(
            actor=actor,
            instance=block,
            data=data,
            fields=BLOCK_FIELDS,
            action="competencies.block.updated",
            problems=problems,
        )


def delete_block(*, actor: Any, block: Block) -> None:
    """Delete a block and every competence in it."""
    ensure_author(actor)
    with transaction.atomic():
        locked = _locked_draft(block.version_id)
        block = _child(Block, block.pk, version=locked)
        delete_with_audit(
            actor=actor,
            instance=block,
            fields=("code", "title"),
            action="competencies.block.deleted",
            centre_id=None,
        )


# --- Competences --------------------------------------------------------------------------------


def _is_block_of(version: FrameworkVersion, block: Any) -> bool:
    return isinstance(block, Block) and block.version_id == version.pk


def add_competence(*, actor: Any, block: Block, data: Mapping[str, Any]) -> Competence:
    """A new competence in `block`, last unless a position is given."""
    ensure_author(actor)
    data = {key: value for key, value in data.items() if key != "block"}
    with transaction.atomic():
        locked = _locked_draft(block.version_id)
        block = _child(Block, block.pk, version=locked)
        if data.get("position") is None:
            data["position"] = _next_position(block.competences.all())
        competence = Competence(
            version=locked, block=block, original_language=locked.original_language
        )
        return _save(
            actor=actor,
            instance=competence,
            data=data,
            fields=COMPETENCE_FIELDS,
            action="competencies.competence.created",
            problems=_code_problems(Competence, locked, data.get("code")),
        )


def update_competence(*, actor: Any, competence: Competence, data: Mapping[str, Any]) -> Competence:
    """Change a competence's texts, code or place; moved to another block without a position,
    it goes last there."""
    ensure_author(actor)
    data = {key: value for key, value in data.items() if not (key == "position" and value is None)}
    with transaction.atomic():
        locked = _locked_draft(competence.version_id)
        competence = _child(Competence, competence.pk, version=locked)
        problems = (
            _code_problems(Competence, locked, data["code"], exclude_pk=competence.pk)
            if "code" in data
            else {}
        )
        if "block" in data:
            if not _is_block_of(locked, data["block"]):
                problems["block"] = [str(_("Choose a block of this version."))]
                del data["block"]
            elif data["block"].pk != competence.block_id and "position" not in data:
                data["position"] = _next_position(data["block"].competences.all())
        return _save(
            actor=actor,
            instance=competence,
            data=data,
            fields=COMPETENCE_FIELDS,
            action="competencies.competence.updated",
            problems=problems,
        )


def delete_competence(*, actor: Any, competence: Competence) -> None:
    ensure_author(actor)
    with transaction.atomic():
        locked = _locked_draft(competence.version_id)
        competence = _child(Competence, competence.pk, version=locked)
        delete_with_audit(
            actor=actor,
            instance=competence,
            fields=("code", "title"),
            action="competencies.competence.deleted",
            centre_id=None,
        )


def replace_indicators(
    *, actor: Any, competence: Competence, indicators: Sequence[Texts | None]
) -> list[Indicator]:
    """The competence's indicators become `indicators`, in that order; blank entries (no text
    in any language) are left out."""
    ensure_author(actor)
    with transaction.atomic():
        locked = _locked_draft(competence.version_id)
        competence = _child(Competence, competence.pk, version=locked)
        rows: list[Indicator] = []
        detail: dict[str, list[str]] = {}
        for index, texts in enumerate(indicators):
            if _is_blank(texts):
                continue
            indicator = Indicator(
                competence=competence,
                position=len(rows),
                text=dict(texts) if isinstance(texts, Mapping) else texts,
                original_language=locked.original_language,
            )
            try:
                indicator.full_clean(exclude=["competence"])
            except ValidationError as error:
                messages = [m for ms in _messages(error).values() for m in ms]
                detail[f"indicators.{index}"] = messages
            rows.append(indicator)
        if detail:
            key, messages = next(iter(detail.items()))
            number = int(key.split(".")[1]) + 1
            raise InvalidInput(
                _("Indicator %(number)d: %(message)s") % {"number": number, "message": messages[0]},
                field=key,
                detail=detail,
            )
        before = [dict(indicator.text) for indicator in competence.indicators.all()]
        after = [dict(indicator.text) for indicator in rows]
        if before != after:
            competence.indicators.all().delete()
            Indicator.objects.bulk_create(rows)
            record_action(
                actor=actor,
                action="competencies.indicators.replaced",
                target=competence,
                centre_id=None,
                changes={"indicators": {"before": before, "after": after}},
            )
        return list(competence.indicators.all())


def _resolve_level(
    levels: dict[str, ProficiencyLevel], version: FrameworkVersion, ref: Any
) -> ProficiencyLevel | None:
    """The version's level that `ref` (a level or its code) names, or None."""
    if isinstance(ref, ProficiencyLevel):
        return levels.get(ref.code) if ref.version_id == version.pk else None
    if isinstance(ref, str):
        return levels.get(ref)
    return None


def _not_on_scale(ref: Any) -> str:
    code = ref.code if isinstance(ref, ProficiencyLevel) else ref
    return str(_("The level “%(code)s” is not on this version's scale.") % {"code": code})


def set_descriptors(
    *, actor: Any, competence: Competence, descriptors: Mapping[Any, Texts | None]
) -> list[LevelDescriptor]:
    """For each level given (a level of the version or its code), what it means for this
    competence; blank texts remove the descriptor. Levels not given keep theirs."""
    ensure_author(actor)
    with transaction.atomic():
        locked = _locked_draft(competence.version_id)
        competence = _child(Competence, competence.pk, version=locked)
        levels = {level.code: level for level in locked.levels.all()}
        existing = {d.level_id: d for d in competence.descriptors.all()}
        codes = {level.pk: code for code, level in levels.items()}
        before = {codes[level_id]: dict(d.text) for level_id, d in existing.items()}
        detail: dict[str, list[str]] = {}
        to_save: list[LevelDescriptor] = []
        to_delete: list[LevelDescriptor] = []
        for ref, texts in descriptors.items():
            level = _resolve_level(levels, locked, ref)
            if level is None:
                detail.setdefault("descriptors", []).append(_not_on_scale(ref))
                continue
            current = existing.get(level.pk)
            if _is_blank(texts):
                if current is not None:
                    to_delete.append(current)
                continue
            descriptor = current or LevelDescriptor(competence=competence, level=level)
            descriptor.text = dict(texts) if isinstance(texts, Mapping) else texts
            descriptor.original_language = locked.original_language
            try:
                descriptor.full_clean(exclude=["competence", "level"], validate_constraints=False)
            except ValidationError as error:
                detail[f"descriptors.{level.code}"] = [
                    m for ms in _messages(error).values() for m in ms
                ]
                continue
            to_save.append(descriptor)
        _raise_detail(detail)
        for descriptor in to_delete:
            descriptor.delete()
        for descriptor in to_save:
            descriptor.save()
        after = {
            codes[d.level_id]: dict(d.text) for d in competence.descriptors.order_by("level__rank")
        }
        if before != after:
            record_action(
                actor=actor,
                action="competencies.descriptors.updated",
                target=competence,
                centre_id=None,
                changes={"descriptors": {"before": before, "after": after}},
            )
        return list(competence.descriptors.select_related("level").order_by("level__rank"))


def set_expected_levels(
    *, actor: Any, competence: Competence, expected: Mapping[str, Any]
) -> list[ExpectedLevel]:
    """For each profile given, the level expected (a level of the version or its code), or None
    for no expectation. Profiles not given keep theirs."""
    ensure_author(actor)
    with transaction.atomic():
        locked = _locked_draft(competence.version_id)
        competence = _child(Competence, competence.pk, version=locked)
        levels = {level.code: level for level in locked.levels.all()}
        codes = {level.pk: code for code, level in levels.items()}
        existing = {e.profile: e for e in competence.expected_levels.all()}
        before = {profile: codes[e.level_id] for profile, e in existing.items()}
        detail: dict[str, list[str]] = {}
        wanted: dict[str, ProficiencyLevel | None] = {}
        for profile, ref in expected.items():
            if profile not in ExpectedProfile.values:
                detail.setdefault("expected", []).append(
                    str(
                        _("Unknown profile “%(profile)s”; use one of: %(known)s.")
                        % {"profile": profile, "known": ", ".join(ExpectedProfile.values)}
                    )
                )
                continue
            if ref is None or ref == "":
                wanted[profile] = None
                continue
            level = _resolve_level(levels, locked, ref)
            if level is None:
                detail[f"expected.{profile}"] = [_not_on_scale(ref)]
                continue
            wanted[profile] = level
        _raise_detail(detail)
        for profile, level in wanted.items():
            current = existing.get(profile)
            if level is None:
                if current is not None:
                    current.delete()
            elif current is None:
                ExpectedLevel.objects.create(competence=competence, profile=profile, level=level)
            elif current.level_id != level.pk:
                current.level = level
                current.save(update_fields=["level"])
        rows = list(competence.expected_levels.select_related("level").order_by("profile"))
        after = {e.profile: e.level.code for e in rows}
        if before != after:
            record_action(
                actor=actor,
                action="competencies.expected_levels.updated",
                target=competence,
                centre_id=None,
                changes={"expected": {"before": before, "after": after}},
            )
        return rows


def _mapping_values(item: Any) -> tuple[Any, Any, Any]:
    if isinstance(item, MappingData):
        return item.scheme, item.reference, item.label
    if isinstance(item, Mapping):
        return item.get("scheme"), item.get("reference"), item.get("label")
    return None, None, None


def replace_mappings(
    *, actor: Any, competence: Competence, mappings: Sequence[MappingData | Mapping[str, Any]]
) -> list[ExternalMapping]:
    """The competence's links to external references become `mappings` (scheme, reference,
    label); entries with neither item nor label are left out."""
    ensure_author(actor)
    with transaction.atomic():
        locked = _locked_draft(competence.version_id)
        competence = _child(Competence, competence.pk, version=locked)
        rows: list[ExternalMapping] = []
        seen: set[tuple[str, str]] = set()
        detail: dict[str, list[str]] = {}
        for index, item in enumerate(mappings):
            scheme, reference, label = _mapping_values(item)
            reference = reference.strip() if isinstance(reference, str) else ""
            label = label.strip() if isinstance(label, str) else ""
            if not reference and not label:
                continue
            mapping = ExternalMapping(
                competence=competence, scheme=scheme or "", reference=reference, label=label
            )
            try:
                mapping.full_clean(exclude=["competence"], validate_constraints=False)
            except ValidationError as error:
                for field, messages in _messages(error).items():
                    detail[f"mappings.{index}.{field}"] = messages
                continue
            if scheme not in MappingScheme.values:  # pragma: no cover - full_clean checks it
                continue
            if (scheme, reference) in seen:
                detail[f"mappings.{index}.reference"] = [
                    str(_("This item is given twice for the same reference."))
                ]
                continue
            seen.add((scheme, reference))
            rows.append(mapping)
        _raise_detail(detail)
        current = list(competence.mappings.all())
        before = [[m.scheme, m.reference, m.label] for m in current]
        after = [[m.scheme, m.reference, m.label] for m in rows]
        if sorted(before) != sorted(after):
            competence.mappings.all().delete()
            ExternalMapping.objects.bulk_create(rows)
            record_action(
                actor=actor,
                action="competencies.mappings.replaced",
                target=competence,
                centre_id=None,
                changes={"mappings": {"before": before, "after": after}},
            )
        return list(competence.mappings.all())


def ensure_editable(version: FrameworkVersion) -> None:
    """Raise the refusal an edit of `version` would meet (Conflict `version_not_draft`), so
    that an edit form is not even offered for a published or superseded version."""
    with transaction.atomic():
        ensure_draft(version)
