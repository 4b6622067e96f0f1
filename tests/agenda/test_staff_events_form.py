"""Creating and editing an event in the staff space: local times in the event's zone, the
centres and sites offered, bad input at its field with nothing written, and two organisers
saving the same event."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from cocade.agenda.enums import Audience, EventStatus
from cocade.agenda.forms.events import EventForm
from cocade.agenda.models import Event
from cocade.agenda.services.events import update_event
from cocade.core.models import AuditLogEntry
from tests.factories.agenda import EventFactory, RegistrationFactory
from tests.factories.directory import SiteFactory

UTC = datetime.UTC


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(f"staff_agenda:{name}", kwargs=kwargs)


def create_data(centre, **overrides):
    data = {
        "kind": "workshop",
        "audience": "public",
        "centre": centre.pk if centre else "",
        "original_language": "fr",
        "title_fr": "Atelier CV",
        "title_en": "CV workshop",
        "summary_fr": "Écrire un CV qui se lit.",
        "description_fr": "Apportez votre CV.",
        "site": "",
        "venue_name": "Salle des fêtes",
        "address": "1 rue de la Mairie, Mamoudzou",
        "online_url": "",
        "timezone": "Europe/Paris",
        "starts_at": "2031-03-10T09:00",
        "ends_at": "2031-03-10T12:30",
        "languages": ["fr", "en"],
        "capacity": "20",
        "waitlist": "on",
        "moderation": "",
        "registration_opens_at": "",
        "registration_closes_at": "2031-03-09T18:00",
        "contact_email": "cdm-a@example.org",
    }
    data.update(overrides)
    return data


def edit_data(event, **overrides):
    """What the edit form posts when nothing is changed, then `overrides`."""
    event.refresh_from_db()
    data = {}
    for name, value in EventForm.initial_for(event).items():
        if isinstance(value, dict):
            data.update({f"{name}_{code}": text for code, text in value.items()})
        elif isinstance(value, datetime.datetime):
            data[name] = value.strftime("%Y-%m-%dT%H:%M")
        elif isinstance(value, bool):
            data[name] = "on" if value else ""
        elif value is None:
            data[name] = ""
        else:
            data[name] = value
    data.update(overrides)
    return data


def errors_of(response, field):
    return [str(error) for error in response.context["form"].errors.get(field, [])]


def state(event):
    event.refresh_from_db()
    return (
        event.title,
        event.starts_at,
        event.ends_at,
        event.capacity,
        event.registration_closes_at,
        event.timezone,
        event.lock_version,
        AuditLogEntry.objects.count(),
    )


# --- creating -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_create_saves_a_draft_with_times_converted_from_the_local_zone(client, manager_a, centre_a):
    client.force_login(manager_a)

    response = client.post(url("event_create"), create_data(centre_a))

    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("event", pk=event.pk)
    assert (event.status, event.centre, event.created_by) == (
        EventStatus.DRAFT,
        centre_a,
        manager_a,
    )
    assert (event.starts_at, event.ends_at, event.registration_closes_at) == (
        datetime.datetime(2031, 3, 10, 8, 0, tzinfo=UTC),
        datetime.datetime(2031, 3, 10, 11, 30, tzinfo=UTC),
        datetime.datetime(2031, 3, 9, 17, 0, tzinfo=UTC),
    )
    assert (event.title, event.languages, event.capacity, event.waitlist, event.moderation) == (
        {"fr": "Atelier CV", "en": "CV workshop"},
        ["fr", "en"],
        20,
        True,
        False,
    )
    assert list(AuditLogEntry.objects.values_list("action", flat=True)) == ["agenda.event.created"]


@pytest.mark.django_db
def test_create_in_a_far_time_zone_keeps_the_local_wall_clock(client, manager_a, centre_a):
    client.force_login(manager_a)

    client.post(
        url("event_create"),
        create_data(centre_a, timezone="Indian/Mayotte", registration_closes_at=""),
    )

    event = Event.objects.get()
    assert (event.timezone, event.starts_at, event.local_start.hour) == (
        "Indian/Mayotte",
        datetime.datetime(2031, 3, 10, 6, 0, tzinfo=UTC),
        9,
    )


@pytest.mark.django_db
def test_create_with_an_empty_capacity_means_no_limit(client, manager_a, centre_a):
    client.force_login(manager_a)

    client.post(url("event_create"), create_data(centre_a, capacity=""))

    assert Event.objects.get().capacity is None


@pytest.mark.django_db
def test_create_at_a_site_of_the_centre(client, manager_a, centre_a):
    site = SiteFactory(centre=centre_a)
    client.force_login(manager_a)

    client.post(url("event_create"), create_data(centre_a, site=site.pk, venue_name=""))

    assert Event.objects.get().site == site


@pytest.mark.django_db
def test_create_by_the_coordinator_may_be_a_network_event(client, coordinator, centre_a):
    client.force_login(coordinator)

    client.post(url("event_create"), create_data(None, audience=Audience.INVITED))

    event = Event.objects.get()
    assert (event.centre, event.audience) == (None, Audience.INVITED)


@pytest.mark.django_db
def test_create_form_offers_a_manager_only_their_centres_and_their_sites(
    client, manager_a, centre_a, centre_b
):
    site_a = SiteFactory(centre=centre_a)
    SiteFactory(centre=centre_b)
    client.force_login(manager_a)

    response = client.get(url("event_create"))

    form = response.context["form"]
    assert list(form.fields["centre"].queryset) == [centre_a]
    assert [pk for _label, group in form.fields["site"].choices[1:] for pk, _name in group] == [
        site_a.pk
    ]
    assert form.fields["timezone"].initial == "Europe/Paris"


@pytest.mark.django_db
def test_create_for_another_centre_is_refused_and_writes_nothing(
    client, manager_a, centre_a, centre_b
):
    client.force_login(manager_a)

    response = client.post(url("event_create"), create_data(centre_b))

    assert response.status_code == 400
    assert errors_of(response, "centre") != []
    assert (Event.objects.count(), AuditLogEntry.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_create_of_a_network_event_by_a_manager_is_refused(client, manager_a, centre_a):
    client.force_login(manager_a)

    response = client.post(url("event_create"), create_data(None))

    assert response.status_code == 400
    assert errors_of(response, "centre") == ["This field is required."]
    assert Event.objects.count() == 0


@pytest.mark.django_db
def test_create_with_a_site_of_another_centre_is_refused_at_the_site(
    client, coordinator, centre_a, centre_b
):
    other_site = SiteFactory(centre=centre_b)
    client.force_login(coordinator)

    response = client.post(url("event_create"), create_data(centre_a, site=other_site.pk))

    assert response.status_code == 400
    assert errors_of(response, "site") == ["The venue must be a site of the organising centre."]
    assert Event.objects.count() == 0


@pytest.mark.django_db
def test_create_ending_before_it_starts_is_refused_at_the_end(client, manager_a, centre_a):
    client.force_login(manager_a)

    response = client.post(url("event_create"), create_data(centre_a, ends_at="2031-03-10T08:00"))

    assert response.status_code == 400
    assert errors_of(response, "ends_at") == ["The event must end after it starts."]
    assert (Event.objects.count(), AuditLogEntry.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_create_with_an_unknown_time_zone_is_refused(client, manager_a, centre_a):
    client.force_login(manager_a)

    response = client.post(url("event_create"), create_data(centre_a, timezone="Mars/Olympus"))

    assert response.status_code == 400
    assert errors_of(response, "timezone") == [
        "Select a valid choice. Mars/Olympus is not one of the available choices."
    ]
    assert Event.objects.count() == 0


@pytest.mark.django_db
def test_create_with_the_registration_window_out_of_order_is_refused(client, manager_a, centre_a):
    client.force_login(manager_a)

    response = client.post(
        url("event_create"),
        create_data(
            centre_a,
            registration_opens_at="2031-03-05T10:00",
            registration_closes_at="2031-03-01T10:00",
        ),
    )

    assert response.status_code == 400
    assert errors_of(response, "registration_closes_at") == [
        "Registration must close after it opens."
    ]
    assert Event.objects.count() == 0


@pytest.mark.django_db
def test_create_at_a_time_the_clocks_skip_is_refused(client, manager_a, centre_a):
    client.force_login(manager_a)

    # Summer time starts in Paris on 30 March 2031 at 02:00: 02:30 does not exist.
    response = client.post(
        url("event_create"),
        create_data(centre_a, starts_at="2031-03-30T02:30", ends_at="2031-03-30T05:00"),
    )

    assert response.status_code == 400
    assert errors_of(response, "starts_at") == [
        "This time does not exist in Europe/Paris: the clocks change then."
    ]
    assert Event.objects.count() == 0


@pytest.mark.django_db
def test_create_with_a_malformed_time_is_refused(client, manager_a, centre_a):
    client.force_login(manager_a)

    response = client.post(url("event_create"), create_data(centre_a, starts_at="tomorrow"))

    assert response.status_code == 400
    assert errors_of(response, "starts_at") == ["Enter a date and a time."]
    assert Event.objects.count() == 0


@pytest.mark.django_db
def test_create_without_a_title_in_the_original_language_is_refused(client, manager_a, centre_a):
    client.force_login(manager_a)

    response = client.post(url("event_create"), create_data(centre_a, title_fr=""))

    assert response.status_code == 400
    assert errors_of(response, "title") == [
        "Give at least the text in the original language (Français)."
    ]
    assert Event.objects.count() == 0


@pytest.mark.django_db
def test_create_with_a_negative_capacity_is_refused(client, manager_a, centre_a):
    client.force_login(manager_a)

    response = client.post(url("event_create"), create_data(centre_a, capacity="-3"))

    assert response.status_code == 400
    assert errors_of(response, "capacity") == ["Ensure this value is greater than or equal to 0."]
    assert Event.objects.count() == 0


@pytest.mark.django_db
def test_create_is_refused_to_a_counsellor(client, counsellor_a, centre_a):
    client.force_login(counsellor_a)

    response = client.post(url("event_create"), create_data(centre_a))

    assert response.status_code == 403
    assert Event.objects.count() == 0


# --- editing --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_edit_form_shows_the_local_times_of_the_event(client, manager_a, centre_a):
    event = EventFactory(
        centre=centre_a,
        timezone="America/Cayenne",
        starts_at=datetime.datetime(2031, 6, 1, 12, 0, tzinfo=UTC),
    )
    client.force_login(manager_a)

    response = client.get(url("event_edit", pk=event.pk))

    assert response.status_code == 200
    assert 'value="2031-06-01T09:00"' in response.content.decode()


@pytest.mark.django_db
def test_edit_saves_the_changes_and_records_them(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a, capacity=20)
    client.force_login(manager_a)

    response = client.post(
        url("event_edit", pk=event.pk),
        edit_data(event, capacity="30", title_fr="Atelier CV renouvelé"),
    )

    event.refresh_from_db()
    entry = AuditLogEntry.objects.get()
    assert response.status_code == 302
    assert (event.capacity, event.title["fr"], event.lock_version) == (
        30,
        "Atelier CV renouvelé",
        2,
    )
    assert (entry.action, sorted(entry.changes)) == ("agenda.event.changed", ["capacity", "title"])


@pytest.mark.django_db
def test_edit_without_changes_keeps_the_times(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a, timezone="Europe/Sofia")
    starts_at = event.starts_at
    client.force_login(manager_a)

    client.post(url("event_edit", pk=event.pk), edit_data(event))

    event.refresh_from_db()
    assert (event.starts_at, AuditLogEntry.objects.count()) == (starts_at, 0)


@pytest.mark.django_db
def test_edit_below_the_confirmed_registrations_is_refused_at_the_capacity(
    client, manager_a, centre_a
):
    event = EventFactory(centre=centre_a, capacity=5)
    RegistrationFactory.create_batch(3, event=event)
    before = state(event)
    client.force_login(manager_a)

    response = client.post(
        url("event_edit", pk=event.pk), edit_data(event, capacity="2", title_fr="Autre")
    )

    assert response.status_code == 409
    assert errors_of(response, "capacity") == [
        "The capacity cannot be lower than the number of confirmed registrations."
    ]
    assert state(event) == before


@pytest.mark.django_db
def test_edit_ending_before_it_starts_is_refused_and_changes_nothing(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    before = state(event)
    data = edit_data(event)
    client.force_login(manager_a)

    response = client.post(url("event_edit", pk=event.pk), {**data, "ends_at": data["starts_at"]})

    assert response.status_code == 400
    assert errors_of(response, "ends_at") == ["The event must end after it starts."]
    assert state(event) == before


@pytest.mark.django_db
def test_edit_based_on_an_older_version_is_refused_as_stale(
    client, manager_a, coordinator, centre_a
):
    event = EventFactory(centre=centre_a)
    data = edit_data(event, title_fr="Ma version")
    update_event(actor=coordinator, event=event, changes={"capacity": 40})
    before = state(event)
    client.force_login(manager_a)

    response = client.post(url("event_edit", pk=event.pk), data)

    assert response.status_code == 409
    assert errors_of(response, "__all__") == [
        "This event was changed since you opened it; reload it and make your change again."
    ]
    assert "Open the current version" in response.content.decode()
    assert state(event) == before


@pytest.mark.django_db
def test_edit_without_a_version_is_refused(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    before = state(event)
    client.force_login(manager_a)

    response = client.post(url("event_edit", pk=event.pk), edit_data(event, lock_version=""))

    assert response.status_code == 400
    assert errors_of(response, "lock_version") == ["This field is required."]
    assert state(event) == before


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["counsellor_a", "manager_b", "public_user"])
def test_edit_of_a_centre_a_event_is_hidden_from_others(client, request, role, centre_a):
    event = EventFactory(centre=centre_a)
    before = state(event)
    client.force_login(request.getfixturevalue(role))

    responses = [
        client.get(url("event_edit", pk=event.pk)).status_code,
        client.post(url("event_edit", pk=event.pk), edit_data(event, capacity="3")).status_code,
    ]

    assert responses == [404, 404]
    assert state(event) == before


@pytest.mark.django_db
def test_edit_by_a_named_organiser_keeps_the_centre(client, centre_a):
    from tests.factories.accounts import MembershipFactory

    event = EventFactory(centre=centre_a)
    organiser = MembershipFactory(centre=centre_a).user
    event.organisers.add(organiser)
    client.force_login(organiser)

    response = client.post(url("event_edit", pk=event.pk), edit_data(event, capacity="25"))

    event.refresh_from_db()
    assert (response.status_code, event.capacity, event.centre) == (302, 25, centre_a)
