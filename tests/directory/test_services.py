"""Directory writes: permissions, validation, label transitions and the audit trail."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from cocade.core.errors import Forbidden, InvalidInput
from cocade.core.models import AuditLogEntry
from cocade.directory import services
from cocade.directory.enums import LabelStatus, SiteKind
from cocade.directory.models import (
    Centre,
    LabelStatusChange,
    PartnerOrganisation,
    Partnership,
    Person,
    Position,
    Site,
    SiteService,
)
from tests.factories.directory import (
    LabelStatusChangeFactory,
    PartnerOrganisationFactory,
    PoleFactory,
    ServiceTypeFactory,
    SiteFactory,
)


@pytest.fixture(autouse=True)
def _english():
    """Messages are compared in English (French is the default language)."""
    with translation.override("en"):
        yield


def site_values(site):
    return Site.objects.filter(pk=site.pk).values().get()


# --- Label status ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "new"),
    [
        (None, LabelStatus.INTEREST),
        (None, LabelStatus.LABELLED),
        (LabelStatus.INTEREST, LabelStatus.PROJECT),
        (LabelStatus.PREFIGURATION, LabelStatus.LABELLED),
        (LabelStatus.LABELLED, LabelStatus.CONFIRMED),
        (LabelStatus.RENEWED, LabelStatus.RENEWED),
        (LabelStatus.SUSPENDED, LabelStatus.LABELLED),
        (LabelStatus.WITHDRAWN, LabelStatus.INTEREST),
    ],
)
def test_record_label_status_allows_transition(coordinator, centre_a, current, new):
    if current:
        LabelStatusChangeFactory(
            centre=centre_a, status=current, decided_on=datetime.date(2020, 1, 1)
        )

    change = services.record_label_status(
        actor=coordinator,
        centre=centre_a,
        status=new,
        decided_on=datetime.date(2021, 1, 1),
        note=" ok ",
    )

    assert (change.status, change.decided_on, change.note, change.recorded_by) == (
        new,
        datetime.date(2021, 1, 1),
        "ok",
        coordinator,
    )
    assert Centre.objects.with_label_status().get(pk=centre_a.pk).current_label_status == new


@pytest.mark.parametrize(
    ("current", "new"),
    [
        (None, LabelStatus.SUSPENDED),
        (None, LabelStatus.WITHDRAWN),
        (LabelStatus.INTEREST, LabelStatus.LABELLED),
        (LabelStatus.LABELLED, LabelStatus.INTEREST),
        (LabelStatus.LABELLED, LabelStatus.LABELLED),
        (LabelStatus.WITHDRAWN, LabelStatus.RENEWED),
    ],
)
def test_record_label_status_refuses_transition(coordinator, centre_a, current, new):
    if current:
        LabelStatusChangeFactory(
            centre=centre_a, status=current, decided_on=datetime.date(2020, 1, 1)
        )
    count = LabelStatusChange.objects.count()

    with pytest.raises(InvalidInput) as error:
        services.record_label_status(
            actor=coordinator, centre=centre_a, status=new, decided_on=datetime.date(2021, 1, 1)
        )

    assert error.value.field == "status"
    assert LabelStatusChange.objects.count() == count
    assert AuditLogEntry.objects.count() == 0


def test_record_label_status_refuses_a_future_decision_date(coordinator, centre_a):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    with pytest.raises(InvalidInput) as error:
        services.record_label_status(
            actor=coordinator, centre=centre_a, status=LabelStatus.INTEREST, decided_on=tomorrow
        )

    assert (error.value.field, str(error.value.message)) == (
        "decided_on",
        "The decision date cannot be in the future.",
    )
    assert LabelStatusChange.objects.count() == 0


def test_record_label_status_refuses_a_date_before_the_last_step(coordinator, centre_a):
    LabelStatusChangeFactory(
        centre=centre_a, status=LabelStatus.LABELLED, decided_on=datetime.date(2022, 5, 1)
    )

    with pytest.raises(InvalidInput) as error:
        services.record_label_status(
            actor=coordinator,
            centre=centre_a,
            status=LabelStatus.CONFIRMED,
            decided_on=datetime.date(2022, 4, 30),
        )

    assert (error.value.field, str(error.value.message)) == (
        "decided_on",
        "The decision date is before the last step of the history (2022-05-01).",
    )


def test_record_label_status_refuses_an_unknown_status(coordinator, centre_a):
    with pytest.raises(InvalidInput) as error:
        services.record_label_status(
            actor=coordinator, centre=centre_a, status="gold", decided_on=datetime.date(2021, 1, 1)
        )

    assert error.value.field == "status"


@pytest.mark.parametrize("role", ["manager_a", "counsellor_a", "public_user"])
def test_record_label_status_by_non_coordinator_is_forbidden(request, centre_a, role):
    with pytest.raises(Forbidden):
        services.record_label_status(
            actor=request.getfixturevalue(role),
            centre=centre_a,
            status=LabelStatus.INTEREST,
            decided_on=datetime.date(2021, 1, 1),
        )

    assert (LabelStatusChange.objects.count(), AuditLogEntry.objects.count()) == (0, 0)


def test_record_label_status_writes_an_audit_entry(coordinator, centre_a):
    LabelStatusChangeFactory(
        centre=centre_a, status=LabelStatus.LABELLED, decided_on=datetime.date(2020, 1, 1)
    )

    services.record_label_status(
        actor=coordinator,
        centre=centre_a,
        status=LabelStatus.CONFIRMED,
        decided_on=datetime.date(2023, 3, 1),
    )

    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.centre_id, entry.object_id) == (
        "directory.label_status.recorded",
        coordinator,
        centre_a.pk,
        str(centre_a.pk),
    )
    assert entry.changes == {
        "label_status": {"before": "labelled", "after": "confirmed"},
        "decided_on": {"before": None, "after": "2023-03-01"},
    }


# --- Centres --------------------------------------------------------------------------------


def test_create_centre_by_coordinator_writes_an_audit_entry(coordinator, network):
    centre = services.create_centre(
        actor=coordinator,
        network=network,
        data={
            "slug": "cite-nouvelle",
            "name": {"fr": "Cité nouvelle"},
            "country": "PT",
            "city": "Lisboa",
        },
    )

    entry = AuditLogEntry.objects.get()
    assert (centre.network, centre.country.code) == (network, "PT")
    assert (entry.action, entry.centre_id, entry.object_id) == (
        "directory.centre.created",
        None,
        str(centre.pk),
    )
    assert entry.changes["country"] == {"before": None, "after": "PT"}


@pytest.mark.parametrize("role", ["manager_a", "counsellor_a"])
def test_create_centre_by_non_coordinator_is_forbidden(request, network, centre_a, role):
    with pytest.raises(Forbidden):
        services.create_centre(
            actor=request.getfixturevalue(role),
            network=network,
            data={"slug": "x", "name": {"fr": "X"}, "country": "FR", "city": "X"},
        )

    assert Centre.objects.count() == 1


def test_update_centre_by_manager_cannot_unpublish(manager_a, centre_a):
    with pytest.raises(Forbidden):
        services.update_centre(actor=manager_a, centre=centre_a, data={"is_published": False})

    assert Centre.objects.get(pk=centre_a.pk).is_published is True


def test_update_centre_by_manager_changes_country(manager_a, centre_a):
    services.update_centre(actor=manager_a, centre=centre_a, data={"country": "BE"})

    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.centre_id, entry.changes) == (
        "directory.centre.updated",
        centre_a.pk,
        {"country": {"before": "FR", "after": "BE"}},
    )


def test_update_centre_by_manager_of_other_centre_is_forbidden(manager_b, centre_a):
    with pytest.raises(Forbidden):
        services.update_centre(actor=manager_b, centre=centre_a, data={"city": "Ailleurs"})

    assert Centre.objects.get(pk=centre_a.pk).city == centre_a.city


# --- Sites ------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["manager_a", "coordinator"])
def test_update_site_by_manager_or_coordinator_writes_an_audit_entry(request, centre_a, role):
    actor = request.getfixturevalue(role)
    site = SiteFactory(centre=centre_a, commune="Pantin")

    services.update_site(actor=actor, site=site, data={"commune": "Bobigny"})

    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.centre_id, entry.object_id, entry.changes) == (
        "directory.site.updated",
        actor,
        centre_a.pk,
        str(site.pk),
        {"commune": {"before": "Pantin", "after": "Bobigny"}},
    )


@pytest.mark.parametrize("role", ["counsellor_a", "manager_b", "public_user"])
def test_update_site_by_others_is_forbidden(request, centre_a, role):
    site = SiteFactory(centre=centre_a, commune="Pantin")
    before = site_values(site)

    with pytest.raises(Forbidden):
        services.update_site(
            actor=request.getfixturevalue(role), site=site, data={"commune": "Bobigny"}
        )

    assert site_values(site) == before
    assert AuditLogEntry.objects.count() == 0


def test_update_site_with_latitude_out_of_range_is_refused_at_the_field(manager_a, centre_a):
    site = SiteFactory(centre=centre_a)
    before = site_values(site)

    with pytest.raises(InvalidInput) as error:
        services.update_site(actor=manager_a, site=site, data={"latitude": Decimal("123")})

    assert (error.value.field, error.value.detail) == (
        "latitude",
        {"latitude": ["Ensure this value is less than or equal to 90."]},
    )
    assert site_values(site) == before
    assert AuditLogEntry.objects.count() == 0


def test_update_site_refuses_fields_outside_the_list(manager_a, centre_a):
    site = SiteFactory(centre=centre_a)

    with pytest.raises(InvalidInput) as error:
        services.update_site(actor=manager_a, site=site, data={"centre": centre_a})

    assert error.value.field == "centre"


def test_create_site_with_duplicate_slug_is_refused(manager_a, centre_a):
    SiteFactory(centre=centre_a, slug="annexe")

    with pytest.raises(InvalidInput):
        services.create_site(
            actor=manager_a,
            centre=centre_a,
            data={
                "slug": "annexe",
                "name": {"fr": "Annexe"},
                "commune": "Pantin",
                "kind": SiteKind.SECONDARY,
            },
        )

    assert Site.objects.count() == 1
    assert AuditLogEntry.objects.count() == 0


def test_delete_site_writes_the_values_before(manager_a, centre_a):
    site = SiteFactory(centre=centre_a, slug="annexe", name={"fr": "Annexe"}, commune="Pantin")
    site_pk = site.pk

    services.delete_site(actor=manager_a, site=site)

    entry = AuditLogEntry.objects.get()
    assert Site.objects.count() == 0
    assert (entry.action, entry.centre_id, entry.object_id) == (
        "directory.site.deleted",
        centre_a.pk,
        str(site_pk),
    )
    assert entry.changes == {
        "slug": {"before": "annexe", "after": None},
        "name": {"before": {"fr": "Annexe"}, "after": None},
        "commune": {"before": "Pantin", "after": None},
    }


def test_delete_site_by_counsellor_is_forbidden(counsellor_a, centre_a):
    site = SiteFactory(centre=centre_a)

    with pytest.raises(Forbidden):
        services.delete_site(actor=counsellor_a, site=site)

    assert Site.objects.count() == 1


# --- Services at sites, pôles, partnerships ---------------------------------------------------


def test_save_site_service_refuses_pole_of_other_centre(manager_a, centre_a, centre_b):
    site = SiteFactory(centre=centre_a)

    with pytest.raises(InvalidInput) as error:
        services.save_site_service(
            actor=manager_a,
            site=site,
            data={
                "service_type": ServiceTypeFactory(),
                "pole": PoleFactory(centre=centre_b),
            },
        )

    assert (error.value.field, str(error.value.message)) == (
        "pole",
        "This pôle belongs to another centre.",
    )
    assert SiteService.objects.count() == 0


def test_save_site_service_writes_an_audit_entry(manager_a, centre_a):
    site = SiteFactory(centre=centre_a)
    pole = PoleFactory(centre=centre_a)

    service = services.save_site_service(
        actor=manager_a,
        site=site,
        data={
            "service_type": ServiceTypeFactory(),
            "pole": pole,
        },
    )

    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.centre_id, entry.object_id) == (
        "directory.site_service.created",
        centre_a.pk,
        str(service.pk),
    )
    assert entry.changes["pole"] == {"before": None, "after": pole.pk}


def test_save_partnership_refuses_pole_of_other_centre(manager_a, centre_a, centre_b):
    with pytest.raises(InvalidInput):
        services.save_partnership(
            actor=manager_a,
            centre=centre_a,
            data={"partner": PartnerOrganisationFactory(), "starts_on": datetime.date(2024, 1, 1)},
            poles=[PoleFactory(centre=centre_a), PoleFactory(centre=centre_b)],
        )

    assert Partnership.objects.count() == 0
    assert AuditLogEntry.objects.count() == 0


def test_save_partnership_ending_before_start_is_refused(manager_a, centre_a):
    with pytest.raises(InvalidInput):
        services.save_partnership(
            actor=manager_a,
            centre=centre_a,
            data={
                "partner": PartnerOrganisationFactory(),
                "starts_on": datetime.date(2024, 1, 1),
                "ends_on": datetime.date(2023, 1, 1),
            },
        )

    assert Partnership.objects.count() == 0


def test_create_pole_by_counsellor_is_forbidden(counsellor_a, centre_a):
    with pytest.raises(Forbidden):
        services.create_pole(
            actor=counsellor_a, centre=centre_a, data={"code": "emploi", "name": {"fr": "Emploi"}}
        )

    assert centre_a.poles.count() == 0


def test_create_pole_writes_an_audit_entry(manager_a, centre_a):
    pole = services.create_pole(
        actor=manager_a, centre=centre_a, data={"code": "emploi", "name": {"fr": "Emploi"}}
    )

    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.centre_id, entry.object_id) == (
        "directory.pole.created",
        centre_a.pk,
        str(pole.pk),
    )


# --- Partners -------------------------------------------------------------------------------


def test_save_partner_organisation_by_counsellor_is_forbidden(counsellor_a):
    with pytest.raises(Forbidden):
        services.save_partner_organisation(
            actor=counsellor_a,
            data={
                "slug": "mission-locale",
                "name": "Mission locale",
                "kind": "youth",
                "country": "FR",
            },
        )

    assert PartnerOrganisation.objects.count() == 0


def test_save_partner_organisation_by_manager_writes_a_network_audit_entry(manager_a):
    partner = services.save_partner_organisation(
        actor=manager_a,
        data={
            "slug": "mission-locale",
            "name": "Mission locale",
            "kind": "youth",
            "country": "FR",
        },
    )

    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.centre_id, entry.object_id) == (
        "directory.partner.created",
        None,
        str(partner.pk),
    )


# --- Positions -------------------------------------------------------------------------------


def test_save_position_records_a_new_person(manager_a, centre_a):
    position = services.save_position(
        actor=manager_a,
        centre=centre_a,
        person_name=" Awa Diallo ",
        person_email="",
        data={"title": {"fr": "Conseillère"}, "starts_on": datetime.date(2024, 9, 1)},
    )

    entry = AuditLogEntry.objects.get()
    assert (position.person.full_name, position.centre) == ("Awa Diallo", centre_a)
    assert (entry.action, entry.centre_id, entry.object_id) == (
        "directory.position.created",
        centre_a.pk,
        str(position.pk),
    )


def test_save_position_without_person_name_is_refused(manager_a, centre_a):
    with pytest.raises(InvalidInput) as error:
        services.save_position(
            actor=manager_a,
            centre=centre_a,
            person_name=" ",
            data={"title": {"fr": "Conseillère"}, "starts_on": datetime.date(2024, 9, 1)},
        )

    assert error.value.field == "person_name"
    assert Person.objects.count() == 0


def test_save_position_ending_before_start_writes_nothing(manager_a, centre_a):
    with pytest.raises(InvalidInput):
        services.save_position(
            actor=manager_a,
            centre=centre_a,
            person_name="Awa Diallo",
            data={
                "title": {"fr": "Conseillère"},
                "starts_on": datetime.date(2024, 9, 1),
                "ends_on": datetime.date(2024, 8, 1),
            },
        )

    assert (Person.objects.count(), Position.objects.count()) == (0, 0)
    assert AuditLogEntry.objects.count() == 0


def test_save_position_by_manager_of_other_centre_is_forbidden(manager_b, centre_a):
    with pytest.raises(Forbidden):
        services.save_position(
            actor=manager_b,
            centre=centre_a,
            person_name="Awa Diallo",
            data={"title": {"fr": "Conseillère"}, "starts_on": datetime.date(2024, 9, 1)},
        )

    assert Person.objects.count() == 0
