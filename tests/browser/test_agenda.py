"""The agenda from the browser. A visitor on a phone registers for a workshop without an
account, gets the confirmation email with the calendar entry and the QR code, and cancels from
the email's link. At the door, an organiser's phone camera reads the QR code of that email and
checks the person in; a second reading is harmless."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from icalendar import Calendar
from playwright.sync_api import Page, expect

from cocade.agenda.models import Attendance, Registration
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.fake_camera import write_y4m
from tests.factories.agenda import EventFactory, QuestionFactory
from tests.factories.agenda_checkin import event_now

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 800}


def _register(page: Page, base: str, event, name: str, email: str) -> None:
    page.goto(f"{base}/en/agenda/")
    page.get_by_role("link", name=str(event.title["en"])).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(event.title["en"])
    page.get_by_role("link", name="Register").first.click()
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your email address").fill(email)
    page.get_by_label("I agree that my name").check()
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")


def _email_to(address: str):
    messages = [message for message in mail.outbox if message.to == [address]]
    assert len(messages) == 1, [message.subject for message in mail.outbox]
    return messages[0]


def _attachment(message, filename: str) -> bytes:
    for name, content, _mimetype in message.attachments:
        if name == filename:
            return content if isinstance(content, bytes) else content.encode()
    raise AssertionError(f"no {filename} in {[a[0] for a in message.attachments]}")


def test_visitor_registers_gets_the_calendar_entry_and_qr_code_and_cancels(
    browser, live_server, centre_a
):
    event = EventFactory(
        centre=centre_a,
        title={"fr": "Atelier CV", "en": "CV workshop"},
        capacity=12,
    )
    QuestionFactory(event=event, label={"fr": "Votre métier ?", "en": "Your trade?"})
    context = browser.new_context(locale="en-GB", viewport=PHONE)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    base = live_server.url

    _register(page, base, event, "Ana Sousa", "ana@example.org")

    registration = Registration.objects.get(event=event, email="ana@example.org")
    assert registration.status == "confirmed"
    message = _email_to("ana@example.org")
    calendar = Calendar.from_ical(_attachment(message, f"{event.slug}.ics"))
    (entry,) = calendar.walk("VEVENT")
    assert (str(entry["SUMMARY"]), entry.decoded("DTSTART")) == ("CV workshop", event.starts_at)
    assert _attachment(message, "qr-code.png").startswith(b"\x89PNG\r\n\x1a\n")

    # The link of the email opens the registration, where the visitor cancels.
    link = re.search(r"https?://\S+/en/agenda/registration/\S+/", message.body).group(0)
    page.goto(base + link[link.index("/en/") :])
    page.get_by_role("link", name="Cancel my registration").click()
    page.get_by_role("button", name="Yes, cancel my registration").click()
    expect(page.get_by_text("Cancelled").first).to_be_visible()
    registration.refresh_from_db()
    event.refresh_from_db()
    assert (registration.status, event.confirmed_count) == ("cancelled", 0)
    context.close()


@pytest.fixture
def camera_browser(playwright, tmp_path):
    """A browser whose camera films the picture written to `tmp_path / "camera.y4m"`."""
    video = tmp_path / "camera.y4m"
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={video}",
        ],
    )
    yield browser, video
    browser.close()


def test_organiser_checks_in_a_registrant_from_the_qr_code_of_the_email(
    camera_browser, live_server, centre_a, manager_a
):
    browser, video = camera_browser
    event = event_now(centre=centre_a, title={"fr": "Numeri'Day", "en": "Numeri'Day"})
    base = live_server.url
    visitor = browser.new_context(locale="en-GB", viewport=PHONE)
    _register(visitor.new_page(), base, event, "Bruno Lima", "bruno@example.org")
    visitor.close()
    registration = Registration.objects.get(event=event, email="bruno@example.org")
    # The organiser's camera sees the QR code attached to Bruno's confirmation email.
    write_y4m(_attachment(_email_to("bruno@example.org"), "qr-code.png"), video)

    signed_in = Client()
    signed_in.force_login(manager_a)
    organiser = browser.new_context(locale="en-GB", viewport=PHONE)
    organiser.grant_permissions(["camera"], origin=base)
    organiser.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": signed_in.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base,
            }
        ]
    )
    page = organiser.new_page()
    page.goto(f"{base}/en/staff/agenda/{event.pk}/check-in/")
    page.get_by_role("button", name="Start camera").click()

    status = page.get_by_role("status")
    expect(status).to_contain_text("Checked in: Bruno Lima", timeout=15_000)
    # The code is still in front of the camera: read again, it changes nothing and says so.
    expect(status).to_contain_text("already checked in at", timeout=15_000)
    expect(page.locator("[data-count-present]")).to_have_text("1")
    assert Attendance.objects.filter(registration=registration).count() == 1
    organiser.close()
