"""The network directory in the JSON API.

Reads are public: anyone sees the published centres and sites; a request with a personal token
(`Authorization: Bearer cct_…`) sees what its user may see in the staff space too. Writes need a
token and call the same services as the staff pages: a centre outside the user's staff scope
answers 404, an action the user's role does not allow answers 403.
"""

import datetime
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, P, PathEx, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import StrictBool, field_validator

from cocade.core.api import BodyIn, ErrorOut, TokenAuth, omittable, reject_nul
from cocade.core.errors import InvalidInput
from cocade.core.i18n import language_codes, localize
from cocade.directory import selectors, services
from cocade.directory.enums import LabelStatus, PartnerKind, SiteKind
from cocade.directory.models import (
    Centre,
    PartnerOrganisation,
    Partnership,
    Pole,
    ServiceType,
    Site,
    SiteService,
)

router = Router(tags=["directory"])

#: A site id in a path: a positive 64-bit integer (a larger one would not reach the database).
SiteId = PathEx[int, P(ge=1, le=2**63 - 1)]
#: A slug in a path: letters, digits, hyphens and underscores, as the models allow.
Slug = PathEx[str, P(pattern=r"^[-\w]+$", max_length=80)]

# --- Who reads --------------------------------------------------------------------------------


def _without_token(request: HttpRequest) -> bool:
    """Reads need no token. A request that sends one must send a valid one (else 401)."""
    return not request.headers.get("Authorization")


#: Reads: the token's user when a valid token is sent, else the visitor (`request.user`).
READ_AUTH = [TokenAuth(), _without_token]
#: In the OpenAPI document the token is optional on reads (ninja lists TokenAuth; add "none").
READ_OPENAPI: dict[str, Any] = {"security": [{}]}
WRITE_AUTH = TokenAuth()


# --- Languages --------------------------------------------------------------------------------


def _use_language(request: HttpRequest, lang: str | None) -> None:
    """The language of the `*_localized` texts: ?lang=, else the request's (Accept-Language)."""
    request.cocade_language = lang or get_language()  # type: ignore[attr-defined]


def _localized(values: dict[str, str] | None, original_language: str, context: Any) -> str:
    request = (context or {}).get("request")
    language = getattr(request, "cocade_language", None)
    return localize(values, original_language, language).text


class LanguageQuery(Schema):
    lang: str | None = Field(
        None,
        description="Language of the `*_localized` texts (default: Accept-Language).",
        examples=["fr"],
    )

    @field_validator("lang")
    @classmethod
    def _known_language(cls, value: str | None) -> str | None:
        if value is not None and value not in language_codes():
            raise ValueError(_("Unknown language code."))
        return value


# --- Output -----------------------------------------------------------------------------------

Translations = dict[str, str]


class LabelOut(Schema):
    status: LabelStatus
    since: datetime.date


class ContactOut(Schema):
    website: str
    email: str
    phone: str


class SiteContactOut(Schema):
    email: str
    phone: str


class LocalizedNameOut(Schema):
    """A translated name, with the text picked for the request's language."""

    name: Translations
    name_localized: str

    @staticmethod
    def resolve_name_localized(obj: Any, context: Any) -> str:
        return _localized(obj.name, obj.original_language, context)


class CentreRef(LocalizedNameOut):
    slug: str


class ServiceTypeRef(LocalizedNameOut):
    code: str


class ServiceTypeOut(ServiceTypeRef):
    description: Translations
    original_language: str
    position: int


class CentreSummaryOut(CentreRef):
    original_language: str
    country: str = Field(..., description="ISO 3166-1 alpha-2 code.", examples=["FR"])
    city: str
    is_published: bool
    label: LabelOut | None = Field(..., description="The current label status and its date.")

    @staticmethod
    def resolve_country(obj: Centre) -> str:
        return str(obj.country)

    @staticmethod
    def resolve_label(obj: Centre) -> dict[str, Any] | None:
        status = getattr(obj, "current_label_status", None)
        if not status:
            return None
        return {"status": status, "since": obj.current_label_since}  # type: ignore[attr-defined]


class PoleOut(LocalizedNameOut):
    code: str
    description: Translations
    original_language: str
    position: int


class PartnershipTermsOut(Schema):
    """What a partnership says, seen from either side: pôles staffed, hours, dates."""

    poles: list[str] = Field(..., description="Codes of the pôles it staffs.")
    hours_per_week: int | None
    since: datetime.date
    until: datetime.date | None

    @staticmethod
    def resolve_poles(obj: Partnership) -> list[str]:
        return [pole.code for pole in obj.poles.all()]

    @staticmethod
    def resolve_since(obj: Partnership) -> datetime.date:
        return obj.starts_on

    @staticmethod
    def resolve_until(obj: Partnership) -> datetime.date | None:
        return obj.ends_on


class CentrePartnerOut(PartnershipTermsOut):
    partner: str = Field(..., description="The partner organisation's slug.")
    name: str
    kind: PartnerKind

    @staticmethod
    def resolve_partner(obj: Partnership) -> str:
        return obj.partner.slug

    @staticmethod
    def resolve_name(obj: Partnership) -> str:
        return obj.partner.name

    @staticmethod
    def resolve_kind(obj: Partnership) -> str:
        return obj.partner.kind


class CentreOut(CentreSummaryOut):
    description: Translations
    carrier: str
    opened_on: datetime.date | None
    languages: list[str] = Field(..., description="Language codes spoken at the centre.")
    logo: str | None = Field(..., description="Address of the logo image.")
    contact: ContactOut
    poles: list[PoleOut]
    partners: list[CentrePartnerOut] = Field(..., description="Current partnerships.")

    @staticmethod
    def resolve_logo(obj: Centre, context: Any) -> str | None:
        if not obj.logo:
            return None
        request = (context or {}).get("request")
        return request.build_absolute_uri(obj.logo.url) if request else obj.logo.url

    @staticmethod
    def resolve_contact(obj: Centre) -> dict[str, str]:
        return {"website": obj.website, "email": obj.email, "phone": obj.phone}

    @staticmethod
    def resolve_poles(obj: Centre) -> list[Pole]:
        return list(obj.poles.all())

    @staticmethod
    def resolve_partners(obj: Centre) -> list[Partnership]:
        return list(obj.partnerships.all())


class SiteServiceOut(Schema):
    id: int
    service_type: ServiceTypeRef
    pole: str | None = Field(..., description="The pôle's code.")
    partner: str | None = Field(..., description="The partner organisation's slug.")
    details: Translations
    original_language: str

    @staticmethod
    def resolve_pole(obj: SiteService) -> str | None:
        return obj.pole.code if obj.pole_id else None  # type: ignore[union-attr]

    @staticmethod
    def resolve_partner(obj: SiteService) -> str | None:
        return obj.partner.slug if obj.partner_id else None  # type: ignore[union-attr]


class SiteBaseOut(LocalizedNameOut):
    id: int
    kind: SiteKind
    slug: str
    original_language: str
    address: str
    postcode: str
    commune: str
    latitude: float | None
    longitude: float | None
    step_free_access: bool | None


class SiteOut(SiteBaseOut):
    centre: str = Field(..., description="The centre's slug.")
    opening_hours: Translations
    accessibility: Translations
    contact: SiteContactOut
    is_published: bool
    services: list[SiteServiceOut]

    @staticmethod
    def resolve_centre(obj: Site) -> str:
        return obj.centre.slug

    @staticmethod
    def resolve_contact(obj: Site) -> dict[str, str]:
        return {"email": obj.email, "phone": obj.phone}

    @staticmethod
    def resolve_services(obj: Site) -> list[SiteService]:
        return list(obj.services.all())


class SiteHitOut(SiteBaseOut):
    centre: CentreRef
    themes: list[ServiceTypeRef] = Field(..., description="The themes of help offered here.")
    distance_km: float | None = Field(..., description="From lat/lon, when given.")

    @staticmethod
    def resolve_themes(obj: Site) -> list[ServiceType]:
        return [service.service_type for service in obj.services.all()]


class PartnerSummaryOut(Schema):
    slug: str
    name: str
    kind: PartnerKind
    country: str = Field(..., description="ISO 3166-1 alpha-2 code.", examples=["FR"])
    website: str
    description: Translations
    original_language: str

    @staticmethod
    def resolve_country(obj: PartnerOrganisation) -> str:
        return str(obj.country)


class PartnerCentreOut(PartnershipTermsOut):
    centre: CentreRef


class PartnerOut(PartnerSummaryOut):
    centres: list[PartnerCentreOut] = Field(..., description="Current partnerships.")

    @staticmethod
    def resolve_centres(obj: PartnerOrganisation) -> list[Partnership]:
        return obj.current_partnerships  # type: ignore[attr-defined]


class LabelStatusChangeOut(Schema):
    status: LabelStatus
    decided_on: datetime.date
    note: str


# --- Input ------------------------------------------------------------------------------------


_TRANSLATIONS_HELP = 'An object from language code to text, e.g. {"fr": "…", "en": "…"}.'


class CentrePatch(BodyIn):
    slug: str = omittable()
    name: Translations = omittable(description=_TRANSLATIONS_HELP)
    description: Translations = omittable(description=_TRANSLATIONS_HELP)
    original_language: str = omittable()
    country: str = omittable(description="ISO 3166-1 alpha-2 code.")
    city: str = omittable()
    carrier: str = omittable()
    opened_on: datetime.date | None = None
    languages: list[str] = omittable(description='Language codes, e.g. ["fr", "en"].')
    website: str = omittable()
    email: str = omittable()
    phone: str = omittable()
    is_published: StrictBool = omittable(description="Only network coordinators may change it.")


class SiteFields(BodyIn):
    kind: SiteKind = omittable()
    original_language: str = omittable()
    address: str = omittable()
    postcode: str = omittable()
    latitude: Decimal | None = omittable(description="-90 to 90, at most 6 decimals.")
    longitude: Decimal | None = omittable(description="-180 to 180, at most 6 decimals.")
    opening_hours: Translations = omittable(description=_TRANSLATIONS_HELP)
    accessibility: Translations = omittable(description=_TRANSLATIONS_HELP)
    step_free_access: StrictBool | None = None
    phone: str = omittable()
    email: str = omittable()
    is_published: StrictBool = omittable()


class SiteIn(SiteFields):
    slug: str
    name: Translations = Field(..., description=_TRANSLATIONS_HELP)
    commune: str


class SitePatch(SiteFields):
    slug: str = omittable()
    name: Translations = omittable(description=_TRANSLATIONS_HELP)
    commune: str = omittable()


class LabelStatusIn(BodyIn):
    status: LabelStatus
    decided_on: datetime.date
    note: str = ""


class SiteServiceIn(BodyIn):
    service_type: str = Field(..., description="The theme's code (see /service-types).")
    pole: str | None = omittable(description="The code of one of the centre's pôles.")
    partner: str | None = omittable(description="The partner organisation's slug.")
    details: Translations = omittable(description=_TRANSLATIONS_HELP)
    original_language: str = omittable()


class CentreFilters(LanguageQuery):
    country: str | None = Field(
        None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code.", examples=["FR"]
    )


class SiteFilters(LanguageQuery):
    theme: str = Field("", max_length=60, description="A service type code (see /service-types).")
    place: str = Field("", max_length=200, description="Commune, city, postcode or country.")
    q: str = Field("", max_length=200, description="Words in the names of centre, site or theme.")
    lat: float | None = Field(None, ge=-90, le=90, allow_inf_nan=False)
    lon: float | None = Field(None, ge=-180, le=180, allow_inf_nan=False)
    limit: int = Field(50, ge=1, le=200)

    @field_validator("theme", "place", "q")
    @classmethod
    def _no_nul_characters(cls, value: str) -> str:
        reject_nul(value)
        return value


class Pagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(50, ge=1, le=200)
        offset: int = Field(0, ge=0, le=1_000_000)


# --- Shared steps -----------------------------------------------------------------------------

ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
READ_ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def _site_of_centre(user: Any, slug: str, site_id: int) -> Site:
    """A site as `user` sees it on its centre's page (with its services); 404 if hidden."""
    centre = selectors.centre_page(user, slug)
    for site in centre.sites.all():
        if site.pk == site_id:
            return site
    raise Http404


def _invalid_codes(detail: dict[str, list[str]]) -> InvalidInput:
    field = next(iter(detail))
    return InvalidInput(detail[field][0], field=field, detail=detail)


def _service_data(centre: Centre, payload: SiteServiceIn) -> dict[str, Any]:
    """The body of a service with its codes turned into objects; unknown codes are a 422."""
    data = payload.changes()
    detail: dict[str, list[str]] = {}
    service_type = selectors.service_types().filter(code=payload.service_type).first()
    if service_type is None:
        detail["service_type"] = [_("Unknown service type code.")]
    data["service_type"] = service_type
    if payload.pole is not None:
        data["pole"] = centre.poles.filter(code=payload.pole).first()
        if data["pole"] is None:
            detail["pole"] = [_("This centre has no pôle with this code.")]
    if payload.partner is not None:
        data["partner"] = selectors.partner_organisations().filter(slug=payload.partner).first()
        if data["partner"] is None:
            detail["partner"] = [_("Unknown partner organisation.")]
    if detail:
        raise _invalid_codes(detail)
    return data


# --- Public reads -----------------------------------------------------------------------------


@router.get(
    "/centres",
    response=list[CentreSummaryOut],
    auth=READ_AUTH,
    openapi_extra=READ_OPENAPI,
    summary="List centres",
)
@paginate(Pagination)
def list_centres(request: HttpRequest, filters: Query[CentreFilters]) -> Any:
    """The centres the caller may see, by country, city and slug."""
    _use_language(request, filters.lang)
    centres = selectors.centres_visible_to(request.user)
    if filters.country:
        centres = centres.filter(country=filters.country.upper())
    return centres


@router.get(
    "/centres/{slug}",
    response={200: CentreOut, **READ_ERRORS},
    auth=READ_AUTH,
    openapi_extra=READ_OPENAPI,
    summary="One centre",
)
def get_centre(request: HttpRequest, slug: Slug, filters: Query[LanguageQuery]) -> Any:
    """A centre with its label status, languages, contact, pôles and current partners."""
    _use_language(request, filters.lang)
    return selectors.centre_page(request.user, slug)


@router.get(
    "/centres/{slug}/sites",
    response={200: list[SiteOut], **READ_ERRORS},
    auth=READ_AUTH,
    openapi_extra=READ_OPENAPI,
    summary="The sites of one centre",
)
def list_centre_sites(request: HttpRequest, slug: Slug, filters: Query[LanguageQuery]) -> Any:
    """The centre's sites with their services; unpublished ones only for its staff."""
    _use_language(request, filters.lang)
    return list(selectors.centre_page(request.user, slug).sites.all())


@router.get(
    "/sites",
    response={200: list[SiteHitOut], **READ_ERRORS},
    auth=READ_AUTH,
    openapi_extra=READ_OPENAPI,
    summary="Find sites",
)
def search_sites(request: HttpRequest, filters: Query[SiteFilters]) -> Any:
    """Where to get help with a theme near a place: published sites, nearest first when
    `lat` and `lon` are given (both or neither), at most `limit`."""
    _use_language(request, filters.lang)
    if (filters.lat is None) != (filters.lon is None):
        missing = "lon" if filters.lon is None else "lat"
        message = _("Give both lat and lon, or neither.")
        raise InvalidInput(message, field=missing, detail={missing: [message]})
    near = (
        (filters.lat, filters.lon) if filters.lat is not None and filters.lon is not None else None
    )
    hits = selectors.search_sites(
        user=request.user,
        text=filters.q,
        place=filters.place,
        theme=filters.theme,
        near=near,
        limit=filters.limit,
    )
    sites = []
    for hit in hits:
        hit.site.distance_km = (  # type: ignore[attr-defined]
            round(hit.distance_km, 3) if hit.distance_km is not None else None
        )
        sites.append(hit.site)
    return sites


@router.get(
    "/sites/{site_id}",
    response={200: SiteOut, **READ_ERRORS},
    auth=READ_AUTH,
    openapi_extra=READ_OPENAPI,
    summary="One site",
)
def get_site(request: HttpRequest, site_id: SiteId, filters: Query[LanguageQuery]) -> Any:
    """A site with its services, if its centre's page would show it to the caller."""
    _use_language(request, filters.lang)
    slug = (
        selectors.centres_visible_to(request.user)
        .filter(sites__pk=site_id)
        .values_list("slug", flat=True)
        .first()
    )
    if slug is None:
        raise Http404
    return _site_of_centre(request.user, slug, site_id)


@router.get(
    "/service-types",
    response={200: list[ServiceTypeOut], **READ_ERRORS},
    auth=READ_AUTH,
    openapi_extra=READ_OPENAPI,
    summary="Themes of help",
)
def list_service_types(request: HttpRequest, filters: Query[LanguageQuery]) -> Any:
    """The themes of help offered across the network, in their order."""
    _use_language(request, filters.lang)
    return list(selectors.service_types())


@router.get(
    "/partners",
    response=list[PartnerSummaryOut],
    auth=READ_AUTH,
    openapi_extra=READ_OPENAPI,
    summary="List partner organisations",
)
@paginate(Pagination)
def list_partners(request: HttpRequest) -> Any:
    """The partner organisations of the network, by name."""
    return selectors.partner_organisations()


@router.get(
    "/partners/{slug}",
    response={200: PartnerOut, **READ_ERRORS},
    auth=READ_AUTH,
    openapi_extra=READ_OPENAPI,
    summary="One partner organisation",
)
def get_partner(request: HttpRequest, slug: Slug, filters: Query[LanguageQuery]) -> Any:
    """A partner organisation and the centres (visible to the caller) it works with now."""
    _use_language(request, filters.lang)
    partner = selectors.partner_organisations().filter(slug=slug).first()
    if partner is None:
        raise Http404
    partner.current_partnerships = list(  # type: ignore[attr-defined]
        selectors.current_partnerships()
        .filter(partner=partner, centre__in=selectors.centres_visible_to(request.user))
        .select_related("centre")
        .prefetch_related("poles")
        .order_by("centre__country", "centre__city", "centre__slug", "starts_on")
    )
    return partner


# --- Scoped writes ----------------------------------------------------------------------------


@router.patch(
    "/centres/{slug}",
    response={200: CentreOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Change a centre",
)
def update_centre(request: HttpRequest, slug: Slug, payload: CentrePatch) -> Any:
    """Change the fields sent (all but the logo). Centre managers and network coordinators;
    only coordinators may publish or unpublish."""
    _use_language(request, None)
    centre = selectors.get_centre_for_staff(request.user, slug)
    centre = services.update_centre(actor=request.user, centre=centre, data=payload.changes())
    return selectors.centre_page(request.user, centre.slug)


@router.post(
    "/centres/{slug}/label-status",
    response={201: LabelStatusChangeOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Record a label decision",
)
def record_label_status(request: HttpRequest, slug: Slug, payload: LabelStatusIn) -> Any:
    """Add a dated step to the centre's label history. Network coordinators only."""
    centre = selectors.get_centre_for_staff(request.user, slug)
    change = services.record_label_status(
        actor=request.user,
        centre=centre,
        status=payload.status,
        decided_on=payload.decided_on,
        note=payload.note,
    )
    return Status(201, change)


@router.post(
    "/centres/{slug}/sites",
    response={201: SiteOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Add a site",
)
def create_site(request: HttpRequest, slug: Slug, payload: SiteIn) -> Any:
    """Add a site to the centre. Centre managers and network coordinators."""
    _use_language(request, None)
    centre = selectors.get_centre_for_staff(request.user, slug)
    site = services.create_site(actor=request.user, centre=centre, data=payload.changes())
    return Status(201, _site_of_centre(request.user, centre.slug, site.pk))


@router.patch(
    "/centres/{slug}/sites/{site_id}",
    response={200: SiteOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Change a site",
)
def update_site(request: HttpRequest, slug: Slug, site_id: SiteId, payload: SitePatch) -> Any:
    """Change the fields sent. Centre managers and network coordinators."""
    _use_language(request, None)
    centre = selectors.get_centre_for_staff(request.user, slug)
    site = selectors.get_site_for_staff(request.user, centre, site_id)
    services.update_site(actor=request.user, site=site, data=payload.changes())
    return _site_of_centre(request.user, centre.slug, site.pk)


@router.delete(
    "/centres/{slug}/sites/{site_id}",
    response={204: None, **ERRORS},
    auth=WRITE_AUTH,
    summary="Delete a site",
)
def delete_site(request: HttpRequest, slug: Slug, site_id: SiteId) -> Any:
    """Delete the site and its services. Centre managers and network coordinators."""
    centre = selectors.get_centre_for_staff(request.user, slug)
    site = selectors.get_site_for_staff(request.user, centre, site_id)
    services.delete_site(actor=request.user, site=site)
    return Status(204, None)


@router.post(
    "/centres/{slug}/sites/{site_id}/services",
    response={201: SiteServiceOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Offer a service at a site",
)
def create_site_service(
    request: HttpRequest, slug: Slug, site_id: SiteId, payload: SiteServiceIn
) -> Any:
    """Offer a theme of help at the site, optionally within a pôle and delivered by a partner.
    Centre managers and network coordinators."""
    _use_language(request, None)
    centre = selectors.get_centre_for_staff(request.user, slug)
    site = selectors.get_site_for_staff(request.user, centre, site_id)
    service = services.save_site_service(
        actor=request.user, site=site, data=_service_data(centre, payload)
    )
    return Status(201, service)
