"""Personal API tokens: only the SHA-256 of a token is stored; revoked or expired tokens fail."""

import datetime
import hashlib

import pytest
from django.utils import timezone

from cocade.accounts.models import ApiToken
from cocade.accounts.services import (
    TOKEN_PREFIX,
    authenticate_api_token,
    create_api_token,
    revoke_api_token,
)
from cocade.core.errors import Forbidden, InvalidInput, NotFound
from cocade.core.models import AuditLogEntry


def test_create_api_token_stores_only_the_hash(counsellor_a):
    token, raw = create_api_token(user=counsellor_a, name="  export  ")

    stored = ApiToken.objects.get()
    assert raw.startswith(TOKEN_PREFIX)
    assert (stored.pk, stored.name, stored.prefix) == (token.pk, "export", raw[:12])
    assert stored.key_hash == hashlib.sha256(raw.encode("utf-8")).hexdigest()
    assert raw not in {stored.name, stored.prefix, stored.key_hash}


def test_create_api_token_gives_a_new_raw_token_each_time(counsellor_a):
    _first, raw_1 = create_api_token(user=counsellor_a, name="one")
    _second, raw_2 = create_api_token(user=counsellor_a, name="two")

    assert raw_1 != raw_2


def test_create_api_token_writes_an_audit_entry(counsellor_a):
    token, _raw = create_api_token(user=counsellor_a, name="export")

    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.object_id, entry.centre_id, entry.changes) == (
        "accounts.api_token.created",
        counsellor_a,
        str(token.pk),
        None,
        {"name": {"before": None, "after": "export"}},
    )


def test_create_api_token_for_user_without_role_is_forbidden(public_user):
    with pytest.raises(Forbidden):
        create_api_token(user=public_user, name="export")

    assert (ApiToken.objects.count(), AuditLogEntry.objects.count()) == (0, 0)


@pytest.mark.parametrize(
    ("name", "expires_in", "field"),
    [
        ("", None, "name"),
        ("x" * 101, None, "name"),
        ("export", datetime.timedelta(seconds=-1), "expires_at"),
    ],
)
def test_create_api_token_with_bad_input_is_refused(counsellor_a, name, expires_in, field):
    expires_at = timezone.now() + expires_in if expires_in else None

    with pytest.raises(InvalidInput) as error:
        create_api_token(user=counsellor_a, name=name, expires_at=expires_at)

    assert error.value.field == field
    assert ApiToken.objects.count() == 0


def test_authenticate_api_token_finds_the_user_and_records_use(counsellor_a):
    token, raw = create_api_token(user=counsellor_a, name="export")

    user = authenticate_api_token(raw)

    token.refresh_from_db()
    assert user == counsellor_a
    assert token.last_used_at is not None


@pytest.mark.parametrize("raw", ["", "cct_unknown", "not-a-token", "cct_" + "x" * 300])
def test_authenticate_api_token_refuses_unknown_tokens(counsellor_a, raw):
    create_api_token(user=counsellor_a, name="export")

    assert authenticate_api_token(raw) is None


def test_revoked_api_token_no_longer_authenticates(counsellor_a):
    token, raw = create_api_token(user=counsellor_a, name="export")

    revoked = revoke_api_token(user=counsellor_a, token_id=token.pk)

    assert revoked.revoked_at is not None
    assert authenticate_api_token(raw) is None
    assert AuditLogEntry.objects.order_by("-id").first().action == "accounts.api_token.revoked"


def test_expired_api_token_no_longer_authenticates(counsellor_a):
    token, raw = create_api_token(
        user=counsellor_a, name="export", expires_at=timezone.now() + datetime.timedelta(days=1)
    )
    ApiToken.objects.filter(pk=token.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )

    assert authenticate_api_token(raw) is None


def test_api_token_of_inactive_user_no_longer_authenticates(counsellor_a):
    _token, raw = create_api_token(user=counsellor_a, name="export")
    counsellor_a.is_active = False
    counsellor_a.save()

    assert authenticate_api_token(raw) is None


def test_revoke_api_token_of_another_user_is_not_found(counsellor_a, manager_a):
    token, raw = create_api_token(user=manager_a, name="theirs")

    with pytest.raises(NotFound):
        revoke_api_token(user=counsellor_a, token_id=token.pk)

    token.refresh_from_db()
    assert token.revoked_at is None
    assert authenticate_api_token(raw) == manager_a
