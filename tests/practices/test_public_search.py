"""The public search of the Vademecum: stemming per language, through translations, without
accents, safe with any string, exact facet counts, "did you mean", pagination, a pinned query
count, and nothing stored about the query."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from cocade.core.models import AuditLogEntry
from cocade.practices.services import sheets, translations
from tests.factories.competencies import published_version
from tests.factories.directory import CentreFactory
from tests.factories.practices import (
    draft_practice,
    editor_user,
    published_practice,
    sheet_texts,
)


def url(lang="en", **params):
    with translation.override(lang):
        base = reverse("practices:search")
    if not params:
        return base
    return f"{base}?{urlencode(params, doseq=True)}"


def publish_translation(practice, language, texts, *, translator, editor):
    item = translations.start_translation(
        actor=translator, practice=practice, language=language, texts=texts
    )
    translations.set_translation_status(actor=translator, translation=item, status="ready")
    return translations.set_translation_status(actor=editor, translation=item, status="published")


@pytest.fixture
def editor(db):
    return editor_user()


def sheet(author, centre, editor, title, summary="A practice.", **sheet_fields):
    return published_practice(
        author,
        centre,
        editor=editor,
        texts=sheet_texts(title=title, summary=summary, context="", results_text=""),
        **sheet_fields,
    )


def hit_slugs(response):
    return [item["hit"].practice.slug for item in response.context["hits"]]


# --- Done when ------------------------------------------------------------------------------


def test_search_finds_a_portuguese_sheet_through_another_inflection(
    client, counsellor_a, centre_a, editor
):
    porto = sheet(
        counsellor_a,
        centre_a,
        editor,
        "Recrutamento das empresas no Porto",
        summary="Um dia de recrutamento das empresas com candidatos pré-selecionados.",
        original_language="pt",
    )
    sheet(counsellor_a, centre_a, editor, "A web series by apprentices")

    response = client.get(url("pt", q="recrutamentos"))

    assert response.status_code == 200
    assert hit_slugs(response) == [porto.slug]
    assert response.context["hits"][0]["language"] == "pt"
    assert "<mark>recrutamento</mark>" in response.content.decode().lower()


def test_search_finds_a_french_sheet_through_its_english_translation(
    client, counsellor_a, centre_a, editor
):
    numeriday = sheet(
        counsellor_a,
        centre_a,
        editor,
        "Journée du numérique pour les demandeurs d'emploi",
        summary="Des ateliers pour apprendre les démarches en ligne.",
        original_language="fr",
    )
    publish_translation(
        numeriday,
        "en",
        sheet_texts(
            title="Digital day for jobseekers",
            summary="Workshops where jobseekers learn online paperwork with volunteers.",
            context="",
            results_text="",
        ),
        translator=counsellor_a,
        editor=editor,
    )

    response = client.get(url("fr", q="volunteers paperwork"))

    content = response.content.decode()
    item = response.context["hits"][0]
    assert hit_slugs(response) == [numeriday.slug]
    assert (item["language"], item["hit"].translation.title) == ("en", "Digital day for jobseekers")
    assert "<mark>paperwork</mark> with <mark>volunteers</mark>" in content
    with translation.override("fr"):
        detail = reverse("practices:detail", kwargs={"slug": numeriday.slug})
    assert f'href="{detail}?lang=en"' in content
    assert item["other_language"] == "Anglais"


def test_search_found_in_another_language_is_said(client, counsellor_a, centre_a, editor):
    sheet(
        counsellor_a,
        centre_a,
        editor,
        "Café des métiers",
        summary="Des professionnels rencontrent des collégiens.",
        original_language="fr",
    )

    response = client.get(url("en", q="collégiens"))

    assert "found in French" in response.content.decode()


def test_search_ignores_accents(client, counsellor_a, centre_a, editor):
    cafe = sheet(
        counsellor_a,
        centre_a,
        editor,
        "Café des métiers pour les collégiens",
        summary="Une matinée d'échanges.",
        original_language="fr",
    )

    results = [
        hit_slugs(client.get(url("fr", q=query)))
        for query in ("cafe metiers", "COLLEGIENS", "echanges", "Échanges")
    ]

    assert results == [[cafe.slug]] * 4


@pytest.mark.parametrize(
    "query",
    [
        '"unclosed phrase',
        "recruitment AND (day OR NOT) -jobs +x ~y * ^z : NEAR(a b)",
        "<script>alert('x')</script>",
        "') OR 1=1; DROP TABLE practices_practice; --",
        "\x00\x01 null",
        "é" * 500,
    ],
)
def test_search_answers_a_hostile_query_with_the_string_escaped(
    client, counsellor_a, centre_a, editor, query
):
    sheet(counsellor_a, centre_a, editor, "Speed recruitment in a day")

    response = client.get(url("en", q=query))

    content = response.content.decode()
    assert response.status_code == 200
    assert f'value="{escape(response.context["params"].query)}"' in content
    assert "<script>alert" not in content


def test_search_escapes_a_script_query_in_the_page(client, db):
    response = client.get(url("en", q="<script>alert(1)</script>"))

    content = response.content.decode()
    assert response.status_code == 200
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in content
    assert "<script>alert(1)" not in content


def test_search_facet_counts_are_exact(client, counsellor_a, centre_a, editor):
    centre_pt = CentreFactory(country="PT")
    sheet(
        counsellor_a,
        centre_a,
        editor,
        "Speed recruitment",
        practice_type="event",
        poles=["emploi"],
        target_publics=["jobseekers", "young_people"],
    )
    sheet(
        counsellor_a,
        centre_a,
        editor,
        "Recruitment workshop",
        practice_type="workshop",
        poles=["emploi", "form"],
        target_publics=["jobseekers"],
        original_language="fr",
    )
    sheet(
        editor,
        centre_pt,
        editor,
        "Recruitment fair",
        practice_type="event",
        poles=["orient"],
        target_publics=["apprentices"],
        original_language="pt",
    )

    response = client.get(url("en"))

    groups = {
        group["name"]: [(o["value"], o["count"]) for o in group["options"]]
        for group in response.context["facet_groups"]
    }
    assert response.context["total"] == 3
    assert groups == {
        "pole": [("emploi", 2), ("orient", 1), ("form", 1)],
        "type": [("event", 2), ("workshop", 1)],
        "public": [("jobseekers", 2), ("apprentices", 1), ("young_people", 1)],
        "country": [(centre_a.country.code, 2), ("PT", 1)],
        "language": [("en", 1), ("fr", 1), ("pt", 1)],
        "competence": [],
    }


def test_search_facet_filter_narrows_and_labels_the_values(client, counsellor_a, centre_a, editor):
    event = sheet(counsellor_a, centre_a, editor, "Speed recruitment", practice_type="event")
    sheet(counsellor_a, centre_a, editor, "Recruitment workshop", practice_type="workshop")

    response = client.get(url("en", type="event", pole="not-a-pole", country="XX"))

    types = next(g for g in response.context["facet_groups"] if g["name"] == "type")
    assert response.status_code == 200
    assert hit_slugs(response) == [event.slug]
    assert response.context["params"].filters == {"type": ["event"]}
    assert [(o["label"], o["count"], o["checked"]) for o in types["options"]] == [
        ("Event", 1, True)
    ]


def test_search_unknown_facet_values_are_ignored(client, counsellor_a, centre_a, editor):
    sheet(counsellor_a, centre_a, editor, "Speed recruitment")

    response = client.get(
        url("en", language="xx", competence="NOPE", public="<b>", sort="sideways", page="x")
    )

    assert (response.status_code, response.context["total"]) == (200, 1)
    assert response.context["params"].filters == {}
    assert response.context["params"].sort == "relevance"


def test_search_suggests_a_correction_for_a_misspelt_word(client, counsellor_a, centre_a, editor):
    sheet(counsellor_a, centre_a, editor, "Speed recruitment in a day")

    response = client.get(url("en", q="recruitmnet"))

    content = response.content.decode()
    assert response.context["suggestion"] == "recruitment"
    assert (
        'Did you mean <a href="/en/practices/?q=recruitment" rel="nofollow">recruitment</a>?'
        in (content)
    )


def test_search_sorts_by_date(client, counsellor_a, centre_a, editor):
    first = sheet(counsellor_a, centre_a, editor, "Recruitment fair, recruitment day")
    second = sheet(counsellor_a, centre_a, editor, "Recruitment workshop")

    by_date = hit_slugs(client.get(url("en", q="recruitment", sort="date")))

    assert by_date == [second.slug, first.slug]


# --- Pagination -----------------------------------------------------------------------------


@pytest.fixture
def twenty_one(counsellor_a, centre_a, editor):
    return [sheet(counsellor_a, centre_a, editor, f"Workshop number {n}") for n in range(21)]


def test_search_pages_hold_twenty_sheets(client, twenty_one):
    first = client.get(url("en"))
    second = client.get(url("en", page=2))

    assert (len(first.context["hits"]), len(second.context["hits"])) == (20, 1)
    assert (first.context["pages"], second.context["first_rank"]) == (2, 21)
    assert first.context["next_url"] == "/en/practices/?page=2"
    assert second.context["previous_url"] == "/en/practices/"


@pytest.mark.parametrize("page", ["abc", "", "-1", "0", "1.5"])
def test_search_malformed_page_is_the_first(client, twenty_one, page):
    response = client.get(url("en", page=page))

    assert (response.status_code, response.context["page"]) == (200, 1)


@pytest.mark.parametrize("page", ["3", "10001", "99999999999999999999999"])
def test_search_page_out_of_range_is_404(client, twenty_one, page):
    response = client.get(url("en", page=page))

    assert response.status_code == 404


# --- Queries, privacy, no JavaScript ----------------------------------------------------------


@pytest.mark.parametrize("count", [3, 6])
def test_search_query_count_does_not_grow_with_results(
    client, counsellor_a, centre_a, editor, django_assert_num_queries, count
):
    for n in range(count):
        sheet(counsellor_a, centre_a, editor, f"Recruitment day {n}")

    with django_assert_num_queries(3):
        response = client.get(url("en", q="recruitment"))

    assert len(response.context["hits"]) == count


def test_search_stores_nothing_about_the_query(client, counsellor_a, centre_a, editor):
    sheet(counsellor_a, centre_a, editor, "Speed recruitment")
    before = AuditLogEntry.objects.count()

    response = client.get(url("en", q="a private worry about debts"))

    assert (response.status_code, AuditLogEntry.objects.count()) == (200, before)
    assert "sessionid" not in response.cookies


def test_search_works_as_a_plain_get_form(client, db):
    response = client.get(url("en"))

    content = response.content.decode()
    assert '<form method="get" action="/en/practices/" class="search-form' in content
    assert 'role="status" aria-live="polite"' in content
    assert "<script>" not in content.split("</head>")[1]


def test_search_does_not_show_unpublished_sheets(client, counsellor_a, centre_a, editor):
    draft_practice(counsellor_a, centre_a, texts=sheet_texts(title="Secret recruitment draft"))

    response = client.get(url("en", q="secret"))

    assert response.context["total"] == 0


def test_search_competence_facet_has_code_and_title(client, counsellor_a, centre_a, editor):
    version = published_version("cdm-counsellor", blocks=1, competences=2)
    linked = sheet(counsellor_a, centre_a, editor, "Speed recruitment")
    sheet(counsellor_a, centre_a, editor, "Recruitment workshop")
    sheets.update_practice(
        actor=editor,
        practice=linked,
        expected_version=linked.lock_version,
        competences=[version.competences.get(code="A2").pk],
    )

    unfiltered = client.get(url("en"))
    filtered = client.get(url("en", competence=["A2", "A1", "Z9"]))

    competences = next(g for g in unfiltered.context["facet_groups"] if g["name"] == "competence")
    assert [(o["value"], o["label"], o["count"]) for o in competences["options"]] == [
        ("A2", "A2 · Compétence A2 [en]", 1)
    ]
    assert filtered.context["params"].filters == {"competence": ["A2", "A1"]}
    assert hit_slugs(filtered) == [linked.slug]
