"""The Vademecum of good practices in the JSON API.

Reads are public and need no token (a token sent is ignored): the published sheets through the
same search as the pages (`GET /practices`: every word of `q` in any of the network's languages,
facets with counts, highlighted snippets, a "did you mean" suggestion), and one published sheet
whole (`GET /practices/{practice_id}`). A sheet that is not published answers 404 there, whoever
asks.

Writes need a personal token (`Authorization: Bearer cct_…`) and call the same services as the
staff pages. A draft is written for a centre you work at; a change carries the `lock_version`
you read, and a change based on an older one answers 409 `stale` (nothing is overwritten). The
author and the editors move a sheet through the review workflow with one endpoint per step
(`submit`, `withdraw`, `resubmit`; editors: `request-changes`, `publish`, `archive`,
`restore`); a move the workflow does not allow answers 409 `wrong_status`. Staff translate
sheets, and comment on, record "we tried it" for and follow published ones.

Every write answers 404 for a sheet the token's user may not see (another person's draft), 403
for an action they may not take on a sheet they see, 422 for a body that is not valid (unknown
fields, wrong types, NUL characters), and a refused request changes nothing.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from typing import Annotated, Any, Literal, TypedDict

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import MaxLengthValidator, validate_email
from django.db.models import Count
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries
from ninja import Field, P, PathEx, Query, Router, Schema, Status
from pydantic import StrictInt, field_validator

from cocade.competencies.enums import VersionStatus
from cocade.competencies.models import Competence
from cocade.core import search as core_search
from cocade.core.api import BodyIn, ErrorOut, TokenAuth, omittable, reject_nul
from cocade.core.errors import Conflict, InvalidInput, NotFound
from cocade.core.i18n import language_codes, language_name, localize
from cocade.directory.models import Centre
from cocade.practices import selectors
from cocade.practices.enums import (
    Licence,
    PracticePole,
    PracticeStatus,
    PracticeType,
    TargetPublic,
    TranslationStatus,
)
from cocade.practices.models import (
    TEXT_FIELDS,
    Practice,
    PracticeTranslation,
    PracticeTrial,
)
from cocade.practices.search import (
    FACETS,
    document_texts,
    published_translations,
    search_practices,
)
from cocade.practices.services import exchange as exchange_services
from cocade.practices.services import sheets as sheet_services
from cocade.practices.services import translations as translation_services

router = Router(tags=["practices"])

#: A sheet's id in a path: a positive 64-bit integer (a larger one would not reach the database).
PracticeId = PathEx[int, P(ge=1, le=2**63 - 1, description="The sheet's id.")]
#: A language code in a path.
LanguagePath = PathEx[
    str, P(pattern=r"^[a-z]{2,3}$", description="A language code of the network.", examples=["pt"])
]

WRITE_AUTH = TokenAuth()
PUBLIC_ERRORS = {404: ErrorOut, 422: ErrorOut}
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}

MAX_PAGE = 10_000
MAX_PAGE_SIZE = 100


class _Names(TypedDict):
    operation_id: str
    url_name: str


def _named(name: str) -> _Names:
    """The operation id of the OpenAPI document, also the URL name (`api:practices_…`)."""
    full = f"practices_{name}"
    return {"operation_id": full, "url_name": full}


# --- Query parameters -------------------------------------------------------------------------


def _known_language(value: str | None) -> str | None:
    if value is not None and value not in language_codes():
        raise ValueError(_("Unknown language code."))
    return value


MAX_FACET_VALUE = 80


def _facet(description: str) -> Any:
    return Field(
        default_factory=list,
        max_length=20,
        description=description + " Repeat the parameter to keep sheets having any of them.",
    )


class LanguageQuery(Schema):
    lang: str | None = Field(
        None,
        description=(
            "Language of the returned texts, when the sheet has a published text in it; else "
            "the original language (`is_fallback` is then true). Default: the original language "
            "(in a search: the text that matched)."
        ),
        examples=["en"],
    )

    @field_validator("lang")
    @classmethod
    def _lang(cls, value: str | None) -> str | None:
        return _known_language(value)


class PracticeFilters(LanguageQuery):
    q: str = Field(
        "",
        max_length=200,
        description=(
            "Words to find, in any language, with stemming and without accents; every word "
            "must match. Operators and quotes are plain text; a quoted phrase is kept."
        ),
        examples=["recrutamento"],
    )
    sort: Literal["relevance", "date"] = Field(
        "relevance", description="`relevance` (newest first without `q`) or `date`."
    )
    page: int = Field(1, ge=1, le=MAX_PAGE, description="From 1; past the end: no results.")
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)
    pole: list[str] = _facet("Pôle codes (`orient`, `form`, `emploi`, …).")
    type: list[str] = _facet("Types of practice (`workshop`, `event`, …).")
    public: list[str] = _facet("Target publics (`jobseekers`, `apprentices`, …).")
    country: list[str] = _facet("ISO 3166-1 alpha-2 codes of the centres' countries.")
    language: list[str] = _facet("Languages the sheet is published in.")
    competence: list[str] = _facet("Codes of linked competences.")

    @field_validator("q", "pole", "type", "public", "country", "language", "competence")
    @classmethod
    def _no_nul_characters(cls, value: Any) -> Any:
        reject_nul(value)
        if isinstance(value, list):
            for item in value:
                try:
                    MaxLengthValidator(MAX_FACET_VALUE)(item)
                except DjangoValidationError as error:
                    raise ValueError(error.messages[0]) from error
        return value

    def facet_filters(self) -> dict[str, list[str]]:
        return {name: list(getattr(self, name)) for name in FACETS if getattr(self, name)}


# --- Output -----------------------------------------------------------------------------------


class CentreRefOut(Schema):
    slug: str
    name: str = Field(..., description="In the language of the returned texts, if given.")


class FacetValueOut(Schema):
    value: str = Field(..., description="The value to send back as a filter.")
    label: str = Field(..., description="In the language of the request (or `lang`).")
    count: int = Field(..., description="Matching sheets having this value.")


class PracticeHitOut(Schema):
    """A published sheet found by a search."""

    id: int
    slug: str
    url: str = Field(..., description="The sheet's public page, in the language of the texts.")
    title: str
    summary: str = Field(..., description="Markdown source.")
    snippet_html: str = Field(
        ...,
        description=(
            "An excerpt around the matching words, as escaped HTML where only <mark>…</mark> "
            "(the matches) is markup."
        ),
    )
    language: str = Field(..., description="The language of title, summary and snippet.")
    is_fallback: bool = Field(..., description="True when the asked `lang` was not available.")
    original_language: str
    available_languages: list[str] = Field(..., description="Languages it is published in.")
    centre: CentreRefOut
    country: str = Field(..., description="ISO 3166-1 alpha-2 code.", examples=["PT"])
    type: str = Field(..., description="The type of practice.")
    poles: list[str]
    publics: list[str] = Field(..., description="The target publics.")
    competences: list[str] = Field(..., description="Codes of the linked competences.")
    published_at: datetime.datetime | None
    centres_tried: int = Field(..., description="How many centres said they tried it.")


class PracticePageOut(Schema):
    """One page of published sheets, with facet counts over every match."""

    count: int = Field(..., description="Matching sheets in all.")
    page: int
    page_size: int
    results: list[PracticeHitOut]
    facets: dict[str, list[FacetValueOut]] = Field(
        ...,
        description=(
            "By facet (pole, type, public, country, language, competence): the values among "
            "the matches, largest count first."
        ),
    )
    suggestion: str | None = Field(..., description="The query with misspelt words corrected.")


class CompetenceRefOut(Schema):
    code: str
    title: str


class ContactOut(Schema):
    name: str
    email: str


class LicenceOut(Schema):
    code: Licence
    label: str


class TranslationRefOut(Schema):
    """A language of the sheet."""

    language: str
    is_original: bool
    status: TranslationStatus = Field(
        ..., description="On public reads, only published translations are listed."
    )
    title: str
    lock_version: int = Field(..., description="Send it back to change this translation.")
    published_at: datetime.datetime | None
    url: str | None = Field(..., description="The public page in this language, once published.")


class AttachmentOut(Schema):
    id: int
    title: str
    content_type: str
    size: int = Field(..., description="In bytes.")
    is_image: bool
    url: str | None = Field(..., description="Download address, once the sheet is published.")


class CountsOut(Schema):
    comments: int
    trials: int = Field(..., description="Accounts of trials (\u201cwe tried it\u201d).")
    centres_tried: int


class PracticeOut(Schema):
    """A sheet whole: its language-independent fields and its texts in one language."""

    id: int
    slug: str
    url: str | None = Field(..., description="The public page; null until it is published.")
    status: PracticeStatus
    lock_version: int = Field(..., description="Send it back with a change (PATCH).")
    centre: CentreRefOut
    country: str = Field(..., description="ISO 3166-1 alpha-2 code.", examples=["PT"])
    original_language: str
    language: str = Field(..., description="The language of the texts below.")
    is_fallback: bool = Field(..., description="True when the asked `lang` was not available.")
    available_languages: list[str] = Field(..., description="Languages it is published in.")
    type: PracticeType
    poles: list[str]
    publics: list[str] = Field(..., description="The target publics.")
    competences: list[CompetenceRefOut]
    contact: ContactOut
    licence: LicenceOut
    title: str
    summary: str = Field(..., description="This and every text below: Markdown source.")
    context: str
    objectives: str
    method_steps: list[str] = Field(..., description="The method, step by step, in order.")
    partners: str
    resources_staff: str
    resources_time: str
    resources_budget: str
    resources_tools: str
    duration: str
    results_figures: str
    results_text: str
    evaluation: str
    success_factors: str
    limits: str
    transfer_conditions: str
    sustainability: str
    translations: list[TranslationRefOut] = Field(..., description="The original one first.")
    attachments: list[AttachmentOut]
    counts: CountsOut
    created_at: datetime.datetime
    updated_at: datetime.datetime
    submitted_at: datetime.datetime | None
    first_published_at: datetime.datetime | None
    published_at: datetime.datetime | None
    archived_at: datetime.datetime | None


class TranslationOut(Schema):
    """One language of a sheet with its texts."""

    practice: int = Field(..., description="The sheet's id.")
    language: str
    is_original: bool
    status: TranslationStatus
    lock_version: int = Field(..., description="Send it back with a change (PUT).")
    title: str
    summary: str = Field(..., description="This and every text below: Markdown source.")
    context: str
    objectives: str
    method_steps: list[str]
    partners: str
    resources_staff: str
    resources_time: str
    resources_budget: str
    resources_tools: str
    duration: str
    results_figures: str
    results_text: str
    evaluation: str
    success_factors: str
    limits: str
    transfer_conditions: str
    sustainability: str
    updated_at: datetime.datetime
    published_at: datetime.datetime | None


# --- Input ------------------------------------------------------------------------------------

_MARKDOWN = "Markdown."


class TextFields(BodyIn):
    """The texts of one language of a sheet (Markdown)."""

    context: str = omittable(description="Context and needs. " + _MARKDOWN)
    objectives: str = omittable(description=_MARKDOWN)
    method_steps: list[str] = omittable(description="The method, one text per step, in order.")
    partners: str = omittable(description="Partners involved. " + _MARKDOWN)
    resources_staff: str = omittable(description=_MARKDOWN)
    resources_time: str = omittable(description=_MARKDOWN)
    resources_budget: str = omittable(description=_MARKDOWN)
    resources_tools: str = omittable(description=_MARKDOWN)
    duration: str = omittable(description="Duration and frequency. " + _MARKDOWN)
    results_figures: str = omittable(description=_MARKDOWN)
    results_text: str = omittable(description=_MARKDOWN)
    evaluation: str = omittable(description="Evaluation method. " + _MARKDOWN)
    success_factors: str = omittable(description=_MARKDOWN)
    limits: str = omittable(description=_MARKDOWN)
    transfer_conditions: str = omittable(description="Conditions of transfer. " + _MARKDOWN)
    sustainability: str = omittable(description=_MARKDOWN)


class SheetFields(TextFields):
    """The language-independent fields of a sheet, and its original-language texts."""

    poles: list[PracticePole] = omittable()
    target_publics: list[TargetPublic] = omittable()
    competences: list[Annotated[str, Field(max_length=40)]] = omittable(
        description=(
            "Codes of competences of a published framework (when two frameworks share a code: "
            "the one published last)."
        )
    )
    contact_name: str = omittable(max_length=150)
    contact_email: str = omittable(max_length=254, description="An email address, or empty.")
    licence: Licence = omittable(description="Default: CC-BY-SA-4.0.")

    @field_validator("contact_email")
    @classmethod
    def _email(cls, value: str) -> str:
        value = value.strip()
        if value:
            try:
                validate_email(value)
            except DjangoValidationError as error:
                raise ValueError(_("Enter a valid email address.")) from error
        return value


class PracticeIn(SheetFields):
    """A new draft, written in its original language."""

    centre: str = Field(
        ..., max_length=80, description="The slug of a centre you work at.", examples=["centre-a"]
    )
    original_language: str = Field(..., max_length=8, examples=["pt"])
    practice_type: PracticeType
    title: str = Field(..., description="1 to 200 characters.")
    summary: str = Field(..., description="1 to 1,000 characters. " + _MARKDOWN)


class PracticePatch(SheetFields):
    """The fields to change; those left out stay as they are. The centre and the original
    language of a sheet do not change."""

    lock_version: StrictInt = Field(
        ..., ge=1, le=2**31 - 1, description="The `lock_version` of the sheet you read."
    )
    practice_type: PracticeType = omittable()
    title: str = omittable(description="1 to 200 characters.")
    summary: str = omittable(description="1 to 1,000 characters. " + _MARKDOWN)


class TranslationIn(TextFields):
    """A new translation (title and summary required) or a change to one (send its
    `lock_version`; the texts left out stay as they are)."""

    lock_version: StrictInt = omittable(
        ge=1, le=2**31 - 1, description="Required to change an existing translation."
    )
    title: str = omittable(description="1 to 200 characters.")
    summary: str = omittable(description="1 to 1,000 characters. " + _MARKDOWN)


class TranslationStatusIn(BodyIn):
    status: TranslationStatus = Field(
        ...,
        description=(
            "The translator: `draft` ⇄ `ready`. An editor publishes a ready translation, or "
            "takes a published one back."
        ),
    )


# --- Shared steps -----------------------------------------------------------------------------


def _absolute(request: HttpRequest, name: str, language: str, **kwargs: Any) -> str:
    with translation.override(language):
        return request.build_absolute_uri(reverse(name, kwargs=kwargs))


def _centre_ref(centre: Centre, language: str | None) -> dict[str, str]:
    return {
        "slug": centre.slug,
        "name": localize(centre.name, centre.original_language, language).text,
    }


def _pick(
    practice: Practice, lang: str | None, *, public: bool
) -> tuple[PracticeTranslation, bool]:
    """The texts to return: in `lang` when given and available, else the original ones."""
    if public:
        available = {t.language: t for t in published_translations(practice)}
    else:
        available = {t.language: t for t in practice.translations.all()}
    chosen = available.get(lang or "") or available.get(practice.original_language)
    if chosen is None:  # every sheet has its original text; never a 500 if one does not
        raise NotFound()
    return chosen, bool(lang) and chosen.language != lang


def _competence_codes(practice_ids: Iterable[int]) -> dict[int, list[str]]:
    codes: dict[int, set[str]] = defaultdict(set)
    links = Practice.competences.through.objects.filter(practice_id__in=list(practice_ids))
    for practice_id, code in links.values_list("practice_id", "competence__code"):
        codes[practice_id].add(code)
    return {practice_id: sorted(values) for practice_id, values in codes.items()}


def _centres_tried(practice_ids: Iterable[int]) -> dict[int, int]:
    rows = (
        PracticeTrial.objects.filter(practice_id__in=list(practice_ids))
        .values("practice_id")
        .annotate(centres=Count("centre", distinct=True))
        .values_list("practice_id", "centres")
    )
    return dict(rows)


def _competence_titles(codes: Iterable[str], language: str | None) -> dict[str, str]:
    titles: dict[str, str] = {}
    competences = Competence.objects.filter(
        code__in=list(codes), version__status=VersionStatus.PUBLISHED
    ).order_by("code", "pk")
    for code, title, original in competences.values_list("code", "title", "original_language"):
        titles.setdefault(code, localize(title, original, language).text)
    return titles


def _facet_labels(name: str, values: list[str], language: str | None) -> dict[str, str]:
    if name == "pole":
        return {value: str(PracticePole(value).label) for value in values if value in PracticePole}
    if name == "type":
        return {value: str(PracticeType(value).label) for value in values if value in PracticeType}
    if name == "public":
        return {value: str(TargetPublic(value).label) for value in values if value in TargetPublic}
    if name == "country":
        return {value: str(countries.name(value)) or value for value in values}
    if name == "language":
        return {value: language_name(value) for value in values}
    if name == "competence":
        return _competence_titles(values, language)
    return {}


def _facets_out(
    facets: dict[str, list[core_search.FacetCount]], language: str | None
) -> dict[str, list[dict[str, Any]]]:
    out = {}
    with translation.override(language or translation.get_language()):
        for name in FACETS:
            counts = facets.get(name, [])
            labels = _facet_labels(name, [c.value for c in counts], language)
            out[name] = [
                {"value": c.value, "label": labels.get(c.value) or c.value, "count": c.count}
                for c in counts
            ]
    return out


def _snippet(translation_: PracticeTranslation, query: str, terms: list[str]) -> str:
    """The same excerpt as the search gives, of another language of the sheet."""
    body = document_texts(translation_)["body"] if query.strip() else translation_.summary
    return str(core_search.snippet(body, terms, language=translation_.language))


def _search_out(request: HttpRequest, filters: PracticeFilters) -> dict[str, Any]:
    offset = (filters.page - 1) * filters.page_size
    found = search_practices(
        query=filters.q,
        filters=filters.facet_filters(),
        sort=filters.sort,
        offset=offset,
        limit=filters.page_size,
        language=filters.lang,
    )
    ids = [hit.practice.pk for hit in found.hits]
    codes = _competence_codes(ids)
    tried = _centres_tried(ids)
    results = []
    for hit in found.hits:
        practice = hit.practice
        chosen, snippet = hit.translation, str(hit.snippet)
        if filters.lang and chosen.language != filters.lang:
            chosen, _is_fallback = _pick(practice, filters.lang, public=True)
            if chosen.pk != hit.translation.pk:
                snippet = _snippet(chosen, filters.q, found.terms)
        results.append(
            {
                "id": practice.pk,
                "slug": practice.slug,
                "url": _absolute(request, "practices:detail", chosen.language, slug=practice.slug),
                "title": chosen.title,
                "summary": chosen.summary,
                "snippet_html": snippet,
                "language": chosen.language,
                "is_fallback": bool(filters.lang) and chosen.language != filters.lang,
                "original_language": practice.original_language,
                "available_languages": sorted(t.language for t in published_translations(practice)),
                "centre": _centre_ref(practice.centre, chosen.language),
                "country": str(practice.country),
                "type": practice.practice_type,
                "poles": list(practice.poles),
                "publics": list(practice.target_publics),
                "competences": codes.get(practice.pk, []),
                "published_at": practice.published_at,
                "centres_tried": tried.get(practice.pk, 0),
            }
        )
    return {
        "count": found.total,
        "page": filters.page,
        "page_size": filters.page_size,
        "results": results,
        "facets": _facets_out(found.facets, filters.lang),
        "suggestion": found.suggestion,
    }


def _texts(translation_: PracticeTranslation) -> dict[str, Any]:
    return {
        name: list(getattr(translation_, name))
        if name == "method_steps"
        else getattr(translation_, name)
        for name in TEXT_FIELDS
    }


def _sheet_out(
    request: HttpRequest, practice: Practice, *, lang: str | None = None, public: bool
) -> dict[str, Any]:
    """The sheet whole. Public reads list only its published translations; the answers to
    writes (read by the author, a translator or an editor) list all of them."""
    is_published = practice.status == PracticeStatus.PUBLISHED
    chosen, is_fallback = _pick(practice, lang, public=public)
    published = {t.language for t in published_translations(practice)} if is_published else set()
    listed = sorted(
        (t for t in practice.translations.all() if not public or t.language in published),
        key=lambda t: (t.language != practice.original_language, t.language),
    )
    trials = PracticeTrial.objects.filter(practice=practice).aggregate(
        trials=Count("pk"), centres=Count("centre", distinct=True)
    )
    competences = sorted(practice.competences.all(), key=lambda c: (c.code, c.pk))
    with translation.override(chosen.language):
        licence_label = str(Licence(practice.licence).label)
    return {
        "id": practice.pk,
        "slug": practice.slug,
        "url": _absolute(request, "practices:detail", chosen.language, slug=practice.slug)
        if is_published
        else None,
        "status": practice.status,
        "lock_version": practice.lock_version,
        "centre": _centre_ref(practice.centre, chosen.language),
        "country": str(practice.country),
        "original_language": practice.original_language,
        "language": chosen.language,
        "is_fallback": is_fallback,
        "available_languages": sorted(published),
        "type": practice.practice_type,
        "poles": list(practice.poles),
        "publics": list(practice.target_publics),
        "competences": [
            {
                "code": c.code,
                "title": localize(c.title, c.original_language, chosen.language).text,
            }
            for c in competences
        ],
        "contact": {"name": practice.contact_name, "email": practice.contact_email},
        "licence": {"code": practice.licence, "label": licence_label},
        **_texts(chosen),
        "translations": [
            {
                "language": t.language,
                "is_original": t.language == practice.original_language,
                "status": t.status,
                "title": t.title,
                "lock_version": t.lock_version,
                "published_at": t.published_at,
                "url": _absolute(request, "practices:detail", t.language, slug=practice.slug)
                if t.language in published
                else None,
            }
            for t in listed
        ],
        "attachments": [
            {
                "id": a.pk,
                "title": a.title,
                "content_type": a.content_type,
                "size": a.size,
                "is_image": a.is_image,
                "url": _absolute(
                    request, "practices:attachment", chosen.language, slug=practice.slug, pk=a.pk
                )
                if is_published
                else None,
            }
            for a in practice.attachments.all()
        ],
        "counts": {
            "comments": practice.comments.filter(is_hidden=False).count(),
            "trials": trials["trials"],
            "centres_tried": trials["centres"],
        },
        "created_at": practice.created_at,
        "updated_at": practice.updated_at,
        "submitted_at": practice.submitted_at,
        "first_published_at": practice.first_published_at,
        "published_at": practice.published_at,
        "archived_at": practice.archived_at,
    }


def _translation_out(translation_: PracticeTranslation) -> dict[str, Any]:
    return {
        "practice": translation_.practice_id,
        "language": translation_.language,
        "is_original": translation_.language == translation_.practice.original_language,
        "status": translation_.status,
        "lock_version": translation_.lock_version,
        **_texts(translation_),
        "updated_at": translation_.updated_at,
        "published_at": translation_.published_at,
    }


def _practice_for(user: Any, practice_id: int) -> Practice:
    """A sheet the user may see (published, or theirs to write, review or edit); else 404."""
    return selectors.get_practice_for_user(user, practice_id, workflow=False)


def _written(request: HttpRequest, practice_id: int) -> dict[str, Any]:
    """The answer to a write: the sheet as the token's user now sees it."""
    practice = _practice_for(request.user, practice_id)
    return _sheet_out(request, practice, public=False)


def _body(payload: BodyIn) -> dict[str, Any]:
    """The fields sent, as plain JSON values (choices as their codes)."""
    return payload.model_dump(mode="json", exclude_unset=True)


def _competences(codes: list[str] | None) -> list[int] | None:
    """Ids of the published competences with these codes; an unknown code is a 422."""
    if codes is None:
        return None
    # When two frameworks use a code, the one published last wins (later rows replace).
    found = dict(
        Competence.objects.filter(code__in=codes, version__status=VersionStatus.PUBLISHED)
        .order_by("version__published_at", "pk")
        .values_list("code", "pk")
    )
    if set(codes) - set(found):
        raise InvalidInput(
            _("Link only competences of a published framework."), field="competences"
        )
    return sorted({found[code] for code in codes})


def _split(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any], list[int] | None]:
    """A body's sheet fields, texts and competences, for the services."""
    competences = _competences(data.pop("competences", None))
    texts = {name: data.pop(name) for name in TEXT_FIELDS if name in data}
    return data, texts, competences


# --- Public reads -----------------------------------------------------------------------------


@router.get(
    "/practices",
    response={200: PracticePageOut, 422: ErrorOut},
    summary="Search the published practice sheets",
    **_named("list_practices"),
)
def list_practices(request: HttpRequest, filters: Query[PracticeFilters]) -> Any:
    """Published sheets matching `q` (all of them without it) and the facet filters, one page
    at a time, with the counts of every facet value among the matches. A sheet is found through
    any of its published translations. No token needed."""
    return _search_out(request, filters)


@router.get(
    "/practices/{practice_id}",
    response={200: PracticeOut, **PUBLIC_ERRORS},
    summary="One published practice sheet",
    **_named("get_practice"),
)
def get_practice(
    request: HttpRequest, practice_id: PracticeId, filters: Query[LanguageQuery]
) -> Any:
    """The sheet whole, its texts in `lang` when published in it (else the original ones), with
    its published translations, attachments, licence, contact and counts. A sheet that is not
    published is 404, whoever asks. No token needed."""
    practice = _practice_for(None, practice_id)
    if practice.status != PracticeStatus.PUBLISHED:
        raise NotFound()
    return _sheet_out(request, practice, lang=filters.lang, public=True)


# --- Writing sheets ---------------------------------------------------------------------------


@router.post(
    "/practices",
    response={201: PracticeOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Write a new draft",
    **_named("create_practice"),
)
def create_practice(request: HttpRequest, payload: PracticeIn) -> Any:
    """A draft in its original language, for a centre you work at (editors: any centre they
    edit). Its country is the centre's. You are its author."""
    sheet, texts, competences = _split(_body(payload))
    centre = Centre.objects.filter(slug=sheet["centre"]).first()
    if centre is None:
        raise InvalidInput(_("Choose a centre."), field="centre")
    sheet["centre"] = centre
    practice = sheet_services.create_practice(
        actor=request.user, sheet=sheet, texts=texts, competences=competences
    )
    return Status(201, _written(request, practice.pk))


@router.patch(
    "/practices/{practice_id}",
    response={200: PracticeOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Change a sheet",
    **_named("update_practice"),
)
def update_practice(request: HttpRequest, practice_id: PracticeId, payload: PracticePatch) -> Any:
    """Change the fields sent and the original-language texts. The author changes a draft or a
    sheet sent back for changes; editors any sheet but an archived one (a change to a published
    sheet is a new published version, and its followers are told). A `lock_version` older than
    the sheet's is 409 `stale`: someone changed it since you read it."""
    practice = _practice_for(request.user, practice_id)
    data = _body(payload)
    expected = data.pop("lock_version")
    sheet, texts, competences = _split(data)
    sheet_services.update_practice(
        actor=request.user,
        practice=practice,
        expected_version=expected,
        sheet=sheet,
        texts=texts,
        competences=competences,
    )
    return _written(request, practice_id)


def _transition(request: HttpRequest, practice_id: int, service: Any) -> dict[str, Any]:
    practice = _practice_for(request.user, practice_id)
    service(actor=request.user, practice=practice)
    return _written(request, practice_id)


@router.post(
    "/practices/{practice_id}/submit",
    response={200: PracticeOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Send a draft to the editors",
    **_named("submit_practice"),
)
def submit_practice(request: HttpRequest, practice_id: PracticeId) -> Any:
    """draft → submitted. The author (or an editor); the editors are told."""
    return _transition(request, practice_id, sheet_services.submit_practice)


@router.post(
    "/practices/{practice_id}/withdraw",
    response={200: PracticeOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Take a submitted sheet back",
    **_named("withdraw_practice"),
)
def withdraw_practice(request: HttpRequest, practice_id: PracticeId) -> Any:
    """submitted → draft, before any reviewer is assigned. The author (or an editor)."""
    return _transition(request, practice_id, sheet_services.withdraw_practice)


@router.post(
    "/practices/{practice_id}/resubmit",
    response={200: PracticeOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Send a changed sheet back to review",
    **_named("resubmit_practice"),
)
def resubmit_practice(request: HttpRequest, practice_id: PracticeId) -> Any:
    """changes requested → in review: a new round with the same reviewers. The author (or an
    editor)."""
    return _transition(request, practice_id, sheet_services.resubmit_practice)


@router.post(
    "/practices/{practice_id}/request-changes",
    response={200: PracticeOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Send a sheet back to its author",
    **_named("request_changes"),
)
def request_changes(request: HttpRequest, practice_id: PracticeId) -> Any:
    """in review → changes requested, with the reviews of this round. Editors only; the
    author is told."""
    return _transition(request, practice_id, sheet_services.request_changes)


@router.post(
    "/practices/{practice_id}/publish",
    response={200: PracticeOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Publish a reviewed sheet",
    **_named("publish_practice"),
)
def publish_practice(request: HttpRequest, practice_id: PracticeId) -> Any:
    """in review → published, once at least one review of this round is in (else 409
    `needs_review`). Editors only; the sheet becomes public and searchable."""
    return _transition(request, practice_id, sheet_services.publish_practice)


@router.post(
    "/practices/{practice_id}/archive",
    response={200: PracticeOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Archive a published sheet",
    **_named("archive_practice"),
)
def archive_practice(request: HttpRequest, practice_id: PracticeId) -> Any:
    """published → archived: no longer public nor searchable. Editors only."""
    return _transition(request, practice_id, sheet_services.archive_practice)


@router.post(
    "/practices/{practice_id}/restore",
    response={200: PracticeOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Put an archived sheet back online",
    **_named("restore_practice"),
)
def restore_practice(request: HttpRequest, practice_id: PracticeId) -> Any:
    """archived → published. Editors only."""
    return _transition(request, practice_id, sheet_services.restore_practice)


# --- Translations -----------------------------------------------------------------------------


@router.put(
    "/practices/{practice_id}/translations/{language}",
    response={200: TranslationOut, 201: TranslationOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Translate a sheet, or change a translation",
    **_named("save_translation"),
)
def save_translation(
    request: HttpRequest, practice_id: PracticeId, language: LanguagePath, payload: TranslationIn
) -> Any:
    """A language the sheet does not have yet: a new translation (201) with you as its
    translator; staff only. A language it has: change the texts sent (200) with the
    `lock_version` you read (required; an older one is 409 `stale`); its translator or an
    editor. The original language is changed with the sheet itself (409 `original`)."""
    practice = _practice_for(request.user, practice_id)
    data = _body(payload)
    expected = data.pop("lock_version", None)
    existing = practice.translation(language)
    if existing is None:
        created = translation_services.start_translation(
            actor=request.user, practice=practice, language=language, texts=data
        )
        created.practice = practice
        return Status(201, _translation_out(created))
    if expected is None and existing.language != practice.original_language:
        raise Conflict(
            _(
                "This translation was changed by someone else since you opened it. Your changes "
                "were not saved: reload it, then make them again."
            ),
            code="stale",
        )
    updated = translation_services.update_translation(
        actor=request.user, translation=existing, expected_version=expected, texts=data
    )
    updated.practice = practice
    return _translation_out(updated)


@router.post(
    "/practices/{practice_id}/translations/{language}/status",
    response={200: TranslationOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Mark a translation ready, publish it or take it back",
    **_named("set_translation_status"),
)
def set_translation_status(
    request: HttpRequest,
    practice_id: PracticeId,
    language: LanguagePath,
    payload: TranslationStatusIn,
) -> Any:
    """Its translator moves it between `draft` and `ready`; an editor publishes a ready one
    (on a published sheet it becomes public and searchable) or takes a published one back.
    The original language is published with the sheet (409 `original`)."""
    practice = _practice_for(request.user, practice_id)
    existing = selectors.get_translation_for_user(request.user, practice, language)
    updated = translation_services.set_translation_status(
        actor=request.user, translation=existing, status=payload.status
    )
    updated.practice = practice
    return _translation_out(updated)


# --- Exchange ---------------------------------------------------------------------------------


class CommentIn(BodyIn):
    body: str = Field(..., description="Markdown, 1 to 4,000 characters.")


class CommentOut(Schema):
    id: int
    practice: int = Field(..., description="The sheet's id.")
    body: str = Field(..., description="Markdown source.")
    created_at: datetime.datetime


class TrialIn(BodyIn):
    context: str = Field(..., description="Your context: 1 to 2,000 characters.")
    adaptation: str = Field("", description="What you adapted: at most 2,000 characters.")
    outcome: str = Field(..., description="How it went: 1 to 2,000 characters.")


class TrialOut(Schema):
    id: int
    practice: int = Field(..., description="The sheet's id.")
    centre: CentreRefOut = Field(..., description="The centre it was tried at.")
    context: str
    adaptation: str
    outcome: str
    created_at: datetime.datetime


@router.post(
    "/practices/{practice_id}/comments",
    response={201: CommentOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Comment on a published sheet",
    **_named("add_comment"),
)
def add_comment(request: HttpRequest, practice_id: PracticeId, payload: CommentIn) -> Any:
    """Staff of the network only (else 403); a sheet that is not published is 409
    `wrong_status` for those who see it."""
    practice = _practice_for(request.user, practice_id)
    comment = exchange_services.add_comment(
        actor=request.user, practice=practice, body=payload.body
    )
    return Status(
        201,
        {
            "id": comment.pk,
            "practice": practice.pk,
            "body": comment.body,
            "created_at": comment.created_at,
        },
    )


@router.post(
    "/practices/{practice_id}/trials",
    response={201: TrialOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Record that your centre tried a practice",
    **_named("record_trial"),
)
def record_trial(request: HttpRequest, practice_id: PracticeId, payload: TrialIn) -> Any:
    """ "We tried it": one account per person and sheet (again: 409 `already_tried`), in the
    name of the first centre you work at. Staff of the network only."""
    practice = _practice_for(request.user, practice_id)
    trial = exchange_services.record_trial(
        actor=request.user,
        practice=practice,
        context=payload.context,
        adaptation=payload.adaptation,
        outcome=payload.outcome,
    )
    centre = Centre.objects.get(pk=trial.centre_id)
    return Status(
        201,
        {
            "id": trial.pk,
            "practice": practice.pk,
            "centre": _centre_ref(centre, None),
            "context": trial.context,
            "adaptation": trial.adaptation,
            "outcome": trial.outcome,
            "created_at": trial.created_at,
        },
    )


@router.put(
    "/practices/{practice_id}/follow",
    response={204: None, **ERRORS},
    auth=WRITE_AUTH,
    summary="Follow a published sheet",
    **_named("follow_practice"),
)
def follow_practice(request: HttpRequest, practice_id: PracticeId) -> Any:
    """Get an email when a new version of the sheet is published. Following again changes
    nothing (204). Staff of the network only."""
    practice = _practice_for(request.user, practice_id)
    exchange_services.follow_practice(actor=request.user, practice=practice)
    return Status(204, None)


@router.delete(
    "/practices/{practice_id}/follow",
    response={204: None, **ERRORS},
    auth=WRITE_AUTH,
    summary="Stop following a sheet",
    **_named("unfollow_practice"),
)
def unfollow_practice(request: HttpRequest, practice_id: PracticeId) -> Any:
    """No more emails about this sheet. Unfollowing a sheet you do not follow changes nothing
    (204)."""
    practice = _practice_for(request.user, practice_id)
    exchange_services.unfollow_practice(actor=request.user, practice=practice)
    return Status(204, None)
