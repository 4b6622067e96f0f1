"""The iCalendar feeds: which events each one holds, who may read them, their headers and
their query counts."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from cocade.agenda.enums import Audience, EventKind, EventStatus, RegistrationStatus
from cocade.agenda.models import CalendarFeed
from tests.factories.accounts import UserFactory
from tests.factories.agenda import (
    CalendarFeedFactory,
    EventFactory,
    InvitationFactory,
    RegistrationFactory,
    in_days,
)
from tests.factories.directory import CentreFactory, SiteFactory

pytestmark = pytest.mark.django_db


def url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def summaries(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return sorted(str(item["summary"]) for item in calendar.walk("VEVENT"))


def statuses(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(item["summary"]): str(item["status"]) for item in calendar.walk("VEVENT")}


def event(title, **kwargs):
    return EventFactory(title={"fr": title}, **kwargs)


# --- The network feed ---------------------------------------------------------------------


def test_network_feed_holds_public_published_and_cancelled_events(client, centre_a, centre_b):
    event("Publié A", centre=centre_a)
    event("Publié B", centre=centre_b)
    event("Annulé", centre=centre_a, status=EventStatus.CANCELLED)
    event("Réseau", centre=None)
    event("Brouillon", centre=centre_a, status=EventStatus.DRAFT)
    event("Membres", centre=centre_a, audience=Audience.MEMBERS)
    event("Invités", centre=None, audience=Audience.INVITED)

    response = client.get(url("agenda:feed_network"))

    assert response.status_code == 200
    assert summaries(response) == ["Annulé", "Publié A", "Publié B", "Réseau"]


def test_network_feed_goes_back_six_months(client, centre_a):
    event(
        "Il y a cinq mois",
        centre=centre_a,
        starts_at=in_days(-150, 9),
        ends_at=in_days(-150, 12),
    )
    event(
        "Il y a sept mois",
        centre=centre_a,
        starts_at=in_days(-210, 9),
        ends_at=in_days(-210, 12),
    )
    event("Dans un an", centre=centre_a, starts_at=in_days(365, 9), ends_at=in_days(365, 12))

    response = client.get(url("agenda:feed_network"))

    assert summaries(response) == ["Dans un an", "Il y a cinq mois"]


def test_network_feed_marks_a_cancelled_event_cancelled(client, centre_a):
    event("Maintenu", centre=centre_a)
    event("Annulé", centre=centre_a, status=EventStatus.CANCELLED)

    response = client.get(url("agenda:feed_network"))

    assert statuses(response) == {"Maintenu": "CONFIRMED", "Annulé": "CANCELLED"}


def test_network_feed_headers_name_the_file_and_language(client, centre_a):
    event("Atelier", centre=centre_a)

    response = client.get(url("agenda:feed_network", "en"))

    assert (
        response["Content-Type"],
        response["Content-Disposition"],
        response["Content-Language"],
        response["Cache-Control"],
    ) == (
        "text/calendar; charset=utf-8",
        'inline; filename="agenda.ics"',
        "en",
        "public, max-age=600",
    )


def test_network_feed_is_named_after_the_network_in_the_language_of_the_address(client, centre_a):
    response = client.get(url("agenda:feed_network", "en"))

    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Agenda of Cités des métiers network"


def test_network_feed_when_empty_is_a_calendar_without_events(client, network):
    response = client.get(url("agenda:feed_network"))

    assert (response.status_code, summaries(response)) == (200, [])


def test_network_feed_refuses_a_post(client, centre_a):
    response = client.post(url("agenda:feed_network"))

    assert response.status_code == 405


def test_network_feed_query_count_does_not_grow_with_events(
    client, centre_a, centre_b, django_assert_num_queries
):
    site = SiteFactory(centre=centre_a)
    event("Premier", centre=centre_a, site=site)
    with django_assert_num_queries(2):
        first = client.get(url("agenda:feed_network"))
    for index in range(6):
        event(
            f"Suivant {index}",
            centre=centre_b if index % 2 else centre_a,
            site=None if index % 2 else SiteFactory(centre=centre_a),
        )

    with django_assert_num_queries(2):
        response = client.get(url("agenda:feed_network"))

    assert (len(summaries(first)), len(summaries(response))) == (1, 7)


# --- A centre's feed ----------------------------------------------------------------------


def test_centre_feed_holds_only_that_centres_public_events(client, centre_a, centre_b):
    event("Atelier A", centre=centre_a)
    event("Annulé A", centre=centre_a, status=EventStatus.CANCELLED)
    event("Membres A", centre=centre_a, audience=Audience.MEMBERS)
    event("Atelier B", centre=centre_b)
    event("Réseau", centre=None)

    response = client.get(url("agenda:feed_centre", slug=centre_a.slug))

    assert (response.status_code, summaries(response)) == (200, ["Annulé A", "Atelier A"])
    assert response["Content-Disposition"] == 'inline; filename="agenda-centre-a.ics"'


def test_centre_feed_of_an_unknown_centre_is_404(client, centre_a):
    response = client.get(url("agenda:feed_centre", slug="nowhere"))

    assert response.status_code == 404


def test_centre_feed_of_an_unpublished_centre_is_404(client, network):
    hidden = CentreFactory(network=network, slug="namur", is_published=False)
    event("En préfiguration", centre=hidden)

    response = client.get(url("agenda:feed_centre", slug="namur"))

    assert response.status_code == 404


def test_centre_feed_query_count_does_not_grow_with_events(
    client, centre_a, django_assert_num_queries
):
    site = SiteFactory(centre=centre_a)
    for index in range(5):
        event(f"Atelier {index}", centre=centre_a, site=site)

    with django_assert_num_queries(2):
        response = client.get(url("agenda:feed_centre", slug=centre_a.slug))

    assert len(summaries(response)) == 5


# --- A type's feed ------------------------------------------------------------------------


def test_kind_feed_holds_only_that_type(client, centre_a):
    event("Numeri'Day", centre=centre_a, kind=EventKind.NUMERIDAY)
    event("Numeri'Day annulé", centre=centre_a, kind=EventKind.NUMERIDAY, status="cancelled")
    event("Atelier CV", centre=centre_a, kind=EventKind.WORKSHOP)

    response = client.get(url("agenda:feed_kind", kind="numeriday"))

    assert (response.status_code, summaries(response)) == (
        200,
        ["Numeri'Day", "Numeri'Day annulé"],
    )
    assert response["Content-Disposition"] == 'inline; filename="agenda-numeriday.ics"'


def test_kind_feed_of_an_unknown_type_is_404(client, centre_a):
    event("Atelier", centre=centre_a)

    response = client.get(url("agenda:feed_kind", kind="picnic"))

    assert response.status_code == 404


def test_kind_feed_is_named_after_the_type_in_the_language_of_the_address(client, network):
    response = client.get(url("agenda:feed_kind", "en", kind="speed_meeting"))

    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Speed meeting: agenda of Cités des métiers network"


def test_kind_feed_query_count_does_not_grow_with_events(
    client, centre_a, django_assert_num_queries
):
    for index in range(4):
        event(f"Quiz {index}", centre=centre_a, kind=EventKind.QUIZ)

    with django_assert_num_queries(2):
        response = client.get(url("agenda:feed_kind", kind="quiz"))

    assert len(summaries(response)) == 4


# --- A person's private feed --------------------------------------------------------------


def test_private_feed_holds_the_events_of_active_registrations(
    client, centre_a, centre_b, counsellor_a
):
    feed = CalendarFeedFactory(user=counsellor_a)
    for title, status in (
        ("Confirmé", RegistrationStatus.CONFIRMED),
        ("En attente", RegistrationStatus.WAITLISTED),
        ("À valider", RegistrationStatus.PENDING),
        ("Annulé", RegistrationStatus.CANCELLED),
        ("Refusé", RegistrationStatus.DECLINED),
    ):
        RegistrationFactory(event=event(title, centre=centre_b), user=counsellor_a, status=status)
    members = event("Réunion d'équipe", centre=centre_a, audience=Audience.MEMBERS)
    RegistrationFactory(event=members, user=counsellor_a)
    meeting = event("ComEx", centre=None, audience=Audience.INVITED)
    InvitationFactory(event=meeting, user=counsellor_a)
    RegistrationFactory(event=meeting, user=counsellor_a)
    RegistrationFactory(event=event("Celui d'un autre", centre=centre_a), user=UserFactory())
    event("Pas inscrite", centre=centre_a)

    response = client.get(url("agenda:feed_private", key=feed.key))

    assert response.status_code == 200
    assert summaries(response) == [
        "ComEx",
        "Confirmé",
        "En attente",
        "Réunion d'équipe",
        "À valider",
    ]


def test_private_feed_shows_an_event_once_for_two_registrations(client, centre_a, public_user):
    feed = CalendarFeedFactory(user=public_user)
    workshop = event("Atelier", centre=centre_a)
    RegistrationFactory(event=workshop, user=public_user, email="moi@example.org")
    RegistrationFactory(event=workshop, user=public_user, email="mon-fils@example.org")

    response = client.get(url("agenda:feed_private", key=feed.key))

    assert summaries(response) == ["Atelier"]


def test_private_feed_keeps_a_cancelled_event_marked_cancelled(client, centre_a, public_user):
    feed = CalendarFeedFactory(user=public_user)
    cancelled = event("Annulé", centre=centre_a, status=EventStatus.CANCELLED)
    RegistrationFactory(event=cancelled, user=public_user)

    response = client.get(url("agenda:feed_private", key=feed.key))

    assert statuses(response) == {"Annulé": "CANCELLED"}


def test_private_feed_is_private_to_caches(client, public_user):
    feed = CalendarFeedFactory(user=public_user)

    response = client.get(url("agenda:feed_private", "en", key=feed.key))

    assert (
        response.status_code,
        response["Cache-Control"],
        response["Content-Type"],
        response["Content-Disposition"],
        response["X-Robots-Tag"],
    ) == (
        200,
        "private",
        "text/calendar; charset=utf-8",
        'inline; filename="my-events.ics"',
        "noindex, nofollow",
    )


def test_private_feed_with_an_unknown_key_is_404(client, public_user):
    CalendarFeedFactory(user=public_user)

    response = client.get(url("agenda:feed_private", key="not-a-key"))

    assert response.status_code == 404


def test_private_feed_after_a_key_reset_answers_404_at_the_old_address(
    client, centre_a, public_user
):
    feed = CalendarFeedFactory(user=public_user)
    old_key = feed.key
    CalendarFeed.objects.filter(pk=feed.pk).update(key="a-brand-new-key")

    old = client.get(url("agenda:feed_private", key=old_key))
    new = client.get(url("agenda:feed_private", key="a-brand-new-key"))

    assert (old.status_code, new.status_code) == (404, 200)


def test_private_feed_of_a_deactivated_account_is_404(client, public_user):
    feed = CalendarFeedFactory(user=public_user)
    public_user.is_active = False
    public_user.save()

    response = client.get(url("agenda:feed_private", key=feed.key))

    assert response.status_code == 404


def test_private_feed_query_count_does_not_grow_with_events(
    client, centre_a, public_user, django_assert_num_queries
):
    feed = CalendarFeedFactory(user=public_user)
    site = SiteFactory(centre=centre_a)
    for index in range(5):
        RegistrationFactory(
            event=event(f"Atelier {index}", centre=centre_a, site=site), user=public_user
        )

    with django_assert_num_queries(2):
        response = client.get(url("agenda:feed_private", key=feed.key))

    assert len(summaries(response)) == 5


# --- One event ----------------------------------------------------------------------------


def test_event_ics_of_a_public_event_for_anyone(client, centre_a):
    workshop = event("Atelier CV", centre=centre_a, slug="atelier-cv")

    response = client.get(url("agenda:event_ics", slug=workshop.slug))

    calendar = icalendar.Calendar.from_ical(response.content)
    assert (
        response.status_code,
        summaries(response),
        str(calendar["METHOD"]),
        response["Content-Disposition"],
        response["Cache-Control"],
    ) == (
        200,
        ["Atelier CV"],
        "PUBLISH",
        'inline; filename="atelier-cv.ics"',
        "public, max-age=600",
    )


def test_event_ics_of_a_members_event_for_members_only(client, centre_a, public_user, counsellor_a):
    members = event("Réunion d'équipe", centre=centre_a, audience=Audience.MEMBERS)
    address = url("agenda:event_ics", slug=members.slug)

    anonymous = client.get(address)
    client.force_login(public_user)
    outsider = client.get(address)
    client.force_login(counsellor_a)
    member = client.get(address)

    assert (anonymous.status_code, outsider.status_code, member.status_code) == (404, 404, 200)
    assert member["Cache-Control"] == "private"


def test_event_ics_of_an_internal_meeting_for_its_invitees(client, counsellor_a, manager_b):
    meeting = event("ComEx", centre=None, audience=Audience.INVITED)
    InvitationFactory(event=meeting, user=counsellor_a)
    address = url("agenda:event_ics", slug=meeting.slug)

    client.force_login(manager_b)
    other = client.get(address)
    client.force_login(counsellor_a)
    invited = client.get(address)

    assert (other.status_code, invited.status_code) == (404, 200)


def test_event_ics_of_a_draft_for_its_organisers_only(client, centre_a, public_user, manager_a):
    draft = event("Brouillon", centre=centre_a, status=EventStatus.DRAFT)
    address = url("agenda:event_ics", slug=draft.slug)

    client.force_login(public_user)
    outsider = client.get(address)
    client.force_login(manager_a)
    organiser = client.get(address)

    assert (outsider.status_code, organiser.status_code) == (404, 200)


def test_event_ics_of_an_unknown_event_is_404(client, centre_a):
    response = client.get(url("agenda:event_ics", slug="no-such-event"))

    assert response.status_code == 404


def test_event_ics_of_a_cancelled_event_says_cancelled(client, centre_a):
    cancelled = event("Annulé", centre=centre_a, status=EventStatus.CANCELLED)

    response = client.get(url("agenda:event_ics", slug=cancelled.slug))

    assert statuses(response) == {"Annulé": "CANCELLED"}


def test_event_ics_gives_the_times_in_utc(client, centre_a):
    starts = datetime.datetime(2031, 3, 4, 9, 30, tzinfo=datetime.UTC)
    workshop = event(
        "Atelier",
        centre=centre_a,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        timezone="Europe/Lisbon",
    )

    response = client.get(url("agenda:event_ics", slug=workshop.slug))

    item = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert (item["DTSTART"].dt, item["DTEND"].dt) == (
        starts,
        starts + datetime.timedelta(hours=2),
    )
    assert b"DTSTART:20310304T093000Z\r\n" in response.content


def test_event_ics_query_count_for_anyone(client, centre_a, django_assert_num_queries):
    workshop = event("Atelier", centre=centre_a, site=SiteFactory(centre=centre_a))

    with django_assert_num_queries(1):
        response = client.get(url("agenda:event_ics", slug=workshop.slug))

    assert response.status_code == 200


def test_public_feeds_leave_out_events_that_ended_over_six_months_ago(client, centre_a):
    long_ago = timezone.now() - datetime.timedelta(days=400)
    event(
        "Il y a longtemps",
        centre=centre_a,
        starts_at=long_ago,
        ends_at=long_ago + datetime.timedelta(hours=2),
    )

    responses = [
        client.get(url("agenda:feed_network")),
        client.get(url("agenda:feed_centre", slug=centre_a.slug)),
        client.get(url("agenda:feed_kind", kind="workshop")),
    ]

    assert [summaries(response) for response in responses] == [[], [], []]
