"""The staff pages where sheets are written and translated.

Any staff member writes a new sheet for one of their centres (editors for any centre they edit).
The author changes a draft or a sheet sent back for changes; editors change any sheet until it is
archived. A translator writes one language beside the original text; the translator marks it
ready, an editor publishes it. Each save carries the version the person started from: when
someone else saved in between, the form comes back (409) with the person's input kept and nothing
is overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from cocade.core.errors import Conflict, DomainError, Forbidden, NotFound, apply_to_form
from cocade.core.i18n import language_codes
from cocade.core.markdown import render_markdown
from cocade.core.viewflow import forbidden, form_methods, posted, run_action
from cocade.directory.models import Centre
from cocade.practices import rules, selectors
from cocade.practices.enums import PracticeStatus, TranslationStatus
from cocade.practices.forms.sheets import PracticeForm, TranslationForm, TranslationStatusForm
from cocade.practices.models import Practice, PracticeTranslation
from cocade.practices.services import sheets as sheet_services
from cocade.practices.services import translations as translation_services

FORM_TEMPLATE = "practices/sheets/form.html"
TRANSLATE_TEMPLATE = "practices/sheets/translate.html"

_STAFF_ONLY = _("Only the staff of a Cité des métiers write practice sheets.")
_CANNOT_EDIT = _(
    "This sheet cannot be changed now: its author changes it while it is a draft or sent back "
    "for changes, and the editors until it is archived."
)
_CANNOT_CHANGE_TRANSLATION = _("Only its translator or an editor can change this translation.")
_ONLY_STAFF_TRANSLATE = _("Only the network's staff translate sheets.")

#: The status buttons of a translation: (from, to, label, editors only).
STATUS_ACTIONS: tuple[tuple[str, str, Any, bool], ...] = (
    (TranslationStatus.DRAFT, TranslationStatus.READY, _("Mark as ready for checking"), False),
    (TranslationStatus.READY, TranslationStatus.DRAFT, _("Back to translating"), False),
    (TranslationStatus.READY, TranslationStatus.PUBLISHED, _("Publish the translation"), True),
    (TranslationStatus.PUBLISHED, TranslationStatus.READY, _("Take the translation offline"), True),
)


# --- Helpers ------------------------------------------------------------------------------------


def _practice(request: HttpRequest, pk: int) -> Practice:
    """The sheet if the user may see it (a published one, or one they author, edit or review)."""
    try:
        return selectors.get_practice_for_user(request.user, pk, workflow=False)
    except NotFound as error:
        raise Http404 from error


def _language(language: str) -> str:
    if language not in language_codes():
        raise Http404
    return language


def language_label(code: str) -> str:
    """A language's name in the reader's language ("Portuguese", "portugais")."""
    return str(get_language_info(code)["name_translated"])


def _version_of(form: Any) -> int:
    """The version the person started from; a form without one (sent again after the text was
    created, or tampered with) matches no version, so the service refuses it as stale."""
    return form.cleaned_data.get("lock_version") or 0


def _detail_url(practice: Practice) -> str:
    return reverse("staff_practices:detail", kwargs={"pk": practice.pk})


def _translate_url(practice: Practice, language: str) -> str:
    return reverse("staff_practices:translate", kwargs={"pk": practice.pk, "language": language})


def centres_for(user: Any) -> list[Centre]:
    """The centres a user may write a sheet for: where they work, and those whose sheets they
    edit (every centre for a coordinator or a network-wide editor)."""
    edited = rules.editor_centre_ids(user)
    if edited is None:
        queryset = Centre.objects.all()
    else:
        queryset = Centre.objects.filter(pk__in={*rules.staff_centre_ids(user), *edited})
    return list(queryset.order_by("slug"))


def _save_form(
    request: HttpRequest,
    *,
    form: Any,
    save: Callable[[], Any],
    success_message: Any,
    success_url: Callable[[Any], str],
    template: str,
    context: dict[str, Any],
) -> HttpResponse:
    """Show `form`; on a valid POST call the service and go on. Bad input answers 400 with the
    errors at their fields; a conflict (someone saved in between) answers 409 with the message on
    top and the person's input kept; a refusal answers 403 (404 out of scope)."""
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                result = save()
            except Forbidden as error:
                return forbidden(request, error.message)
            except NotFound as error:
                raise Http404 from error
            except Conflict as error:
                form.add_error(None, str(error.message))
                status = 409
                context = {**context, "conflict": error.code}
            except DomainError as error:
                apply_to_form(form, error)
            else:
                messages.success(request, success_message)
                return redirect(success_url(result))
    return render(request, template, {"form": form, **context}, status=status)


def _original_html(name: str, value: Any) -> SafeString:
    """The original text of one field, shown read-only beside the translation."""
    if name == "title":
        return format_html("<p>{}</p>", value)
    if name == "method_steps":
        if not value:
            return SafeString("")
        items = format_html_join("", "<li>{}</li>", ((render_markdown(step),) for step in value))
        return format_html("<ol>{}</ol>", items)
    return render_markdown(value)


def _status_actions(user: Any, practice: Practice, translation: PracticeTranslation) -> list[Any]:
    if not rules.can_edit_translation(user, practice, translation):
        return []
    is_editor = rules.is_editor_of(user, practice)
    return [
        {"status": target, "label": label}
        for current, target, label, editors_only in STATUS_ACTIONS
        if current == translation.status and (is_editor or not editors_only)
    ]


# --- Writing a sheet ----------------------------------------------------------------------------


@login_required
@form_methods
def create(request: HttpRequest) -> HttpResponse:
    if not rules.is_staff_member(request.user):
        return forbidden(request, _STAFF_ONLY)
    form = PracticeForm(*posted(request), centres=centres_for(request.user))
    return _save_form(
        request,
        form=form,
        save=lambda: sheet_services.create_practice(
            actor=request.user,
            sheet=form.sheet(),
            texts=form.texts(),
            competences=form.linked_competences(),
        ),
        success_message=_("The sheet was saved as a draft."),
        success_url=_detail_url,
        template=FORM_TEMPLATE,
        context={
            "title": _("New practice sheet"),
            "intro": _(
                "Describe a practice that works in your centre so that other centres can reuse "
                "it. Only the title, the summary, the centre, the language and the type are "
                "needed to save a draft; you can complete it later."
            ),
            "submit_label": _("Save the draft"),
            "back_url": reverse("staff_practices:home"),
        },
    )


@login_required
@form_methods
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    practice = _practice(request, pk)
    if not rules.can_edit_practice(request.user, practice):
        return forbidden(request, _CANNOT_EDIT)
    form = PracticeForm(*posted(request), practice=practice)
    return _save_form(
        request,
        form=form,
        save=lambda: sheet_services.update_practice(
            actor=request.user,
            practice=practice,
            expected_version=_version_of(form),
            sheet=form.sheet(),
            texts=form.texts(),
            competences=form.linked_competences(),
        ),
        success_message=(
            _("The sheet was saved; its followers will be told of the new version.")
            if practice.status == PracticeStatus.PUBLISHED
            else _("The sheet was saved.")
        ),
        success_url=_detail_url,
        template=FORM_TEMPLATE,
        context={
            "title": _("Edit the sheet"),
            "practice": practice,
            "centre_name": practice.centre.name_i18n,
            "language_name": language_label(practice.original_language),
            "submit_label": _("Save"),
            "back_url": _detail_url(practice),
        },
    )


# --- Translations -------------------------------------------------------------------------------


@login_required
@form_methods
def translate(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    language = _language(language)
    practice = _practice(request, pk)
    if language == practice.original_language:
        return redirect("staff_practices:edit", pk=practice.pk)
    translation = practice.translation(language)
    original = practice.original
    if translation is None:
        if not rules.can_translate(request.user, practice):
            return forbidden(request, _ONLY_STAFF_TRANSLATE)
        if practice.status == PracticeStatus.ARCHIVED:
            return render(
                request,
                "core/refused.html",
                {
                    "message": _("An archived sheet is not translated."),
                    "back_url": _detail_url(practice),
                },
                status=409,
            )
        form = TranslationForm(*posted(request), language=language)

        def save() -> PracticeTranslation:
            return translation_services.start_translation(
                actor=request.user, practice=practice, language=language, texts=form.texts()
            )

        success_message = _("The translation was started; mark it ready when it is finished.")
    else:
        if not rules.can_edit_translation(request.user, practice, translation):
            return forbidden(request, _CANNOT_CHANGE_TRANSLATION)
        form = TranslationForm(*posted(request), language=language, translation=translation)
        existing = translation

        def save() -> PracticeTranslation:
            return translation_services.update_translation(
                actor=request.user,
                translation=existing,
                expected_version=_version_of(form),
                texts=form.texts(),
            )

        success_message = _("The translation was saved.")
    sections = [
        {
            "legend": fieldset["legend"],
            "rows": [
                {
                    "field": field,
                    "original": _original_html(field.name, getattr(original, field.name, "")),
                }
                for field in fieldset["fields"]
            ],
        }
        for fieldset in form.fieldsets()
    ]
    return _save_form(
        request,
        form=form,
        save=save,
        success_message=success_message,
        success_url=lambda result: _translate_url(practice, result.language),
        template=TRANSLATE_TEMPLATE,
        context={
            "practice": practice,
            "original": original,
            "translation": translation,
            "language": language,
            "language_name": language_label(language),
            "original_language": practice.original_language,
            "original_language_name": language_label(practice.original_language),
            "sections": sections,
            "status_actions": (
                _status_actions(request.user, practice, translation) if translation else []
            ),
            "title": (
                _("Translate the sheet into %(language)s")
                if translation is None
                else _("Translation into %(language)s")
            )
            % {"language": language_label(language)},
            "submit_label": _("Start the translation") if translation is None else _("Save"),
            "back_url": _detail_url(practice),
        },
    )


@login_required
@require_POST
def translation_status(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    language = _language(language)
    practice = _practice(request, pk)
    translation = practice.translation(language)
    if translation is None:
        raise Http404
    if not rules.can_edit_translation(request.user, practice, translation):
        return forbidden(request, _CANNOT_CHANGE_TRANSLATION)
    back_url = _translate_url(practice, language)
    form = TranslationStatusForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "core/refused.html",
            {"message": _("Choose a status for the translation."), "back_url": back_url},
            status=400,
        )
    status = form.cleaned_data["status"]
    return run_action(
        request,
        action=lambda: translation_services.set_translation_status(
            actor=request.user, translation=translation, status=status
        ),
        success_message=_("The translation is now “%(status)s”.")
        % {"status": TranslationStatus(status).label},
        next_url=back_url,
    )
