"""Public reads of the directory API: what anyone sees, and what a token adds."""

import datetime

import pytest

from cocade.accounts.services import revoke_api_token
from cocade.directory.enums import PartnerKind
from tests.factories.directory import (
    CentreFactory,
    PartnerOrganisationFactory,
    PartnershipFactory,
    ServiceTypeFactory,
    SiteFactory,
    SiteServiceFactory,
)

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _slugs(items):
    return [item["slug"] for item in items]


# --- Centres ----------------------------------------------------------------------------------


def test_centre_list_anonymous_returns_published_centres(client, directory):
    response = client.get("/api/v1/centres", **EN)

    assert response.status_code == 200
    assert response.json() == {
        "count": 2,
        "items": [
            {
                "slug": "centre-b",
                "name": {"fr": "Cité B"},
                "name_localized": "Cité B",
                "original_language": "fr",
                "country": "FR",
                "city": "Lyon",
                "is_published": True,
                "label": None,
            },
            {
                "slug": "centre-a",
                "name": {"fr": "Cité des métiers de Paris", "en": "Paris career centre"},
                "name_localized": "Paris career centre",
                "original_language": "fr",
                "country": "FR",
                "city": "Paris",
                "is_published": True,
                "label": {"status": "confirmed", "since": "2023-06-01"},
            },
        ],
    }


def test_centre_list_country_filter_returns_that_country_only(client, directory):
    CentreFactory(slug="porto", country="PT", city="Porto")

    response = client.get("/api/v1/centres?country=pt")

    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert _slugs(response.json()["items"]) == ["porto"]


def test_centre_list_limit_and_offset_page_the_centres(client, directory):
    response = client.get("/api/v1/centres?limit=1&offset=1")

    assert response.status_code == 200
    assert response.json()["count"] == 2
    assert _slugs(response.json()["items"]) == ["centre-a"]


def test_centre_list_with_coordinator_token_includes_unpublished(
    client, directory, coordinator, bearer
):
    response = client.get("/api/v1/centres", **bearer(coordinator))

    assert response.status_code == 200
    assert _slugs(response.json()["items"]) == ["centre-hidden", "centre-b", "centre-a"]
    assert response.json()["items"][0]["is_published"] is False


def test_centre_list_query_count_is_constant_for_anonymous(
    client, directory, django_assert_num_queries
):
    with django_assert_num_queries(2):
        small = client.get("/api/v1/centres")
    for number in range(5):
        CentreFactory(slug=f"more-{number}")

    with django_assert_num_queries(2):
        large = client.get("/api/v1/centres")

    assert (small.json()["count"], large.json()["count"]) == (2, 7)


def test_centre_list_query_count_is_constant_with_token(
    client, directory, coordinator, bearer, django_assert_num_queries
):
    headers = bearer(coordinator)
    client.get("/api/v1/centres", **headers)  # marks the token as used
    for number in range(5):
        CentreFactory(slug=f"more-{number}")

    # token, memberships, count, page
    with django_assert_num_queries(4):
        response = client.get("/api/v1/centres", **headers)

    assert response.json()["count"] == 8


def test_centre_detail_returns_label_languages_contact_poles_partners(client, directory):
    response = client.get("/api/v1/centres/centre-a", **EN)

    assert response.status_code == 200
    assert response.json() == {
        "slug": "centre-a",
        "name": {"fr": "Cité des métiers de Paris", "en": "Paris career centre"},
        "name_localized": "Paris career centre",
        "original_language": "fr",
        "country": "FR",
        "city": "Paris",
        "is_published": True,
        "label": {"status": "confirmed", "since": "2023-06-01"},
        "description": {"fr": "Un lieu ouvert à tous."},
        "carrier": "Universcience",
        "opened_on": "1993-03-01",
        "languages": ["fr", "en"],
        "logo": None,
        "contact": {
            "website": "https://cdm.example.org",
            "email": "contact@cdm.example.org",
            "phone": "+33 1 40 05 85 85",
        },
        "poles": [
            {
                "code": "emploi",
                "name": {"fr": "Trouver un emploi", "en": "Find a job"},
                "name_localized": "Find a job",
                "description": {},
                "original_language": "fr",
                "position": 1,
            }
        ],
        "partners": [
            {
                "partner": "france-travail",
                "name": "France Travail",
                "kind": "employment_service",
                "poles": ["emploi"],
                "hours_per_week": 10,
                "since": "2019-01-01",
                "until": None,
            }
        ],
    }


@pytest.mark.parametrize(
    ("query", "headers", "expected"),
    [
        ("", {}, "Cité des métiers de Paris"),
        ("", {"HTTP_ACCEPT_LANGUAGE": "en"}, "Paris career centre"),
        ("?lang=en", {}, "Paris career centre"),
        ("?lang=fr", {"HTTP_ACCEPT_LANGUAGE": "en"}, "Cité des métiers de Paris"),
        ("?lang=pt", {}, "Cité des métiers de Paris"),
    ],
)
def test_centre_detail_name_localized_follows_the_request_language(
    client, directory, query, headers, expected
):
    response = client.get(f"/api/v1/centres/centre-a{query}", **headers)

    assert response.status_code == 200
    assert response.json()["name_localized"] == expected


def test_centre_detail_unknown_lang_is_422(client, directory):
    response = client.get("/api/v1/centres/centre-a?lang=xx", **EN)

    assert response.status_code == 422
    assert response.json() == {
        "code": "invalid",
        "message": "The request body or parameters are not valid.",
        "detail": {"lang": ["Value error, Unknown language code."]},
    }


def test_centre_detail_unpublished_is_404_for_anonymous(client, directory):
    response = client.get("/api/v1/centres/centre-hidden", **EN)

    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "Not found.", "detail": {}}


def test_centre_detail_unpublished_is_visible_with_coordinator_token(
    client, directory, coordinator, bearer
):
    response = client.get("/api/v1/centres/centre-hidden", **bearer(coordinator))

    assert response.status_code == 200
    assert response.json()["slug"] == "centre-hidden"
    assert response.json()["is_published"] is False


def test_centre_detail_unpublished_is_404_for_another_centres_manager(
    client, directory, manager_b, bearer
):
    response = client.get("/api/v1/centres/centre-hidden", **bearer(manager_b))

    assert response.status_code == 404


@pytest.mark.parametrize("header", ["Bearer cct_not-a-real-token", "Bearer ", "Basic dXNlcjpwdw=="])
def test_centre_list_with_invalid_token_is_401(client, directory, header):
    response = client.get("/api/v1/centres", HTTP_AUTHORIZATION=header, **EN)

    assert response.status_code == 401
    assert response.json() == {
        "code": "unauthenticated",
        "message": "A valid API token is required (Authorization: Bearer …).",
        "detail": {},
    }


def test_centre_list_with_revoked_token_is_401(client, directory, coordinator, bearer):
    headers = bearer(coordinator)
    revoke_api_token(user=coordinator, token_id=coordinator.api_tokens.get().pk)

    response = client.get("/api/v1/centres", **headers)

    assert response.status_code == 401


# --- Sites ------------------------------------------------------------------------------------


def _paris_site_json():
    return {
        "id": None,  # set by the caller
        "kind": "main",
        "slug": "paris",
        "name": {"fr": "Site de Paris"},
        "name_localized": "Site de Paris",
        "original_language": "fr",
        "address": "30 avenue Corentin-Cariou",
        "postcode": "75019",
        "commune": "Paris",
        "latitude": 48.8956,
        "longitude": 2.3881,
        "step_free_access": True,
        "centre": "centre-a",
        "opening_hours": {"fr": "Du mardi au samedi"},
        "accessibility": {},
        "contact": {"email": "paris@cdm.example.org", "phone": "+33 1 40 05 85 85"},
        "is_published": True,
        "services": [
            {
                "id": None,  # set by the caller
                "service_type": {
                    "code": "mobility",
                    "name": {"fr": "Mobilité", "en": "Mobility"},
                    "name_localized": "Mobility",
                },
                "pole": "emploi",
                "partner": "france-travail",
                "details": {"fr": "Aide au permis"},
                "original_language": "fr",
            }
        ],
    }


def test_centre_sites_anonymous_returns_published_sites_with_services(client, directory):
    expected = _paris_site_json()
    expected["id"] = directory.paris.pk
    expected["services"][0]["id"] = directory.paris_mobility.pk

    response = client.get("/api/v1/centres/centre-a/sites", **EN)

    assert response.status_code == 200
    assert response.json() == [expected]


def test_centre_sites_with_manager_token_include_unpublished_sites(
    client, directory, manager_a, bearer
):
    response = client.get("/api/v1/centres/centre-a/sites", **bearer(manager_a))

    assert response.status_code == 200
    assert _slugs(response.json()) == ["annexe", "paris"]


def test_centre_sites_of_unpublished_centre_is_404_for_anonymous(client, directory):
    response = client.get("/api/v1/centres/centre-hidden/sites")

    assert response.status_code == 404


def test_site_detail_returns_the_site(client, directory):
    expected = _paris_site_json()
    expected["id"] = directory.paris.pk
    expected["services"][0]["id"] = directory.paris_mobility.pk

    response = client.get(f"/api/v1/sites/{directory.paris.pk}", **EN)

    assert response.status_code == 200
    assert response.json() == expected


@pytest.mark.parametrize("site", ["annexe", "hidden_site"])
def test_site_detail_unpublished_is_404_for_anonymous(client, directory, site):
    response = client.get(f"/api/v1/sites/{getattr(directory, site).pk}")

    assert response.status_code == 404


def test_site_detail_unpublished_is_visible_to_its_centres_staff(
    client, directory, counsellor_a, bearer
):
    response = client.get(f"/api/v1/sites/{directory.annexe.pk}", **bearer(counsellor_a))

    assert response.status_code == 200
    assert response.json()["slug"] == "annexe"


@pytest.mark.parametrize("site_id", ["0", "999999", "99999999999999999999", "abc"])
def test_site_detail_unknown_or_bad_id_is_4xx_with_code(client, directory, site_id):
    response = client.get(f"/api/v1/sites/{site_id}")

    assert response.status_code in {404, 422}
    assert set(response.json()) == {"code", "message", "detail"}


def test_site_search_by_theme_returns_sites_offering_it(client, directory):
    response = client.get("/api/v1/sites?theme=digital", **EN)

    assert response.status_code == 200
    assert response.json() == [
        {
            "id": directory.lyon.pk,
            "kind": "main",
            "slug": "lyon",
            "name": {"fr": "Site de Lyon"},
            "name_localized": "Site de Lyon",
            "original_language": "fr",
            "address": "",
            "postcode": "69003",
            "commune": "Lyon",
            "latitude": 45.75,
            "longitude": 4.85,
            "step_free_access": None,
            "centre": {"slug": "centre-b", "name": {"fr": "Cité B"}, "name_localized": "Cité B"},
            "themes": [
                {
                    "code": "digital",
                    "name": {"fr": "Numérique", "en": "Digital skills"},
                    "name_localized": "Digital skills",
                }
            ],
            "distance_km": None,
        }
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("place=75019", ["paris"]),
        ("place=lyon", ["lyon"]),
        ("q=mobilit%C3%A9", ["paris"]),
        ("q=nowhere", []),
        ("theme=unknown-theme", []),
    ],
)
def test_site_search_filters_by_place_and_text(client, directory, query, expected):
    response = client.get(f"/api/v1/sites?{query}")

    assert response.status_code == 200
    assert _slugs(response.json()) == expected


def test_site_search_near_a_point_orders_by_distance(client, directory):
    response = client.get("/api/v1/sites?lat=45.76&lon=4.84")

    assert response.status_code == 200
    assert _slugs(response.json()) == ["lyon", "paris"]
    assert [hit["distance_km"] for hit in response.json()] == [1.356, 394.555]


def test_site_search_never_lists_unpublished_sites(client, directory, coordinator, bearer):
    response = client.get("/api/v1/sites", **bearer(coordinator))

    assert response.status_code == 200
    assert sorted(_slugs(response.json())) == ["lyon", "paris"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("lat=45", "lon"),
        ("lon=4", "lat"),
        ("lat=91&lon=4", "lat"),
        ("lat=nan&lon=4", "lat"),
        ("lat=45&lon=east", "lon"),
        ("limit=0", "limit"),
        ("limit=1000", "limit"),
    ],
)
def test_site_search_bad_parameters_are_422_at_the_field(client, directory, query, field):
    response = client.get(f"/api/v1/sites?{query}")

    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert list(response.json()["detail"]) == [field]


def test_site_search_query_count_is_constant(client, directory, django_assert_num_queries):
    with django_assert_num_queries(2):
        client.get("/api/v1/sites")
    for number in range(5):
        site = SiteFactory(centre=directory.centre_b, slug=f"more-{number}")
        SiteServiceFactory(site=site, service_type=directory.digital)

    with django_assert_num_queries(2):
        response = client.get("/api/v1/sites")

    assert len(response.json()) == 7


# --- Service types and partners ---------------------------------------------------------------


def test_service_types_returns_every_theme_in_order(client, directory, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/api/v1/service-types?lang=en")

    assert response.status_code == 200
    assert response.json() == [
        {
            "code": "mobility",
            "name": {"fr": "Mobilité", "en": "Mobility"},
            "name_localized": "Mobility",
            "description": {},
            "original_language": "fr",
            "position": 1,
        },
        {
            "code": "digital",
            "name": {"fr": "Numérique", "en": "Digital skills"},
            "name_localized": "Digital skills",
            "description": {},
            "original_language": "fr",
            "position": 2,
        },
    ]


def test_partner_list_returns_partners_by_name(client, directory):
    PartnerOrganisationFactory(slug="afpa", name="Afpa", kind=PartnerKind.TRAINING)

    response = client.get("/api/v1/partners")

    assert response.status_code == 200
    assert response.json() == {
        "count": 2,
        "items": [
            {
                "slug": "afpa",
                "name": "Afpa",
                "kind": "training",
                "country": "FR",
                "website": "",
                "description": {},
                "original_language": "fr",
            },
            {
                "slug": "france-travail",
                "name": "France Travail",
                "kind": "employment_service",
                "country": "FR",
                "website": "https://www.francetravail.fr",
                "description": {"fr": "Service public de l'emploi."},
                "original_language": "fr",
            },
        ],
    }


def test_partner_list_query_count_is_constant(client, directory, django_assert_num_queries):
    with django_assert_num_queries(2):
        client.get("/api/v1/partners")
    for number in range(5):
        PartnerOrganisationFactory(slug=f"more-{number}")

    with django_assert_num_queries(2):
        response = client.get("/api/v1/partners")

    assert response.json()["count"] == 6


def test_partner_detail_lists_current_partnerships_at_visible_centres(client, directory):
    PartnershipFactory(centre=directory.hidden, partner=directory.partner)
    PartnershipFactory(
        centre=directory.centre_b,
        partner=directory.partner,
        starts_on=datetime.date(2015, 1, 1),
        ends_on=datetime.date(2016, 1, 1),
    )

    response = client.get("/api/v1/partners/france-travail", **EN)

    assert response.status_code == 200
    assert response.json() == {
        "slug": "france-travail",
        "name": "France Travail",
        "kind": "employment_service",
        "country": "FR",
        "website": "https://www.francetravail.fr",
        "description": {"fr": "Service public de l'emploi."},
        "original_language": "fr",
        "centres": [
            {
                "centre": {
                    "slug": "centre-a",
                    "name": {"fr": "Cité des métiers de Paris", "en": "Paris career centre"},
                    "name_localized": "Paris career centre",
                },
                "poles": ["emploi"],
                "hours_per_week": 10,
                "since": "2019-01-01",
                "until": None,
            }
        ],
    }


def test_partner_detail_unknown_slug_is_404(client, directory):
    response = client.get("/api/v1/partners/nobody")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_centre_detail_query_count_does_not_grow_with_sites(
    client, directory, django_assert_num_queries
):
    # centre, sites, services, pôles, partnerships, their pôles
    with django_assert_num_queries(6):
        client.get("/api/v1/centres/centre-a/sites")
    for number in range(5):
        site = SiteFactory(centre=directory.centre_a, slug=f"more-{number}")
        SiteServiceFactory(site=site, service_type=ServiceTypeFactory(code=f"theme-x{number}"))

    with django_assert_num_queries(6):
        response = client.get("/api/v1/centres/centre-a/sites")

    assert len(response.json()) == 6
