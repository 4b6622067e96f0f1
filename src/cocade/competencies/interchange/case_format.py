"""1EdTech CASE 1.0 (Competencies and Academic Standards Exchange): a CFPackage JSON file.

The mapping (docs/frameworks.md has the full table):

- CFDocument: the framework version (title, description and language = original language;
  version; adoptionStatus Draft / Adopted / Deprecated for draft / published / superseded);
- CFItems: blocks (depth 1), competences (depth 2) and indicators (depth 3), attached by
  `isChildOf` associations (sequenceNumber = position); `humanCodingScheme` = code,
  `fullStatement` = title or text, `notes` = description;
- CFAssociations `isRelatedTo` from a competence to an external reference (ESCO skill URI,
  `urn:cocade:<scheme>:<reference>` for Cedefop 2009 and NICE 2016);
- CFRubrics: one rubric whose first criterion (no CFItemURI) is the scale (one level per rank:
  quality = label, description, score = position = rank), and one criterion per competence
  that has level descriptors (its levels: the descriptors).

CASE texts are in one language. Everything CASE has no field for (translations, codes of
levels, expected levels, the slug…) travels in an extension object, `"extensions":
{"cocade": {…}}`, on the object it belongs to; a file without it (from another tool) is read
from the CASE fields alone. Identifiers are UUID 5 derived from slug, version and codes, so
that the same version always exports the same file.
"""

from __future__ import annotations

import datetime
import json
import uuid
from typing import Any
from urllib.parse import quote, unquote

from django.utils.text import slugify
from django.utils.translation import gettext as _

from cocade.competencies.interchange.data import (
    PROFILES,
    SCHEMES,
    BlockData,
    CompetenceData,
    FrameworkData,
    LevelData,
    MappingData,
    Problem,
    Texts,
)
from cocade.competencies.interchange.errors import ParseFailed
from cocade.competencies.interchange.json_format import load
from cocade.competencies.interchange.reading import languages, ordered, whole_number

#: The namespace of every identifier COCADE writes (uuid5 of slug, version and codes).
NAMESPACE = uuid.UUID("6f1c1f8e-3b5a-5c52-9d1e-c0cade000001")
EXTENSION = "cocade"
EXTENSION_FORMAT = "cocade-framework-case"
FORMAT_VERSION = 1
CREATOR = "COCADE"
EPOCH = "1970-01-01T00:00:00+00:00"
ITEM_TYPES = ("Competence block", "Competence", "Indicator")
CHILD_OF = "isChildOf"
MAPPING_ASSOCIATION = "isRelatedTo"
MAPPING_ASSOCIATIONS = ("isRelatedTo", "exactMatchOf")
SCALE_CATEGORY = "proficiency-scale"
ESCO_PREFIX = "http://data.europa.eu/esco/"
URN_PREFIX = "urn:cocade:"
ADOPTION = {"draft": "Draft", "published": "Adopted", "superseded": "Deprecated"}
MAX_DEPTH = 3


# --- Export --------------------------------------------------------------------------------------


def mapping_uri(mapping: MappingData) -> str:
    if mapping.scheme == "esco" and mapping.reference.startswith(("http://", "https://")):
        return mapping.reference
    return f"{URN_PREFIX}{mapping.scheme}:{quote(mapping.reference, safe='')}"


def dump(data: FrameworkData, *, changed_at: datetime.datetime | None = None) -> bytes:
    """The CFPackage of `data`; `changed_at` (the version's publication) is every object's
    lastChangeDateTime, so that the same version always gives the same bytes."""
    package = _Writer(data, changed_at).package()
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class _Writer:
    def __init__(self, data: FrameworkData, changed_at: datetime.datetime | None) -> None:
        self.data = data
        self.lang = data.original_language
        number = "draft" if data.version is None else str(data.version)
        self.base = f"{data.slug}/v{number}"
        self.changed = (
            changed_at.astimezone(datetime.UTC).isoformat(timespec="seconds")
            if changed_at
            else EPOCH
        )
        self.document_id = self.id()
        self.document_link = self.link(self.document_id, self.original(data.title))

    def id(self, *parts: str) -> str:
        return str(uuid.uuid5(NAMESPACE, "/".join([self.base, *parts])))

    @staticmethod
    def link(identifier: str, title: str, uri: str | None = None) -> dict[str, str]:
        return {"title": title, "identifier": identifier, "uri": uri or f"urn:uuid:{identifier}"}

    def original(self, texts: Texts) -> str:
        return texts.get(self.lang, "")

    def extension(self, values: dict[str, Any], **texts: Texts) -> dict[str, Any]:
        """`{"extensions": {"cocade": …}}` with `values` and the other languages of `texts`;
        nothing when there is nothing to carry."""
        translations = {
            name: ordered({code: text for code, text in value.items() if code != self.lang})
            for name, value in texts.items()
        }
        translations = {name: value for name, value in translations.items() if value}
        content = {**values, **({"translations": translations} if translations else {})}
        return {"extensions": {EXTENSION: content}} if content else {}

    def common(self, identifier: str) -> dict[str, Any]:
        return {
            "identifier": identifier,
            "uri": f"urn:uuid:{identifier}",
            "lastChangeDateTime": self.changed,
        }

    def package(self) -> dict[str, Any]:
        data = self.data
        document: dict[str, Any] = {
            **self.common(self.document_id),
            "CFPackageURI": self.document_link,
            "creator": CREATOR,
            "title": self.original(data.title),
            "language": self.lang,
        }
        if self.original(data.description):
            document["description"] = self.original(data.description)
        if data.version is not None:
            document["version"] = str(data.version)
        if data.status in ADOPTION:
            document["adoptionStatus"] = ADOPTION[data.status]
        document |= self.extension(
            {
                "format": EXTENSION_FORMAT,
                "format_version": FORMAT_VERSION,
                "slug": data.slug,
                "status": data.status,
                "change_note": ordered(data.change_note),
            },
            title=data.title,
            description=data.description,
        )
        items: list[dict[str, Any]] = []
        associations: list[dict[str, Any]] = []
        for b_position, block in enumerate(data.blocks, start=1):
            block_id = self.id("block", block.code)
            items.append(
                self.item(block_id, 0, block.code, block.title, block.description, b_position, {})
            )
            associations.append(self.child_of(block_id, self.document_link, b_position, block))
            block_link = self.link(block_id, self.original(block.title))
            for c_position, competence in enumerate(block.competences, start=1):
                competence_id = self.id("competence", competence.code)
                expected = {p: competence.expected[p] for p in PROFILES if p in competence.expected}
                items.append(
                    self.item(
                        competence_id,
                        1,
                        competence.code,
                        competence.title,
                        competence.description,
                        c_position,
                        {"expected": expected} if expected else {},
                    )
                )
                associations.append(
                    self.child_of(competence_id, block_link, c_position, competence)
                )
                competence_link = self.link(competence_id, self.original(competence.title))
                for i_position, indicator in enumerate(competence.indicators, start=1):
                    indicator_id = self.id(
                        "competence", competence.code, "indicator", str(i_position)
                    )
                    items.append(self.item(indicator_id, 2, "", indicator, {}, i_position, {}))
                    associations.append(
                        self.child_of(indicator_id, competence_link, i_position, indicator)
                    )
                for m_position, mapping in enumerate(competence.mappings, start=1):
                    associations.append(self.mapping(competence_link, m_position, mapping))
        return {
            "CFDocument": document,
            "CFItems": items,
            "CFAssociations": associations,
            "CFDefinitions": {"CFItemTypes": [self.item_type(depth) for depth in range(3)]},
            "CFRubrics": [self.rubric()],
        }

    def item_type(self, depth: int) -> dict[str, Any]:
        return {
            **self.common(self.id("item-type", str(depth + 1))),
            "title": ITEM_TYPES[depth],
            "description": ITEM_TYPES[depth],
            "hierarchyCode": str(depth + 1),
        }

    def item(
        self,
        identifier: str,
        depth: int,
        code: str,
        statement: Texts,
        notes: Texts,
        position: int,
        values: dict[str, Any],
    ) -> dict[str, Any]:
        item: dict[str, Any] = {
            **self.common(identifier),
            "CFDocumentURI": self.document_link,
            "fullStatement": self.original(statement),
            "CFItemType": ITEM_TYPES[depth],
            "CFItemTypeURI": self.link(self.id("item-type", str(depth + 1)), ITEM_TYPES[depth]),
            "listEnumeration": str(position),
            "language": self.lang,
        }
        if code:
            item["humanCodingScheme"] = code
        if self.original(notes):
            item["notes"] = self.original(notes)
        if depth == 2:
            return item | self.extension(values, text=statement)
        return item | self.extension(values, title=statement, description=notes)

    def child_of(
        self, identifier: str, parent: dict[str, str], position: int, node: Any
    ) -> dict[str, Any]:
        title = self.original(node.title) if hasattr(node, "title") else self.original(node)
        return {
            **self.common(self.id("association", identifier, CHILD_OF, parent["identifier"])),
            "CFDocumentURI": self.document_link,
            "associationType": CHILD_OF,
            "sequenceNumber": position,
            "originNodeURI": self.link(identifier, title),
            "destinationNodeURI": parent,
        }

    def mapping(
        self, competence: dict[str, str], position: int, mapping: MappingData
    ) -> dict[str, Any]:
        uri = mapping_uri(mapping)
        destination = str(uuid.uuid5(NAMESPACE, uri))
        return {
            **self.common(
                self.id("association", competence["identifier"], MAPPING_ASSOCIATION, destination)
            ),
            "CFDocumentURI": self.document_link,
            "associationType": MAPPING_ASSOCIATION,
            "sequenceNumber": position,
            "originNodeURI": competence,
            "destinationNodeURI": self.link(destination, mapping.label or mapping.reference, uri),
            **self.extension(
                {"scheme": mapping.scheme, "reference": mapping.reference, "label": mapping.label}
            ),
        }

    def rubric(self) -> dict[str, Any]:
        data = self.data
        rubric_id = self.id("rubric")
        scale_id = self.id("rubric", "scale")
        levels = {level.code: level for level in data.levels}
        criteria = [
            {
                **self.common(scale_id),
                "category": SCALE_CATEGORY,
                "position": 0,
                "rubricId": rubric_id,
                "CFRubricCriterionLevels": [
                    {
                        **self.common(self.id("rubric", "scale", level.code)),
                        "quality": self.original(level.label),
                        **(
                            {"description": self.original(level.description)}
                            if self.original(level.description)
                            else {}
                        ),
                        "score": level.rank,
                        "position": level.rank,
                        "rubricCriterionId": scale_id,
                        **self.extension(
                            {"code": level.code},
                            label=level.label,
                            description=level.description,
                        ),
                    }
                    for level in data.levels
                ],
            }
        ]
        position = 0
        for competence in data.competences():
            if not competence.descriptors:
                continue
            position += 1
            criterion_id = self.id("rubric", "competence", competence.code)
            competence_id = self.id("competence", competence.code)
            criterion_levels = []
            for code, text in sorted(
                competence.descriptors.items(),
                key=lambda item: levels[item[0]].rank if item[0] in levels else 0,
            ):
                level = levels.get(code)
                rank = level.rank if level else 0
                criterion_levels.append(
                    {
                        **self.common(self.id("rubric", "competence", competence.code, code)),
                        "quality": self.original(level.label) if level else code,
                        "description": self.original(text),
                        "score": rank,
                        "position": rank,
                        "rubricCriterionId": criterion_id,
                        **self.extension({"level": code}, description=text),
                    }
                )
            criteria.append(
                {
                    **self.common(criterion_id),
                    "category": competence.code,
                    "description": self.original(competence.title),
                    "CFItemURI": self.link(competence_id, self.original(competence.title)),
                    "position": position,
                    "rubricId": rubric_id,
                    "CFRubricCriterionLevels": criterion_levels,
                }
            )
        return {
            **self.common(rubric_id),
            "title": self.original(data.title),
            "CFRubricCriteria": criteria,
        }


# --- Import --------------------------------------------------------------------------------------


def parse(raw: bytes) -> FrameworkData:
    package = load(raw)
    reader = _Reader()
    data = reader.package(package)
    if reader.problems or data is None:
        raise ParseFailed(
            reader.problems or [Problem("", "", _("The file cannot be read as a framework."))]
        )
    return data


class _Reader:
    """Reads a CFPackage from the CASE fields, then adds what the `cocade` extension carries."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.lang = ""

    def add(self, at: str, field: str, message: str) -> None:
        self.problems.append(Problem(at, field, message))

    # Small readers --------------------------------------------------------------------------------

    def objects(self, package: dict[str, Any], name: str) -> list[dict[str, Any]]:
        value = package.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.add("", name, _("Expected a list ([…])."))
            return []
        result = []
        for index, entry in enumerate(value):
            if isinstance(entry, dict):
                result.append(entry)
            else:
                self.add(f"{name}[{index}]", "", _("Expected an object ({…})."))
        return result

    def string(self, node: dict[str, Any], key: str, at: str) -> str:
        value = node.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.add(at, key, _("Expected a text."))
            return ""
        return value

    def extension(self, node: dict[str, Any], at: str) -> dict[str, Any]:
        extensions = node.get("extensions")
        if extensions is None:
            return {}
        if not isinstance(extensions, dict):
            self.add(at, "extensions", _("Expected an object ({…})."))
            return {}
        value = extensions.get(EXTENSION)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add(at, f"extensions.{EXTENSION}", _("Expected an object ({…})."))
            return {}
        return value

    def text_map(self, value: Any, at: str, field: str) -> Texts:
        if value is None:
            return {}
        if not isinstance(value, dict) or not all(isinstance(text, str) for text in value.values()):
            self.add(at, field, _('Expected texts by language, such as {"fr": "…"}.'))
            return {}
        return dict(value)

    def texts(
        self, node: dict[str, Any], key: str, extension: dict[str, Any], name: str, at: str
    ) -> Texts:
        """The CASE field `key` in the document's language, with the extension's other ones."""
        texts: Texts = {}
        native = self.string(node, key, at)
        if native:
            texts[self.lang] = native
        translations = extension.get("translations") or {}
        if not isinstance(translations, dict):
            self.add(at, f"extensions.{EXTENSION}.translations", _("Expected an object ({…})."))
            return texts
        others = self.text_map(
            translations.get(name), at, f"extensions.{EXTENSION}.translations.{name}"
        )
        texts.update({code: text for code, text in others.items() if code != self.lang})
        return texts

    @staticmethod
    def link_id(node: dict[str, Any], key: str) -> str:
        link = node.get(key)
        if isinstance(link, dict) and isinstance(link.get("identifier"), str):
            return link["identifier"]
        return ""

    # The package ----------------------------------------------------------------------------------

    def package(self, package: Any) -> FrameworkData | None:
        if not isinstance(package, dict):
            self.add("", "", _("The file must hold one JSON object ({…})."))
            return None
        if package.get("format") == "cocade-framework":
            self.add("", "", _("This is a COCADE JSON file; choose the JSON format to import it."))
            return None
        document = package.get("CFDocument")
        if not isinstance(document, dict):
            self.add("", "CFDocument", _("This is not a CASE package: the CFDocument is missing."))
            return None
        document_id = self.string(document, "identifier", "CFDocument")
        at = f"CFDocument {document_id}".strip()
        if not document_id:
            self.add(at, "identifier", _("The identifier is missing."))
        extension = self.extension(document, at)
        self.language(document, at)
        items = self.items(package)
        associations = self.objects(package, "CFAssociations")
        rubrics = self.objects(package, "CFRubrics")
        if not isinstance(package.get("CFItems") or [], list):
            return None  # every association would point nowhere: fix the list first
        tree = _Tree(self, document_id, items)
        tree.build(associations)
        criteria = self.criteria(rubrics)
        levels = self.levels(criteria)
        blocks = self.blocks(tree)
        self.mappings(tree, associations)
        self.descriptors(tree, criteria, levels)
        if self.problems:
            return None
        title = self.texts(document, "title", extension, "title", at)
        slug = extension.get("slug")
        if not isinstance(slug, str) or not slug:
            slug = _slug_from(title.get(self.lang, ""), document_id)
        version = whole_number(document.get("version")) or None
        status = extension.get("status")
        if not isinstance(status, str) or status not in ADOPTION:
            adoption = document.get("adoptionStatus")
            status = next((key for key, value in ADOPTION.items() if value == adoption), None)
        data = FrameworkData(
            slug=slug,
            original_language=self.lang,
            title=title,
            description=self.texts(document, "description", extension, "description", at),
            change_note=self.text_map(
                extension.get("change_note"), at, f"extensions.{EXTENSION}.change_note"
            ),
            levels=levels,
            blocks=blocks,
            version=version,
            status=status,
            source=at,
        )
        return None if self.problems else data

    def language(self, document: dict[str, Any], at: str) -> None:
        value = self.string(document, "language", at)
        code = value.replace("_", "-").split("-")[0].lower()
        if not value:
            self.add(
                at,
                "language",
                _('The document has no language; add one, such as "language": "fr".'),
            )
        elif code not in languages():
            self.add(
                at,
                "language",
                _("Unknown language “%(code)s”; use one of: %(known)s.")
                % {"code": value, "known": ", ".join(sorted(languages()))},
            )
        self.lang = code

    def items(self, package: dict[str, Any]) -> dict[str, dict[str, Any]]:
        items: dict[str, dict[str, Any]] = {}
        for index, item in enumerate(self.objects(package, "CFItems")):
            identifier = item.get("identifier")
            if not isinstance(identifier, str) or not identifier:
                self.add(f"CFItems[{index}]", "identifier", _("The identifier is missing."))
                continue
            if identifier in items:
                self.add(item_at(item), "identifier", _("Another CFItem has the same identifier."))
                continue
            items[identifier] = item
        return items

    # Content --------------------------------------------------------------------------------------

    def blocks(self, tree: _Tree) -> list[BlockData]:
        blocks = []
        for b_position, block_id in enumerate(tree.children_of(tree.document_id), start=1):
            item = tree.items[block_id]
            at = item_at(item)
            extension = self.extension(item, at)
            code = self.string(item, "humanCodingScheme", at) or str(b_position)
            block = BlockData(
                code=code,
                title=self.texts(item, "fullStatement", extension, "title", at),
                description=self.texts(item, "notes", extension, "description", at),
                source=at,
            )
            for c_position, competence_id in enumerate(tree.children_of(block_id), start=1):
                block.competences.append(
                    self.competence(tree, competence_id, f"{code}.{c_position}")
                )
            blocks.append(block)
        return blocks

    def competence(self, tree: _Tree, identifier: str, fallback_code: str) -> CompetenceData:
        item = tree.items[identifier]
        at = item_at(item)
        extension = self.extension(item, at)
        expected = extension.get("expected") or {}
        if not isinstance(expected, dict) or not all(
            isinstance(key, str) and isinstance(value, str) for key, value in expected.items()
        ):
            self.add(
                at,
                f"extensions.{EXTENSION}.expected",
                _("Expected an object from profile to level code."),
            )
            expected = {}
        indicators = []
        for indicator_id in tree.children_of(identifier):
            indicator = tree.items[indicator_id]
            indicator_at = item_at(indicator)
            indicators.append(
                self.texts(
                    indicator,
                    "fullStatement",
                    self.extension(indicator, indicator_at),
                    "text",
                    indicator_at,
                )
            )
        competence = CompetenceData(
            code=self.string(item, "humanCodingScheme", at) or fallback_code,
            title=self.texts(item, "fullStatement", extension, "title", at),
            description=self.texts(item, "notes", extension, "description", at),
            indicators=indicators,
            expected=dict(expected),
            source=at,
        )
        tree.competences[identifier] = competence
        return competence

    def mappings(self, tree: _Tree, associations: list[dict[str, Any]]) -> None:
        """External references of competences (associations to nodes outside the document).
        Associations of other kinds, or to references COCADE does not know, are left out."""
        found: dict[str, list[tuple[int, int, MappingData]]] = {}
        for index, association in enumerate(associations):
            if association.get("associationType") not in MAPPING_ASSOCIATIONS:
                continue
            origin = self.link_id(association, "originNodeURI")
            destination = association.get("destinationNodeURI")
            if origin not in tree.competences or not isinstance(destination, dict):
                continue
            if self.link_id(association, "destinationNodeURI") in tree.items:
                continue
            at = association_at(association)
            extension = self.extension(association, at)
            mapping = _mapping_from(destination, extension)
            if mapping is None:
                continue
            mapping.source = at
            sequence = association.get("sequenceNumber")
            order = sequence if isinstance(sequence, int) else len(associations)
            found.setdefault(origin, []).append((order, index, mapping))
        for identifier, mappings in found.items():
            tree.competences[identifier].mappings = [m for _o, _i, m in sorted(mappings)]

    def levels(self, criteria: list[dict[str, Any]]) -> list[LevelData]:
        """The scale: the first criterion without CFItemURI (else the first criterion)."""
        scale = next((c for c in criteria if not self.link_id(c, "CFItemURI")), None)
        with_description = scale is not None
        if scale is None and criteria:
            scale = criteria[0]
        if scale is None:
            return []
        levels = []
        for index, level in enumerate(self.criterion_levels(scale), start=1):
            at = f"CFRubricCriterionLevel {level.get('identifier', index)}"
            extension = self.extension(level, at)
            position = level.get("position")
            rank = (
                position if isinstance(position, int) and not isinstance(position, bool) else index
            )
            label = self.texts(level, "quality", extension, "label", at)
            code = extension.get("code")
            if not isinstance(code, str) or not code:
                code = slugify(label.get(self.lang, ""))[:40].strip("-_") or f"level-{rank}"
            levels.append(
                LevelData(
                    rank=rank,
                    code=code,
                    label=label,
                    description=(
                        self.texts(level, "description", extension, "description", at)
                        if with_description
                        else {}
                    ),
                    source=at,
                )
            )
        return sorted(levels, key=lambda level: level.rank)

    def criteria(self, rubrics: list[dict[str, Any]]) -> list[dict[str, Any]]:
        criteria: list[dict[str, Any]] = []
        for index, rubric in enumerate(rubrics):
            value = rubric.get("CFRubricCriteria") or []
            if not isinstance(value, list) or not all(isinstance(c, dict) for c in value):
                self.add(
                    f"CFRubric {rubric.get('identifier', index)}",
                    "CFRubricCriteria",
                    _("Expected a list of objects."),
                )
                continue
            criteria += sorted(
                value,
                key=lambda c: c.get("position") if isinstance(c.get("position"), int) else 0,
            )
        return criteria

    def criterion_levels(self, criterion: dict[str, Any]) -> list[dict[str, Any]]:
        value = criterion.get("CFRubricCriterionLevels") or []
        if not isinstance(value, list) or not all(isinstance(level, dict) for level in value):
            self.add(
                f"CFRubricCriterion {criterion.get('identifier', '')}".strip(),
                "CFRubricCriterionLevels",
                _("Expected a list of objects."),
            )
            return []
        return value

    def descriptors(
        self, tree: _Tree, criteria: list[dict[str, Any]], levels: list[LevelData]
    ) -> None:
        by_code = {level.code: level for level in levels}
        by_rank = {level.rank: level for level in levels}
        by_label = {level.label.get(self.lang): level for level in levels}
        for criterion in criteria:
            item_id = self.link_id(criterion, "CFItemURI")
            if not item_id:
                continue
            at = f"CFRubricCriterion {criterion.get('identifier', '')}".strip()
            competence = tree.competences.get(item_id)
            if competence is None and item_id in tree.items and item_id not in tree.depth:
                continue  # not attached to the document: a problem of the hierarchy already
            if competence is None:
                self.add(
                    at,
                    "CFItemURI",
                    _("This criterion must point to a competence (an item of depth 2)."),
                )
                continue
            for level_node in self.criterion_levels(criterion):
                level_at = f"CFRubricCriterionLevel {level_node.get('identifier', '')}".strip()
                extension = self.extension(level_node, level_at)
                level = (
                    by_code.get(_text_or_none(extension.get("level")))
                    or by_rank.get(_int_or_none(level_node.get("position")))
                    or by_label.get(_text_or_none(level_node.get("quality")))
                )
                if level is None:
                    self.add(
                        level_at,
                        "position",
                        _(
                            "This level matches no level of the scale (by code, position or "
                            "quality)."
                        ),
                    )
                    continue
                text = self.texts(level_node, "description", extension, "description", level_at)
                if not text:
                    continue
                if level.code in competence.descriptors:
                    self.add(
                        level_at,
                        "description",
                        _("The level “%(code)s” of %(competence)s is described twice.")
                        % {"code": level.code, "competence": competence.code},
                    )
                    continue
                competence.descriptors[level.code] = text
        for competence in tree.competences.values():
            ranks = {code: by_code[code].rank for code in competence.descriptors}
            competence.descriptors = dict(
                sorted(competence.descriptors.items(), key=lambda item: ranks[item[0]])
            )


class _Tree:
    """The isChildOf hierarchy: who is whose child, at what depth; every cycle, orphan or
    too-deep item is a problem at that item."""

    def __init__(self, reader: _Reader, document_id: str, items: dict[str, dict[str, Any]]):
        self.reader = reader
        self.document_id = document_id
        self.items = items
        self.parent: dict[str, tuple[str, int, int]] = {}
        self.depth: dict[str, int] = {}
        self.children: dict[str, list[tuple[int, int, str]]] = {}
        self.competences: dict[str, CompetenceData] = {}

    def build(self, associations: list[dict[str, Any]]) -> None:
        reader = self.reader
        for index, association in enumerate(associations):
            if association.get("associationType") != CHILD_OF:
                continue
            at = association_at(association)
            origin = reader.link_id(association, "originNodeURI")
            destination = reader.link_id(association, "destinationNodeURI")
            if origin not in self.items:
                reader.add(
                    at, "originNodeURI", _("This is not the identifier of an item of the package.")
                )
                continue
            if not destination:
                reader.add(at, "destinationNodeURI", _("The identifier is missing."))
                continue
            if origin in self.parent:
                reader.add(
                    item_at(self.items[origin]),
                    CHILD_OF,
                    _("This item has several parents; an item belongs to one place only."),
                )
                continue
            sequence = association.get("sequenceNumber")
            order = sequence if isinstance(sequence, int) else len(associations) + index
            self.parent[origin] = (destination, order, index)
        self.walk()

    def walk(self) -> None:
        reader = self.reader
        order = {identifier: index for index, identifier in enumerate(self.items)}
        broken: set[str] = set()
        for start in self.items:
            path: list[str] = []
            node = start
            depth = None
            while True:
                if node == self.document_id:
                    depth = 0
                    break
                if node in self.depth:
                    depth = self.depth[node]
                    break
                if node in broken:
                    break
                if node in path:
                    cycle = path[path.index(node) :]
                    first = min(cycle, key=order.__getitem__)
                    names = [item_name(self.items[n]) for n in cycle]
                    rotate = cycle.index(first)
                    names = names[rotate:] + names[:rotate]
                    reader.add(
                        item_at(self.items[first]),
                        CHILD_OF,
                        _(
                            "The hierarchy goes round in a circle (each is a child of the "
                            "next): %(path)s."
                        )
                        % {"path": " → ".join([*names, names[0]])},
                    )
                    break
                if node not in self.items:
                    reader.add(
                        item_at(self.items[path[-1]]),
                        CHILD_OF,
                        _(
                            "The parent “%(identifier)s” is neither the document nor an item "
                            "of the package."
                        )
                        % {"identifier": node},
                    )
                    break
                path.append(node)
                if node not in self.parent:
                    reader.add(
                        item_at(self.items[node]),
                        CHILD_OF,
                        _(
                            "This item is not attached to the document: give it an isChildOf "
                            "association to the document or to another item."
                        ),
                    )
                    break
                node = self.parent[node][0]
            if depth is None:
                broken.update(path)
                continue
            for identifier in reversed(path):
                depth += 1
                self.depth[identifier] = depth
                if depth == MAX_DEPTH + 1:
                    reader.add(
                        item_at(self.items[identifier]),
                        CHILD_OF,
                        _(
                            "This item is %(depth)d levels deep; a framework has blocks (1), "
                            "competences (2) and indicators (3)."
                        )
                        % {"depth": depth},
                    )
        for identifier, (parent, sequence, index) in self.parent.items():
            if identifier in self.depth:
                self.children.setdefault(parent, []).append((sequence, index, identifier))

    def children_of(self, identifier: str) -> list[str]:
        return [child for _s, _i, child in sorted(self.children.get(identifier, []))]


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def item_name(item: dict[str, Any]) -> str:
    code = item.get("humanCodingScheme")
    return code if isinstance(code, str) and code else str(item.get("identifier", ""))


def item_at(item: dict[str, Any]) -> str:
    code = item.get("humanCodingScheme")
    suffix = f" ({code})" if isinstance(code, str) and code else ""
    return f"CFItem {item.get('identifier', '')}{suffix}"


def association_at(association: dict[str, Any]) -> str:
    return f"CFAssociation {association.get('identifier', '')}".strip()


def _slug_from(title: str, identifier: str) -> str:
    slug = slugify(title, allow_unicode=True)[:80].strip("-_")
    return slug or f"case-{slugify(identifier)[:60]}".strip("-")


def _mapping_from(destination: dict[str, Any], extension: dict[str, Any]) -> MappingData | None:
    """A mapping from the extension, else from a URI COCADE knows (ESCO, urn:cocade:…)."""
    scheme, reference = extension.get("scheme"), extension.get("reference")
    title = destination.get("title") if isinstance(destination.get("title"), str) else ""
    if isinstance(scheme, str) and isinstance(reference, str):
        label = extension.get("label")
        return MappingData(scheme, reference, label if isinstance(label, str) else title)
    uri = destination.get("uri")
    if not isinstance(uri, str):
        return None
    if uri.startswith(ESCO_PREFIX):
        return MappingData("esco", uri, title)
    if uri.startswith(URN_PREFIX):
        scheme, _sep, reference = uri.removeprefix(URN_PREFIX).partition(":")
        if scheme in SCHEMES and reference:
            reference = unquote(reference)
            return MappingData(scheme, reference, "" if title == reference else title)
    return None
