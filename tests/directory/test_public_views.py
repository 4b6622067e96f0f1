import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from cocade.accounts.enums import Role
from cocade.directory.enums import LabelStatus, SiteKind
from cocade.directory.models import Network
from tests.factories.accounts import MembershipFactory
from tests.factories.directory import (
    CentreFactory,
    LabelStatusChangeFactory,
    PartnerOrganisationFactory,
    PartnershipFactory,
    PoleFactory,
    PositionFactory,
    ServiceTypeFactory,
    SiteFactory,
    SiteServiceFactory,
)


@pytest.fixture
def hidden_centre(network):
    return CentreFactory(
        network=network, slug="centre-hidden", name={"fr": "Cité cachée"}, is_published=False
    )


@pytest.fixture
def workshops(db):
    return ServiceTypeFactory(
        code="digital-workshops", name={"fr": "Ateliers numériques", "en": "Digital workshops"}
    )


@pytest.fixture
def koungou_antenna(centre_a, workshops):
    antenna = SiteFactory(
        centre=centre_a,
        kind=SiteKind.ANTENNA,
        slug="koungou",
        name={"fr": "Antenne de Koungou"},
        commune="Koungou",
        postcode="97690",
        latitude=Decimal("-12.733600"),
        longitude=Decimal("45.204200"),
    )
    SiteServiceFactory(site=antenna, service_type=workshops, details={"fr": "Le mardi matin"})
    return antenna


def make_centres(network, count):
    """`count` published centres, each with a main site, an antenna with a service, a label."""
    theme = ServiceTypeFactory(code="jobs", name={"fr": "Emploi"})
    for _ in range(count):
        centre = CentreFactory(network=network)
        LabelStatusChangeFactory(centre=centre)
        SiteFactory(centre=centre, kind=SiteKind.MAIN, commune="Koungou")
        antenna = SiteFactory(centre=centre, kind=SiteKind.ANTENNA, commune="Koungou")
        SiteServiceFactory(site=antenna, service_type=theme)
        PositionFactory(centre=centre, starts_on=timezone.localdate())


def page(response):
    return response.content.decode()


# --- Home --------------------------------------------------------------------------------------


def test_home_shows_network_name_and_figures(client, centre_a, centre_b, hidden_centre):
    SiteFactory(centre=centre_a, kind=SiteKind.MAIN)
    SiteFactory(centre=centre_b, kind=SiteKind.ANTENNA)

    response = client.get("/fr/")

    assert response.status_code == 200
    assert '<span lang="fr">Réseau des Cités des métiers</span>' in page(response)
    assert response.context["figures"] == {"centres": 2, "countries": 1, "sites": 1, "antennas": 1}


def test_home_renders_without_network(client, db):
    response = client.get("/en/")

    assert response.status_code == 200
    assert response.context["network"] is None
    assert "<h1>Cités des métiers network</h1>" in page(response)


def test_home_search_form_sends_theme_and_place_to_search(client, workshops):
    response = client.get("/fr/")

    content = page(response)
    assert '<form method="get" action="/fr/search/"' in content
    assert '<option value="digital-workshops">Ateliers numériques</option>' in content
    assert 'name="place"' in content


def test_home_lists_recent_public_movements(client, centre_a):
    PositionFactory(centre=centre_a, person__full_name="Awa Diallo", starts_on=timezone.localdate())
    PositionFactory(
        centre=centre_a,
        person__full_name="Secret Person",
        starts_on=timezone.localdate(),
        is_public=False,
    )

    response = client.get("/fr/")

    assert "Awa Diallo" in page(response)
    assert "Secret Person" not in page(response)


def test_home_runs_a_fixed_number_of_queries(client, network, django_assert_num_queries):
    make_centres(network, 3)
    with django_assert_num_queries(6):
        client.get("/fr/")
    make_centres(network, 3)

    with django_assert_num_queries(6):
        response = client.get("/fr/")

    assert response.context["figures"]["centres"] == 6


# --- Centre list -------------------------------------------------------------------------------


def test_centre_list_shows_published_centres_by_country(client, centre_a, centre_b, hidden_centre):
    centre_b.country = "PT"
    centre_b.save()
    LabelStatusChangeFactory(centre=centre_a, status=LabelStatus.LABELLED)

    response = client.get("/en/centres/")

    content = page(response)
    assert response.status_code == 200
    assert [country for country, _centres in response.context["groups"]] == ["France", "Portugal"]
    assert '<a href="/en/centres/centre-a/"><span lang="fr">Cité A</span>' in content
    assert '<a href="/en/centres/centre-b/"><span lang="fr">Cité B</span>' in content
    assert "Cité cachée" not in content
    assert '<span class="badge">Labelled</span>' in content


def test_centre_list_shows_own_unpublished_centre_to_its_staff(client, hidden_centre):
    staff = MembershipFactory(role=Role.COUNSELLOR, centre=hidden_centre).user
    client.force_login(staff)

    response = client.get("/fr/centres/")

    assert "Cité cachée" in page(response)


def test_centre_list_gives_map_data_for_sites_with_coordinates(client, centre_a, koungou_antenna):
    SiteFactory(centre=centre_a, kind=SiteKind.MAIN, latitude=None, longitude=None)

    response = client.get("/en/centres/")

    assert response.context["sites_geo"] == [
        {
            "name": "Antenne de Koungou",
            "centre": "Cité A",
            "commune": "Koungou",
            "kind": "Digital antenna",
            "lat": -12.7336,
            "lon": 45.2042,
            "url": "/en/centres/centre-a/#site-koungou",
        }
    ]
    assert '<script id="map-data" type="application/json">' in page(response)
    assert 'id="network-map"' in page(response)


def test_centre_list_map_has_no_tile_url_when_none_is_set(client, settings, koungou_antenna):
    settings.COCADE_MAP_TILE_URL = ""

    response = client.get("/fr/centres/")

    assert 'data-tile-url=""' in page(response)


def test_centre_list_loads_leaflet_and_map_script(client, koungou_antenna):
    response = client.get("/fr/centres/")

    content = page(response)
    assert '<link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css">' in content
    assert '<script src="/static/vendor/leaflet/leaflet.js" defer></script>' in content
    assert '<script src="/static/cocade/map.js" defer></script>' in content


def test_centre_list_has_no_inline_script_or_style(client, koungou_antenna):
    response = client.get("/fr/centres/")

    content = page(response)
    assert "style=" not in content
    assert "<style" not in content
    assert content.count("<script") == content.count("<script src=") + 1  # + the JSON data


def test_centre_list_runs_a_fixed_number_of_queries(client, network, django_assert_num_queries):
    make_centres(network, 3)
    with django_assert_num_queries(2):
        client.get("/fr/centres/")
    make_centres(network, 3)

    with django_assert_num_queries(2):
        response = client.get("/fr/centres/")

    assert len(response.context["sites_geo"]) == 12


# --- Centre page -------------------------------------------------------------------------------


def test_centre_page_shows_details_sites_services_poles_and_partners(
    client, centre_a, koungou_antenna
):
    centre_a.description = {"fr": "Un lieu ouvert."}
    centre_a.carrier = "Région Mayotte"
    centre_a.website = "https://cite-a.example.org"
    centre_a.save()
    LabelStatusChangeFactory(
        centre=centre_a, status=LabelStatus.LABELLED, decided_on=datetime.date(2021, 3, 4)
    )
    SiteFactory(
        centre=centre_a,
        kind=SiteKind.MAIN,
        slug="main",
        name={"fr": "Siège"},
        address="1 rue du Port",
        commune="Mamoudzou",
        step_free_access=True,
    )
    pole = PoleFactory(centre=centre_a, name={"fr": "Trouver un emploi"})
    partner = PartnerOrganisationFactory(name="France Travail")
    partnership = PartnershipFactory(
        centre=centre_a, partner=partner, starts_on=datetime.date(2020, 1, 1)
    )
    partnership.poles.add(pole)
    service = koungou_antenna.services.get()
    service.pole = pole
    service.partner = partner
    service.save()

    response = client.get("/en/centres/centre-a/")

    content = page(response)
    assert response.status_code == 200
    assert [group["kind"] for group in response.context["site_groups"]] == [
        SiteKind.MAIN,
        SiteKind.ANTENNA,
    ]
    assert response.context["label_status_display"] == "Labelled"
    assert '<div class="i18n-block" lang="fr"><p>Un lieu ouvert.</p></div>' in content
    assert "Région Mayotte" in content
    assert '<a href="https://cite-a.example.org" rel="noopener">' in content
    assert '<li class="card site-card" id="site-koungou">' in content
    assert "1 rue du Port" in content
    assert '<span lang="en">Digital workshops</span>' in content
    assert '<span lang="fr">Le mardi matin</span>' in content
    assert "France Travail" in content
    assert '<h3><span lang="fr">Trouver un emploi</span>' in content
    assert '<div class="map map-small" id="centre-map"' in content


def test_centre_page_shows_fallback_note_when_content_is_not_translated(client, centre_a):
    centre_a.description = {"fr": "Un lieu ouvert."}
    centre_a.save()

    response = client.get("/en/centres/centre-a/")

    content = page(response)
    assert (
        '<h1><span lang="fr">Cité A</span> <small class="fallback-note">(in Français)</small>'
    ) in content
    assert '<p class="fallback-note">(in Français)</p>' in content


def test_centre_page_shows_no_fallback_note_in_original_language(client, centre_a):
    response = client.get("/fr/centres/centre-a/")

    assert "fallback-note" not in page(response)


def test_centre_page_unknown_slug_is_404(client, centre_a):
    response = client.get("/fr/centres/nowhere/")

    assert response.status_code == 404


def test_centre_page_unpublished_is_404_for_anonymous(client, hidden_centre):
    response = client.get("/fr/centres/centre-hidden/")

    assert response.status_code == 404


def test_centre_page_unpublished_is_404_for_another_centre_manager(
    client, hidden_centre, manager_b
):
    client.force_login(manager_b)

    response = client.get("/fr/centres/centre-hidden/")

    assert response.status_code == 404


def test_centre_page_unpublished_is_shown_to_its_own_staff(client, hidden_centre):
    manager = MembershipFactory(
        user__with_totp=True, role=Role.CENTRE_MANAGER, centre=hidden_centre
    ).user
    client.force_login(manager)

    response = client.get("/en/centres/centre-hidden/")

    assert response.status_code == 200
    assert "Not shown to the public" in page(response)


def test_centre_page_unpublished_is_shown_to_coordinator(client, hidden_centre, coordinator):
    client.force_login(coordinator)

    response = client.get("/fr/centres/centre-hidden/")

    assert response.status_code == 200


def test_centre_page_hides_unpublished_site_from_anonymous(client, centre_a):
    SiteFactory(centre=centre_a, name={"fr": "Site en préparation"}, is_published=False)

    response = client.get("/fr/centres/centre-a/")

    assert "Site en préparation" not in page(response)


def test_centre_page_lists_recent_movements_at_this_centre_only(client, centre_a, centre_b):
    PositionFactory(centre=centre_a, person__full_name="Awa Diallo", starts_on=timezone.localdate())
    PositionFactory(
        centre=centre_b, person__full_name="Bruno Costa", starts_on=timezone.localdate()
    )

    response = client.get("/fr/centres/centre-a/")

    assert "Awa Diallo" in page(response)
    assert "Bruno Costa" not in page(response)


def test_centre_page_runs_a_fixed_number_of_queries(client, centre_a, django_assert_num_queries):
    theme = ServiceTypeFactory(code="jobs")

    def add_sites(count):
        for _ in range(count):
            site = SiteFactory(centre=centre_a)
            SiteServiceFactory(
                site=site,
                service_type=theme,
                pole=PoleFactory(centre=centre_a),
                partner=PartnerOrganisationFactory(),
            )
            PartnershipFactory(centre=centre_a).poles.add(PoleFactory(centre=centre_a))
            PositionFactory(centre=centre_a, starts_on=timezone.localdate())

    add_sites(2)
    with django_assert_num_queries(8):
        client.get("/fr/centres/centre-a/")
    add_sites(3)

    with django_assert_num_queries(8):
        response = client.get("/fr/centres/centre-a/")

    assert len(response.context["sites_geo"]) == 5


# --- Search ------------------------------------------------------------------------------------


def test_search_by_theme_and_place_finds_the_antenna(client, centre_b, koungou_antenna, workshops):
    SiteServiceFactory(site=SiteFactory(centre=centre_b, commune="Paris"), service_type=workshops)

    response = client.get("/en/search/", {"theme": "digital-workshops", "place": "Koungou"})

    content = page(response)
    assert response.status_code == 200
    assert [hit.site.pk for hit in response.context["hits"]] == [koungou_antenna.pk]
    assert '<a href="/en/centres/centre-a/#site-koungou">' in content
    assert '<span class="badge badge-antenna">Digital antenna</span>' in content
    assert '<li class="service-match"><strong><span lang="en">Digital workshops</span>' in content


def test_search_with_location_shows_distance(client, koungou_antenna):
    response = client.get("/en/search/", {"place": "Koungou", "lat": "-12.78", "lon": "45.23"})

    assert '<span class="distance">5.9 km away</span>' in page(response)


def test_search_with_bad_latitude_shows_a_form_error(client, koungou_antenna):
    response = client.get("/en/search/", {"place": "Koungou", "lat": "91", "lon": "45"})

    assert response.status_code == 200
    assert response.context["hits"] is None
    assert response.context["form"].non_field_errors() == [
        "The location given is not valid: latitude must be between -90 and 90 and longitude "
        "between -180 and 180."
    ]
    assert "The location given is not valid" in page(response)


def test_search_with_non_numeric_latitude_shows_a_form_error(client, koungou_antenna):
    response = client.get("/en/search/", {"lat": "north", "lon": "nan"})

    assert response.status_code == 200
    assert response.context["form"].errors["lat"] == ["Enter a number."]


def test_search_with_latitude_only_shows_a_form_error(client, koungou_antenna):
    response = client.get("/en/search/", {"lat": "12"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Give both the latitude and the longitude, or neither."
    ]


def test_search_with_unknown_theme_shows_a_form_error(client, koungou_antenna):
    response = client.get("/fr/search/", {"theme": "nope"})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["theme"]


def test_search_without_criteria_shows_only_the_form(client, koungou_antenna):
    response = client.get("/fr/search/")

    assert response.status_code == 200
    assert response.context["hits"] is None
    assert 'id="search-results"' in page(response)


def test_search_without_result_suggests_broader_searches(client, koungou_antenna):
    response = client.get("/en/search/", {"theme": "digital-workshops", "place": "Paris"})

    content = page(response)
    assert response.context["hits"] == []
    assert [str(s["label"]) for s in response.context["suggestions"]] == [
        "The same theme, anywhere",
        "Every service in this place",
    ]
    assert '<a href="/en/search/?theme=digital-workshops">' in content
    assert '<a href="/en/search/?place=Paris">' in content
    assert '<a href="/en/centres/">' in content


def test_search_htmx_request_renders_only_the_results(client, koungou_antenna):
    response = client.get(
        "/fr/search/", {"theme": "digital-workshops", "place": "Koungou"}, HTTP_HX_REQUEST="true"
    )

    content = page(response)
    assert response.status_code == 200
    assert content.strip().startswith('<h2 id="results-heading" tabindex="-1">')
    assert "<html" not in content
    assert "<form" not in content
    assert "Antenne de Koungou" in content
    assert response["Vary"] == "HX-Request, Cookie"


def test_search_htmx_request_with_bad_values_lists_the_errors(client, koungou_antenna):
    response = client.get("/en/search/", {"lat": "500", "lon": "0"}, HTTP_HX_REQUEST="true")

    content = page(response)
    assert response.status_code == 200
    assert content.strip().startswith('<div class="form-errors" role="alert">')
    assert "The location given is not valid" in content


def test_search_form_uses_htmx_and_works_without_it(client, workshops):
    response = client.get("/fr/search/")

    content = page(response)
    assert '<form method="get" action="/fr/search/"' in content
    assert 'hx-get="/fr/search/" hx-target="#search-results"' in content
    assert 'hx-push-url="true"' in content


def test_search_runs_a_fixed_number_of_queries(client, network, django_assert_num_queries):
    make_centres(network, 3)
    with django_assert_num_queries(3):
        client.get("/fr/search/", {"theme": "jobs", "place": "Koungou"})
    make_centres(network, 3)

    with django_assert_num_queries(3):
        response = client.get("/fr/search/", {"theme": "jobs", "place": "Koungou"})

    assert len(response.context["hits"]) == 6


# --- Arrivals and departures -------------------------------------------------------------------


def test_movements_lists_public_arrivals_and_departures(client, centre_a):
    today = timezone.localdate()
    PositionFactory(
        centre=centre_a,
        person__full_name="Awa Diallo",
        starts_on=today,
        title={"fr": "Conseillère emploi"},
    )
    PositionFactory(
        centre=centre_a,
        person__full_name="Marc Petit",
        starts_on=today - datetime.timedelta(days=900),
        ends_on=today - datetime.timedelta(days=2),
    )
    PositionFactory(
        centre=centre_a, person__full_name="Secret Person", starts_on=today, is_public=False
    )

    response = client.get("/en/arrivals-and-departures/")

    content = page(response)
    assert response.status_code == 200
    assert [(m.kind, m.position.person.full_name) for m in response.context["movements"]] == [
        ("arrival", "Awa Diallo"),
        ("departure", "Marc Petit"),
    ]
    assert '<span class="badge badge-arrival">Arrival</span>' in content
    assert '<span class="badge badge-departure">Departure</span>' in content
    assert '<span lang="fr">Conseillère emploi</span>' in content
    assert "Secret Person" not in content


def test_movements_shows_partner_name_for_partner_positions(client, network):
    partner = PartnerOrganisationFactory(name="Mission locale Nord")
    PositionFactory(centre=None, partner=partner, starts_on=timezone.localdate())

    response = client.get("/fr/arrivals-and-departures/")

    assert "Mission locale Nord" in page(response)


def test_movements_runs_a_fixed_number_of_queries(client, network, django_assert_num_queries):
    make_centres(network, 3)
    with django_assert_num_queries(2):
        client.get("/fr/arrivals-and-departures/")
    make_centres(network, 3)

    with django_assert_num_queries(2):
        response = client.get("/fr/arrivals-and-departures/")

    assert len(response.context["movements"]) == 6


def test_public_pages_refuse_post(client, centre_a):
    responses = [
        client.post(url)
        for url in (
            "/fr/",
            "/fr/centres/",
            "/fr/centres/centre-a/",
            "/fr/search/",
            "/fr/arrivals-and-departures/",
        )
    ]

    assert [response.status_code for response in responses] == [405, 405, 405, 405, 405]


def test_network_model_is_optional_for_every_public_page(client, db):
    assert Network.objects.count() == 0

    responses = [
        client.get(url)
        for url in ("/fr/", "/fr/centres/", "/fr/search/", "/fr/arrivals-and-departures/")
    ]

    assert [response.status_code for response in responses] == [200, 200, 200, 200]
