"""Authoring a draft version: permissions, the draft-only rule, validation, ranks and positions,
the original language of child rows, and the audit trail."""

import dataclasses

import pytest
from django.core import serializers
from django.utils import translation

from cocade.accounts.enums import Role
from cocade.competencies.enums import AssessmentStatus, VersionStatus
from cocade.competencies.interchange.data import MappingData
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
    SelfAssessment,
)
from cocade.competencies.selectors.authoring import complete_languages, language_coverage
from cocade.competencies.selectors.frameworks import version_as_data
from cocade.competencies.services import assessments, authoring, frameworks
from cocade.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from cocade.core.models import AuditLogEntry
from tests.factories.accounts import MembershipFactory
from tests.factories.competencies import framework_data, published_version

MODELS = (
    Framework,
    FrameworkVersion,
    ProficiencyLevel,
    Block,
    Competence,
    Indicator,
    LevelDescriptor,
    ExpectedLevel,
    ExternalMapping,
    AuditLogEntry,
)


@pytest.fixture(autouse=True)
def _english():
    """Messages are compared in English (French is the default language)."""
    with translation.override("en"):
        yield


def state():
    """Every row the authoring services may touch, to prove a refusal changed nothing."""
    return [serializers.serialize("json", model.objects.order_by("pk")) for model in MODELS]


@pytest.fixture
def draft(coordinator):
    """Version 2 (draft) of cdm-counsellor, copied from the published version 1."""
    published = published_version(blocks=2, competences=2)
    return frameworks.start_new_draft(actor=coordinator, framework=published.framework)


def level(version, code):
    return version.levels.get(code=code)


def block(version, code):
    return version.blocks.get(code=code)


def comp(version, code):
    return version.competences.get(code=code)


def last_entry():
    return AuditLogEntry.objects.order_by("-pk").first()


# --- Frameworks and versions ---------------------------------------------------------------


def test_create_framework_makes_an_empty_draft_version_1(coordinator):
    version = authoring.create_framework(
        actor=coordinator,
        slug="cdm-manager",
        title={"fr": "Responsable de Cité", "en": "Centre manager"},
        original_language="fr",
        description={"fr": "Pour les responsables"},
    )

    assert (
        version.framework.slug,
        version.number,
        version.status,
        version.title,
        version.description,
        version.original_language,
        version.created_by,
        version.levels.count(),
        version.blocks.count(),
    ) == (
        "cdm-manager",
        1,
        VersionStatus.DRAFT,
        {"fr": "Responsable de Cité", "en": "Centre manager"},
        {"fr": "Pour les responsables"},
        "fr",
        coordinator,
        0,
        0,
    )
    entry = last_entry()
    assert (entry.action, entry.actor, entry.centre_id, entry.object_id) == (
        "competencies.framework.created",
        coordinator,
        None,
        str(version.pk),
    )


def test_create_framework_by_network_editor_is_allowed(db):
    editor = MembershipFactory(role=Role.EDITOR, centre=None).user

    version = authoring.create_framework(
        actor=editor, slug="x", title={"en": "X"}, original_language="en"
    )

    assert version.framework.slug == "x"


def test_create_framework_by_counsellor_is_forbidden(counsellor_a):
    before = state()

    with pytest.raises(Forbidden) as error:
        authoring.create_framework(
            actor=counsellor_a, slug="x", title={"fr": "X"}, original_language="fr"
        )

    assert str(error.value.message) == "Only the network's framework authors may change frameworks."
    assert state() == before


def test_create_framework_with_a_taken_slug_names_the_field(coordinator, draft):
    before = state()

    with pytest.raises(InvalidInput) as error:
        authoring.create_framework(
            actor=coordinator, slug="cdm-counsellor", title={"fr": "X"}, original_language="fr"
        )

    assert error.value.detail == {
        "slug": ["A framework with the identifier “cdm-counsellor” already exists."]
    }
    assert state() == before


def test_create_framework_without_title_in_original_language_lists_every_problem(coordinator):
    before = state()

    with pytest.raises(InvalidInput) as error:
        authoring.create_framework(
            actor=coordinator, slug="bad slug", title={"en": "Only English"}, original_language="fr"
        )

    assert error.value.detail == {
        "slug": [
            "Enter a valid “slug” consisting of Unicode letters, numbers, underscores, or hyphens."
        ],
        "title": ["Give at least the text in the original language (Français)."],
    }
    assert state() == before


def test_update_version_changes_texts_and_records_them(coordinator, draft):
    authoring.update_version(
        actor=coordinator,
        version=draft,
        data={"change_note": {"fr": "Ajout du bloc C", "en": ""}, "description": {}},
    )

    draft.refresh_from_db()
    assert (draft.change_note, draft.description) == ({"fr": "Ajout du bloc C"}, {})
    entry = last_entry()
    assert (entry.action, entry.changes) == (
        "competencies.version.updated",
        {
            "change_note": {"before": {}, "after": {"fr": "Ajout du bloc C"}},
            "description": {
                "before": {"fr": "Référentiel de test [fr]", "en": "Référentiel de test [en]"},
                "after": {},
            },
        },
    )


def test_update_version_without_change_records_nothing(coordinator, draft):
    count = AuditLogEntry.objects.count()

    authoring.update_version(actor=coordinator, version=draft, data={"title": draft.title})

    assert AuditLogEntry.objects.count() == count


def test_update_version_original_language_moves_every_child_row(coordinator, draft):
    authoring.update_version(actor=coordinator, version=draft, data={"original_language": "en"})

    languages = {
        model.__name__: set(
            model.objects.filter(
                **({"version": draft} if hasattr(model, "version") else {})
            ).values_list("original_language", flat=True)
        )
        for model in (ProficiencyLevel, Block, Competence)
    }
    languages["Indicator"] = set(
        Indicator.objects.filter(competence__version=draft).values_list(
            "original_language", flat=True
        )
    )
    languages["LevelDescriptor"] = set(
        LevelDescriptor.objects.filter(competence__version=draft).values_list(
            "original_language", flat=True
        )
    )
    old = FrameworkVersion.objects.get(number=1)
    assert languages == {
        "ProficiencyLevel": {"en"},
        "Block": {"en"},
        "Competence": {"en"},
        "Indicator": {"en"},
        "LevelDescriptor": {"en"},
    }
    assert set(old.blocks.values_list("original_language", flat=True)) == {"fr"}


def test_update_version_to_a_language_without_title_is_refused(coordinator, draft):
    before = state()

    with pytest.raises(InvalidInput) as error:
        authoring.update_version(actor=coordinator, version=draft, data={"original_language": "it"})

    assert error.value.detail == {
        "title": ["Give at least the text in the original language (Italiano)."]
    }
    assert state() == before


# --- The scale ----------------------------------------------------------------------------


def test_add_level_goes_on_top_with_the_version_language(coordinator, draft):
    new = authoring.add_level(
        actor=coordinator,
        version=draft,
        data={"code": "reference", "label": {"fr": "Référence"}, "description": {}},
    )

    assert (new.rank, new.original_language, new.label) == (5, "fr", {"fr": "Référence"})
    assert last_entry().action == "competencies.level.created"


def test_add_level_with_a_used_code_names_the_field(coordinator, draft):
    before = state()

    with pytest.raises(InvalidInput) as error:
        authoring.add_level(
            actor=coordinator, version=draft, data={"code": "maitrise", "label": {"fr": "M"}}
        )

    assert (error.value.field, error.value.detail) == (
        "code",
        {"code": ["The code “maitrise” is already used by another level of this version."]},
    )
    assert state() == before


def test_update_level_keeps_its_rank(coordinator, draft):
    updated = authoring.update_level(
        actor=coordinator,
        level=level(draft, "maitrise"),
        data={"code": "maitrise", "label": {"fr": "Maîtrise", "en": "Mastery"}},
    )

    assert (updated.rank, updated.label) == (3, {"fr": "Maîtrise", "en": "Mastery"})


def test_delete_level_renumbers_and_drops_its_descriptors_and_expectations(coordinator, draft):
    authoring.delete_level(actor=coordinator, level=level(draft, "notions"))

    assert list(draft.levels.order_by("rank").values_list("rank", "code")) == [
        (1, "application"),
        (2, "maitrise"),
        (3, "expertise"),
    ]
    assert LevelDescriptor.objects.filter(competence__version=draft).count() == 0
    assert set(
        ExpectedLevel.objects.filter(competence__version=draft).values_list("profile", flat=True)
    ) == {"counsellor", "senior"}
    assert last_entry().action == "competencies.level.deleted"


@pytest.mark.parametrize(
    ("code", "rank", "order"),
    [
        ("expertise", 1, ["expertise", "notions", "application", "maitrise"]),
        ("notions", 3, ["application", "maitrise", "notions", "expertise"]),
        ("maitrise", 3, ["notions", "application", "maitrise", "expertise"]),
    ],
)
def test_move_level_shifts_the_levels_between(coordinator, draft, code, rank, order):
    authoring.move_level(actor=coordinator, level=level(draft, code), rank=rank)

    assert list(draft.levels.order_by("rank").values_list("code", flat=True)) == order
    assert list(draft.levels.order_by("rank").values_list("rank", flat=True)) == [1, 2, 3, 4]


def test_move_level_out_of_the_scale_is_refused(coordinator, draft):
    before = state()

    with pytest.raises(InvalidInput) as error:
        authoring.move_level(actor=coordinator, level=level(draft, "notions"), rank=5)

    assert (error.value.field, str(error.value.message)) == ("rank", "Choose a rank from 1 to 4.")
    assert state() == before


# --- Blocks and competences -----------------------------------------------------------------


def test_add_block_goes_last_by_default(coordinator, draft):
    new = authoring.add_block(
        actor=coordinator,
        version=draft,
        data={"code": "C", "title": {"fr": "Animation"}, "position": None},
    )

    assert (new.position, new.original_language, new.version) == (2, "fr", draft)
    assert last_entry().action == "competencies.block.created"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("B", "The code “B” is already used by another block of this version."),
        ("B 2", "A code is 1 to 20 letters, digits, dots, hyphens or underscores."),
        ("", "A code is 1 to 20 letters, digits, dots, hyphens or underscores."),
    ],
)
def test_add_block_with_a_bad_code_names_the_field(coordinator, draft, code, message):
    before = state()

    with pytest.raises(InvalidInput) as error:
        authoring.add_block(actor=coordinator, version=draft, data={"code": code, "title": {}})

    assert error.value.detail == {
        "code": [message],
        "title": ["Give at least the text in the original language (Français)."],
    }
    assert state() == before


def test_update_block_may_keep_its_own_code(coordinator, draft):
    updated = authoring.update_block(
        actor=coordinator,
        block=block(draft, "A"),
        data={"code": "A", "title": {"fr": "Accueil"}, "position": None},
    )

    assert (updated.code, updated.title, updated.position) == ("A", {"fr": "Accueil"}, 0)


def test_delete_block_deletes_its_competences(coordinator, draft):
    authoring.delete_block(actor=coordinator, block=block(draft, "A"))

    assert list(draft.competences.values_list("code", flat=True)) == ["B1", "B2"]
    assert last_entry().action == "competencies.block.deleted"


def test_add_competence_goes_last_in_its_block(coordinator, draft):
    new = authoring.add_competence(
        actor=coordinator,
        block=block(draft, "A"),
        data={"code": "A3", "title": {"fr": "Orienter"}, "description": {}, "position": None},
    )

    assert (new.block.code, new.position, new.version, new.original_language) == (
        "A",
        2,
        draft,
        "fr",
    )


def test_add_competence_with_a_code_of_another_block_names_the_field(coordinator, draft):
    before = state()

    with pytest.raises(InvalidInput) as error:
        authoring.add_competence(
            actor=coordinator, block=block(draft, "A"), data={"code": "B1", "title": {"fr": "X"}}
        )

    assert error.value.detail == {
        "code": ["The code “B1” is already used by another competence of this version."]
    }
    assert state() == before


def test_update_competence_to_another_block_puts_it_last(coordinator, draft):
    moved = authoring.update_competence(
        actor=coordinator,
        competence=comp(draft, "A1"),
        data={"block": block(draft, "B"), "code": "A1", "title": {"fr": "Accueillir"}},
    )

    assert (moved.block.code, moved.position) == ("B", 2)
    assert last_entry().changes["block"] == {
        "before": block(draft, "A").pk,
        "after": block(draft, "B").pk,
    }


def test_update_competence_with_a_block_of_another_version_is_refused(coordinator, draft):
    old_block = FrameworkVersion.objects.get(number=1).blocks.get(code="B")
    before = state()

    with pytest.raises(InvalidInput) as error:
        authoring.update_competence(
            actor=coordinator, competence=comp(draft, "A1"), data={"block": old_block}
        )

    assert error.value.detail == {"block": ["Choose a block of this version."]}
    assert state() == before


def test_delete_competence_removes_it_with_its_rows(coordinator, draft):
    target = comp(draft, "A2")

    authoring.delete_competence(actor=coordinator, competence=target)

    assert (
        draft.competences.filter(code="A2").exists(),
        Indicator.objects.filter(competence_id=target.pk).exists(),
    ) == (False, False)


# --- Indicators, descriptors, expected levels, mappings ---------------------------------------


def test_replace_indicators_keeps_the_order_and_skips_blank_rows(coordinator, draft):
    target = comp(draft, "A1")

    rows = authoring.replace_indicators(
        actor=coordinator,
        competence=target,
        indicators=[{"fr": " Accueille ", "en": ""}, {"fr": "", "en": " "}, None, {"fr": "Écoute"}],
    )

    assert [(row.position, row.text, row.original_language) for row in rows] == [
        (0, {"fr": "Accueille"}, "fr"),
        (1, {"fr": "Écoute"}, "fr"),
    ]
    assert last_entry().changes == {
        "indicators": {
            "before": [
                {"fr": "Indicateur A1.1 [fr]", "en": "Indicateur A1.1 [en]"},
                {"fr": "Indicateur A1.2 [fr]", "en": "Indicateur A1.2 [en]"},
            ],
            "after": [{"fr": "Accueille"}, {"fr": "Écoute"}],
        }
    }


def test_replace_indicators_without_original_language_names_the_row(coordinator, draft):
    before = state()

    with pytest.raises(InvalidInput) as error:
        authoring.replace_indicators(
            actor=coordinator,
            competence=comp(draft, "A1"),
            indicators=[{"fr": "Accueille"}, {}, {"en": "Listens"}, {"fr": "x" * 501}],
        )

    assert (str(error.value.message), error.value.detail) == (
        "Indicator 3: Give at least the text in the original language (Français).",
        {
            "indicators.2": ["Give at least the text in the original language (Français)."],
            "indicators.3": ["The Français text is longer than 500 characters."],
        },
    )
    assert state() == before


def test_replace_indicators_unchanged_records_nothing(coordinator, draft):
    target = comp(draft, "A1")
    count = AuditLogEntry.objects.count()

    authoring.replace_indicators(
        actor=coordinator,
        competence=target,
        indicators=[dict(i.text) for i in target.indicators.all()],
    )

    assert AuditLogEntry.objects.count() == count


def test_set_descriptors_by_code_or_level_and_blank_removes(coordinator, draft):
    target = comp(draft, "A1")

    rows = authoring.set_descriptors(
        actor=coordinator,
        competence=target,
        descriptors={
            "notions": {"fr": ""},
            level(draft, "maitrise"): {"fr": "Seul, dans les cas courants"},
            "expertise": {"fr": "Forme les autres", "en": "Trains others"},
        },
    )

    assert [(row.level.code, row.text, row.original_language) for row in rows] == [
        ("maitrise", {"fr": "Seul, dans les cas courants"}, "fr"),
        ("expertise", {"fr": "Forme les autres", "en": "Trains others"}, "fr"),
    ]
    assert last_entry().action == "competencies.descriptors.updated"


def test_set_descriptors_with_levels_off_the_scale_is_refused(coordinator, draft):
    other_level = FrameworkVersion.objects.get(number=1).levels.get(code="maitrise")
    before = state()

    with pytest.raises(InvalidInput) as error:
        authoring.set_descriptors(
            actor=coordinator,
            competence=comp(draft, "A1"),
            descriptors={
                "master": {"fr": "X"},
                other_level: {"fr": "Y"},
                "application": {"en": "Only English"},
            },
        )

    assert error.value.detail == {
        "descriptors": [
            "The level “master” is not on this version's scale.",
            "The level “maitrise” is not on this version's scale.",
        ],
        "descriptors.application": ["Give at least the text in the original language (Français)."],
    }
    assert state() == before


def test_set_expected_levels_sets_changes_and_removes(coordinator, draft):
    target = comp(draft, "A1")

    rows = authoring.set_expected_levels(
        actor=coordinator,
        competence=target,
        expected={"newcomer": None, "counsellor": level(draft, "application")},
    )

    assert [(row.profile, row.level.code) for row in rows] == [
        ("counsellor", "application"),
        ("senior", "expertise"),
    ]
    assert last_entry().changes == {
        "expected": {
            "before": {"newcomer": "notions", "counsellor": "maitrise", "senior": "expertise"},
            "after": {"counsellor": "application", "senior": "expertise"},
        }
    }


def test_set_expected_levels_with_unknown_profile_or_level_is_refused(coordinator, draft):
    before = state()

    with pytest.raises(InvalidInput) as error:
        authoring.set_expected_levels(
            actor=coordinator,
            competence=comp(draft, "A1"),
            expected={"manager": "notions", "senior": "guru"},
        )

    assert error.value.detail == {
        "expected": ["Unknown profile “manager”; use one of: newcomer, counsellor, senior."],
        "expected.senior": ["The level “guru” is not on this version's scale."],
    }
    assert state() == before


def test_replace_mappings_replaces_the_list(coordinator, draft):
    target = comp(draft, "A1")

    rows = authoring.replace_mappings(
        actor=coordinator,
        competence=target,
        mappings=[
            MappingData(scheme="esco", reference=" http://data.europa.eu/esco/skill/abc "),
            {"scheme": "", "reference": "", "label": ""},
            {"scheme": "nice_2016", "reference": "CD", "label": "Career development"},
        ],
    )

    assert [(m.scheme, m.reference, m.label) for m in rows] == [
        ("esco", "http://data.europa.eu/esco/skill/abc", ""),
        ("nice_2016", "CD", "Career development"),
    ]
    assert last_entry().action == "competencies.mappings.replaced"


def test_replace_mappings_with_bad_rows_names_each(coordinator, draft):
    before = state()

    with pytest.raises(InvalidInput) as error:
        authoring.replace_mappings(
            actor=coordinator,
            competence=comp(draft, "A1"),
            mappings=[
                MappingData(scheme="cedefop_2009", reference="1.5"),
                MappingData(scheme="onet", reference="X"),
                MappingData(scheme="cedefop_2009", reference="1.5"),
                MappingData(scheme="esco", reference="", label="Only a label"),
            ],
        )

    assert error.value.detail == {
        "mappings.1.scheme": ["Value 'onet' is not a valid choice."],
        "mappings.2.reference": ["This item is given twice for the same reference."],
        "mappings.3.reference": ["This field cannot be blank."],
    }
    assert state() == before


# --- The draft-only rule and permissions -----------------------------------------------------


def _every_service(version):
    """One call of each service that changes a version's content."""
    a1 = version.competences.get(code="A1")
    a = version.blocks.get(code="A")
    notions = version.levels.get(code="notions")
    return {
        "update_version": lambda actor: authoring.update_version(
            actor=actor, version=version, data={"title": {"fr": "Nouveau"}}
        ),
        "add_level": lambda actor: authoring.add_level(
            actor=actor, version=version, data={"code": "x", "label": {"fr": "X"}}
        ),
        "update_level": lambda actor: authoring.update_level(
            actor=actor, level=notions, data={"label": {"fr": "N"}}
        ),
        "delete_level": lambda actor: authoring.delete_level(actor=actor, level=notions),
        "move_level": lambda actor: authoring.move_level(actor=actor, level=notions, rank=2),
        "add_block": lambda actor: authoring.add_block(
            actor=actor, version=version, data={"code": "Z", "title": {"fr": "Z"}}
        ),
        "update_block": lambda actor: authoring.update_block(
            actor=actor, block=a, data={"title": {"fr": "Z"}}
        ),
        "delete_block": lambda actor: authoring.delete_block(actor=actor, block=a),
        "add_competence": lambda actor: authoring.add_competence(
            actor=actor, block=a, data={"code": "Z1", "title": {"fr": "Z"}}
        ),
        "update_competence": lambda actor: authoring.update_competence(
            actor=actor, competence=a1, data={"title": {"fr": "Z"}}
        ),
        "delete_competence": lambda actor: authoring.delete_competence(actor=actor, competence=a1),
        "replace_indicators": lambda actor: authoring.replace_indicators(
            actor=actor, competence=a1, indicators=[]
        ),
        "set_descriptors": lambda actor: authoring.set_descriptors(
            actor=actor, competence=a1, descriptors={"notions": None}
        ),
        "set_expected_levels": lambda actor: authoring.set_expected_levels(
            actor=actor, competence=a1, expected={"senior": None}
        ),
        "replace_mappings": lambda actor: authoring.replace_mappings(
            actor=actor, competence=a1, mappings=[]
        ),
    }


SERVICES = [
    "update_version",
    "add_level",
    "update_level",
    "delete_level",
    "move_level",
    "add_block",
    "update_block",
    "delete_block",
    "add_competence",
    "update_competence",
    "delete_competence",
    "replace_indicators",
    "set_descriptors",
    "set_expected_levels",
    "replace_mappings",
]


@pytest.mark.parametrize("name", SERVICES)
def test_service_on_a_published_version_is_refused_and_changes_nothing(coordinator, name):
    version = published_version(blocks=1, competences=1)
    call = _every_service(version)[name]
    before = state()

    with pytest.raises(Conflict) as error:
        call(coordinator)

    assert (error.value.code, str(error.value.message)) == (
        "version_not_draft",
        "Version 1 is published and can no longer change; "
        "start a new draft to change the framework.",
    )
    assert state() == before


@pytest.mark.parametrize("name", SERVICES)
def test_service_on_a_superseded_version_is_refused(coordinator, name):
    old = published_version(blocks=1, competences=1)
    frameworks.import_framework(
        actor=coordinator, data=framework_data(blocks=1, competences=1), publish=True
    )
    old.refresh_from_db()
    call = _every_service(old)[name]
    before = state()

    with pytest.raises(Conflict) as error:
        call(coordinator)

    assert str(error.value.message) == (
        "Version 1 is superseded and can no longer change; "
        "start a new draft to change the framework."
    )
    assert state() == before


@pytest.mark.parametrize("name", SERVICES)
def test_service_by_a_non_author_is_forbidden(counsellor_a, manager_a, coordinator, name, draft):
    call = _every_service(draft)[name]
    before = state()

    for actor in (counsellor_a, manager_a):
        with pytest.raises(Forbidden):
            call(actor)

    assert state() == before


def test_service_on_a_version_deleted_meanwhile_is_not_found(coordinator, draft):
    stale = FrameworkVersion.objects.get(pk=draft.pk)
    frameworks.delete_draft(actor=coordinator, version=draft)

    with pytest.raises(NotFound):
        authoring.add_block(actor=coordinator, version=stale, data={"code": "Z", "title": {}})


def test_ensure_editable_says_why_a_published_version_cannot_change(db):
    version = published_version()

    with pytest.raises(Conflict) as error:
        authoring.ensure_editable(version)

    assert error.value.code == "version_not_draft"


# --- A whole new version ---------------------------------------------------------------------


def test_new_draft_edits_and_publish_supersede_the_old_version(coordinator, counsellor_a):
    v1 = published_version(blocks=2, competences=2)
    assessment = assessments.start_assessment(actor=counsellor_a, version=v1)
    assessment = assessments.save_ratings(
        actor=counsellor_a,
        assessment=assessment,
        ratings={code: assessments.RatingInput("application") for code in ("A1", "A2", "B1", "B2")},
        submit=True,
    )
    v1_data = version_as_data(v1)

    v2 = frameworks.start_new_draft(actor=coordinator, framework=v1.framework)
    authoring.update_version(
        actor=coordinator, version=v2, data={"change_note": {"fr": "Accueil revu"}}
    )
    authoring.update_competence(
        actor=coordinator,
        competence=comp(v2, "A1"),
        data={"title": {"fr": "Accueillir sans rendez-vous", "en": "Welcome walk-ins"}},
    )
    authoring.delete_competence(actor=coordinator, competence=comp(v2, "B2"))
    frameworks.publish_version(actor=coordinator, version=v2)

    v1.refresh_from_db()
    v2.refresh_from_db()
    assessment.refresh_from_db()
    assert (v1.status, v2.status, v2.number) == (
        VersionStatus.SUPERSEDED,
        VersionStatus.PUBLISHED,
        2,
    )
    assert (assessment.version, assessment.status) == (v1, AssessmentStatus.SUBMITTED)
    assert sorted(
        assessment.ratings.values_list("competence__version__number", "competence__code")
    ) == [(1, "A1"), (1, "A2"), (1, "B1"), (1, "B2")]
    assert version_as_data(v1) == dataclasses.replace(v1_data, status="superseded")
    assert SelfAssessment.objects.filter(version=v2).count() == 0
    assert comp(v1, "A1").title == {"fr": "Compétence A1 [fr]", "en": "Compétence A1 [en]"}


# --- Reads for authors -----------------------------------------------------------------------


def test_complete_languages_matches_version_as_data_for_many_versions(coordinator, draft):
    authoring.replace_indicators(
        actor=coordinator,
        competence=comp(draft, "B2"),
        indicators=[{"fr": "Seulement en français"}],
    )
    other = published_version("other", blocks=1, competences=1, languages=("en", "it", "fr"))
    empty = authoring.create_framework(
        actor=coordinator, slug="empty", title={"da": "Tom"}, original_language="da"
    )
    versions = [*FrameworkVersion.objects.filter(framework__slug="cdm-counsellor"), other, empty]

    languages = complete_languages(v.pk for v in versions)

    assert languages == {v.pk: version_as_data(v).languages() for v in versions}
    assert [languages[v.pk] for v in versions] == [["fr"], ["fr", "en"], ["fr", "en", "it"], ["da"]]


def test_language_coverage_counts_every_written_text(db):
    data = framework_data(blocks=1, competences=1)
    data.blocks[0].competences[0].description = {"fr": "Décrite en français", "it": "Descritta"}

    coverage = language_coverage(data)

    assert [(row.language, row.translated, row.total, row.complete) for row in coverage] == [
        ("fr", 12, 12, True),
        ("en", 11, 12, False),
        ("pt", 0, 12, False),
        ("it", 1, 12, False),
        ("da", 0, 12, False),
        ("bg", 0, 12, False),
    ]
    assert coverage[1].percent == 91
