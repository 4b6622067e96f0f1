"""What the search backends share: preparing documents for the index, the shape of the search
statement (one round trip for the total, the page and the facet counts), filters, sorting and
the "did you mean" suggestion. Each vendor (`postgres.py`, `sqlite.py`) supplies the matching
and ranking of entries, the facet counting and its fastest way of writing rows.

SQL is built from constants and placeholders only; every value goes in as a parameter.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from django.db import connection, transaction

from cocade.core.models import SearchDocument, SearchEntry, SearchFacet
from cocade.core.search import Document, FacetCount, Hit, SearchResult
from cocade.core.search.text import (
    LANGUAGES,
    MAX_WORD,
    MIN_TERM,
    ParsedQuery,
    clean,
    parse_query,
    replace_words,
    stem,
    words,
)

LANGUAGE_FACET = "language"
BATCH = 1000
SORT_RELEVANCE = "{t}.score DESC, {t}.sort_date DESC NULLS LAST, {t}.object_id DESC"
SORT_DATE = "{t}.sort_date DESC NULLS LAST, {t}.score DESC, {t}.object_id DESC"


def placeholders(values: Sequence[Any]) -> str:
    return ", ".join(["%s"] * len(values))


@dataclass
class Entry:
    """One text entry ready for the index: the cleaned text and its normalised words."""

    language: str
    title: str
    body: str
    title_words: list[str]
    body_words: list[str]


@dataclass
class Prepared:
    object_id: int
    sort_date: datetime | None
    entries: list[Entry]
    facets: list[tuple[str, str, int]]  # (facet, value, key), sorted, the languages included


def prepare(document: Document) -> Prepared:
    entries = []
    for language, text in document.texts.items():
        title = clean(str(text.get("title") or ""))
        body = clean(str(text.get("body") or ""))
        entries.append(Entry(clean(language)[:16], title, body, words(title), words(body)))
    values = {
        (clean(name)[:50], clean(str(value))[:200])
        for name, listed in document.facets.items()
        if name != LANGUAGE_FACET
        for value in listed
        if value is not None and str(value) != ""
    }
    values |= {(LANGUAGE_FACET, entry.language) for entry in entries}
    facets = [(facet, value, facet_key(facet, value)) for facet, value in sorted(values)]
    return Prepared(int(document.object_id), document.sort_date, entries, facets)


def facet_key(facet: str, value: str) -> int:
    """A signed 64-bit hash of a facet value (`SearchFacet.key`)."""
    digest = hashlib.blake2b(f"{facet}\x1f{value}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@dataclass
class Match:
    """What a backend contributes to the search statement: common table expressions ending in
    one named `m` with one row per matching document: (document_id, score, language)."""

    ctes: list[str]
    params: list[Any]


class SearchBackend:
    vendor = ""
    float_type = "REAL"
    text_type = "TEXT"
    int_type = "INTEGER"
    document_columns = ""  # more columns of `core_searchdocument doc` wanted in `d`

    # --- indexing --------------------------------------------------------------------------

    def index_document(
        self,
        *,
        scope: str,
        object_id: int,
        texts: dict[str, dict[str, str]],
        facets: dict[str, list[str]],
        sort_date: datetime | None,
    ) -> None:
        document = Document(object_id=object_id, texts=texts, facets=facets, sort_date=sort_date)
        self.index_documents(scope=scope, documents=[document])

    def index_documents(self, *, scope: str, documents: Iterable[Document]) -> int:
        """Create or replace documents, `BATCH` at a time, each batch in one transaction (a
        savepoint within the caller's)."""
        count = 0
        batch: dict[int, Prepared] = {}
        for document in documents:
            prepared = prepare(document)
            batch[prepared.object_id] = prepared  # the last one wins
            if len(batch) >= BATCH:
                count += self._index_batch(scope, list(batch.values()))
                batch = {}
        if batch:
            count += self._index_batch(scope, list(batch.values()))
        return count

    def _index_batch(self, scope: str, documents: list[Prepared]) -> int:
        vocabulary = {
            word
            for document in documents
            for entry in document.entries
            for word in (*entry.title_words, *entry.body_words)
        }
        terms = sorted(w for w in vocabulary if MIN_TERM <= len(w) <= MAX_WORD and not w.isdigit())
        with transaction.atomic():
            ids = self.write_documents(scope, documents)
            SearchEntry.objects.filter(document_id__in=list(ids.values())).delete()
            SearchFacet.objects.filter(document_id__in=list(ids.values())).delete()
            self.write_entries(
                [(ids[d.object_id], entry) for d in documents for entry in d.entries]
            )
            self.write_facets([(ids[d.object_id], *facet) for d in documents for facet in d.facets])
            self.write_terms(scope, terms)
        return len(documents)

    def write_documents(self, scope: str, documents: list[Prepared]) -> dict[int, int]:
        """Insert or update the documents (INSERT … ON CONFLICT (scope, object_id) DO UPDATE,
        safe when two requests index the same object at once); their ids by object id."""
        rows = SearchDocument.objects.bulk_create(
            [
                SearchDocument(scope=scope, object_id=d.object_id, sort_date=d.sort_date)
                for d in documents
            ],
            update_conflicts=True,
            unique_fields=["scope", "object_id"],
            update_fields=["sort_date"],
        )
        return {row.object_id: row.pk for row in rows}

    def write_entries(self, entries: list[tuple[int, Entry]]) -> None:
        raise NotImplementedError

    def write_facets(self, rows: list[tuple[int, str, str, int]]) -> None:
        """Insert (document_id, facet, value, key) rows."""
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO core_searchfacet (document_id, facet, value, key) "
                "VALUES (%s, %s, %s, %s)",
                rows,
            )

    def write_terms(self, scope: str, terms: list[str]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO core_searchterm (scope, term) VALUES (%s, %s) "
                "ON CONFLICT (scope, term) DO NOTHING",
                [(scope, term) for term in terms],
            )

    def remove_document(self, *, scope: str, object_id: int) -> None:
        with transaction.atomic():
            ids = list(
                SearchDocument.objects.filter(scope=scope, object_id=object_id).values_list(
                    "pk", flat=True
                )
            )
            if ids:
                SearchEntry.objects.filter(document_id__in=ids).delete()
                SearchFacet.objects.filter(document_id__in=ids).delete()
                SearchDocument.objects.filter(pk__in=ids).delete()

    # --- searching -------------------------------------------------------------------------

    def match(self, query: ParsedQuery) -> Match:
        raise NotImplementedError

    def facet_counts(self, facets: Sequence[str]) -> tuple[str, list[Any]]:
        """A SELECT of (2, facet, value, count, NULL, 0) per facet value of the documents in
        `d`, for the named facets."""
        raise NotImplementedError

    def closest_terms(self, scope: str, word: str) -> list[str]:
        """Vocabulary words of `scope` close to `word`, closest first."""
        raise NotImplementedError

    def search(
        self,
        *,
        scope: str,
        query: str,
        filters: dict[str, list[str]],
        facets: list[str],
        sort: str,
        offset: int,
        limit: int,
    ) -> SearchResult:
        parsed = parse_query(query)
        filters = {
            clean(str(name)): [clean(str(value)) for value in values]
            for name, values in filters.items()
            if values
        }
        facets = list(dict.fromkeys(clean(str(name)) for name in facets))
        words = vocabulary_words(parsed)
        result, known = self.run(scope, parsed, filters, facets, sort, offset, limit, words)
        result.terms = list(parsed.terms)
        unknown = [word for word in words if word not in known]
        if unknown:
            result.suggestion = self.suggest(scope, parsed, filters, unknown)
        return result

    def run(
        self,
        scope: str,
        parsed: ParsedQuery,
        filters: dict[str, list[str]],
        facets: Sequence[str],
        sort: str,
        offset: int,
        limit: int,
        words: Sequence[str] = (),
    ) -> tuple[SearchResult, set[str]]:
        """One statement: the total, the page and the facet counts of the matching documents
        (found once, in `d`), and which of `words` the vocabulary knows."""
        params: list[Any] = []
        ctes: list[str] = []
        columns = f"doc.id, doc.object_id, doc.sort_date{self.document_columns}"
        if parsed:
            match = self.match(parsed)
            ctes.extend(match.ctes)
            params.extend(match.params)
            source = (
                f"SELECT {columns}, m.score, m.language "  # noqa: S608
                "FROM m JOIN core_searchdocument doc ON doc.id = m.document_id"
            )
        else:
            source = (
                f"SELECT {columns}, CAST(0 AS {self.float_type}) AS score, "  # noqa: S608
                f"CAST(NULL AS {self.text_type}) AS language FROM core_searchdocument doc"
            )
        where = ["doc.scope = %s"]
        params.append(scope)
        for name, values in sorted(filters.items()):
            where.append(
                "doc.id IN (SELECT f.document_id FROM core_searchfacet f "  # noqa: S608
                f"WHERE f.facet = %s AND f.value IN ({placeholders(values)}))"
            )
            params.extend([name, *values])
        ctes.append(f"d AS MATERIALIZED ({source} WHERE {' AND '.join(where)})")

        order = SORT_DATE if sort == "date" else SORT_RELEVANCE
        t, f, i = self.text_type, self.float_type, self.int_type
        branches = [
            f"SELECT 0 AS kind, CAST(NULL AS {t}) AS facet, CAST(NULL AS {t}) AS value, "  # noqa: S608
            f"COUNT(*) AS n, CAST(NULL AS {f}) AS score, CAST(0 AS {i}) AS rn FROM d",
            "SELECT 1, NULL, p.language, p.object_id, p.score, "  # noqa: S608
            f"ROW_NUMBER() OVER (ORDER BY {order.format(t='p')}) FROM ("
            "SELECT COALESCE(d.language, (SELECT e.language FROM core_searchentry e "
            "WHERE e.document_id = d.id ORDER BY e.id LIMIT 1), '') AS language, "
            "d.object_id, d.score, d.sort_date "
            f"FROM d ORDER BY {order.format(t='d')} LIMIT %s OFFSET %s) p",
        ]
        params.extend([limit, offset])
        if facets:
            sql, values = self.facet_counts(facets)
            branches.append(sql)
            params.extend(values)
        if words:
            branches.append(
                "SELECT 3, NULL, t.term, 0, NULL, 0 FROM core_searchterm t "  # noqa: S608
                f"WHERE t.scope = %s AND t.term IN ({placeholders(words)})"
            )
            params.extend([scope, *words])
        sql = f"WITH {', '.join(ctes)} " + " UNION ALL ".join(branches)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()

        total = 0
        page: list[tuple[int, Hit]] = []
        counts: dict[str, list[FacetCount]] = {name: [] for name in facets}
        known: set[str] = set()
        for kind, facet, value, n, score, rn in rows:
            if kind == 0:
                total = int(n)
            elif kind == 1:
                page.append((int(rn), Hit(object_id=int(n), score=float(score), language=value)))
            elif kind == 3:
                known.add(value)
            elif facet in counts:
                counts[facet].append(FacetCount(value=value, count=int(n)))
        for listed in counts.values():
            listed.sort(key=lambda c: (-c.count, c.value))
        page.sort(key=lambda item: item[0])
        result = SearchResult(total=total, hits=[hit for _, hit in page], facets=counts)
        return result, known

    # --- did you mean ----------------------------------------------------------------------

    def suggest(
        self, scope: str, parsed: ParsedQuery, filters: dict[str, list[str]], unknown: list[str]
    ) -> str | None:
        """The query with its words unknown to the vocabulary replaced by the closest known
        word (not a mere inflection of it), if that query finds something; else None."""
        corrections: dict[str, str] = {}
        for word in unknown:
            for term in self.closest_terms(scope, word):
                if term != word and not _same_stem(term, word):
                    corrections[word] = term
                    break
        if not corrections:
            return None
        corrected = replace_words(parsed, corrections)
        found, _ = self.run(scope, parse_query(corrected), filters, (), "relevance", 0, 0)
        return corrected if found.total else None


def vocabulary_words(query: ParsedQuery) -> list[str]:
    """The query's words that the "did you mean" vocabulary could hold."""
    return [
        word
        for word in query.normalised
        if MIN_TERM <= len(word) <= MAX_WORD and not word.isdigit()
    ]


def _same_stem(a: str, b: str) -> bool:
    return any(stem(a, language) == stem(b, language) for language in LANGUAGES)


@lru_cache(maxsize=4)
def _backend(vendor: str) -> SearchBackend:
    if vendor == "postgresql":
        from cocade.core.search.postgres import PostgresBackend

        return PostgresBackend()
    if vendor == "sqlite":
        from cocade.core.search.sqlite import SqliteBackend

        return SqliteBackend()
    raise NotImplementedError(f"No search backend for the {vendor} database.")


def get_backend() -> SearchBackend:
    """The backend of the default database's vendor."""
    return _backend(connection.vendor)
