"""The Vademecum in PDF: one published sheet on demand, the printed editions (public list and
download), and the editors' page where editions are asked for and their building followed."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from cocade.core.errors import NotFound
from cocade.core.i18n import language_codes
from cocade.core.viewflow import forbidden, form_methods, form_view, posted
from cocade.practices import pdf, rules, selectors
from cocade.practices.models import VademecumEdition
from cocade.practices.services import editions as services

_EDITORS_ONLY = _("Only the editors of the Vademecum ask for and follow printed editions.")


def editor_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in (else to the sign-in page) and an editor of the Vademecum (else 403)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not rules.is_editor(request.user):
            return forbidden(request, _EDITORS_ONLY)
        return view(request, *args, **kwargs)

    return login_required(wrapper)


# --- One sheet ----------------------------------------------------------------------------


@require_safe
def sheet_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """A published sheet as PDF, in `?lang=` when its translation is published, else in its
    original language."""
    try:
        practice = selectors.get_published_practice(slug)
    except NotFound as error:
        raise Http404 from error
    language = request.GET.get("lang", "")
    if language not in language_codes():
        language = translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        sheet = pdf.printed_sheet(practice, language)
        if sheet is None:
            raise Http404
        content = pdf.sheet_pdf(sheet)
    suffix = "" if sheet.language == practice.original_language else f"-{sheet.language}"
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        True, f"{practice.slug}{suffix}.pdf"
    )
    return response


# --- Editions -----------------------------------------------------------------------------


def _size(edition: VademecumEdition) -> int | None:
    try:
        return edition.file.size
    except (OSError, ValueError):
        return None


@require_safe
def editions(request: HttpRequest) -> HttpResponse:
    """The latest printed edition in each language."""
    rows = [
        {"edition": e, "language": pdf.language_label(e.language), "size": _size(e)}
        for e in selectors.done_editions()
    ]
    return render(request, "practices/pdf/editions.html", {"rows": rows})


@require_safe
def edition_download(request: HttpRequest, pk: int) -> FileResponse:
    try:
        edition = selectors.get_done_edition(pk)
        handle = edition.file.open("rb")
    except (NotFound, OSError, ValueError) as error:
        raise Http404 from error
    date = (edition.finished_at or edition.created_at).date()
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"vademecum-{edition.language}-{date:%Y-%m-%d}.pdf",
        content_type="application/pdf",
    )


class EditionRequestForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the edition"), choices=settings.LANGUAGES)


def _staff_rows() -> list[dict[str, Any]]:
    """Per language: the newest edition asked for, and the newest ready one."""
    newest = {e.language: e for e in selectors.latest_editions()}
    ready = {e.language: e for e in selectors.done_editions()}
    return [
        {
            "code": code,
            "language": pdf.language_label(code),
            "current": newest.get(code),
            "ready": ready.get(code),
        }
        for code in language_codes()
    ]


@editor_required
@form_methods
def staff_editions(request: HttpRequest) -> HttpResponse:
    form = EditionRequestForm(*posted(request))
    return form_view(
        request,
        form=form,
        save=lambda: services.request_edition(
            actor=request.user, language=form.cleaned_data["language"]
        ),
        success_message=_("The edition is queued: its progress shows below."),
        success_url=lambda edition: reverse("staff_practices:editions"),
        context={"rows": _staff_rows()},
        template="practices/pdf/staff_editions.html",
    )


@editor_required
@require_safe
def edition_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The state of one edition: an htmx fragment polled while it is built, or a page."""
    try:
        edition = VademecumEdition.objects.get(pk=pk)
    except VademecumEdition.DoesNotExist as error:
        raise Http404 from error
    context = {"edition": edition, "language": pdf.language_label(edition.language)}
    if getattr(request, "htmx", False):
        return render(request, "practices/pdf/_edition_status.html", context)
    return render(request, "practices/pdf/edition_status.html", context)
