"""Full-text search: one interface, two backends (PostgreSQL full-text search, SQLite FTS5).

Feature apps index *documents* (one per object, under a `scope` such as "practices.practice"),
each with one text entry per language and facet values, and search them here. Pages and API call
the same `search()`. Nothing here imports a feature app.

    index_document(scope="practices.practice", object_id=7, sort_date=when,
                   texts={"pt": {"title": "...", "body": "..."}, "en": {...}},
                   facets={"type": ["event"], "pole": ["emploi", "form"], "country": ["PT"]})
    index_documents(scope="practices.practice", documents=[Document(7, texts, facets), …])
    result = search(scope="practices.practice", query="recrutamentos",
                    filters={"country": ["PT"]}, facets=["type", "pole", "language"])
    result.total, result.hits[0].object_id, result.hits[0].language, result.facets["type"]
    snippet(text, result.terms, language="pt")   # escaped HTML with <mark>…</mark>

The facet "language" is filled automatically from the languages of `texts`. A word matches an
entry when its stem in the entry's language does (Snowball stemmers for fr, en, pt, it, da; other
languages, Bulgarian included, are only lowercased and unaccented); every word must match in the
same entry. Facet counts are those of the matching documents, filters included. Indexing runs
in the caller's transaction. The backends are described in `postgres.py` and `sqlite.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from django.utils.safestring import SafeString

SortOrder = Literal["relevance", "date"]


@dataclass(frozen=True)
class Hit:
    object_id: int
    score: float  # higher is better; 0.0 when there is no query
    language: str  # the language of the best-matching text entry


@dataclass(frozen=True)
class FacetCount:
    value: str
    count: int  # matching documents having this value


@dataclass
class SearchResult:
    total: int  # matching documents (not entries)
    hits: list[Hit]  # the requested page, best first (or newest first)
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)  # counts, largest first
    terms: list[str] = field(default_factory=list)  # query words, for highlighting
    suggestion: str | None = None  # "did you mean": the query with misspelt words corrected


def index_document(
    *,
    scope: str,
    object_id: int,
    texts: dict[str, dict[str, str]],
    facets: dict[str, list[str]] | None = None,
    sort_date: datetime | None = None,
) -> None:
    """Create or replace the document: `texts` maps a language code to {"title", "body"}."""
    from cocade.core.search.backend import get_backend

    get_backend().index_document(
        scope=scope, object_id=object_id, texts=texts, facets=facets or {}, sort_date=sort_date
    )


@dataclass(frozen=True)
class Document:
    """One document for `index_documents`: the arguments of `index_document`."""

    object_id: int
    texts: dict[str, dict[str, str]]
    facets: dict[str, list[str]] = field(default_factory=dict)
    sort_date: datetime | None = None


def index_documents(*, scope: str, documents: Iterable[Document]) -> int:
    """Create or replace many documents of `scope` (a thousand per statement batch, each batch
    in one transaction); returns how many. For rebuilding an index or loading data."""
    from cocade.core.search.backend import get_backend

    return get_backend().index_documents(scope=scope, documents=documents)


def remove_document(*, scope: str, object_id: int) -> None:
    from cocade.core.search.backend import get_backend

    get_backend().remove_document(scope=scope, object_id=object_id)


def search(
    *,
    scope: str,
    query: str = "",
    filters: dict[str, list[str]] | None = None,
    facets: list[str] | tuple[str, ...] = (),
    sort: SortOrder = "relevance",
    offset: int = 0,
    limit: int = 20,
) -> SearchResult:
    """Documents of `scope` matching every word of `query` (any string is safe: operators and
    quotes are plain text, a quoted phrase is kept) in any of their languages, with each
    language's stemming and without accents; `filters` keeps documents having one of the given
    values for each named facet. An empty query lists every document (newest first).

    `sort="relevance"`: best score first, then newest, then highest object id; `"date"`:
    newest first (no date last). `suggestion` is set when a word of the query is not in the
    scope's vocabulary and replacing it by the closest word (not a mere inflection of it) gives
    a query that finds something with the same filters."""
    from cocade.core.search.backend import get_backend

    return get_backend().search(
        scope=scope,
        query=query,
        filters=filters or {},
        facets=list(facets),
        sort=sort,
        offset=max(0, offset),
        limit=max(0, limit),
    )


def snippet(text: str, terms: list[str], *, language: str, length: int = 240) -> SafeString:
    """An escaped excerpt of `text` around the first matching words, each match in <mark>."""
    from cocade.core.search.text import snippet as _snippet

    return _snippet(text, terms, language=language, length=length)
