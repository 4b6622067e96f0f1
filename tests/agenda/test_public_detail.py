"""An event's public page: times in the event's zone, place, timetable by local day,
registration state, Markdown description, schema.org JSON-LD, and 404 for what the reader
may not see."""

import datetime
import json
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from cocade.agenda.enums import Audience, EventStatus
from cocade.agenda.tokens import manage_token
from tests.factories.agenda import (
    EventFactory,
    EventSessionFactory,
    InvitationFactory,
    RegistrationFactory,
    in_days,
)
from tests.factories.directory import SiteFactory

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def url(event, language="en"):
    with translation.override(language):
        return reverse("agenda:event", kwargs={"slug": event.slug})


def json_ld(response):
    blocks = JSON_LD.findall(response.content.decode())
    assert len(blocks) == 1
    return json.loads(blocks[0])


def local(day, hour, zone, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=ZoneInfo(zone))


def future_day(days=20):
    return (timezone.now() + datetime.timedelta(days=days)).date()


@pytest.fixture
def site(centre_a):
    return SiteFactory(
        centre=centre_a,
        name={"fr": "Cité des métiers de Paris"},
        address="30 avenue Corentin-Cariou",
        postcode="75019",
        commune="Paris",
        latitude=Decimal("48.895600"),
        longitude=Decimal("2.388100"),
    )


def test_detail_shows_dates_in_the_events_zone_with_its_name(client, centre_a):
    start = local(future_day(), 18, "America/Montreal", 30)
    event = EventFactory(
        centre=centre_a,
        timezone="America/Montreal",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )

    response = client.get(url(event))

    when = response.context["when"]
    assert (when["start_iso"], when["start_time"], when["end_time"], when["zone"]) == (
        start.isoformat(),
        "6:30 p.m.",
        "8:30 p.m.",
        "America/Montreal",
    )
    assert (
        '<span class="agenda-zone">(time in America/Montreal)</span>' in response.content.decode()
    )


def test_detail_shows_venue_online_link_languages_contact_and_seats(client, centre_a, site):
    event = EventFactory(
        centre=centre_a,
        site=site,
        venue_name="Salle Louis Braille",
        online_url="https://meet.example.org/cv",
        languages=["fr", "pt"],
        contact_email="agenda@example.org",
        capacity=10,
    )
    RegistrationFactory(event=event)

    content = client.get(url(event)).content.decode()

    assert (
        '<address class="agenda-address">\n        Salle Louis Braille<br>\n        '
        '<a href="/en/centres/centre-a/#site-' + site.slug + '"><span lang="fr">'
        'Cité des métiers de Paris</span> <small class="fallback-note">(in Français)</small>'
        "</a><br>\n          30 avenue Corentin-Cariou<br>75019 Paris<br>"
    ) in content
    assert (
        '<a href="https://meet.example.org/cv" rel="noopener noreferrer nofollow">'
        "join the meeting</a>"
    ) in content
    assert "<strong>Languages spoken:</strong> French, Portuguese</p>" in content
    assert '<a href="mailto:agenda@example.org">agenda@example.org</a>' in content
    assert "<dd>10 seats · 9 seats left</dd>" in content


def test_detail_renders_the_description_as_sanitised_markdown(client, centre_a):
    event = EventFactory(
        centre=centre_a,
        description={"fr": "Venez **nombreux**.\n\n<script>alert(1)</script>"},
    )

    with translation.override("fr"):
        response = client.get(url(event, "fr"))

    html = str(response.context["description_html"])
    assert html == "<p>Venez <strong>nombreux</strong>.</p>\n"


def test_detail_says_when_the_title_is_not_in_the_readers_language(client, centre_a):
    event = EventFactory(centre=centre_a, title={"fr": "Forum emploi"})

    content = client.get(url(event, "en")).content.decode()

    assert '<h1 id="event-title" lang="fr">Forum emploi</h1>' in content
    assert "This event is not translated into your language: it is shown in Français." in content


def test_detail_groups_the_timetable_by_local_day(client, centre_a):
    first_day = future_day()
    start = local(first_day, 9, "Europe/Lisbon")
    event = EventFactory(
        centre=centre_a,
        timezone="Europe/Lisbon",
        starts_at=start,
        ends_at=start + datetime.timedelta(days=1, hours=8),
    )
    EventSessionFactory(
        event=event,
        title={"fr": "Accueil"},
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
    )
    EventSessionFactory(
        event=event,
        title={"fr": "Ateliers"},
        starts_at=start + datetime.timedelta(hours=2),
        ends_at=start + datetime.timedelta(hours=4),
    )
    # 23:30 in Lisbon on the first day is already the second day in Paris: Lisbon time counts.
    EventSessionFactory(
        event=event,
        title={"fr": "Soirée"},
        starts_at=local(first_day, 23, "Europe/Lisbon", 30),
        ends_at=local(first_day + datetime.timedelta(days=1), 0, "Europe/Lisbon", 30),
    )
    EventSessionFactory(
        event=event,
        title={"fr": "Clôture"},
        starts_at=local(first_day + datetime.timedelta(days=1), 15, "Europe/Lisbon"),
        ends_at=local(first_day + datetime.timedelta(days=1), 17, "Europe/Lisbon"),
    )

    response = client.get(url(event))

    days = [
        (day["day"], [item["title"].text for item in day["sessions"]])
        for day in response.context["timetable"]
    ]
    assert days == [
        (first_day, ["Accueil", "Ateliers", "Soirée"]),
        (first_day + datetime.timedelta(days=1), ["Clôture"]),
    ]


@pytest.mark.parametrize(
    ("changes", "code", "message"),
    [
        ({}, "open", "Registration is open."),
        (
            {"moderation": True},
            "moderation",
            "Registration is open. The organisers approve each registration.",
        ),
        ({"registration_closes_at": "past"}, "closed", "Registration is closed."),
        ({"status": EventStatus.CANCELLED}, "cancelled", "This event is cancelled."),
        ({"capacity": 1, "full": True}, "full", "This event is full."),
        (
            {"capacity": 1, "waitlist": True, "full": True},
            "waitlist",
            "This event is full: you can join the waiting list and get a seat if one frees up.",
        ),
    ],
)
def test_detail_states_where_registration_stands(client, centre_a, changes, code, message):
    changes = dict(changes)
    full = changes.pop("full", False)
    if changes.get("registration_closes_at") == "past":
        changes["registration_opens_at"] = in_days(-3)
        changes["registration_closes_at"] = in_days(-1)
    event = EventFactory(centre=centre_a, **changes)
    if full:
        RegistrationFactory(event=event)

    response = client.get(url(event))

    state = response.context["state"]
    assert (state.code, str(state.message)) == (code, message)
    assert (
        f'<p class="agenda-state agenda-state-{code}" role="status">' in response.content.decode()
    )


def test_detail_says_when_registration_opens_in_the_events_zone(client, centre_a):
    opens = local(future_day(5), 8, "Asia/Tokyo")
    event = EventFactory(
        centre=centre_a, timezone="Asia/Tokyo", registration_opens_at=opens, starts_at=in_days(30)
    )

    response = client.get(url(event))

    with translation.override("en"):
        from django.utils.formats import date_format

        day = date_format(opens, "DATE_FORMAT")
    assert str(response.context["state"].message) == (
        f"Registration opens on {day} at 8 a.m. (Asia/Tokyo)."
    )
    assert f'href="/en/agenda/{event.slug}/register/"' not in response.content.decode()


def test_detail_links_to_registering_and_to_the_calendar_file(client, centre_a):
    event = EventFactory(centre=centre_a, slug="forum")

    content = client.get(url(event)).content.decode()

    assert '<a class="button" href="/en/agenda/forum/register/">Register</a>' in content
    assert '<a href="/en/agenda/forum/event.ics" type="text/calendar" download>' in content


def test_detail_links_a_signed_in_registrant_to_their_registration(client, centre_a, public_user):
    event = EventFactory(centre=centre_a)
    registration = RegistrationFactory(event=event, user=public_user, email=public_user.email)
    client.force_login(public_user)

    content = client.get(url(event)).content.decode()

    with translation.override("en"):
        page = reverse("agenda:registration", kwargs={"token": manage_token(registration)})
    assert f'<a href="{page}">See or cancel my registration</a>' in content
    assert f'href="/en/agenda/{event.slug}/register/"' not in content


def test_detail_json_ld_describes_the_event_field_by_field(client, centre_a, site):
    start = local(future_day(), 10, "Europe/Paris")
    event = EventFactory(
        centre=centre_a,
        slug="forum-emploi",
        title={"fr": "Forum emploi", "en": "Job fair"},
        summary={"fr": "Rencontrez des employeurs.", "en": "Meet employers."},
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=6),
        site=site,
        languages=["fr", "en"],
        capacity=50,
        contact_email="forum@example.org",
        registration_opens_at=in_days(-2),
    )
    RegistrationFactory(event=event)

    data = json_ld(client.get(url(event)))

    zone = ZoneInfo("Europe/Paris")
    assert data == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Job fair",
        "url": f"{settings.SITE_URL}/en/agenda/forum-emploi/",
        "startDate": start.isoformat(),
        "endDate": (start + datetime.timedelta(hours=6)).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": "Cité des métiers de Paris",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "30 avenue Corentin-Cariou",
                "postalCode": "75019",
                "addressLocality": "Paris",
                "addressCountry": "FR",
            },
            "geo": {"@type": "GeoCoordinates", "latitude": 48.8956, "longitude": 2.3881},
        },
        "organizer": {
            "@type": "Organization",
            "name": "Cité A",
            "url": f"{settings.SITE_URL}/en/centres/centre-a/",
            "email": "forum@example.org",
        },
        "description": "Meet employers.",
        "inLanguage": ["fr", "en"],
        "offers": {
            "@type": "Offer",
            "price": 0,
            "priceCurrency": "EUR",
            "availability": "https://schema.org/InStock",
            "url": f"{settings.SITE_URL}/en/agenda/forum-emploi/register/",
            "validFrom": event.registration_opens_at.astimezone(zone).isoformat(),
        },
        "maximumAttendeeCapacity": 50,
        "remainingAttendeeCapacity": 49,
    }


def test_detail_json_ld_of_an_online_cancelled_network_event(client, network):
    event = EventFactory(
        centre=None,
        slug="webinaire",
        status=EventStatus.CANCELLED,
        online_url="https://meet.example.org/w",
        languages=["pt"],
        capacity=None,
    )

    data = json_ld(client.get(url(event)))

    assert (
        data["eventStatus"],
        data["eventAttendanceMode"],
        data["location"],
        data["organizer"],
        data["inLanguage"],
        "maximumAttendeeCapacity" in data,
    ) == (
        "https://schema.org/EventCancelled",
        "https://schema.org/OnlineEventAttendanceMode",
        {"@type": "VirtualLocation", "url": "https://meet.example.org/w"},
        {"@type": "Organization", "name": "Cités des métiers network"},
        "pt",
        False,
    )


def test_detail_json_ld_of_a_full_mixed_event_with_an_address(client, centre_a):
    event = EventFactory(
        centre=centre_a,
        venue_name="Mairie",
        address="1 place de la République, Lyon",
        online_url="https://meet.example.org/m",
        capacity=1,
    )
    RegistrationFactory(event=event)

    data = json_ld(client.get(url(event)))

    assert (
        data["eventAttendanceMode"],
        data["location"],
        data["offers"]["availability"],
        data["remainingAttendeeCapacity"],
    ) == (
        "https://schema.org/MixedEventAttendanceMode",
        [
            {
                "@type": "Place",
                "name": "Mairie",
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": "1 place de la République, Lyon",
                },
            },
            {"@type": "VirtualLocation", "url": "https://meet.example.org/m"},
        ],
        "https://schema.org/SoldOut",
        0,
    )


def test_detail_json_ld_cannot_be_broken_out_of(client, centre_a):
    title = '</script><script>alert("x")</script><!-- & -->'
    event = EventFactory(centre=centre_a, title={"fr": title, "en": title})

    response = client.get(url(event))

    content = response.content.decode()
    assert json_ld(response)["name"] == title
    assert "\\u003C/script\\u003E\\u003Cscript\\u003Ealert" in content


@pytest.mark.parametrize(
    ("kind", "role"),
    [
        ("draft", "anonymous"),
        ("draft", "counsellor_a"),
        ("draft", "manager_b"),
        ("members", "anonymous"),
        ("members", "public_user"),
        ("meeting", "anonymous"),
        ("meeting", "public_user"),
        ("meeting", "manager_a"),
        ("unknown", "anonymous"),
    ],
)
def test_detail_is_404_for_what_the_reader_may_not_see(
    client, request, centre_a, counsellor_a, kind, role
):
    events = {
        "draft": EventFactory(centre=centre_a, slug="draft", status=EventStatus.DRAFT),
        "members": EventFactory(centre=centre_a, slug="members", audience=Audience.MEMBERS),
        "meeting": InvitationFactory(
            event__centre=None, event__slug="meeting", user=counsellor_a
        ).event,
    }
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))

    with translation.override("en"):
        address = reverse("agenda:event", kwargs={"slug": kind if kind in events else "nope"})
    response = client.get(address)

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("kind", "role"),
    [
        ("draft", "manager_a"),
        ("draft", "coordinator"),
        ("members", "counsellor_a"),
        ("meeting", "counsellor_a"),
        ("meeting", "coordinator"),
    ],
)
def test_detail_is_shown_to_those_who_may_see_it(
    client, request, centre_a, counsellor_a, kind, role
):
    events = {
        "draft": EventFactory(centre=centre_a, slug="draft", status=EventStatus.DRAFT),
        "members": EventFactory(centre=centre_a, slug="members", audience=Audience.MEMBERS),
        "meeting": InvitationFactory(
            event__centre=None, event__slug="meeting", user=counsellor_a
        ).event,
    }
    client.force_login(request.getfixturevalue(role))

    response = client.get(url(events[kind]))

    assert response.status_code == 200


def test_detail_of_a_draft_says_so_and_has_no_json_ld(client, centre_a, manager_a):
    event = EventFactory(centre=centre_a, status=EventStatus.DRAFT)
    client.force_login(manager_a)

    content = client.get(url(event)).content.decode()

    assert (JSON_LD.findall(content), "Draft: only the organisers see it" in content) == (
        [],
        True,
    )


def test_detail_tells_an_organiser_who_is_not_invited_that_only_invitees_register(
    client, coordinator, counsellor_a
):
    meeting = InvitationFactory(event__centre=None, user=counsellor_a).event
    client.force_login(coordinator)

    content = client.get(url(meeting)).content.decode()

    assert "Only invited people may register for this meeting." in content
    assert f'href="/en/agenda/{meeting.slug}/register/"' not in content
