"""PostgreSQL backend: full-text search with one text search configuration per language.

The migration creates `cocade_fr`, `cocade_en`, `cocade_pt`, `cocade_it`, `cocade_da`
(`unaccent`, then the language's Snowball stemmer) and `cocade_bg` (`unaccent`, then `simple`;
also used for any other language), a generated column `core_searchentry.search_vector` (title
weighted A, body B, in the configuration of the entry's language) and one partial GIN index per
configuration. A query is parsed into words and phrases in Python (`text.parse_query`), then
turned into one tsquery per configuration with `plainto_tsquery` / `phraseto_tsquery`, which
read their input as plain text; an entry matches when its vector matches the tsquery of its own
language, so each branch of the OR is answered by that language's index.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection

from cocade.core.search.backend import Entry, Match, Prepared, SearchBackend
from cocade.core.search.text import LANGUAGES, OTHER, ParsedQuery

STEMMED = tuple(code for code in LANGUAGES if code != OTHER)
_NOT_STEMMED = "(" + ", ".join(f"'{code}'" for code in STEMMED) + ")"


def _language_condition(code: str) -> str:
    return f"e.language = '{code}'" if code != OTHER else f"e.language NOT IN {_NOT_STEMMED}"


def tsquery(code: str, query: ParsedQuery) -> tuple[str, list[Any]]:
    """The tsquery of `query` in the configuration of language `code`."""
    config = f"'cocade_{code}'::regconfig"
    parts: list[str] = []
    params: list[Any] = []
    if query.words:
        parts.append(f"plainto_tsquery({config}, %s)")
        params.append(" ".join(query.words))
    for phrase in query.phrases:
        parts.append(f"phraseto_tsquery({config}, %s)")
        params.append(" ".join(phrase))
    return "(" + " && ".join(parts) + ")", params


class PostgresBackend(SearchBackend):
    vendor = "postgresql"
    float_type = "double precision"
    text_type = "text"
    int_type = "bigint"
    # The document's facets as "facet<US>value" strings (a column of PostgreSQL only, written
    # with the document): counting them needs no join with the facet table.
    document_columns = ", doc.facet_values"

    def write_documents(self, scope: str, documents: list[Prepared]) -> dict[int, int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO core_searchdocument (scope, object_id, sort_date, facet_values) "
                "SELECT %s, o, s, string_to_array(f, chr(30)) "
                "FROM unnest(%s::bigint[], %s::timestamptz[], %s::text[]) AS t(o, s, f) "
                "ON CONFLICT (scope, object_id) DO UPDATE SET sort_date = EXCLUDED.sort_date, "
                "facet_values = EXCLUDED.facet_values RETURNING object_id, id",
                [
                    scope,
                    [d.object_id for d in documents],
                    [d.sort_date for d in documents],
                    [
                        "\x1e".join(f"{facet}\x1f{value}" for facet, value, _ in d.facets)
                        for d in documents
                    ],
                ],
            )
            return dict(cursor.fetchall())

    def write_entries(self, entries: list[tuple[int, Entry]]) -> None:
        # The search vector is a generated column: PostgreSQL computes it.
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO core_searchentry (document_id, language, title, body) "
                "SELECT * FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[])",
                [
                    [document_id for document_id, _ in entries],
                    [entry.language for _, entry in entries],
                    [entry.title for _, entry in entries],
                    [entry.body for _, entry in entries],
                ],
            )

    def write_facets(self, rows: list[tuple[int, str, str, int]]) -> None:
        columns = list(zip(*rows, strict=True)) if rows else [(), (), (), ()]
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO core_searchfacet (document_id, facet, value, key) "
                "SELECT * FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::bigint[])",
                [list(column) for column in columns],
            )

    def write_terms(self, scope: str, terms: list[str]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO core_searchterm (scope, term) SELECT %s, unnest(%s::text[]) "
                "ON CONFLICT (scope, term) DO NOTHING",
                [scope, terms],
            )

    def facet_counts(self, facets: Sequence[str]) -> tuple[str, list[Any]]:
        return (
            "SELECT 2, split_part(x, chr(31), 1), split_part(x, chr(31), 2), COUNT(*), NULL, 0 "
            "FROM d CROSS JOIN unnest(d.facet_values) AS x GROUP BY x "
            "HAVING MIN(split_part(x, chr(31), 1)) = ANY(%s)",
            [list(facets)],
        )

    def match(self, query: ParsedQuery) -> Match:
        params: list[Any] = []
        columns = []
        for code in LANGUAGES:
            sql, values = tsquery(code, query)
            columns.append(f"{sql} AS {code}")
            params.extend(values)
        q = f"q AS (SELECT {', '.join(columns)})"
        conditions = []
        for code in LANGUAGES:
            sql, values = tsquery(code, query)
            conditions.append(f"({_language_condition(code)} AND e.search_vector @@ {sql})")
            params.extend(values)
        which = " ".join(f"WHEN e.language = '{code}' THEN q.{code}" for code in STEMMED)
        m = (
            "m AS MATERIALIZED (SELECT DISTINCT ON (e.document_id) e.document_id, "  # noqa: S608
            f"ts_rank_cd(e.search_vector, CASE {which} ELSE q.{OTHER} END)::double precision "
            "AS score, e.language FROM core_searchentry e CROSS JOIN q "
            f"WHERE {' OR '.join(conditions)} "
            "ORDER BY e.document_id, score DESC, e.language)"
        )
        return Match(ctes=[q, m], params=params)

    def closest_terms(self, scope: str, word: str) -> list[str]:
        """Words of the vocabulary with a trigram similarity to `word` of 0.3 or more (the
        trigram index answers `%`), most similar first."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT term FROM core_searchterm WHERE scope = %s AND term %% %s "
                "ORDER BY similarity(term, %s) DESC, term LIMIT 5",
                [scope, word, word],
            )
            return [row[0] for row in cursor.fetchall()]
