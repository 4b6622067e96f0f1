"""Shared fixtures: two centres (A and B) and one user per role."""

import pytest

from cocade.accounts.enums import Role
from tests.factories.accounts import MembershipFactory, UserFactory
from tests.factories.directory import CentreFactory, NetworkFactory


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language, whatever the one before left active."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def network(db):
    return NetworkFactory()


@pytest.fixture
def centre_a(network):
    return CentreFactory(network=network, slug="centre-a", name={"fr": "Cité A"})


@pytest.fixture
def centre_b(network):
    return CentreFactory(network=network, slug="centre-b", name={"fr": "Cité B"})


@pytest.fixture
def public_user(db):
    return UserFactory(email="public@example.org")


@pytest.fixture
def counsellor_a(centre_a):
    return MembershipFactory(
        user__email="counsellor-a@example.org", role=Role.COUNSELLOR, centre=centre_a
    ).user


@pytest.fixture
def manager_a(centre_a):
    return MembershipFactory(
        user__email="manager-a@example.org",
        user__with_totp=True,
        role=Role.CENTRE_MANAGER,
        centre=centre_a,
    ).user


@pytest.fixture
def manager_b(centre_b):
    return MembershipFactory(
        user__email="manager-b@example.org",
        user__with_totp=True,
        role=Role.CENTRE_MANAGER,
        centre=centre_b,
    ).user


@pytest.fixture
def coordinator(network):
    return MembershipFactory(
        user__email="coordinator@example.org",
        user__with_totp=True,
        role=Role.NETWORK_COORDINATOR,
        centre=None,
    ).user
