"""The COCADE JSON format: export then import gives back the same framework; every problem of a
bad file is listed with its JSON path, and nothing is written."""

import dataclasses
import json

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cocade.competencies.interchange import json_format
from cocade.competencies.interchange.data import check_framework
from cocade.competencies.interchange.errors import ParseFailed
from cocade.competencies.interchange.formats import export_version, parse_file
from cocade.competencies.selectors.frameworks import version_as_data
from cocade.competencies.services.frameworks import delete_draft, import_framework
from tests.competencies.interchange_helpers import (
    frameworks,
    mutated,
    outcome_of,
    paths_of,
    rejected,
    without_sources,
)
from tests.factories.competencies import framework_data, published_version

UNKNOWN_DE = "Unknown language “de”; use one of: bg, da, en, fr, it, pt."


def document(**changes):
    """The JSON object of the factory's framework, with `changes` at the top level."""
    return {**json_format.as_document(framework_data()), **changes}


def encoded(value):
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


# --- Round trip ----------------------------------------------------------------------------------


def test_json_export_of_a_version_imports_back_as_the_same_framework(db):
    version = published_version()

    raw, filename, content_type = export_version(version, "json")
    copy = import_framework(actor=None, data=parse_file(raw, "json", slug="copy"), publish=True)

    assert (filename, content_type) == ("cdm-counsellor-v1.json", "application/json")
    assert version_as_data(copy) == dataclasses.replace(version_as_data(version), slug="copy")
    assert json_format.dump(json_format.parse(raw)) == raw


def test_json_export_imports_back_after_the_framework_is_deleted(db, coordinator):
    draft = import_framework(actor=None, data=framework_data(languages=("bg", "fr")))
    raw, _name, _type = export_version(draft, "json")
    before = version_as_data(draft)
    delete_draft(actor=coordinator, version=draft)

    again = import_framework(actor=None, data=parse_file(raw, "json"))

    assert version_as_data(again) == before


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frameworks())
def test_json_round_trip_of_any_valid_framework(data):
    assert check_framework(data) == []

    raw = json_format.dump(data)
    parsed = json_format.parse(raw)

    assert without_sources(parsed) == data
    assert json_format.dump(parsed) == raw


def test_json_nodes_carry_their_path_as_source():
    data = json_format.parse(json_format.dump(framework_data()))

    competence = data.blocks[1].competences[0]
    assert (data.levels[2].source, data.blocks[1].source, competence.source) == (
        "levels[2]",
        "blocks[1]",
        "blocks[1].competences[0]",
    )
    assert competence.mappings[0].source == "blocks[1].competences[0].mappings[0]"


def test_json_accepts_a_byte_order_mark():
    raw = json_format.dump(framework_data())

    assert without_sources(json_format.parse(b"\xef\xbb\xbf" + raw)) == framework_data()


# --- Bad input -----------------------------------------------------------------------------------


def test_json_in_another_encoding_is_one_problem_at_its_line(db):
    raw = json.dumps(document(), ensure_ascii=False, indent=2).encode("latin-1")

    assert rejected(raw, "json") == [
        (
            "line 9",
            "",
            "The file is not UTF-8 text: byte 0xE9 cannot be read (12 line(s) have such "
            "bytes). Save the file as UTF-8 and import it again.",
        )
    ]


@pytest.mark.parametrize("raw", [b"", b"  \n\n", b"\xef\xbb\xbf"])
def test_json_empty_file_is_a_problem(db, raw):
    assert rejected(raw, "json") == [("", "", "The file is empty.")]


def test_json_syntax_error_is_located_by_line_and_column(db):
    raw = b'{\n  "slug": "x",\n  "title": }'

    assert rejected(raw, "json") == [
        ("line 3, column 12", "", "This is not valid JSON: Expecting value.")
    ]


def test_json_that_is_not_an_object_is_a_problem(db):
    assert rejected(b"[1, 2]", "json") == [("", "", "The file must hold one JSON object ({…}).")]


def test_json_case_package_is_refused_with_the_right_format_named(db):
    assert rejected(b'{"CFDocument": {}}', "json") == [
        ("", "", "This looks like a CASE file; choose the CASE format to import it.")
    ]


def test_json_type_errors_are_all_listed_with_their_path(db):
    value = document(title="Référentiel", version="1", extra=True, format_version=2)
    value["levels"][0]["rank"] = "1"
    value["levels"][1] = "application"
    value["blocks"][0]["competences"][0]["indicators"] = [{"fr": 3}]
    value["blocks"][0]["competences"][1]["mappings"] = {"scheme": "esco"}
    value["blocks"][1]["competences"][0]["expected"] = {"senior": ["expertise"]}
    value["blocks"][1]["competences"][1]["descriptors"] = {"notions": "Notions"}

    assert rejected(encoded(value), "json") == [
        (
            "framework",
            "extra",
            "Unknown field; the fields here are: format, format_version, slug, "
            "original_language, version, status, title, description, change_note, levels, "
            "blocks.",
        ),
        ("framework", "format_version", "Only version 1 of the format can be read."),
        ("framework", "version", "Expected a whole number from 1, or null."),
        ("levels[0]", "rank", "Expected a whole number."),
        ("levels[1]", "", "Expected an object ({…})."),
        ("blocks[0].competences[0]", "indicators[0]", "The fr text must be a text."),
        ("blocks[0].competences[1]", "mappings", "Expected a list ([…])."),
        ("blocks[1].competences[0]", "expected.senior", "Expected a text."),
        (
            "blocks[1].competences[1]",
            "descriptors.notions",
            'Expected texts by language, such as {"fr": "…"}.',
        ),
        ("framework", "title", 'Expected texts by language, such as {"fr": "…"}.'),
    ]


def test_json_missing_fields_are_problems(db):
    value = document()
    del value["slug"]
    del value["blocks"][0]["code"]

    assert rejected(encoded(value), "json") == [
        ("blocks[0]", "code", "Expected a text."),
        ("framework", "slug", "Expected a text."),
    ]


def test_json_field_given_twice_is_a_problem(db):
    raw = json_format.dump(framework_data()).replace(
        b'"slug": "cdm-counsellor",', b'"slug": "cdm-counsellor",\n  "slug": "other",'
    )

    assert rejected(raw, "json") == [("framework", "slug", "This field is given twice.")]


def test_json_duplicate_codes_are_all_listed(db):
    value = document()
    value["blocks"][1]["code"] = "A"
    value["blocks"][1]["competences"][0]["code"] = "A1"

    assert rejected(encoded(value), "json") == [
        ("blocks[1]", "code", "The code “A” is used twice."),
        ("blocks[1].competences[0]", "code", "The code “A1” is used twice."),
    ]


def test_json_mapping_label_longer_than_its_column_is_a_problem(db):
    value = document()
    value["blocks"][0]["competences"][0]["mappings"][0]["label"] = "x" * 301

    assert rejected(encoded(value), "json") == [
        (
            "blocks[0].competences[0].mappings[0]",
            "mappings",
            "The label of the mapping “1.5” is longer than 300 characters.",
        )
    ]


def test_json_level_outside_the_scale_is_a_problem(db):
    value = document()
    competence = value["blocks"][0]["competences"][1]
    competence["expected"]["counsellor"] = "guru"
    competence["descriptors"]["mastery"] = {"fr": "Maîtrise"}

    assert rejected(encoded(value), "json") == [
        ("blocks[0].competences[1]", "descriptors", "The level “mastery” is not on the scale."),
        ("blocks[0].competences[1]", "expected", "The level “guru” is not on the scale."),
    ]


def test_json_unknown_language_is_a_problem_at_each_text(db):
    value = document(original_language="de")
    value["blocks"][0]["title"]["de"] = "Block A"

    problems = rejected(encoded(value), "json")

    assert problems == [
        ("framework", "original_language", UNKNOWN_DE),
        ("blocks[0]", "title", UNKNOWN_DE),
    ]


def test_json_parse_failure_lists_problems_without_raising_anything_else():
    with translation.override("en"), pytest.raises(ParseFailed) as caught:
        json_format.parse(b'{"format": "other"}')

    assert [str(p) for p in caught.value.problems][:1] == [
        "framework · format: Expected “cocade-framework”: this file is not a COCADE framework."
    ]


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["slug", "title", "fr", "levels", "blocks", "code", "rank"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200) | JSON_VALUES.map(lambda v: json.dumps(v).encode()))
def test_json_any_bytes_give_data_or_problems(raw):
    assert outcome_of(json_format.parse, raw) in ("data", "problems")


VALID_DOCUMENT = json_format.dump(framework_data(languages=("fr", "en")))
DOCUMENT_PATHS = list(paths_of(json.loads(VALID_DOCUMENT)))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_json_any_change_to_a_valid_file_gives_data_or_problems(data):
    document = mutated(data.draw, json.loads(VALID_DOCUMENT), DOCUMENT_PATHS)

    assert outcome_of(json_format.parse, encoded(document)) in ("data", "problems")
