"""Public pages of the competency frameworks: anyone reads every published or superseded version
in any language (with a visible mark where a text falls back to the original). Drafts are not
public, not even to their authors on this side: they answer 404.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import translate_url
from django.views.decorators.http import require_safe

from cocade.competencies.enums import VersionStatus
from cocade.competencies.interchange.formats import format_choices
from cocade.competencies.models import FrameworkVersion
from cocade.competencies.selectors import authoring as authoring_selectors
from cocade.competencies.selectors.changes import version_changes
from cocade.competencies.selectors.frameworks import (
    get_version_for_user,
    previous_version,
    published_versions,
    version_as_data,
)
from cocade.core.errors import NotFound


def _public_version(slug: str, number: int | None = None) -> FrameworkVersion:
    """A published version (`number` None: the current one) or a superseded one; never a
    draft, whoever asks."""
    try:
        return get_version_for_user(None, slug, number)
    except NotFound as error:
        raise Http404 from error


def _language_links(request: HttpRequest, codes: list[str]) -> list[dict[str, str]]:
    names = dict(settings.LANGUAGES)
    path = request.get_full_path()
    return [{"code": code, "name": names[code], "url": translate_url(path, code)} for code in codes]


@require_safe
def frameworks(request: HttpRequest) -> HttpResponse:
    versions = list(published_versions())
    languages = authoring_selectors.complete_languages(version.pk for version in versions)
    for version in versions:
        version.complete_languages = languages[version.pk]
    return render(request, "competencies/public/frameworks.html", {"versions": versions})


def _version_page(request: HttpRequest, version: FrameworkVersion) -> HttpResponse:
    data = version_as_data(version)  # also prefetches the tree on `version`
    authoring_selectors.decorate_tree(version)
    current = None
    if version.status != VersionStatus.PUBLISHED:
        current = FrameworkVersion.objects.published().filter(framework=version.framework).first()
    languages = data.languages()
    return render(
        request,
        "competencies/public/version.html",
        {
            "version": version,
            "levels": version.tree_levels,
            "blocks": version.tree_blocks,
            "current": current,
            "complete_languages": _language_links(request, languages),
            "download_formats": format_choices(),
        },
    )


@require_safe
def framework(request: HttpRequest, slug: str) -> HttpResponse:
    return _version_page(request, _public_version(slug))


@require_safe
def version(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    return _version_page(request, _public_version(slug, number))


@require_safe
def changes(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    current = _public_version(slug, number)
    previous = previous_version(current)
    return render(
        request,
        "competencies/public/changes.html",
        {
            "version": current,
            "previous": previous,
            "changes": version_changes(
                version_as_data(previous) if previous is not None else None,
                version_as_data(current),
            ),
        },
    )
