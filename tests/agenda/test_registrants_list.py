"""The organisers' list of an event's registrants: who sees it, its filters, counts, answer
columns, attendance grid and a query count that does not grow with the registrants."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from cocade.agenda.enums import QuestionKind, RegistrationStatus
from tests.factories.agenda import (
    AttendanceFactory,
    EventFactory,
    QuestionFactory,
    RegistrationFactory,
)
from tests.factories.agenda_registrants import past_event


def url(event, **query):
    with translation.override("en"):
        address = reverse("staff_agenda:registrants", kwargs={"pk": event.pk})
    if query:
        address += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return address


def names_shown(response):
    """The registrants' names in the table, in order (each row starts with a th)."""
    return re.findall(r'<th scope="row">([^<]+)</th>', response.content.decode())


@pytest.fixture
def event(centre_a):
    return EventFactory(centre=centre_a, capacity=10, waitlist=True, moderation=False)


# --- access ---------------------------------------------------------------------------------


def test_registrants_of_another_centre_answer_404(client, manager_b, event):
    RegistrationFactory(event=event, name="Ana Sousa")
    client.force_login(manager_b)

    response = client.get(url(event))

    assert response.status_code == 404


def test_registrants_are_hidden_from_a_counsellor_of_the_centre(client, counsellor_a, event):
    client.force_login(counsellor_a)

    response = client.get(url(event))

    assert response.status_code == 404


def test_registrants_send_anonymous_visitors_to_sign_in(client, event):
    response = client.get(url(event))

    assert (response.status_code, response["Location"].split("?")[0]) == (
        302,
        "/en/accounts/login/",
    )


def test_registrants_are_shown_to_a_named_organiser(client, public_user, event):
    event.organisers.add(public_user)
    RegistrationFactory(event=event, name="Ana Sousa")
    client.force_login(public_user)

    response = client.get(url(event))

    assert (response.status_code, names_shown(response)) == (200, ["Ana Sousa"])


# --- filters --------------------------------------------------------------------------------


@pytest.fixture
def crowd(event):
    ana = RegistrationFactory(event=event, name="Ana Sousa", email="ana@example.org")
    bruno = RegistrationFactory(event=event, name="Bruno Costa", email="bruno@example.org")
    RegistrationFactory(
        event=event,
        name="Carla Dias",
        email="carla@example.org",
        status=RegistrationStatus.PENDING,
    )
    RegistrationFactory(
        event=event,
        name="Duarte Reis",
        email="duarte@sample.net",
        status=RegistrationStatus.CANCELLED,
    )
    AttendanceFactory(registration=ana)
    return {"ana": ana, "bruno": bruno}


def test_registrants_list_everyone_first_registered_first(client, manager_a, event, crowd):
    client.force_login(manager_a)

    response = client.get(url(event))

    assert names_shown(response) == ["Ana Sousa", "Bruno Costa", "Carla Dias", "Duarte Reis"]


def test_registrants_filter_by_status(client, manager_a, event, crowd):
    client.force_login(manager_a)

    response = client.get(url(event, status="pending"))

    assert names_shown(response) == ["Carla Dias"]


def test_registrants_filter_by_attendance(client, manager_a, event, crowd):
    client.force_login(manager_a)

    came = names_shown(client.get(url(event, attended="yes")))
    missed = names_shown(client.get(url(event, attended="no")))

    assert (came, missed) == (["Ana Sousa"], ["Bruno Costa", "Carla Dias", "Duarte Reis"])


def test_registrants_search_name_or_email_ignoring_case(client, manager_a, event, crowd):
    client.force_login(manager_a)

    by_name = names_shown(client.get(url(event, q="COSTA")))
    by_email = names_shown(client.get(url(event, q="sample.net")))

    assert (by_name, by_email) == (["Bruno Costa"], ["Duarte Reis"])


def test_registrants_order_by_name_backwards(client, manager_a, event, crowd):
    client.force_login(manager_a)

    response = client.get(url(event, order="-name"))

    assert names_shown(response) == ["Duarte Reis", "Carla Dias", "Bruno Costa", "Ana Sousa"]


def test_registrants_combine_filters(client, manager_a, event, crowd):
    client.force_login(manager_a)

    response = client.get(url(event, status="confirmed", attended="no", q="o"))

    assert names_shown(response) == ["Bruno Costa"]


def test_registrants_with_an_unknown_filter_value_answer_400_with_the_reason(
    client, manager_a, event, crowd
):
    client.force_login(manager_a)

    response = client.get(url(event, status="lost", order="-name"))

    assert response.status_code == 400
    assert "Select a valid choice. lost is not one of the available choices." in (
        response.content.decode()
    )
    assert names_shown(response) == ["Duarte Reis", "Carla Dias", "Bruno Costa", "Ana Sousa"]


def test_registrants_count_each_status_whatever_the_filter(client, manager_a, event, crowd):
    client.force_login(manager_a)

    response = client.get(url(event, status="pending"))

    counts = re.findall(
        r"<li><a href=\"\?status=(\w+)\"><strong>(\d+)</strong>", response.content.decode()
    )
    assert counts == [
        ("pending", "1"),
        ("confirmed", "2"),
        ("waitlisted", "0"),
        ("declined", "0"),
        ("cancelled", "1"),
    ]


# --- columns --------------------------------------------------------------------------------


def test_registrants_show_answers_under_question_labels_in_the_readers_language(
    client, manager_a, event
):
    job = QuestionFactory(
        event=event, label={"fr": "Votre métier", "en": "Your job"}, kind=QuestionKind.TEXT
    )
    photos = QuestionFactory(
        event=event, label={"fr": "Photos", "en": "Photos allowed"}, kind=QuestionKind.CONSENT
    )
    RegistrationFactory(
        event=event, name="Ana Sousa", answers={str(job.pk): "Nurse", str(photos.pk): True}
    )
    client.force_login(manager_a)

    page = client.get(url(event)).content.decode()

    headers = re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', page)
    row = page.split('<th scope="row">Ana Sousa</th>')[1].split("</tr>")[0]
    cells = re.findall(r"<td>([^<]*)</td>", row)
    assert headers[5:7] == ["Your job", "Photos allowed"]
    assert cells[-2:] == ["Nurse", "yes"]


def test_registrants_of_an_upcoming_event_have_no_attendance_grid(client, manager_a, event):
    RegistrationFactory(event=event, name="Ana Sousa")
    client.force_login(manager_a)

    page = client.get(url(event)).content.decode()

    assert "registrant_attendance" not in page
    assert 'name="half"' not in page


def test_registrants_of_a_past_event_have_one_button_per_half_day(client, manager_a, centre_a):
    event = past_event(centre=centre_a)
    ana = RegistrationFactory(event=event, name="Ana Sousa")
    first_day = event.half_days()[0][0]
    AttendanceFactory(registration=ana, day=first_day, half="am")
    client.force_login(manager_a)

    page = client.get(url(event)).content.decode()

    pressed = re.findall(r'class="attendance-toggle[^"]*" aria-pressed="(\w+)"', page)
    assert pressed == ["true", "false", "false", "false"]


# --- queries --------------------------------------------------------------------------------


def _crowd_of(event, size):
    question = QuestionFactory(event=event)
    for n in range(size):
        registration = RegistrationFactory(event=event, answers={str(question.pk): f"answer {n}"})
        AttendanceFactory(registration=registration, day=event.half_days()[0][0], half="am")


@pytest.mark.parametrize("size", [1, 8])
def test_registrants_list_runs_the_same_queries_whatever_the_number_of_registrants(
    client, manager_a, centre_a, django_assert_num_queries, size
):
    event = past_event(centre=centre_a, capacity=20)
    _crowd_of(event, size)
    client.force_login(manager_a)

    with django_assert_num_queries(10):
        response = client.get(url(event))

    assert len(names_shown(response)) == size
