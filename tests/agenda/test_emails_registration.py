"""The emails to registrants, one per kind, in the registrant's language.

The English texts of the agenda's emails are new message ids: until the translators fill the
catalogues, a registrant writing in Portuguese or Italian reads them in English. Their
language shows all the same in what does not depend on the new catalogues: the link to their
registration page carries their language prefix (`/pt/agenda/registration/...`), dates use
Django's own month names and formats for that language, and the event's title comes in that
language when the organiser wrote it (else in the event's original language, here French).
"""

import datetime
import re

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from cocade.agenda import calendar, qr, tokens
from cocade.agenda.enums import EventStatus, RegistrationStatus
from cocade.agenda.models import Registration
from cocade.agenda.notifications import CALENDAR_MIMETYPE, send_registration_email, when_text
from cocade.agenda.services import registrations
from tests.factories.agenda import EventFactory, RegistrationFactory

UTC = datetime.UTC
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# 4 March 2031, 9:00-12:00 in Paris (UTC+1 in winter).
STARTS = datetime.datetime(2031, 3, 4, 8, 0, tzinfo=UTC)
ENDS = datetime.datetime(2031, 3, 4, 11, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"


def _event(**extra):
    values = {
        "slug": "atelier-cv",
        "title": {"fr": "Atelier CV", "en": "CV workshop"},
        "starts_at": STARTS,
        "ends_at": ENDS,
        "venue_name": "Salle Jean Moulin",
        "address": "1 rue de la Paix, Lyon",
        "contact_email": "ateliers@cite-a.example.org",
        "centre__name": {"fr": "Cité des métiers A"},
        "capacity": 10,
        "waitlist": True,
    }
    values.update(extra)
    return EventFactory(**values)


def _registration(language="en", status=RegistrationStatus.CONFIRMED, **extra):
    event = extra.pop("event", None) or _event()
    return RegistrationFactory(
        event=event, name="Ana Sousa", email="ana@example.org", language=language, status=status
    )


def _managed_from(text, language):
    """The registration that the registration-page link in `text` (in `language`) opens.
    The signed token holds a timestamp, so the link is read back rather than rebuilt."""
    with translation.override(language):
        prefix = "http://127.0.0.1:8000" + reverse("agenda:registration", kwargs={"token": "T"})
    start, end = prefix.split("T", 1)
    links = re.findall(re.escape(start) + r"([^/\s\"]+)" + re.escape(end), text)
    return [tokens.read_token(token, tokens.MANAGE) for token in links]


@pytest.fixture
def _fixed_signing_time(monkeypatch):
    """Signed tokens carry the second they were made in; pinning Django's signing clock lets
    a test rebuild the exact check-in token (and so the exact QR code) the email holds."""
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: "1xUihV")


def _attachment(message, filename):
    return next(item for item in message.attachments if item[0] == filename)


@pytest.mark.django_db
def test_confirmed_email_in_english_gives_the_event_ticket_and_cancel_link():
    registration = _registration("en")

    result = send_registration_email(registration.pk, "confirmed")

    [message] = mail.outbox
    lines = message.body.splitlines()
    assert (result, message.to, message.reply_to, message.subject) == (
        "confirmed",
        ["ana@example.org"],
        ["ateliers@cite-a.example.org"],
        "[COCADE] Registration confirmed: CV workshop",
    )
    assert lines[:8] == [
        "Hello Ana Sousa,",
        "",
        "Your registration for “CV workshop” is confirmed. We look forward to seeing you.",
        "",
        "CV workshop",
        "When: March 4, 2031, 9 a.m. – noon (Europe/Paris time)",
        "Where: Salle Jean Moulin, 1 rue de la Paix, Lyon",
        f"Event page: {calendar.event_url(registration.event, 'en')}",
    ]
    assert _managed_from(message.body, "en") == [registration]
    assert "Questions? Contact the organiser, Cité des métiers A: ateliers@cite-a.example.org" in (
        lines
    )
    assert (
        "Show the attached QR code (qr-code.png) at the entrance, on your phone or printed: "
        "it checks you in. It is also on your registration page."
    ) in lines
    assert [name for name, _content, _type in message.attachments] == [
        "atelier-cv.ics",
        "qr-code.png",
    ]


@pytest.mark.django_db
def test_confirmed_email_html_alternative_has_the_same_content_and_no_external_resource():
    registration = _registration("en")

    send_registration_email(registration.pk, "confirmed")

    [(html, mimetype)] = mail.outbox[0].alternatives
    assert mimetype == "text/html"
    assert '<html lang="en">' in html
    assert "<h1>CV workshop</h1>" in html
    assert _managed_from(html, "en") == [registration, registration]
    assert '<a href="mailto:ateliers@cite-a.example.org">' in html
    assert ("<img" in html, "<link" in html, "<script" in html, "style=" in html) == (
        False,
        False,
        False,
        False,
    )


@pytest.mark.django_db
def test_confirmed_email_in_portuguese_links_to_the_portuguese_page_and_dates():
    # Only what does not depend on the agenda's new catalogues is asserted (see the module
    # docstring), so that the test holds before and after the Portuguese translation.
    registration = _registration("pt")

    send_registration_email(registration.pk, "confirmed")

    message = mail.outbox[0]
    assert (message.subject.startswith("[COCADE] "), message.subject.endswith(": Atelier CV")) == (
        True,
        True,
    )
    assert _managed_from(message.body, "pt") == [registration]
    assert "http://127.0.0.1:8000/pt/agenda/registration/" in message.body
    assert calendar.event_url(registration.event, "pt") in message.body
    assert ("4 de Março de 2031" in message.body, "09:00" in message.body) == (True, True)


@pytest.mark.django_db
def test_registration_email_in_french_uses_the_french_link_date_and_title():
    registration = _registration("fr")

    send_registration_email(registration.pk, "confirmed")

    message = mail.outbox[0]
    lines = message.body.splitlines()
    assert _managed_from(message.body, "fr") == [registration]
    assert (message.subject.endswith(": Atelier CV"), lines[4]) == (True, "Atelier CV")
    assert ("4 mars 2031" in lines[5], "09:00" in lines[5], "12:00" in lines[5]) == (
        True,
        True,
        True,
    )


@pytest.mark.django_db
def test_when_text_spans_days_in_the_event_zone():
    event = _event(
        timezone="America/Sao_Paulo",
        starts_at=datetime.datetime(2031, 1, 28, 12, 0, tzinfo=UTC),
        ends_at=datetime.datetime(2031, 1, 30, 20, 0, tzinfo=UTC),
    )

    with translation.override("en"):
        text = when_text(event)

    # 12:00 UTC is 9:00 in São Paulo (UTC-3).
    assert text == "Jan. 28, 2031, 9 a.m. – Jan. 30, 2031, 5 p.m. (America/Sao_Paulo time)"


@pytest.mark.django_db
def test_confirmed_email_calendar_file_parses_with_the_event_uid_and_start():
    registration = _registration("en")

    send_registration_email(registration.pk, "confirmed")

    filename, content, mimetype = _attachment(mail.outbox[0], "atelier-cv.ics")
    [vevent] = Calendar.from_ical(content).walk("VEVENT")
    assert (mimetype, str(vevent["uid"]), vevent.decoded("dtstart"), str(vevent["summary"])) == (
        CALENDAR_MIMETYPE,
        calendar.uid_of(registration.event),
        STARTS,
        "CV workshop",
    )
    [part] = [p for p in mail.outbox[0].message().walk() if p.get_filename() == filename]
    assert part["Content-Type"] == 'text/calendar; method="PUBLISH"; charset="utf-8"'


@pytest.mark.django_db
@pytest.mark.usefixtures("_fixed_signing_time")
def test_confirmed_email_qr_code_is_the_png_of_the_check_in_token():
    registration = _registration("en")

    send_registration_email(registration.pk, "confirmed")

    _filename, content, mimetype = _attachment(mail.outbox[0], "qr-code.png")
    token = tokens.check_in_token(registration)
    assert (mimetype, content[:8]) == ("image/png", PNG_SIGNATURE)
    assert (content == qr.qr_png(token), qr.qr_png(token) == qr.qr_png(token)) == (True, True)
    assert tokens.read_token(token, tokens.CHECK_IN) == registration


@pytest.mark.django_db
@pytest.mark.usefixtures("_fixed_signing_time")
def test_confirmed_email_keeps_its_attachments_through_the_queue(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "cocade.core.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    registration = _registration("en")

    with django_capture_on_commit_callbacks(execute=True):
        send_registration_email(registration.pk, "confirmed")

    [message] = mail.outbox
    ics = _attachment(message, "atelier-cv.ics")
    png = _attachment(message, "qr-code.png")
    assert (ics[2], png[2], png[1] == qr.qr_png(tokens.check_in_token(registration))) == (
        CALENDAR_MIMETYPE,
        "image/png",
        True,
    )
    assert len(Calendar.from_ical(ics[1]).walk("VEVENT")) == 1
    assert message.alternatives[0][1] == "text/html"
    assert message.message()["Subject"] == "[COCADE] Registration confirmed: CV workshop"


KINDS = [
    # kind, registration status, event status, subject, first line of the message, ticket
    (
        "promoted",
        RegistrationStatus.CONFIRMED,
        EventStatus.PUBLISHED,
        "A place is free: your registration is confirmed: CV workshop",
        "Good news: a place has become free and your registration for “CV workshop” is now "
        "confirmed. We look forward to seeing you.",
        True,
    ),
    (
        "reminder",
        RegistrationStatus.CONFIRMED,
        EventStatus.PUBLISHED,
        "Reminder: CV workshop",
        "A reminder: “CV workshop” starts soon. We look forward to seeing you.",
        True,
    ),
    (
        "waitlisted",
        RegistrationStatus.WAITLISTED,
        EventStatus.PUBLISHED,
        "You are on the waiting list: CV workshop",
        "“CV workshop” is full at the moment, so you are on the waiting list. If a place "
        "becomes free, it goes to you automatically and we will email you.",
        False,
    ),
    (
        "pending",
        RegistrationStatus.PENDING,
        EventStatus.PUBLISHED,
        "Registration received, awaiting approval: CV workshop",
        "We have received your registration for “CV workshop”. The organiser will review it "
        "and we will email you their answer.",
        False,
    ),
    (
        "declined",
        RegistrationStatus.DECLINED,
        EventStatus.PUBLISHED,
        "Registration not accepted: CV workshop",
        "We are sorry: the organiser could not accept your registration for “CV workshop”.",
        False,
    ),
    (
        "cancelled",
        RegistrationStatus.CANCELLED,
        EventStatus.PUBLISHED,
        "Registration cancelled: CV workshop",
        "Your registration for “CV workshop” is cancelled. Thank you for letting us know.",
        False,
    ),
    (
        "event_cancelled",
        RegistrationStatus.CONFIRMED,
        EventStatus.CANCELLED,
        "Event cancelled: CV workshop",
        "We are sorry: “CV workshop” is cancelled and will not take place. You do not need to "
        "do anything.",
        False,
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "status", "event_status", "subject", "lead", "ticket"), KINDS)
def test_each_kind_of_email_says_its_news(kind, status, event_status, subject, lead, ticket):
    registration = _registration("en", status=status, event=_event(status=event_status))

    result = send_registration_email(registration.pk, kind)

    [message] = mail.outbox
    lines = message.body.splitlines()
    assert (result, message.subject, lines[2]) == (kind, f"[COCADE] {subject}", lead)
    assert _managed_from(message.body, "en") == [registration]
    assert (len(message.attachments) == 2, "qr-code.png" in message.body) == (ticket, ticket)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "sentence"),
    [
        (
            RegistrationStatus.WAITLISTED,
            "To see your registration, or to cancel it if you cannot come, open this link:",
        ),
        (
            RegistrationStatus.PENDING,
            "To see your registration, or to cancel it if you cannot come, open this link:",
        ),
        (
            RegistrationStatus.CANCELLED,
            "To see your registration, or to delete your data, open this link:",
        ),
    ],
)
def test_registration_link_offers_to_cancel_only_an_active_registration(status, sentence):
    registration = _registration("en", status=status)
    kind = {"waitlisted": "waitlisted", "pending": "pending", "cancelled": "cancelled"}[status]

    send_registration_email(registration.pk, kind)

    assert sentence in mail.outbox[0].body.splitlines()


@pytest.mark.django_db
def test_email_of_an_online_event_gives_the_link_and_no_place():
    event = _event(venue_name="", address="", online_url="https://visio.example.org/cv")
    registration = _registration("en", event=event)

    send_registration_email(registration.pk, "confirmed")

    lines = mail.outbox[0].body.splitlines()
    assert "Online: https://visio.example.org/cv" in lines
    assert [line for line in lines if line.startswith("Where:")] == []


@pytest.mark.django_db
def test_email_without_contact_email_uses_the_centre_address():
    event = _event(contact_email="", centre__email="contact@cite-a.example.org")
    registration = _registration("en", event=event)

    send_registration_email(registration.pk, "confirmed")

    message = mail.outbox[0]
    assert message.reply_to == ["contact@cite-a.example.org"]
    assert "Questions? Contact the organiser, Cité des métiers A: contact@cite-a.example.org" in (
        message.body.splitlines()
    )


@pytest.mark.django_db
def test_email_to_a_deleted_registration_sends_nothing():
    registration = _registration("en")
    registration_id = registration.pk
    Registration.objects.filter(pk=registration_id).delete()

    result = send_registration_email(registration_id, "confirmed")

    assert (result, mail.outbox) == ("gone", [])


@pytest.mark.django_db
def test_email_to_an_anonymised_registration_sends_nothing():
    registration = _registration("en")
    Registration.objects.filter(pk=registration.pk).update(
        name="", email="", anonymised_at=datetime.datetime(2032, 1, 1, tzinfo=UTC)
    )

    result = send_registration_email(registration.pk, "reminder")

    assert (result, mail.outbox) == ("gone", [])


@pytest.mark.django_db
def test_confirmation_of_a_registration_cancelled_meanwhile_is_not_sent():
    registration = _registration("en")
    Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.CANCELLED)

    result = send_registration_email(registration.pk, "confirmed")

    assert (result, mail.outbox) == ("outdated", [])


@pytest.mark.django_db
def test_reminder_of_a_cancelled_event_is_not_sent():
    registration = _registration("en", event=_event(status=EventStatus.CANCELLED))

    result = send_registration_email(registration.pk, "reminder")

    assert (result, mail.outbox) == ("outdated", [])


@pytest.mark.django_db
def test_unknown_kind_of_email_is_refused():
    registration = _registration("en")

    with pytest.raises(ValueError, match="Unknown kind"):
        send_registration_email(registration.pk, "birthday")

    assert mail.outbox == []


@pytest.mark.django_db
def test_registering_emails_the_confirmation_through_the_task(django_capture_on_commit_callbacks):
    event = _event()

    with django_capture_on_commit_callbacks(execute=True):
        registration = registrations.register_for_event(
            event=event, name="Ana Sousa", email="ana@example.org", consent=True, language="it"
        )

    [message] = mail.outbox
    assert (message.to, message.attachments[0][0], message.attachments[1][0]) == (
        ["ana@example.org"],
        "atelier-cv.ics",
        "qr-code.png",
    )
    assert _managed_from(message.body, "it") == [registration]


@pytest.mark.django_db
def test_cancelling_promotes_the_first_waiting_person_who_is_emailed(
    django_capture_on_commit_callbacks,
):
    event = _event(capacity=1)
    first = RegistrationFactory(event=event, email="first@example.org", language="en")
    waiting = RegistrationFactory(
        event=event,
        email="waiting@example.org",
        language="en",
        status=RegistrationStatus.WAITLISTED,
    )

    with django_capture_on_commit_callbacks(execute=True):
        registrations.cancel_registration(registration=first)

    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("first@example.org", "[COCADE] Registration cancelled: CV workshop"),
        (
            "waiting@example.org",
            "[COCADE] A place is free: your registration is confirmed: CV workshop",
        ),
    ]
    assert waiting.pk in [r.pk for r in Registration.objects.filter(event=event).confirmed()]
