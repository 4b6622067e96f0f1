"""The mailing pages: the form with the size of each audience and the event's mailings, the
refusals shown at their field, and the progress page polled by htmx until the end."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from cocade.agenda.enums import MailingStatus, RegistrationStatus
from cocade.agenda.models import EventMailing
from cocade.core.models import AuditLogEntry
from tests.factories.agenda import (
    AttendanceFactory,
    EventFactory,
    EventMailingFactory,
    RegistrationFactory,
)
from tests.factories.agenda_registrants import past_event


def create_url(event):
    with translation.override("en"):
        return reverse("staff_agenda:mailing_create", kwargs={"pk": event.pk})


def progress_url(mailing):
    with translation.override("en"):
        return reverse(
            "staff_agenda:mailing", kwargs={"pk": mailing.event_id, "mailing_pk": mailing.pk}
        )


def written():
    return list(EventMailing.objects.values_list("pk", flat=True)), AuditLogEntry.objects.count()


@pytest.fixture
def past(centre_a):
    event = past_event(centre=centre_a)
    ana = RegistrationFactory(event=event, email="ana@example.org")
    RegistrationFactory(event=event, email="bruno@example.org")
    RegistrationFactory(event=event, email="carla@example.org")
    RegistrationFactory(event=event, email="duarte@example.org", status=RegistrationStatus.PENDING)
    AttendanceFactory(registration=ana, day=event.half_days()[0][0], half="am")
    return event


def audience_labels(page):
    return re.findall(r'<input type="radio" name="audience" value="\w+"[^>]*>\s*([^<]+)<', page)


def test_mailing_form_shows_how_many_people_each_audience_reaches(client, manager_a, past):
    client.force_login(manager_a)

    page = client.get(create_url(past)).content.decode()

    assert [label.strip() for label in audience_labels(page)] == [
        "All confirmed registrants (3 people)",
        "Attendees (1 person)",
        "No-shows (2 people)",
    ]


def test_mailing_form_before_the_start_says_why_no_shows_are_not_known(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    RegistrationFactory(event=event)
    client.force_login(manager_a)

    page = client.get(create_url(event)).content.decode()

    labels = [label.strip() for label in audience_labels(page)]
    assert labels[2] == "No-shows: known once the event has started"
    assert (
        "No-shows are known only once the event has started: until then, write to all "
        "confirmed registrants."
    ) in page


def test_posting_a_mailing_queues_it_and_shows_its_progress(
    client, manager_a, past, django_capture_on_commit_callbacks
):
    client.force_login(manager_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            create_url(past),
            {"audience": "no_shows", "subject": "We missed you", "body": "Here are the slides."},
        )

    mailing = EventMailing.objects.get()
    assert (response.status_code, response["Location"]) == (302, progress_url(mailing))
    assert sorted(message.to[0] for message in mail.outbox) == [
        "bruno@example.org",
        "carla@example.org",
    ]
    assert (mailing.created_by, mailing.status, mailing.sent, mailing.total) == (
        manager_a,
        MailingStatus.SENT,
        2,
        2,
    )


def test_posting_the_same_mailing_twice_shows_why_the_second_is_not_queued(client, manager_a, past):
    client.force_login(manager_a)
    data = {"audience": "all", "subject": "Slides", "body": "Here are the slides."}
    client.post(create_url(past), data)
    before = written()

    response = client.post(create_url(past), data)

    assert response.status_code == 400
    assert (
        "The same mailing was queued less than a minute ago: it is not queued a second time."
        in response.content.decode()
    )
    assert written() == before


def test_posting_to_no_shows_before_the_start_is_refused_at_the_field(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    RegistrationFactory(event=event)
    client.force_login(manager_a)

    response = client.post(
        create_url(event), {"audience": "no_shows", "subject": "Hello", "body": "Text."}
    )

    page = response.content.decode()
    errors = re.findall(r'id="id_audience_error" role="alert"><p>([^<]+)</p>', page)
    assert response.status_code == 400
    assert errors[0].startswith("No-shows are known only once the event has started (")
    assert written() == ([], 0)


def test_posting_to_an_empty_audience_is_refused(client, manager_a, centre_a):
    event = past_event(centre=centre_a)
    RegistrationFactory(event=event)
    client.force_login(manager_a)

    response = client.post(
        create_url(event), {"audience": "attendees", "subject": "Hello", "body": "Text."}
    )

    assert response.status_code == 400
    assert "Nobody is in this audience yet: there is no one to write to." in (
        response.content.decode()
    )
    assert written() == ([], 0)


def test_mailing_form_lists_the_events_mailings_latest_first(client, manager_a, past):
    EventMailingFactory(event=past, subject="First news", status=MailingStatus.SENT)
    EventMailingFactory(event=past, subject="Second news")
    EventMailingFactory(event=EventFactory(centre=past.centre), subject="Other event")
    client.force_login(manager_a)

    page = client.get(create_url(past)).content.decode()

    assert re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a></th>', page) == [
        "Second news",
        "First news",
    ]


def test_mailing_pages_of_another_centre_answer_404(client, manager_b, past):
    mailing = EventMailingFactory(event=past)
    client.force_login(manager_b)

    statuses = (
        client.get(create_url(past)).status_code,
        client.post(create_url(past), {"audience": "all", "subject": "x", "body": "y"}).status_code,
        client.get(progress_url(mailing)).status_code,
    )

    assert statuses == (404, 404, 404)
    assert list(EventMailing.objects.values_list("pk", flat=True)) == [mailing.pk]


# --- progress -------------------------------------------------------------------------------


def test_progress_page_polls_while_the_mailing_is_sending(client, manager_a, past):
    mailing = EventMailingFactory(event=past, status=MailingStatus.SENDING, total=4, sent=1)
    client.force_login(manager_a)

    page = client.get(progress_url(mailing)).content.decode()

    assert f'hx-get="{progress_url(mailing)}" hx-trigger="every 2s"' in page
    assert '<progress id="mailing-bar-' in page
    assert 'max="4" value="1"' in page
    assert "1 of 4 emails sent (25%)" in page


def test_progress_fragment_for_htmx_is_the_progress_alone(client, manager_a, past):
    mailing = EventMailingFactory(event=past, status=MailingStatus.SENDING, total=4, sent=3)
    client.force_login(manager_a)

    fragment = client.get(progress_url(mailing), headers={"HX-Request": "true"}).content.decode()

    assert fragment.strip().startswith(
        f'<div class="mailing-progress mailing-sending" id="mailing-progress-{mailing.pk}"'
    )
    assert "<html" not in fragment
    assert "3 of 4 emails sent (75%)" in fragment


def test_progress_stops_polling_once_the_mailing_is_sent(client, manager_a, past):
    mailing = EventMailingFactory(event=past, status=MailingStatus.SENT, total=2, sent=2)
    client.force_login(manager_a)

    fragment = client.get(progress_url(mailing), headers={"HX-Request": "true"}).content.decode()

    assert "hx-get" not in fragment
    assert "2 of 2 emails sent (100%)" in fragment


def test_progress_of_a_mailing_of_another_event_answers_404(client, manager_a, past):
    other = EventMailingFactory(event=EventFactory(centre=past.centre))
    with translation.override("en"):
        address = reverse("staff_agenda:mailing", kwargs={"pk": past.pk, "mailing_pk": other.pk})
    client.force_login(manager_a)

    assert client.get(address).status_code == 404
