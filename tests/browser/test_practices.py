"""The Vademecum from the browser: a counsellor writes up a practice and submits it, an editor
assigns a reviewer, the reviewer fills in the checklist, the editor publishes, and a visitor
finds the sheet through the search. All on the demo data."""

import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import Page, expect

from cocade.accounts.models import User
from cocade.practices.models import Practice

pytestmark = pytest.mark.django_db(transaction=True)

DEMO_SECRET = "COCADEDEMOCOCADEDEMOCOCADEDEMO22"
PASSWORD = "cocade-demo-2026"
TITLE = "Permanence emploi au marché couvert"


def sign_in(page: Page, base: str, email: str, *, totp: bool = False) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/en/accounts/login/")
    page.locator("input[name='login']").fill(email)
    page.locator("input[name='password']").fill(PASSWORD)
    page.locator("form button[type='submit']").first.click()
    if totp:
        code = format_hotp_value(hotp_value(DEMO_SECRET, int(time.time()) // 30))
        page.locator("input[name='code']").fill(code)
        page.locator("form button[type='submit']").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_a_practice_goes_from_draft_to_published_through_a_review(page: Page, live_server, demo):
    page.on("dialog", lambda dialog: dialog.accept())
    base = live_server.url

    # The counsellor writes the sheet and submits it.
    sign_in(page, base, "counsellor@demo.cocade.example")
    page.goto(f"{base}/en/staff/practices/new/")
    page.locator("input[name='title']").fill(TITLE)
    page.locator("textarea[name='summary']").fill(
        "Chaque mardi, deux conseillers tiennent un stand d'information sur le marché."
    )
    page.locator("select[name='original_language']").select_option("fr")
    page.locator("select[name='practice_type']").select_option("outreach")
    page.locator("input[name='poles'][value='emploi']").check()
    page.locator("input[name='target_publics'][value='jobseekers']").check()
    page.locator("textarea[name='method_steps']").fill(
        "Réserver l'emplacement\nPréparer les offres du jour\nTenir le stand"
    )
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".messages")).to_be_visible()
    practice = Practice.objects.get(translations__title=TITLE)
    page.get_by_role("button", name="Submit to the editors").click()
    expect(page.locator(".messages")).to_be_visible()
    practice.refresh_from_db()
    assert practice.status == "submitted"

    # The editor assigns a reviewer from another centre.
    reviewer = User.objects.get(email="manager@demo.cocade.example")
    sign_in(page, base, "editor@demo.cocade.example")
    page.goto(f"{base}/en/staff/practices/{practice.pk}/")
    page.get_by_role("link", name="Assign a reviewer").click()
    page.locator("select[name='reviewer']").select_option(str(reviewer.pk))
    page.get_by_role("button", name="Assign").click()
    expect(page.locator(".messages")).to_be_visible()
    practice.refresh_from_db()
    assert practice.status == "in_review"

    # The reviewer fills in the checklist.
    sign_in(page, base, "manager@demo.cocade.example", totp=True)
    page.goto(f"{base}/en/staff/practices/{practice.pk}/")
    page.get_by_role("link", name="Fill in my review").first.click()
    for criterion in ("clarity", "evidence", "transferability", "ethics"):
        page.locator(f"input[name='score_{criterion}'][value='3']").check()
    page.locator("input[name='recommendation'][value='publish']").check()
    page.get_by_role("button", name="Send my review").click()
    expect(page.locator(".messages")).to_be_visible()

    # The editor publishes; a visitor finds the sheet.
    sign_in(page, base, "editor@demo.cocade.example")
    page.goto(f"{base}/en/staff/practices/{practice.pk}/")
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messages")).to_be_visible()
    practice.refresh_from_db()
    assert practice.status == "published"

    page.context.clear_cookies()
    page.goto(f"{base}/fr/practices/?q=marches+couverts")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
