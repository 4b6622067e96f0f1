"""Public pages of the network directory: no sign-in needed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from cocade.directory import selectors
from cocade.directory.enums import LabelStatus, SiteKind
from cocade.directory.forms import SearchForm
from cocade.directory.models import Centre, Site

#: How many arrivals and departures the home page shows.
HOME_MOVEMENTS = 5
#: How many arrivals and departures their own page shows at most.
MOVEMENTS_PAGE = 100
#: The order in which a centre page shows its sites, with the heading of each group.
SITE_KIND_HEADINGS = (
    (SiteKind.MAIN, _("Main site")),
    (SiteKind.SECONDARY, _("Secondary sites")),
    (SiteKind.ANTENNA, _("Digital antennas")),
)


def _map_context() -> dict[str, str]:
    return {
        "tile_url": settings.COCADE_MAP_TILE_URL,
        "map_attribution": settings.COCADE_MAP_ATTRIBUTION,
    }


def _site_geo(site: Site, centre: Centre) -> dict[str, Any] | None:
    """One map marker, or None for a site without coordinates."""
    if site.latitude is None or site.longitude is None:
        return None
    return {
        "name": str(site.name_i18n),
        "centre": str(centre.name_i18n),
        "commune": site.commune,
        "kind": str(site.get_kind_display()),
        "lat": float(site.latitude),
        "lon": float(site.longitude),
        "url": f"{centre.get_absolute_url()}#site-{site.slug}",
    }


def _sites_geo(pairs: Iterable[tuple[Site, Centre]]) -> list[dict[str, Any]]:
    return [geo for site, centre in pairs if (geo := _site_geo(site, centre)) is not None]


def _label_status_display(centre: Centre) -> str:
    status = getattr(centre, "current_label_status", None)
    return str(LabelStatus(status).label) if status in LabelStatus.values else ""


def _language_names(codes: Iterable[str]) -> list[str]:
    names = []
    for code in codes:
        try:
            names.append(str(get_language_info(code)["name_translated"]))
        except KeyError:
            names.append(code)
    return names


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "directory/public/home.html",
        {
            "network": selectors.get_network(),
            "figures": selectors.network_figures(request.user),
            "form": SearchForm(),
            "movements": selectors.recent_movements(user=request.user, limit=HOME_MOVEMENTS),
        },
    )


@require_safe
def centre_list(request: HttpRequest) -> HttpResponse:
    groups = selectors.centres_by_country(request.user)
    pairs = []
    for _country, centres in groups:
        for centre in centres:
            centre.label_status_display = _label_status_display(centre)  # type: ignore[attr-defined]
            pairs += [(site, centre) for site in centre.sites.all()]
    return render(
        request,
        "directory/public/centre_list.html",
        {
            "groups": groups,
            "centre_count": sum(len(centres) for _country, centres in groups),
            "sites_geo": _sites_geo(pairs),
            **_map_context(),
        },
    )


@require_safe
def centre_detail(request: HttpRequest, slug: str) -> HttpResponse:
    centre = selectors.centre_page(request.user, slug)
    sites = list(centre.sites.all())
    site_groups = [
        {"kind": kind, "label": heading, "sites": [site for site in sites if site.kind == kind]}
        for kind, heading in SITE_KIND_HEADINGS
    ]
    return render(
        request,
        "directory/public/centre_detail.html",
        {
            "centre": centre,
            "label_status_display": _label_status_display(centre),
            "languages": _language_names(centre.languages or []),
            "site_groups": [group for group in site_groups if group["sites"]],
            "poles": list(centre.poles.all()),
            "partnerships": list(centre.partnerships.all()),
            "movements": selectors.recent_movements(user=request.user, centre=centre),
            "sites_geo": _sites_geo((site, centre) for site in sites),
            **_map_context(),
        },
    )


def _search_url(**params: str) -> str:
    return f"{reverse('directory:search')}?{urlencode(params)}"


def _suggestions(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Broader searches to offer when nothing matched."""
    suggestions = []
    theme, place, words = data.get("theme"), data.get("place"), data.get("q")
    if theme and (place or words or data.get("lat") is not None):
        suggestions.append(
            {"label": _("The same theme, anywhere"), "url": _search_url(theme=theme)}
        )
    if place and (theme or words):
        suggestions.append(
            {"label": _("Every service in this place"), "url": _search_url(place=place)}
        )
    if words and (theme or place):
        suggestions.append({"label": _("Only these words"), "url": _search_url(q=words)})
    return suggestions


@require_safe
@vary_on_headers("HX-Request")
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    hits = None
    suggestions: list[dict[str, Any]] = []
    without_location_url = ""
    if form.is_bound and form.is_valid() and form.has_criteria():
        data = form.cleaned_data
        near = form.near()
        hits = selectors.search_sites(
            user=request.user,
            text=data["q"],
            place=data["place"],
            theme=data["theme"],
            near=near,
        )
        if not hits:
            suggestions = _suggestions(data)
        if near:
            without_location_url = _search_url(
                **{name: data[name] for name in ("theme", "place", "q") if data[name]}
            )
    htmx = getattr(request, "htmx", None)
    partial = bool(htmx) and not htmx.history_restore_request
    template = "directory/public/search.html#results" if partial else "directory/public/search.html"
    return render(
        request,
        template,
        {
            "form": form,
            "hits": hits,
            "searched_theme": form.cleaned_data.get("theme", "") if form.is_bound else "",
            "suggestions": suggestions,
            "partial": partial,
            "without_location_url": without_location_url,
        },
    )


@require_safe
def movements(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "directory/public/movements.html",
        {
            "movements": selectors.recent_movements(
                user=request.user, days=365, limit=MOVEMENTS_PAGE
            ),
        },
    )
