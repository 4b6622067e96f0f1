"""Load the demo data set. Idempotent: every object is found by its natural key (slug, code,
email, …) and updated in place, so a second run creates nothing and changes nothing but the
demo passwords, which are set again on every run."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from cocade.accounts.enums import Role
from cocade.accounts.models import User
from cocade.accounts.services import grant_role
from cocade.directory.demo import centres as centre_data
from cocade.directory.demo.data import NETWORK, PARTNERS, POLES, SERVICE_POLE, SERVICE_TYPES
from cocade.directory.enums import LABEL_TRANSITIONS, SiteKind
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

#: The password of every demo account unless another one is given.
DEMO_PASSWORD = "cocade-demo-2026"  # noqa: S105 (a published demo password, on purpose)
#: The TOTP secret (base32) given to the demo accounts that need a second factor.
DEMO_TOTP_SECRET = "COCADEDEMOCOCADEDEMOCOCADEDEMO22"


@dataclass(frozen=True)
class AccountSpec:
    local_part: str
    role: str
    centre_slug: str | None
    full_name: str
    person_name: str = ""


#: One demo account per role, plus a second centre manager for Mayotte.
DEMO_ACCOUNTS: tuple[AccountSpec, ...] = (
    AccountSpec("coordinator", Role.NETWORK_COORDINATOR, None, "Élise Marchand"),
    AccountSpec(
        "manager", Role.CENTRE_MANAGER, "paris-la-villette", "Hélène Garnier", "Hélène Garnier"
    ),
    AccountSpec("counsellor", Role.COUNSELLOR, "paris-la-villette", "Nadia Benali", "Nadia Benali"),
    AccountSpec("trainer", Role.TRAINER, None, "Bruno Tessier"),
    AccountSpec("assessor", Role.ASSESSOR, None, "Isabelle Carré"),
    AccountSpec("editor", Role.EDITOR, "paris-la-villette", "Camille Vasseur", "Camille Vasseur"),
    AccountSpec("manager.mayotte", Role.CENTRE_MANAGER, "mayotte", "Anrafa Madi", "Anrafa Madi"),
)
TWO_FACTOR_DEMO_ROLES = frozenset({Role.NETWORK_COORDINATOR, Role.CENTRE_MANAGER})


@dataclass(frozen=True)
class DemoAccount:
    role: str
    email: str
    centre: str
    totp_secret: str


@dataclass
class DemoResult:
    password: str
    accounts: list[DemoAccount] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


M = TypeVar("M", bound=models.Model)


def demo_email(local_part: str) -> str:
    return f"{local_part}@{settings.COCADE_DEMO_EMAIL_DOMAIN}"


def _person_email(full_name: str) -> str:
    return demo_email(slugify(full_name).replace("-", "."))


def _upsert(model: type[M], lookup: Mapping[str, Any], values: Mapping[str, Any]) -> M:
    """Find the object by its natural key or make it; set `values`; validate; save only if
    something changed."""
    instance = model._default_manager.filter(**lookup).order_by("pk").first()
    changed = instance is None
    if instance is None:
        instance = model(**lookup)
    for name, value in values.items():
        field = model._meta.get_field(name)
        if isinstance(field, models.ForeignKey):
            current, wanted = getattr(instance, field.attname), getattr(value, "pk", None)
        else:
            current, wanted = getattr(instance, name), value
        if current != wanted:
            setattr(instance, name, value)
            changed = True
    if changed:
        instance.full_clean()
        instance.save()
    return instance


def _check_label_history(slug: str, steps: list[tuple[str, datetime.date, str]]) -> None:
    current = ""
    last: datetime.date | None = None
    for status, decided_on, _note in steps:
        if status not in LABEL_TRANSITIONS[current] or (last and decided_on < last):
            raise ValueError(f"Demo label history of {slug} is not valid at {status}.")
        current, last = status, decided_on


def _load_network() -> Network:
    return _upsert(
        Network,
        {"slug": NETWORK["slug"]},
        {key: value for key, value in NETWORK.items() if key != "slug"},
    )


def _load_service_types() -> dict[str, ServiceType]:
    themes = {}
    for index, item in enumerate(SERVICE_TYPES):
        themes[item["code"]] = _upsert(
            ServiceType,
            {"code": item["code"]},
            {
                "name": item["name"],
                "description": item["description"],
                "original_language": "fr",
                "position": (index + 1) * 10,
            },
        )
    return themes


def _load_partners() -> dict[str, PartnerOrganisation]:
    partners = {}
    for item in PARTNERS:
        partners[item["slug"]] = _upsert(
            PartnerOrganisation,
            {"slug": item["slug"]},
            {key: value for key, value in item.items() if key != "slug"},
        )
    return partners


def _load_centre(
    item: dict[str, Any],
    network: Network,
    themes: dict[str, ServiceType],
    partners: dict[str, PartnerOrganisation],
) -> Centre:
    centre = _upsert(
        Centre,
        {"slug": item["slug"]},
        {
            "network": network,
            **{
                key: item[key]
                for key in (
                    "original_language",
                    "name",
                    "description",
                    "country",
                    "city",
                    "carrier",
                    "opened_on",
                    "languages",
                    "email",
                    "is_published",
                )
            },
        },
    )

    _check_label_history(item["slug"], item["label"])
    for status, decided_on, note in item["label"]:
        _upsert(
            LabelStatusChange,
            {"centre": centre, "status": status, "decided_on": decided_on},
            {"note": note},
        )

    poles = {}
    for index, pole in enumerate(POLES):
        poles[pole["code"]] = _upsert(
            Pole,
            {"centre": centre, "code": pole["code"]},
            {
                "name": pole["name"],
                "description": pole["description"],
                "original_language": centre.original_language,
                "position": (index + 1) * 10,
            },
        )

    for site_item in item["sites"]:
        site_language = next(iter(site_item["name"]))
        site = _upsert(
            Site,
            {"centre": centre, "slug": site_item["slug"]},
            {
                "kind": site_item["kind"],
                "name": site_item["name"],
                "original_language": site_language,
                "address": site_item["address"],
                "postcode": site_item["postcode"],
                "commune": site_item["commune"],
                "latitude": site_item["latitude"],
                "longitude": site_item["longitude"],
                "opening_hours": site_item["opening_hours"],
                "accessibility": site_item["accessibility"],
                "step_free_access": site_item["step_free_access"],
                "email": item["email"],
                "is_published": True,
            },
        )
        for code in site_item["services"]:
            partner_slug = site_item["delivered_by"].get(code)
            pole_code = SERVICE_POLE[code]
            _upsert(
                SiteService,
                {"site": site, "service_type": themes[code]},
                {
                    "pole": poles[pole_code] if pole_code else None,
                    "partner": partners[partner_slug] if partner_slug else None,
                    "details": site_item["details"].get(code, {}),
                    "original_language": site_language,
                },
            )

    for partner_slug, pole_codes, hours, starts_on, *rest in item["partners"]:
        partnership = _upsert(
            Partnership,
            {"centre": centre, "partner": partners[partner_slug]},
            {"hours_per_week": hours, "starts_on": starts_on, "ends_on": rest[0] if rest else None},
        )
        wanted = {poles[code].pk for code in pole_codes}
        if set(partnership.poles.values_list("pk", flat=True)) != wanted:
            partnership.poles.set(wanted)

    for person_item in item["people"]:
        person = _upsert(
            Person,
            {"email": _person_email(person_item["full_name"])},
            {"full_name": person_item["full_name"]},
        )
        partner_slug = person_item["partner"]
        _upsert(
            Position,
            {"person": person, "centre": centre},
            {
                "partner": partners[partner_slug] if partner_slug else None,
                "title": person_item["title"],
                "original_language": centre.original_language,
                "starts_on": person_item["starts_on"],
                "ends_on": person_item["ends_on"],
                "is_public": person_item["is_public"],
            },
        )
    return centre


def _totp_secret(user: User) -> str:
    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None:
        TOTP.activate(user, DEMO_TOTP_SECRET)
        return DEMO_TOTP_SECRET
    return decrypt(authenticator.data["secret"])


def _load_account(spec: AccountSpec, password: str, centres: dict[str, Centre]) -> DemoAccount:
    email = demo_email(spec.local_part)
    user = User.objects.filter(email=email).first() or User(email=email)
    user.full_name = spec.full_name
    user.is_active = True
    user.set_password(password)
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    centre = centres[spec.centre_slug] if spec.centre_slug else None
    grant_role(actor=None, user=user, role=spec.role, centre=centre)
    if spec.person_name:
        person = Person.objects.filter(email=_person_email(spec.person_name)).order_by("pk")[0]
        if person.user_id != user.pk:
            Person.objects.filter(user=user).exclude(pk=person.pk).update(user=None)
            person.user = user
            person.save(update_fields=["user"])
    secret = _totp_secret(user) if spec.role in TWO_FACTOR_DEMO_ROLES else ""
    return DemoAccount(
        role=str(Role(spec.role).label),
        email=email,
        centre=str(centre) if centre else "",
        totp_secret=secret,
    )


def demo_counts() -> dict[str, int]:
    """What the database holds, counted (not the length of the demo lists)."""
    domain = "@" + settings.COCADE_DEMO_EMAIL_DOMAIN
    return {
        "networks": Network.objects.count(),
        "centres": Centre.objects.count(),
        "countries": Centre.objects.values("country").distinct().count(),
        "sites": Site.objects.count(),
        "digital antennas": Site.objects.filter(kind=SiteKind.ANTENNA).count(),
        "label steps": LabelStatusChange.objects.count(),
        "pôles": Pole.objects.count(),
        "service themes": ServiceType.objects.count(),
        "services at sites": SiteService.objects.count(),
        "partner organisations": PartnerOrganisation.objects.count(),
        "partnerships": Partnership.objects.count(),
        "people": Person.objects.count(),
        "positions": Position.objects.count(),
        "demo accounts": User.objects.filter(email__endswith=domain).count(),
    }


def load_demo(*, password: str = DEMO_PASSWORD, today: datetime.date | None = None) -> DemoResult:
    """Load (or refresh) the whole demo data set in one transaction."""
    today = today or timezone.localdate()
    with transaction.atomic():
        network = _load_network()
        themes = _load_service_types()
        partners = _load_partners()
        centres = {
            item["slug"]: _load_centre(item, network, themes, partners)
            for item in centre_data.centres(today)
        }
        accounts = [_load_account(spec, password, centres) for spec in DEMO_ACCOUNTS]
    return DemoResult(password=password, accounts=accounts, counts=demo_counts())
