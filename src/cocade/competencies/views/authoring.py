"""The staff pages where the network's framework authors write, translate, publish and keep the
versions of the competency frameworks.

Only framework authors (network coordinators, network-wide editors) open these pages: others get
the 403 page. A published or superseded version never changes: its edit pages answer 409 with the
reason (GET and POST alike) and the services refuse it again under a row lock.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from cocade.competencies.enums import VersionStatus
from cocade.competencies.forms.authoring import (
    BlockForm,
    CompetenceForm,
    DescriptorsForm,
    ExpectedLevelsForm,
    FrameworkCreateForm,
    IndicatorsForm,
    LevelForm,
    LevelMoveForm,
    MappingsForm,
    VersionForm,
)
from cocade.competencies.interchange.data import MappingData, check_framework
from cocade.competencies.interchange.formats import format_choices
from cocade.competencies.models import Block, Competence, FrameworkVersion, ProficiencyLevel
from cocade.competencies.rules import is_framework_author
from cocade.competencies.selectors import authoring as authoring_selectors
from cocade.competencies.selectors.changes import version_changes as compare_versions
from cocade.competencies.selectors.frameworks import (
    get_framework,
    get_version_for_user,
    previous_version,
    version_as_data,
)
from cocade.competencies.services import authoring as services
from cocade.competencies.services import frameworks as framework_services
from cocade.competencies.views.common import forbidden, form_methods, form_view, posted
from cocade.core.errors import DomainError, Forbidden, NotFound

FORM_TEMPLATE = "competencies/authoring/form.html"

_AUTHORS_ONLY = _("Only the network's framework authors may change frameworks.")


# --- Helpers ------------------------------------------------------------------------------------


def author_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in (else to the sign-in page) and a framework author (else the 403 page)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_framework_author(request.user):
            return forbidden(request, _AUTHORS_ONLY)
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def _version(request: HttpRequest, slug: str, number: int) -> FrameworkVersion:
    try:
        return get_version_for_user(request.user, slug, number)
    except NotFound as error:
        raise Http404 from error


def _item(model: type[Any], version: FrameworkVersion, pk: int) -> Any:
    try:
        return model.objects.get(pk=pk, version=version)
    except model.DoesNotExist as error:
        raise Http404 from error


def _version_url(version: FrameworkVersion, name: str = "version") -> str:
    return reverse(
        f"staff_competencies:{name}",
        kwargs={"slug": version.framework.slug, "number": version.number},
    )


def _anchor(version: FrameworkVersion, anchor: str) -> str:
    return f"{_version_url(version)}#{anchor}"


def _refused(
    request: HttpRequest, error: DomainError, back_url: str, *, status: int | None = None
) -> HttpResponse:
    """The page that says why nothing was done (409 for a state conflict, 4xx otherwise), with
    the list of problems when the error carries one."""
    return render(
        request,
        "competencies/authoring/refused.html",
        {
            "message": error.message,
            "problems": error.detail.get("problems", []),
            "back_url": back_url,
        },
        status=status or (error.status if 400 <= error.status < 500 else 400),
    )


def _not_editable(request: HttpRequest, version: FrameworkVersion) -> HttpResponse | None:
    """The 409 page when `version` is no longer a draft, before any form is shown or parsed."""
    if version.status == VersionStatus.DRAFT:
        return None
    try:
        services.ensure_editable(version)
    except DomainError as error:
        return _refused(request, error, _version_url(version))
    return None  # pragma: no cover - it became a draft again: impossible


def _action(
    request: HttpRequest,
    *,
    action: Callable[[], Any],
    success_message: Any,
    success_url: Callable[[Any], str],
    back_url: str,
) -> HttpResponse:
    """A POST button: call the service and go on, or show why it was refused."""
    try:
        result = action()
    except Forbidden as error:
        return forbidden(request, error.message)
    except NotFound as error:
        raise Http404 from error
    except DomainError as error:
        return _refused(request, error, back_url)
    messages.success(request, success_message)
    return redirect(success_url(result))


def _form_page(
    request: HttpRequest,
    version: FrameworkVersion,
    *,
    form: Any,
    save: Callable[[], Any],
    success_message: Any,
    success_url: Callable[[Any], str],
    title: Any,
    submit_label: Any,
    back_url: str | None = None,
    template: str = FORM_TEMPLATE,
    **context: Any,
) -> HttpResponse:
    return form_view(
        request,
        form=form,
        save=save,
        success_message=success_message,
        success_url=success_url,
        template=template,
        context={
            "title": title,
            "version": version,
            "submit_label": submit_label,
            "back_url": back_url or _version_url(version),
            **context,
        },
    )


# --- Frameworks and versions --------------------------------------------------------------------


@author_required
@require_safe
def frameworks(request: HttpRequest) -> HttpResponse:
    framework_list = authoring_selectors.frameworks_with_versions()
    ids = [version.pk for framework in framework_list for version in framework.all_versions]
    languages = authoring_selectors.complete_languages(ids)
    for framework in framework_list:
        for version in framework.all_versions:
            version.complete_languages = languages[version.pk]
        framework.has_draft = any(v.is_draft for v in framework.all_versions)
    return render(request, "competencies/authoring/frameworks.html", {"frameworks": framework_list})


@author_required
@form_methods
def framework_create(request: HttpRequest) -> HttpResponse:
    form = FrameworkCreateForm(*posted(request))
    return form_view(
        request,
        form=form,
        save=lambda: services.create_framework(actor=request.user, **form.arguments()),
        success_message=_("The framework was created with an empty draft, version 1."),
        success_url=_version_url,
        template=FORM_TEMPLATE,
        context={
            "title": _("New framework"),
            "intro": _(
                "A framework starts as an empty draft: add its scale, blocks and competences, "
                "then publish it."
            ),
            "submit_label": _("Create the framework"),
            "back_url": reverse("staff_competencies:frameworks"),
        },
    )


@author_required
@require_safe
def version(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    current = _version(request, slug, number)
    data = version_as_data(current)  # also prefetches the tree on `current`
    authoring_selectors.decorate_tree(current)
    has_draft = current.framework.versions.filter(status=VersionStatus.DRAFT).exists()
    return render(
        request,
        "competencies/authoring/version.html",
        {
            "version": current,
            "data": data,
            "levels": current.tree_levels,
            "blocks": current.tree_blocks,
            "coverage": authoring_selectors.language_coverage(data),
            "complete_languages": data.languages(),
            "problems": check_framework(data) if current.is_draft else [],
            "previous": previous_version(current),
            "can_start_draft": not has_draft,
            "export_formats": format_choices(),
        },
    )


@author_required
@form_methods
def version_edit(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    current = _version(request, slug, number)
    if refusal := _not_editable(request, current):
        return refusal
    form = VersionForm(
        data=posted(request)[0],
        initial={
            "title": current.title,
            "description": current.description,
            "change_note": current.change_note,
            "original_language": current.original_language,
        },
    )
    return _form_page(
        request,
        current,
        form=form,
        save=lambda: services.update_version(
            actor=request.user, version=current, data=form.changes()
        ),
        success_message=_("The version was saved."),
        success_url=_version_url,
        title=_("Edit the version's texts"),
        submit_label=_("Save"),
    )


@author_required
@require_POST
def version_publish(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    current = _version(request, slug, number)
    return _action(
        request,
        action=lambda: framework_services.publish_version(actor=request.user, version=current),
        success_message=_("The version was published; the previous one is now superseded."),
        success_url=_version_url,
        back_url=_version_url(current),
    )


@author_required
@require_POST
def version_delete(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    current = _version(request, slug, number)
    return _action(
        request,
        action=lambda: framework_services.delete_draft(actor=request.user, version=current),
        success_message=_("The draft was deleted."),
        success_url=lambda _result: reverse("staff_competencies:frameworks"),
        back_url=_version_url(current),
    )


@author_required
@require_POST
def draft_start(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        framework = get_framework(slug)
    except NotFound as error:
        raise Http404 from error
    return _action(
        request,
        action=lambda: framework_services.start_new_draft(actor=request.user, framework=framework),
        success_message=_("A new draft was started from the latest version."),
        success_url=_version_url,
        back_url=reverse("staff_competencies:frameworks"),
    )


@author_required
@require_safe
def version_changes(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    current = _version(request, slug, number)
    previous = previous_version(current)
    changes = compare_versions(
        version_as_data(previous) if previous is not None else None, version_as_data(current)
    )
    return render(
        request,
        "competencies/authoring/changes.html",
        {"version": current, "previous": previous, "changes": changes},
    )


# --- The scale ----------------------------------------------------------------------------------


@author_required
@form_methods
def level_create(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    current = _version(request, slug, number)
    if refusal := _not_editable(request, current):
        return refusal
    form = LevelForm(*posted(request))
    return _form_page(
        request,
        current,
        form=form,
        save=lambda: services.add_level(actor=request.user, version=current, data=form.changes()),
        success_message=_("The level was added at the top of the scale."),
        success_url=lambda _level: _anchor(current, "scale"),
        title=_("Add a level to the scale"),
        submit_label=_("Add the level"),
    )


@author_required
@form_methods
def level_edit(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    current = _version(request, slug, number)
    level = _item(ProficiencyLevel, current, pk)
    if refusal := _not_editable(request, current):
        return refusal
    form = LevelForm(
        data=posted(request)[0],
        initial={"code": level.code, "label": level.label, "description": level.description},
    )
    return _form_page(
        request,
        current,
        form=form,
        save=lambda: services.update_level(actor=request.user, level=level, data=form.changes()),
        success_message=_("The level was saved."),
        success_url=lambda _level: _anchor(current, "scale"),
        title=_("Edit the level"),
        submit_label=_("Save"),
    )


@author_required
@require_POST
def level_delete(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    current = _version(request, slug, number)
    level = _item(ProficiencyLevel, current, pk)
    return _action(
        request,
        action=lambda: services.delete_level(actor=request.user, level=level),
        success_message=_("The level was deleted; the levels above moved down one rank."),
        success_url=lambda _result: _anchor(current, "scale"),
        back_url=_version_url(current),
    )


@author_required
@require_POST
def level_move(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    current = _version(request, slug, number)
    level = _item(ProficiencyLevel, current, pk)
    if refusal := _not_editable(request, current):
        return refusal
    form = LevelMoveForm(request.POST)
    if not form.is_valid():
        return _refused(
            request,
            DomainError(_("Choose the rank to move the level to.")),
            _version_url(current),
            status=400,
        )
    return _action(
        request,
        action=lambda: services.move_level(
            actor=request.user, level=level, rank=form.cleaned_data["rank"]
        ),
        success_message=_("The level was moved."),
        success_url=lambda _result: _anchor(current, "scale"),
        back_url=_version_url(current),
    )


# --- Blocks -------------------------------------------------------------------------------------


@author_required
@form_methods
def block_create(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    current = _version(request, slug, number)
    if refusal := _not_editable(request, current):
        return refusal
    form = BlockForm(*posted(request))
    return _form_page(
        request,
        current,
        form=form,
        save=lambda: services.add_block(actor=request.user, version=current, data=form.changes()),
        success_message=_("The block was added."),
        success_url=lambda block: _anchor(current, f"block-{block.pk}"),
        title=_("Add a block"),
        submit_label=_("Add the block"),
    )


@author_required
@form_methods
def block_edit(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    current = _version(request, slug, number)
    block = _item(Block, current, pk)
    if refusal := _not_editable(request, current):
        return refusal
    form = BlockForm(
        data=posted(request)[0],
        initial={
            "code": block.code,
            "title": block.title,
            "description": block.description,
            "position": block.position,
        },
    )
    return _form_page(
        request,
        current,
        form=form,
        save=lambda: services.update_block(actor=request.user, block=block, data=form.changes()),
        success_message=_("The block was saved."),
        success_url=lambda saved: _anchor(current, f"block-{saved.pk}"),
        title=_("Edit the block %(code)s") % {"code": block.code},
        submit_label=_("Save"),
    )


@author_required
@require_POST
def block_delete(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    current = _version(request, slug, number)
    block = _item(Block, current, pk)
    return _action(
        request,
        action=lambda: services.delete_block(actor=request.user, block=block),
        success_message=_("The block and its competences were deleted."),
        success_url=lambda _result: _version_url(current),
        back_url=_version_url(current),
    )


# --- Competences --------------------------------------------------------------------------------


def _competence_url(competence: Competence) -> str:
    return _anchor(competence.version, f"competence-{competence.pk}")


@author_required
@form_methods
def competence_create(request: HttpRequest, slug: str, number: int, block_pk: int) -> HttpResponse:
    current = _version(request, slug, number)
    block = _item(Block, current, block_pk)
    if refusal := _not_editable(request, current):
        return refusal
    form = CompetenceForm(*posted(request))
    return _form_page(
        request,
        current,
        form=form,
        save=lambda: services.add_competence(actor=request.user, block=block, data=form.changes()),
        success_message=_("The competence was added."),
        success_url=_competence_url,
        title=_("Add a competence to the block %(code)s") % {"code": block.code},
        submit_label=_("Add the competence"),
    )


def _competence_page(
    request: HttpRequest, slug: str, number: int, pk: int
) -> tuple[FrameworkVersion, Competence, HttpResponse | None]:
    current = _version(request, slug, number)
    competence = _item(Competence, current, pk)
    return current, competence, _not_editable(request, current)


def _competence_context(competence: Competence, step: str) -> dict[str, Any]:
    return {"competence": competence, "step": step, "back_url": _competence_url(competence)}


@author_required
@form_methods
def competence_edit(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    current, competence, refusal = _competence_page(request, slug, number, pk)
    if refusal:
        return refusal
    form = CompetenceForm(
        *posted(request),
        blocks=list(current.blocks.order_by("position", "code")),
        initial={
            "block": competence.block_id,
            "code": competence.code,
            "title": competence.title,
            "description": competence.description,
            "position": competence.position,
        },
    )
    return _form_page(
        request,
        current,
        form=form,
        save=lambda: services.update_competence(
            actor=request.user, competence=competence, data=form.changes()
        ),
        success_message=_("The competence was saved."),
        success_url=_competence_url,
        title=_("Edit the competence %(code)s") % {"code": competence.code},
        submit_label=_("Save"),
        **_competence_context(competence, "texts"),
    )


@author_required
@form_methods
def competence_indicators(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    current, competence, refusal = _competence_page(request, slug, number, pk)
    if refusal:
        return refusal
    form = IndicatorsForm(
        *posted(request), indicators=[dict(i.text) for i in competence.indicators.all()]
    )
    return _form_page(
        request,
        current,
        form=form,
        save=lambda: services.replace_indicators(
            actor=request.user, competence=competence, indicators=form.indicators()
        ),
        success_message=_("The indicators were saved."),
        success_url=lambda _rows: _competence_url(competence),
        title=_("Indicators of %(code)s") % {"code": competence.code},
        intro=_(
            "Observable behaviours that show the competence. Empty the texts of an indicator "
            "to remove it; fill an empty one to add it."
        ),
        submit_label=_("Save the indicators"),
        **_competence_context(competence, "indicators"),
    )


@author_required
@form_methods
def competence_descriptors(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    current, competence, refusal = _competence_page(request, slug, number, pk)
    if refusal:
        return refusal
    levels = list(current.levels.order_by("rank"))
    codes = {level.pk: level.code for level in levels}
    form = DescriptorsForm(
        *posted(request),
        levels=levels,
        current={codes[d.level_id]: dict(d.text) for d in competence.descriptors.all()},
    )
    return _form_page(
        request,
        current,
        form=form,
        save=lambda: services.set_descriptors(
            actor=request.user, competence=competence, descriptors=form.descriptors()
        ),
        success_message=_("The level descriptors were saved."),
        success_url=lambda _rows: _competence_url(competence),
        title=_("Level descriptors of %(code)s") % {"code": competence.code},
        intro=_(
            "What each level of the scale looks like for this competence, where you want to "
            "say it. Leave a level empty for no descriptor."
        ),
        submit_label=_("Save the descriptors"),
        **_competence_context(competence, "descriptors"),
    )


@author_required
@form_methods
def competence_expected(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    current, competence, refusal = _competence_page(request, slug, number, pk)
    if refusal:
        return refusal
    levels = list(current.levels.order_by("rank"))
    codes = {level.pk: level.code for level in levels}
    form = ExpectedLevelsForm(
        *posted(request),
        levels=levels,
        current={e.profile: codes[e.level_id] for e in competence.expected_levels.all()},
    )
    return _form_page(
        request,
        current,
        form=form,
        save=lambda: services.set_expected_levels(
            actor=request.user, competence=competence, expected=form.expected()
        ),
        success_message=_("The expected levels were saved."),
        success_url=lambda _rows: _competence_url(competence),
        title=_("Expected levels of %(code)s") % {"code": competence.code},
        intro=_("The level expected at each stage of a counsellor's career."),
        submit_label=_("Save the expected levels"),
        **_competence_context(competence, "expected"),
    )


@author_required
@form_methods
def competence_mappings(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    current, competence, refusal = _competence_page(request, slug, number, pk)
    if refusal:
        return refusal
    form = MappingsForm(
        *posted(request),
        mappings=[
            MappingData(scheme=m.scheme, reference=m.reference, label=m.label)
            for m in competence.mappings.all()
        ],
    )
    return _form_page(
        request,
        current,
        form=form,
        save=lambda: services.replace_mappings(
            actor=request.user, competence=competence, mappings=form.mappings()
        ),
        success_message=_("The links to external references were saved."),
        success_url=lambda _rows: _competence_url(competence),
        title=_("External references of %(code)s") % {"code": competence.code},
        intro=_(
            "Items of the Cedefop 2009 practitioner competences (e.g. 1.5), NICE 2016 "
            "standards, or ESCO skill addresses (http://data.europa.eu/esco/skill/…). Empty the "
            "item and the label of a row to remove it."
        ),
        submit_label=_("Save the links"),
        template="competencies/authoring/mappings_form.html",
        **_competence_context(competence, "mappings"),
    )


@author_required
@require_POST
def competence_delete(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    current = _version(request, slug, number)
    competence = _item(Competence, current, pk)
    block_anchor = _anchor(current, f"block-{competence.block_id}")
    return _action(
        request,
        action=lambda: services.delete_competence(actor=request.user, competence=competence),
        success_message=_("The competence was deleted."),
        success_url=lambda _result: block_anchor,
        back_url=_version_url(current),
    )
