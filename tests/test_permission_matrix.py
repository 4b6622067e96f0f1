"""Every URL pattern, requested by every role: the expected status, and for a refused write,
proof that nothing changed. A URL pattern missing from MATRIX fails the suite."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.core import serializers
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

import tests
from cocade.accounts.models import ApiToken, hash_token
from tests.factories.directory import (
    PartnerOrganisationFactory,
    PartnershipFactory,
    PoleFactory,
    PositionFactory,
    ServiceTypeFactory,
    SiteFactory,
    SiteServiceFactory,
)
from tests.matrix import (
    ALL_200,
    API_CREATE_A,
    API_DELETE_A,
    API_LABEL_A,
    API_PATCH_A_EMPTY,
    COORDINATOR_GET,
    COORDINATOR_POST_EMPTY,
    DELETE_A,
    LABEL_A_GET,
    LABEL_A_POST_EMPTY,
    MANAGE_A_GET,
    MANAGE_A_POST_EMPTY,
    OWN_APPS,
    PARTNERS_GET,
    PARTNERS_POST_EMPTY,
    ROLES,
    SIGNED_IN_200,
    VIEW_A,
    Case,
    S,
)

MATRIX: dict[str, Case] = {
    # Public pages and health.
    "healthz": Case(get=ALL_200),
    "directory:home": Case(get=ALL_200, post=S(405, 405, 405, 405, 405, 405)),
    "directory:centres": Case(get=ALL_200),
    "directory:centre": Case("centre", get=ALL_200),
    "directory:search": Case(get=ALL_200),
    "directory:movements": Case(get=ALL_200),
    # Staff home and tokens.
    "staff:home": Case(get=SIGNED_IN_200),
    "staff:api_tokens": Case(
        get=S(302, 403, 200, 200, 200, 200), post=S(302, 403, 400, 400, 400, 400)
    ),
    "staff:api_token_revoke": Case(
        "token_of_manager_a",
        get=S(302, 405, 405, 405, 405, 405),
        post=S(302, 403, 404, 302, 404, 404),
    ),
    # Staff directory.
    "staff_directory:centres": Case(get=S(302, 403, 200, 200, 200, 200)),
    "staff_directory:centre_create": Case(get=COORDINATOR_GET, post=COORDINATOR_POST_EMPTY),
    "staff_directory:centre": Case("centre", get=VIEW_A),
    "staff_directory:centre_edit": Case("centre", get=MANAGE_A_GET, post=MANAGE_A_POST_EMPTY),
    "staff_directory:label_status": Case("centre", get=LABEL_A_GET, post=LABEL_A_POST_EMPTY),
    "staff_directory:audit_log": Case("centre", get=MANAGE_A_GET),
    "staff_directory:site_create": Case("centre", get=MANAGE_A_GET, post=MANAGE_A_POST_EMPTY),
    "staff_directory:site_edit": Case("site", get=MANAGE_A_GET, post=MANAGE_A_POST_EMPTY),
    "staff_directory:site_delete": Case("site", get=S(302, 405, 405, 405, 405, 405), post=DELETE_A),
    "staff_directory:site_services": Case("site", get=MANAGE_A_GET, post=MANAGE_A_POST_EMPTY),
    "staff_directory:site_service_delete": Case("site_service", post=DELETE_A),
    "staff_directory:pole_create": Case("centre", get=MANAGE_A_GET, post=MANAGE_A_POST_EMPTY),
    "staff_directory:pole_edit": Case("pole", get=MANAGE_A_GET, post=MANAGE_A_POST_EMPTY),
    "staff_directory:partnership_create": Case(
        "centre", get=MANAGE_A_GET, post=MANAGE_A_POST_EMPTY
    ),
    "staff_directory:partnership_edit": Case(
        "partnership", get=MANAGE_A_GET, post=MANAGE_A_POST_EMPTY
    ),
    "staff_directory:position_create": Case("centre", get=MANAGE_A_GET, post=MANAGE_A_POST_EMPTY),
    "staff_directory:position_edit": Case("position", get=MANAGE_A_GET, post=MANAGE_A_POST_EMPTY),
    "staff_directory:partners": Case(get=PARTNERS_GET),
    "staff_directory:partner_create": Case(get=PARTNERS_GET, post=PARTNERS_POST_EMPTY),
    "staff_directory:partner_edit": Case("partner", get=PARTNERS_GET, post=PARTNERS_POST_EMPTY),
    # JSON API.
    "api:api-root": Case(get=S(404, 404, 404, 404, 404, 404)),
    "api:openapi-json": Case(get=ALL_200),
    "api:list_centres": Case(get=ALL_200),
    "api:get_centre": Case("centre", get=ALL_200),
    "api:update_centre": Case("centre", patch=API_PATCH_A_EMPTY),
    "api:list_centre_sites": Case("centre", get=ALL_200),
    "api:create_site": Case(
        "centre",
        post=API_CREATE_A,
        extra={"slug": "new-site", "name": {"fr": "Nouveau site"}, "commune": "Koungou"},
    ),
    "api:search_sites": Case(get=ALL_200),
    "api:get_site": Case("site_id", get=ALL_200),
    "api:update_site": Case("centre_site_id", patch=API_PATCH_A_EMPTY),
    "api:delete_site": Case("centre_site_id", delete=API_DELETE_A),
    "api:create_site_service": Case(
        "centre_site_id", post=API_CREATE_A, extra={"service_type": "events"}
    ),
    "api:record_label_status": Case(
        "centre", post=API_LABEL_A, extra={"status": "labelled", "decided_on": "2020-01-01"}
    ),
    "api:list_service_types": Case(get=ALL_200),
    "api:list_partners": Case(get=ALL_200),
    "api:get_partner": Case("partner", get=ALL_200),
    "api:me": Case(get=S(401, 200, 200, 200, 200, 200)),
    # Accounts (django-allauth): signed-in users are sent on from the entrance pages.
    "account_login": Case(get=S(200, 302, 302, 302, 302, 302)),
    "account_logout": Case(get=S(302, 200, 200, 200, 200, 200)),
    "account_inactive": Case(get=ALL_200),
    "account_signup": Case(get=S(200, 302, 302, 302, 302, 302)),
    "account_reauthenticate": Case(get=SIGNED_IN_200),
    "account_email": Case(get=SIGNED_IN_200),
    "account_email_verification_sent": Case(get=ALL_200),
    "account_change_password": Case(get=SIGNED_IN_200),
    "account_set_password": Case(get=S(302, 302, 302, 302, 302, 302)),
    "account_reset_password": Case(get=ALL_200),
    "account_confirm_login_code": Case(get=S(302, 302, 302, 302, 302, 302)),
    "account_confirm_email": Case("bad_key", get=ALL_200),
    "account_reset_password_from_key_done": Case(get=ALL_200),
    "account_reset_password_from_key": Case("bad_uid_key", get=ALL_200),
    "account_reset_password_done": Case(get=ALL_200),
    "mfa_index": Case(get=SIGNED_IN_200),
    "mfa_authenticate": Case(get=S(302, 302, 302, 302, 302, 302)),
    # allauth asks for a recent sign-in (reauthentication) before changing a second factor.
    "mfa_reauthenticate": Case(get=S(302, 302, 302, 200, 200, 200)),
    "mfa_activate_totp": Case(get=S(302, 302, 302, 302, 302, 302)),
    "mfa_deactivate_totp": Case(get=S(302, 404, 404, 302, 302, 302)),
    "mfa_view_recovery_codes": Case(get=S(302, 404, 404, 404, 404, 404)),
    "mfa_generate_recovery_codes": Case(get=S(302, 302, 302, 302, 302, 302)),
    "mfa_download_recovery_codes": Case(get=S(302, 404, 404, 404, 404, 404)),
}


EXTRA_KINDS: dict = {}
for _module_info in pkgutil.walk_packages(tests.__path__, "tests."):
    if _module_info.name.rsplit(".", 1)[-1].startswith("matrix_"):
        _module = importlib.import_module(_module_info.name)
        _overlap = set(MATRIX) & set(_module.ENTRIES)
        assert not _overlap, f"{_module_info.name} repeats {sorted(_overlap)}"
        MATRIX.update(_module.ENTRIES)
        EXTRA_KINDS.update(getattr(_module, "KINDS", {}))


def _url_names(patterns=None, namespace=None):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            name = f"{namespace}:{inner}" if namespace and inner else (inner or namespace)
            yield from _url_names(pattern.url_patterns, name)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_url_pattern_is_in_the_matrix():
    names = set(_url_names())

    assert (sorted(names - set(MATRIX)), sorted(set(MATRIX) - names)) == ([], [])


def fingerprint() -> str:
    """Every row of our apps and of the account tables, minus last-use timestamps."""
    models = [model for app in OWN_APPS for model in apps.get_app_config(app).get_models()]
    models += [EmailAddress, Authenticator]
    parts = []
    for model in models:
        rows = serializers.serialize("json", model.objects.order_by("pk"))
        parts.append(rows)
    text = "\n".join(parts)
    return text


def _stable(text: str) -> str:
    import json

    cleaned = []
    for block in text.split("\n"):
        rows = json.loads(block)
        for row in rows:
            row["fields"].pop("last_used_at", None)
            row["fields"].pop("last_login", None)
        cleaned.append(rows)
    return json.dumps(cleaned, sort_keys=True)


@pytest.fixture
def objects(centre_a, manager_a, counsellor_a):
    from tests.agenda.objects_for_matrix import agenda_objects
    from tests.competencies.objects_for_matrix import competency_objects
    from tests.practices.objects_for_matrix import practice_objects
    from tests.recruitment.objects_for_matrix import recruitment_objects

    return {
        **_directory_objects(centre_a, manager_a),
        **competency_objects(centre_a, counsellor_a),
        **practice_objects(centre_a, counsellor_a),
        **agenda_objects(centre_a, counsellor_a),
        **recruitment_objects(centre_a),
    }


def _directory_objects(centre_a, manager_a):
    site = SiteFactory(centre=centre_a, slug="site-a")
    pole = PoleFactory(centre=centre_a, code="emploi")
    partner = PartnerOrganisationFactory(slug="france-travail")
    service = SiteServiceFactory(site=site, service_type=ServiceTypeFactory(code="mobility"))
    ServiceTypeFactory(code="events")
    return {
        "site": site,
        "pole": pole,
        "partner": partner,
        "service": service,
        "partnership": PartnershipFactory(centre=centre_a, partner=partner),
        "position": PositionFactory(centre=centre_a),
        "token_of_manager_a": ApiToken.objects.create(
            user=manager_a, name="matrix", prefix="cct_manager", key_hash=hash_token("x")
        ),
    }


def _kwargs(kind: str, centre, objects) -> dict:
    if kind in EXTRA_KINDS:
        return EXTRA_KINDS[kind](objects)
    site = objects["site"]
    return {
        "": {},
        "centre": {"slug": centre.slug},
        "site": {"slug": centre.slug, "pk": site.pk},
        "site_id": {"site_id": site.pk},
        "centre_site_id": {"slug": centre.slug, "site_id": site.pk},
        "site_service": {"slug": centre.slug, "pk": site.pk, "service_pk": objects["service"].pk},
        "pole": {"slug": centre.slug, "pk": objects["pole"].pk},
        "partnership": {"slug": centre.slug, "pk": objects["partnership"].pk},
        "position": {"slug": centre.slug, "pk": objects["position"].pk},
        "partner": {"slug": objects["partner"].slug},
        "token_of_manager_a": {"pk": objects["token_of_manager_a"].pk},
        "bad_key": {"key": "not-a-real-key"},
        "bad_uid_key": {"uidb36": "zz", "key": "not-a-real-key"},
    }[kind]


def _requests():
    for name, case in MATRIX.items():
        for method in ("get", "post", "patch", "put", "delete"):
            expected = getattr(case, method)
            if expected is None:
                continue
            for role in ROLES:
                yield pytest.param(name, method, role, expected[role], id=f"{name}-{method}-{role}")


@pytest.mark.parametrize(("name", "method", "role", "status"), list(_requests()))
def test_role_gets_the_expected_status(
    name, method, role, status, request, client, centre_a, centre_b, objects
):
    user = None if role == "anonymous" else request.getfixturevalue(role)
    headers = {}
    if name.startswith("api:"):
        if user is not None:
            raw = f"cct_matrix_{role}"
            ApiToken.objects.create(
                user=user, name="matrix", prefix=raw[:12], key_hash=hash_token(raw)
            )
            headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    elif user is not None:
        client.force_login(user)
    case = MATRIX[name]
    with translation.override("fr"):
        url = reverse(name, kwargs=_kwargs(case.kwargs, centre_a, objects))
    before = _stable(fingerprint())

    if method == "get":
        response = client.get(url, **headers)
    elif name.startswith("api:"):
        response = getattr(client, method)(
            url, data=case.extra, content_type="application/json", **headers
        )
    else:
        response = getattr(client, method)(url, data={}, **headers)
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)  # reading a download to its end closes its file

    assert response.status_code == status, response.content[:500]
    if status == 302 and role == "anonymous" and not name.startswith("account_"):
        assert response["Location"].startswith("/fr/accounts/login/")
    if (
        method != "get"
        and status in {302, 401, 403, 404, 405}
        and not (status == 302 and role != "anonymous")
    ):
        assert _stable(fingerprint()) == before
