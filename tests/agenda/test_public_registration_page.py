"""The registrant's own pages, opened by the signed link of their emails and without an
account: see the registration and its QR code, cancel it (twice is harmless), delete the data;
a bad, tampered, other-purpose or outdated link answers 400 and changes nothing."""

import time

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import translation

from cocade.agenda import qr, tokens
from cocade.agenda.enums import QuestionKind, RegistrationStatus
from cocade.agenda.models import Attendance, Event, Registration
from tests.factories.agenda import (
    AttendanceFactory,
    EventFactory,
    QuestionFactory,
    RegistrationFactory,
)

BAD_LINK = "This link is not valid. Please use the link from your latest email."


def url(name, registration_or_token, language="en"):
    token = (
        registration_or_token
        if isinstance(registration_or_token, str)
        else tokens.manage_token(registration_or_token)
    )
    with translation.override(language):
        return reverse(f"agenda:{name}", kwargs={"token": token})


def state(event):
    event = Event.objects.get(pk=event.pk)
    rows = sorted(Registration.objects.filter(event=event).values_list("email", "status"))
    return event.confirmed_count, rows


@pytest.fixture
def event(centre_a):
    return EventFactory(centre=centre_a, slug="atelier", capacity=1, waitlist=True)


@pytest.fixture
def registration(event):
    return RegistrationFactory(event=event, name="Ana Sousa", email="ana@example.org")


def test_registration_page_shows_status_answers_qr_code_and_actions(client, event, registration):
    job = QuestionFactory(event=event, position=1, label={"fr": "Métier", "en": "Job"})
    lunch = QuestionFactory(
        event=event,
        position=2,
        kind=QuestionKind.CHOICE,
        label={"en": "Lunch"},
        original_language="en",
        choices=[{"fr": "Végétarien", "en": "Vegetarian"}],
    )
    photos = QuestionFactory(
        event=event, position=3, kind=QuestionKind.CONSENT, label={"en": "Photos"}
    )
    Registration.objects.filter(pk=registration.pk).update(
        answers={str(job.pk): "Boulanger", str(lunch.pk): "Vegetarian", str(photos.pk): True}
    )
    token = tokens.manage_token(registration)

    response = client.get(url("registration", token))

    content = response.content.decode()
    assert response.status_code == 200
    assert '<p class="lead"><strong>Confirmed</strong>. Your registration is confirmed' in content
    assert [(str(row["label"]), str(row["answer"])) for row in response.context["answers"]] == [
        ("Job", "Boulanger"),
        ("Lunch", "Vegetarian"),
        ("Photos", "Yes"),
    ]
    assert f'<img src="{url("registration_qr", token)}"' in content
    assert f'href="{url("registration_cancel", token)}"' in content
    assert f'href="{url("registration_delete", token)}"' in content
    assert '<a href="/en/agenda/atelier/event.ics" type="text/calendar" download>' in content
    assert "/certificate/" not in content
    assert "no-store" in response["Cache-Control"]


def test_registration_page_of_someone_waiting_has_no_qr_code(client, event, registration):
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)

    content = client.get(url("registration", waiting)).content.decode()

    assert "<strong>On the waiting list</strong>" in content
    assert "qr.svg" not in content


def test_registration_page_links_the_certificate_once_attended(client, registration):
    AttendanceFactory(registration=registration)
    token = tokens.manage_token(registration)

    content = client.get(url("registration", token)).content.decode()

    with translation.override("en"):
        certificate = reverse("agenda:certificate", args=[token])
    assert f'<a href="{certificate}">' in content


@pytest.mark.parametrize(
    "name", ["registration", "registered", "registration_cancel", "registration_delete"]
)
@pytest.mark.parametrize(
    "kind", ["tampered", "garbage", "check_in_purpose", "rotated_secret", "too_long"]
)
def test_registration_pages_refuse_a_bad_link_with_400(client, registration, name, kind):
    good = tokens.manage_token(registration)
    token = {
        "tampered": good[:-3] + ("abc" if not good.endswith("abc") else "xyz"),
        "garbage": "not-a-token",
        "check_in_purpose": tokens.check_in_token(registration),
        "rotated_secret": good,
        "too_long": "a" * 301,
    }[kind]
    if kind == "rotated_secret":
        Registration.objects.filter(pk=registration.pk).update(secret="another-secret")
    before = state(registration.event)

    get = client.get(url(name, token))
    post = client.post(url(name, token)) if name.startswith("registration_") else None

    assert get.status_code == 400
    assert BAD_LINK in get.content.decode()
    assert (post.status_code if post else 400, state(registration.event)) == (400, before)


def test_registration_cancel_asks_for_confirmation_first(client, registration):
    before = state(registration.event)

    response = client.get(url("registration_cancel", registration))

    assert "Yes, cancel my registration" in response.content.decode()
    assert state(registration.event) == before


def test_registration_cancel_frees_the_seat_for_the_first_waiting_and_emails_both(
    client, event, registration, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=event, email="next@example.org", status=RegistrationStatus.WAITLISTED)
    token = tokens.manage_token(registration)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("registration_cancel", token))

    assert (response.status_code, response["Location"]) == (303, url("registration", token))
    assert state(event) == (
        1,
        [
            ("ana@example.org", RegistrationStatus.CANCELLED),
            ("next@example.org", RegistrationStatus.CONFIRMED),
        ],
    )
    assert sorted(message.to[0] for message in mail.outbox) == [
        "ana@example.org",
        "next@example.org",
    ]
    page = client.get(response["Location"]).content.decode()
    assert "<strong>Cancelled</strong>" in page
    assert f'href="{url("registration_cancel", token)}"' not in page


def test_registration_cancel_twice_says_already_cancelled_and_changes_nothing(
    client, event, registration
):
    token = tokens.manage_token(registration)
    client.post(url("registration_cancel", token))
    before = state(event)

    again = client.post(url("registration_cancel", token))
    confirm_page = client.get(url("registration_cancel", token))

    assert again.status_code == 409
    assert "This registration was already cancelled." in again.content.decode()
    assert "This registration was already cancelled." in confirm_page.content.decode()
    assert state(event) == before


def test_registration_delete_asks_then_erases_and_the_link_stops_working(
    client, event, registration
):
    AttendanceFactory(registration=registration)
    token = tokens.manage_token(registration)

    confirm = client.get(url("registration_delete", token))
    deleted = client.post(url("registration_delete", token))
    afterwards = client.get(url("registration", token))

    assert "Yes, delete my data" in confirm.content.decode()
    assert deleted.status_code == 200
    assert "Your data is deleted" in deleted.content.decode()
    assert (Registration.objects.count(), Attendance.objects.count()) == (0, 0)
    assert Event.objects.get(pk=event.pk).confirmed_count == 0
    assert (afterwards.status_code, BAD_LINK in afterwards.content.decode()) == (400, True)


def test_registration_forms_work_without_an_account_and_with_csrf_checks(registration):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    page = browser.get(url("registration_cancel", registration))
    csrf = page.cookies["csrftoken"].value

    refused = browser.post(url("registration_cancel", registration))
    accepted = browser.post(url("registration_cancel", registration), {"csrfmiddlewaretoken": csrf})

    assert (refused.status_code, accepted.status_code) == (403, 303)


class SignerAt(signing.TimestampSigner):
    """Django's signer of `signing.dumps`, at a chosen second (tokens carry their time)."""

    def __init__(self, second, **kwargs):
        super().__init__(**kwargs)
        self.second = second

    def timestamp(self):
        return signing.b62_encode(self.second)


def test_registration_qr_is_the_svg_of_the_check_in_token(client, registration):
    start = int(time.time())
    response = client.get(url("registration_qr", registration))
    end = int(time.time())

    assert (response.status_code, response["Content-Type"], response["Cache-Control"]) == (
        200,
        "image/svg+xml",
        "private, no-store",
    )
    candidates = [
        qr.qr_svg(
            SignerAt(second, salt=tokens.CHECK_IN).sign_object(
                [registration.pk, registration.secret]
            )
        )
        for second in range(start, end + 1)
    ]
    assert response.content.decode() in candidates
    made = SignerAt(start, salt=tokens.CHECK_IN).sign_object([registration.pk, registration.secret])
    assert tokens.read_token(made, tokens.CHECK_IN) == registration


@pytest.mark.parametrize(
    "status",
    [RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING, RegistrationStatus.CANCELLED],
)
def test_registration_qr_is_404_unless_confirmed(client, event, status):
    registration = RegistrationFactory(event=event, status=status)

    response = client.get(url("registration_qr", registration))

    assert response.status_code == 404


def test_registration_qr_with_a_bad_link_is_400(client, registration):
    response = client.get(url("registration_qr", "not-a-token"))

    assert (response.status_code, response.content.decode()) == (400, BAD_LINK)
