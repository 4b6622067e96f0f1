"""A visitor, without an account, finds help near a place, in their language."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import AXE

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_finds_the_mayotte_antenna_with_digital_workshops(page: Page, live_server, demo):
    page.goto(f"{live_server.url}/fr/")

    page.get_by_role("link", name="Trouver de l'aide").first.click()
    page.get_by_label("Thème", exact=True).select_option(label="Ateliers numériques")
    page.get_by_label("Lieu", exact=True).fill("Koungou")
    page.get_by_role("button", name="Rechercher").click()

    results = page.locator("#search-results")
    expect(results).to_contain_text("Espace numérique de Koungou")
    expect(results).to_contain_text("Ateliers numériques")
    results.get_by_role("link", name="Espace numérique de Koungou").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mayotte")
    expect(page.locator("main")).to_contain_text("Koungou")


def test_language_switch_to_bulgarian_keeps_the_page(page: Page, live_server, demo):
    page.goto(f"{live_server.url}/fr/centres/")

    page.get_by_role("navigation", name="Langue").get_by_role("link", name=re.compile("BG")).click()

    expect(page).to_have_url(f"{live_server.url}/bg/centres/")
    expect(page.locator("html")).to_have_attribute("lang", "bg")
    expect(page.get_by_role("navigation", name="Език")).to_be_visible()
    expect(page.get_by_role("link", name="Намерете помощ").first).to_be_visible()


PUBLIC_PAGES = [
    "/fr/",
    "/fr/centres/",
    "/fr/centres/mayotte/",
    "/fr/search/?place=Koungou",
    "/fr/arrivals-and-departures/",
    "/bg/",
    "/fr/accounts/login/",
]


@pytest.fixture
def axe_context(browser, live_server):
    # axe is injected as an inline script, which the page's CSP rightly refuses: bypass it here.
    context = browser.new_context(bypass_csp=True, locale="fr-FR")
    yield context
    context.close()


def test_public_pages_have_no_serious_accessibility_violation(axe_context, live_server, demo):
    page = axe_context.new_page()
    found = {}
    for path in PUBLIC_PAGES:
        page.goto(f"{live_server.url}{path}")
        page.add_script_tag(content=Path(AXE).read_text(encoding="utf-8"))
        violations = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
        )
        if violations:
            found[path] = violations

    assert found == {}


def test_public_pages_raise_no_csp_violation(page: Page, live_server, demo):
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    for path in PUBLIC_PAGES:
        page.goto(f"{live_server.url}{path}")

    assert refused == []
