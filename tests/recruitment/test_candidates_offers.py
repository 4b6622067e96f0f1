"""The offers page of a speed recruitment: who sees it, the companies and their offers, the
filters by sector and contract, and the call to apply while applications are open."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from cocade.agenda.enums import Audience, EventKind, EventStatus
from cocade.recruitment.enums import Contract, Phase
from tests.factories.agenda import EventFactory
from tests.factories.recruitment import CompanyFactory, OfferFactory, RecruitmentDayFactory


def url(day, language="en", **query):
    with translation.override(language):
        path = reverse("recruitment:offers", kwargs={"slug": day.event.slug})
    if query:
        path += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return path


def apply_url(day):
    with translation.override("en"):
        return reverse("recruitment:apply", kwargs={"slug": day.event.slug})


@pytest.fixture
def day(centre_a):
    day = RecruitmentDayFactory(event__centre=centre_a, event__slug="speed-porto")
    ribeira = CompanyFactory(
        day=day, name="Ribeira Software", sector="Software", description="Web agency."
    )
    OfferFactory(company=ribeira, title="Web developer", contract=Contract.PERMANENT)
    OfferFactory(company=ribeira, title="Intern tester", contract=Contract.INTERNSHIP)
    douro = CompanyFactory(day=day, name="Douro Logística", sector="Logistics")
    OfferFactory(company=douro, title="Driver", contract=Contract.FIXED_TERM, location="Gaia")
    CompanyFactory(day=day, name="Foz Saúde", sector="Health")
    return day


def listed(response):
    return [
        (company.name, [offer.title for offer in company.offers.all()])
        for company in response.context["companies"]
    ]


def test_offers_lists_companies_with_their_offers_and_the_call_to_apply(client, day):
    response = client.get(url(day))

    content = response.content.decode()
    assert response.status_code == 200
    assert listed(response) == [
        ("Douro Logística", ["Driver"]),
        ("Foz Saúde", []),
        ("Ribeira Software", ["Intern tester", "Web developer"]),
    ]
    assert content.count(f'href="{apply_url(day)}"') == 2
    assert "Web agency." in content
    assert "No offer published yet: you can still choose to meet this company." in content
    assert response.context["offer_count"] == 3


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"sector": "Software"}, [("Ribeira Software", ["Intern tester", "Web developer"])]),
        (
            {"contract": "internship"},
            [("Ribeira Software", ["Intern tester"])],
        ),
        ({"sector": "Logistics", "contract": "fixed_term"}, [("Douro Logística", ["Driver"])]),
        ({"sector": "Health", "contract": "permanent"}, []),
    ],
)
def test_offers_filters_by_sector_and_contract(client, day, query, expected):
    response = client.get(url(day, **query))

    assert (response.status_code, listed(response)) == (200, expected)


def test_offers_sector_choices_are_the_companies_sectors(client, day):
    response = client.get(url(day))

    assert response.context["form"].fields["sector"].choices == [
        ("", "All sectors"),
        ("Health", "Health"),
        ("Logistics", "Logistics"),
        ("Software", "Software"),
    ]


def test_offers_unknown_filter_is_a_form_error_and_the_valid_one_applies(client, day):
    response = client.get(url(day, sector="Mining", contract="permanent"))

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["sector"]
    assert listed(response) == [("Ribeira Software", ["Web developer"])]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"phase": Phase.COMPANIES}, "Applications are not open yet"),
        ({"phase": Phase.PRESELECTION}, "Applications are closed."),
        ({"applications_close_at": "past"}, "Applications are closed."),
    ],
)
def test_offers_without_open_applications_has_no_call_to_apply(client, day, changes, message):
    for name, value in changes.items():
        setattr(
            day, name, timezone.now() - datetime.timedelta(minutes=1) if value == "past" else value
        )
    day.save()

    content = client.get(url(day)).content.decode()

    assert (message in content, apply_url(day) in content) == (True, False)


def test_offers_says_when_applications_close(client, day):
    day.applications_close_at = datetime.datetime(2031, 3, 1, 17, 0, tzinfo=datetime.UTC)
    day.save()

    content = client.get(url(day)).content.decode()

    assert "Applications close on March 1, 2031 at 5 p.m. (Europe/Lisbon time)." in content


@pytest.mark.parametrize(
    "event_changes",
    [
        {"status": EventStatus.DRAFT},
        {"status": EventStatus.CANCELLED},
        {"audience": Audience.MEMBERS},
    ],
)
def test_offers_of_an_event_the_reader_may_not_see_is_404(client, day, event_changes):
    for name, value in event_changes.items():
        setattr(day.event, name, value)
    day.event.save()

    assert client.get(url(day)).status_code == 404


def test_offers_of_a_members_event_are_shown_to_members(client, day, counsellor_a):
    day.event.audience = Audience.MEMBERS
    day.event.save()
    client.force_login(counsellor_a)

    assert client.get(url(day)).status_code == 200


def test_offers_of_another_kind_of_event_or_unknown_address_is_404(client, centre_a):
    workshop = EventFactory(centre=centre_a, kind=EventKind.WORKSHOP, slug="atelier")
    RecruitmentDayFactory(event=workshop)

    with translation.override("en"):
        responses = [
            client.get(reverse("recruitment:offers", kwargs={"slug": slug})).status_code
            for slug in ("atelier", "nothing-here")
        ]

    assert responses == [404, 404]


def test_offers_query_count_does_not_grow_with_companies(
    client, day, django_assert_max_num_queries
):
    for index in range(15):
        company = CompanyFactory(day=day, name=f"Empresa extra {index}", sector=f"Sector {index}")
        OfferFactory.create_batch(3, company=company)

    with django_assert_max_num_queries(6):
        response = client.get(url(day))

    assert len(response.context["companies"]) == 18
