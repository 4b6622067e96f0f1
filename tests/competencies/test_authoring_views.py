"""The authoring pages: who opens them, what a POST changes, and that a published version answers
every edit with the reason it cannot change (and changes nothing)."""

import pytest
from django.contrib.messages import get_messages
from django.core import serializers
from django.urls import reverse
from django.utils import translation

from cocade.accounts.enums import Role
from cocade.competencies.enums import VersionStatus
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
from cocade.competencies.services import authoring, frameworks
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
SLUG = "cdm-counsellor"


def state():
    return [serializers.serialize("json", model.objects.order_by("pk")) for model in MODELS]


def url(name, **kwargs):
    """Staff URLs in English, so that messages are compared in English."""
    with translation.override("en"):
        return reverse(f"staff_competencies:{name}", kwargs=kwargs)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def field_errors(response, field):
    return list(response.context["form"].errors.get(field, []))


@pytest.fixture
def v1(db):
    return published_version(SLUG, blocks=2, competences=2)


@pytest.fixture
def v2(v1, coordinator):
    return frameworks.start_new_draft(actor=coordinator, framework=v1.framework)


@pytest.fixture
def author(client, coordinator):
    client.force_login(coordinator)
    return client


def vkw(version):
    return {"slug": version.framework.slug, "number": version.number}


# --- Access -------------------------------------------------------------------------------------


def test_frameworks_anonymous_is_sent_to_sign_in(client, db):
    response = client.get(url("frameworks"))

    assert (response.status_code, response["Location"]) == (
        302,
        f"/en/accounts/login/?next={url('frameworks')}",
    )


@pytest.mark.parametrize("role", ["public_user", "counsellor_a", "manager_a"])
def test_frameworks_non_author_gets_the_reason(client, request, role):
    client.force_login(request.getfixturevalue(role))

    response = client.get(url("frameworks"))

    assert (response.status_code, str(response.context["message"])) == (
        403,
        "Only the network's framework authors may change frameworks.",
    )


def test_frameworks_network_editor_may_author(client, v2):
    client.force_login(MembershipFactory(role=Role.EDITOR, centre=None).user)

    response = client.get(url("frameworks"))

    assert response.status_code == 200


def test_frameworks_lists_versions_with_status_and_complete_languages(author, v2):
    published_version("other", blocks=1, competences=1, languages=("en",))

    response = author.get(url("frameworks"))

    rows = [
        (
            framework.slug,
            [(v.number, v.status, v.complete_languages) for v in framework.all_versions],
        )
        for framework in response.context["frameworks"]
    ]
    assert rows == [
        (SLUG, [(2, "draft", ["fr", "en"]), (1, "published", ["fr", "en"])]),
        ("other", [(1, "published", ["en"])]),
    ]


def test_frameworks_query_count_does_not_grow_with_frameworks(
    author, v2, django_assert_num_queries
):
    with django_assert_num_queries(12):
        author.get(url("frameworks"))
    for slug in ("f2", "f3", "f4"):
        published_version(slug)

    with django_assert_num_queries(12):
        response = author.get(url("frameworks"))

    assert len(response.context["frameworks"]) == 4


# --- Creating a framework -------------------------------------------------------------------------


def test_framework_create_makes_a_draft_and_opens_it(author):
    response = author.post(
        url("framework_create"),
        {
            "slug": "cdm-manager",
            "original_language": "fr",
            "title_fr": "Responsable",
            "title_en": "",
        },
    )

    version = FrameworkVersion.objects.get(framework__slug="cdm-manager")
    assert (response.status_code, response["Location"]) == (302, url("version", **vkw(version)))
    assert (version.number, version.status, version.title) == (1, "draft", {"fr": "Responsable"})


def test_framework_create_with_a_taken_slug_shows_the_error(author, v1):
    before = state()

    response = author.post(
        url("framework_create"), {"slug": SLUG, "original_language": "fr", "title_fr": "X"}
    )

    assert (response.status_code, field_errors(response, "slug")) == (
        400,
        ["A framework with the identifier “cdm-counsellor” already exists."],
    )
    assert state() == before


def test_framework_create_empty_post_shows_required_fields(author):
    response = author.post(url("framework_create"), {})

    assert (response.status_code, sorted(response.context["form"].errors)) == (
        400,
        ["original_language", "slug"],
    )


# --- The version page ---------------------------------------------------------------------


def test_version_draft_shows_tree_coverage_and_actions(author, v2):
    response = author.get(url("version", **vkw(v2)))

    content = response.content.decode()
    coverage = [(row.language, row.translated, row.total) for row in response.context["coverage"]]
    assert response.status_code == 200
    assert coverage == [
        ("fr", 24, 24),
        ("en", 24, 24),
        ("pt", 0, 24),
        ("it", 0, 24),
        ("da", 0, 24),
        ("bg", 0, 24),
    ]
    assert response.context["problems"] == []
    assert url("version_publish", **vkw(v2)) in content
    assert url("version_delete", **vkw(v2)) in content
    assert url("draft_start", slug=SLUG) not in content
    assert url("version_export", **vkw(v2), fmt="json") in content
    assert [block.code for block in response.context["blocks"]] == ["A", "B"]


def test_version_published_has_no_edit_links_and_offers_a_new_draft_when_none(author, v1):
    response = author.get(url("version", **vkw(v1)))

    content = response.content.decode()
    assert (
        url("version_edit", **vkw(v1)) in content,
        url("draft_start", slug=SLUG) in content,
        "This version is published and can no longer change" in content,
    ) == (False, True, True)


def test_version_empty_draft_lists_what_blocks_publishing(author, coordinator):
    version = authoring.create_framework(
        actor=coordinator, slug="new", title={"en": "New"}, original_language="en"
    )

    response = author.get(url("version", **vkw(version)))

    assert [str(problem) for problem in response.context["problems"]] == [
        "framework · levels: The scale needs at least one level.",
        "framework · blocks: The framework needs at least one block.",
    ]


@pytest.mark.parametrize("competences", [1, 5])
def test_version_page_query_count_is_fixed(
    author, coordinator, competences, django_assert_num_queries
):
    version = frameworks.import_framework(
        actor=None, data=framework_data("sized", blocks=2, competences=competences)
    )

    with django_assert_num_queries(16):
        author.get(url("version", **vkw(version)))


def test_version_draft_of_unknown_framework_is_404(author, db):
    assert author.get(url("version", slug="nope", number=1)).status_code == 404


# --- Version actions ----------------------------------------------------------------------


def test_version_edit_saves_the_texts(author, v2):
    response = author.post(
        url("version_edit", **vkw(v2)),
        {
            "title_fr": "Conseiller",
            "title_en": "Counsellor",
            "change_note_en": "Reception reviewed",
            "original_language": "fr",
        },
    )

    v2.refresh_from_db()
    assert (response.status_code, v2.title, v2.change_note, v2.description) == (
        302,
        {"fr": "Conseiller", "en": "Counsellor"},
        {"en": "Reception reviewed"},
        {},
    )


def test_version_publish_supersedes_the_published_one(author, v1, v2):
    response = author.post(url("version_publish", **vkw(v2)))

    v1.refresh_from_db()
    v2.refresh_from_db()
    assert (response.status_code, response["Location"], v1.status, v2.status) == (
        302,
        url("version", **vkw(v2)),
        VersionStatus.SUPERSEDED,
        VersionStatus.PUBLISHED,
    )
    assert messages_of(response) == [
        "The version was published; the previous one is now superseded."
    ]


def test_version_publish_incomplete_lists_the_problems(author, coordinator, v2):
    authoring.replace_indicators(
        actor=coordinator, competence=v2.competences.get(code="A1"), indicators=[]
    )
    authoring.delete_block(actor=coordinator, block=v2.blocks.get(code="B"))
    authoring.add_block(actor=coordinator, version=v2, data={"code": "C", "title": {"fr": "C"}})
    before = state()

    response = author.post(url("version_publish", **vkw(v2)))

    assert (
        response.status_code,
        str(response.context["message"]),
        response.context["problems"],
    ) == (
        422,
        "This draft cannot be published yet: 1 problem(s) to fix.",
        ["block 2 · competences: A block needs at least one competence."],
    )
    assert state() == before


def test_version_publish_of_a_published_version_says_why(author, v1):
    before = state()

    response = author.post(url("version_publish", **vkw(v1)))

    assert (response.status_code, str(response.context["message"])) == (
        409,
        "Version 1 is published and can no longer change; "
        "start a new draft to change the framework.",
    )
    assert state() == before


def test_version_delete_removes_the_draft(author, v2):
    response = author.post(url("version_delete", **vkw(v2)))

    assert (response.status_code, response["Location"]) == (302, url("frameworks"))
    assert list(FrameworkVersion.objects.values_list("number", flat=True)) == [1]


def test_version_delete_of_a_published_version_is_refused(author, v1):
    before = state()

    response = author.post(url("version_delete", **vkw(v1)))

    assert response.status_code == 409
    assert state() == before


def test_draft_start_opens_the_new_draft(author, v1):
    response = author.post(url("draft_start", slug=SLUG))

    draft = FrameworkVersion.objects.get(status=VersionStatus.DRAFT)
    assert (response.status_code, response["Location"], draft.number) == (
        302,
        url("version", **vkw(draft)),
        2,
    )


def test_draft_start_when_a_draft_exists_says_so(author, v2):
    before = state()

    response = author.post(url("draft_start", slug=SLUG))

    assert (response.status_code, str(response.context["message"])) == (
        409,
        "This framework already has a draft; change that one.",
    )
    assert state() == before


def test_draft_start_get_is_not_allowed(author, v1):
    assert author.get(url("draft_start", slug=SLUG)).status_code == 405


# --- What changed -----------------------------------------------------------------------------


def test_version_changes_of_a_draft_compares_with_the_published_one(author, coordinator, v2):
    authoring.delete_competence(actor=coordinator, competence=v2.competences.get(code="B2"))

    response = author.get(url("version_changes", **vkw(v2)))

    changes = response.context["changes"]
    assert (changes.since, changes.version, [c.code for c in changes.competences_removed]) == (
        1,
        2,
        ["B2"],
    )
    assert "What changed in version 2 since version 1" in response.content.decode()


def test_version_changes_of_the_first_version_says_everything_is_new(author, v1):
    response = author.get(url("version_changes", **vkw(v1)))

    assert response.context["changes"].first is True
    assert "This is the first version of the framework" in response.content.decode()


# --- Levels and blocks -----------------------------------------------------------------------


def test_level_create_adds_on_top(author, v2):
    response = author.post(
        url("level_create", **vkw(v2)), {"code": "reference", "label_fr": "Référence"}
    )

    assert (response.status_code, response["Location"]) == (
        302,
        url("version", **vkw(v2)) + "#scale",
    )
    assert v2.levels.get(code="reference").rank == 5


def test_level_create_with_a_used_code_shows_it_at_the_field(author, v2):
    before = state()

    response = author.post(url("level_create", **vkw(v2)), {"code": "notions", "label_fr": "N"})

    assert (response.status_code, field_errors(response, "code")) == (
        400,
        ["The code “notions” is already used by another level of this version."],
    )
    assert state() == before


def test_level_edit_saves(author, v2):
    level = v2.levels.get(code="maitrise")

    author.post(
        url("level_edit", **vkw(v2), pk=level.pk),
        {"code": "maitrise", "label_fr": "Maîtrise", "label_en": "Mastery"},
    )

    level.refresh_from_db()
    assert level.label == {"fr": "Maîtrise", "en": "Mastery"}


def test_level_move_and_delete(author, v2):
    expertise = v2.levels.get(code="expertise")

    author.post(url("level_move", **vkw(v2), pk=expertise.pk), {"rank": "1"})
    author.post(url("level_delete", **vkw(v2), pk=v2.levels.get(code="notions").pk))

    assert list(v2.levels.order_by("rank").values_list("code", flat=True)) == [
        "expertise",
        "application",
        "maitrise",
    ]


def test_level_move_without_rank_says_what_is_missing(author, v2):
    level = v2.levels.get(code="notions")
    before = state()

    response = author.post(url("level_move", **vkw(v2), pk=level.pk), {})

    assert (response.status_code, str(response.context["message"])) == (
        400,
        "Choose the rank to move the level to.",
    )
    assert state() == before


def test_level_of_another_version_is_404(author, v1, v2):
    level = v1.levels.first()

    assert author.get(url("level_edit", **vkw(v2), pk=level.pk)).status_code == 404


def test_block_create_edit_delete(author, v2):
    author.post(url("block_create", **vkw(v2)), {"code": "C", "title_fr": "Animation"})
    block = v2.blocks.get(code="C")
    author.post(
        url("block_edit", **vkw(v2), pk=block.pk),
        {"code": "C", "title_fr": "Animation collective", "position": "0"},
    )
    block.refresh_from_db()
    title, position = block.title, block.position

    response = author.post(url("block_delete", **vkw(v2), pk=block.pk))

    assert (title, position, response.status_code) == ({"fr": "Animation collective"}, 0, 302)
    assert list(v2.blocks.values_list("code", flat=True)) == ["A", "B"]


# --- Competences ----------------------------------------------------------------------------


def test_competence_create_in_a_block(author, v2):
    block = v2.blocks.get(code="A")

    response = author.post(
        url("competence_create", **vkw(v2), block_pk=block.pk),
        {"code": "A3", "title_fr": "Orienter vers le bon partenaire"},
    )

    competence = v2.competences.get(code="A3")
    assert (response.status_code, response["Location"], competence.block, competence.position) == (
        302,
        url("version", **vkw(v2)) + f"#competence-{competence.pk}",
        block,
        2,
    )


def test_competence_create_in_a_block_of_another_version_is_404(author, v1, v2):
    block = v1.blocks.get(code="A")

    response = author.get(url("competence_create", **vkw(v2), block_pk=block.pk))

    assert response.status_code == 404


def test_competence_edit_moves_to_another_block(author, v2):
    competence = v2.competences.get(code="A1")
    block_b = v2.blocks.get(code="B")

    author.post(
        url("competence_edit", **vkw(v2), pk=competence.pk),
        {"block": str(block_b.pk), "code": "A1", "title_fr": "Accueillir"},
    )

    competence.refresh_from_db()
    assert (competence.block, competence.position, competence.title) == (
        block_b,
        2,
        {"fr": "Accueillir"},
    )


def test_competence_edit_without_title_in_original_language_shows_it(author, v2):
    competence = v2.competences.get(code="A1")
    before = state()

    response = author.post(
        url("competence_edit", **vkw(v2), pk=competence.pk),
        {"block": str(competence.block_id), "code": "A1", "title_en": "Welcome"},
    )

    assert (response.status_code, field_errors(response, "title")) == (
        400,
        ["Give at least the text in the original language (Français)."],
    )
    assert state() == before


def test_competence_indicators_form_offers_three_empty_rows(author, v2):
    competence = v2.competences.get(code="A1")

    response = author.get(url("competence_indicators", **vkw(v2), pk=competence.pk))

    assert response.context["form"].row_names == [f"indicators.{i}" for i in range(5)]


def test_competence_indicators_saves_in_order(author, v2):
    competence = v2.competences.get(code="A1")

    response = author.post(
        url("competence_indicators", **vkw(v2), pk=competence.pk),
        {
            "sent": "1",
            "indicators.0_fr": "Accueille sans rendez-vous",
            "indicators.1_fr": "",
            "indicators.2_fr": "Reformule la demande",
            "indicators.2_en": "Rephrases the request",
        },
    )

    assert response.status_code == 302
    assert [i.text for i in competence.indicators.all()] == [
        {"fr": "Accueille sans rendez-vous"},
        {"fr": "Reformule la demande", "en": "Rephrases the request"},
    ]


def test_competence_indicators_error_is_shown_at_its_row(author, v2):
    competence = v2.competences.get(code="A1")
    before = state()

    response = author.post(
        url("competence_indicators", **vkw(v2), pk=competence.pk),
        {"sent": "1", "indicators.0_fr": "Accueille", "indicators.3_en": "Listens"},
    )

    assert (response.status_code, field_errors(response, "indicators.3")) == (
        400,
        ["Give at least the text in the original language (Français)."],
    )
    assert state() == before


def test_competence_indicators_empty_post_changes_nothing(author, v2):
    competence = v2.competences.get(code="A1")
    before = state()

    response = author.post(url("competence_indicators", **vkw(v2), pk=competence.pk), {})

    assert (response.status_code, response.context["form"].non_field_errors()) == (
        400,
        ["The form arrived incomplete; reload the page and try again."],
    )
    assert state() == before


def test_competence_descriptors_saves_each_level(author, v2):
    competence = v2.competences.get(code="A1")

    author.post(
        url("competence_descriptors", **vkw(v2), pk=competence.pk),
        {"sent": "1", "descriptors.maitrise_fr": "Seul", "descriptors.maitrise_en": "Alone"},
    )

    assert [(d.level.code, d.text) for d in competence.descriptors.order_by("level__rank")] == [
        ("maitrise", {"fr": "Seul", "en": "Alone"})
    ]


def test_competence_expected_saves_each_profile(author, v2):
    competence = v2.competences.get(code="A1")

    author.post(
        url("competence_expected", **vkw(v2), pk=competence.pk),
        {"sent": "1", "expected.newcomer": "application", "expected.counsellor": "maitrise"},
    )

    assert sorted(competence.expected_levels.values_list("profile", "level__code")) == [
        ("counsellor", "maitrise"),
        ("newcomer", "application"),
    ]


def test_competence_mappings_saves_rows_and_shows_errors_at_their_cell(author, v2):
    competence = v2.competences.get(code="A1")
    data = {
        "sent": "1",
        "mappings.0.scheme": "cedefop_2009",
        "mappings.0.reference": "1.5",
        "mappings.1.scheme": "esco",
        "mappings.1.reference": "http://data.europa.eu/esco/skill/abc",
        "mappings.2.scheme": "",
        "mappings.2.reference": "2.1",
    }

    refused = author.post(url("competence_mappings", **vkw(v2), pk=competence.pk), data)
    data["mappings.2.scheme"] = "cedefop_2009"
    saved = author.post(url("competence_mappings", **vkw(v2), pk=competence.pk), data)

    assert (refused.status_code, field_errors(refused, "mappings.2.scheme")) == (
        400,
        ["This field cannot be blank."],
    )
    assert saved.status_code == 302
    assert list(competence.mappings.values_list("scheme", "reference")) == [
        ("cedefop_2009", "1.5"),
        ("cedefop_2009", "2.1"),
        ("esco", "http://data.europa.eu/esco/skill/abc"),
    ]


def test_competence_delete(author, v2):
    competence = v2.competences.get(code="A2")

    response = author.post(url("competence_delete", **vkw(v2), pk=competence.pk))

    assert (response.status_code, response["Location"]) == (
        302,
        url("version", **vkw(v2)) + f"#block-{competence.block_id}",
    )
    assert not v2.competences.filter(code="A2").exists()


# --- A published version never changes ----------------------------------------------------------


def _published_edit_urls(version):
    level = version.levels.get(code="notions")
    block = version.blocks.get(code="A")
    competence = version.competences.get(code="A1")
    kw = vkw(version)
    return {
        "version_edit": url("version_edit", **kw),
        "level_create": url("level_create", **kw),
        "level_edit": url("level_edit", **kw, pk=level.pk),
        "block_create": url("block_create", **kw),
        "block_edit": url("block_edit", **kw, pk=block.pk),
        "competence_create": url("competence_create", **kw, block_pk=block.pk),
        "competence_edit": url("competence_edit", **kw, pk=competence.pk),
        "competence_indicators": url("competence_indicators", **kw, pk=competence.pk),
        "competence_descriptors": url("competence_descriptors", **kw, pk=competence.pk),
        "competence_expected": url("competence_expected", **kw, pk=competence.pk),
        "competence_mappings": url("competence_mappings", **kw, pk=competence.pk),
    }


def _published_action_urls(version):
    level = version.levels.get(code="notions")
    block = version.blocks.get(code="A")
    competence = version.competences.get(code="A1")
    kw = vkw(version)
    return {
        "version_delete": url("version_delete", **kw),
        "level_move": url("level_move", **kw, pk=level.pk),
        "level_delete": url("level_delete", **kw, pk=level.pk),
        "block_delete": url("block_delete", **kw, pk=block.pk),
        "competence_delete": url("competence_delete", **kw, pk=competence.pk),
    }


REFUSAL = (
    "Version 1 is published and can no longer change; start a new draft to change the framework."
)
EDIT_NAMES = [
    "version_edit",
    "level_create",
    "level_edit",
    "block_create",
    "block_edit",
    "competence_create",
    "competence_edit",
    "competence_indicators",
    "competence_descriptors",
    "competence_expected",
    "competence_mappings",
]
ACTION_NAMES = ["version_delete", "level_move", "level_delete", "block_delete", "competence_delete"]


@pytest.mark.parametrize("name", EDIT_NAMES)
def test_edit_form_of_a_published_version_answers_409_with_the_reason(author, v1, name):
    response = author.get(_published_edit_urls(v1)[name])

    assert (response.status_code, str(response.context["message"])) == (409, REFUSAL)


@pytest.mark.parametrize("name", EDIT_NAMES)
def test_edit_post_on_a_published_version_changes_nothing(author, v1, name):
    before = state()

    response = author.post(
        _published_edit_urls(v1)[name],
        {"sent": "1", "code": "Z9", "title_fr": "Nouveau", "label_fr": "Nouveau", "rank": "2"},
    )

    assert (response.status_code, str(response.context["message"])) == (409, REFUSAL)
    assert state() == before


@pytest.mark.parametrize("name", ACTION_NAMES)
def test_action_on_a_published_version_changes_nothing(author, v1, name):
    before = state()

    response = author.post(_published_action_urls(v1)[name], {"rank": "2"})

    assert (response.status_code, str(response.context["message"])) == (409, REFUSAL)
    assert state() == before


@pytest.mark.parametrize("name", EDIT_NAMES + ACTION_NAMES)
def test_authoring_post_by_a_manager_is_forbidden_and_changes_nothing(client, manager_a, v2, name):
    client.force_login(manager_a)
    urls = {**_published_edit_urls(v2), **_published_action_urls(v2)}
    before = state()

    response = client.post(urls[name], {"sent": "1", "code": "Z9", "title_fr": "X", "rank": "2"})

    assert response.status_code == 403
    assert state() == before
