"""The search interface (cocade.core.search) on whichever database the suite runs on."""

import datetime

import pytest
from django.db import transaction

from cocade.core import search
from cocade.core.models import SearchDocument, SearchEntry, SearchFacet

SCOPE = "tests.doc"
pytestmark = pytest.mark.django_db


def day(n):
    return datetime.datetime(2025, 1, n, 12, tzinfo=datetime.UTC)


def index(object_id, texts, facets=None, n=1):
    search.index_document(
        scope=SCOPE, object_id=object_id, texts=texts, facets=facets or {}, sort_date=day(n)
    )


def ids(result):
    return [hit.object_id for hit in result.hits]


def find(query, **kwargs):
    return search.search(scope=SCOPE, query=query, **kwargs)


@pytest.fixture
def library():
    """Five documents in several languages with facets, dated 1 to 5 January."""
    index(
        1,
        {
            "pt": {
                "title": "Recrutamento de jovens",
                "body": "Um programa de recrutamento para jovens à procura de emprego.",
            }
        },
        {"type": ["event"], "country": ["PT"]},
        n=1,
    )
    index(
        2,
        {
            "fr": {
                "title": "Atelier d'écriture de CV",
                "body": "Les jeunes rédigent leur curriculum vitae avec un conseiller.",
            },
            "en": {
                "title": "Resume writing workshop",
                "body": "Young people write their resume with a counsellor.",
            },
        },
        {"type": ["workshop"], "country": ["FR"], "pole": ["emploi", "formation"]},
        n=2,
    )
    index(
        3,
        {
            "bg": {
                "title": "Кариерно ориентиране",
                "body": "Консултации за младежи в търсене на работа.",
            }
        },
        {"type": ["workshop"], "country": ["BG"], "pole": ["emploi"]},
        n=3,
    )
    index(
        4,
        {
            "fr": {
                "title": "Éducation financière",
                "body": "Un atelier sur le budget et l'épargne des jeunes.",
            }
        },
        {"type": ["workshop"], "country": ["FR"], "pole": ["formation"]},
        n=4,
    )
    index(
        5,
        {
            "it": {
                "title": "Orientamento professionale",
                "body": "Colloqui di orientamento per giovani e atelier di gruppo.",
            }
        },
        {"type": ["event"], "country": ["IT"], "pole": ["emploi"]},
        n=5,
    )


# --- matching -------------------------------------------------------------------------------------


def test_search_portuguese_plural_finds_singular(library):
    result = find("recrutamentos")

    assert ids(result) == [1]
    assert result.hits[0].language == "pt"


def test_search_without_accents_finds_accented_text(library):
    result = find("education financiere")

    assert ids(result) == [4]


def test_search_with_accents_finds_text_without_them(library):
    index(6, {"en": {"title": "Cafe meeting", "body": "An informal meeting."}}, n=6)

    result = find("café")

    assert ids(result) == [6]


def test_search_bulgarian_entry_found_by_cyrillic_query(library):
    result = find("ориентиране")

    assert ids(result) == [3]
    assert result.hits[0].language == "bg"


def test_search_finds_document_through_its_second_language(library):
    result = find("resumes")

    assert ids(result) == [2]
    assert result.hits[0].language == "en"
    assert result.hits[0].score > 0


def test_search_first_language_entry_reports_its_language(library):
    result = find("conseiller")

    assert [(hit.object_id, hit.language) for hit in result.hits] == [(2, "fr")]


def test_search_requires_every_word(library):
    assert ids(find("atelier budget")) == [4]
    assert ids(find("atelier budget recrutamento")) == []


def test_search_quoted_phrase_keeps_word_order(library):
    assert ids(find('"resume writing"')) == [2]
    assert ids(find('"writing resume"')) == []


def test_search_words_match_within_one_language_only(library):
    # "atelier" is French (sheets 2 and 4) and Italian (sheet 5), "jeunes" French only.
    result = find("atelier jeunes")

    assert sorted(ids(result)) == [2, 4]


def test_search_title_match_ranks_first(library):
    index(
        7,
        {"fr": {"title": "Budget", "body": "Un texte sur autre chose, assez long pour compter."}},
        n=1,
    )

    result = find("budget")

    assert ids(result) == [7, 4]
    assert result.hits[0].score > result.hits[1].score


# --- filters, facets, sorting, paging -------------------------------------------------------------


def test_search_filters_or_within_facet_and_across_facets(library):
    either = find("", filters={"country": ["FR", "IT"]})
    both = find("", filters={"country": ["FR", "IT"], "pole": ["emploi"]})

    assert sorted(ids(either)) == [2, 4, 5]
    assert sorted(ids(both)) == [2, 5]


def test_search_counts_facets_over_matching_documents(library):
    result = find("", filters={"type": ["workshop"]}, facets=["country", "pole", "language"])

    assert result.total == 3
    assert result.facets == {
        "country": [search.FacetCount("FR", 2), search.FacetCount("BG", 1)],
        "pole": [search.FacetCount("emploi", 2), search.FacetCount("formation", 2)],
        "language": [
            search.FacetCount("fr", 2),
            search.FacetCount("bg", 1),
            search.FacetCount("en", 1),
        ],
    }


def test_search_counts_facets_of_a_query(library):
    result = find("atelier", facets=["type", "missing"])

    assert result.total == 3
    assert result.facets == {
        "type": [search.FacetCount("workshop", 2), search.FacetCount("event", 1)],
        "missing": [],
    }


def test_search_empty_query_lists_newest_first_with_zero_score(library):
    result = find("")

    assert ids(result) == [5, 4, 3, 2, 1]
    assert result.total == 5
    assert [hit.score for hit in result.hits] == [0.0] * 5
    assert [hit.language for hit in result.hits] == ["it", "fr", "bg", "fr", "pt"]
    assert result.terms == []
    assert result.suggestion is None


def test_search_sort_by_date_puts_newest_first(library):
    index(8, {"fr": {"title": "Atelier budget", "body": "Atelier budget."}}, n=1)

    by_relevance = find("budget")
    by_date = find("budget", sort="date")

    assert ids(by_relevance) == [8, 4]
    assert ids(by_date) == [4, 8]


def test_search_pages_keep_total(library):
    first = find("", limit=2)
    second = find("", limit=2, offset=2)
    last = find("", limit=2, offset=4)
    beyond = find("", limit=2, offset=10)

    assert (ids(first), ids(second), ids(last), ids(beyond)) == ([5, 4], [3, 2], [1], [])
    assert {first.total, second.total, last.total, beyond.total} == {5}


def test_search_puts_documents_without_date_last(library):
    search.index_document(
        scope=SCOPE, object_id=10, texts={"en": {"title": "Undated", "body": ""}}, sort_date=None
    )

    assert ids(find(""))[0] == 5
    assert ids(find(""))[-1] == 10


def test_search_lists_a_document_without_text(library):
    search.index_document(scope=SCOPE, object_id=11, texts={}, facets={"type": ["event"]})

    result = find("", filters={"type": ["event"]}, facets=["language"])

    assert sorted(ids(result)) == [1, 5, 11]
    assert [hit.language for hit in result.hits if hit.object_id == 11] == [""]
    assert result.facets["language"] == [search.FacetCount("it", 1), search.FacetCount("pt", 1)]


def test_search_unknown_filter_value_finds_nothing(library):
    result = find("", filters={"country": ["XX"]}, facets=["type"])

    assert (result.total, result.hits, result.facets) == (0, [], {"type": []})


def test_search_is_scoped(library):
    search.index_document(
        scope="tests.other", object_id=1, texts={"pt": {"title": "Recrutamento", "body": ""}}
    )

    assert find("recrutamento").total == 1
    assert ids(search.search(scope="tests.other", query="recrutamento")) == [1]


def test_search_terms_are_the_query_words(library):
    result = find('Recrutamento "de jovens" -AND')

    assert result.terms == ["Recrutamento", "de", "jovens", "AND"]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        "AND OR NOT",
        "(",
        ")",
        "*",
        "NEAR(",
        "NEAR(a b, 3)",
        "-",
        "^",
        ":",
        "title:budget",
        '"unbalanced quote',
        "a AND (b OR",
        "x" * 2000,
        ("budget " * 300).strip(),
        "bud\x00get",
        "\x00",
        "%s %% %(x)s ?",
        "😀 ∑ ‮",
    ],
)
def test_search_hostile_queries_return_normally(library, query):
    result = find(query, facets=["type"])

    assert result.total == len(result.hits)


def test_search_operators_are_plain_words(library):
    index(9, {"en": {"title": "Not near or and", "body": ""}}, n=9)

    assert ids(find("NEAR(")) == [9]
    assert ids(find("near AND")) == [9]
    assert ids(find("-budget")) == [4]


# --- did you mean ---------------------------------------------------------------------------------


def test_search_suggests_the_closest_word_for_a_misspelling(library):
    result = find("recrutamneto")

    assert result.total == 0
    assert result.suggestion == "recrutamento"


def test_search_suggestion_keeps_other_words_and_phrases(library):
    result = find('"recrutamneto de" jovens')

    assert result.suggestion == '"recrutamento de" jovens'


def test_search_suggests_nothing_when_nothing_is_close(library):
    result = find("zzqxwv")

    assert (result.total, result.suggestion) == (0, None)


def test_search_suggests_nothing_for_known_words_or_inflections(library):
    assert find("recrutamento").suggestion is None
    assert find("recrutamentos").suggestion is None


# --- index maintenance ----------------------------------------------------------------------------


def test_index_document_again_replaces_texts_and_facets(library):
    index(1, {"en": {"title": "Hiring fair", "body": ""}}, {"type": ["fair"]}, n=1)

    assert ids(find("recrutamento")) == []
    assert ids(find("hiring")) == [1]
    assert find("", facets=["type"]).facets["type"][0] == search.FacetCount("workshop", 3)
    assert SearchEntry.objects.filter(document__object_id=1).count() == 1
    assert set(SearchFacet.objects.filter(document__object_id=1).values_list("facet", "value")) == {
        ("type", "fair"),
        ("language", "en"),
    }


def test_remove_document_removes_it(library):
    search.remove_document(scope=SCOPE, object_id=2)

    assert find("resume").total == 0
    assert find("").total == 4
    assert not SearchDocument.objects.filter(scope=SCOPE, object_id=2).exists()
    assert not SearchEntry.objects.filter(document__object_id=2).exists()


def test_index_document_follows_the_callers_transaction(library):
    def change_then_fail():
        with transaction.atomic():
            index(1, {"en": {"title": "Hiring fair", "body": ""}}, n=1)
            search.remove_document(scope=SCOPE, object_id=2)
            raise RuntimeError

    with pytest.raises(RuntimeError):
        change_then_fail()

    assert ids(find("recrutamento")) == [1]
    assert ids(find("hiring")) == []
    assert ids(find("resume")) == [2]


def test_remove_document_unknown_does_nothing(library):
    search.remove_document(scope=SCOPE, object_id=999)

    assert find("").total == 5


def test_index_documents_in_bulk(db):
    documents = [
        search.Document(
            object_id=n,
            texts={"en": {"title": f"Guide number {n}", "body": "Counselling"}},
            facets={"type": ["guide" if n % 2 else "tool"]},
            sort_date=day(1 + n % 28),
        )
        for n in range(1, 2501)
    ]

    count = search.index_documents(scope=SCOPE, documents=documents)
    result = find("counselling guide", facets=["type"], limit=3)

    assert count == 2500
    assert result.total == 2500
    assert result.facets["type"] == [
        search.FacetCount("guide", 1250),
        search.FacetCount("tool", 1250),
    ]
    assert len(result.hits) == 3


# --- snippets -------------------------------------------------------------------------------------


def test_snippet_escapes_html_and_marks_matching_words():
    text = "Les <script>alert(1)</script> recrutements des jeunes & le recrutement."

    html = search.snippet(text, ["recrutement"], language="fr")

    assert html == (
        "Les &lt;script&gt;alert(1)&lt;/script&gt; <mark>recrutements</mark> des jeunes "
        "&amp; le <mark>recrutement</mark>."
    )


def test_snippet_ignores_accents_and_cuts_around_the_first_match():
    text = (
        ("Introduction sans rapport. " * 20)
        + "Une éducation financière pour tous. "
        + ("Suite du texte. " * 20)
    )

    html = search.snippet(text, ["education"], language="fr", length=80)

    assert html.startswith("…")
    assert html.endswith("…")
    assert "<mark>éducation</mark>" in html
    assert len(html.replace("<mark>", "").replace("</mark>", "")) <= 82


def test_snippet_marks_cyrillic_words():
    html = search.snippet("Кариерно ориентиране за младежи", ["ОРИЕНТИРАНЕ"], language="bg")

    assert html == "Кариерно <mark>ориентиране</mark> за младежи"


def test_snippet_without_match_starts_at_the_beginning():
    html = search.snippet("Short text.", ["absent"], language="en")

    assert html == "Short text."
