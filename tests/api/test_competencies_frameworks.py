"""Public reads of the competency frameworks in the JSON API: published and superseded versions
in one language or all of them, never drafts, in a fixed number of queries."""

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from cocade.competencies.models import FrameworkVersion, Indicator
from cocade.competencies.selectors.frameworks import version_as_data
from cocade.competencies.services.frameworks import import_framework
from tests.factories.competencies import framework_data, published_version

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _time(value):
    """A datetime as the API writes it."""
    return DjangoJSONEncoder().default(value) if value is not None else None


def _versions():
    """cdm-counsellor: v1 superseded, v2 published, v3 draft."""
    first = published_version()
    second = import_framework(actor=None, data=framework_data(), publish=True)
    draft = import_framework(actor=None, data=framework_data())
    first.refresh_from_db()
    return first, second, draft


def _text(text, language="en", is_fallback=False):
    return {"text": text, "language": language, "is_fallback": is_fallback}


# --- The list ---------------------------------------------------------------------------------


def test_frameworks_list_shows_published_frameworks_with_public_versions(client, db):
    first, second, _draft = _versions()
    import_framework(actor=None, data=framework_data("only-a-draft"))

    response = client.get("/api/v1/frameworks", **EN)

    assert response.status_code == 200
    assert response.json() == [
        {
            "slug": "cdm-counsellor",
            "version": 2,
            "title": _text("Conseiller en lieu intégré [en]"),
            "languages": ["fr", "en"],
            "versions": [
                {
                    "number": 2,
                    "status": "published",
                    "published_at": _time(second.published_at),
                    "superseded_at": None,
                },
                {
                    "number": 1,
                    "status": "superseded",
                    "published_at": _time(first.published_at),
                    "superseded_at": _time(first.superseded_at),
                },
            ],
        }
    ]


def test_frameworks_list_title_falls_back_to_the_original_language(client, db):
    published_version(languages=("fr",))

    response = client.get("/api/v1/frameworks?lang=en")

    assert response.json()[0]["title"] == _text("Conseiller en lieu intégré [fr]", "fr", True)
    assert response.json()[0]["languages"] == ["fr"]


def test_frameworks_list_follows_accept_language_without_lang(client, db):
    published_version()

    english = client.get("/api/v1/frameworks", **EN)
    french = client.get("/api/v1/frameworks", HTTP_ACCEPT_LANGUAGE="fr")

    assert english.json()[0]["title"] == _text("Conseiller en lieu intégré [en]")
    assert french.json()[0]["title"] == _text("Conseiller en lieu intégré [fr]", "fr")


def test_frameworks_list_with_lang_all_gives_every_translation(client, db):
    published_version()

    response = client.get("/api/v1/frameworks?lang=all")

    assert response.json()[0]["title"] == {
        "fr": "Conseiller en lieu intégré [fr]",
        "en": "Conseiller en lieu intégré [en]",
    }


def test_frameworks_list_languages_are_those_of_every_required_text(client, db):
    version = published_version("partly-english", languages=("fr", "en", "it"))
    indicator = Indicator.objects.filter(competence__version=version).first()
    Indicator.objects.filter(pk=indicator.pk).update(text={"fr": "Observer", "it": "Osservare"})
    published_version("all-english", languages=("en", "fr"))

    response = client.get("/api/v1/frameworks")

    assert {item["slug"]: item["languages"] for item in response.json()} == {
        "all-english": ["fr", "en"],
        "partly-english": ["fr", "it"],
    }
    assert version_as_data(version).languages() == ["fr", "it"]


def test_frameworks_list_is_empty_without_published_framework(client, db):
    import_framework(actor=None, data=framework_data())

    response = client.get("/api/v1/frameworks")

    assert (response.status_code, response.json()) == (200, [])


def test_frameworks_list_ignores_a_token(client, db, coordinator, bearer):
    published_version()

    response = client.get("/api/v1/frameworks", **bearer(coordinator))

    assert [item["slug"] for item in response.json()] == ["cdm-counsellor"]


# --- One version ------------------------------------------------------------------------------


def test_framework_answers_the_published_version_with_its_whole_tree(client, db):
    version = published_version(blocks=1, competences=1)

    response = client.get("/api/v1/frameworks/cdm-counsellor?lang=en")

    assert response.status_code == 200
    empty = _text("")
    assert response.json() == {
        "framework": "cdm-counsellor",
        "number": 1,
        "status": "published",
        "published_at": _time(version.published_at),
        "superseded_at": None,
        "original_language": "fr",
        "languages": ["fr", "en"],
        "title": _text("Conseiller en lieu intégré [en]"),
        "description": _text("Référentiel de test [en]"),
        "change_note": empty,
        "levels": [
            {"rank": rank, "code": code, "label": _text(f"{label} [en]"), "description": empty}
            for rank, code, label in [
                (1, "notions", "Notions"),
                (2, "application", "Application"),
                (3, "maitrise", "Maitrise"),
                (4, "expertise", "Expertise"),
            ]
        ],
        "blocks": [
            {
                "code": "A",
                "title": _text("Bloc A [en]"),
                "description": empty,
                "competences": [
                    {
                        "code": "A1",
                        "title": _text("Compétence A1 [en]"),
                        "description": empty,
                        "indicators": [
                            _text("Indicateur A1.1 [en]"),
                            _text("Indicateur A1.2 [en]"),
                        ],
                        "descriptors": [{"level": "notions", "text": _text("Notions de A1 [en]")}],
                        "expected_levels": {
                            "newcomer": "notions",
                            "counsellor": "maitrise",
                            "senior": "expertise",
                        },
                        "mappings": [{"scheme": "cedefop_2009", "reference": "1.5", "label": ""}],
                    }
                ],
            }
        ],
    }


def test_framework_with_lang_all_gives_raw_texts(client, db):
    published_version(blocks=1, competences=1)

    response = client.get("/api/v1/frameworks/cdm-counsellor?lang=all")

    body = response.json()
    competence = body["blocks"][0]["competences"][0]
    assert body["title"] == {
        "fr": "Conseiller en lieu intégré [fr]",
        "en": "Conseiller en lieu intégré [en]",
    }
    assert body["change_note"] == {}
    assert body["levels"][0]["label"] == {"fr": "Notions [fr]", "en": "Notions [en]"}
    assert competence["indicators"][0] == {
        "fr": "Indicateur A1.1 [fr]",
        "en": "Indicateur A1.1 [en]",
    }
    assert competence["descriptors"] == [
        {"level": "notions", "text": {"fr": "Notions de A1 [fr]", "en": "Notions de A1 [en]"}}
    ]


def test_framework_marks_each_missing_translation_as_fallback(client, db):
    version = published_version(blocks=1, competences=1)
    Indicator.objects.filter(competence__version=version, position=1).update(
        text={"fr": "Seulement en français"}
    )

    response = client.get("/api/v1/frameworks/cdm-counsellor?lang=en")

    assert response.json()["blocks"][0]["competences"][0]["indicators"] == [
        _text("Indicateur A1.1 [en]"),
        _text("Seulement en français", "fr", True),
    ]
    assert response.json()["languages"] == ["fr"]


def test_framework_version_answers_a_superseded_version(client, db):
    first, _second, _draft = _versions()

    response = client.get("/api/v1/frameworks/cdm-counsellor/versions/1?lang=fr")

    assert response.status_code == 200
    assert (response.json()["number"], response.json()["status"]) == (1, "superseded")
    assert response.json()["superseded_at"] == _time(first.superseded_at)
    assert response.json()["title"] == _text("Conseiller en lieu intégré [fr]", "fr")


def test_framework_versions_lists_public_versions_newest_first(client, db):
    first, second, _draft = _versions()

    response = client.get("/api/v1/frameworks/cdm-counsellor/versions")

    assert response.status_code == 200
    assert response.json() == [
        {
            "number": 2,
            "status": "published",
            "published_at": _time(second.published_at),
            "superseded_at": None,
        },
        {
            "number": 1,
            "status": "superseded",
            "published_at": _time(first.published_at),
            "superseded_at": _time(first.superseded_at),
        },
    ]


# --- Not found, bad input ---------------------------------------------------------------------

NOT_FOUND = {"code": "not_found", "message": "Not found.", "detail": {}}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/frameworks/cdm-counsellor/versions/3",
        "/api/v1/frameworks/cdm-counsellor/versions/4",
        "/api/v1/frameworks/unknown",
        "/api/v1/frameworks/unknown/versions",
        "/api/v1/frameworks/unknown/versions/1",
        "/api/v1/frameworks/only-a-draft",
        "/api/v1/frameworks/only-a-draft/versions",
        "/api/v1/frameworks/only-a-draft/versions/1",
    ],
    ids=[
        "draft-version",
        "no-such-version",
        "unknown",
        "unknown-versions",
        "unknown-version",
        "draft-only",
        "draft-only-versions",
        "draft-only-version",
    ],
)
def test_drafts_and_unknown_frameworks_are_404(client, db, url):
    _versions()
    import_framework(actor=None, data=framework_data("only-a-draft"))

    response = client.get(url, **EN)

    assert (response.status_code, response.json()) == (404, NOT_FOUND)


def test_draft_version_is_404_even_for_a_framework_author(client, db, coordinator, bearer):
    _versions()

    response = client.get("/api/v1/frameworks/cdm-counsellor/versions/3", **bearer(coordinator))

    assert response.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/frameworks?lang=xx",
        "/api/v1/frameworks/cdm-counsellor?lang=EN",
        "/api/v1/frameworks/cdm-counsellor/versions/1?lang=%00",
        "/api/v1/frameworks/cdm-counsellor/versions/1?lang=",
    ],
)
def test_unknown_language_is_422(client, db, url):
    published_version()

    response = client.get(url, **EN)

    message = "Unknown language; use one of: fr, en, pt, it, da, bg, or all."
    assert response.status_code == 422
    assert response.json() == {
        "code": "unknown_language",
        "message": message,
        "detail": {"lang": [message]},
    }


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/frameworks/cdm-counsellor/versions/0", "number"),
        ("/api/v1/frameworks/cdm-counsellor/versions/99999999999999999999", "number"),
        ("/api/v1/frameworks/cdm-counsellor/versions/one", "number"),
        ("/api/v1/frameworks/a%00b", "slug"),
        ("/api/v1/frameworks/a%00b/versions", "slug"),
    ],
)
def test_bad_path_is_422_at_the_field(client, db, url, field):
    published_version()

    response = client.get(url)

    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert list(response.json()["detail"]) == [field]


def test_unicode_framework_slug_is_found(client, db):
    published_version("référentiel-sofia")

    response = client.get("/api/v1/frameworks/référentiel-sofia")

    assert (response.status_code, response.json()["framework"]) == (200, "référentiel-sofia")


def test_public_reads_change_nothing(client, db):
    _versions()
    before = list(FrameworkVersion.objects.order_by("pk").values())

    client.get("/api/v1/frameworks")
    client.get("/api/v1/frameworks/cdm-counsellor")
    client.get("/api/v1/frameworks/cdm-counsellor/versions/1")

    assert list(FrameworkVersion.objects.order_by("pk").values()) == before


# --- Queries ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("blocks", "competences"), [(1, 2), (2, 5)], ids=["2", "10"])
def test_framework_list_takes_a_fixed_number_of_queries(
    client, db, django_assert_num_queries, blocks, competences
):
    published_version("first", blocks=blocks, competences=competences)
    published_version("second", blocks=blocks, competences=competences)
    import_framework(
        actor=None,
        data=framework_data("first", blocks=blocks, competences=competences),
        publish=True,
    )

    # published versions, public versions, then levels, blocks, competences, indicators and
    # descriptors for the complete languages.
    with django_assert_num_queries(7):
        response = client.get("/api/v1/frameworks")

    assert len(response.json()) == 2


@pytest.mark.parametrize(("blocks", "competences"), [(1, 2), (2, 5)], ids=["2", "10"])
@pytest.mark.parametrize(
    "url",
    ["/api/v1/frameworks/cdm-counsellor", "/api/v1/frameworks/cdm-counsellor/versions/1"],
    ids=["current", "by-number"],
)
def test_framework_tree_takes_a_fixed_number_of_queries(
    client, db, django_assert_num_queries, blocks, competences, url
):
    published_version(blocks=blocks, competences=competences)

    # the version, levels, blocks, competences, indicators, descriptors (+ their levels),
    # expected levels (+ their levels), mappings.
    with django_assert_num_queries(10):
        response = client.get(url)

    assert sum(len(b["competences"]) for b in response.json()["blocks"]) == blocks * competences


@pytest.mark.parametrize("versions", [1, 3])
def test_framework_versions_take_one_query(client, db, django_assert_num_queries, versions):
    for _number in range(versions):
        import_framework(actor=None, data=framework_data(), publish=True)

    with django_assert_num_queries(1):
        response = client.get("/api/v1/frameworks/cdm-counsellor/versions")

    assert len(response.json()) == versions


# --- The OpenAPI document ---------------------------------------------------------------------

COMPETENCY_PATHS = {
    "/api/v1/frameworks": {"get"},
    "/api/v1/frameworks/{slug}": {"get"},
    "/api/v1/frameworks/{slug}/versions": {"get"},
    "/api/v1/frameworks/{slug}/versions/{number}": {"get"},
    "/api/v1/assessments": {"get", "post"},
    "/api/v1/assessments/{assessment_id}": {"get", "delete"},
    "/api/v1/assessments/{assessment_id}/ratings": {"put"},
    "/api/v1/assessments/{assessment_id}/reviewer": {"put"},
    "/api/v1/assessments/{assessment_id}/review": {"post"},
    "/api/v1/assessments/{assessment_id}/plan": {"post"},
    "/api/v1/plans": {"get"},
    "/api/v1/plans/{plan_id}": {"get"},
    "/api/v1/plans/{plan_id}/goals": {"post"},
    "/api/v1/plans/{plan_id}/goals/{goal_id}": {"patch", "delete"},
    "/api/v1/plans/{plan_id}/goals/{goal_id}/actions": {"post"},
    "/api/v1/plans/{plan_id}/goals/{goal_id}/actions/{action_id}": {"patch", "delete"},
    "/api/v1/plans/{plan_id}/agree": {"post"},
    "/api/v1/plans/{plan_id}/close": {"post"},
}


@pytest.fixture
def openapi(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def _competency_operations(openapi):
    return {
        (path, method): operation
        for path, operations in openapi["paths"].items()
        for method, operation in operations.items()
        if operation["tags"] == ["competencies"]
    }


def test_openapi_lists_the_competency_endpoints(openapi):
    operations = _competency_operations(openapi)
    paths: dict[str, set[str]] = {}
    for path, method in operations:
        paths.setdefault(path, set()).add(method)

    assert paths == COMPETENCY_PATHS
    assert all(op["operationId"].startswith("competencies_") for op in operations.values())


def test_openapi_public_reads_need_no_token_and_the_rest_need_one(openapi):
    operations = _competency_operations(openapi)

    public = {key for key, op in operations.items() if "security" not in op}
    assert public == {(path, "get") for path in COMPETENCY_PATHS if "/frameworks" in path}
    assert {str(op.get("security")) for key, op in operations.items() if key not in public} == {
        "[{'TokenAuth': []}]"
    }


def test_openapi_documents_every_competency_schema(openapi):
    schemas = openapi["components"]["schemas"]
    names = [
        "FrameworkSummaryOut",
        "FrameworkVersionOut",
        "VersionSummaryOut",
        "LocalizedTextOut",
        "LevelOut",
        "BlockOut",
        "CompetenceOut",
        "DescriptorOut",
        "MappingOut",
        "AssessmentSummaryOut",
        "AssessmentOut",
        "RatingOut",
        "PlanSummaryOut",
        "PlanOut",
        "GoalOut",
        "ActionOut",
        "PersonOut",
        "AssessmentIn",
        "RatingsIn",
        "RatingIn",
        "ReviewsIn",
        "ReviewIn",
        "ReviewerIn",
        "GoalIn",
        "GoalPatch",
        "ActionIn",
        "ActionPatch",
    ]

    assert [name for name in names if not schemas[name].get("description")] == []
    assert [name for name in names if name.endswith(("In", "Patch"))] == [
        name for name in names if schemas[name].get("additionalProperties") is False
    ]
    body = openapi["paths"]["/api/v1/assessments/{assessment_id}/ratings"]["put"]["requestBody"]
    assert body["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/RatingsIn"
    }
