"""Public framework pages: every published or superseded version in any language, never a
draft, with fallback marks, the languages a version is complete in, and a fixed query count."""

import pytest
from django.urls import reverse
from django.utils import translation

from cocade.competencies.interchange.data import MappingData
from cocade.competencies.services import authoring, frameworks
from tests.factories.competencies import framework_data, published_version

SLUG = "cdm-counsellor"


def url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(f"competencies:{name}", kwargs=kwargs)


@pytest.fixture
def v1(db):
    return published_version(SLUG, blocks=2, competences=2)


@pytest.fixture
def v2(v1, coordinator):
    """Version 2 published: A1 retitled, B2 removed; version 1 is superseded."""
    draft = frameworks.start_new_draft(actor=coordinator, framework=v1.framework)
    authoring.update_competence(
        actor=coordinator,
        competence=draft.competences.get(code="A1"),
        data={"title": {"fr": "Accueillir sans rendez-vous", "en": "Welcome walk-ins"}},
    )
    authoring.delete_competence(actor=coordinator, competence=draft.competences.get(code="B2"))
    authoring.update_version(
        actor=coordinator, version=draft, data={"change_note": {"en": "Reception reviewed"}}
    )
    return frameworks.publish_version(actor=coordinator, version=draft)


def test_frameworks_lists_published_versions_only(client, v1):
    frameworks.import_framework(actor=None, data=framework_data("draft-only"))
    published_version("other", blocks=1, competences=1, languages=("en", "fr", "it"))

    response = client.get(url("frameworks"))

    assert [
        (version.framework.slug, version.number, version.complete_languages)
        for version in response.context["versions"]
    ] == [(SLUG, 1, ["fr", "en"]), ("other", 1, ["fr", "en", "it"])]
    assert url("framework", slug="other") in response.content.decode()


def test_framework_shows_the_published_version(client, v2):
    response = client.get(url("framework", slug=SLUG))

    content = response.content.decode()
    assert (response.status_code, response.context["version"].number) == (200, 2)
    assert '<span lang="en">Welcome walk-ins</span>' in content
    assert response.context["current"] is None


def test_version_superseded_says_so_and_links_to_the_current_one(client, v2):
    response = client.get(url("version", slug=SLUG, number=1))

    content = response.content.decode()
    assert (response.status_code, response.context["current"].number) == (200, 2)
    assert "This version was superseded on" in content
    assert url("version", slug=SLUG, number=2) in content
    assert '<span lang="en">Compétence A1 [en]</span>' in content


@pytest.mark.parametrize("role", ["anonymous", "coordinator"])
def test_version_draft_is_404_for_everyone(client, request, v1, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    draft = frameworks.start_new_draft(
        actor=request.getfixturevalue("coordinator"), framework=v1.framework
    )

    responses = [
        client.get(url("version", slug=SLUG, number=draft.number)).status_code,
        client.get(url("changes", slug=SLUG, number=draft.number)).status_code,
    ]

    assert responses == [404, 404]


def test_framework_with_only_a_draft_is_404(client, db):
    frameworks.import_framework(actor=None, data=framework_data("draft-only"))

    assert client.get(url("framework", slug="draft-only")).status_code == 404


def test_version_unknown_is_404(client, v1):
    assert client.get(url("version", slug=SLUG, number=9)).status_code == 404


def test_version_in_a_language_not_translated_marks_the_fallback(client, db):
    published_version("fr-only", blocks=1, competences=1, languages=("fr",))

    response = client.get(url("framework", slug="fr-only"))

    content = response.content.decode()
    assert (
        '<span lang="fr">Compétence A1 [fr]</span> <small class="fallback-note">(in Français)'
        in content
    )
    assert response.context["complete_languages"] == [
        {"code": "fr", "name": "Français", "url": "/fr/frameworks/fr-only/"}
    ]


def test_version_lists_the_complete_languages_with_links(client, v1):
    response = client.get(url("version", slug=SLUG, number=1))

    assert response.context["complete_languages"] == [
        {"code": "fr", "name": "Français", "url": "/fr/frameworks/cdm-counsellor/v1/"},
        {"code": "en", "name": "English", "url": "/en/frameworks/cdm-counsellor/v1/"},
    ]


def test_version_shows_scale_descriptors_expected_levels_and_mappings(client, coordinator, v1):
    draft = frameworks.start_new_draft(actor=coordinator, framework=v1.framework)
    authoring.replace_mappings(
        actor=coordinator,
        competence=draft.competences.get(code="A1"),
        mappings=[
            MappingData(scheme="cedefop_2009", reference="1.5"),
            MappingData(
                scheme="esco",
                reference="http://data.europa.eu/esco/skill/abc",
                label="welcome visitors",
            ),
        ],
    )
    frameworks.publish_version(actor=coordinator, version=draft)

    response = client.get(url("version", slug=SLUG, number=2))

    content = response.content.decode()
    a1 = response.context["blocks"][0].competences.all()[0]
    assert [(row.level.code, bool(row.descriptor), row.profiles) for row in a1.scale_rows] == [
        ("notions", True, ("Newcomer",)),
        ("maitrise", False, ("Counsellor",)),
        ("expertise", False, ("Senior counsellor",)),
    ]
    assert '<a href="http://data.europa.eu/esco/skill/abc" rel="external">welcome visitors</a>' in (
        content
    )
    assert "<code>1.5</code>" in content
    assert '<span lang="en">Indicateur A1.2 [en]</span>' in content
    assert '<span lang="en">Notions de A1 [en]</span>' in content


def test_version_offers_the_downloads(client, v1):
    response = client.get(url("version", slug=SLUG, number=1))

    content = response.content.decode()
    for fmt in ("json", "csv"):
        assert url("version_download", slug=SLUG, number=1, fmt=fmt) in content


@pytest.mark.parametrize("competences", [2, 10])
def test_version_page_query_count_is_fixed(client, db, competences, django_assert_num_queries):
    published_version("sized", blocks=1, competences=competences)

    with django_assert_num_queries(10):
        response = client.get(url("version", slug="sized", number=1))

    assert response.status_code == 200


def test_changes_shows_what_changed_since_the_previous_version(client, v2):
    response = client.get(url("changes", slug=SLUG, number=2))

    changes = response.context["changes"]
    content = response.content.decode()
    assert (
        changes.since,
        [c.code for c in changes.competences_removed],
        [(c.code, c.fields) for c in changes.competences_changed],
    ) == (1, ["B2"], [("A1", ["title"])])
    assert "What changed in version 2 since version 1" in content
    assert "Reception reviewed" in content


def test_changes_of_the_first_version(client, v1):
    response = client.get(url("changes", slug=SLUG, number=1))

    assert response.context["changes"].first is True
    assert "This is the first version of the framework" in response.content.decode()


def test_version_page_in_french_by_default(client, v1):
    response = client.get(url("version", lang="fr", slug=SLUG, number=1))

    assert '<span lang="fr">Compétence A1 [fr]</span>' in response.content.decode()
