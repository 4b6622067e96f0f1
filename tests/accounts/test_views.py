"""The staff home page and the personal API tokens pages."""

import datetime
import hashlib

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation

from cocade.accounts.models import ApiToken
from cocade.accounts.services import authenticate_api_token, create_api_token
from cocade.core.models import AuditLogEntry
from tests.factories.accounts import ApiTokenFactory


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def field_errors(response, field):
    with translation.override("en"):
        return list(response.context["form"].errors.get(field, []))


# --- Staff home ---------------------------------------------------------------------------------


def test_staff_home_sends_anonymous_visitors_to_login(client):
    response = client.get(url("staff:home"))

    assert (response.status_code, response["Location"]) == (
        302,
        f"{url('account_login')}?next={url('staff:home')}",
    )


def test_staff_home_tells_a_public_user_they_have_no_role(client, public_user):
    client.force_login(public_user)

    response = client.get(url("staff:home"))

    assert response.status_code == 200
    assert response.context["memberships"] == []
    assert "your account has no staff role in the network yet" in response.content.decode()
    assert url("staff:api_tokens") not in response.content.decode()


def test_staff_home_shows_a_manager_roles_and_centre(client, manager_a, centre_a, centre_b):
    client.force_login(manager_a)

    response = client.get(url("staff:home"))

    content = response.content.decode()
    assert [(m.role, m.centre) for m in response.context["memberships"]] == [
        ("centre_manager", centre_a)
    ]
    assert [c.slug for c in response.context["centres"]] == ["centre-a"]
    assert url("staff_directory:centre", slug="centre-a") in content
    assert url("staff_directory:centre", slug="centre-b") not in content
    assert url("staff_directory:partners") in content
    assert url("staff:api_tokens") in content
    assert url("mfa_index") in content
    assert url("staff_directory:centre_create") not in content


def test_staff_home_offers_a_coordinator_to_add_a_centre(client, coordinator, centre_a, centre_b):
    client.force_login(coordinator)

    response = client.get(url("staff:home"))

    assert [c.slug for c in response.context["centres"]] == ["centre-a", "centre-b"]
    assert url("staff_directory:centre_create") in response.content.decode()


def test_staff_home_shows_a_counsellor_no_partner_link(client, counsellor_a):
    client.force_login(counsellor_a)

    response = client.get(url("staff:home"))

    assert url("staff_directory:partners") not in response.content.decode()


# --- API tokens: list and create ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("public_user", 403),
        ("counsellor_a", 200),
        ("manager_a", 200),
        ("coordinator", 200),
    ],
)
def test_api_tokens_page_answers_each_role(client, request, role, status):
    client.force_login(request.getfixturevalue(role))

    response = client.get(url("staff:api_tokens"))

    assert response.status_code == status


def test_api_tokens_page_sends_anonymous_visitors_to_login(client):
    response = client.get(url("staff:api_tokens"))

    assert (response.status_code, response["Location"]) == (
        302,
        f"{url('account_login')}?next={url('staff:api_tokens')}",
    )


def test_api_tokens_page_tells_a_public_user_why(client, public_user):
    client.force_login(public_user)

    response = client.get(url("staff:api_tokens"))

    assert (
        "API tokens are for the staff of the network; your account has no staff role."
        in response.content.decode()
    )


def test_api_tokens_page_lists_only_own_active_tokens(
    client, counsellor_a, manager_a, django_assert_num_queries
):
    mine = ApiTokenFactory(user=counsellor_a, name="export")
    ApiTokenFactory(user=counsellor_a, name="old", revoked_at=timezone.now())
    ApiTokenFactory(user=manager_a, name="theirs")
    client.force_login(counsellor_a)

    # session, user, memberships, tokens
    with django_assert_num_queries(4):
        response = client.get(url("staff:api_tokens"))

    assert list(response.context["tokens"]) == [mine]
    assert "theirs" not in response.content.decode()


def test_api_token_create_shows_the_raw_token_once(client, counsellor_a):
    client.force_login(counsellor_a)

    response = client.post(url("staff:api_tokens"), {"name": "export", "expires_at": ""})

    raw = response.context["created"]["raw"]
    token = ApiToken.objects.get()
    assert response.status_code == 200
    assert response.content.decode().count(raw) == 1
    assert (token.user, token.name, token.prefix, token.expires_at) == (
        counsellor_a,
        "export",
        raw[:12],
        None,
    )
    assert token.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert response["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"
    assert authenticate_api_token(raw) == counsellor_a


def test_api_token_create_keeps_the_raw_token_out_of_session_and_messages(client, counsellor_a):
    client.force_login(counsellor_a)

    created = client.post(url("staff:api_tokens"), {"name": "export"})
    raw = created.context["created"]["raw"]
    again = client.get(url("staff:api_tokens"))

    assert list(get_messages(created.wsgi_request)) == []
    assert raw not in str(dict(client.session.items()))
    assert raw not in again.content.decode()
    assert again.context["created"] is None


def test_api_token_create_sets_expiry_at_end_of_chosen_day(client, counsellor_a):
    day = timezone.localdate() + datetime.timedelta(days=30)
    client.force_login(counsellor_a)

    client.post(url("staff:api_tokens"), {"name": "export", "expires_at": day.isoformat()})

    expires_at = timezone.localtime(ApiToken.objects.get().expires_at)
    assert (expires_at.date(), expires_at.time()) == (
        day + datetime.timedelta(days=1),
        datetime.time(0, 0),
    )


def test_api_token_create_with_past_expiry_shows_error_at_field(client, counsellor_a):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    client.force_login(counsellor_a)

    response = client.post(
        url("staff:api_tokens"), {"name": "export", "expires_at": yesterday.isoformat()}
    )

    assert response.status_code == 400
    assert field_errors(response, "expires_at") == ["The expiry date must be in the future."]
    assert 'value="export"' in response.content.decode()
    assert ApiToken.objects.count() == 0


def test_api_token_create_without_name_shows_error_at_field(client, counsellor_a):
    client.force_login(counsellor_a)

    response = client.post(url("staff:api_tokens"), {"name": ""})

    assert response.status_code == 400
    assert field_errors(response, "name") == ["This field is required."]
    assert ApiToken.objects.count() == 0


def test_api_token_create_by_public_user_is_refused(client, public_user):
    client.force_login(public_user)

    response = client.post(url("staff:api_tokens"), {"name": "export"})

    assert response.status_code == 403
    assert ApiToken.objects.count() == 0
    assert AuditLogEntry.objects.count() == 0


# --- API tokens: revoke ---------------------------------------------------------------------


def test_api_token_revoke_stops_the_token(client, counsellor_a):
    token, raw = create_api_token(user=counsellor_a, name="export")
    client.force_login(counsellor_a)

    response = client.post(url("staff:api_token_revoke", pk=token.pk))

    token.refresh_from_db()
    assert (response.status_code, response["Location"]) == (302, url("staff:api_tokens"))
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "The token “export” was revoked."
    ]
    assert token.revoked_at is not None
    assert authenticate_api_token(raw) is None
    assert AuditLogEntry.objects.order_by("-id").first().action == "accounts.api_token.revoked"


def test_api_token_revoke_of_another_user_token_is_not_found(client, counsellor_a, manager_a):
    token, raw = create_api_token(user=manager_a, name="theirs")
    client.force_login(counsellor_a)

    response = client.post(url("staff:api_token_revoke", pk=token.pk))

    token.refresh_from_db()
    assert response.status_code == 404
    assert token.revoked_at is None
    assert authenticate_api_token(raw) == manager_a


def test_api_token_revoke_twice_is_not_found(client, counsellor_a):
    token, _raw = create_api_token(user=counsellor_a, name="export")
    client.force_login(counsellor_a)
    client.post(url("staff:api_token_revoke", pk=token.pk))

    response = client.post(url("staff:api_token_revoke", pk=token.pk))

    assert response.status_code == 404


def test_api_token_revoke_refuses_get(client, counsellor_a):
    token, raw = create_api_token(user=counsellor_a, name="export")
    client.force_login(counsellor_a)

    response = client.get(url("staff:api_token_revoke", pk=token.pk))

    assert response.status_code == 405
    assert authenticate_api_token(raw) == counsellor_a


def test_api_token_revoke_by_anonymous_goes_to_login(client, counsellor_a):
    token, raw = create_api_token(user=counsellor_a, name="export")

    response = client.post(url("staff:api_token_revoke", pk=token.pk))

    assert response.status_code == 302
    assert authenticate_api_token(raw) == counsellor_a


def test_api_token_revoke_by_public_user_is_refused(client, public_user):
    token = ApiTokenFactory(user=public_user)
    client.force_login(public_user)

    response = client.post(url("staff:api_token_revoke", pk=token.pk))

    token.refresh_from_db()
    assert response.status_code == 403
    assert token.revoked_at is None
