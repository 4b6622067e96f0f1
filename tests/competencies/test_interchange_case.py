"""1EdTech CASE 1.0: export then import gives back the same framework (translations and what
CASE has no field for travel in the `cocade` extension), a package from another tool imports
from the CASE fields alone, and every problem is listed by CASE object with nothing written."""

import dataclasses
import datetime
import json
import uuid

from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cocade.competencies.interchange import case_format
from cocade.competencies.interchange.data import (
    BlockData,
    CompetenceData,
    FrameworkData,
    LevelData,
    MappingData,
    check_framework,
)
from cocade.competencies.interchange.formats import export_version, parse_file
from cocade.competencies.selectors.frameworks import version_as_data
from cocade.competencies.services.frameworks import import_framework
from tests.competencies.interchange_helpers import (
    frameworks,
    mutated,
    outcome_of,
    paths_of,
    rejected,
    without_sources,
)
from tests.factories.competencies import framework_data, published_version

DOC = "d0000000-0000-4000-8000-000000000000"
UNKNOWN_DE = "Unknown language “de”; use one of: bg, da, en, fr, it, pt."


def package_of(data):
    return json.loads(case_format.dump(data))


def encoded(value):
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def stripped(value):
    """The package without any `extensions`: what another tool would write."""
    if isinstance(value, dict):
        return {key: stripped(item) for key, item in value.items() if key != "extensions"}
    if isinstance(value, list):
        return [stripped(item) for item in value]
    return value


def ident(number):
    return f"00000000-0000-4000-8000-{number:012d}"


def link(identifier, title=""):
    return {"identifier": identifier, "uri": f"https://case.example/{identifier}", "title": title}


def item(number, statement, code=None, **fields):
    value = {"identifier": ident(number), "fullStatement": statement, **fields}
    if code:
        value["humanCodingScheme"] = code
    return value


def child_of(child, parent, sequence=None, number=None):
    association = {
        "identifier": ident(900 + (number or child)),
        "associationType": "isChildOf",
        "originNodeURI": link(ident(child)),
        "destinationNodeURI": link(parent if isinstance(parent, str) else ident(parent)),
    }
    if sequence is not None:
        association["sequenceNumber"] = sequence
    return association


def foreign_package(**changes):
    """A package as another CASE tool writes it: English, no extension, two levels of rubric."""
    package = {
        "CFDocument": {
            "identifier": DOC,
            "uri": f"https://case.example/{DOC}",
            "creator": "Another tool",
            "title": "Guidance practitioner framework",
            "language": "en-GB",
            "version": "3",
            "adoptionStatus": "Adopted",
            "lastChangeDateTime": "2024-01-01T00:00:00+00:00",
        },
        "CFItems": [
            item(1, "Working with clients", "W"),
            item(2, "Informing", "W.1", notes="Giving accurate information."),
            item(3, "Explains the local offer"),
            item(4, "Counselling", "W.2"),
            item(5, "Unnumbered domain"),
            item(6, "Unnumbered standard"),
        ],
        "CFAssociations": [
            child_of(1, DOC, 1),
            child_of(4, 1, 2),
            child_of(2, 1, 1),
            child_of(3, 2),
            child_of(5, DOC, 2),
            child_of(6, 5),
            {
                "identifier": ident(801),
                "associationType": "exactMatchOf",
                "originNodeURI": link(ident(2)),
                "destinationNodeURI": {
                    "identifier": ident(700),
                    "uri": "http://data.europa.eu/esco/skill/abc",
                    "title": "provide information",
                },
            },
            {
                "identifier": ident(802),
                "associationType": "precedes",
                "originNodeURI": link(ident(2)),
                "destinationNodeURI": link(ident(4)),
            },
        ],
        "CFRubrics": [
            {
                "identifier": ident(500),
                "title": "Levels",
                "CFRubricCriteria": [
                    {
                        "identifier": ident(510),
                        "CFItemURI": link(ident(2)),
                        "position": 1,
                        "CFRubricCriterionLevels": [
                            {
                                "identifier": ident(511),
                                "quality": "Emerging",
                                "position": 1,
                                "description": "Repeats the leaflet.",
                            },
                            {"identifier": ident(512), "quality": "Proficient", "position": 2},
                        ],
                    }
                ],
            }
        ],
    }
    package.update(changes)
    return package


# --- Export and round trip -----------------------------------------------------------------------


def test_case_export_of_a_version_imports_back_as_the_same_framework(db):
    version = published_version(languages=("fr", "en", "it"))

    raw, filename, content_type = export_version(version, "case")
    copy = import_framework(actor=None, data=parse_file(raw, "case", slug="copy"), publish=True)

    assert (filename, content_type) == ("cdm-counsellor-v1.case.json", "application/json")
    assert version_as_data(copy) == dataclasses.replace(version_as_data(version), slug="copy")
    assert case_format.dump(case_format.parse(raw), changed_at=version.published_at) == raw


def test_case_export_is_reproducible_with_derived_identifiers(db):
    version = published_version()
    version.published_at = datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.UTC)
    version.save(update_fields=["published_at"])

    first, _name, _type = export_version(version, "case")
    second, _name, _type = export_version(version, "case")

    package = json.loads(first)
    document = package["CFDocument"]
    assert first == second
    assert document["identifier"] == str(uuid.uuid5(case_format.NAMESPACE, "cdm-counsellor/v1"))
    assert (document["lastChangeDateTime"], document["adoptionStatus"], document["version"]) == (
        "2025-03-01T09:30:00+00:00",
        "Adopted",
        "1",
    )
    assert document["extensions"]["cocade"]["slug"] == "cdm-counsellor"


def test_case_export_maps_the_framework_to_case_objects():
    package = package_of(framework_data())

    items = package["CFItems"]
    associations = package["CFAssociations"]
    (rubric,) = package["CFRubrics"]
    scale, *criteria = rubric["CFRubricCriteria"]
    assert [i["CFItemType"] for i in items[:4]] == ["Competence block", "Competence"] + [
        "Indicator"
    ] * 2
    assert [i.get("humanCodingScheme") for i in items[:4]] == ["A", "A1", None, None]
    assert [a["associationType"] for a in associations].count("isChildOf") == len(items) == 14
    mapping = associations[4]
    assert (mapping["associationType"], mapping["destinationNodeURI"]["uri"]) == (
        "isRelatedTo",
        "urn:cocade:cedefop_2009:1.5",
    )
    assert mapping["extensions"] == {
        "cocade": {"scheme": "cedefop_2009", "reference": "1.5", "label": ""}
    }
    assert [(lv["position"], lv["quality"]) for lv in scale["CFRubricCriterionLevels"]] == [
        (1, "Notions [fr]"),
        (2, "Application [fr]"),
        (3, "Maitrise [fr]"),
        (4, "Expertise [fr]"),
    ]
    assert "CFItemURI" not in scale
    assert [c["category"] for c in criteria] == ["A1", "A2", "B1", "B2"]
    assert criteria[0]["CFRubricCriterionLevels"][0]["description"] == "Notions de A1 [fr]"
    assert items[1]["extensions"]["cocade"] == {
        "expected": {"newcomer": "notions", "counsellor": "maitrise", "senior": "expertise"},
        "translations": {"title": {"en": "Compétence A1 [en]"}},
    }


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
)
@given(frameworks())
def test_case_round_trip_of_any_valid_framework(data):
    assert check_framework(data) == []

    raw = case_format.dump(data)
    parsed = case_format.parse(raw)

    assert without_sources(parsed) == data
    assert case_format.dump(parsed) == raw


# --- A package from another tool -----------------------------------------------------------------


def test_case_package_of_another_tool_reads_from_the_case_fields():
    data = case_format.parse(encoded(foreign_package()))

    at = "CFItem " + ident(2) + " (W.1)"
    emerging = "CFRubricCriterionLevel " + ident(511)
    assert data == FrameworkData(
        slug="guidance-practitioner-framework",
        original_language="en",
        title={"en": "Guidance practitioner framework"},
        levels=[
            LevelData(1, "emerging", {"en": "Emerging"}, source=emerging),
            LevelData(
                2, "proficient", {"en": "Proficient"}, source=f"CFRubricCriterionLevel {ident(512)}"
            ),
        ],
        blocks=[
            BlockData(
                code="W",
                title={"en": "Working with clients"},
                competences=[
                    CompetenceData(
                        code="W.1",
                        title={"en": "Informing"},
                        description={"en": "Giving accurate information."},
                        indicators=[{"en": "Explains the local offer"}],
                        descriptors={"emerging": {"en": "Repeats the leaflet."}},
                        mappings=[
                            MappingData(
                                "esco",
                                "http://data.europa.eu/esco/skill/abc",
                                "provide information",
                                source=f"CFAssociation {ident(801)}",
                            )
                        ],
                        source=at,
                    ),
                    CompetenceData(
                        code="W.2", title={"en": "Counselling"}, source=f"CFItem {ident(4)} (W.2)"
                    ),
                ],
                source=f"CFItem {ident(1)} (W)",
            ),
            BlockData(
                code="2",
                title={"en": "Unnumbered domain"},
                competences=[
                    CompetenceData(
                        code="2.1",
                        title={"en": "Unnumbered standard"},
                        source=f"CFItem {ident(6)}",
                    )
                ],
                source=f"CFItem {ident(5)}",
            ),
        ],
        version=3,
        status="published",
        source=f"CFDocument {DOC}",
    )


def test_case_export_without_extension_imports_in_the_original_language(db):
    package = stripped(package_of(framework_data("cdm-counsellor", languages=("fr", "en"))))

    version = import_framework(actor=None, data=parse_file(encoded(package), "case"))

    data = version_as_data(version)
    assert (data.slug, data.title, data.levels[0].code) == (
        "conseiller-en-lieu-intégré-fr",
        {"fr": "Conseiller en lieu intégré [fr]"},
        "notions-fr",
    )
    assert data.blocks[0].competences[0].descriptors == {"notions-fr": {"fr": "Notions de A1 [fr]"}}
    assert data.blocks[0].competences[0].mappings == [MappingData("cedefop_2009", "1.5", "")]


# --- Bad input -----------------------------------------------------------------------------------


def test_case_cycle_in_the_hierarchy_is_a_problem(db):
    package = foreign_package()
    package["CFAssociations"][0] = child_of(1, 3, 1)

    assert rejected(encoded(package), "case") == [
        (
            f"CFItem {ident(1)} (W)",
            "isChildOf",
            "The hierarchy goes round in a circle (each is a child of the next): "
            f"W → {ident(3)} → W.1 → W.",
        )
    ]


def test_case_orphan_and_unknown_parent_are_problems(db):
    package = foreign_package()
    del package["CFAssociations"][4]
    package["CFAssociations"][1] = child_of(4, ident(77))

    assert rejected(encoded(package), "case") == [
        (
            f"CFItem {ident(4)} (W.2)",
            "isChildOf",
            f"The parent “{ident(77)}” is neither the document nor an item of the package.",
        ),
        (
            f"CFItem {ident(5)}",
            "isChildOf",
            "This item is not attached to the document: give it an isChildOf association to the "
            "document or to another item.",
        ),
    ]


def test_case_item_with_two_parents_or_too_deep_is_a_problem(db):
    package = foreign_package()
    package["CFItems"].append(item(7, "A fourth level"))
    package["CFAssociations"] += [child_of(7, 3, number=7), child_of(6, 1, number=61)]

    assert rejected(encoded(package), "case") == [
        (
            f"CFItem {ident(6)}",
            "isChildOf",
            "This item has several parents; an item belongs to one place only.",
        ),
        (
            f"CFItem {ident(7)}",
            "isChildOf",
            "This item is 4 levels deep; a framework has blocks (1), competences (2) and "
            "indicators (3).",
        ),
    ]


def test_case_association_from_an_unknown_item_is_a_problem(db):
    package = foreign_package()
    package["CFAssociations"].append(child_of(42, 1))

    assert rejected(encoded(package), "case") == [
        (
            f"CFAssociation {ident(942)}",
            "originNodeURI",
            "This is not the identifier of an item of the package.",
        )
    ]


def test_case_level_outside_the_scale_is_a_problem(db):
    package = package_of(framework_data())
    package["CFItems"][1]["extensions"]["cocade"]["expected"]["senior"] = "guru"
    criterion_level = package["CFRubrics"][0]["CFRubricCriteria"][1]["CFRubricCriterionLevels"][0]
    criterion_level["extensions"]["cocade"]["level"] = "mastery"
    criterion_level["position"] = 9
    criterion_level["quality"] = "Mastery"

    problems = rejected(encoded(package), "case")

    assert problems == [
        (
            f"CFRubricCriterionLevel {criterion_level['identifier']}",
            "position",
            "This level matches no level of the scale (by code, position or quality).",
        )
    ]
    criterion_level["extensions"]["cocade"]["level"] = "notions"
    competence = package["CFItems"][1]
    assert rejected(encoded(package), "case") == [
        (
            f"CFItem {competence['identifier']} (A1)",
            "expected",
            "The level “guru” is not on the scale.",
        )
    ]


def test_case_unknown_or_missing_language_is_a_problem(db):
    package = foreign_package()
    package["CFDocument"]["language"] = "de-AT"

    assert rejected(encoded(package), "case") == [
        (
            f"CFDocument {DOC}",
            "language",
            UNKNOWN_DE.replace("“de”", "“de-AT”"),
        )
    ]
    del package["CFDocument"]["language"]
    assert rejected(encoded(package), "case") == [
        (
            f"CFDocument {DOC}",
            "language",
            'The document has no language; add one, such as "language": "fr".',
        )
    ]


def test_case_duplicate_codes_and_identifiers_are_problems(db):
    package = foreign_package()
    package["CFItems"][3]["humanCodingScheme"] = "W.1"

    assert rejected(encoded(package), "case") == [
        (f"CFItem {ident(4)} (W.1)", "code", "The code “W.1” is used twice.")
    ]
    package["CFItems"].append(item(4, "Same identifier"))
    assert rejected(encoded(package), "case") == [
        (f"CFItem {ident(4)}", "identifier", "Another CFItem has the same identifier.")
    ]


def test_case_missing_scale_is_a_problem(db):
    package = foreign_package(CFRubrics=[])

    assert rejected(encoded(package), "case") == [
        (f"CFDocument {DOC}", "levels", "The scale needs at least one level.")
    ]


def test_case_malformed_files_are_problems(db):
    assert rejected(b"", "case") == [("", "", "The file is empty.")]
    assert rejected(b"\xff\xfe{}", "case") == [
        (
            "line 1",
            "",
            "The file is not UTF-8 text: byte 0xFF cannot be read (1 line(s) have such bytes). "
            "Save the file as UTF-8 and import it again.",
        )
    ]
    assert rejected(b'{"CFDocument": ', "case") == [
        ("line 1, column 16", "", "This is not valid JSON: Expecting value.")
    ]
    assert rejected(b"{}", "case") == [
        ("", "CFDocument", "This is not a CASE package: the CFDocument is missing.")
    ]
    assert rejected(b'{"format": "cocade-framework"}', "case") == [
        ("", "", "This is a COCADE JSON file; choose the JSON format to import it.")
    ]
    assert rejected(encoded(foreign_package(CFItems={"a": 1}, CFRubrics=[3])), "case") == [
        ("", "CFItems", "Expected a list ([…])."),
        ("CFRubrics[0]", "", "Expected an object ({…})."),
    ]
    package = foreign_package()
    package["CFRubrics"][0]["CFRubricCriteria"][0]["CFItemURI"] = link(ident(1))
    assert rejected(encoded(package), "case") == [
        (
            f"CFRubricCriterion {ident(510)}",
            "CFItemURI",
            "This criterion must point to a competence (an item of depth 2).",
        )
    ]


def test_case_export_of_a_draft_has_the_draft_status(db):
    version = import_framework(actor=None, data=framework_data())

    raw, _name, _type = export_version(version, "case")

    document = json.loads(raw)["CFDocument"]
    assert (document["adoptionStatus"], document["lastChangeDateTime"]) == (
        "Draft",
        timezone.localtime(version.created_at, datetime.UTC).isoformat(timespec="seconds"),
    )


CASE_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-1, 5) | st.sampled_from([DOC, ident(1), "x", ""]),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "CFDocument",
                    "CFItems",
                    "CFAssociations",
                    "CFRubrics",
                    "identifier",
                    "language",
                    "originNodeURI",
                    "destinationNodeURI",
                    "associationType",
                    "CFRubricCriteria",
                    "CFRubricCriterionLevels",
                    "CFItemURI",
                    "extensions",
                    "cocade",
                    "position",
                ]
            ),
            children,
            max_size=4,
        )
    ),
    max_leaves=15,
)


@settings(max_examples=200, deadline=None)
@given(CASE_VALUES.map(lambda value: json.dumps(value).encode()))
def test_case_any_json_gives_data_or_problems(raw):
    assert outcome_of(case_format.parse, raw) in ("data", "problems")


VALID_PACKAGE = case_format.dump(framework_data(languages=("fr", "en")))
PACKAGE_PATHS = list(paths_of(json.loads(VALID_PACKAGE)))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_case_any_change_to_a_valid_package_gives_data_or_problems(data):
    package = mutated(data.draw, json.loads(VALID_PACKAGE), PACKAGE_PATHS)

    assert outcome_of(case_format.parse, encoded(package)) in ("data", "problems")
