import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone, translation

from cocade.accounts.enums import Role
from cocade.directory import selectors
from cocade.directory.enums import SiteKind
from tests.factories.accounts import MembershipFactory
from tests.factories.directory import (
    CentreFactory,
    PartnershipFactory,
    PoleFactory,
    PositionFactory,
    ServiceTypeFactory,
    SiteFactory,
    SiteServiceFactory,
)

ANONYMOUS = AnonymousUser()


@pytest.fixture
def hidden_centre(network):
    return CentreFactory(
        network=network, slug="centre-hidden", name={"fr": "Cité cachée"}, is_published=False
    )


# --- network_figures ---------------------------------------------------------------------------


def test_network_figures_counts_published_centres_countries_sites_and_antennas(
    centre_a, centre_b, hidden_centre
):
    centre_b.country = "PT"
    centre_b.save()
    SiteFactory(centre=centre_a, kind=SiteKind.MAIN)
    SiteFactory(centre=centre_a, kind=SiteKind.ANTENNA)
    SiteFactory(centre=centre_b, kind=SiteKind.ANTENNA)
    SiteFactory(centre=centre_b, kind=SiteKind.SECONDARY, is_published=False)
    SiteFactory(centre=hidden_centre, kind=SiteKind.MAIN)

    figures = selectors.network_figures(ANONYMOUS)

    assert figures == {"centres": 2, "countries": 2, "sites": 1, "antennas": 2}


def test_network_figures_include_own_unpublished_centre_for_its_staff(centre_a, hidden_centre):
    staff = MembershipFactory(role=Role.COUNSELLOR, centre=hidden_centre).user
    SiteFactory(centre=hidden_centre, kind=SiteKind.MAIN)

    figures = selectors.network_figures(staff)

    assert figures == {"centres": 2, "countries": 1, "sites": 1, "antennas": 0}


def test_network_figures_are_zero_without_data(db):
    figures = selectors.network_figures(ANONYMOUS)

    assert figures == {"centres": 0, "countries": 0, "sites": 0, "antennas": 0}


# --- centres_by_country ------------------------------------------------------------------------


def test_centres_by_country_groups_and_sorts_by_country_name(network):
    lisbon = CentreFactory(network=network, country="PT", city="Lisboa")
    paris = CentreFactory(network=network, country="FR", city="Paris")
    lyon = CentreFactory(network=network, country="FR", city="Lyon")
    sofia = CentreFactory(network=network, country="BG", city="Sofia")

    with translation.override("en"):
        groups = selectors.centres_by_country(ANONYMOUS)

    assert [(country, [c.pk for c in centres]) for country, centres in groups] == [
        ("Bulgaria", [sofia.pk]),
        ("France", [lyon.pk, paris.pk]),
        ("Portugal", [lisbon.pk]),
    ]


def test_centres_by_country_hides_unpublished_centre_from_anonymous(centre_a, hidden_centre):
    groups = selectors.centres_by_country(ANONYMOUS)

    assert [[c.slug for c in centres] for _country, centres in groups] == [["centre-a"]]


def test_centres_by_country_shows_unpublished_centre_to_coordinator(
    centre_a, hidden_centre, coordinator
):
    groups = selectors.centres_by_country(coordinator)

    assert sorted(c.slug for _country, centres in groups for c in centres) == [
        "centre-a",
        "centre-hidden",
    ]


def test_centres_by_country_prefetches_only_published_sites(centre_a):
    shown = SiteFactory(centre=centre_a, kind=SiteKind.MAIN)
    SiteFactory(centre=centre_a, is_published=False)

    groups = selectors.centres_by_country(ANONYMOUS)

    assert [site.pk for site in groups[0][1][0].sites.all()] == [shown.pk]


def test_centres_by_country_runs_a_fixed_number_of_queries(network, django_assert_num_queries):
    for _ in range(4):
        centre = CentreFactory(network=network)
        SiteFactory(centre=centre, kind=SiteKind.MAIN)
        SiteFactory(centre=centre, kind=SiteKind.ANTENNA)

    with django_assert_num_queries(2):
        groups = selectors.centres_by_country(ANONYMOUS)
        site_counts = [len(c.sites.all()) for _country, centres in groups for c in centres]

    assert site_counts == [2, 2, 2, 2]


# --- centre_page -------------------------------------------------------------------------------


def test_centre_page_raises_404_for_unknown_slug(centre_a):
    with pytest.raises(Http404):
        selectors.centre_page(ANONYMOUS, "nowhere")


def test_centre_page_raises_404_for_unpublished_centre_of_another_centre_manager(
    hidden_centre, manager_b
):
    with pytest.raises(Http404):
        selectors.centre_page(manager_b, "centre-hidden")


def test_centre_page_shows_unpublished_sites_only_to_the_centre_staff(centre_a, counsellor_a):
    main = SiteFactory(centre=centre_a, kind=SiteKind.MAIN)
    draft = SiteFactory(centre=centre_a, is_published=False)

    public_page = selectors.centre_page(ANONYMOUS, "centre-a")
    staff_page = selectors.centre_page(counsellor_a, "centre-a")

    assert [site.pk for site in public_page.sites.all()] == [main.pk]
    assert sorted(site.pk for site in staff_page.sites.all()) == sorted([main.pk, draft.pk])


def test_centre_page_lists_only_current_partnerships(centre_a):
    today = timezone.localdate()
    current = PartnershipFactory(centre=centre_a, starts_on=today - datetime.timedelta(days=30))
    PartnershipFactory(
        centre=centre_a,
        starts_on=today - datetime.timedelta(days=400),
        ends_on=today - datetime.timedelta(days=10),
    )

    page = selectors.centre_page(ANONYMOUS, "centre-a")

    assert [p.pk for p in page.partnerships.all()] == [current.pk]


# --- search_sites ------------------------------------------------------------------------------


@pytest.fixture
def koungou_antenna(centre_a, centre_b):
    workshops = ServiceTypeFactory(code="digital-workshops", name={"fr": "Ateliers numériques"})
    jobs = ServiceTypeFactory(code="find-a-job", name={"fr": "Trouver un emploi"})
    antenna = SiteFactory(
        centre=centre_a,
        kind=SiteKind.ANTENNA,
        commune="Koungou",
        postcode="97690",
        latitude=Decimal("-12.733600"),
        longitude=Decimal("45.204200"),
    )
    SiteServiceFactory(site=antenna, service_type=workshops)
    mamoudzou = SiteFactory(
        centre=centre_a,
        kind=SiteKind.MAIN,
        commune="Mamoudzou",
        postcode="97600",
        latitude=Decimal("-12.780600"),
        longitude=Decimal("45.227800"),
    )
    SiteServiceFactory(site=mamoudzou, service_type=jobs)
    elsewhere = SiteFactory(centre=centre_b, kind=SiteKind.MAIN, commune="Paris", postcode="75019")
    SiteServiceFactory(site=elsewhere, service_type=workshops)
    return antenna


def test_search_sites_by_theme_and_place_finds_the_antenna(koungou_antenna):
    hits = selectors.search_sites(user=ANONYMOUS, theme="digital-workshops", place="koungou")

    assert [hit.site.pk for hit in hits] == [koungou_antenna.pk]


def test_search_sites_by_postcode_prefix(koungou_antenna):
    hits = selectors.search_sites(user=ANONYMOUS, place="976")

    assert sorted(hit.site.commune for hit in hits) == ["Koungou", "Mamoudzou"]


def test_search_sites_near_sorts_by_distance(koungou_antenna):
    hits = selectors.search_sites(user=ANONYMOUS, place="976", near=(-12.78, 45.23))

    assert [hit.site.commune for hit in hits] == ["Mamoudzou", "Koungou"]
    assert round(hits[1].distance_km) == 6


def test_search_sites_skips_unpublished_site(koungou_antenna):
    koungou_antenna.is_published = False
    koungou_antenna.save()

    hits = selectors.search_sites(user=ANONYMOUS, theme="digital-workshops", place="koungou")

    assert hits == []


# --- recent_movements --------------------------------------------------------------------------


def test_recent_movements_lists_public_arrivals_and_departures_newest_first(centre_a):
    today = timezone.localdate()
    arrival = PositionFactory(centre=centre_a, starts_on=today - datetime.timedelta(days=10))
    departure = PositionFactory(
        centre=centre_a,
        starts_on=today - datetime.timedelta(days=900),
        ends_on=today - datetime.timedelta(days=3),
    )
    PositionFactory(centre=centre_a, starts_on=today - datetime.timedelta(days=5), is_public=False)
    PositionFactory(centre=centre_a, starts_on=today - datetime.timedelta(days=400))

    movements = selectors.recent_movements(user=ANONYMOUS, days=365)

    assert [(m.kind, m.position.pk) for m in movements] == [
        ("departure", departure.pk),
        ("arrival", arrival.pk),
    ]


def test_recent_movements_hides_positions_of_unpublished_centre(hidden_centre):
    PositionFactory(centre=hidden_centre, starts_on=timezone.localdate())

    movements = selectors.recent_movements(user=ANONYMOUS)

    assert movements == []


def test_recent_movements_filtered_by_centre(centre_a, centre_b):
    today = timezone.localdate()
    mine = PositionFactory(centre=centre_a, starts_on=today)
    PositionFactory(centre=centre_b, starts_on=today)

    movements = selectors.recent_movements(user=ANONYMOUS, centre=centre_a)

    assert [m.position.pk for m in movements] == [mine.pk]


def test_service_types_are_ordered_by_position(db):
    second = ServiceTypeFactory(code="b", position=2)
    first = ServiceTypeFactory(code="a", position=1)

    assert list(selectors.service_types()) == [first, second]


def test_centre_page_poles_follow_their_order(centre_a):
    later = PoleFactory(centre=centre_a, position=2)
    earlier = PoleFactory(centre=centre_a, position=1)

    page = selectors.centre_page(ANONYMOUS, "centre-a")

    assert list(page.poles.all()) == [earlier, later]
