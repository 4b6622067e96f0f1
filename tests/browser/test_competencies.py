"""The competency framework from the browser: a counsellor positions herself and submits, a
manager reviews and reads the team heatmap, a coordinator starts, edits and publishes a new
version and reads the anonymised network view. All on the demo data."""

from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import Page, expect

from cocade.competencies.models import AssessmentRating, FrameworkVersion, SelfAssessment
from tests.browser.conftest import AXE

pytestmark = pytest.mark.django_db(transaction=True)

DEMO_SECRET = "COCADEDEMOCOCADEDEMOCOCADEDEMO22"
PASSWORD = "cocade-demo-2026"
SLUG = "conseiller-lieu-integre"


def _code() -> str:
    import time

    return format_hotp_value(hotp_value(DEMO_SECRET, int(time.time()) // 30))


def sign_in(page: Page, base: str, email: str, *, totp: bool = False) -> None:
    page.goto(f"{base}/en/accounts/login/")
    page.locator("input[name='login']").fill(email)
    page.locator("input[name='password']").fill(PASSWORD)
    page.locator("form button[type='submit']").first.click()
    if totp:
        page.locator("input[name='code']").fill(_code())
        page.locator("form button[type='submit']").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_counsellor_changes_a_level_and_submits(page: Page, live_server, demo):
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, live_server.url, "counsellor@demo.cocade.example")

    page.goto(f"{live_server.url}/en/staff/competences/me/")
    page.get_by_role("button", name="Start a self-assessment").first.click()
    page.locator("input[name='level_A1'][value='expertise']").check()
    page.locator("textarea[name='comment_A1']").fill("Accueil du samedi, seule au kiosque.")
    page.get_by_role("button", name="Submit for review").click()

    expect(page.locator(".messages")).to_be_visible()
    latest = SelfAssessment.objects.filter(user__email="counsellor@demo.cocade.example").latest(
        "created_at", "pk"
    )
    rating = AssessmentRating.objects.get(assessment=latest, competence__code="A1")
    assert (latest.status, rating.level.code, rating.comment) == (
        "submitted",
        "expertise",
        "Accueil du samedi, seule au kiosque.",
    )


def test_manager_reviews_and_reads_the_team_heatmap(page: Page, live_server, demo):
    sign_in(page, live_server.url, "manager@demo.cocade.example", totp=True)
    waiting = SelfAssessment.objects.get(
        user__email="counsellor@demo.cocade.example", status="submitted"
    )

    page.goto(f"{live_server.url}/en/staff/competences/reviews/")
    page.locator(f"a[href$='/assessments/{waiting.pk}/review/']").click()
    page.locator("select[name='review_A2']").select_option("maitrise")
    page.locator("textarea[name='comment']").fill("Bien vu, on en reparle en réunion d'équipe.")
    page.get_by_role("button", name="Record the review").click()

    expect(page.locator(".messages")).to_be_visible()
    waiting.refresh_from_db()
    rating = AssessmentRating.objects.get(assessment=waiting, competence__code="A2")
    assert (waiting.status, rating.review_level.code) == ("reviewed", "maitrise")

    page.goto(f"{live_server.url}/en/staff/competences/team/paris-la-villette/")
    table = page.locator("table").first
    expect(table).to_contain_text("Nadia Benali")
    with page.expect_download() as download:
        page.locator("a[href*='/xlsx/']").first.click()
    assert download.value.suggested_filename.endswith(".xlsx")


def test_coordinator_publishes_a_new_version_and_reads_the_network(page: Page, live_server, demo):
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, live_server.url, "coordinator@demo.cocade.example", totp=True)
    current = FrameworkVersion.objects.get(framework__slug=SLUG, status="published")

    page.goto(f"{live_server.url}/en/staff/competences/frameworks/{SLUG}/v{current.number}/")
    page.get_by_role("button", name="Start a new draft").click()
    draft = FrameworkVersion.objects.get(framework__slug=SLUG, status="draft")
    page.goto(f"{live_server.url}/en/staff/competences/frameworks/{SLUG}/v{draft.number}/edit/")
    page.locator("textarea[name='change_note_en']").fill("Wording of A1 clarified.")
    page.locator("textarea[name='change_note_fr']").fill("Formulation de A1 précisée.")
    page.locator("main form button[type='submit']").first.click()
    page.goto(f"{live_server.url}/en/staff/competences/frameworks/{SLUG}/v{draft.number}/")
    page.get_by_role("button", name="Publish").click()

    expect(page.locator(".messages")).to_be_visible()
    current.refresh_from_db()
    draft.refresh_from_db()
    assert (current.status, draft.status, draft.change_note["en"]) == (
        "superseded",
        "published",
        "Wording of A1 clarified.",
    )

    page.goto(f"{live_server.url}/en/staff/competences/network/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("main")).to_contain_text("fewer than 5")


PAGES = (
    "/en/frameworks/",
    f"/en/frameworks/{SLUG}/",
    f"/fr/frameworks/{SLUG}/v1/changes/",
)


def test_framework_pages_have_no_serious_accessibility_violation(browser, live_server, demo):
    context = browser.new_context(bypass_csp=True, locale="en-GB")
    page = context.new_page()
    sign_in(page, live_server.url, "counsellor@demo.cocade.example")
    found = {}
    for path in (*PAGES, "/en/staff/competences/me/"):
        page.goto(f"{live_server.url}{path}")
        page.add_script_tag(content=Path(AXE).read_text(encoding="utf-8"))
        violations = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
        )
        if violations:
            found[path] = violations
    context.close()

    assert found == {}


def test_framework_and_profile_pages_raise_no_csp_violation(page: Page, live_server, demo):
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    sign_in(page, live_server.url, "manager@demo.cocade.example", totp=True)
    assessment = SelfAssessment.objects.filter(centre__slug="paris-la-villette").first()

    for path in (
        *PAGES,
        "/en/staff/competences/team/paris-la-villette/",
        f"/en/staff/competences/profile/{assessment.pk}/",
        f"/en/staff/competences/assessments/{assessment.pk}/",
    ):
        page.goto(f"{live_server.url}{path}")

    assert refused == []
