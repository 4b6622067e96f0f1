"""The public list of events: what each reader sees, each filter (dates in the event's own
zone), bad filter values shown as form errors, pagination, feed links and pinned queries."""

import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from cocade.agenda.enums import Audience, EventKind, EventStatus
from tests.factories.agenda import EventFactory, InvitationFactory, RegistrationFactory, in_days
from tests.factories.directory import CentreFactory, SiteFactory


def url(language="en", **params):
    with translation.override(language):
        base = reverse("agenda:events")
    if params:
        base += "?" + urlencode(params)
    return base


def slugs(response):
    return [item["event"].slug for item in response.context["items"]]


def local(day, hour, zone):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=ZoneInfo(zone))


@pytest.fixture
def events(centre_a, centre_b, counsellor_a):
    """Two upcoming public events, one past, a draft, one for members, an invited meeting."""
    return {
        "later": EventFactory(centre=centre_b, slug="later", starts_at=in_days(20)),
        "soon": EventFactory(centre=centre_a, slug="soon", starts_at=in_days(5)),
        "past": EventFactory(
            centre=centre_a, slug="past", starts_at=in_days(-10), ends_at=in_days(-10, 12)
        ),
        "draft": EventFactory(centre=centre_a, slug="draft", status=EventStatus.DRAFT),
        "members": EventFactory(
            centre=centre_a, slug="members", audience=Audience.MEMBERS, starts_at=in_days(7)
        ),
        "meeting": InvitationFactory(
            event__centre=None,
            event__slug="meeting",
            event__starts_at=in_days(8),
            user=counsellor_a,
        ).event,
    }


def test_list_shows_upcoming_public_events_to_anonymous_visitors_in_order(client, events):
    response = client.get(url())

    assert (response.status_code, slugs(response)) == (200, ["soon", "later"])


def test_list_shows_members_events_and_invited_meetings_to_an_invited_member(
    client, events, counsellor_a
):
    client.force_login(counsellor_a)

    response = client.get(url())

    assert slugs(response) == ["soon", "members", "meeting", "later"]


def test_list_hides_members_events_from_a_signed_in_person_without_a_role(
    client, events, public_user
):
    client.force_login(public_user)

    response = client.get(url())

    assert slugs(response) == ["soon", "later"]


def test_list_leaves_drafts_out_even_for_their_organisers(client, events, manager_a):
    client.force_login(manager_a)

    response = client.get(url())

    assert "draft" not in slugs(response)


def test_list_past_toggle_shows_past_events_latest_first(client, centre_a, events):
    EventFactory(centre=centre_a, slug="older", starts_at=in_days(-30), ends_at=in_days(-30, 12))

    response = client.get(url(past="on"))

    assert (slugs(response), response.context["past"]) == (["past", "older"], True)


def test_list_filters_by_centre(client, events, centre_b):
    response = client.get(url(centre=centre_b.slug))

    assert slugs(response) == ["later"]


def test_list_filters_by_country_and_leaves_network_events_out(client, events, centre_a):
    belgian = CentreFactory(network=centre_a.network, slug="bruxelles", country="BE")
    EventFactory(centre=belgian, slug="brussels", starts_at=in_days(3))
    EventFactory(centre=None, slug="network-event", starts_at=in_days(4))

    belgium = client.get(url(country="BE"))
    france = client.get(url(country="FR"))

    assert (slugs(belgium), slugs(france)) == (["brussels"], ["soon", "later"])


def test_list_filters_by_type(client, events, centre_a):
    EventFactory(centre=centre_a, slug="quiz", kind=EventKind.QUIZ, starts_at=in_days(6))

    response = client.get(url(kind="quiz"))

    assert slugs(response) == ["quiz"]


def test_list_date_filters_use_the_local_date_of_each_event(client, centre_a):
    # 09:00 in Auckland is the evening before in UTC: a UTC date would put it a day early.
    day = (timezone.now() + datetime.timedelta(days=30)).date()
    start = local(day, 9, "Pacific/Auckland")
    EventFactory(
        centre=centre_a,
        slug="auckland",
        timezone="Pacific/Auckland",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    paris = local(day + datetime.timedelta(days=2), 10, "Europe/Paris")
    EventFactory(
        centre=centre_a, slug="paris", starts_at=paris, ends_at=paris + datetime.timedelta(hours=2)
    )
    previous, following = day - datetime.timedelta(days=1), day + datetime.timedelta(days=1)

    results = {
        "to the day before": slugs(client.get(url(date_to=previous.isoformat()))),
        "to the day": slugs(client.get(url(date_to=day.isoformat()))),
        "from the day": slugs(client.get(url(date_from=day.isoformat()))),
        "from the day after": slugs(client.get(url(date_from=following.isoformat()))),
        "the day alone": slugs(client.get(url(date_from=day.isoformat(), date_to=day.isoformat()))),
    }

    assert results == {
        "to the day before": [],
        "to the day": ["auckland"],
        "from the day": ["auckland", "paris"],
        "from the day after": ["paris"],
        "the day alone": ["auckland"],
    }


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"centre": "nowhere"}, "centre"),
        ({"country": "ZZ"}, "country"),
        ({"kind": "party"}, "kind"),
        ({"date_from": "2031-13-45"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        ({"date_from": "99999-01-01"}, "date_from"),
        ({"date_from": "0001-01-01"}, "date_from"),
    ],
)
def test_list_bad_filter_value_is_a_form_error_and_the_list_ignores_it(
    client, events, params, field
):
    response = client.get(url(**params))

    assert (response.status_code, list(response.context["form"].errors), slugs(response)) == (
        400,
        [field],
        ["soon", "later"],
    )


def test_list_end_date_before_start_date_is_a_form_error(client, events):
    response = client.get(url(date_from="2031-05-10", date_to="2031-05-01"))

    content = response.content.decode()
    assert (response.status_code, list(response.context["form"].errors)) == (400, ["date_to"])
    assert "The end date must not be before the start date." in content


def test_list_keeps_the_valid_filters_beside_a_bad_one(client, events, centre_b):
    response = client.get(url(centre=centre_b.slug, kind="party"))

    assert (response.status_code, slugs(response)) == (400, ["later"])


def test_list_paginates_by_twenty(client, centre_a):
    for day in range(21):
        EventFactory(centre=centre_a, slug=f"day-{day:02d}", starts_at=in_days(day + 1))

    first = client.get(url())
    second = client.get(url(page="2"))
    malformed = client.get(url(page="many"))
    too_far = client.get(url(page="99"))

    assert (len(slugs(first)), slugs(second)) == (20, ["day-20"])
    assert (slugs(malformed)[0], slugs(too_far)) == ("day-00", ["day-20"])
    assert '<a href="?page=2" rel="next">Next page</a>' in first.content.decode()


def test_list_item_shows_title_time_place_organiser_and_seats(client, centre_a):
    site = SiteFactory(centre=centre_a, name={"fr": "Maison de l'emploi"}, commune="Lyon")
    start = local((timezone.now() + datetime.timedelta(days=12)).date(), 14, "America/Montreal")
    event = EventFactory(
        centre=centre_a,
        slug="cv",
        title={"fr": "Atelier CV"},
        timezone="America/Montreal",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        site=site,
        capacity=3,
    )
    RegistrationFactory(event=event)

    content = client.get(url()).content.decode()

    with translation.override("en"):
        day = date_format(start, "DATE_FORMAT")
    assert (
        '<h3><a href="/en/agenda/cv/"><span lang="fr">Atelier CV</span> '
        '<small class="fallback-note">(in Français)</small></a></h3>'
    ) in content
    assert (
        f'<time datetime="{start.isoformat()}">{day}, 2 p.m.</time>–'
        f'<time datetime="{(start + datetime.timedelta(hours=2)).isoformat()}">4 p.m.</time> '
        '<span class="agenda-zone">(time in America/Montreal)</span>'
    ) in content
    assert (
        '<span class="agenda-place"><span lang="fr">Maison de l&#x27;emploi</span> '
        '<small class="fallback-note">(in Français)</small> (Lyon)</span>'
    ) in content
    assert '<p class="agenda-seats">2 seats left</p>' in content


def test_list_item_says_full_waiting_list_network_and_online(client, network):
    full = EventFactory(
        centre=None, slug="full", capacity=1, waitlist=True, online_url="https://meet.example.org/x"
    )
    RegistrationFactory(event=full)
    closed = EventFactory(centre=None, slug="closed", capacity=1, starts_at=in_days(11))
    RegistrationFactory(event=closed)

    response = client.get(url())

    content = response.content.decode()
    assert [str(item["seats"]) for item in response.context["items"]] == [
        "Full: waiting list open",
        "Full",
    ]
    assert '<span class="agenda-place">Online</span>\n              · Network' in content


def test_list_links_to_the_network_feed_and_to_the_feeds_of_the_chosen_filters(
    client, events, centre_b
):
    plain = client.get(url()).content.decode()
    filtered = client.get(url(centre=centre_b.slug, kind="workshop")).content.decode()

    with translation.override("en"):
        network_feed = reverse("agenda:feed_network")
        centre_feed = reverse("agenda:feed_centre", args=[centre_b.slug])
        kind_feed = reverse("agenda:feed_kind", args=["workshop"])
    assert (network_feed in plain, centre_feed in plain, kind_feed in plain) == (
        True,
        False,
        False,
    )
    assert (centre_feed in filtered, kind_feed in filtered) == (True, True)


def test_list_queries_do_not_grow_with_the_number_of_events(
    client, centre_a, centre_b, django_assert_num_queries
):
    for day in range(3):
        EventFactory(centre=centre_a, slug=f"a-{day}", starts_at=in_days(day + 1))
    client.get(url())  # warm up (content types, translations)
    for day in range(15):
        EventFactory(centre=centre_b, site=SiteFactory(centre=centre_b), starts_at=in_days(day + 1))

    # Centres of the filter, count, page of events.
    with django_assert_num_queries(3):
        response = client.get(url())

    assert len(slugs(response)) == 18
