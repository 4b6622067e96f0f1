"""The organisers' list of events: what each role sees, the order, the filters, the counts
and the number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from cocade.agenda.enums import EventKind, EventStatus, RegistrationStatus
from tests.factories.accounts import MembershipFactory
from tests.factories.agenda import EventFactory, RegistrationFactory, in_days


def url(**query):
    with translation.override("en"):
        address = reverse("staff_agenda:events")
    if query:
        address += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return address


def titles(events):
    return [event.title["fr"] for event in events]


@pytest.mark.django_db
def test_list_shows_upcoming_first_then_past_latest_first(client, manager_a, centre_a):
    EventFactory(centre=centre_a, title={"fr": "Plus tard"}, starts_at=in_days(20))
    EventFactory(centre=centre_a, title={"fr": "Bientôt"}, starts_at=in_days(2))
    EventFactory(centre=centre_a, title={"fr": "Hier"}, starts_at=in_days(-1))
    EventFactory(centre=centre_a, title={"fr": "Le mois dernier"}, starts_at=in_days(-30))
    client.force_login(manager_a)

    response = client.get(url())

    assert response.status_code == 200
    assert titles(response.context["upcoming"]) == ["Bientôt", "Plus tard"]
    assert titles(response.context["past"]) == ["Hier", "Le mois dernier"]


@pytest.mark.django_db
def test_list_holds_only_the_events_the_user_organises(client, manager_a, centre_a, centre_b):
    EventFactory(centre=centre_a, title={"fr": "A"})
    EventFactory(centre=centre_b, title={"fr": "B"})
    named = EventFactory(centre=centre_b, title={"fr": "B, nommé"})
    named.organisers.add(manager_a)
    EventFactory(centre=None, title={"fr": "Réseau"})
    client.force_login(manager_a)

    response = client.get(url())

    assert sorted(titles(response.context["upcoming"])) == ["A", "B, nommé"]


@pytest.mark.django_db
def test_list_for_the_coordinator_holds_every_event(client, coordinator, centre_a, centre_b):
    EventFactory(centre=centre_a, title={"fr": "A"})
    EventFactory(centre=centre_b, title={"fr": "B"})
    EventFactory(centre=None, title={"fr": "Réseau"})
    client.force_login(coordinator)

    response = client.get(url())

    assert sorted(titles(response.context["upcoming"])) == ["A", "B", "Réseau"]


@pytest.mark.django_db
def test_list_counts_confirmed_waiting_and_pending_registrations(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a, capacity=2, waitlist=True)
    RegistrationFactory.create_batch(2, event=event)
    RegistrationFactory.create_batch(3, event=event, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=event, status=RegistrationStatus.PENDING)
    RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    client.force_login(manager_a)

    response = client.get(url())

    row = response.context["upcoming"][0]
    assert (row.confirmed_count, row.capacity, row.waiting, row.pending) == (2, 2, 3, 1)
    assert "2 of 2" in response.content.decode()


@pytest.mark.django_db
def test_list_filters_by_status_and_type(client, manager_a, centre_a):
    EventFactory(centre=centre_a, title={"fr": "Atelier publié"}, kind=EventKind.WORKSHOP)
    EventFactory(
        centre=centre_a,
        title={"fr": "Atelier brouillon"},
        kind=EventKind.WORKSHOP,
        status=EventStatus.DRAFT,
    )
    EventFactory(centre=centre_a, title={"fr": "Quiz publié"}, kind=EventKind.QUIZ)
    client.force_login(manager_a)

    response = client.get(url(status="published", kind="workshop"))

    assert titles(response.context["upcoming"]) == ["Atelier publié"]


@pytest.mark.django_db
def test_list_with_an_unknown_filter_value_says_so_and_filters_nothing(client, manager_a, centre_a):
    EventFactory(centre=centre_a)
    client.force_login(manager_a)

    response = client.get(url(status="lost"))

    assert response.status_code == 400
    assert len(response.context["upcoming"]) == 1
    assert "Some filters are not valid" in response.content.decode()


@pytest.mark.django_db
def test_list_for_a_counsellor_is_empty_and_offers_no_creation(client, counsellor_a, centre_a):
    EventFactory(centre=centre_a)
    client.force_login(counsellor_a)

    response = client.get(url())

    assert response.status_code == 200
    assert (response.context["upcoming"], response.context["past"]) == ([], [])
    assert reverse("staff_agenda:event_create") not in response.content.decode()


@pytest.mark.django_db
def test_list_for_a_manager_offers_creation(client, manager_a):
    client.force_login(manager_a)

    response = client.get(url())

    with translation.override("en"):
        assert reverse("staff_agenda:event_create") in response.content.decode()


@pytest.mark.django_db
def test_list_refuses_a_signed_in_user_without_a_role(client, public_user):
    client.force_login(public_user)

    response = client.get(url())

    assert response.status_code == 403


@pytest.mark.django_db
def test_list_sends_anonymous_visitors_to_sign_in(client):
    response = client.get(url())

    assert (response.status_code, response["Location"].startswith("/en/accounts/login/")) == (
        302,
        True,
    )


@pytest.mark.django_db
def test_list_shows_each_event_in_its_own_time_zone(client, manager_a, centre_a):
    start = datetime.datetime(2040, 5, 4, 6, 0, tzinfo=datetime.UTC)
    EventFactory(centre=centre_a, timezone="Indian/Mayotte", starts_at=start)
    client.force_login(manager_a)

    response = client.get(url())

    page = response.content.decode()
    assert ("09:00" in page, "Indian/Mayotte" in page) == (True, True)


def _count_queries(client, django_assert_num_queries, expected):
    with django_assert_num_queries(expected):
        response = client.get(url())
    return response


@pytest.mark.django_db
@pytest.mark.parametrize("events", [1, 6])
def test_list_takes_the_same_queries_whatever_the_number_of_events(
    client, manager_a, centre_a, django_assert_num_queries, events
):
    for number in range(events):
        event = EventFactory(centre=centre_a, starts_at=in_days(number - 2))
        RegistrationFactory(event=event)
        RegistrationFactory(event=event, status=RegistrationStatus.PENDING)
    named = MembershipFactory(centre=centre_a).user
    EventFactory(centre=centre_a).organisers.add(named)
    client.force_login(manager_a)

    # session, user, memberships, second factor check, the events with their counts
    response = _count_queries(client, django_assert_num_queries, 5)

    assert len(response.context["upcoming"]) + len(response.context["past"]) == events + 1


@pytest.mark.django_db
def test_staff_home_links_to_the_agenda(client, counsellor_a):
    client.force_login(counsellor_a)

    with translation.override("en"):
        response = client.get(reverse("staff:home"))

    assert f'href="{url()}"' in response.content.decode()
