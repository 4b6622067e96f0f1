import datetime
from decimal import Decimal

import factory

from cocade.core.models import AuditLogEntry
from cocade.directory.enums import LabelStatus, PartnerKind, SiteKind
from cocade.directory.models import (
    Centre,
    LabelStatusChange,
    Network,
    PartnerOrganisation,
    Partnership,
    Person,
    Pole,
    Position,
    ServiceType,
    Site,
    SiteService,
)


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network
        django_get_or_create = ("slug",)

    slug = "cdm"
    name = factory.LazyFunction(
        lambda: {"fr": "Réseau des Cités des métiers", "en": "Cités des métiers network"}
    )


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Centre

    network = factory.SubFactory(NetworkFactory)
    slug = factory.Sequence(lambda n: f"centre-{n}")
    name = factory.Sequence(lambda n: {"fr": f"Cité des métiers {n}"})
    country = "FR"
    city = factory.Sequence(lambda n: f"Ville {n}")
    languages = factory.LazyFunction(lambda: ["fr"])


class LabelStatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LabelStatusChange

    centre = factory.SubFactory(CentreFactory)
    status = LabelStatus.LABELLED
    decided_on = datetime.date(2020, 1, 15)


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site

    centre = factory.SubFactory(CentreFactory)
    kind = SiteKind.SECONDARY
    slug = factory.Sequence(lambda n: f"site-{n}")
    name = factory.Sequence(lambda n: {"fr": f"Site {n}"})
    commune = factory.Sequence(lambda n: f"Commune {n}")
    latitude = Decimal("48.895600")
    longitude = Decimal("2.388100")


class PoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pole

    centre = factory.SubFactory(CentreFactory)
    code = factory.Sequence(lambda n: f"pole-{n}")
    name = factory.Sequence(lambda n: {"fr": f"Pôle {n}"})


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation

    slug = factory.Sequence(lambda n: f"partner-{n}")
    name = factory.Sequence(lambda n: f"Partner {n}")
    kind = PartnerKind.EMPLOYMENT_SERVICE
    country = "FR"


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    centre = factory.SubFactory(CentreFactory)
    partner = factory.SubFactory(PartnerOrganisationFactory)
    starts_on = datetime.date(2019, 1, 1)


class ServiceTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceType
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"theme-{n}")
    name = factory.Sequence(lambda n: {"fr": f"Thème {n}", "en": f"Theme {n}"})


class SiteServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SiteService

    site = factory.SubFactory(SiteFactory)
    service_type = factory.SubFactory(ServiceTypeFactory)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Faker("name")


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    person = factory.SubFactory(PersonFactory)
    centre = factory.SubFactory(CentreFactory)
    title = factory.LazyFunction(lambda: {"fr": "Conseillère"})
    starts_on = datetime.date(2024, 9, 1)
    is_public = True


class AuditLogEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditLogEntry

    action = "directory.site.updated"
    centre_id = None
