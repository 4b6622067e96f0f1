"""The Vademecum in the JSON API: public search and sheets, scoped writes through the services.

Refused and invalid writes change nothing: every such test compares the rows before and after.
"""

import json
from types import SimpleNamespace

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from cocade.accounts.models import ApiToken, hash_token
from cocade.core.models import AuditLogEntry
from cocade.practices.enums import Licence
from cocade.practices.models import (
    Practice,
    PracticeAttachment,
    PracticeComment,
    PracticeFollow,
    PracticeReview,
    PracticeTranslation,
    PracticeTrial,
)
from cocade.practices.services import sheets, translations
from tests.factories.accounts import MembershipFactory
from tests.factories.directory import CentreFactory
from tests.factories.practices import (
    draft_practice,
    published_practice,
    reviewer_user,
    sheet_texts,
)

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def bearer(bearer):
    """bearer(user) -> request headers with a token of `user`, also of a user outside any
    centre's staff (the token page refuses them one: an old token still reaches the API)."""

    def make(user):
        if user.memberships.exists():
            return bearer(user)
        raw = f"cct_practices_{user.pk}"
        ApiToken.objects.create(user=user, name="old", prefix=raw[:12], key_hash=hash_token(raw))
        return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    return make


def _json(client, method, path, body, **headers):
    data = body if isinstance(body, str) else json.dumps(body)
    return getattr(client, method)(path, data, content_type="application/json", **headers)


def _rows():
    """Everything a write of the Vademecum could change."""
    return {
        "practices": list(Practice.objects.order_by("pk").values()),
        "translations": list(PracticeTranslation.objects.order_by("pk").values()),
        "reviews": list(PracticeReview.objects.order_by("pk").values()),
        "comments": list(PracticeComment.objects.order_by("pk").values()),
        "trials": list(PracticeTrial.objects.order_by("pk").values()),
        "follows": list(PracticeFollow.objects.order_by("pk").values()),
        "audit": list(
            AuditLogEntry.objects.filter(action__startswith="practices.")
            .order_by("pk")
            .values_list("pk", flat=True)
        ),
    }


def _publish_translation(practice, language, texts, *, translator, editor):
    translation = translations.start_translation(
        actor=translator, practice=practice, language=language, texts=texts
    )
    translations.set_translation_status(actor=translator, translation=translation, status="ready")
    return translations.set_translation_status(
        actor=editor, translation=translation, status="published"
    )


@pytest.fixture
def vademecum(centre_a, counsellor_a, coordinator):
    """Three published sheets (pt, fr with a published English translation, en) and a draft."""
    centre_a.name = {"fr": "Cité des métiers de Paris", "en": "Paris career centre"}
    centre_a.save()
    porto = CentreFactory(slug="porto", name={"pt": "Cidade das Profissões"}, country="PT")
    porto.original_language = "pt"
    porto.save()
    porto_counsellor = MembershipFactory(centre=porto, role="counsellor").user
    reviewer = reviewer_user()
    recruitment = published_practice(
        porto_counsellor,
        porto,
        editor=coordinator,
        reviewer=reviewer,
        original_language="pt",
        practice_type="event",
        poles=["emploi"],
        target_publics=["jobseekers"],
        texts=sheet_texts(
            title="Recrutamento rápido",
            summary="As empresas encontram candidatos em entrevistas de cinco minutos.",
            context="Muitos candidatos a emprego procuram empresas que recrutam.",
            method_steps=["Recolher as ofertas", "Selecionar os candidatos"],
        ),
    )
    workshop = published_practice(
        counsellor_a,
        centre_a,
        editor=coordinator,
        reviewer=reviewer,
        original_language="fr",
        practice_type="workshop",
        poles=["orient", "form"],
        target_publics=["pupils", "apprentices"],
        texts=sheet_texts(
            title="Atelier numérique",
            summary="Des collégiens découvrent les métiers du numérique.",
            method_steps=["Choisir les métiers", "Inviter des professionnels"],
        ),
    )
    _publish_translation(
        workshop,
        "en",
        sheet_texts(
            title="Digital workshop",
            summary="Pupils discover jobs in computing with professionals.",
            method_steps=["Choose the jobs", "Invite professionals"],
        ),
        translator=counsellor_a,
        editor=coordinator,
    )
    quiz = published_practice(
        counsellor_a,
        centre_a,
        editor=coordinator,
        reviewer=reviewer,
        original_language="en",
        practice_type="event",
        poles=["orient"],
        target_publics=["pupils"],
        texts=sheet_texts(title="Quiz with voting boxes", summary="A live quiz about jobs."),
    )
    draft = draft_practice(
        counsellor_a, centre_a, texts=sheet_texts(title="Secret draft about jobs")
    )
    return SimpleNamespace(
        recruitment=Practice.objects.get(pk=recruitment.pk),
        workshop=Practice.objects.get(pk=workshop.pk),
        quiz=Practice.objects.get(pk=quiz.pk),
        draft=draft,
        porto=porto,
        reviewer=reviewer,
    )


def _stamp(value):
    """A date and time as the API writes it."""
    return DjangoJSONEncoder().default(value) if value is not None else None


def _ids(response):
    return [result["id"] for result in response.json()["results"]]


# --- Listing and searching --------------------------------------------------------------------


def test_list_without_query_gives_the_published_sheets_newest_first(client, vademecum):
    response = client.get("/api/v1/practices")

    assert response.status_code == 200
    assert (response.json()["count"], _ids(response)) == (
        3,
        [vademecum.quiz.pk, vademecum.workshop.pk, vademecum.recruitment.pk],
    )


def test_list_result_gives_the_sheet_in_its_original_language(client, vademecum):
    response = client.get("/api/v1/practices?type=workshop")

    assert response.json()["results"] == [
        {
            "id": vademecum.workshop.pk,
            "slug": "atelier-numérique",
            "url": "http://testserver/fr/practices/atelier-num%C3%A9rique/",
            "title": "Atelier numérique",
            "summary": "Des collégiens découvrent les métiers du numérique.",
            "snippet_html": "Des collégiens découvrent les métiers du numérique.",
            "language": "fr",
            "is_fallback": False,
            "original_language": "fr",
            "available_languages": ["en", "fr"],
            "centre": {"slug": "centre-a", "name": "Cité des métiers de Paris"},
            "country": "FR",
            "type": "workshop",
            "poles": ["orient", "form"],
            "publics": ["pupils", "apprentices"],
            "competences": [],
            "published_at": _stamp(vademecum.workshop.published_at),
            "centres_tried": 0,
        }
    ]


def test_list_finds_a_portuguese_sheet_from_a_stemmed_portuguese_word(client, vademecum):
    response = client.get("/api/v1/practices?q=recrutamentos")

    result = response.json()["results"][0]
    assert (response.json()["count"], result["id"], result["language"]) == (
        1,
        vademecum.recruitment.pk,
        "pt",
    )
    assert "<mark>recrutam</mark>" in result["snippet_html"]


def test_list_finds_a_french_sheet_through_its_english_translation(client, vademecum):
    response = client.get("/api/v1/practices?q=computing")

    result = response.json()["results"][0]
    assert (_ids(response), result["language"], result["title"]) == (
        [vademecum.workshop.pk],
        "en",
        "Digital workshop",
    )
    assert result["snippet_html"].count("<mark>computing</mark>") == 1


def test_list_lang_gives_the_texts_in_that_language_or_the_original(client, vademecum):
    response = client.get("/api/v1/practices?lang=en&sort=date")

    assert [
        (r["title"], r["language"], r["is_fallback"], r["centre"]["name"])
        for r in response.json()["results"]
    ] == [
        ("Quiz with voting boxes", "en", False, "Paris career centre"),
        ("Digital workshop", "en", False, "Paris career centre"),
        ("Recrutamento rápido", "pt", True, "Cidade das Profissões"),
    ]


def test_list_lang_with_a_query_gives_the_asked_language_with_its_snippet(client, vademecum):
    response = client.get("/api/v1/practices?q=collégiens&lang=en")

    result = response.json()["results"][0]
    assert (result["id"], result["title"], result["language"], result["is_fallback"]) == (
        vademecum.workshop.pk,
        "Digital workshop",
        "en",
        False,
    )
    assert result["snippet_html"].startswith("Pupils discover jobs in computing")


def test_list_keeps_sheets_having_any_value_of_each_facet(client, vademecum):
    both_types = client.get("/api/v1/practices?type=event&type=workshop")
    orientation_events = client.get("/api/v1/practices?type=event&pole=orient")
    portugal = client.get("/api/v1/practices?country=PT&language=pt")
    nothing = client.get("/api/v1/practices?public=seniors")

    assert sorted(_ids(both_types)) == sorted(
        [vademecum.recruitment.pk, vademecum.workshop.pk, vademecum.quiz.pk]
    )
    assert _ids(orientation_events) == [vademecum.quiz.pk]
    assert _ids(portugal) == [vademecum.recruitment.pk]
    assert (nothing.json()["count"], _ids(nothing)) == (0, [])


def test_list_counts_every_facet_value_with_a_label_in_the_request_language(client, vademecum):
    response = client.get("/api/v1/practices?pole=orient", **EN)

    assert response.json()["facets"] == {
        "pole": [
            {"value": "orient", "label": "Choose an orientation", "count": 2},
            {"value": "form", "label": "Find a training", "count": 1},
        ],
        "type": [
            {"value": "event", "label": "Event", "count": 1},
            {"value": "workshop", "label": "Workshop", "count": 1},
        ],
        "public": [
            {"value": "pupils", "label": "Pupils", "count": 2},
            {"value": "apprentices", "label": "Apprentices", "count": 1},
        ],
        "country": [{"value": "FR", "label": "France", "count": 2}],
        "language": [
            {"value": "en", "label": "English", "count": 2},
            {"value": "fr", "label": "Français", "count": 1},
        ],
        "competence": [],
    }


def test_list_facet_labels_follow_lang(client, vademecum):
    response = client.get("/api/v1/practices?country=FR&lang=da", **EN)

    assert response.json()["facets"]["country"] == [
        {"value": "FR", "label": "Frankrig", "count": 2}
    ]


def test_list_paginates_with_the_total_count(client, vademecum):
    first = client.get("/api/v1/practices?page_size=2")
    second = client.get("/api/v1/practices?page_size=2&page=2")
    beyond = client.get("/api/v1/practices?page_size=2&page=3")

    assert [(r.json()["count"], r.json()["page"], _ids(r)) for r in (first, second, beyond)] == [
        (3, 1, [vademecum.quiz.pk, vademecum.workshop.pk]),
        (3, 2, [vademecum.recruitment.pk]),
        (3, 3, []),
    ]


def test_list_suggests_a_correction_for_a_misspelt_word(client, vademecum):
    response = client.get("/api/v1/practices?q=recrutamnto")

    assert (response.json()["count"], response.json()["suggestion"]) == (0, "recrutamento")


def test_list_never_shows_a_draft_or_an_archived_sheet(client, vademecum, coordinator):
    sheets.archive_practice(actor=coordinator, practice=vademecum.quiz)

    response = client.get("/api/v1/practices?q=jobs")

    assert _ids(response) == [vademecum.workshop.pk]


def test_list_gives_the_linked_competences_and_the_centres_that_tried(
    client, vademecum, manager_b, coordinator
):
    from tests.competencies.objects_for_matrix import competency_objects

    competency_objects(vademecum.porto, manager_b)
    from cocade.competencies.models import Competence

    competence = Competence.objects.filter(version__status="published").order_by("code").first()
    vademecum.quiz.competences.add(competence)
    sheets.reindex(vademecum.quiz)
    PracticeTrial.objects.create(
        practice=vademecum.quiz,
        author=manager_b,
        centre=manager_b.memberships.first().centre,
        context="A town.",
        outcome="Fine.",
    )

    response = client.get(f"/api/v1/practices?competence={competence.code}", **EN)

    result = response.json()["results"][0]
    assert (_ids(response), result["competences"], result["centres_tried"]) == (
        [vademecum.quiz.pk],
        [competence.code],
        1,
    )
    assert response.json()["facets"]["competence"] == [
        {"value": competence.code, "label": competence.title["en"], "count": 1}
    ]


def _list_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/practices?lang=en&page_size=10")
    assert response.status_code == 200
    return len(response.json()["results"]), len(queries)


def test_list_makes_the_same_number_of_queries_for_3_and_6_results(
    client, vademecum, counsellor_a, centre_a, coordinator, manager_b
):
    three = _list_queries(client)
    for n in range(3):
        practice = published_practice(
            counsellor_a,
            centre_a,
            editor=coordinator,
            reviewer=vademecum.reviewer,
            texts=sheet_texts(title=f"Another practice {n}"),
        )
        _publish_translation(
            practice,
            "it",
            sheet_texts(title=f"Un'altra pratica {n}"),
            translator=counsellor_a,
            editor=coordinator,
        )
        PracticeTrial.objects.create(
            practice=practice,
            author=manager_b,
            centre=manager_b.memberships.first().centre,
            context="A town.",
            outcome="Fine.",
        )

    six = _list_queries(client)

    assert (three, six) == ((3, 5), (6, 5))


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("page=abc", "page"),
        ("page=0", "page"),
        ("page=99999999999999999999999", "page"),
        ("page_size=1000", "page_size"),
        ("page_size=0", "page_size"),
        ("sort=x", "sort"),
        ("lang=xx", "lang"),
        ("lang=%00", "lang"),
        ("q=%00", "q"),
        ("q=" + "a" * 201, "q"),
        ("pole=%00", "pole"),
        ("type=" + "x" * 81, "type"),
        ("country=" + "&country=".join(["FR"] * 21), "country"),
    ],
)
def test_list_with_malformed_parameters_is_422(client, vademecum, query, field):
    response = client.get(f"/api/v1/practices?{query}", **EN)

    assert response.status_code == 422
    assert (
        response.json()["code"],
        response.json()["message"],
        list(response.json()["detail"]),
    ) == (
        "invalid",
        "The request body or parameters are not valid.",
        [field],
    )


@pytest.mark.parametrize(
    "query",
    [
        '"unclosed phrase',
        "' OR 1=1 --",
        "jobs AND NOT NEAR(x y) * ^ : -",
        "(((",
        "%25_\\",
        "МЕТИЕРС \u202e <script>alert(1)</script>",
    ],
)
def test_list_with_a_hostile_query_answers_without_error(client, vademecum, query):
    response = client.get("/api/v1/practices", {"q": query})

    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_list_with_a_quoted_hostile_query_still_finds_words(client, vademecum):
    response = client.get("/api/v1/practices", {"q": '"voting boxes" (quiz*) -'})

    assert (response.status_code, _ids(response)) == (200, [vademecum.quiz.pk])


# --- One sheet --------------------------------------------------------------------------------


def test_detail_gives_the_whole_published_sheet(client, vademecum, manager_b, coordinator):
    workshop = vademecum.workshop
    attachment = PracticeAttachment.objects.create(
        practice=workshop,
        file="practices/programme.pdf",
        title="Programme",
        original_name="programme.pdf",
        content_type="application/pdf",
        size=1234,
        uploaded_by=coordinator,
    )
    PracticeComment.objects.create(practice=workshop, author=manager_b, body="Nice.")
    PracticeComment.objects.create(
        practice=workshop, author=manager_b, body="Hidden.", is_hidden=True
    )
    PracticeTrial.objects.create(
        practice=workshop,
        author=manager_b,
        centre=manager_b.memberships.first().centre,
        context="A town.",
        outcome="Fine.",
    )
    translations.start_translation(
        actor=manager_b, practice=workshop, language="it", texts=sheet_texts(title="Laboratorio")
    )
    workshop.refresh_from_db()
    french = workshop.translations.get(language="fr")
    english = workshop.translations.get(language="en")

    response = client.get(f"/api/v1/practices/{workshop.pk}", **EN)

    with translation.override("fr"):
        licence_in_french = str(Licence.CC_BY_SA_4.label)
    assert response.status_code == 200
    assert response.json() == {
        "id": workshop.pk,
        "slug": "atelier-numérique",
        "url": "http://testserver/fr/practices/atelier-num%C3%A9rique/",
        "status": "published",
        "lock_version": workshop.lock_version,
        "centre": {"slug": "centre-a", "name": "Cité des métiers de Paris"},
        "country": "FR",
        "original_language": "fr",
        "language": "fr",
        "is_fallback": False,
        "available_languages": ["en", "fr"],
        "type": "workshop",
        "poles": ["orient", "form"],
        "publics": ["pupils", "apprentices"],
        "competences": [],
        "contact": {"name": "Ana Silva", "email": "ana@example.org"},
        "licence": {"code": "CC-BY-SA-4.0", "label": licence_in_french},
        **sheet_texts(
            title="Atelier numérique",
            summary="Des collégiens découvrent les métiers du numérique.",
            method_steps=["Choisir les métiers", "Inviter des professionnels"],
        ),
        "translations": [
            {
                "language": "fr",
                "is_original": True,
                "status": "published",
                "title": "Atelier numérique",
                "lock_version": french.lock_version,
                "published_at": _stamp(french.published_at),
                "url": "http://testserver/fr/practices/atelier-num%C3%A9rique/",
            },
            {
                "language": "en",
                "is_original": False,
                "status": "published",
                "title": "Digital workshop",
                "lock_version": english.lock_version,
                "published_at": _stamp(english.published_at),
                "url": "http://testserver/en/practices/atelier-num%C3%A9rique/",
            },
        ],
        "attachments": [
            {
                "id": attachment.pk,
                "title": "Programme",
                "content_type": "application/pdf",
                "size": 1234,
                "is_image": False,
                "url": f"http://testserver/fr/practices/atelier-num%C3%A9rique/files/{attachment.pk}/",
            }
        ],
        "counts": {"comments": 1, "trials": 1, "centres_tried": 1},
        "created_at": _stamp(workshop.created_at),
        "updated_at": _stamp(workshop.updated_at),
        "submitted_at": _stamp(workshop.submitted_at),
        "first_published_at": _stamp(workshop.first_published_at),
        "published_at": _stamp(workshop.published_at),
        "archived_at": None,
    }


def test_detail_texts_follow_lang_with_a_fallback_to_the_original(client, vademecum):
    english = client.get(f"/api/v1/practices/{vademecum.workshop.pk}?lang=en")
    italian = client.get(f"/api/v1/practices/{vademecum.workshop.pk}?lang=it")

    assert [
        (r.json()["language"], r.json()["is_fallback"], r.json()["title"], r.json()["url"])
        for r in (english, italian)
    ] == [
        ("en", False, "Digital workshop", "http://testserver/en/practices/atelier-num%C3%A9rique/"),
        ("fr", True, "Atelier numérique", "http://testserver/fr/practices/atelier-num%C3%A9rique/"),
    ]


def test_detail_lists_only_the_published_translations(client, vademecum, manager_b):
    translations.start_translation(
        actor=manager_b,
        practice=vademecum.recruitment,
        language="en",
        texts=sheet_texts(title="Quick recruitment"),
    )

    response = client.get(f"/api/v1/practices/{vademecum.recruitment.pk}?lang=en")

    assert (
        [t["language"] for t in response.json()["translations"]],
        response.json()["available_languages"],
        response.json()["language"],
    ) == (["pt"], ["pt"], "pt")


@pytest.mark.parametrize("who", ["anonymous", "author", "coordinator"])
def test_detail_of_a_sheet_that_is_not_published_is_404(
    client, vademecum, bearer, counsellor_a, coordinator, who
):
    headers = {"anonymous": {}, "author": bearer(counsellor_a), "coordinator": bearer(coordinator)}

    response = client.get(f"/api/v1/practices/{vademecum.draft.pk}", **headers[who], **EN)

    assert (response.status_code, response.json()) == (
        404,
        {"code": "not_found", "message": "Not found.", "detail": {}},
    )


def test_detail_of_an_archived_or_unknown_sheet_is_404(client, vademecum, coordinator):
    sheets.archive_practice(actor=coordinator, practice=vademecum.quiz)

    archived = client.get(f"/api/v1/practices/{vademecum.quiz.pk}")
    unknown = client.get("/api/v1/practices/999999")
    too_large = client.get(f"/api/v1/practices/{2**64}")

    assert [r.status_code for r in (archived, unknown, too_large)] == [404, 404, 422]


# --- Writing sheets ---------------------------------------------------------------------------

NEW_SHEET = {
    "centre": "centre-a",
    "original_language": "fr",
    "practice_type": "workshop",
    "poles": ["emploi", "orient"],
    "target_publics": ["jobseekers"],
    "contact_name": "Camille Martin",
    "contact_email": "camille@example.org",
    "title": "Café emploi",
    "summary": "Des employeurs et des candidats autour d'un café.",
    "method_steps": ["Inviter les employeurs", "Accueillir les candidats"],
    "results_figures": "40 participants",
}


def test_create_practice_makes_a_draft_of_the_author(client, centre_a, counsellor_a, bearer):
    response = _json(client, "post", "/api/v1/practices", NEW_SHEET, **bearer(counsellor_a))

    practice = Practice.objects.get()
    body = response.json()
    assert response.status_code == 201
    assert (practice.author, practice.status, practice.centre, practice.country.code) == (
        counsellor_a,
        "draft",
        centre_a,
        "FR",
    )
    assert practice.poles == ["orient", "emploi"]
    assert {key: body[key] for key in ("id", "status", "url", "lock_version", "language")} == {
        "id": practice.pk,
        "status": "draft",
        "url": None,
        "lock_version": 1,
        "language": "fr",
    }
    assert (
        body["title"],
        body["method_steps"],
        body["results_figures"],
        body["licence"]["code"],
    ) == (
        "Café emploi",
        ["Inviter les employeurs", "Accueillir les candidats"],
        "40 participants",
        "CC-BY-SA-4.0",
    )
    assert [(t["language"], t["status"], t["url"]) for t in body["translations"]] == [
        ("fr", "draft", None)
    ]
    assert list(
        AuditLogEntry.objects.filter(action__startswith="practices.").values_list(
            "action", flat=True
        )
    ) == ["practices.practice.created"]


def test_create_practice_links_competences_by_code(client, centre_a, counsellor_a, bearer):
    from cocade.competencies.models import Competence
    from tests.competencies.objects_for_matrix import competency_objects

    competency_objects(centre_a, counsellor_a)
    code = Competence.objects.filter(version__status="published").order_by("code").first().code

    response = _json(
        client,
        "post",
        "/api/v1/practices",
        {**NEW_SHEET, "competences": [code]},
        **bearer(counsellor_a),
    )

    assert response.status_code == 201
    assert [c["code"] for c in response.json()["competences"]] == [code]
    assert list(Practice.objects.get().competences.values_list("code", flat=True)) == [code]


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({**NEW_SHEET, "title": "Café\x00emploi"}, 422, None),
        ({**NEW_SHEET, "method_steps": ["ok", "\x00"]}, 422, None),
        ({**NEW_SHEET, "author": 1}, 422, "author"),
        ({**NEW_SHEET, "status": "published"}, 422, "status"),
        ({**NEW_SHEET, "title": 5}, 422, "title"),
        ({**NEW_SHEET, "poles": "emploi"}, 422, "poles"),
        ({**NEW_SHEET, "poles": ["moon"]}, 422, "poles.0"),
        ({**NEW_SHEET, "practice_type": "party"}, 422, "practice_type"),
        ({**NEW_SHEET, "licence": "WTFPL"}, 422, "licence"),
        ({**NEW_SHEET, "original_language": "xx"}, 422, "original_language"),
        ({**NEW_SHEET, "centre": "nowhere"}, 422, "centre"),
        ({**NEW_SHEET, "centre": "centre-b"}, 403, None),
        ({**NEW_SHEET, "competences": ["NOPE"]}, 422, "competences"),
        ({**NEW_SHEET, "contact_email": "not an address"}, 422, "contact_email"),
        ({**NEW_SHEET, "contact_name": "x" * 151}, 422, "contact_name"),
        ({**NEW_SHEET, "title": "   "}, 422, "title"),
        ({**NEW_SHEET, "title": "x" * 201}, 422, "title"),
        ({key: value for key, value in NEW_SHEET.items() if key != "summary"}, 422, "summary"),
        ([NEW_SHEET], 422, None),
        ("{not json", 400, None),
    ],
)
def test_create_practice_with_a_bad_body_changes_nothing(
    client, centre_a, centre_b, counsellor_a, bearer, body, status, field
):
    before = _rows()

    response = _json(client, "post", "/api/v1/practices", body, **bearer(counsellor_a))

    assert response.status_code == status
    if field is not None:
        assert list(response.json()["detail"]) == [field]
    assert _rows() == before


def test_create_practice_needs_a_token(client, centre_a):
    response = _json(client, "post", "/api/v1/practices", NEW_SHEET)

    assert (response.status_code, response.json()["code"]) == (401, "unauthenticated")
    assert Practice.objects.count() == 0


@pytest.fixture
def draft(centre_a, counsellor_a):
    return draft_practice(counsellor_a, centre_a, texts=sheet_texts(title="Café emploi"))


def test_update_practice_changes_the_fields_sent(client, draft, counsellor_a, bearer):
    response = _json(
        client,
        "patch",
        f"/api/v1/practices/{draft.pk}",
        {"lock_version": 1, "title": "Café emploi du jeudi", "poles": ["form"], "limits": ""},
        **bearer(counsellor_a),
    )

    draft.refresh_from_db()
    original = draft.translations.get()
    assert response.status_code == 200
    assert (response.json()["lock_version"], response.json()["title"]) == (
        2,
        "Café emploi du jeudi",
    )
    assert (draft.lock_version, draft.poles, original.title, original.limits, original.summary) == (
        2,
        ["form"],
        "Café emploi du jeudi",
        "",
        sheet_texts()["summary"],
    )


def test_update_practice_with_a_stale_lock_version_is_409_and_changes_nothing(
    client, draft, counsellor_a, coordinator, bearer
):
    first = _json(
        client,
        "patch",
        f"/api/v1/practices/{draft.pk}",
        {"lock_version": 1, "title": "The editor's title"},
        **bearer(coordinator),
    )
    before = _rows()

    second = _json(
        client,
        "patch",
        f"/api/v1/practices/{draft.pk}",
        {"lock_version": 1, "title": "The author's title"},
        **bearer(counsellor_a),
        **EN,
    )

    assert first.status_code == 200
    assert (second.status_code, second.json()["code"]) == (409, "stale")
    assert second.json()["message"].startswith("This sheet was changed by someone else")
    assert _rows() == before
    assert draft.translations.get().title == "The editor's title"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "No version"}, "lock_version"),
        ({"lock_version": "1", "title": "A string version"}, "lock_version"),
        ({"lock_version": True, "title": "A boolean version"}, "lock_version"),
        ({"lock_version": 0, "title": "Zero"}, "lock_version"),
        ({"lock_version": 1, "centre": "centre-b"}, "centre"),
        ({"lock_version": 1, "original_language": "en"}, "original_language"),
        ({"lock_version": 1, "summary": "bad\x00"}, None),
        ({"lock_version": 1, "summary": ""}, "summary"),
        ({"lock_version": 1, "method_steps": "one step"}, "method_steps"),
        ({"lock_version": 1, "target_publics": [1]}, "target_publics.0"),
        ({"lock_version": 1, "practice_type": None}, "practice_type"),
    ],
)
def test_update_practice_with_a_bad_body_is_422_and_changes_nothing(
    client, draft, counsellor_a, bearer, body, field
):
    before = _rows()

    response = _json(client, "patch", f"/api/v1/practices/{draft.pk}", body, **bearer(counsellor_a))

    assert response.status_code == 422
    if field is not None:
        assert list(response.json()["detail"]) == [field]
    assert _rows() == before


def test_update_practice_of_someone_else_is_404_or_403(
    client, draft, vademecum, manager_a, manager_b, bearer
):
    before = _rows()

    hidden_draft = _json(
        client,
        "patch",
        f"/api/v1/practices/{draft.pk}",
        {"lock_version": 1, "title": "Mine now"},
        **bearer(manager_a),
    )
    published = _json(
        client,
        "patch",
        f"/api/v1/practices/{vademecum.quiz.pk}",
        {"lock_version": vademecum.quiz.lock_version, "title": "Mine now"},
        **bearer(manager_b),
    )

    assert (hidden_draft.status_code, published.status_code) == (404, 403)
    assert _rows() == before


# --- The workflow -----------------------------------------------------------------------------


def _post(client, path, user, bearer):
    return _json(client, "post", path, {}, **bearer(user))


def test_workflow_goes_from_draft_to_published_and_archived(
    client, draft, counsellor_a, coordinator, bearer, mailoutbox
):
    base = f"/api/v1/practices/{draft.pk}"
    submitted = _post(client, f"{base}/submit", counsellor_a, bearer)
    review = sheets.assign_reviewer(actor=coordinator, practice=draft, reviewer=reviewer_user())
    sheets.submit_review(
        actor=review.reviewer,
        review=review,
        scores={"clarity": 3, "evidence": 3, "transferability": 3, "ethics": 3},
        recommendation="changes",
    )
    sent_back = _post(client, f"{base}/request-changes", coordinator, bearer)
    resubmitted = _post(client, f"{base}/resubmit", counsellor_a, bearer)
    review = draft.reviews.get(round=draft.reviews.order_by("-round").first().round)
    sheets.submit_review(
        actor=review.reviewer,
        review=review,
        scores={"clarity": 4, "evidence": 4, "transferability": 4, "ethics": 4},
        recommendation="publish",
    )
    published = _post(client, f"{base}/publish", coordinator, bearer)
    public = client.get(base)
    found = client.get("/api/v1/practices?q=café")
    archived = _post(client, f"{base}/archive", coordinator, bearer)
    gone = client.get(base)
    restored = _post(client, f"{base}/restore", coordinator, bearer)

    assert [
        (r.status_code, r.json()["status"])
        for r in (submitted, sent_back, resubmitted, published, archived, restored)
    ] == [
        (200, "submitted"),
        (200, "changes_requested"),
        (200, "in_review"),
        (200, "published"),
        (200, "archived"),
        (200, "published"),
    ]
    assert (public.status_code, _ids(found), gone.status_code) == (200, [draft.pk], 404)
    assert published.json()["url"] == "http://testserver/en/practices/caf%C3%A9-emploi/"


def test_author_withdraws_a_submitted_sheet(client, draft, counsellor_a, bearer):
    _post(client, f"/api/v1/practices/{draft.pk}/submit", counsellor_a, bearer)

    response = _post(client, f"/api/v1/practices/{draft.pk}/withdraw", counsellor_a, bearer)

    assert (response.status_code, response.json()["status"]) == (200, "draft")


@pytest.mark.parametrize(
    ("action", "who", "status", "code"),
    [
        ("publish", "author", 403, "forbidden"),
        ("request-changes", "author", 403, "forbidden"),
        ("archive", "author", 403, "forbidden"),
        ("publish", "coordinator", 409, "wrong_status"),
        ("withdraw", "author", 409, "wrong_status"),
        ("resubmit", "author", 409, "wrong_status"),
        ("restore", "coordinator", 409, "wrong_status"),
        ("submit", "manager_a", 404, "not_found"),
        ("submit", "public_user", 404, "not_found"),
    ],
)
def test_workflow_refusals_change_nothing(
    client,
    draft,
    counsellor_a,
    coordinator,
    manager_a,
    public_user,
    bearer,
    action,
    who,
    status,
    code,
):
    users = {
        "author": counsellor_a,
        "coordinator": coordinator,
        "manager_a": manager_a,
        "public_user": public_user,
    }
    before = _rows()

    response = _post(client, f"/api/v1/practices/{draft.pk}/{action}", users[who], bearer)

    assert (response.status_code, response.json()["code"]) == (status, code)
    assert _rows() == before


# --- Translations -----------------------------------------------------------------------------


def test_translation_is_created_changed_marked_ready_and_published(
    client, vademecum, manager_b, coordinator, bearer
):
    path = f"/api/v1/practices/{vademecum.quiz.pk}/translations/it"
    created = _json(
        client,
        "put",
        path,
        {"title": "Quiz con le urne", "summary": "Un quiz dal vivo sui mestieri."},
        **bearer(manager_b),
    )
    changed = _json(
        client,
        "put",
        path,
        {"lock_version": 1, "method_steps": ["Preparare le domande"]},
        **bearer(manager_b),
    )
    ready = _json(client, "post", f"{path}/status", {"status": "ready"}, **bearer(manager_b))
    published = _json(
        client, "post", f"{path}/status", {"status": "published"}, **bearer(coordinator)
    )
    found = client.get("/api/v1/practices?q=urne&lang=it")

    assert [
        (r.status_code, r.json()["status"], r.json()["lock_version"])
        for r in (
            created,
            changed,
            ready,
            published,
        )
    ] == [(201, "draft", 1), (200, "draft", 2), (200, "ready", 2), (200, "published", 2)]
    assert {key: changed.json()[key] for key in ("practice", "language", "is_original")} == {
        "practice": vademecum.quiz.pk,
        "language": "it",
        "is_original": False,
    }
    assert (changed.json()["title"], changed.json()["method_steps"]) == (
        "Quiz con le urne",
        ["Preparare le domande"],
    )
    assert [(r["id"], r["title"]) for r in found.json()["results"]] == [
        (vademecum.quiz.pk, "Quiz con le urne")
    ]
    translation_row = vademecum.quiz.translations.get(language="it")
    assert (translation_row.translator, translation_row.status) == (manager_b, "published")


@pytest.mark.parametrize(
    ("language", "body", "status", "code"),
    [
        ("it", {"title": "Senza sommario"}, 422, "required"),
        ("it", {"title": "Quiz\x00", "summary": "x"}, 422, "invalid"),
        ("it", {"title": "Quiz", "summary": "x", "translator": 1}, 422, "invalid"),
        ("it", {"title": ["Quiz"], "summary": "x"}, 422, "invalid"),
        ("xx", {"title": "Quiz", "summary": "x"}, 422, "invalid"),
        ("x%00", {"title": "Quiz", "summary": "x"}, 422, "invalid"),
        ("en", {"lock_version": 1, "title": "Changed original"}, 409, "original"),
        ("pt", {"title": "Sem versão"}, 409, "stale"),
        ("pt", {"lock_version": 7, "title": "Versão antiga"}, 409, "stale"),
        ("pt", {"lock_version": "1", "title": "Texto"}, 422, "invalid"),
    ],
)
def test_translation_bad_requests_change_nothing(
    client, vademecum, manager_b, bearer, language, body, status, code
):
    translations.start_translation(
        actor=manager_b,
        practice=vademecum.quiz,
        language="pt",
        texts=sheet_texts(title="Quiz com urnas"),
    )
    before = _rows()

    response = _json(
        client,
        "put",
        f"/api/v1/practices/{vademecum.quiz.pk}/translations/{language}",
        body,
        **bearer(manager_b),
    )

    assert (response.status_code, response.json()["code"]) == (status, code)
    assert _rows() == before


def test_translation_of_someone_else_or_of_a_hidden_draft_is_refused(
    client, vademecum, draft, manager_b, manager_a, public_user, bearer
):
    translations.start_translation(
        actor=manager_b, practice=vademecum.quiz, language="pt", texts=sheet_texts(title="Quiz")
    )
    before = _rows()

    others = _json(
        client,
        "put",
        f"/api/v1/practices/{vademecum.quiz.pk}/translations/pt",
        {"lock_version": 1, "title": "Meu"},
        **bearer(manager_a),
    )
    not_staff = _json(
        client,
        "put",
        f"/api/v1/practices/{vademecum.quiz.pk}/translations/it",
        {"title": "Quiz", "summary": "Un quiz."},
        **bearer(public_user),
    )
    hidden = _json(
        client,
        "put",
        f"/api/v1/practices/{draft.pk}/translations/it",
        {"title": "Bozza", "summary": "Una bozza."},
        **bearer(manager_b),
    )
    publish_own = _json(
        client,
        "post",
        f"/api/v1/practices/{vademecum.quiz.pk}/translations/pt/status",
        {"status": "published"},
        **bearer(manager_b),
    )
    missing = _json(
        client,
        "post",
        f"/api/v1/practices/{vademecum.quiz.pk}/translations/da/status",
        {"status": "ready"},
        **bearer(manager_b),
    )

    assert [r.status_code for r in (others, not_staff, hidden, publish_own, missing)] == [
        403,
        403,
        404,
        403,
        404,
    ]
    assert _rows() == before


# --- Exchange ---------------------------------------------------------------------------------


def test_comment_on_a_published_sheet(client, vademecum, manager_b, bearer):
    response = _json(
        client,
        "post",
        f"/api/v1/practices/{vademecum.quiz.pk}/comments",
        {"body": "We did it **too**."},
        **bearer(manager_b),
    )

    comment = PracticeComment.objects.get()
    assert response.status_code == 201
    assert response.json() == {
        "id": comment.pk,
        "practice": vademecum.quiz.pk,
        "body": "We did it **too**.",
        "created_at": _stamp(comment.created_at),
    }
    assert (
        comment.author,
        client.get(f"/api/v1/practices/{vademecum.quiz.pk}").json()["counts"],
    ) == (
        manager_b,
        {"comments": 1, "trials": 0, "centres_tried": 0},
    )


def test_record_a_trial_once(client, vademecum, manager_b, bearer):
    path = f"/api/v1/practices/{vademecum.quiz.pk}/trials"
    body = {"context": "A smaller town.", "adaptation": "Fewer boxes.", "outcome": "It worked."}

    first = _json(client, "post", path, body, **bearer(manager_b))
    second = _json(client, "post", path, body, **bearer(manager_b))

    trial = PracticeTrial.objects.get()
    assert first.status_code == 201
    assert first.json() == {
        "id": trial.pk,
        "practice": vademecum.quiz.pk,
        "centre": {"slug": "centre-b", "name": "Cité B"},
        "context": "A smaller town.",
        "adaptation": "Fewer boxes.",
        "outcome": "It worked.",
        "created_at": _stamp(trial.created_at),
    }
    assert (second.status_code, second.json()["code"]) == (409, "already_tried")
    assert client.get("/api/v1/practices?q=quiz").json()["results"][0]["centres_tried"] == 1


def test_follow_and_unfollow_are_idempotent(client, vademecum, manager_b, bearer):
    path = f"/api/v1/practices/{vademecum.quiz.pk}/follow"
    headers = bearer(manager_b)

    followed = [client.put(path, **headers).status_code for _ in range(2)]
    rows_after_follow = PracticeFollow.objects.filter(user=manager_b).count()
    unfollowed = [client.delete(path, **headers).status_code for _ in range(2)]

    assert (followed, rows_after_follow, unfollowed) == ([204, 204], 1, [204, 204])
    assert PracticeFollow.objects.count() == 0


@pytest.mark.parametrize(
    ("method", "suffix", "body", "who", "status", "code"),
    [
        ("post", "comments", {"body": "Hello"}, "public_user", 403, "forbidden"),
        ("post", "comments", {"body": "Hello"}, "anonymous", 401, "unauthenticated"),
        ("post", "comments", {"body": ""}, "manager_b", 422, "required"),
        ("post", "comments", {"body": "a\x00b"}, "manager_b", 422, "invalid"),
        ("post", "comments", {"body": "x" * 4001}, "manager_b", 422, "invalid"),
        ("post", "comments", {"body": "Hi", "is_hidden": True}, "manager_b", 422, "invalid"),
        ("post", "comments", {"body": 12}, "manager_b", 422, "invalid"),
        ("post", "trials", {"context": "A town."}, "manager_b", 422, "invalid"),
        ("post", "trials", {"context": "x", "outcome": "y"}, "public_user", 403, "forbidden"),
        ("put", "follow", {}, "public_user", 403, "forbidden"),
        ("put", "follow", {}, "anonymous", 401, "unauthenticated"),
    ],
)
def test_exchange_refusals_change_nothing(
    client, vademecum, manager_b, public_user, bearer, method, suffix, body, who, status, code
):
    headers = (
        {}
        if who == "anonymous"
        else bearer({"manager_b": manager_b, "public_user": public_user}[who])
    )
    before = _rows()

    response = _json(
        client, method, f"/api/v1/practices/{vademecum.quiz.pk}/{suffix}", body, **headers
    )

    assert (response.status_code, response.json()["code"]) == (status, code)
    assert _rows() == before


def test_exchange_on_a_draft_is_404_or_409(client, draft, counsellor_a, manager_b, bearer):
    before = _rows()

    hidden = _json(
        client,
        "post",
        f"/api/v1/practices/{draft.pk}/comments",
        {"body": "Hi"},
        **bearer(manager_b),
    )
    own = _json(
        client,
        "post",
        f"/api/v1/practices/{draft.pk}/comments",
        {"body": "Hi"},
        **bearer(counsellor_a),
    )
    unfollow = client.delete(f"/api/v1/practices/{draft.pk}/follow", **bearer(manager_b))

    assert [(r.status_code, r.json()["code"]) for r in (hidden, own, unfollow)] == [
        (404, "not_found"),
        (409, "wrong_status"),
        (404, "not_found"),
    ]
    assert _rows() == before
