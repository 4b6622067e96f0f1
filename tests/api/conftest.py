"""Fixtures of the JSON API tests: a small directory and personal tokens."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from cocade.accounts.services import create_api_token
from cocade.directory.enums import LabelStatus, PartnerKind, SiteKind
from tests.factories.directory import (
    CentreFactory,
    LabelStatusChangeFactory,
    PartnerOrganisationFactory,
    PartnershipFactory,
    PoleFactory,
    ServiceTypeFactory,
    SiteFactory,
    SiteServiceFactory,
)


@pytest.fixture
def bearer():
    """bearer(user) -> the request headers of a new token of `user`."""

    def make(user, name="tests"):
        _token, raw = create_api_token(user=user, name=name)
        return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    return make


@pytest.fixture
def directory(centre_a, centre_b):
    """Centre A (Paris) fully described, centre B (Lyon), and one unpublished centre."""
    centre_a.name = {"fr": "Cité des métiers de Paris", "en": "Paris career centre"}
    centre_a.description = {"fr": "Un lieu ouvert à tous."}
    centre_a.city = "Paris"
    centre_a.carrier = "Universcience"
    centre_a.opened_on = datetime.date(1993, 3, 1)
    centre_a.languages = ["fr", "en"]
    centre_a.website = "https://cdm.example.org"
    centre_a.email = "contact@cdm.example.org"
    centre_a.phone = "+33 1 40 05 85 85"
    centre_a.save()
    centre_b.city = "Lyon"
    centre_b.save()
    LabelStatusChangeFactory(
        centre=centre_a, status=LabelStatus.LABELLED, decided_on=datetime.date(2020, 1, 15)
    )
    LabelStatusChangeFactory(
        centre=centre_a, status=LabelStatus.CONFIRMED, decided_on=datetime.date(2023, 6, 1)
    )
    pole = PoleFactory(
        centre=centre_a,
        code="emploi",
        position=1,
        name={"fr": "Trouver un emploi", "en": "Find a job"},
    )
    partner = PartnerOrganisationFactory(
        slug="france-travail",
        name="France Travail",
        kind=PartnerKind.EMPLOYMENT_SERVICE,
        country="FR",
        website="https://www.francetravail.fr",
        description={"fr": "Service public de l'emploi."},
    )
    partnership = PartnershipFactory(
        centre=centre_a, partner=partner, hours_per_week=10, starts_on=datetime.date(2019, 1, 1)
    )
    partnership.poles.add(pole)
    mobility = ServiceTypeFactory(
        code="mobility", position=1, name={"fr": "Mobilité", "en": "Mobility"}
    )
    digital = ServiceTypeFactory(
        code="digital", position=2, name={"fr": "Numérique", "en": "Digital skills"}
    )
    paris = SiteFactory(
        centre=centre_a,
        kind=SiteKind.MAIN,
        slug="paris",
        name={"fr": "Site de Paris"},
        address="30 avenue Corentin-Cariou",
        postcode="75019",
        commune="Paris",
        latitude=Decimal("48.895600"),
        longitude=Decimal("2.388100"),
        step_free_access=True,
        phone="+33 1 40 05 85 85",
        email="paris@cdm.example.org",
        opening_hours={"fr": "Du mardi au samedi"},
    )
    paris_mobility = SiteServiceFactory(
        site=paris,
        service_type=mobility,
        pole=pole,
        partner=partner,
        details={"fr": "Aide au permis"},
    )
    annexe = SiteFactory(
        centre=centre_a,
        kind=SiteKind.ANTENNA,
        slug="annexe",
        name={"fr": "Annexe"},
        commune="Pantin",
        is_published=False,
    )
    lyon = SiteFactory(
        centre=centre_b,
        kind=SiteKind.MAIN,
        slug="lyon",
        name={"fr": "Site de Lyon"},
        commune="Lyon",
        postcode="69003",
        latitude=Decimal("45.750000"),
        longitude=Decimal("4.850000"),
    )
    SiteServiceFactory(site=lyon, service_type=digital)
    hidden = CentreFactory(
        slug="centre-hidden",
        name={"fr": "Cité cachée"},
        country="BE",
        city="Bruxelles",
        is_published=False,
    )
    hidden_site = SiteFactory(
        centre=hidden, slug="bruxelles", name={"fr": "Bruxelles"}, commune="Bruxelles"
    )
    return SimpleNamespace(
        centre_a=centre_a,
        centre_b=centre_b,
        hidden=hidden,
        pole=pole,
        partner=partner,
        partnership=partnership,
        mobility=mobility,
        digital=digital,
        paris=paris,
        paris_mobility=paris_mobility,
        annexe=annexe,
        lyon=lyon,
        hidden_site=hidden_site,
    )
