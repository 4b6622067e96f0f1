"""Reads of the directory. Every read of centre-owned data takes the user."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from cocade.accounts.enums import Role
from cocade.accounts.selectors import centre_ids_with_role, is_network_coordinator
from cocade.core.models import AuditLogEntry
from cocade.directory.enums import SiteKind
from cocade.directory.models import (
    Centre,
    LabelStatusChange,
    Network,
    PartnerOrganisation,
    Partnership,
    Pole,
    Position,
    ServiceType,
    Site,
    SiteService,
)


def get_network() -> Network | None:
    return Network.objects.order_by("pk").first()


# --- Centres ----------------------------------------------------------------------------------


def centres_visible_to(user: Any) -> QuerySet[Centre]:
    """Published centres, plus the unpublished ones the user works at (all for coordinators)."""
    queryset = Centre.objects.with_label_status()
    if is_network_coordinator(user):
        return queryset
    return queryset.filter(Q(is_published=True) | Q(pk__in=centre_ids_with_role(user)))


def centres_managed_by(user: Any) -> QuerySet[Centre]:
    queryset = Centre.objects.with_label_status()
    if is_network_coordinator(user):
        return queryset
    return queryset.filter(pk__in=centre_ids_with_role(user, Role.CENTRE_MANAGER))


def centres_staffed_by(user: Any) -> QuerySet[Centre]:
    queryset = Centre.objects.with_label_status()
    if is_network_coordinator(user):
        return queryset
    return queryset.filter(pk__in=centre_ids_with_role(user))


def get_centre_for_user(user: Any, slug: str) -> Centre:
    """A centre the user may see; 404 otherwise (another centre's private object)."""
    centre = centres_visible_to(user).filter(slug=slug).first()
    if centre is None:
        raise Http404
    return centre


def get_centre_for_staff(user: Any, slug: str) -> Centre:
    """A centre in the user's staff scope; 404 for anyone outside it."""
    centre = centres_staffed_by(user).filter(slug=slug).first()
    if centre is None:
        raise Http404
    return centre


def centre_page(user: Any, slug: str) -> Centre:
    """A centre with everything its public page shows, in a fixed number of queries."""
    site_filter = (
        Site.objects.all()
        if is_network_coordinator(user)
        or (slug and Centre.objects.filter(slug=slug, pk__in=centre_ids_with_role(user)).exists())
        else Site.objects.filter(is_published=True)
    )
    queryset = centres_visible_to(user).prefetch_related(
        Prefetch(
            "sites",
            queryset=site_filter.prefetch_related(
                Prefetch(
                    "services",
                    queryset=SiteService.objects.select_related("service_type", "pole", "partner"),
                )
            ),
        ),
        "poles",
        Prefetch(
            "partnerships",
            queryset=current_partnerships().select_related("partner").prefetch_related("poles"),
        ),
    )
    centre = queryset.filter(slug=slug).first()
    if centre is None:
        raise Http404
    return centre


def centres_by_country(user: Any) -> list[tuple[str, list[Centre]]]:
    """[(country name, [centres…]), …] sorted by country name in the active language."""
    centres = list(
        centres_visible_to(user).prefetch_related(
            Prefetch("sites", queryset=Site.objects.filter(is_published=True))
        )
    )
    groups: dict[str, list[Centre]] = {}
    for centre in centres:
        groups.setdefault(str(centre.country.name), []).append(centre)
    return sorted(groups.items(), key=lambda item: item[0])


def network_figures(user: Any) -> dict[str, int]:
    """How many centres, countries, sites and digital antennas the user can see (2 queries)."""
    centre_ids = centres_visible_to(user).values("pk")
    figures = Centre.objects.filter(pk__in=centre_ids).aggregate(
        centres=Count("pk"), countries=Count("country", distinct=True)
    )
    figures |= Site.objects.filter(is_published=True, centre__in=centre_ids).aggregate(
        sites=Count("pk", filter=~Q(kind=SiteKind.ANTENNA)),
        antennas=Count("pk", filter=Q(kind=SiteKind.ANTENNA)),
    )
    return figures


def label_history(centre: Centre) -> QuerySet[LabelStatusChange]:
    return centre.label_history.select_related("recorded_by").order_by("-decided_on", "-id")


def current_partnerships(today: datetime.date | None = None) -> QuerySet[Partnership]:
    today = today or timezone.localdate()
    return Partnership.objects.filter(starts_on__lte=today).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=today)
    )


# --- Search: "where can I get help with X near Y" ----------------------------------------------


@dataclass
class SiteHit:
    site: Site
    distance_km: float | None


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def search_sites(
    *,
    user: Any,
    text: str = "",
    place: str = "",
    theme: str = "",
    near: tuple[float, float] | None = None,
    limit: int = 50,
) -> list[SiteHit]:
    """Published sites that match a theme (service code), a place (commune, city, postcode,
    country) and free text (names of centre, site or service), nearest first when `near`."""
    queryset = (
        Site.objects.published()
        .filter(centre__in=centres_visible_to(user))
        .select_related("centre")
        .prefetch_related(
            Prefetch("services", queryset=SiteService.objects.select_related("service_type"))
        )
    )
    if theme:
        queryset = queryset.filter(services__service_type__code=theme)
    for word in place.split():
        queryset = queryset.filter(
            Q(commune__icontains=word)
            | Q(postcode__istartswith=word)
            | Q(centre__city__icontains=word)
            | Q(address__icontains=word)
            | Q(centre__country__iexact=word)
        )
    for word in text.split():
        queryset = queryset.filter(
            Q(name__icontains=word)
            | Q(centre__name__icontains=word)
            | Q(services__service_type__name__icontains=word)
            | Q(services__details__icontains=word)
            | Q(commune__icontains=word)
        )
    sites = list(queryset.distinct()[: limit * 4 if near else limit])
    hits = []
    for site in sites:
        distance = None
        if near and site.latitude is not None and site.longitude is not None:
            distance = _haversine_km(near[0], near[1], float(site.latitude), float(site.longitude))
        hits.append(SiteHit(site=site, distance_km=distance))
    if near:
        hits.sort(key=lambda hit: (hit.distance_km is None, hit.distance_km or 0.0))
    return hits[:limit]


def service_types() -> QuerySet[ServiceType]:
    return ServiceType.objects.all()


# --- People: arrivals and departures are read from positions -------------------------------------


@dataclass
class Movement:
    kind: str  # "arrival" | "departure"
    on: datetime.date
    position: Position


def recent_movements(
    *,
    user: Any,
    days: int = 365,
    today: datetime.date | None = None,
    centre: Centre | None = None,
    limit: int = 30,
) -> list[Movement]:
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=days)
    queryset = Position.objects.select_related("person", "centre", "partner")
    if centre is not None:
        queryset = queryset.filter(centre=centre)
    visible = Q(centre__in=centres_visible_to(user)) | Q(centre__isnull=True)
    public = Q(is_public=True)
    if not is_network_coordinator(user):
        public |= Q(centre__in=centre_ids_with_role(user, Role.CENTRE_MANAGER))
    queryset = queryset.filter(visible & public)
    arrivals = queryset.filter(starts_on__gte=since, starts_on__lte=today)
    departures = queryset.filter(ends_on__gte=since, ends_on__lte=today)
    movements = [Movement("arrival", p.starts_on, p) for p in arrivals]
    movements += [Movement("departure", p.ends_on, p) for p in departures if p.ends_on]
    movements.sort(key=lambda movement: (movement.on, movement.position.pk), reverse=True)
    return movements[:limit]


# --- Staff reads ---------------------------------------------------------------------------------


def audit_entries_for_centre(user: Any, centre: Centre) -> QuerySet[AuditLogEntry]:
    if not (
        is_network_coordinator(user) or centre.pk in centre_ids_with_role(user, Role.CENTRE_MANAGER)
    ):
        raise Http404
    return AuditLogEntry.objects.for_centre(centre.pk).select_related("actor")


def get_site_for_staff(user: Any, centre: Centre, pk: int) -> Site:
    site = Site.objects.filter(centre=centre, pk=pk).first()
    if site is None:
        raise Http404
    return site


def get_pole_for_staff(user: Any, centre: Centre, pk: int) -> Pole:
    pole = Pole.objects.filter(centre=centre, pk=pk).first()
    if pole is None:
        raise Http404
    return pole


def get_partnership_for_staff(user: Any, centre: Centre, pk: int) -> Partnership:
    partnership = Partnership.objects.filter(centre=centre, pk=pk).first()
    if partnership is None:
        raise Http404
    return partnership


def get_position_for_staff(user: Any, centre: Centre, pk: int) -> Position:
    position = Position.objects.filter(centre=centre, pk=pk).select_related("person").first()
    if position is None:
        raise Http404
    return position


def partner_organisations() -> QuerySet[PartnerOrganisation]:
    return PartnerOrganisation.objects.all()
