"""The signed-in person's registrations and their private calendar feed: made on first
view, kept after, renewed on demand (the old address stops being shown)."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from cocade.agenda import tokens
from cocade.agenda.models import CalendarFeed
from cocade.agenda.services.feeds import get_or_create_calendar_feed, reset_calendar_feed
from cocade.core.errors import Forbidden
from tests.factories.agenda import EventFactory, RegistrationFactory, in_days


def url(name="agenda:mine"):
    with translation.override("en"):
        return reverse(name)


def feed_url(key):
    with translation.override("en"):
        return f"{settings.SITE_URL}{reverse('agenda:feed_private', args=[key])}"


def test_mine_sends_anonymous_visitors_to_sign_in(client, db):
    response = client.get(url())

    assert (response.status_code, response["Location"]) == (
        302,
        "/en/accounts/login/?next=/en/agenda/mine/",
    )
    assert CalendarFeed.objects.count() == 0


def test_mine_lists_the_persons_own_registrations_latest_event_first(
    client, centre_a, public_user, counsellor_a
):
    soon = EventFactory(centre=centre_a, title={"en": "Soon"}, starts_at=in_days(2))
    later = EventFactory(centre=centre_a, title={"en": "Later"}, starts_at=in_days(9))
    mine_soon = RegistrationFactory(event=soon, user=public_user, email=public_user.email)
    mine_later = RegistrationFactory(event=later, user=public_user, email=public_user.email)
    RegistrationFactory(event=soon, user=counsellor_a, email=counsellor_a.email)
    client.force_login(public_user)

    response = client.get(url())

    items = response.context["items"]
    assert [item["registration"] for item in items] == [mine_later, mine_soon]
    for item, registration in zip(items, [mine_later, mine_soon], strict=True):
        token = item["url"].rstrip("/").rsplit("/", 1)[1]
        assert tokens.read_token(token, tokens.MANAGE) == registration
    assert f'<a href="{items[0]["url"]}"><span lang="en">Later</span></a>' in (
        response.content.decode()
    )


def test_mine_makes_the_private_feed_on_first_view_and_keeps_it(client, public_user):
    client.force_login(public_user)

    first = client.get(url())
    second = client.get(url())

    feed = CalendarFeed.objects.get(user=public_user)
    assert CalendarFeed.objects.count() == 1
    assert (first.context["feed"], second.context["feed"]) == (feed, feed)
    assert f'value="{feed_url(feed.key)}" readonly' in second.content.decode()
    webcal = "webcal://" + feed_url(feed.key).split("://", 1)[1]
    assert f'<a href="{webcal}">' in second.content.decode()


def test_mine_feed_reset_gives_a_new_address(client, public_user):
    client.force_login(public_user)
    client.get(url())
    old = CalendarFeed.objects.get(user=public_user).key

    response = client.post(url("agenda:mine_feed_reset"), follow=True)

    new = CalendarFeed.objects.get(user=public_user).key
    content = response.content.decode()
    assert (response.redirect_chain, new != old, len(new) >= 24) == (
        [("/en/agenda/mine/", 302)],
        True,
        True,
    )
    assert (feed_url(new) in content, feed_url(old) in content) == (True, False)
    assert "Your calendar feed has a new address" in content


def test_mine_feed_reset_refuses_get_and_anonymous_visitors(client, public_user):
    feed = CalendarFeed.objects.create(user=public_user)

    anonymous = client.post(url("agenda:mine_feed_reset"))
    client.force_login(public_user)
    get = client.get(url("agenda:mine_feed_reset"))

    assert (anonymous.status_code, get.status_code) == (302, 405)
    assert CalendarFeed.objects.get(user=public_user).key == feed.key


def test_feed_services_refuse_anonymous_and_reset_creates_a_missing_feed(public_user):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(Forbidden):
        get_or_create_calendar_feed(user=AnonymousUser())
    with pytest.raises(Forbidden):
        reset_calendar_feed(user=AnonymousUser())
    feed = reset_calendar_feed(user=public_user)

    assert (CalendarFeed.objects.count(), feed.user) == (1, public_user)
