"""Scanning a QR code at the door (`staff_agenda:check_in_scan`): the JSON answers of the
camera script, the page answers of the plain form, and every refusal writing nothing."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from cocade.agenda.enums import RegistrationStatus
from cocade.agenda.models import Attendance
from cocade.agenda.services.attendance import half_day_at
from cocade.agenda.tokens import check_in_token, manage_token
from cocade.core.models import AuditLogEntry
from tests.factories.agenda import AttendanceFactory, EventFactory
from tests.factories.agenda_checkin import event_now, registrant

JSON = {"HTTP_ACCEPT": "application/json"}


def scan_url(event):
    with translation.override("en"):
        return reverse("staff_agenda:check_in_scan", kwargs={"pk": event.pk})


def page_url(event):
    with translation.override("en"):
        return reverse("staff_agenda:check_in", kwargs={"pk": event.pk})


def written():
    """What a check-in could write: attendance rows and audit entries."""
    return (
        sorted(Attendance.objects.values_list("registration_id", "day", "half")),
        AuditLogEntry.objects.count(),
    )


@pytest.mark.django_db
def test_scan_checks_in_for_the_current_half_day_and_audits(client, centre_a, manager_a):
    event = event_now(centre=centre_a)
    ana = registrant(event, "Ana Sousa")
    client.force_login(manager_a)

    response = client.post(scan_url(event), {"token": check_in_token(ana)}, **JSON)

    attendance = Attendance.objects.get()
    day, half = half_day_at(event, timezone.now())
    audit = AuditLogEntry.objects.get()
    assert response.status_code == 200
    assert response.json() == {
        "status": "checked_in",
        "message": "Checked in: Ana Sousa",
        "name": "Ana Sousa",
        "checked_in_at": attendance.checked_in_at.astimezone(event.zone).isoformat(),
        "present": 1,
        "confirmed": 1,
    }
    assert (attendance.registration, attendance.day, attendance.half) == (ana, day, half)
    assert attendance.checked_in_by == manager_a
    assert (audit.action, audit.actor, audit.changes) == (
        "agenda.registration.checked_in",
        manager_a,
        {"registration": ana.pk, "day": day.isoformat(), "half": half},
    )


@pytest.mark.django_db
def test_scan_twice_says_already_and_writes_nothing_more(client, centre_a, manager_a):
    event = event_now(centre=centre_a)
    ana = registrant(event, "Ana Sousa")
    client.force_login(manager_a)
    client.post(scan_url(event), {"token": check_in_token(ana)}, **JSON)
    before = written()

    response = client.post(scan_url(event), {"token": check_in_token(ana)}, **JSON)

    attendance = Attendance.objects.get()
    with translation.override("en"):
        time = date_format(attendance.checked_in_at.astimezone(event.zone), "TIME_FORMAT")
    assert response.status_code == 200
    assert response.json() == {
        "status": "already",
        "message": f"Ana Sousa: already checked in at {time}",
        "name": "Ana Sousa",
        "checked_in_at": attendance.checked_in_at.astimezone(event.zone).isoformat(),
        "present": 1,
        "confirmed": 1,
    }
    assert written() == before


@pytest.mark.django_db
def test_scan_of_a_tampered_code_is_refused_and_writes_nothing(client, centre_a, manager_a):
    event = event_now(centre=centre_a)
    ana = registrant(event, "Ana Sousa")
    token = check_in_token(ana)
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    client.force_login(manager_a)
    before = written()

    response = client.post(scan_url(event), {"token": tampered}, **JSON)

    assert response.status_code == 400
    assert response.json() == {
        "status": "refused",
        "message": "This code is not valid: it was altered, or its registration no longer exists.",
        "name": "",
        "checked_in_at": None,
        "present": 0,
        "confirmed": 1,
    }
    assert written() == before


@pytest.mark.django_db
def test_scan_of_a_manage_link_token_is_refused(client, centre_a, manager_a):
    event = event_now(centre=centre_a)
    ana = registrant(event, "Ana Sousa")
    client.force_login(manager_a)
    before = written()

    response = client.post(scan_url(event), {"token": manage_token(ana)}, **JSON)

    assert (response.status_code, response.json()["status"]) == (400, "refused")
    assert written() == before


@pytest.mark.django_db
def test_scan_of_another_events_code_is_refused_and_writes_nothing(client, centre_a, manager_a):
    event = event_now(centre=centre_a)
    other = event_now(centre=centre_a)
    ana = registrant(other, "Ana Sousa")
    client.force_login(manager_a)
    before = written()

    response = client.post(scan_url(event), {"token": check_in_token(ana)}, **JSON)

    assert response.status_code == 409
    assert (response.json()["status"], response.json()["message"], response.json()["name"]) == (
        "refused",
        "This code is for another event.",
        "",
    )
    assert written() == before


@pytest.mark.django_db
def test_scan_of_a_cancelled_registration_is_refused_with_its_status(client, centre_a, manager_a):
    event = event_now(centre=centre_a)
    ana = registrant(event, "Ana Sousa", status=RegistrationStatus.CANCELLED)
    client.force_login(manager_a)
    before = written()

    response = client.post(scan_url(event), {"token": check_in_token(ana)}, **JSON)

    assert response.status_code == 409
    assert (response.json()["status"], response.json()["message"], response.json()["name"]) == (
        "refused",
        "Not checked in: the registration of Ana Sousa is “Cancelled”. "
        "Only confirmed registrations can be checked in.",
        "Ana Sousa",
    )
    assert written() == before


@pytest.mark.django_db
def test_scan_of_a_waitlisted_registration_is_refused(client, centre_a, manager_a):
    event = event_now(centre=centre_a)
    ana = registrant(event, "Ana Sousa", status=RegistrationStatus.WAITLISTED)
    client.force_login(manager_a)
    before = written()

    response = client.post(scan_url(event), {"token": check_in_token(ana)}, **JSON)

    assert (response.status_code, response.json()["status"]) == (409, "refused")
    assert written() == before


@pytest.mark.django_db
def test_scan_outside_the_event_days_is_refused_and_writes_nothing(client, centre_a, manager_a):
    event = EventFactory(centre=centre_a)  # in ten days
    ana = registrant(event, "Ana Sousa")
    client.force_login(manager_a)
    before = written()

    response = client.post(scan_url(event), {"token": check_in_token(ana)}, **JSON)

    assert response.status_code == 409
    assert response.json() == {
        "status": "refused",
        "message": "This event is not taking place at this time.",
        "name": "Ana Sousa",
        "checked_in_at": None,
        "present": None,
        "confirmed": 1,
    }
    assert written() == before


@pytest.mark.django_db
def test_scan_without_a_code_is_refused(client, centre_a, manager_a):
    event = event_now(centre=centre_a)
    client.force_login(manager_a)
    before = written()

    response = client.post(scan_url(event), {}, **JSON)

    assert (response.status_code, response.json()["status"]) == (400, "refused")
    assert written() == before


@pytest.mark.django_db
def test_scan_by_fetch_without_accept_header_answers_json(client, centre_a, manager_a):
    event = event_now(centre=centre_a)
    ana = registrant(event, "Ana Sousa")
    client.force_login(manager_a)

    response = client.post(
        scan_url(event), {"token": check_in_token(ana)}, HTTP_SEC_FETCH_DEST="empty"
    )

    assert (response.status_code, response["Content-Type"], response.json()["status"]) == (
        200,
        "application/json",
        "checked_in",
    )


@pytest.mark.django_db
def test_scan_from_the_plain_form_redirects_to_the_page_with_the_answer(
    client, centre_a, manager_a
):
    event = event_now(centre=centre_a)
    ana = registrant(event, "Ana Sousa")
    client.force_login(manager_a)

    response = client.post(scan_url(event), {"token": check_in_token(ana)}, follow=True)

    assert response.redirect_chain == [(page_url(event), 302)]
    assert [str(m) for m in response.context["messages"]] == ["Checked in: Ana Sousa"]
    assert Attendance.objects.filter(registration=ana).count() == 1


@pytest.mark.django_db
def test_scan_from_the_plain_form_shows_a_refusal_on_the_page(client, centre_a, manager_a):
    event = event_now(centre=centre_a)
    other = event_now(centre=centre_a)
    ana = registrant(other, "Ana Sousa")
    client.force_login(manager_a)
    before = written()

    response = client.post(scan_url(event), {"token": check_in_token(ana)})

    content = response.content.decode()
    assert response.status_code == 409
    assert (
        '<p class="check-in-answer check-in-refused"><span class="check-in-symbol" '
        'aria-hidden="true">✗</span> This code is for another event.</p>'
    ) in content
    assert written() == before


@pytest.mark.django_db
def test_scan_second_time_from_the_plain_form_flashes_already(client, centre_a, manager_a):
    event = event_now(centre=centre_a)
    ana = registrant(event, "Ana Sousa")
    day, half = half_day_at(event, timezone.now())
    attendance = AttendanceFactory(registration=ana, day=day, half=half)
    client.force_login(manager_a)
    with translation.override("en"):
        time = date_format(attendance.checked_in_at.astimezone(event.zone), "TIME_FORMAT")

    response = client.post(scan_url(event), {"token": check_in_token(ana)}, follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        f"Ana Sousa: already checked in at {time}"
    ]
    assert Attendance.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["public_user", "counsellor_a", "manager_b"])
def test_scan_by_someone_who_does_not_organise_the_event_is_404(request, client, centre_a, role):
    event = event_now(centre=centre_a)
    ana = registrant(event, "Ana Sousa")
    client.force_login(request.getfixturevalue(role))
    before = written()

    response = client.post(scan_url(event), {"token": check_in_token(ana)}, **JSON)

    assert response.status_code == 404
    assert written() == before


@pytest.mark.django_db
def test_scan_by_a_named_organiser_checks_in(client, centre_a, counsellor_a):
    event = event_now(centre=centre_a)
    event.organisers.add(counsellor_a)
    ana = registrant(event, "Ana Sousa")
    client.force_login(counsellor_a)

    response = client.post(scan_url(event), {"token": check_in_token(ana)}, **JSON)

    assert (response.status_code, response.json()["status"]) == (200, "checked_in")


@pytest.mark.django_db
def test_scan_when_signed_out_goes_to_sign_in_and_writes_nothing(client, centre_a):
    event = event_now(centre=centre_a)
    ana = registrant(event, "Ana Sousa")
    before = written()

    response = client.post(scan_url(event), {"token": check_in_token(ana)}, **JSON)

    assert (response.status_code, response["Location"].startswith("/en/accounts/login/")) == (
        302,
        True,
    )
    assert written() == before
