"""The directory's staff space: who may open what, and what a POST changes (or not)."""

import datetime
import io
import random
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from cocade.core.models import AuditLogEntry
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
    AuditLogEntryFactory,
    LabelStatusChangeFactory,
    PartnerOrganisationFactory,
    PartnershipFactory,
    PoleFactory,
    PositionFactory,
    ServiceTypeFactory,
    SiteFactory,
    SiteServiceFactory,
)

ROLES = ("anonymous", "public_user", "counsellor_a", "manager_a", "manager_b", "coordinator")


def url(name, **kwargs):
    """Staff URLs in English, so that Django's own messages are compared in English."""
    with translation.override("en"):
        return reverse(f"staff_directory:{name}", kwargs=kwargs)


def login_url(next_url):
    with translation.override("en"):
        return f"{reverse('account_login')}?next={next_url}"


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def field_errors(response, field):
    with translation.override("en"):
        return list(response.context["form"].errors.get(field, []))


@pytest.fixture
def login(client, request):
    def _login(role):
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        return client

    return _login


@pytest.fixture
def site_a(centre_a):
    return SiteFactory(
        centre=centre_a,
        slug="annexe",
        name={"fr": "Annexe"},
        commune="Pantin",
        kind=SiteKind.SECONDARY,
    )


@pytest.fixture
def objects_a(centre_a, site_a):
    """One of everything at centre A."""
    pole = PoleFactory(centre=centre_a, code="emploi", name={"fr": "Trouver un emploi"})
    partnership = PartnershipFactory(centre=centre_a)
    partnership.poles.add(pole)
    return {
        "site": site_a,
        "pole": pole,
        "partnership": partnership,
        "position": PositionFactory(centre=centre_a),
        "service": SiteServiceFactory(site=site_a),
        "partner": PartnerOrganisationFactory(slug="france-travail", name="France Travail"),
    }


def site_data(**overrides):
    data = {
        "kind": SiteKind.SECONDARY,
        "slug": "annexe",
        "name_fr": "Annexe",
        "original_language": "fr",
        "address": "",
        "postcode": "",
        "commune": "Pantin",
        "latitude": "48.895600",
        "longitude": "2.388100",
        "step_free_access": "unknown",
        "phone": "",
        "email": "",
        "is_published": "on",
    }
    data.update(overrides)
    return data


def centre_data(**overrides):
    data = {
        "slug": "centre-a",
        "name_fr": "Cité A",
        "original_language": "fr",
        "country": "FR",
        "city": "Paris",
        "carrier": "",
        "opened_on": "",
        "languages": "fr, en",
        "website": "",
        "email": "",
        "phone": "",
    }
    data.update(overrides)
    return data


def png_bytes(size=(8, 8), noise=False):
    image = Image.new("RGB", size, "white")
    if noise:  # random pixels do not compress: the file is about 3 bytes per pixel
        image = Image.frombytes("RGB", size, random.Random(0).randbytes(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def site_row(site):
    return Site.objects.filter(pk=site.pk).values().get()


# --- Who may open which page ------------------------------------------------------------------

# Expected status per role, in the order of ROLES (302 = sent to the login page).
MANAGE = (302, 404, 403, 200, 404, 200)
VIEW = (302, 404, 200, 200, 404, 200)
COORDINATOR_ONLY_AT_CENTRE = (302, 404, 403, 403, 404, 200)
PARTNER_EDITORS = (302, 403, 403, 200, 200, 200)

PAGES = [
    ("centres", lambda o: {}, (302, 403, 200, 200, 200, 200)),
    ("centre_create", lambda o: {}, (302, 403, 403, 403, 403, 200)),
    ("centre", lambda o: {"slug": "centre-a"}, VIEW),
    ("centre_edit", lambda o: {"slug": "centre-a"}, MANAGE),
    ("label_status", lambda o: {"slug": "centre-a"}, COORDINATOR_ONLY_AT_CENTRE),
    ("audit_log", lambda o: {"slug": "centre-a"}, MANAGE),
    ("site_create", lambda o: {"slug": "centre-a"}, MANAGE),
    ("site_edit", lambda o: {"slug": "centre-a", "pk": o["site"].pk}, MANAGE),
    ("site_services", lambda o: {"slug": "centre-a", "pk": o["site"].pk}, MANAGE),
    ("pole_create", lambda o: {"slug": "centre-a"}, MANAGE),
    ("pole_edit", lambda o: {"slug": "centre-a", "pk": o["pole"].pk}, MANAGE),
    ("partnership_create", lambda o: {"slug": "centre-a"}, MANAGE),
    ("partnership_edit", lambda o: {"slug": "centre-a", "pk": o["partnership"].pk}, MANAGE),
    ("position_create", lambda o: {"slug": "centre-a"}, MANAGE),
    ("position_edit", lambda o: {"slug": "centre-a", "pk": o["position"].pk}, MANAGE),
    ("partners", lambda o: {}, PARTNER_EDITORS),
    ("partner_create", lambda o: {}, PARTNER_EDITORS),
    ("partner_edit", lambda o: {"slug": "france-travail"}, PARTNER_EDITORS),
]


@pytest.mark.parametrize(("name", "kwargs", "expected"), PAGES, ids=[p[0] for p in PAGES])
def test_staff_pages_answer_each_role_as_expected(
    login, objects_a, centre_b, manager_b, name, kwargs, expected
):
    page_url = url(name, **kwargs(objects_a))
    statuses = {}
    for role in ROLES:
        client = login(role)
        statuses[role] = client.get(page_url).status_code
        client.logout()

    assert statuses == dict(zip(ROLES, expected, strict=True))


def test_staff_pages_send_anonymous_visitors_to_the_login_page(client, centre_a):
    page_url = url("centre", slug="centre-a")

    response = client.get(page_url)

    assert (response.status_code, response["Location"]) == (302, login_url(page_url))


def test_staff_page_of_unknown_object_at_own_centre_is_not_found(login, manager_a, objects_a):
    response = login("manager_a").get(url("site_edit", slug="centre-a", pk=999_999))

    assert response.status_code == 404


def test_staff_page_of_other_centre_object_under_own_centre_is_not_found(
    login, manager_a, centre_b
):
    site_b = SiteFactory(centre=centre_b)

    response = login("manager_a").get(url("site_edit", slug="centre-a", pk=site_b.pk))

    assert response.status_code == 404


@pytest.mark.parametrize("name", ["site_delete", "site_service_delete"])
def test_delete_urls_refuse_get(login, manager_a, objects_a, name):
    kwargs = {"slug": "centre-a", "pk": objects_a["site"].pk}
    if name == "site_service_delete":
        kwargs["service_pk"] = objects_a["service"].pk

    response = login("manager_a").get(url(name, **kwargs))

    assert response.status_code == 405
    assert Site.objects.filter(pk=objects_a["site"].pk).exists()


def test_forbidden_page_says_why(login, counsellor_a, centre_a):
    response = login("counsellor_a").get(url("centre_edit", slug="centre-a"))

    assert response.status_code == 403
    assert "Only this centre&#x27;s managers and the network coordinators may do this." in (
        response.content.decode()
    )


# --- Centre list and dashboard ----------------------------------------------------------------


def test_centre_list_shows_the_centres_a_manager_staffs(login, manager_a, centre_a, centre_b):
    LabelStatusChangeFactory(
        centre=centre_a, status=LabelStatus.LABELLED, decided_on=datetime.date(2020, 1, 15)
    )

    response = login("manager_a").get(url("centres"))

    assert [row["centre"].slug for row in response.context["rows"]] == ["centre-a"]
    assert response.context["rows"][0]["label_status"] == "Labelled"


def test_centre_list_shows_every_centre_to_a_coordinator(login, coordinator, centre_a, centre_b):
    response = login("coordinator").get(url("centres"))

    assert [row["centre"].slug for row in response.context["rows"]] == ["centre-a", "centre-b"]


def test_centre_list_runs_a_fixed_number_of_queries(
    login, coordinator, network, django_assert_num_queries
):
    from tests.factories.directory import CentreFactory

    for _ in range(5):
        LabelStatusChangeFactory(centre=CentreFactory(network=network))
    client = login("coordinator")

    # session, user, memberships, second factor check, centres with their label status
    with django_assert_num_queries(5):
        response = client.get(url("centres"))

    assert len(response.context["rows"]) == 5


def test_dashboard_shows_edit_links_to_a_manager(login, manager_a, objects_a):
    response = login("manager_a").get(url("centre", slug="centre-a"))

    content = response.content.decode()
    assert response.context["can_manage"] is True
    assert url("site_edit", slug="centre-a", pk=objects_a["site"].pk) in content
    assert url("audit_log", slug="centre-a") in content
    assert url("label_status", slug="centre-a") not in content


def test_dashboard_is_read_only_for_a_counsellor(login, counsellor_a, objects_a):
    response = login("counsellor_a").get(url("centre", slug="centre-a"))

    content = response.content.decode()
    assert response.status_code == 200
    assert response.context["can_manage"] is False
    assert "Annexe" in content
    assert url("site_edit", slug="centre-a", pk=objects_a["site"].pk) not in content
    assert url("centre_edit", slug="centre-a") not in content
    assert url("audit_log", slug="centre-a") not in content
    assert "data-confirm" not in content


def test_dashboard_shows_label_link_to_a_coordinator(login, coordinator, objects_a):
    response = login("coordinator").get(url("centre", slug="centre-a"))

    assert url("label_status", slug="centre-a") in response.content.decode()


def test_dashboard_runs_a_fixed_number_of_queries(
    login, manager_a, centre_a, django_assert_num_queries
):
    for number in range(3):
        site = SiteFactory(centre=centre_a)
        SiteServiceFactory(
            site=site, pole=PoleFactory(centre=centre_a), partner=PartnerOrganisationFactory()
        )
        PartnershipFactory(centre=centre_a).poles.add(PoleFactory(centre=centre_a))
        PositionFactory(centre=centre_a, starts_on=datetime.date(2024, 1, 1 + number))
    client = login("manager_a")

    # session, user, memberships, second factor check, centre, sites, services, pôles,
    # partnerships, their pôles, positions
    with django_assert_num_queries(11):
        response = client.get(url("centre", slug="centre-a"))

    assert (len(response.context["sites"]), len(response.context["positions"])) == (3, 3)


# --- Sites ----------------------------------------------------------------------------------


def test_site_edit_by_manager_saves_and_audits(login, manager_a, site_a):
    client = login("manager_a")

    response = client.post(
        url("site_edit", slug="centre-a", pk=site_a.pk), site_data(commune="Bobigny")
    )

    site_a.refresh_from_db()
    entry = AuditLogEntry.objects.get()
    assert (response.status_code, response["Location"]) == (302, url("centre", slug="centre-a"))
    assert messages_of(response) == ["The site was saved."]
    assert site_a.commune == "Bobigny"
    assert (entry.action, entry.actor, entry.centre_id, entry.object_id) == (
        "directory.site.updated",
        manager_a,
        site_a.centre_id,
        str(site_a.pk),
    )
    assert entry.changes == {"commune": {"before": "Pantin", "after": "Bobigny"}}


def test_site_edit_form_shows_current_values(login, manager_a, site_a):
    response = login("manager_a").get(url("site_edit", slug="centre-a", pk=site_a.pk))

    content = response.content.decode()
    assert 'name="name_fr"' in content
    assert 'value="Annexe"' in content
    assert 'type="number"' in content
    assert 'step="any"' in content


@pytest.mark.parametrize(("role", "status"), [("manager_b", 404), ("counsellor_a", 403)])
def test_site_edit_refused_changes_nothing(login, site_a, manager_b, counsellor_a, role, status):
    before = site_row(site_a)

    response = login(role).post(
        url("site_edit", slug="centre-a", pk=site_a.pk),
        site_data(commune="Bobigny", slug="changed"),
    )

    assert response.status_code == status
    assert site_row(site_a) == before
    assert AuditLogEntry.objects.count() == 0


def test_site_create_by_manager_adds_the_site(login, manager_a, centre_a):
    response = login("manager_a").post(
        url("site_create", slug="centre-a"), site_data(slug="antenne", kind=SiteKind.ANTENNA)
    )

    site = Site.objects.get()
    assert response.status_code == 302
    assert (site.centre, site.slug, site.kind, site.name, site.latitude) == (
        centre_a,
        "antenne",
        SiteKind.ANTENNA,
        {"fr": "Annexe"},
        Decimal("48.895600"),
    )
    assert AuditLogEntry.objects.get().action == "directory.site.created"


def test_site_create_with_taken_slug_shows_error_at_slug(login, manager_a, site_a):
    before = site_row(site_a)

    response = login("manager_a").post(
        url("site_create", slug="centre-a"), site_data(slug="annexe", commune="Ailleurs")
    )

    assert response.status_code == 400
    assert field_errors(response, "slug") == [
        "This centre already has a site with this short name."
    ]
    assert 'value="Ailleurs"' in response.content.decode()
    assert Site.objects.count() == 1
    assert site_row(site_a) == before
    assert AuditLogEntry.objects.count() == 0


def test_site_create_with_slug_taken_at_other_centre_is_accepted(login, manager_a, centre_b):
    SiteFactory(centre=centre_b, slug="annexe")

    response = login("manager_a").post(url("site_create", slug="centre-a"), site_data())

    assert response.status_code == 302
    assert Site.objects.filter(slug="annexe").count() == 2


def test_site_create_with_latitude_out_of_range_shows_error_at_latitude(login, manager_a, centre_a):
    response = login("manager_a").post(
        url("site_create", slug="centre-a"), site_data(latitude="123")
    )

    assert response.status_code == 400
    assert field_errors(response, "latitude") == ["Ensure this value is less than or equal to 90."]
    assert 'value="123' in response.content.decode()
    assert Site.objects.count() == 0
    assert AuditLogEntry.objects.count() == 0


def test_site_create_with_only_latitude_shows_error_at_longitude(login, manager_a, centre_a):
    response = login("manager_a").post(url("site_create", slug="centre-a"), site_data(longitude=""))

    assert response.status_code == 400
    assert field_errors(response, "longitude") == [
        "Give both the latitude and the longitude, or neither."
    ]
    assert Site.objects.count() == 0


def test_site_create_second_main_site_shows_error_at_kind(login, manager_a, centre_a):
    SiteFactory(centre=centre_a, kind=SiteKind.MAIN)

    response = login("manager_a").post(
        url("site_create", slug="centre-a"), site_data(kind=SiteKind.MAIN)
    )

    assert response.status_code == 400
    assert field_errors(response, "kind") == ["This centre already has a main site."]
    assert Site.objects.count() == 1


def test_site_create_without_name_shows_error_at_name(login, manager_a, centre_a):
    response = login("manager_a").post(url("site_create", slug="centre-a"), site_data(name_fr=""))

    assert response.status_code == 400
    assert field_errors(response, "name") == [
        "Give at least the text in the original language (Français)."
    ]
    assert Site.objects.count() == 0


def test_site_delete_by_manager_removes_the_site(login, manager_a, site_a):
    response = login("manager_a").post(url("site_delete", slug="centre-a", pk=site_a.pk))

    assert (response.status_code, response["Location"]) == (302, url("centre", slug="centre-a"))
    assert messages_of(response) == ["The site “Annexe” was deleted."]
    assert Site.objects.count() == 0
    assert AuditLogEntry.objects.get().action == "directory.site.deleted"


@pytest.mark.parametrize(("role", "status"), [("manager_b", 404), ("counsellor_a", 403)])
def test_site_delete_refused_changes_nothing(login, site_a, manager_b, counsellor_a, role, status):
    response = login(role).post(url("site_delete", slug="centre-a", pk=site_a.pk))

    assert response.status_code == status
    assert Site.objects.count() == 1
    assert AuditLogEntry.objects.count() == 0


# --- Site services ------------------------------------------------------------------------------


def test_site_services_add_then_update_the_same_theme(login, manager_a, centre_a, site_a):
    theme = ServiceTypeFactory(code="mobilite")
    pole = PoleFactory(centre=centre_a)
    client = login("manager_a")
    services_url = url("site_services", slug="centre-a", pk=site_a.pk)

    first = client.post(
        services_url,
        {
            "service_type": theme.pk,
            "pole": pole.pk,
            "details_fr": "Le mardi",
            "original_language": "fr",
        },
    )
    second = client.post(
        services_url,
        {"service_type": theme.pk, "pole": "", "details_fr": "Le jeudi", "original_language": "fr"},
    )

    service = SiteService.objects.get()
    assert (first.status_code, second.status_code) == (302, 302)
    assert second["Location"] == services_url
    assert (service.site, service.pole, service.details) == (site_a, None, {"fr": "Le jeudi"})
    assert list(AuditLogEntry.objects.order_by("id").values_list("action", flat=True)) == [
        "directory.site_service.created",
        "directory.site_service.updated",
    ]


def test_site_services_refuse_pole_of_other_centre(login, manager_a, centre_b, site_a):
    theme = ServiceTypeFactory(code="mobilite")
    pole_b = PoleFactory(centre=centre_b)

    response = login("manager_a").post(
        url("site_services", slug="centre-a", pk=site_a.pk),
        {"service_type": theme.pk, "pole": pole_b.pk, "original_language": "fr"},
    )

    assert response.status_code == 400
    assert field_errors(response, "pole") == [
        "Select a valid choice. That choice is not one of the available choices."
    ]
    assert SiteService.objects.count() == 0


def test_site_service_delete_by_manager_removes_it(login, manager_a, objects_a):
    site, service = objects_a["site"], objects_a["service"]

    response = login("manager_a").post(
        url("site_service_delete", slug="centre-a", pk=site.pk, service_pk=service.pk)
    )

    assert response.status_code == 302
    assert SiteService.objects.count() == 0
    assert AuditLogEntry.objects.get().action == "directory.site_service.deleted"


def test_site_service_delete_of_other_site_is_not_found(login, manager_a, objects_a, centre_a):
    other_site = SiteFactory(centre=centre_a)

    response = login("manager_a").post(
        url(
            "site_service_delete",
            slug="centre-a",
            pk=other_site.pk,
            service_pk=objects_a["service"].pk,
        )
    )

    assert response.status_code == 404
    assert SiteService.objects.count() == 1


# --- Centre ----------------------------------------------------------------------------------


def test_centre_edit_by_manager_saves_but_keeps_publication(login, manager_a, centre_a):
    response = login("manager_a").post(
        url("centre_edit", slug="centre-a"), centre_data(city="Paris 19e", is_published="")
    )

    centre_a.refresh_from_db()
    entry = AuditLogEntry.objects.get()
    assert response.status_code == 302
    assert (centre_a.city, centre_a.languages, centre_a.is_published) == (
        "Paris 19e",
        ["fr", "en"],
        True,
    )
    assert (entry.action, entry.centre_id) == ("directory.centre.updated", centre_a.pk)
    assert entry.changes["city"]["after"] == "Paris 19e"


def test_centre_edit_by_coordinator_can_unpublish(login, coordinator, centre_a):
    response = login("coordinator").post(url("centre_edit", slug="centre-a"), centre_data())

    centre_a.refresh_from_db()
    assert response.status_code == 302
    assert centre_a.is_published is False


def test_centre_edit_slug_change_redirects_to_the_new_dashboard(login, manager_a, centre_a):
    response = login("manager_a").post(
        url("centre_edit", slug="centre-a"), centre_data(slug="cite-a")
    )

    assert response["Location"] == url("centre", slug="cite-a")


def test_centre_edit_with_valid_logo_stores_it(login, manager_a, centre_a):
    logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")

    response = login("manager_a").post(
        url("centre_edit", slug="centre-a"), {**centre_data(), "logo": logo}
    )

    centre_a.refresh_from_db()
    assert response.status_code == 302
    assert centre_a.logo.name.startswith("logos/logo")


def test_centre_edit_with_fake_image_shows_error_at_logo(login, manager_a, centre_a, settings):
    fake = SimpleUploadedFile("logo.png", b"not an image", content_type="image/png")
    before = Centre.objects.filter(pk=centre_a.pk).values().get()

    response = login("manager_a").post(
        url("centre_edit", slug="centre-a"), {**centre_data(city="Changed"), "logo": fake}
    )

    assert response.status_code == 400
    assert field_errors(response, "logo") == ["This file is not a PNG, JPEG or WebP image."]
    assert 'value="Changed"' in response.content.decode()
    assert Centre.objects.filter(pk=centre_a.pk).values().get() == before
    assert not (settings.MEDIA_ROOT / "logos").exists()
    assert AuditLogEntry.objects.count() == 0


def test_centre_edit_with_oversized_logo_shows_error_at_logo(login, manager_a, centre_a, settings):
    settings.COCADE_LOGO_MAX_BYTES = 1024
    content = png_bytes(size=(64, 64), noise=True)
    logo = SimpleUploadedFile("logo.png", content, content_type="image/png")

    response = login("manager_a").post(
        url("centre_edit", slug="centre-a"), {**centre_data(), "logo": logo}
    )

    assert response.status_code == 400
    assert field_errors(response, "logo") == [
        f"The logo is too large ({len(content) // 1024} kB); the limit is 1 kB."
    ]
    assert Centre.objects.get(pk=centre_a.pk).logo.name == ""
    assert AuditLogEntry.objects.count() == 0


def test_centre_edit_with_unknown_language_shows_error_at_languages(login, manager_a, centre_a):
    response = login("manager_a").post(
        url("centre_edit", slug="centre-a"), centre_data(languages="fr, zz")
    )

    assert response.status_code == 400
    assert field_errors(response, "languages") == ["Unknown language code: zz."]
    assert Centre.objects.get(pk=centre_a.pk).languages == ["fr"]


def test_centre_edit_form_has_no_publish_box_for_a_manager(login, manager_a, centre_a):
    response = login("manager_a").get(url("centre_edit", slug="centre-a"))

    assert "is_published" not in response.context["form"].fields


def test_centre_create_by_coordinator_adds_the_centre(login, coordinator, network):
    response = login("coordinator").post(
        url("centre_create"),
        centre_data(slug="cite-nouvelle", name_fr="Cité nouvelle", is_published="on"),
    )

    centre = Centre.objects.get(slug="cite-nouvelle")
    assert (response.status_code, response["Location"]) == (
        302,
        url("centre", slug="cite-nouvelle"),
    )
    assert (centre.network, centre.name, centre.is_published) == (
        network,
        {"fr": "Cité nouvelle"},
        True,
    )
    assert AuditLogEntry.objects.get().action == "directory.centre.created"


def test_centre_create_by_manager_is_refused(login, manager_a, centre_a):
    response = login("manager_a").post(url("centre_create"), centre_data(slug="cite-nouvelle"))

    assert response.status_code == 403
    assert Centre.objects.count() == 1
    assert AuditLogEntry.objects.count() == 0


# --- Label status ---------------------------------------------------------------------------


def test_label_status_records_a_step(login, coordinator, centre_a):
    today = timezone.localdate()

    response = login("coordinator").post(
        url("label_status", slug="centre-a"),
        {"status": LabelStatus.INTEREST, "decided_on": today.isoformat(), "note": "Lettre reçue"},
    )

    change = LabelStatusChange.objects.get()
    assert (response.status_code, response["Location"]) == (
        302,
        url("label_status", slug="centre-a"),
    )
    assert (change.status, change.decided_on, change.note, change.recorded_by) == (
        LabelStatus.INTEREST,
        today,
        "Lettre reçue",
        coordinator,
    )


def test_label_status_refuses_a_wrong_transition_at_the_field(login, coordinator, centre_a):
    LabelStatusChangeFactory(centre=centre_a, status=LabelStatus.LABELLED)

    response = login("coordinator").post(
        url("label_status", slug="centre-a"),
        {"status": LabelStatus.INTEREST, "decided_on": "2024-01-01"},
    )

    assert response.status_code == 400
    assert field_errors(response, "status") == [
        "The label cannot go from “Labelled” to “Letter of interest”."
    ]
    assert LabelStatusChange.objects.count() == 1
    assert AuditLogEntry.objects.count() == 0


def test_label_status_page_shows_history_latest_first(login, coordinator, centre_a):
    LabelStatusChangeFactory(
        centre=centre_a, status=LabelStatus.LABELLED, decided_on=datetime.date(2020, 1, 15)
    )
    LabelStatusChangeFactory(
        centre=centre_a, status=LabelStatus.CONFIRMED, decided_on=datetime.date(2022, 6, 1)
    )

    response = login("coordinator").get(url("label_status", slug="centre-a"))

    assert [c.status for c in response.context["history"]] == [
        LabelStatus.CONFIRMED,
        LabelStatus.LABELLED,
    ]
    assert response.context["form"].fields["status"].help_text == (
        "From here the label may go to: Label renewed, Label suspended, Label withdrawn."
    )


# --- Audit log -------------------------------------------------------------------------------


def test_audit_log_shows_the_centre_entries_fifty_per_page(
    login, manager_a, centre_a, centre_b, django_assert_num_queries
):
    for _ in range(51):
        AuditLogEntryFactory(
            centre_id=centre_a.pk,
            actor=manager_a,
            changes={"commune": {"before": "Pantin", "after": "Bobigny"}},
        )
    AuditLogEntryFactory(centre_id=centre_b.pk)
    client = login("manager_a")

    # session, user, memberships, second factor check, centre, count, entries with their actor
    with django_assert_num_queries(7):
        first = client.get(url("audit_log", slug="centre-a"))
    second = client.get(url("audit_log", slug="centre-a") + "?page=2")

    assert (len(first.context["rows"]), len(second.context["rows"])) == (50, 1)
    assert first.context["rows"][0]["changes"] == [
        {"field": "commune", "before": "Pantin", "after": "Bobigny"}
    ]
    assert first.context["rows"][0]["entry"].actor == manager_a


def test_audit_log_shows_a_real_edit(login, manager_a, site_a):
    client = login("manager_a")
    client.post(url("site_edit", slug="centre-a", pk=site_a.pk), site_data(commune="Bobigny"))

    response = client.get(url("audit_log", slug="centre-a"))

    row = response.context["rows"][0]
    assert (row["entry"].action, row["entry"].actor) == ("directory.site.updated", manager_a)
    assert row["changes"] == [{"field": "Commune", "before": "Pantin", "after": "Bobigny"}]
    assert "directory.site.updated" in response.content.decode()


# --- Pôles, partnerships, positions, partners -------------------------------------------------


def test_pole_create_and_duplicate_code(login, manager_a, centre_a):
    client = login("manager_a")
    data = {
        "code": "emploi",
        "name_fr": "Trouver un emploi",
        "original_language": "fr",
        "position": "1",
    }

    created = client.post(url("pole_create", slug="centre-a"), data)
    duplicate = client.post(url("pole_create", slug="centre-a"), data)

    assert (created.status_code, duplicate.status_code) == (302, 400)
    assert field_errors(duplicate, "code") == ["This centre already has a pôle with this code."]
    assert centre_a.poles.count() == 1


def test_pole_edit_by_manager_saves(login, manager_a, objects_a):
    pole = objects_a["pole"]

    response = login("manager_a").post(
        url("pole_edit", slug="centre-a", pk=pole.pk),
        {
            "code": "emploi",
            "name_fr": "Emploi",
            "name_en": "Jobs",
            "original_language": "fr",
            "position": "2",
        },
    )

    pole.refresh_from_db()
    assert response.status_code == 302
    assert (pole.name, pole.position) == ({"fr": "Emploi", "en": "Jobs"}, 2)


def test_partnership_create_with_poles_of_this_centre(login, manager_a, centre_a, centre_b):
    partner = PartnerOrganisationFactory()
    pole = PoleFactory(centre=centre_a)
    PoleFactory(centre=centre_b)

    page = login("manager_a").get(url("partnership_create", slug="centre-a"))
    response = login("manager_a").post(
        url("partnership_create", slug="centre-a"),
        {
            "partner": partner.pk,
            "poles": [pole.pk],
            "hours_per_week": "12",
            "starts_on": "2024-01-01",
            "ends_on": "",
        },
    )

    partnership = Partnership.objects.get()
    assert list(page.context["form"].fields["poles"].queryset) == [pole]
    assert response.status_code == 302
    assert (
        partnership.centre,
        partnership.partner,
        partnership.hours_per_week,
        list(partnership.poles.all()),
    ) == (centre_a, partner, 12, [pole])
    assert AuditLogEntry.objects.get().changes["poles"] == {"before": None, "after": [pole.pk]}


def test_partnership_refuses_pole_of_other_centre(login, manager_a, centre_a, centre_b):
    partner = PartnerOrganisationFactory()
    pole_b = PoleFactory(centre=centre_b)

    response = login("manager_a").post(
        url("partnership_create", slug="centre-a"),
        {
            "partner": partner.pk,
            "poles": [pole_b.pk],
            "starts_on": "2024-01-01",
        },
    )

    assert response.status_code == 400
    assert field_errors(response, "poles") == [
        f"Select a valid choice. {pole_b.pk} is not one of the available choices."
    ]
    assert Partnership.objects.count() == 0


def test_position_create_records_an_arrival(login, manager_a, centre_a):
    response = login("manager_a").post(
        url("position_create", slug="centre-a"),
        {
            "person_name": "Awa Diallo",
            "person_email": "awa@example.org",
            "title_fr": "Conseillère emploi",
            "original_language": "fr",
            "starts_on": "2024-09-01",
            "ends_on": "",
            "is_public": "on",
        },
    )

    position = Position.objects.select_related("person").get()
    assert response.status_code == 302
    assert (
        position.person.full_name,
        position.person.email,
        position.centre,
        position.title,
        position.starts_on,
        position.is_public,
    ) == (
        "Awa Diallo",
        "awa@example.org",
        centre_a,
        {"fr": "Conseillère emploi"},
        datetime.date(2024, 9, 1),
        True,
    )
    assert AuditLogEntry.objects.get().action == "directory.position.created"


def test_position_create_ending_before_start_shows_error_at_end_date(login, manager_a, centre_a):
    response = login("manager_a").post(
        url("position_create", slug="centre-a"),
        {
            "person_name": "Awa Diallo",
            "title_fr": "Conseillère",
            "original_language": "fr",
            "starts_on": "2024-09-01",
            "ends_on": "2024-08-01",
        },
    )

    assert response.status_code == 400
    assert field_errors(response, "ends_on") == ["The end date cannot be before the start date."]
    assert 'value="Awa Diallo"' in response.content.decode()
    assert (Person.objects.count(), Position.objects.count()) == (0, 0)
    assert AuditLogEntry.objects.count() == 0


def test_position_edit_records_a_departure(login, manager_a, objects_a):
    position = objects_a["position"]

    response = login("manager_a").post(
        url("position_edit", slug="centre-a", pk=position.pk),
        {
            "title_fr": "Conseillère",
            "original_language": "fr",
            "starts_on": "2024-09-01",
            "ends_on": "2025-06-30",
            "is_public": "on",
        },
    )

    position.refresh_from_db()
    assert response.status_code == 302
    assert position.ends_on == datetime.date(2025, 6, 30)
    assert AuditLogEntry.objects.get().changes == {
        "ends_on": {"before": None, "after": "2025-06-30"}
    }


def test_partner_create_by_manager_adds_it(login, manager_a):
    response = login("manager_a").post(
        url("partner_create"),
        {
            "slug": "mission-locale",
            "name": "Mission locale",
            "kind": "youth",
            "country": "FR",
            "website": "",
            "original_language": "fr",
        },
    )

    partner = PartnerOrganisation.objects.get()
    assert (response.status_code, response["Location"]) == (302, url("partners"))
    assert (partner.slug, partner.name, partner.kind) == (
        "mission-locale",
        "Mission locale",
        "youth",
    )


def test_partner_create_with_taken_slug_shows_error_at_slug(login, manager_a):
    PartnerOrganisationFactory(slug="mission-locale")

    response = login("manager_a").post(
        url("partner_create"),
        {
            "slug": "mission-locale",
            "name": "Autre",
            "kind": "youth",
            "country": "FR",
            "original_language": "fr",
        },
    )

    assert response.status_code == 400
    assert field_errors(response, "slug") == [
        "Partner organisation with this Short name already exists."
    ]
    assert PartnerOrganisation.objects.count() == 1


def test_partner_create_by_counsellor_is_refused(login, counsellor_a):
    response = login("counsellor_a").post(
        url("partner_create"),
        {
            "slug": "mission-locale",
            "name": "Mission locale",
            "kind": "youth",
            "country": "FR",
            "original_language": "fr",
        },
    )

    assert response.status_code == 403
    assert PartnerOrganisation.objects.count() == 0


def test_partner_list_runs_a_fixed_number_of_queries(login, manager_a, django_assert_num_queries):
    for _ in range(4):
        PartnerOrganisationFactory()
    client = login("manager_a")

    # session, user, memberships, second factor check, partners
    with django_assert_num_queries(5):
        response = client.get(url("partners"))

    assert len(response.context["partners"]) == 4


def test_site_create_rounds_coordinates_to_six_decimals(login, manager_a, centre_a):
    response = login("manager_a").post(
        url("site_create", slug="centre-a"),
        site_data(latitude="48.85661234", longitude="2.35222189"),
    )

    site = Site.objects.get()
    assert response.status_code == 302
    assert (site.latitude, site.longitude) == (Decimal("48.856612"), Decimal("2.352222"))


def test_site_create_with_huge_latitude_shows_error_at_latitude(login, manager_a, centre_a):
    response = login("manager_a").post(
        url("site_create", slug="centre-a"), site_data(latitude="1e30")
    )

    assert response.status_code == 400
    assert field_errors(response, "latitude") == [
        "Ensure that there are no more than 9 digits in total."
    ]
    assert Site.objects.count() == 0


def test_site_services_form_is_filled_with_the_chosen_service(login, manager_a, objects_a):
    site, service = objects_a["site"], objects_a["service"]
    client = login("manager_a")
    services_url = url("site_services", slug="centre-a", pk=site.pk)

    chosen = client.get(f"{services_url}?service={service.pk}")
    unknown = client.get(f"{services_url}?service=999999")

    assert chosen.context["form"].initial["service_type"] == service.service_type_id
    assert unknown.status_code == 404


@pytest.mark.parametrize(("role", "status"), [("manager_b", 404), ("counsellor_a", 403)])
def test_centre_edit_refused_changes_nothing(
    login, centre_a, manager_b, counsellor_a, role, status
):
    before = Centre.objects.filter(pk=centre_a.pk).values().get()

    response = login(role).post(url("centre_edit", slug="centre-a"), centre_data(city="Lyon"))

    assert response.status_code == status
    assert Centre.objects.filter(pk=centre_a.pk).values().get() == before
    assert AuditLogEntry.objects.count() == 0


@pytest.mark.parametrize(("role", "status"), [("manager_a", 403), ("manager_b", 404)])
def test_label_status_refused_records_nothing(login, centre_a, manager_a, manager_b, role, status):
    response = login(role).post(
        url("label_status", slug="centre-a"),
        {"status": LabelStatus.INTEREST, "decided_on": "2024-01-01"},
    )

    assert response.status_code == status
    assert (LabelStatusChange.objects.count(), AuditLogEntry.objects.count()) == (0, 0)


@pytest.mark.parametrize(("role", "status"), [("manager_b", 404), ("counsellor_a", 403)])
def test_position_edit_refused_changes_nothing(
    login, objects_a, manager_b, counsellor_a, role, status
):
    position = objects_a["position"]

    response = login(role).post(
        url("position_edit", slug="centre-a", pk=position.pk),
        {
            "title_fr": "Autre",
            "original_language": "fr",
            "starts_on": "2024-09-01",
            "ends_on": "2025-01-01",
        },
    )

    position.refresh_from_db()
    assert response.status_code == status
    assert (position.title, position.ends_on) == ({"fr": "Conseillère"}, None)
    assert AuditLogEntry.objects.count() == 0


def test_dashboard_renders_in_the_default_language(client, manager_a, objects_a):
    client.force_login(manager_a)

    with translation.override("fr"):
        dashboard_url = reverse("staff_directory:centre", kwargs={"slug": "centre-a"})

    response = client.get(dashboard_url)

    assert (dashboard_url, response.status_code) == ("/fr/staff/centres/centre-a/", 200)
    assert response.wsgi_request.LANGUAGE_CODE == "fr"
