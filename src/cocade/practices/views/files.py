"""A sheet's files and revisions.

Staff (the author, the editors, the assigned reviewers) list the files of a sheet and download
them, whatever its status; whoever may edit the sheet adds and removes them. They also list every
revision and compare any two. The public downloads the files of a published sheet, reads the
history of its published versions and compares two of those.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from cocade.core.errors import NotFound
from cocade.core.viewflow import forbidden, form_methods, form_view, posted, run_action
from cocade.practices import rules, selectors
from cocade.practices import selectors_revisions as revisions
from cocade.practices.enums import TranslationStatus
from cocade.practices.forms.files import AttachmentForm, CompareForm
from cocade.practices.models import Practice, PracticeAttachment
from cocade.practices.services import attachments as services

# --- helpers ------------------------------------------------------------------------------


def _staff_practice(request: HttpRequest, pk: int) -> Practice:
    try:
        return selectors.get_practice_for_user(request.user, pk)
    except NotFound as error:
        raise Http404 from error


def _published_practice(slug: str) -> Practice:
    try:
        return selectors.get_published_practice(slug)
    except NotFound as error:
        raise Http404 from error


def _attachment(practice: Practice, pk: int) -> PracticeAttachment:
    attachment = practice.attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    return attachment


def _public_title(practice: Practice) -> str:
    """The title in the reader's language when that translation is published, else the
    original title."""
    translation = practice.translation(get_language() or "")
    if translation is None or translation.status != TranslationStatus.PUBLISHED:
        translation = practice.original
    return translation.title if translation else practice.slug


def _staff_title(practice: Practice) -> str:
    original = practice.original
    return original.title if original else practice.slug


def _attachments_url(practice: Practice) -> str:
    return reverse("staff_practices:attachments", kwargs={"pk": practice.pk})


def serve_attachment(attachment: PracticeAttachment, *, private: bool) -> FileResponse:
    """The stored file with its checked content type: PDFs as a download, images inline; the
    browser is told never to guess another type."""
    name = attachment.file.name
    if not name:
        raise Http404
    try:
        handle = attachment.file.storage.open(name, "rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        content_type=attachment.content_type,
        as_attachment=not attachment.is_image,
        filename=attachment.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    if private:
        patch_cache_control(response, private=True, no_store=True)
    return response


def _compare_page(
    request: HttpRequest,
    practice: Practice,
    *,
    publication: bool,
    template: str,
    context: dict[str, Any],
) -> HttpResponse:
    """Two revisions side by side (?from=N&to=M): 400 with the form for a missing or malformed
    number, 404 for a number this sheet does not have (or that is not a published version)."""
    listed = (
        revisions.publication_history(practice) if publication else revisions.revisions_of(practice)
    )
    form = CompareForm(request.GET, numbers=sorted(r.number for r in listed))
    context = {"practice": practice, "form": form, "revisions": listed, **context}
    if not form.is_valid():
        return render(request, template, context, status=400)
    before = revisions.get_revision(practice, form.cleaned_data["from"], publication=publication)
    after = revisions.get_revision(practice, form.cleaned_data["to"], publication=publication)
    context.update(
        before=before,
        after=after,
        diffs=revisions.compare_revisions(before, after),
    )
    return render(request, template, context)


def _compare_form(listed: list[Any]) -> CompareForm:
    """An unbound form proposing the two newest revisions (the list is newest first)."""
    numbers = sorted(r.number for r in listed)
    initial = {}
    if numbers:
        initial = {"from": numbers[-2] if len(numbers) > 1 else numbers[-1], "to": numbers[-1]}
    return CompareForm(numbers=numbers, initial=initial)


# --- staff: attachments -------------------------------------------------------------------


@login_required
@form_methods
def attachments(request: HttpRequest, pk: int) -> HttpResponse:
    practice = _staff_practice(request, pk)
    can_edit = rules.can_edit_practice(request.user, practice)
    if request.method == "POST" and not can_edit:
        return forbidden(request, _("You cannot change the files of this sheet now."))
    files = list(practice.attachments.select_related("uploaded_by"))
    form = AttachmentForm(*posted(request, files=True))
    return form_view(
        request,
        form=form,
        save=lambda: services.add_attachment(
            actor=request.user,
            practice=practice,
            file=form.cleaned_data["file"],
            title=form.cleaned_data["title"],
        ),
        success_message=_("The file is attached to the sheet."),
        success_url=lambda attachment: _attachments_url(practice),
        template="practices/files/attachments.html",
        context={
            "practice": practice,
            "title": _staff_title(practice),
            "attachments": files,
            "can_edit": can_edit,
            "is_full": len(files) >= services.MAX_ATTACHMENTS,
            "max_attachments": services.MAX_ATTACHMENTS,
        },
    )


@login_required
@require_POST
def attachment_delete(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    practice = _staff_practice(request, pk)
    attachment = _attachment(practice, attachment_pk)
    return run_action(
        request,
        action=lambda: services.remove_attachment(actor=request.user, attachment=attachment),
        success_message=_("The file was removed from the sheet."),
        next_url=_attachments_url(practice),
    )


@login_required
@require_safe
def attachment_file(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponseBase:
    practice = _staff_practice(request, pk)
    return serve_attachment(_attachment(practice, attachment_pk), private=True)


# --- staff: revisions ---------------------------------------------------------------------


@login_required
@require_safe
def revision_list(request: HttpRequest, pk: int) -> HttpResponse:
    practice = _staff_practice(request, pk)
    listed = revisions.revisions_of(practice)
    return render(
        request,
        "practices/files/revisions.html",
        {
            "practice": practice,
            "title": _staff_title(practice),
            "revisions": listed,
            "form": _compare_form(listed),
        },
    )


@login_required
@require_safe
def revision_compare(request: HttpRequest, pk: int) -> HttpResponse:
    practice = _staff_practice(request, pk)
    try:
        return _compare_page(
            request,
            practice,
            publication=False,
            template="practices/files/compare.html",
            context={"title": _staff_title(practice), "public": False},
        )
    except NotFound as error:
        raise Http404 from error


# --- public -------------------------------------------------------------------------------


@require_safe
def public_attachment(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    practice = _published_practice(slug)
    return serve_attachment(_attachment(practice, pk), private=False)


@require_safe
def history(request: HttpRequest, slug: str) -> HttpResponse:
    practice = _published_practice(slug)
    listed = revisions.publication_history(practice)
    return render(
        request,
        "practices/files/history.html",
        {
            "practice": practice,
            "title": _public_title(practice),
            "revisions": listed,
            "form": _compare_form(listed),
        },
    )


@require_safe
def public_compare(request: HttpRequest, slug: str) -> HttpResponse:
    practice = _published_practice(slug)
    try:
        return _compare_page(
            request,
            practice,
            publication=True,
            template="practices/files/compare.html",
            context={"title": _public_title(practice), "public": True},
        )
    except NotFound as error:
        raise Http404 from error
