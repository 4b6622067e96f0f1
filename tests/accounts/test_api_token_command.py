"""`cocade api-token EMAIL`: a personal access token from the command line."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from cocade.accounts.models import ApiToken
from cocade.accounts.services import authenticate_api_token
from cocade.core.models import AuditLogEntry


def _run(*args):
    out, err = StringIO(), StringIO()
    with translation.override("en"):
        call_command("api-token", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_api_token_command_prints_a_working_token_once(manager_a):
    out, err = _run("manager-a@example.org", "--name", "reporting")

    raw = out.strip()
    token = ApiToken.objects.get(user=manager_a)
    assert raw.startswith("cct_")
    assert authenticate_api_token(raw) == manager_a
    assert (token.name, token.prefix, token.expires_at) == ("reporting", raw[:12], None)
    assert raw not in token.key_hash
    assert err.strip() != ""
    assert list(
        AuditLogEntry.objects.filter(action="accounts.api_token.created").values_list(
            "actor", flat=True
        )
    ) == [manager_a.pk]


def test_api_token_command_matches_email_in_any_case(counsellor_a):
    _run("Counsellor-A@Example.org")

    assert list(ApiToken.objects.values_list("user", "name")) == [(counsellor_a.pk, "command line")]


def test_api_token_command_expires_days_sets_the_expiry(coordinator):
    before = timezone.now()

    _run("coordinator@example.org", "--expires-days", "30")

    expires_at = ApiToken.objects.get(user=coordinator).expires_at
    assert before + datetime.timedelta(days=30) <= expires_at
    assert expires_at <= timezone.now() + datetime.timedelta(days=30)


def test_api_token_command_unknown_email_fails_and_writes_nothing(db):
    with pytest.raises(CommandError) as error:
        _run("nobody@example.org")

    assert str(error.value) == "No active user has the email address nobody@example.org."
    assert ApiToken.objects.count() == 0


def test_api_token_command_user_without_role_fails_and_writes_nothing(public_user):
    with pytest.raises(CommandError) as error:
        _run("public@example.org")

    assert str(error.value) == "Only staff members can create API tokens."
    assert ApiToken.objects.count() == 0
    assert AuditLogEntry.objects.count() == 0


@pytest.mark.parametrize("days", ["0", "-3", "5000"])
def test_api_token_command_bad_expiry_fails_and_writes_nothing(manager_a, days):
    with pytest.raises(CommandError) as error:
        _run("manager-a@example.org", "--expires-days", days)

    assert str(error.value) == "--expires-days must be between 1 and 3650."
    assert ApiToken.objects.count() == 0


def test_api_token_command_empty_name_fails_and_writes_nothing(manager_a):
    with pytest.raises(CommandError) as error:
        _run("manager-a@example.org", "--name", "  ")

    assert str(error.value) == "Give the token a name."
    assert ApiToken.objects.count() == 0
