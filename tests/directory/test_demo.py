"""The demo loader (`cocade demo`) and the demo sign-in codes (`cocade demo_totp`)."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, validate_totp_code
from allauth.mfa.utils import decrypt
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.core.management.base import CommandError

from cocade.accounts.enums import Role
from cocade.accounts.models import Membership, User
from cocade.core.i18n import language_codes
from cocade.core.models import AuditLogEntry
from cocade.directory.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_counts
from cocade.directory.enums import LABEL_TRANSITIONS, SiteKind
from cocade.directory.models import Centre, Network, Pole, ServiceType, Site
from cocade.directory.selectors import centres_visible_to, recent_movements

DEMO_DOMAIN = "@demo.cocade.example"


@pytest.fixture
def debug(settings):
    settings.DEBUG = True
    return settings


def run_demo(*args):
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def database_snapshot():
    return {
        **demo_counts(),
        "memberships": Membership.objects.count(),
        "authenticators": Authenticator.objects.count(),
        "email addresses": EmailAddress.objects.count(),
        "audit entries": AuditLogEntry.objects.count(),
    }


def test_demo_run_twice_gives_the_same_data(db, debug):
    run_demo()
    first = database_snapshot()

    run_demo()

    assert database_snapshot() == first
    assert first["centres"] >= 12
    assert first["countries"] >= 6


def test_demo_mayotte_has_eight_antennas_with_digital_workshops(db, debug):
    run_demo()

    antennas = Site.objects.filter(centre__slug="mayotte", kind=SiteKind.ANTENNA)

    assert antennas.count() == 8
    assert antennas.filter(services__service_type__code="digital-workshops").count() == 8
    assert antennas.filter(services__service_type__code="mobility").count() == 8


def test_demo_service_types_and_poles_have_all_six_languages(db, debug):
    run_demo()

    incomplete = [
        (str(obj), sorted(obj.name))
        for obj in [*ServiceType.objects.all(), *Pole.objects.all()]
        if sorted(code for code, text in obj.name.items() if text.strip())
        != sorted(language_codes())
    ]

    assert ServiceType.objects.count() == 11
    assert incomplete == []


def test_demo_network_name_and_description_in_all_six_languages(db, debug):
    run_demo()

    network = Network.objects.get(slug="cdm")

    assert sorted(network.name) == sorted(language_codes())
    assert sorted(network.description) == sorted(language_codes())


def test_demo_every_role_has_a_user(db, debug):
    run_demo()

    roles = set(
        Membership.objects.active()
        .filter(user__email__endswith=DEMO_DOMAIN)
        .values_list("role", flat=True)
    )

    assert roles == set(Role.values)


def test_demo_coordinator_and_managers_have_totp(db, debug):
    run_demo()

    secrets = {
        authenticator.user.email: decrypt(authenticator.data["secret"])
        for authenticator in Authenticator.objects.filter(
            type=Authenticator.Type.TOTP
        ).select_related("user")
    }

    assert secrets == {
        "coordinator@demo.cocade.example": DEMO_TOTP_SECRET,
        "manager@demo.cocade.example": DEMO_TOTP_SECRET,
        "manager.mayotte@demo.cocade.example": DEMO_TOTP_SECRET,
    }


def test_demo_keeps_an_existing_totp_and_prints_its_secret(db, debug):
    user = User.objects.create_user("coordinator@demo.cocade.example", "x")
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")

    output = run_demo()

    assert Authenticator.objects.filter(user=user).count() == 1
    assert "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" in output


def test_demo_prints_logins_password_and_counts(db, debug):
    output = run_demo()

    assert "manager.mayotte@demo.cocade.example" in output
    assert f"Password of every demo account: {DEMO_PASSWORD}" in output
    assert DEMO_TOTP_SECRET in output
    assert f"  centres{' ' * 16}{Centre.objects.count()}\n" in output


def test_demo_password_is_reset_on_every_run(db, debug):
    run_demo("--password", "another-demo-password-1")
    run_demo()

    user = User.objects.get(email="counsellor@demo.cocade.example")

    assert user.check_password(DEMO_PASSWORD) is True


def test_demo_weak_password_is_refused_and_writes_nothing(db, debug):
    with pytest.raises(CommandError):
        run_demo("--password", "123")

    assert Centre.objects.count() == 0


def test_demo_refuses_without_debug_and_writes_nothing(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        run_demo()

    assert Network.objects.count() == 0
    assert Centre.objects.count() == 0
    assert User.objects.count() == 0


def test_demo_loads_without_debug_when_forced(db, settings):
    settings.DEBUG = False

    run_demo("--force")

    assert User.objects.filter(email="coordinator@demo.cocade.example").count() == 1


def test_demo_label_histories_follow_the_allowed_transitions(db, debug):
    run_demo()

    invalid = []
    for centre in Centre.objects.prefetch_related("label_history"):
        current = ""
        for change in centre.label_history.all():
            if change.status not in LABEL_TRANSITIONS[current]:
                invalid.append((centre.slug, current, change.status))
            current = change.status

    assert invalid == []


def test_demo_recent_movements_are_public(db, debug):
    run_demo()

    movements = recent_movements(user=AnonymousUser())
    departures = {
        movement.position.centre.slug for movement in movements if movement.kind == "departure"
    }

    assert len(movements) >= 1
    assert "val-de-marne" in departures


def test_demo_namur_in_prefiguration_is_hidden_from_visitors(db, debug):
    run_demo()

    visible = set(centres_visible_to(AnonymousUser()).values_list("slug", flat=True))
    namur = Centre.objects.with_label_status().get(slug="namur")

    assert "namur" not in visible
    assert "paris-la-villette" in visible
    assert namur.current_label_status == "prefiguration"


def test_demo_totp_prints_a_code_allauth_accepts(db, debug):
    run_demo()
    out = StringIO()

    call_command("demo_totp", "coordinator@demo.cocade.example", stdout=out)
    code = out.getvalue().strip()

    assert len(code) == 6
    assert code.isdigit() is True
    assert validate_totp_code(DEMO_TOTP_SECRET, code) is True


def test_demo_totp_refuses_without_debug(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        call_command("demo_totp", "coordinator@demo.cocade.example", stdout=StringIO())


def test_demo_totp_refuses_an_account_outside_the_demo_domain(db, debug, manager_a):
    with pytest.raises(CommandError):
        call_command("demo_totp", manager_a.email, stdout=StringIO())


def test_demo_totp_refuses_an_account_without_second_factor(db, debug):
    run_demo()

    with pytest.raises(CommandError):
        call_command("demo_totp", "counsellor@demo.cocade.example", stdout=StringIO())
