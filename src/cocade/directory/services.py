"""Writes of the directory. HTML views, the API and commands all call these."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocade.core.audit import record_action
from cocade.core.errors import Forbidden, InvalidInput
from cocade.core.services import delete_with_audit, save_with_audit
from cocade.directory import rules as directory_rules
from cocade.directory.enums import LABEL_TRANSITIONS, LabelStatus
from cocade.directory.models import (
    Centre,
    LabelStatusChange,
    Network,
    PartnerOrganisation,
    Partnership,
    Person,
    Pole,
    Position,
    Site,
    SiteService,
)

CENTRE_FIELDS = (
    "slug",
    "name",
    "description",
    "original_language",
    "country",
    "city",
    "carrier",
    "opened_on",
    "languages",
    "logo",
    "website",
    "email",
    "phone",
    "is_published",
)
SITE_FIELDS = (
    "kind",
    "slug",
    "name",
    "original_language",
    "address",
    "postcode",
    "commune",
    "latitude",
    "longitude",
    "opening_hours",
    "accessibility",
    "step_free_access",
    "phone",
    "email",
    "is_published",
)
POLE_FIELDS = ("code", "name", "description", "original_language", "position")
PARTNERSHIP_FIELDS = ("partner", "hours_per_week", "starts_on", "ends_on")
PARTNER_FIELDS = ("slug", "name", "kind", "country", "website", "description", "original_language")
SITE_SERVICE_FIELDS = ("service_type", "pole", "partner", "details", "original_language")
POSITION_FIELDS = ("title", "original_language", "starts_on", "ends_on", "is_public", "partner")


def _ensure_can_manage(actor: Any, centre: Centre) -> None:
    if not directory_rules.can_manage_centre(actor, centre):
        raise Forbidden(_("Only this centre's managers and the network coordinators may do this."))


# --- Centres and label ---------------------------------------------------------------------------


def create_centre(*, actor: Any, network: Network, data: Mapping[str, Any]) -> Centre:
    if not directory_rules.is_coordinator(actor):
        raise Forbidden(_("Only network coordinators may add a centre."))
    centre = Centre(network=network)
    return save_with_audit(
        actor=actor,
        instance=centre,
        changes=data,
        fields=CENTRE_FIELDS,
        action="directory.centre.created",
        centre_id=None,
    )


def update_centre(*, actor: Any, centre: Centre, data: Mapping[str, Any]) -> Centre:
    _ensure_can_manage(actor, centre)
    if (
        "is_published" in data
        and not directory_rules.is_coordinator(actor)
        and (bool(data["is_published"]) != centre.is_published)
    ):
        raise Forbidden(_("Only network coordinators may publish or unpublish a centre."))
    return save_with_audit(
        actor=actor,
        instance=centre,
        changes=data,
        fields=CENTRE_FIELDS,
        action="directory.centre.updated",
        centre_id=centre.pk,
    )


def record_label_status(
    *, actor: Any, centre: Centre, status: str, decided_on: datetime.date, note: str = ""
) -> LabelStatusChange:
    """Add a dated step to the label history, if the label may move there from where it is."""
    if not directory_rules.is_coordinator(actor):
        raise Forbidden(_("Only network coordinators may change a label status."))
    if status not in LabelStatus.values:
        raise InvalidInput(_("Unknown label status."), field="status")
    if decided_on > timezone.localdate():
        raise InvalidInput(_("The decision date cannot be in the future."), field="decided_on")
    with transaction.atomic():
        Centre.objects.select_for_update().filter(pk=centre.pk).first()
        latest = centre.label_history.order_by("-decided_on", "-id").first()
        current = latest.status if latest else ""
        if status not in LABEL_TRANSITIONS[current]:
            raise InvalidInput(
                _("The label cannot go from “%(current)s” to “%(status)s”.")
                % {
                    "current": LabelStatus(current).label if current else _("no label"),
                    "status": LabelStatus(status).label,
                },
                field="status",
            )
        if latest and decided_on < latest.decided_on:
            raise InvalidInput(
                _("The decision date is before the last step of the history (%(date)s).")
                % {"date": latest.decided_on.isoformat()},
                field="decided_on",
            )
        change = LabelStatusChange.objects.create(
            centre=centre,
            status=status,
            decided_on=decided_on,
            note=note.strip(),
            recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        record_action(
            actor=actor,
            action="directory.label_status.recorded",
            target=centre,
            centre_id=centre.pk,
            changes={
                "label_status": {"before": current or None, "after": status},
                "decided_on": {"before": None, "after": decided_on.isoformat()},
            },
        )
    return change


# --- Sites and their services --------------------------------------------------------------------


def create_site(*, actor: Any, centre: Centre, data: Mapping[str, Any]) -> Site:
    _ensure_can_manage(actor, centre)
    return save_with_audit(
        actor=actor,
        instance=Site(centre=centre),
        changes=data,
        fields=SITE_FIELDS,
        action="directory.site.created",
        centre_id=centre.pk,
    )


def update_site(*, actor: Any, site: Site, data: Mapping[str, Any]) -> Site:
    _ensure_can_manage(actor, site.centre)
    return save_with_audit(
        actor=actor,
        instance=site,
        changes=data,
        fields=SITE_FIELDS,
        action="directory.site.updated",
        centre_id=site.centre_id,
    )


def delete_site(*, actor: Any, site: Site) -> None:
    _ensure_can_manage(actor, site.centre)
    delete_with_audit(
        actor=actor,
        instance=site,
        fields=("slug", "name", "commune"),
        action="directory.site.deleted",
        centre_id=site.centre_id,
    )


def _check_same_centre(
    centre: Centre, *, pole: Pole | None = None, poles: Iterable[Pole] = ()
) -> None:
    for item in ([pole] if pole else []) + list(poles):
        if item.centre_id != centre.pk:
            raise InvalidInput(_("This pôle belongs to another centre."), field="pole")


def save_site_service(
    *, actor: Any, site: Site, data: Mapping[str, Any], service: SiteService | None = None
) -> SiteService:
    _ensure_can_manage(actor, site.centre)
    _check_same_centre(site.centre, pole=data.get("pole"))
    is_new = service is None
    service = service or SiteService(site=site)
    return save_with_audit(
        actor=actor,
        instance=service,
        changes=data,
        fields=SITE_SERVICE_FIELDS,
        action="directory.site_service.created" if is_new else "directory.site_service.updated",
        centre_id=site.centre_id,
    )


def delete_site_service(*, actor: Any, service: SiteService) -> None:
    _ensure_can_manage(actor, service.site.centre)
    delete_with_audit(
        actor=actor,
        instance=service,
        fields=("site", "service_type"),
        action="directory.site_service.deleted",
        centre_id=service.site.centre_id,
    )


# --- Pôles ---------------------------------------------------------------------------------------


def create_pole(*, actor: Any, centre: Centre, data: Mapping[str, Any]) -> Pole:
    _ensure_can_manage(actor, centre)
    return save_with_audit(
        actor=actor,
        instance=Pole(centre=centre),
        changes=data,
        fields=POLE_FIELDS,
        action="directory.pole.created",
        centre_id=centre.pk,
    )


def update_pole(*, actor: Any, pole: Pole, data: Mapping[str, Any]) -> Pole:
    _ensure_can_manage(actor, pole.centre)
    return save_with_audit(
        actor=actor,
        instance=pole,
        changes=data,
        fields=POLE_FIELDS,
        action="directory.pole.updated",
        centre_id=pole.centre_id,
    )


# --- Partners and partnerships -------------------------------------------------------------------


def save_partner_organisation(
    *, actor: Any, data: Mapping[str, Any], partner: PartnerOrganisation | None = None
) -> PartnerOrganisation:
    if not actor.has_perm("directory.change_partner"):
        raise Forbidden(_("Only managers and coordinators may edit partner organisations."))
    is_new = partner is None
    return save_with_audit(
        actor=actor,
        instance=partner or PartnerOrganisation(),
        changes=data,
        fields=PARTNER_FIELDS,
        action="directory.partner.created" if is_new else "directory.partner.updated",
        centre_id=None,
    )


def save_partnership(
    *,
    actor: Any,
    centre: Centre,
    data: Mapping[str, Any],
    poles: Iterable[Pole] = (),
    partnership: Partnership | None = None,
) -> Partnership:
    _ensure_can_manage(actor, centre)
    poles = list(poles)
    _check_same_centre(centre, poles=poles)
    is_new = partnership is None
    return save_with_audit(
        actor=actor,
        instance=partnership or Partnership(centre=centre),
        changes=data,
        fields=PARTNERSHIP_FIELDS,
        m2m={"poles": poles},
        action="directory.partnership.created" if is_new else "directory.partnership.updated",
        centre_id=centre.pk,
    )


# --- People and positions ------------------------------------------------------------------------


def save_position(
    *,
    actor: Any,
    centre: Centre,
    data: Mapping[str, Any],
    person_name: str = "",
    person_email: str = "",
    position: Position | None = None,
) -> Position:
    """Record a position at `centre`; a new position names its holder (a new person)."""
    _ensure_can_manage(actor, centre)
    with transaction.atomic():
        if position is None:
            person_name = person_name.strip()
            if not person_name:
                raise InvalidInput(_("Give the person's name."), field="person_name")
            person = Person.objects.create(full_name=person_name[:150], email=person_email.strip())
            position = Position(centre=centre, person=person)
            action = "directory.position.created"
        else:
            action = "directory.position.updated"
        return save_with_audit(
            actor=actor,
            instance=position,
            changes=data,
            fields=POSITION_FIELDS,
            action=action,
            centre_id=centre.pk,
        )
