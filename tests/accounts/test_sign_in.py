"""Sign-in rules: a second factor for managers and coordinators, rate limits, and the password
reset email that goes through the task queue."""

import pytest
from django.core import mail
from django.core.cache import cache

from cocade.accounts.enums import Role
from tests.factories.accounts import PASSWORD, MembershipFactory, UserFactory


@pytest.fixture(autouse=True)
def _empty_rate_limits():
    cache.clear()
    yield
    cache.clear()


def test_manager_without_second_factor_is_sent_to_set_one_up(client, centre_a):
    manager = MembershipFactory(role=Role.CENTRE_MANAGER, centre=centre_a).user
    client.force_login(manager)

    response = client.get("/fr/staff/")

    assert (response.status_code, response["Location"]) == (302, "/fr/accounts/2fa/totp/activate/")


def test_counsellor_without_second_factor_reaches_the_staff_space(client, counsellor_a):
    client.force_login(counsellor_a)

    response = client.get("/fr/staff/")

    assert response.status_code == 200


def test_coordinator_without_second_factor_cannot_open_a_staff_page(client, network):
    coordinator = MembershipFactory(role=Role.NETWORK_COORDINATOR, centre=None).user
    client.force_login(coordinator)

    response = client.get("/fr/staff/centres/new/")

    assert (response.status_code, response["Location"]) == (302, "/fr/accounts/2fa/totp/activate/")


def test_manager_with_second_factor_is_asked_for_a_code_after_the_password(client, manager_a):
    response = client.post("/fr/accounts/login/", {"login": manager_a.email, "password": PASSWORD})

    assert (response.status_code, response["Location"]) == (302, "/fr/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session


def test_after_five_failed_sign_ins_even_the_right_password_is_refused(client, db):
    user = UserFactory(email="someone@example.org")
    for _attempt in range(5):
        client.post("/fr/accounts/login/", {"login": user.email, "password": "wrong"})

    response = client.post(
        "/fr/accounts/login/",
        {"login": user.email, "password": PASSWORD},
        HTTP_ACCEPT_LANGUAGE="fr",
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert response.context["form"].errors["__all__"] == [
        "Trop de tentatives de connexion échouées. Veuillez réessayer ultérieurement."
    ]


def test_password_reset_email_is_delivered_by_the_task_queue(
    client, db, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "cocade.core.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    user = UserFactory(email="reset-me@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/accounts/password/reset/", {"email": user.email})

    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["reset-me@example.org"]]
    assert "/fr/accounts/password/reset/key/" in mail.outbox[0].body
