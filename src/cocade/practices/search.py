"""The Vademecum in the search index: what a sheet contributes, and searching it.

A published sheet is one search document; each of its published translations (the original
included) is one text entry in its language, so a sheet is found through any of them. Facets:
pôle, type, public, country, language (automatic) and competence (codes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString

from cocade.core import search as core_search
from cocade.core.markdown import plain_text
from cocade.practices.enums import PracticeStatus, TranslationStatus
from cocade.practices.models import TEXT_FIELDS, Practice, PracticeTranslation

SCOPE = "practices.practice"
FACETS = ("pole", "type", "public", "country", "language", "competence")


def document_texts(translation: PracticeTranslation) -> dict[str, str]:
    parts = []
    for name in TEXT_FIELDS[1:]:
        value = getattr(translation, name)
        if isinstance(value, list):
            parts.extend(plain_text(step) for step in value)
        elif value:
            parts.append(plain_text(value))
    return {"title": translation.title, "body": "\n".join(parts)}


def document_facets(practice: Practice) -> dict[str, list[str]]:
    return {
        "pole": list(practice.poles),
        "type": [practice.practice_type],
        "public": list(practice.target_publics),
        "country": [practice.country.code] if practice.country else [],
        "competence": sorted({c.code for c in practice.competences.all()}),
    }


def published_translations(practice: Practice) -> list[PracticeTranslation]:
    return [
        t
        for t in practice.translations.all()
        if t.status == TranslationStatus.PUBLISHED or t.language == practice.original_language
    ]


def index_practice(practice: Practice) -> None:
    if practice.status != PracticeStatus.PUBLISHED:
        core_search.remove_document(scope=SCOPE, object_id=practice.pk)
        return
    texts = {t.language: document_texts(t) for t in published_translations(practice)}
    core_search.index_document(
        scope=SCOPE,
        object_id=practice.pk,
        texts=texts,
        facets=document_facets(practice),
        sort_date=practice.published_at,
    )


@dataclass
class PracticeHit:
    practice: Practice
    translation: PracticeTranslation  # the one that matched (or the reader's language)
    snippet: SafeString
    score: float


@dataclass
class PracticeSearch:
    total: int
    hits: list[PracticeHit]
    facets: dict[str, list[core_search.FacetCount]]
    suggestion: str | None
    terms: list[str]


def search_practices(
    *,
    query: str = "",
    filters: dict[str, list[str]] | None = None,
    sort: Any = "relevance",
    offset: int = 0,
    limit: int = 20,
    language: str | None = None,
) -> PracticeSearch:
    """Published sheets through the search interface, each with the translation that matched
    (or, with no query, the reader's language when published, else the original)."""
    result = core_search.search(
        scope=SCOPE,
        query=query,
        filters={k: v for k, v in (filters or {}).items() if k in FACETS and v},
        facets=FACETS,
        sort=sort,
        offset=offset,
        limit=limit,
    )
    ids = [hit.object_id for hit in result.hits]
    practices = {
        p.pk: p
        for p in Practice.objects.published()
        .filter(pk__in=ids)
        .select_related("centre")
        .prefetch_related("translations")
    }
    hits = []
    for hit in result.hits:
        practice = practices.get(hit.object_id)
        if practice is None:
            continue
        available = {t.language: t for t in published_translations(practice)}
        wanted = hit.language if query.strip() else (language or practice.original_language)
        translation = (
            available.get(wanted)
            or available.get(language or "")
            or available.get(practice.original_language)
            or next(iter(available.values()))
        )
        # With a query, the excerpt is taken around the first match in the whole text (which
        # starts with the summary); without one, it is the summary's plain text.
        body = (
            document_texts(translation)["body"]
            if query.strip()
            else plain_text(translation.summary)
        )
        hits.append(
            PracticeHit(
                practice=practice,
                translation=translation,
                snippet=core_search.snippet(body, result.terms, language=translation.language),
                score=hit.score,
            )
        )
    return PracticeSearch(
        total=result.total,
        hits=hits,
        facets=result.facets,
        suggestion=result.suggestion,
        terms=result.terms,
    )
