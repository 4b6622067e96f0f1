"""The staff space of the directory: centre dashboards, label status, audit log, and the forms
that edit sites, pôles, partnerships, positions and partner organisations.

Each view finds the centre in the user's staff scope (404 outside it), checks who may change it
(403 for a counsellor of that centre), parses a form, calls one service and maps its errors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cocade.accounts import selectors as account_selectors
from cocade.core.errors import DomainError, Forbidden, NotFound, apply_to_form
from cocade.core.models import AuditLogEntry
from cocade.directory import rules as directory_rules
from cocade.directory import selectors, services
from cocade.directory.enums import LabelStatus
from cocade.directory.forms import (
    CentreForm,
    LabelStatusForm,
    PartnerForm,
    PartnershipForm,
    PoleForm,
    PositionCreateForm,
    PositionForm,
    SiteForm,
    SiteServiceForm,
)
from cocade.directory.models import Centre, SiteService

AUDIT_PAGE_SIZE = 50
FORM_TEMPLATE = "directory/staff/form.html"

_MANAGERS_ONLY = _("Only this centre's managers and the network coordinators may do this.")
_COORDINATORS_ONLY = _("Only network coordinators may do this.")
_STAFF_ONLY = _("This page is for the staff of the network; your account has no staff role.")
_PARTNER_EDITORS_ONLY = _(
    "Only centre managers and network coordinators may edit partner organisations."
)

form_methods = require_http_methods(["GET", "HEAD", "POST"])


# --- Helpers ------------------------------------------------------------------------------------


def _forbidden(request: HttpRequest, message: Any) -> HttpResponse:
    return render(request, "directory/staff/forbidden.html", {"message": message}, status=403)


def _posted(request: HttpRequest, *, files: bool = False) -> tuple[Any, ...]:
    """The form data (and files) of a POST, or nothing for a GET: an empty POST is still bound."""
    if request.method != "POST":
        return (None, None) if files else (None,)
    return (request.POST, request.FILES) if files else (request.POST,)


def _label_display(status: str | None) -> str:
    return str(LabelStatus(status).label) if status in LabelStatus.values else ""


def _current_label_status(centre: Centre) -> str | None:
    """The status annotated by `Centre.objects.with_label_status()` (the staff selectors)."""
    return getattr(centre, "current_label_status", None)


def _dashboard_url(centre: Centre) -> str:
    return reverse("staff_directory:centre", kwargs={"slug": centre.slug})


def _form_view(
    request: HttpRequest,
    *,
    form: Any,
    save: Callable[[], Any],
    success_message: Any,
    success_url: Callable[[Any], str],
    context: dict[str, Any],
    instance: models.Model | None = None,
    template: str = FORM_TEMPLATE,
) -> HttpResponse:
    """Show `form`; on a valid POST call `save` (a service) and redirect, else answer 400 with
    the errors at their fields. A refused write answers 403; nothing is written either way."""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                result = save()
            except Forbidden as error:
                return _forbidden(request, error.message)
            except NotFound as error:
                raise Http404 from error
            except DomainError as error:
                apply_to_form(form, error)
                if instance is not None and instance.pk:
                    # The service set the typed values on the instance before refusing them.
                    instance.refresh_from_db()
            else:
                messages.success(request, success_message)
                return redirect(success_url(result))
        status = 400
    return render(request, template, {"form": form, **context}, status=status)


def _managed_centre(request: HttpRequest, slug: str) -> tuple[Centre, bool]:
    """The centre in the user's staff scope (404 outside it) and whether they may change it."""
    centre = selectors.get_centre_for_staff(request.user, slug)
    return centre, bool(directory_rules.can_manage_centre(request.user, centre))


def _change_rows(entry: AuditLogEntry) -> list[dict[str, str]]:
    """The changed fields of an audit entry, as text to show."""
    if not isinstance(entry.changes, dict):
        return []
    model = None
    if entry.content_type_id:
        model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
    rows = []
    for field, change in entry.changes.items():
        if isinstance(change, dict) and ("before" in change or "after" in change):
            before, after = change.get("before"), change.get("after")
        else:
            before, after = None, change
        rows.append(
            {
                "field": _field_label(model, str(field)),
                "before": _plain_text(before),
                "after": _plain_text(after),
            }
        )
    return rows


def _field_label(model: Any, name: str) -> str:
    """The field's name as the forms show it, when the entry's model still has that field."""
    try:
        field = model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        return name
    verbose_name = getattr(field, "verbose_name", None)
    return str(capfirst(verbose_name)) if verbose_name else name


def _plain_text(value: Any) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if value is True:
        return str(_("yes"))
    if value is False:
        return str(_("no"))
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_plain_text(item)}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(_plain_text(item) for item in value)
    return str(value)


# --- Centres ------------------------------------------------------------------------------------


@login_required
@require_safe
def centre_list(request: HttpRequest) -> HttpResponse:
    if not account_selectors.has_any_role(request.user):
        return _forbidden(request, _STAFF_ONLY)
    rows = [
        {"centre": centre, "label_status": _label_display(_current_label_status(centre))}
        for centre in selectors.centres_staffed_by(request.user)
    ]
    return render(
        request,
        "directory/staff/centre_list.html",
        {
            "rows": rows,
            "is_coordinator": account_selectors.is_network_coordinator(request.user),
        },
    )


@login_required
@form_methods
def centre_create(request: HttpRequest) -> HttpResponse:
    if not directory_rules.is_coordinator(request.user):
        return _forbidden(request, _("Only network coordinators may add a centre."))
    network = selectors.get_network()
    form = CentreForm(*_posted(request, files=True), can_publish=True)

    def save() -> Centre:
        if network is None:
            raise DomainError(_("The network itself is not set up yet."))
        return services.create_centre(actor=request.user, network=network, data=form.changes())

    return _form_view(
        request,
        form=form,
        save=save,
        success_message=_("The centre was added."),
        success_url=_dashboard_url,
        context={
            "title": _("Add a centre"),
            "multipart": True,
            "back_url": reverse("staff_directory:centres"),
            "submit_label": _("Add the centre"),
        },
    )


@login_required
@require_safe
def centre_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    centre, can_manage = _managed_centre(request, slug)
    # The centre comes from the staff selector: its related rows are in the user's scope.
    sites = centre.sites.prefetch_related(
        models.Prefetch(
            "services",
            queryset=SiteService.objects.select_related("service_type", "pole", "partner"),
        )
    )
    return render(
        request,
        "directory/staff/centre_dashboard.html",
        {
            "centre": centre,
            "can_manage": can_manage,
            "is_coordinator": directory_rules.is_coordinator(request.user),
            "label_status": _label_display(_current_label_status(centre)),
            "sites": list(sites),
            "poles": list(centre.poles.all()),
            "partnerships": list(
                centre.partnerships.select_related("partner").prefetch_related("poles")
            ),
            "positions": list(centre.positions.select_related("person", "partner")),
        },
    )


@login_required
@form_methods
def centre_edit(request: HttpRequest, slug: str) -> HttpResponse:
    centre, can_manage = _managed_centre(request, slug)
    if not can_manage:
        return _forbidden(request, _MANAGERS_ONLY)
    form = CentreForm(
        *_posted(request, files=True),
        instance=centre,
        can_publish=bool(directory_rules.is_coordinator(request.user)),
    )
    return _form_view(
        request,
        form=form,
        instance=centre,
        save=lambda: services.update_centre(actor=request.user, centre=centre, data=form.changes()),
        success_message=_("The centre was saved."),
        success_url=_dashboard_url,
        context={
            "title": _("Edit the centre “%(name)s”") % {"name": centre},
            "centre": centre,
            "multipart": True,
            "back_url": _dashboard_url(centre),
            "submit_label": _("Save"),
        },
    )


@login_required
@form_methods
def label_status(request: HttpRequest, slug: str) -> HttpResponse:
    centre = selectors.get_centre_for_staff(request.user, slug)
    if not directory_rules.is_coordinator(request.user):
        return _forbidden(request, _("Only network coordinators may change a label status."))
    history = list(selectors.label_history(centre))
    form = LabelStatusForm(*_posted(request), current=history[0].status if history else "")

    def save() -> Any:
        return services.record_label_status(
            actor=request.user,
            centre=centre,
            status=form.cleaned_data["status"],
            decided_on=form.cleaned_data["decided_on"],
            note=form.cleaned_data["note"],
        )

    return _form_view(
        request,
        form=form,
        save=save,
        success_message=_("The label status was recorded."),
        success_url=lambda change: reverse(
            "staff_directory:label_status", kwargs={"slug": centre.slug}
        ),
        template="directory/staff/label_status.html",
        context={"centre": centre, "history": history, "current": history[0] if history else None},
    )


@login_required
@require_safe
def audit_log(request: HttpRequest, slug: str) -> HttpResponse:
    centre, can_manage = _managed_centre(request, slug)
    if not can_manage:
        return _forbidden(request, _MANAGERS_ONLY)
    entries = selectors.audit_entries_for_centre(request.user, centre)
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [{"entry": entry, "changes": _change_rows(entry)} for entry in page]
    return render(
        request, "directory/staff/audit_log.html", {"centre": centre, "page": page, "rows": rows}
    )


# --- Sites and their services -------------------------------------------------------------------


@login_required
@form_methods
def site_create(request: HttpRequest, slug: str) -> HttpResponse:
    centre, can_manage = _managed_centre(request, slug)
    if not can_manage:
        return _forbidden(request, _MANAGERS_ONLY)
    form = SiteForm(*_posted(request), centre=centre)
    return _form_view(
        request,
        form=form,
        save=lambda: services.create_site(actor=request.user, centre=centre, data=form.changes()),
        success_message=_("The site was added."),
        success_url=lambda site: _dashboard_url(centre),
        context={
            "title": _("Add a site"),
            "centre": centre,
            "back_url": _dashboard_url(centre),
            "submit_label": _("Add the site"),
        },
    )


@login_required
@form_methods
def site_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    centre, can_manage = _managed_centre(request, slug)
    site = selectors.get_site_for_staff(request.user, centre, pk)
    if not can_manage:
        return _forbidden(request, _MANAGERS_ONLY)
    form = SiteForm(*_posted(request), instance=site, centre=centre)
    return _form_view(
        request,
        form=form,
        instance=site,
        save=lambda: services.update_site(actor=request.user, site=site, data=form.changes()),
        success_message=_("The site was saved."),
        success_url=lambda site: _dashboard_url(centre),
        context={
            "title": _("Edit the site “%(name)s”") % {"name": site},
            "centre": centre,
            "back_url": _dashboard_url(centre),
            "submit_label": _("Save"),
        },
    )


@login_required
@require_POST
def site_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    centre, _can_manage = _managed_centre(request, slug)
    site = selectors.get_site_for_staff(request.user, centre, pk)
    name = str(site)
    try:
        services.delete_site(actor=request.user, site=site)
    except Forbidden as error:
        return _forbidden(request, error.message)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The site “%(name)s” was deleted.") % {"name": name})
    return redirect(_dashboard_url(centre))


@login_required
@form_methods
def site_services(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    centre, can_manage = _managed_centre(request, slug)
    site = selectors.get_site_for_staff(request.user, centre, pk)
    if not can_manage:
        return _forbidden(request, _MANAGERS_ONLY)
    offered = list(site.services.select_related("service_type", "pole", "partner"))
    editing = None
    if request.method != "POST" and request.GET.get("service", "").isdigit():
        editing = next((s for s in offered if s.pk == int(request.GET["service"])), None)
        if editing is None:
            raise Http404
    form = SiteServiceForm(*_posted(request), instance=editing, centre=centre)

    def save() -> SiteService:
        existing = next(
            (s for s in offered if s.service_type_id == form.cleaned_data["service_type"].pk), None
        )
        return services.save_site_service(
            actor=request.user, site=site, data=form.changes(), service=existing
        )

    return _form_view(
        request,
        form=form,
        save=save,
        success_message=_("The service was saved."),
        success_url=lambda service: reverse(
            "staff_directory:site_services", kwargs={"slug": centre.slug, "pk": site.pk}
        ),
        template="directory/staff/site_services.html",
        context={"centre": centre, "site": site, "offered": offered, "editing": editing},
    )


@login_required
@require_POST
def site_service_delete(request: HttpRequest, slug: str, pk: int, service_pk: int) -> HttpResponse:
    centre, _can_manage = _managed_centre(request, slug)
    site = selectors.get_site_for_staff(request.user, centre, pk)
    service = site.services.select_related("service_type").filter(pk=service_pk).first()
    if service is None:
        raise Http404
    try:
        services.delete_site_service(actor=request.user, service=service)
    except Forbidden as error:
        return _forbidden(request, error.message)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The service was removed from this site."))
    return redirect("staff_directory:site_services", slug=centre.slug, pk=site.pk)


# --- Pôles --------------------------------------------------------------------------------------


@login_required
@form_methods
def pole_create(request: HttpRequest, slug: str) -> HttpResponse:
    centre, can_manage = _managed_centre(request, slug)
    if not can_manage:
        return _forbidden(request, _MANAGERS_ONLY)
    form = PoleForm(*_posted(request), centre=centre)
    return _form_view(
        request,
        form=form,
        save=lambda: services.create_pole(actor=request.user, centre=centre, data=form.changes()),
        success_message=_("The pôle was added."),
        success_url=lambda pole: _dashboard_url(centre),
        context={
            "title": _("Add a pôle"),
            "centre": centre,
            "back_url": _dashboard_url(centre),
            "submit_label": _("Add the pôle"),
        },
    )


@login_required
@form_methods
def pole_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    centre, can_manage = _managed_centre(request, slug)
    pole = selectors.get_pole_for_staff(request.user, centre, pk)
    if not can_manage:
        return _forbidden(request, _MANAGERS_ONLY)
    form = PoleForm(*_posted(request), instance=pole, centre=centre)
    return _form_view(
        request,
        form=form,
        instance=pole,
        save=lambda: services.update_pole(actor=request.user, pole=pole, data=form.changes()),
        success_message=_("The pôle was saved."),
        success_url=lambda pole: _dashboard_url(centre),
        context={
            "title": _("Edit the pôle “%(name)s”") % {"name": pole},
            "centre": centre,
            "back_url": _dashboard_url(centre),
            "submit_label": _("Save"),
        },
    )


# --- Partnerships -------------------------------------------------------------------------------


@login_required
@form_methods
def partnership_create(request: HttpRequest, slug: str) -> HttpResponse:
    centre, can_manage = _managed_centre(request, slug)
    if not can_manage:
        return _forbidden(request, _MANAGERS_ONLY)
    form = PartnershipForm(*_posted(request), centre=centre)
    return _form_view(
        request,
        form=form,
        save=lambda: services.save_partnership(
            actor=request.user, centre=centre, data=form.changes(), poles=form.poles()
        ),
        success_message=_("The partnership was added."),
        success_url=lambda partnership: _dashboard_url(centre),
        context={
            "title": _("Add a partnership"),
            "centre": centre,
            "back_url": _dashboard_url(centre),
            "submit_label": _("Add the partnership"),
            "intro": _(
                "A partner organisation that staffs some of the centre's pôles. "
                "If the partner is not in the list, add it to the partner "
                "organisations first."
            ),
        },
    )


@login_required
@form_methods
def partnership_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    centre, can_manage = _managed_centre(request, slug)
    partnership = selectors.get_partnership_for_staff(request.user, centre, pk)
    if not can_manage:
        return _forbidden(request, _MANAGERS_ONLY)
    form = PartnershipForm(*_posted(request), instance=partnership, centre=centre)
    return _form_view(
        request,
        form=form,
        instance=partnership,
        save=lambda: services.save_partnership(
            actor=request.user,
            centre=centre,
            data=form.changes(),
            poles=form.poles(),
            partnership=partnership,
        ),
        success_message=_("The partnership was saved."),
        success_url=lambda partnership: _dashboard_url(centre),
        context={
            "title": _("Edit the partnership with %(partner)s") % {"partner": partnership.partner},
            "centre": centre,
            "back_url": _dashboard_url(centre),
            "submit_label": _("Save"),
        },
    )


# --- Positions ----------------------------------------------------------------------------------


@login_required
@form_methods
def position_create(request: HttpRequest, slug: str) -> HttpResponse:
    centre, can_manage = _managed_centre(request, slug)
    if not can_manage:
        return _forbidden(request, _MANAGERS_ONLY)
    form = PositionCreateForm(*_posted(request))
    return _form_view(
        request,
        form=form,
        save=lambda: services.save_position(
            actor=request.user,
            centre=centre,
            data=form.changes(),
            person_name=form.cleaned_data["person_name"],
            person_email=form.cleaned_data["person_email"],
        ),
        success_message=_("The arrival was recorded."),
        success_url=lambda position: _dashboard_url(centre),
        context={
            "title": _("Record an arrival"),
            "centre": centre,
            "back_url": _dashboard_url(centre),
            "submit_label": _("Record"),
            "intro": _(
                "Someone who takes up a role at this centre. Announce it publicly "
                "only with the person's agreement."
            ),
        },
    )


@login_required
@form_methods
def position_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    centre, can_manage = _managed_centre(request, slug)
    position = selectors.get_position_for_staff(request.user, centre, pk)
    if not can_manage:
        return _forbidden(request, _MANAGERS_ONLY)
    form = PositionForm(*_posted(request), instance=position)
    return _form_view(
        request,
        form=form,
        instance=position,
        save=lambda: services.save_position(
            actor=request.user, centre=centre, data=form.changes(), position=position
        ),
        success_message=_("The position was saved."),
        success_url=lambda position: _dashboard_url(centre),
        context={
            "title": _("Position of %(person)s") % {"person": position.person},
            "centre": centre,
            "back_url": _dashboard_url(centre),
            "submit_label": _("Save"),
            "intro": _("To record a departure, set the end date."),
        },
    )


# --- Partner organisations ----------------------------------------------------------------------


def _may_edit_partners(request: HttpRequest) -> bool:
    return request.user.has_perm("directory.change_partner")


@login_required
@require_safe
def partner_list(request: HttpRequest) -> HttpResponse:
    if not _may_edit_partners(request):
        return _forbidden(request, _PARTNER_EDITORS_ONLY)
    return render(
        request,
        "directory/staff/partner_list.html",
        {"partners": list(selectors.partner_organisations())},
    )


@login_required
@form_methods
def partner_create(request: HttpRequest) -> HttpResponse:
    if not _may_edit_partners(request):
        return _forbidden(request, _PARTNER_EDITORS_ONLY)
    form = PartnerForm(*_posted(request))
    return _form_view(
        request,
        form=form,
        save=lambda: services.save_partner_organisation(actor=request.user, data=form.changes()),
        success_message=_("The partner organisation was added."),
        success_url=lambda partner: reverse("staff_directory:partners"),
        context={
            "title": _("Add a partner organisation"),
            "back_url": reverse("staff_directory:partners"),
            "submit_label": _("Add the partner organisation"),
        },
    )


@login_required
@form_methods
def partner_edit(request: HttpRequest, slug: str) -> HttpResponse:
    if not _may_edit_partners(request):
        return _forbidden(request, _PARTNER_EDITORS_ONLY)
    partner = selectors.partner_organisations().filter(slug=slug).first()
    if partner is None:
        raise Http404
    form = PartnerForm(*_posted(request), instance=partner)
    return _form_view(
        request,
        form=form,
        instance=partner,
        save=lambda: services.save_partner_organisation(
            actor=request.user, data=form.changes(), partner=partner
        ),
        success_message=_("The partner organisation was saved."),
        success_url=lambda partner: reverse("staff_directory:partners"),
        context={
            "title": _("Edit %(partner)s") % {"partner": partner.name},
            "back_url": reverse("staff_directory:partners"),
            "submit_label": _("Save"),
        },
    )
