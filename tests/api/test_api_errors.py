"""Odd requests get a 4xx with {code, message, detail}, never a 500, on both databases."""

import json

import pytest

from cocade.directory.models import Centre
from tests.factories.directory import CentreFactory, PartnerOrganisationFactory


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/sites?q=%00", "q"),
        ("/api/v1/sites?place=Paris%00", "place"),
        ("/api/v1/sites?theme=%00", "theme"),
        ("/api/v1/centres?country=%00", "country"),
        ("/api/v1/centres?country=France", "country"),
        ("/api/v1/centres/a%00b", "slug"),
        ("/api/v1/centres/a%00b/sites", "slug"),
        ("/api/v1/partners/a%00b", "slug"),
        ("/api/v1/centres?lang=%00", "lang"),
        ("/api/v1/centres?offset=-1", "offset"),
        ("/api/v1/centres?limit=100000", "limit"),
        ("/api/v1/centres?offset=99999999999999999999999", "offset"),
    ],
)
def test_bad_query_or_path_is_422_at_the_field(client, directory, url, field):
    response = client.get(url)

    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert list(response.json()["detail"]) == [field]


def test_nul_character_in_a_path_of_a_write_is_422(client, directory, manager_a, bearer):
    response = client.patch(
        "/api/v1/centres/centre%00a",
        json.dumps({"city": "Lyon"}),
        content_type="application/json",
        **bearer(manager_a),
    )

    assert response.status_code == 422
    assert list(response.json()["detail"]) == ["slug"]


def test_unicode_slugs_are_found(client, directory):
    CentreFactory(slug="cité-sofia", country="BG", city="София")
    PartnerOrganisationFactory(slug="агенция")

    centre = client.get("/api/v1/centres/cité-sofia")
    partner = client.get("/api/v1/partners/агенция")

    assert (centre.status_code, centre.json()["city"]) == (200, "София")
    assert (partner.status_code, partner.json()["slug"]) == (200, "агенция")


def test_too_large_body_is_413(client, directory, manager_a, bearer, settings):
    headers = bearer(manager_a)
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100

    response = client.patch(
        "/api/v1/centres/centre-a",
        json.dumps({"city": "x" * 200}),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **headers,
    )

    assert response.status_code == 413
    assert response.json() == {
        "code": "too_large",
        "message": "The request body is too large.",
        "detail": {},
    }
    assert Centre.objects.get(pk=directory.centre_a.pk).city == "Paris"
