"""The CSV format (one row per competence): what a spreadsheet file means, export then import
gives back the same framework, and every problem is listed by line with nothing written."""

import dataclasses

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cocade.competencies.interchange import csv_format
from cocade.competencies.interchange.data import (
    BlockData,
    CompetenceData,
    FrameworkData,
    LevelData,
    MappingData,
    check_framework,
)
from cocade.competencies.interchange.errors import ParseFailed
from cocade.competencies.interchange.formats import export_version, parse_file
from cocade.competencies.selectors.frameworks import version_as_data
from cocade.competencies.services.frameworks import import_framework
from tests.competencies.interchange_helpers import (
    frameworks,
    outcome_of,
    rejected,
    without_sources,
)
from tests.factories.competencies import framework_data, published_version

UNKNOWN_DE = "Unknown language “de”; use one of: bg, da, en, fr, it, pt."
UNKNOWN_DE_COLUMN = "Unknown language “de” in this name; use one of: bg, da, en, fr, it, pt."
MISSING_COLUMN = "This column is missing."

SAMPLE = """\
#framework,slug,cdm-test
#framework,original_language,fr
#framework,title_fr,Référentiel test
#level,rank,code,label_fr
#level,1,notions,Notions
#level,2,maitrise,Maîtrise
block_code,block_title_fr,competence_code,title_fr,indicators_fr,expected_counsellor,\
descriptor_notions_fr,cedefop_2009,esco
A,Accueillir,A1,Accueillir le public,"Salue
Oriente",maitrise,Sait accueillir,1.5,
A,,A2,Informer,,notions,,,http://data.europa.eu/esco/skill/x | Informer
B,Conseiller,B1,"Conduire un entretien, avec méthode",,maitrise,,2.1; 2.2 | Entretien,
"""


def sample(*replacements):
    """SAMPLE as bytes, with each (old, new) replaced once."""
    text = SAMPLE
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new, 1)
    return text.encode("utf-8")


# --- What a file means ---------------------------------------------------------------------------


def test_csv_sample_reads_as_this_framework():
    with translation.override("en"):
        data = csv_format.parse(sample())

    assert data == FrameworkData(
        slug="cdm-test",
        original_language="fr",
        title={"fr": "Référentiel test"},
        levels=[
            LevelData(1, "notions", {"fr": "Notions"}, source="line 5"),
            LevelData(2, "maitrise", {"fr": "Maîtrise"}, source="line 6"),
        ],
        blocks=[
            BlockData(
                code="A",
                title={"fr": "Accueillir"},
                competences=[
                    CompetenceData(
                        code="A1",
                        title={"fr": "Accueillir le public"},
                        indicators=[{"fr": "Salue"}, {"fr": "Oriente"}],
                        descriptors={"notions": {"fr": "Sait accueillir"}},
                        expected={"counsellor": "maitrise"},
                        mappings=[MappingData("cedefop_2009", "1.5", "", source="line 8")],
                        source="line 8",
                    ),
                    CompetenceData(
                        code="A2",
                        title={"fr": "Informer"},
                        expected={"counsellor": "notions"},
                        mappings=[
                            MappingData(
                                "esco",
                                "http://data.europa.eu/esco/skill/x",
                                "Informer",
                                source="line 10",
                            )
                        ],
                        source="line 10",
                    ),
                ],
                source="line 8",
            ),
            BlockData(
                code="B",
                title={"fr": "Conseiller"},
                competences=[
                    CompetenceData(
                        code="B1",
                        title={"fr": "Conduire un entretien, avec méthode"},
                        expected={"counsellor": "maitrise"},
                        mappings=[
                            MappingData("cedefop_2009", "2.1", "", source="line 11"),
                            MappingData("cedefop_2009", "2.2", "Entretien", source="line 11"),
                        ],
                        source="line 11",
                    )
                ],
                source="line 11",
            ),
        ],
        source="line 1",
    )


def test_csv_accepts_semicolons_comments_blank_rows_and_a_byte_order_mark():
    text = SAMPLE.replace(",", ";").replace("entretien; avec", "entretien, avec")
    text = text.replace("2.1; 2.2 | Entretien", '"2.1; 2.2 | Entretien"')
    raw = b"\xef\xbb\xbf# Exported for the 2025 review\r\n\r\n" + text.encode("utf-8")

    assert without_sources(csv_format.parse(raw)) == without_sources(csv_format.parse(sample()))


def test_csv_indicators_line_up_by_position_across_languages():
    raw = sample(
        ("#level,rank,code,label_fr", "#level,rank,code,label_fr,label_en"),
        ("Notions\n", "Notions,Basics\n"),
        ("Maîtrise\n", "Maîtrise,Mastery\n"),
        ("indicators_fr,", "indicators_fr,indicators_en,"),
        ('Oriente",maitrise', 'Oriente","\nGuides",maitrise'),
        ("Informer,,notions", "Informer,,,notions"),
        ('méthode",,maitrise', 'méthode",,,maitrise'),
    )

    competence = csv_format.parse(raw).blocks[0].competences[0]

    assert competence.indicators == [{"fr": "Salue"}, {"fr": "Oriente", "en": "Guides"}]


def test_csv_mapping_cells_escape_separators():
    mappings = [
        MappingData("nice_2016", "A;1", "Plan | act"),
        MappingData("nice_2016", "B\\2", ""),
    ]

    assert csv_format.mapping_cell(mappings) == "A\\;1 | Plan \\| act; B\\\\2"


# --- Round trip ----------------------------------------------------------------------------------


def test_csv_export_of_a_version_imports_back_as_the_same_framework(db):
    version = published_version(languages=("fr", "en", "bg"))

    raw, filename, content_type = export_version(version, "csv")
    copy = import_framework(actor=None, data=parse_file(raw, "csv", slug="copy"), publish=True)

    assert (filename, content_type) == ("cdm-counsellor-v1.csv", "text/csv; charset=utf-8")
    assert version_as_data(copy) == dataclasses.replace(version_as_data(version), slug="copy")
    assert csv_format.dump(csv_format.parse(raw)) == raw


def test_csv_export_starts_with_the_metadata_rows(db):
    raw, _name, _type = export_version(published_version(), "csv")

    assert raw.decode("utf-8").splitlines()[:9] == [
        "\ufeff#framework,format_version,1",
        "#framework,slug,cdm-counsellor",
        "#framework,original_language,fr",
        "#framework,version,1",
        "#framework,status,published",
        "#framework,title_fr,Conseiller en lieu intégré [fr]",
        "#framework,title_en,Conseiller en lieu intégré [en]",
        "#framework,description_fr,Référentiel de test [fr]",
        "#framework,description_en,Référentiel de test [en]",
    ]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frameworks())
def test_csv_round_trip_of_any_valid_framework(data):
    assert check_framework(data) == []

    raw = csv_format.dump(data)
    parsed = csv_format.parse(raw)

    assert without_sources(parsed) == data
    assert csv_format.dump(parsed) == raw


# --- Bad input -----------------------------------------------------------------------------------


def test_csv_in_another_encoding_is_one_problem_at_its_first_line(db):
    raw = SAMPLE.encode("cp1252")

    assert rejected(raw, "csv") == [
        (
            "line 3",
            "",
            "The file is not UTF-8 text: byte 0xE9 cannot be read (3 line(s) have such "
            "bytes). Save the file as UTF-8 and import it again.",
        )
    ]


def test_csv_empty_file_is_a_problem(db):
    assert rejected(b"\xef\xbb\xbf\r\n", "csv") == [("", "", "The file is empty.")]


def test_csv_missing_columns_are_named(db):
    raw = sample(("competence_code,title_fr", "code,titre"))

    assert rejected(raw, "csv") == [
        ("line 7", "code", "Unknown column; docs/frameworks.md lists the columns."),
        ("line 7", "titre", "Unknown column; docs/frameworks.md lists the columns."),
        ("line 7", "competence_code", MISSING_COLUMN),
        ("line 7", "title_fr", MISSING_COLUMN),
    ]


def test_csv_missing_metadata_and_scale_are_problems(db):
    raw = b"block_code,competence_code\nA,A1\n"

    assert rejected(raw, "csv") == [
        ("#framework", "slug", "Missing: add a row “#framework,slug,…”."),
        ("#framework", "original_language", "Missing: add a row “#framework,original_language,…”."),
        (
            "#level",
            "",
            "The scale is missing: add a #level row naming the columns, then one per level.",
        ),
    ]


def test_csv_duplicate_codes_are_located_by_line(db):
    raw = sample(("A,,A2,", "A,,A1,"), ("B,Conseiller,B1", "A,Conseiller,B1"))

    assert rejected(raw, "csv") == [
        (
            "line 11",
            "block_title_fr",
            "This block's text differs from the one on its first row (line 8); give the same "
            "text, or leave the cell empty.",
        )
    ]
    raw = sample(("A,,A2,", "A,,A1,"), ("#level,2,maitrise", "#level,2,notions"))
    assert rejected(raw, "csv") == [
        ("line 6", "code", "The code “notions” is used twice."),
        ("line 8", "expected", "The level “maitrise” is not on the scale."),
        ("line 10", "code", "The code “A1” is used twice."),
        ("line 11", "expected", "The level “maitrise” is not on the scale."),
    ]


def test_csv_level_outside_the_scale_is_a_problem(db):
    raw = sample(
        ("maitrise,Sait", "expertise,Sait"), ("descriptor_notions_fr", "descriptor_top_fr")
    )

    assert rejected(raw, "csv") == [
        ("line 7", "descriptor_top_fr", "The level “top” is not on the scale.")
    ]
    raw = sample(("maitrise,Sait", "expertise,Sait"))
    assert rejected(raw, "csv") == [
        ("line 8", "expected", "The level “expertise” is not on the scale.")
    ]


def test_csv_unknown_language_column_is_a_problem_naming_it(db):
    raw = sample(
        ("#framework,title_fr,Référentiel test", "#framework,title_de,Testrahmen"),
        ("#level,rank,code,label_fr", "#level,rank,code,label_fr,label_de"),
        ("block_title_fr,", "block_title_fr,title_de,"),
        ("A,Accueillir,A1", "A,Accueillir,,A1"),
        ("A,,A2", "A,,,A2"),
        ("B,Conseiller,B1", "B,Conseiller,,B1"),
    )

    assert rejected(raw, "csv") == [
        ("line 3", "title_de", UNKNOWN_DE_COLUMN),
        ("line 4", "label_de", UNKNOWN_DE_COLUMN),
        ("line 7", "title_de", UNKNOWN_DE_COLUMN),
    ]


def test_csv_unknown_original_language_is_a_problem(db):
    raw = sample(("original_language,fr", "original_language,de"))

    assert rejected(raw, "csv") == [("line 1", "original_language", UNKNOWN_DE)]


def test_csv_row_problems_are_all_listed(db):
    raw = sample(
        ("#framework,slug,cdm-test", "#framework,slug,cdm-test,extra"),
        ("#framework,title_fr", "#framework,version,v2\n#framework,title_fr"),
        ("#level,2,", "#level,two,"),
        ("1.5,\n", "1.5,,oops\n"),
        ("2.1; 2.2 | Entretien", "2.1 | a | b"),
    )

    assert rejected(raw, "csv") == [
        ("line 1", "", "This row has more cells than its header (3); remove the extra ones."),
        ("line 3", "version", "Expected a whole number from 1."),
        ("line 7", "rank", "Expected a whole number."),
        ("line 9", "", "This row has more cells than its header (9); remove the extra ones."),
        (
            "line 12",
            "cedefop_2009",
            "Write each item as “reference” or “reference | label”; escape a “|” or “;” in a "
            "text with a backslash (\\| or \\;).",
        ),
    ]


def test_csv_header_problems_are_all_listed(db):
    raw = sample(
        ("block_code,block_title_fr,", "block_code,,block_title_fr,title_fr,expected_expert,"),
        ("A,Accueillir,A1", "A,x,Accueillir,,,A1"),
        ("A,,A2", "A,,,,,A2"),
        ("B,Conseiller,B1", "B,,Conseiller,,,B1"),
    )

    assert rejected(raw, "csv") == [
        (
            "line 7",
            "expected_expert",
            "Unknown profile “expert”; use one of: newcomer, counsellor, senior.",
        ),
        ("line 7", "title_fr", "This column is given twice."),
        ("line 8", "column 2", "This column has no name in the header; name it or empty it."),
    ]


def test_csv_parse_never_raises_anything_but_parse_failed():
    with translation.override("en"), pytest.raises(ParseFailed) as caught:
        csv_format.parse(b'#framework,slug\n"unclosed')

    assert [str(problem) for problem in caught.value.problems] == [
        "#framework · slug: Missing: add a row “#framework,slug,…”.",
        "#framework · original_language: Missing: add a row “#framework,original_language,…”.",
        "#level: The scale is missing: add a #level row naming the columns, then one per level.",
        "line 2 · unclosed: Unknown column; docs/frameworks.md lists the columns.",
        "line 2 · block_code: This column is missing.",
        "line 2 · competence_code: This column is missing.",
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(["#framework", "#level", "slug", "fr", "A", "rank", "1", "", '"', "\n"])
            | st.text(max_size=4),
            max_size=5,
        ),
        max_size=6,
    )
)
def test_csv_any_table_gives_data_or_problems(rows):
    raw = "\n".join(",".join(row) for row in rows).encode("utf-8")
    assert outcome_of(csv_format.parse, raw) in ("data", "problems")


def test_csv_dump_of_the_factory_framework_parses_back():
    data = framework_data(languages=("fr", "en", "pt"))

    assert without_sources(csv_format.parse(csv_format.dump(data))) == data
