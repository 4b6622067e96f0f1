"""Import and export of frameworks: the staff upload, the staff download (drafts for authors)
and the public download of published and superseded versions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from cocade.competencies.forms.interchange import FrameworkImportForm
from cocade.competencies.interchange.data import Problem
from cocade.competencies.interchange.formats import FORMATS, export_version
from cocade.competencies.models import FrameworkVersion
from cocade.competencies.rules import is_framework_author
from cocade.competencies.selectors.frameworks import get_version_for_user
from cocade.competencies.services.frameworks import ImportRejected
from cocade.competencies.services.interchange import import_framework_file
from cocade.competencies.views.common import forbidden, form_methods, posted
from cocade.core.errors import DomainError, Forbidden, NotFound, apply_to_form

IMPORT_TEMPLATE = "competencies/interchange/import.html"


@login_required
@form_methods
def framework_import(request: HttpRequest) -> HttpResponse:
    if not is_framework_author(request.user):
        return forbidden(request, _("Only the network's framework authors may import frameworks."))
    form = FrameworkImportForm(*posted(request, files=True))
    problems: list[Problem] = []
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                version = import_framework_file(
                    actor=request.user,
                    raw=form.cleaned_data["file"].read(),
                    fmt=form.cleaned_data["format"],
                    publish=form.cleaned_data["publish"],
                    replace_draft=form.cleaned_data["replace_draft"],
                    slug=form.cleaned_data["slug"] or None,
                )
            except ImportRejected as error:
                problems = error.problems
            except Forbidden as error:
                return forbidden(request, error.message)
            except DomainError as error:
                if error.code == "draft_exists":
                    form.add_error("replace_draft", str(error.message))
                else:
                    apply_to_form(form, error)
            else:
                messages.success(
                    request,
                    _("Version %(number)d of “%(slug)s” was imported.")
                    % {"number": version.number, "slug": version.framework.slug},
                )
                return redirect(
                    "staff_competencies:version",
                    slug=version.framework.slug,
                    number=version.number,
                )
    return render(request, IMPORT_TEMPLATE, {"form": form, "problems": problems}, status=status)


def _download(version: FrameworkVersion, fmt: str) -> HttpResponse:
    content, filename, content_type = export_version(version, fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
@require_safe
def version_export(request: HttpRequest, slug: str, number: int, fmt: str) -> HttpResponse:
    """Any version the user may read: drafts for framework authors, public versions for all."""
    if fmt not in FORMATS:
        raise Http404
    try:
        version = get_version_for_user(request.user, slug, number)
    except NotFound as error:
        raise Http404 from error
    return _download(version, fmt)


@require_safe
def version_download(request: HttpRequest, slug: str, number: int, fmt: str) -> HttpResponse:
    """A published or superseded version, for anyone; a draft is not found."""
    if fmt not in FORMATS:
        raise Http404
    try:
        version = get_version_for_user(None, slug, number)
    except NotFound as error:
        raise Http404 from error
    return _download(version, fmt)
