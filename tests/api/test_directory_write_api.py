"""Scoped writes of the directory API: who may write what, and bad bodies change nothing."""

import datetime
import json

import pytest
from django.utils import timezone

from cocade.accounts.models import ApiToken
from cocade.accounts.services import create_api_token, revoke_api_token
from cocade.core.models import AuditLogEntry
from cocade.directory.models import Centre, LabelStatusChange, Site, SiteService

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}

NEW_SITE = {
    "slug": "belleville",
    "name": {"fr": "Antenne de Belleville", "en": "Belleville antenna"},
    "commune": "Paris",
    "kind": "antenna",
    "postcode": "75020",
    "latitude": 48.8722,
    "longitude": 2.3767,
    "step_free_access": False,
}

#: (method, path, body) of every write; {site} is replaced by the Paris site's id.
WRITES = [
    ("patch", "/api/v1/centres/centre-a", {"city": "Paris 19e"}),
    ("post", "/api/v1/centres/centre-a/sites", NEW_SITE),
    ("patch", "/api/v1/centres/centre-a/sites/{site}", {"commune": "Paris 19e"}),
    ("delete", "/api/v1/centres/centre-a/sites/{site}", None),
    (
        "post",
        "/api/v1/centres/centre-a/label-status",
        {"status": "renewed", "decided_on": "2024-06-01"},
    ),
    ("post", "/api/v1/centres/centre-a/sites/{site}/services", {"service_type": "digital"}),
]
WRITE_IDS = [
    "patch-centre",
    "create-site",
    "patch-site",
    "delete-site",
    "label-status",
    "create-service",
]
#: The writes a centre manager may make (the label is the coordinators').
MANAGER_WRITES = [write for write in WRITES if not write[1].endswith("label-status")]


def _send(client, method, path, body, directory, **headers):
    path = path.format(site=directory.paris.pk)
    if body is None:
        return getattr(client, method)(path, **headers)
    data = body if isinstance(body, str) else json.dumps(body)
    return getattr(client, method)(path, data, content_type="application/json", **headers)


def _state():
    """Everything a write could change, to compare before and after a refused request."""
    return {
        "centres": list(Centre.objects.order_by("pk").values()),
        "sites": list(Site.objects.order_by("pk").values()),
        "services": list(SiteService.objects.order_by("pk").values()),
        "labels": list(LabelStatusChange.objects.order_by("pk").values()),
        "audit": list(
            AuditLogEntry.objects.filter(action__startswith="directory.")
            .order_by("pk")
            .values_list("pk", flat=True)
        ),
    }


def _directory_audit():
    return list(
        AuditLogEntry.objects.filter(action__startswith="directory.")
        .order_by("pk")
        .values_list("action", "actor__email", "centre_id")
    )


# --- Who may write ----------------------------------------------------------------------------


@pytest.mark.parametrize(("method", "path", "body"), WRITES, ids=WRITE_IDS)
def test_write_without_token_is_401_and_changes_nothing(client, directory, method, path, body):
    before = _state()

    response = _send(client, method, path, body, directory, **EN)

    assert response.status_code == 401
    assert response.json() == {
        "code": "unauthenticated",
        "message": "A valid API token is required (Authorization: Bearer …).",
        "detail": {},
    }
    assert _state() == before


def _revoked(user):
    token, raw = create_api_token(user=user, name="revoked")
    revoke_api_token(user=user, token_id=token.pk)
    return raw


def _expired(user):
    token, raw = create_api_token(
        user=user, name="expired", expires_at=timezone.now() + datetime.timedelta(days=1)
    )
    ApiToken.objects.filter(pk=token.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    return raw


def _tampered(user):
    _token, raw = create_api_token(user=user, name="tampered")
    return raw[:-1] + ("A" if raw[-1] != "A" else "B")


def _of_inactive_user(user):
    _token, raw = create_api_token(user=user, name="inactive")
    user.is_active = False
    user.save()
    return raw


@pytest.mark.parametrize(
    "make_token",
    [_revoked, _expired, _tampered, _of_inactive_user],
    ids=["revoked", "expired", "tampered", "inactive-user"],
)
@pytest.mark.parametrize(("method", "path", "body"), WRITES[:2], ids=WRITE_IDS[:2])
def test_write_with_unusable_token_is_401_and_changes_nothing(
    client, directory, manager_a, make_token, method, path, body
):
    raw = make_token(manager_a)
    before = _state()

    response = _send(client, method, path, body, directory, HTTP_AUTHORIZATION=f"Bearer {raw}")

    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"
    assert _state() == before


def test_write_with_session_but_no_token_is_401(client, directory, manager_a):
    client.force_login(manager_a)
    before = _state()

    response = _send(client, "patch", "/api/v1/centres/centre-a", {"city": "Lyon"}, directory)

    assert response.status_code == 401
    assert _state() == before


@pytest.mark.parametrize(("method", "path", "body"), WRITES, ids=WRITE_IDS)
def test_write_by_another_centres_manager_is_404_and_changes_nothing(
    client, directory, manager_b, bearer, method, path, body
):
    headers = bearer(manager_b)
    before = _state()

    response = _send(client, method, path, body, directory, **headers, **EN)

    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "Not found.", "detail": {}}
    assert _state() == before


@pytest.mark.parametrize(("method", "path", "body"), WRITES, ids=WRITE_IDS)
def test_write_by_counsellor_is_403_and_changes_nothing(
    client, directory, counsellor_a, bearer, method, path, body
):
    headers = bearer(counsellor_a)
    before = _state()

    response = _send(client, method, path, body, directory, **headers, **EN)

    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert set(response.json()) == {"code", "message", "detail"}
    assert _state() == before


def test_label_status_by_centre_manager_is_403(client, directory, manager_a, bearer):
    headers = bearer(manager_a)
    before = _state()

    response = _send(client, *WRITES[4], directory, **headers, **EN)

    assert response.status_code == 403
    assert response.json() == {
        "code": "forbidden",
        "message": "Only network coordinators may change a label status.",
        "detail": {},
    }
    assert _state() == before


def test_site_of_another_centre_under_own_centre_is_404(client, directory, manager_a, bearer):
    headers = bearer(manager_a)
    before = _state()

    response = client.patch(
        f"/api/v1/centres/centre-a/sites/{directory.lyon.pk}",
        json.dumps({"commune": "Villeurbanne"}),
        content_type="application/json",
        **headers,
    )

    assert response.status_code == 404
    assert _state() == before


@pytest.mark.parametrize(
    ("method", "path", "body"), MANAGER_WRITES, ids=WRITE_IDS[:4] + WRITE_IDS[5:]
)
def test_write_by_coordinator_is_allowed_everywhere(
    client, directory, coordinator, bearer, method, path, body
):
    headers = bearer(coordinator)

    response = _send(client, method, path, body, directory, **headers)

    assert response.status_code in {200, 201, 204}
    assert len(_directory_audit()) == 1


# --- What a manager's write does --------------------------------------------------------------


def test_patch_centre_by_its_manager_changes_fields_and_writes_audit(
    client, directory, manager_a, bearer
):
    headers = bearer(manager_a)

    response = client.patch(
        "/api/v1/centres/centre-a",
        json.dumps(
            {
                "city": "Paris 19e",
                "phone": "+33 1 00 00 00 00",
                "name": {"fr": "Cité des métiers", "en": "Career centre"},
            }
        ),
        content_type="application/json",
        **headers,
        **EN,
    )

    assert response.status_code == 200
    assert response.json()["city"] == "Paris 19e"
    assert response.json()["name_localized"] == "Career centre"
    assert response.json()["contact"]["phone"] == "+33 1 00 00 00 00"
    centre = Centre.objects.get(pk=directory.centre_a.pk)
    assert (centre.city, centre.phone, centre.name) == (
        "Paris 19e",
        "+33 1 00 00 00 00",
        {"fr": "Cité des métiers", "en": "Career centre"},
    )
    assert centre.carrier == "Universcience"
    assert _directory_audit() == [
        ("directory.centre.updated", "manager-a@example.org", directory.centre_a.pk)
    ]
    assert AuditLogEntry.objects.get(action="directory.centre.updated").changes == {
        "city": {"before": "Paris", "after": "Paris 19e"},
        "phone": {"before": "+33 1 40 05 85 85", "after": "+33 1 00 00 00 00"},
        "name": {
            "before": {"fr": "Cité des métiers de Paris", "en": "Paris career centre"},
            "after": {"fr": "Cité des métiers", "en": "Career centre"},
        },
    }


def test_patch_centre_publication_by_manager_is_403(client, directory, manager_a, bearer):
    headers = bearer(manager_a)
    before = _state()

    response = client.patch(
        "/api/v1/centres/centre-a",
        json.dumps({"is_published": False}),
        content_type="application/json",
        **headers,
        **EN,
    )

    assert response.status_code == 403
    assert response.json() == {
        "code": "forbidden",
        "message": "Only network coordinators may publish or unpublish a centre.",
        "detail": {},
    }
    assert _state() == before


def test_patch_centre_publication_by_coordinator_unpublishes(
    client, directory, coordinator, bearer
):
    headers = bearer(coordinator)

    response = client.patch(
        "/api/v1/centres/centre-a",
        json.dumps({"is_published": False}),
        content_type="application/json",
        **headers,
    )

    assert response.status_code == 200
    assert response.json()["is_published"] is False
    assert Centre.objects.get(pk=directory.centre_a.pk).is_published is False
    assert client.get("/api/v1/centres/centre-a").status_code == 404


def test_patch_centre_new_slug_answers_the_centre_under_it(client, directory, manager_a, bearer):
    headers = bearer(manager_a)

    response = client.patch(
        "/api/v1/centres/centre-a",
        json.dumps({"slug": "paris"}),
        content_type="application/json",
        **headers,
    )

    assert response.status_code == 200
    assert response.json()["slug"] == "paris"
    assert client.get("/api/v1/centres/paris").status_code == 200


def test_create_site_by_manager_saves_it_and_writes_audit(client, directory, manager_a, bearer):
    headers = bearer(manager_a)

    response = client.post(
        "/api/v1/centres/centre-a/sites",
        json.dumps(NEW_SITE),
        content_type="application/json",
        **headers,
        **EN,
    )

    assert response.status_code == 201
    site = Site.objects.get(centre=directory.centre_a, slug="belleville")
    assert response.json() == {
        "id": site.pk,
        "kind": "antenna",
        "slug": "belleville",
        "name": {"fr": "Antenne de Belleville", "en": "Belleville antenna"},
        "name_localized": "Belleville antenna",
        "original_language": "fr",
        "address": "",
        "postcode": "75020",
        "commune": "Paris",
        "latitude": 48.8722,
        "longitude": 2.3767,
        "step_free_access": False,
        "centre": "centre-a",
        "opening_hours": {},
        "accessibility": {},
        "contact": {"email": "", "phone": ""},
        "is_published": True,
        "services": [],
    }
    assert (str(site.latitude), str(site.longitude)) == ("48.872200", "2.376700")
    assert _directory_audit() == [
        ("directory.site.created", "manager-a@example.org", directory.centre_a.pk)
    ]


def test_patch_site_by_manager_changes_only_sent_fields(client, directory, manager_a, bearer):
    headers = bearer(manager_a)

    response = client.patch(
        f"/api/v1/centres/centre-a/sites/{directory.paris.pk}",
        json.dumps({"commune": "Paris 19e", "latitude": None, "longitude": None}),
        content_type="application/json",
        **headers,
    )

    assert response.status_code == 200
    assert (response.json()["commune"], response.json()["latitude"]) == ("Paris 19e", None)
    site = Site.objects.get(pk=directory.paris.pk)
    assert (site.commune, site.latitude, site.longitude, site.postcode) == (
        "Paris 19e",
        None,
        None,
        "75019",
    )
    assert AuditLogEntry.objects.get(action="directory.site.updated").changes == {
        "commune": {"before": "Paris", "after": "Paris 19e"},
        "latitude": {"before": "48.895600", "after": None},
        "longitude": {"before": "2.388100", "after": None},
    }


def test_delete_site_by_manager_removes_it_and_writes_audit(client, directory, manager_a, bearer):
    headers = bearer(manager_a)

    response = client.delete(f"/api/v1/centres/centre-a/sites/{directory.paris.pk}", **headers)

    assert response.status_code == 204
    assert response.content == b""
    assert Site.objects.filter(pk=directory.paris.pk).exists() is False
    assert _directory_audit() == [
        ("directory.site.deleted", "manager-a@example.org", directory.centre_a.pk)
    ]


def test_label_status_by_coordinator_adds_a_step(client, directory, coordinator, bearer):
    headers = bearer(coordinator)

    response = client.post(
        "/api/v1/centres/centre-a/label-status",
        json.dumps({"status": "renewed", "decided_on": "2024-06-01", "note": "Annual review"}),
        content_type="application/json",
        **headers,
    )

    assert response.status_code == 201
    assert response.json() == {
        "status": "renewed",
        "decided_on": "2024-06-01",
        "note": "Annual review",
    }
    latest = directory.centre_a.label_history.order_by("-decided_on").first()
    assert (latest.status, latest.decided_on, latest.recorded_by) == (
        "renewed",
        datetime.date(2024, 6, 1),
        coordinator,
    )
    assert _directory_audit() == [
        ("directory.label_status.recorded", "coordinator@example.org", directory.centre_a.pk)
    ]
    assert client.get("/api/v1/centres/centre-a").json()["label"] == {
        "status": "renewed",
        "since": "2024-06-01",
    }


def test_create_service_by_manager_resolves_codes(client, directory, manager_a, bearer):
    headers = bearer(manager_a)

    response = client.post(
        f"/api/v1/centres/centre-a/sites/{directory.paris.pk}/services",
        json.dumps(
            {
                "service_type": "digital",
                "pole": "emploi",
                "partner": "france-travail",
                "details": {"fr": "Ateliers numériques"},
            }
        ),
        content_type="application/json",
        **headers,
        **EN,
    )

    assert response.status_code == 201
    service = SiteService.objects.get(site=directory.paris, service_type=directory.digital)
    assert response.json() == {
        "id": service.pk,
        "service_type": {
            "code": "digital",
            "name": {"fr": "Numérique", "en": "Digital skills"},
            "name_localized": "Digital skills",
        },
        "pole": "emploi",
        "partner": "france-travail",
        "details": {"fr": "Ateliers numériques"},
        "original_language": "fr",
    }
    assert (service.pole, service.partner) == (directory.pole, directory.partner)
    assert _directory_audit() == [
        ("directory.site_service.created", "manager-a@example.org", directory.centre_a.pk)
    ]


# --- Bad bodies -------------------------------------------------------------------------------

CENTRE = "/api/v1/centres/centre-a"
SITES = "/api/v1/centres/centre-a/sites"
SITE = "/api/v1/centres/centre-a/sites/{site}"
SERVICES = "/api/v1/centres/centre-a/sites/{site}/services"
LABEL = "/api/v1/centres/centre-a/label-status"


def _site(**changes):
    return json.dumps({**NEW_SITE, **changes})


BAD_BODIES = [
    # (method, path, raw body, status, field in detail)
    ("patch", CENTRE, '{"city": 12}', 422, "city"),
    ("patch", CENTRE, '{"city": null}', 422, "city"),
    ("patch", CENTRE, '{"city": "Lyon", "colour": "blue"}', 422, "colour"),
    ("patch", CENTRE, '{"logo": "logo.png"}', 422, "logo"),
    ("patch", CENTRE, '{"slug": "centre-b"}', 422, "slug"),
    ("patch", CENTRE, '{"slug": "not a slug"}', 422, "slug"),
    ("patch", CENTRE, '{"languages": "fr"}', 422, "languages"),
    ("patch", CENTRE, '{"languages": ["xx"]}', 422, "languages"),
    ("patch", CENTRE, '{"country": "XX"}', 422, "country"),
    ("patch", CENTRE, '{"email": "not-an-email"}', 422, "email"),
    ("patch", CENTRE, '{"website": "javascript:alert(1)"}', 422, "website"),
    ("patch", CENTRE, '{"is_published": "yes"}', 422, "is_published"),
    ("patch", CENTRE, '{"opened_on": "yesterday"}', 422, "opened_on"),
    ("patch", CENTRE, '{"name": {"fr": ""}}', 422, "name"),
    ("patch", CENTRE, '{"name": {"xx": "Cité"}}', 422, "name"),
    ("patch", CENTRE, '{"name": "Cité"}', 422, "name"),
    ("patch", CENTRE, '{"city": "' + "x" * 121 + '"}', 422, "city"),
    ("patch", CENTRE, '{"city": "Ly\\u0000on"}', 422, "body"),
    ("patch", CENTRE, "[1, 2]", 422, "body"),
    ("patch", CENTRE, '"city"', 422, "body"),
    ("patch", CENTRE, '{"city": "Lyon"', 400, None),
    ("patch", CENTRE, "city=Lyon", 400, None),
    ("post", SITES, "", 422, "body"),
    ("post", SITES, _site(latitude=200), 422, "latitude"),
    ("post", SITES, _site(longitude=-181), 422, "longitude"),
    ("post", SITES, _site(latitude="north"), 422, "latitude"),
    ("post", SITES, _site(latitude=48.1234567), 422, "latitude"),
    ("post", SITES, _site(latitude=1e400), 422, "latitude"),
    ("post", SITES, _site(longitude=None), 422, "__all__"),
    ("post", SITES, _site(slug="paris"), 422, "__all__"),
    ("post", SITES, _site(kind="main"), 422, "__all__"),
    ("post", SITES, _site(kind="castle"), 422, "kind"),
    ("post", SITES, _site(step_free_access="maybe"), 422, "step_free_access"),
    ("post", SITES, _site(centre=2), 422, "centre"),
    ("post", SITES, json.dumps({"slug": "x", "commune": "Paris"}), 422, "name"),
    ("patch", SITE, '{"latitude": 200}', 422, "latitude"),
    ("patch", SITE, '{"slug": null}', 422, "slug"),
    ("patch", SITE, '{"id": 5}', 422, "id"),
    ("post", SERVICES, '{"service_type": "astrology"}', 422, "service_type"),
    ("post", SERVICES, '{"service_type": "digital", "pole": "nope"}', 422, "pole"),
    ("post", SERVICES, '{"service_type": "digital", "partner": "nobody"}', 422, "partner"),
    ("post", SERVICES, '{"service_type": "mobility"}', 422, "__all__"),
    ("post", SERVICES, '{"service_type": 3}', 422, "service_type"),
    ("post", SERVICES, "{}", 422, "service_type"),
]


@pytest.mark.parametrize(("method", "path", "body", "status", "field"), BAD_BODIES)
def test_bad_body_is_4xx_with_code_and_changes_nothing(
    client, directory, manager_a, bearer, method, path, body, status, field
):
    headers = bearer(manager_a)
    before = _state()

    response = _send(client, method, path, body, directory, **headers, **EN)

    assert response.status_code == status
    payload = response.json()
    assert set(payload) == {"code", "message", "detail"}
    assert payload["code"] == ("invalid" if status == 422 else "bad_request")
    assert payload["message"] != ""
    assert list(payload["detail"]) == ([field] if field else [])
    assert _state() == before


def test_bad_body_unknown_codes_are_reported_at_each_field(client, directory, manager_a, bearer):
    headers = bearer(manager_a)

    response = client.post(
        f"/api/v1/centres/centre-a/sites/{directory.paris.pk}/services",
        json.dumps({"service_type": "astrology", "pole": "nope", "partner": "nobody"}),
        content_type="application/json",
        **headers,
        **EN,
    )

    assert response.status_code == 422
    assert response.json() == {
        "code": "invalid",
        "message": "Unknown service type code.",
        "detail": {
            "service_type": ["Unknown service type code."],
            "pole": ["This centre has no pôle with this code."],
            "partner": ["Unknown partner organisation."],
        },
    }


def test_bad_body_malformed_json_answers_bad_request(client, directory, manager_a, bearer):
    headers = bearer(manager_a)

    response = client.patch(
        "/api/v1/centres/centre-a", "{not json", content_type="application/json", **headers, **EN
    )

    assert response.status_code == 400
    assert response.json() == {
        "code": "bad_request",
        "message": "The request could not be read; send a JSON object.",
        "detail": {},
    }


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "interest", "decided_on": "2024-06-01"}, "status"),
        ({"status": "knighted", "decided_on": "2024-06-01"}, "status"),
        ({"status": "renewed", "decided_on": "2999-01-01"}, "decided_on"),
        ({"status": "renewed", "decided_on": "2021-01-01"}, "decided_on"),
        ({"status": "renewed"}, "decided_on"),
        ({"status": "renewed", "decided_on": "2024-06-01", "by": "me"}, "by"),
    ],
)
def test_label_status_bad_body_is_422_at_the_field(
    client, directory, coordinator, bearer, body, field
):
    headers = bearer(coordinator)
    before = _state()

    response = client.post(
        "/api/v1/centres/centre-a/label-status",
        json.dumps(body),
        content_type="application/json",
        **headers,
        **EN,
    )

    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert list(response.json()["detail"]) == [field]
    assert _state() == before


def test_label_status_bad_transition_names_both_statuses(client, directory, coordinator, bearer):
    headers = bearer(coordinator)

    response = client.post(
        "/api/v1/centres/centre-a/label-status",
        json.dumps({"status": "interest", "decided_on": "2024-06-01"}),
        content_type="application/json",
        **headers,
        **EN,
    )

    message = "The label cannot go from “Label confirmed” to “Letter of interest”."
    assert response.json() == {
        "code": "invalid",
        "message": message,
        "detail": {"status": [message]},
    }
