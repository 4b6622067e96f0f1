"""SQLite backend: an FTS5 table of stems, ranked with bm25.

`core_searchentry_fts` (created by the migration) has one row per entry, its rowid the entry's
id, with the entry's title and body as stems computed here (lowercase, accents removed, then
the Snowball stem in the entry's language: `text.words`, `text.stem`). Each stem is prefixed
with its language code ("pt" + "recrut" → "ptrecrut"), so a word matches an entry only through
its stem in that entry's language, and bm25 weighs each language's words among that language's
entries. A query becomes, for each language, the AND of its quoted stems (a quoted phrase stays a
phrase), ORed across languages: nothing the user types is read as FTS5 syntax.

`core_searchentry_key` (id, document_id, language) is a narrow copy of the entries' keys. A
trigger empties both tables' rows when an entry is deleted.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

from django.db import connection

from cocade.core.models import SearchEntry
from cocade.core.search.backend import BATCH, Entry, Match, SearchBackend, placeholders
from cocade.core.search.text import LANGUAGES, ParsedQuery, bucket, stem

TITLE_WEIGHT = 4.0
BODY_WEIGHT = 1.0


_TOKENS: dict[str, dict[str, str]] = {code: {} for code in LANGUAGES}


def _tokens(words: list[str], language: str) -> str:
    """The indexed form of normalised `words` in `language`: its code, then the stem."""
    code = bucket(language)
    cache = _TOKENS[code]
    tokens = []
    for word in words:
        token = cache.get(word)
        if token is None:
            if len(cache) > 200_000:
                cache.clear()
            token = cache[word] = code + stem(word, code)
        tokens.append(token)
    return " ".join(tokens)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def match_expression(query: ParsedQuery) -> str:
    """The FTS5 MATCH expression of `query` (every word, in one of the languages)."""
    branches = []
    for code in LANGUAGES:
        items = [_quoted(_tokens([word], code)) for word in query.words]
        items += [_quoted(_tokens(list(phrase), code)) for phrase in query.phrases]
        items = [item for item in items if item != '""']
        if items:
            branches.append("(" + " AND ".join(items) + ")")
    return " OR ".join(branches)


class SqliteBackend(SearchBackend):
    vendor = "sqlite"

    def write_entries(self, entries: list[tuple[int, Entry]]) -> None:
        rows = SearchEntry.objects.bulk_create(
            [
                SearchEntry(
                    document_id=document_id,
                    language=entry.language,
                    title=entry.title,
                    body=entry.body,
                )
                for document_id, entry in entries
            ],
            batch_size=BATCH,
        )
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO core_searchentry_fts (rowid, title, body) VALUES (%s, %s, %s)",
                [
                    (
                        row.pk,
                        _tokens(entry.title_words, entry.language),
                        _tokens(entry.body_words, entry.language),
                    )
                    for row, (_, entry) in zip(rows, entries, strict=True)
                ],
            )
            cursor.executemany(
                "INSERT INTO core_searchentry_key (id, document_id, language) VALUES (%s, %s, %s)",
                [(row.pk, row.document_id, row.language) for row in rows],
            )

    def match(self, query: ParsedQuery) -> Match:
        # `core_searchentry_key` is a narrow copy of the entries' (id, document_id, language):
        # looking them up there is several times faster than in the entries with their text.
        # SQLite returns the bare column `k.language` from the row holding MAX(score).
        return Match(
            ctes=[
                "s AS MATERIALIZED (SELECT rowid AS id, "  # noqa: S608
                f"-bm25(core_searchentry_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score "
                "FROM core_searchentry_fts WHERE core_searchentry_fts MATCH %s)",
                "m AS MATERIALIZED (SELECT k.document_id, MAX(s.score) AS score, k.language "
                "FROM s JOIN core_searchentry_key k ON k.id = s.id GROUP BY k.document_id)",
            ],
            params=[match_expression(query)],
        )

    def facet_counts(self, facets: Sequence[str]) -> tuple[str, list[Any]]:
        # Grouping by the integer key sorts several times faster than by (facet, value), which
        # SQLite returns as bare columns of each group. The facets are picked in HAVING through
        # an aggregate: a plain condition would be pushed into the join and make SQLite build a
        # Bloom filter of the whole facet table, even for a handful of documents.
        return (
            "SELECT 2, f.facet, f.value, COUNT(*), NULL, 0 "  # noqa: S608
            "FROM d CROSS JOIN core_searchfacet f ON f.document_id = d.id "
            f"GROUP BY f.key HAVING MIN(f.facet) IN ({placeholders(facets)})",
            list(facets),
        )

    def closest_terms(self, scope: str, word: str) -> list[str]:
        """Words of the vocabulary that begin with the same letter and differ in length by
        two letters at most, ranked by `difflib` (a ratio of 0.75 at least)."""
        first = word[0]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT term FROM core_searchterm WHERE scope = %s AND term >= %s AND term < %s "
                "AND length(term) BETWEEN %s AND %s",
                [scope, first, chr(ord(first) + 1), len(word) - 2, len(word) + 2],
            )
            near = [row[0] for row in cursor.fetchall()]
        return difflib.get_close_matches(word, near, n=5, cutoff=0.75)
