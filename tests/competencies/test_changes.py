"""What changed between two versions: a pure function on plain data, compared by codes."""

import copy

from django.utils import translation

from cocade.competencies.interchange.data import (
    BlockData,
    CompetenceData,
    LevelData,
    MappingData,
)
from cocade.competencies.selectors.changes import (
    BlockChange,
    Changes,
    CompetenceChange,
    CompetenceMove,
    ExpectedChange,
    Item,
    LevelChange,
    Mapping,
    changed_languages,
    version_changes,
)
from cocade.competencies.selectors.frameworks import version_as_data
from cocade.competencies.services.frameworks import start_new_draft
from tests.factories.competencies import framework_data, published_version


def versions(**kwargs):
    """Version 1 and an identical version 2 to change."""
    old = framework_data(**kwargs)
    old.version = 1
    new = copy.deepcopy(old)
    new.version = 2
    return old, new


def competence(data, code):
    return next(c for c in data.competences() if c.code == code)


def test_changed_languages_lists_added_removed_and_reworded_in_settings_order():
    before = {"fr": "Accueillir", "en": "Welcome", "it": "Accogliere"}
    after = {"fr": "Accueillir", "en": "Greet", "da": "Modtage", "pt": "  "}

    assert changed_languages(before, after) == ("en", "it", "da")


def test_version_changes_identical_versions_has_no_change():
    old, new = versions()

    changes = version_changes(old, new)

    assert changes == Changes(since=1, version=2)
    assert changes.has_changes is False


def test_version_changes_without_old_version_adds_everything():
    new = framework_data(blocks=1, competences=2)
    new.version = 1

    changes = version_changes(None, new)

    assert changes == Changes(
        since=None,
        version=1,
        first=True,
        levels_added=[
            Item("notions", {"fr": "Notions [fr]", "en": "Notions [en]"}),
            Item("application", {"fr": "Application [fr]", "en": "Application [en]"}),
            Item("maitrise", {"fr": "Maitrise [fr]", "en": "Maitrise [en]"}),
            Item("expertise", {"fr": "Expertise [fr]", "en": "Expertise [en]"}),
        ],
        blocks_added=[Item("A", {"fr": "Bloc A [fr]", "en": "Bloc A [en]"})],
        competences_added=[
            Item("A1", {"fr": "Compétence A1 [fr]", "en": "Compétence A1 [en]"}, "A"),
            Item("A2", {"fr": "Compétence A2 [fr]", "en": "Compétence A2 [en]"}, "A"),
        ],
    )
    assert changes.has_changes is True


def test_version_changes_framework_texts_by_language():
    old, new = versions()
    new.title = {"fr": old.title["fr"], "en": "Integrated-centre counsellor"}
    new.description = {**old.description, "it": "Quadro di prova"}
    new.original_language = "en"
    new.change_note = {"fr": "Nouvelle note"}

    changes = version_changes(old, new)

    assert changes == Changes(
        since=1,
        version=2,
        title_languages=("en",),
        description_languages=("it",),
        original_language=("fr", "en"),
    )
    assert changes.framework_changed is True


def test_version_changes_levels_added_removed_and_changed():
    old, new = versions()
    new.levels = [
        LevelData(rank=1, code="notions", label={"fr": "Notions [fr]", "en": "Basics"}),
        LevelData(rank=2, code="maitrise", label={"fr": "Maitrise [fr]", "en": "Maitrise [en]"}),
        LevelData(
            rank=3,
            code="expertise",
            label={"fr": "Expertise [fr]", "en": "Expertise [en]"},
            description={"fr": "Transmet aux autres"},
        ),
        LevelData(rank=4, code="reference", label={"fr": "Référence"}),
    ]
    for item in new.competences():
        item.descriptors = {"notions": item.descriptors["notions"]}

    changes = version_changes(old, new)

    assert changes.levels_added == [Item("reference", {"fr": "Référence"})]
    assert changes.levels_removed == [
        Item("application", {"fr": "Application [fr]", "en": "Application [en]"})
    ]
    assert changes.levels_changed == [
        LevelChange(
            "notions", {"fr": "Notions [fr]", "en": "Basics"}, rank=None, label_languages=("en",)
        ),
        LevelChange("maitrise", {"fr": "Maitrise [fr]", "en": "Maitrise [en]"}, rank=(3, 2)),
        LevelChange(
            "expertise",
            {"fr": "Expertise [fr]", "en": "Expertise [en]"},
            rank=(4, 3),
            description_languages=("fr",),
        ),
    ]
    assert changes.competences_changed == []


def test_version_changes_blocks_added_removed_and_renamed():
    old, new = versions(blocks=2, competences=1)
    new.blocks[0].title = {"fr": "Accueil", "en": "Bloc A [en]"}
    new.blocks[0].description = {"en": "Reception"}
    new.blocks[1] = BlockData(
        code="C",
        title={"fr": "Animation"},
        competences=[new.blocks[1].competences[0]],
    )

    changes = version_changes(old, new)

    assert changes.blocks_added == [Item("C", {"fr": "Animation"})]
    assert changes.blocks_removed == [Item("B", {"fr": "Bloc B [fr]", "en": "Bloc B [en]"})]
    assert changes.blocks_changed == [
        BlockChange(
            "A",
            {"fr": "Accueil", "en": "Bloc A [en]"},
            title_languages=("fr",),
            description_languages=("en",),
        )
    ]
    assert changes.blocks_changed[0].renamed is True
    assert changes.competences_moved == [
        CompetenceMove("B1", {"fr": "Compétence B1 [fr]", "en": "Compétence B1 [en]"}, "B", "C")
    ]
    assert changes.competences_added == []
    assert changes.competences_removed == []


def test_version_changes_competences_added_removed_moved():
    old, new = versions(blocks=2, competences=2)
    a2 = new.blocks[0].competences.pop(1)
    new.blocks[1].competences.append(a2)
    new.blocks[1].competences.remove(competence(new, "B1"))
    new.blocks[0].competences.append(CompetenceData(code="A3", title={"fr": "Orienter"}))

    changes = version_changes(old, new)

    assert (
        changes.competences_added,
        changes.competences_removed,
        changes.competences_moved,
        changes.competences_changed,
    ) == (
        [Item("A3", {"fr": "Orienter"}, "A")],
        [Item("B1", {"fr": "Compétence B1 [fr]", "en": "Compétence B1 [en]"}, "B")],
        [CompetenceMove("A2", {"fr": "Compétence A2 [fr]", "en": "Compétence A2 [en]"}, "A", "B")],
        [],
    )


def test_version_changes_competence_fields_that_changed():
    old, new = versions(blocks=1, competences=2)
    a1 = competence(new, "A1")
    a1.title = {"fr": "Accueillir le public", "en": "Compétence A1 [en]", "it": "Accogliere"}
    a1.description = {"fr": "Sans rendez-vous"}
    a1.indicators = [a1.indicators[0] | {"en": "Greets"}, a1.indicators[1], {"fr": "Écoute"}]
    a1.descriptors = {"maitrise": {"fr": "Seul"}}
    a1.expected = {"newcomer": "application", "counsellor": "maitrise"}
    a1.mappings = [
        MappingData(scheme="esco", reference="http://data.europa.eu/esco/skill/abc"),
    ]

    changes = version_changes(old, new)

    assert changes.competences_changed == [
        CompetenceChange(
            code="A1",
            block="A",
            title={"fr": "Accueillir le public", "en": "Compétence A1 [en]", "it": "Accogliere"},
            title_languages=("fr", "it"),
            description_languages=("fr",),
            indicators=(2, 3),
            indicator_languages=("fr", "en"),
            descriptors=("maitrise", "notions"),
            expected=(
                ExpectedChange("newcomer", "notions", "application"),
                ExpectedChange("senior", "expertise", None),
            ),
            mappings_added=(Mapping("esco", "http://data.europa.eu/esco/skill/abc"),),
            mappings_removed=(Mapping("cedefop_2009", "1.5"),),
        )
    ]
    assert changes.competences_changed[0].fields == [
        "title",
        "description",
        "indicators",
        "descriptors",
        "expected",
        "mappings",
    ]
    with translation.override("en"):
        assert changes.competences_changed[0].expected[0].profile_label == "Newcomer"
        assert changes.competences_changed[0].mappings_added[0].scheme_label == "ESCO skill"


def test_version_changes_indicator_translation_only_counts_as_indicators_change():
    old, new = versions(blocks=1, competences=1)
    a1 = competence(new, "A1")
    a1.indicators[1] = a1.indicators[1] | {"pt": "Indicador"}

    changes = version_changes(old, new)

    assert changes.competences_changed == [
        CompetenceChange(
            code="A1",
            block="A",
            title=a1.title,
            indicators=(2, 2),
            indicator_languages=("pt",),
        )
    ]


def test_version_changes_of_database_versions_after_a_new_draft(coordinator):
    published = published_version(blocks=1, competences=1)
    draft = start_new_draft(actor=coordinator, framework=published.framework)

    changes = version_changes(version_as_data(published), version_as_data(draft))

    assert changes == Changes(since=1, version=2)
