"""GET /api/v1/me: the user behind a token and the roles that decide what it may do."""

from cocade.accounts.enums import Role
from tests.factories.accounts import MembershipFactory


def test_me_returns_the_token_user_and_memberships(client, centre_a, centre_b, manager_a, bearer):
    MembershipFactory(user=manager_a, role=Role.COUNSELLOR, centre=centre_b)

    response = client.get("/api/v1/me", **bearer(manager_a))

    assert response.status_code == 200
    assert response.json() == {
        "email": "manager-a@example.org",
        "full_name": manager_a.full_name,
        "preferred_language": "fr",
        "memberships": [
            {"role": "centre_manager", "centre": "centre-a"},
            {"role": "counsellor", "centre": "centre-b"},
        ],
    }


def test_me_of_coordinator_has_a_network_role(client, coordinator, bearer):
    response = client.get("/api/v1/me", **bearer(coordinator))

    assert response.json()["memberships"] == [{"role": "network_coordinator", "centre": None}]


def test_me_without_token_is_401(client, manager_a):
    client.force_login(manager_a)

    response = client.get("/api/v1/me")

    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"
