"""A centre manager signs in with a second factor and edits a site."""

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import Page, expect

from cocade.directory.models import Site

pytestmark = pytest.mark.django_db(transaction=True)

DEMO_SECRET = "COCADEDEMOCOCADEDEMOCOCADEDEMO22"


def _current_code() -> str:
    import time

    return format_hotp_value(hotp_value(DEMO_SECRET, int(time.time()) // 30))


def test_manager_edits_a_site(page: Page, live_server, demo):
    page.goto(f"{live_server.url}/fr/accounts/login/")
    page.get_by_label("Adresse e-mail").fill("manager@demo.cocade.example")
    page.get_by_label("Mot de passe").fill("cocade-demo-2026")
    page.get_by_role("button", name="Connexion").click()
    page.get_by_label("Code").fill(_current_code())
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    site = Site.objects.get(centre__slug="paris-la-villette", kind="main")
    page.goto(f"{live_server.url}/fr/staff/centres/paris-la-villette/sites/{site.pk}/edit/")
    hours = page.locator("textarea[name='opening_hours_fr']")
    hours.fill("Du mardi au samedi, de 10 h à 18 h.")
    page.get_by_role("button", name="Enregistrer").click()

    expect(page.locator(".messages")).to_be_visible()
    site.refresh_from_db()
    assert site.opening_hours["fr"] == "Du mardi au samedi, de 10 h à 18 h."
