"""Attendance certificates: the time attended (computed from the half-days present), the PDF in
the registrant's language, for the organisers and through the registrant's own link."""

import datetime
import subprocess
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from cocade.agenda import pdf
from cocade.agenda.tokens import check_in_token, manage_token
from tests.factories.agenda import (
    AttendanceFactory,
    EventFactory,
    EventSessionFactory,
    RegistrationFactory,
)

PARIS = ZoneInfo("Europe/Paris")


def at(day, hour, minute=0, month=3):
    return datetime.datetime(2025, month, day, hour, minute, tzinfo=PARIS)


def pdf_lines(content):
    output = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    return [" ".join(line.split()) for line in output.splitlines() if line.strip()]


def staff_url(registration):
    with translation.override("en"):
        return reverse(
            "staff_agenda:certificate",
            kwargs={"pk": registration.event_id, "registration_pk": registration.pk},
        )


def public_url(token):
    with translation.override("en"):
        return reverse("agenda:certificate", kwargs={"token": token})


def workshop(centre, **values):
    """A one-day workshop, 09:00-17:00 on 3 March 2025 in Paris."""
    values.setdefault("starts_at", at(3, 9))
    values.setdefault("ends_at", at(3, 17))
    values.setdefault("slug", "atelier-cv")
    return EventFactory(
        centre=centre,
        title={"fr": "Atelier CV", "en": "CV workshop"},
        venue_name="Cité des métiers",
        address="30 avenue Corentin-Cariou, Paris",
        contact_email="agenda@example.org",
        **values,
    )


def attend(registration, half_days):
    for day, half in half_days:
        AttendanceFactory(registration=registration, day=day, half=half)


# --- Hours -----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("halves", "hours"), [(["am"], 4), (["pm"], 4), (["am", "pm"], 8), ([], 0)]
)
def test_hours_attended_of_a_day_event_is_its_overlap_with_each_half_day(centre_a, halves, hours):
    event = workshop(centre_a)

    attended = pdf.hours_attended(event, [(datetime.date(2025, 3, 3), half) for half in halves])

    assert attended == timedelta(hours=hours)


@pytest.mark.django_db
def test_hours_attended_of_a_multi_day_event_counts_its_daily_hours_not_the_nights(centre_a):
    event = workshop(centre_a, starts_at=at(28, 9, month=1), ends_at=at(30, 17, month=1))
    day = datetime.date

    attended = pdf.hours_attended(
        event, [(day(2025, 1, 28), "am"), (day(2025, 1, 28), "pm"), (day(2025, 1, 30), "am")]
    )

    assert (len(event.half_days()), attended) == (6, timedelta(hours=12))


@pytest.mark.django_db
def test_hours_attended_follows_the_timetable_merging_overlapping_sessions(centre_a):
    event = workshop(centre_a, ends_at=at(3, 17, 30))
    for start, end in (
        (at(3, 9), at(3, 12, 30)),
        (at(3, 11), at(3, 12)),
        (at(3, 14), at(3, 17, 30)),
    ):
        EventSessionFactory(event=event, starts_at=start, ends_at=end)
    day = datetime.date(2025, 3, 3)

    assert (
        pdf.hours_attended(event, [(day, "am")]),
        pdf.hours_attended(event, [(day, "pm")]),
    ) == (timedelta(hours=3, minutes=30), timedelta(hours=3, minutes=30))


@pytest.mark.django_db
def test_hours_attended_counts_real_time_across_a_clock_change(centre_a):
    # Clocks go forward at 02:00 on 30 March 2025 in Paris: 00:30-12:30 lasts 11 hours.
    event = workshop(centre_a, starts_at=at(30, 0, 30), ends_at=at(30, 12, 30))

    attended = pdf.hours_attended(event, [(datetime.date(2025, 3, 30), "am")])

    assert attended == timedelta(hours=11)


# --- The PDF for the organisers --------------------------------------------------------------


@pytest.mark.django_db
def test_certificate_states_who_what_when_where_and_the_time_attended(client, centre_a, manager_a):
    event = workshop(centre_a)
    ana = RegistrationFactory(event=event, name="Ana Sousa", language="en")
    attend(ana, event.half_days())
    client.force_login(manager_a)

    response = client.get(staff_url(ana))

    lines = pdf_lines(response.content)
    with translation.override("en"):
        issued = date_format(timezone.localdate(), "DATE_FORMAT")
        reference = pdf.certificate_reference(ana, event.half_days())
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert response["Content-Disposition"] == (
        f'attachment; filename="atelier-cv-certificate-{ana.pk}.pdf"'
    )
    assert lines[:6] == [
        "Cité A",
        "Certificate of attendance",
        "Cité A certifies that",
        "Ana Sousa",
        "attended the event",
        "CV workshop",
    ]
    assert "Dates March 3, 2025, 9 a.m. – 5 p.m. (Europe/Paris)" in lines
    assert "Place Cité des métiers, 30 avenue Corentin-Cariou, Paris" in lines
    assert "Organiser Cité A" in lines
    assert "Half-days attended" in lines
    assert "March 3, 2025 Morning 4 h 00 min" in lines
    assert "March 3, 2025 Afternoon 4 h 00 min" in lines
    assert "Total time attended 8 h 00 min" in lines
    assert f"Issued on {issued}." in lines
    assert " ".join(lines).count(reference) == 2
    assert "Contact: agenda@example.org" in " ".join(lines)


@pytest.mark.django_db
def test_certificate_is_in_the_registrants_language_whatever_the_organisers(
    client, centre_a, manager_a
):
    event = workshop(centre_a)
    ana = RegistrationFactory(event=event, name="Ana Sousa", language="fr")
    attend(ana, event.half_days()[1:])
    client.force_login(manager_a)

    response = client.get(staff_url(ana))  # an English page

    lines = pdf_lines(response.content)
    assert "Atelier CV" in lines
    assert any(line.endswith("3 mars 2025, 09:00 – 17:00 (Europe/Paris)") for line in lines)
    assert any(line.startswith("3 mars 2025") and line.endswith("4 h 00 min") for line in lines)


@pytest.mark.django_db
def test_certificate_without_attendance_is_refused_to_the_organiser_with_the_reason(
    client, centre_a, manager_a
):
    event = workshop(centre_a)
    ana = RegistrationFactory(event=event, name="Ana Sousa")
    client.force_login(manager_a)

    response = client.get(staff_url(ana))

    assert response.status_code == 409
    assert (
        "Ana Sousa was never checked in at this event: an attendance certificate is issued "
        "only to people who attended."
    ) in response.content.decode()


@pytest.mark.django_db
def test_certificate_of_an_anonymised_registration_is_404(client, centre_a, manager_a):
    event = workshop(centre_a)
    ana = RegistrationFactory(event=event, name="", email="", anonymised_at=timezone.now())
    attend(ana, event.half_days())
    client.force_login(manager_a)

    response = client.get(staff_url(ana))

    assert response.status_code == 404


@pytest.mark.django_db
def test_certificate_of_another_events_registration_is_404(client, centre_a, manager_a):
    event = workshop(centre_a)
    other = RegistrationFactory(event=workshop(centre_a, slug="autre"), name="Ana Sousa")
    attend(other, other.event.half_days())
    client.force_login(manager_a)

    with translation.override("en"):
        response = client.get(
            reverse(
                "staff_agenda:certificate",
                kwargs={"pk": event.pk, "registration_pk": other.pk},
            )
        )

    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["public_user", "counsellor_a", "manager_b"])
def test_certificate_for_someone_who_does_not_organise_is_404(request, client, centre_a, role):
    event = workshop(centre_a)
    ana = RegistrationFactory(event=event, name="Ana Sousa")
    attend(ana, event.half_days())
    client.force_login(request.getfixturevalue(role))

    response = client.get(staff_url(ana))

    assert response.status_code == 404


# --- The registrant's own link ---------------------------------------------------------------


@pytest.mark.django_db
def test_public_certificate_with_the_manage_link_is_the_organisers_certificate(
    client, centre_a, manager_a
):
    event = workshop(centre_a)
    ana = RegistrationFactory(event=event, name="Ana Sousa", language="en")
    attend(ana, event.half_days()[:1])

    public = client.get(public_url(manage_token(ana)))
    client.force_login(manager_a)
    staff = client.get(staff_url(ana))

    assert (public.status_code, public["Content-Type"]) == (200, "application/pdf")
    assert pdf_lines(public.content) == pdf_lines(staff.content)
    assert "Total time attended 4 h 00 min" in pdf_lines(public.content)


@pytest.mark.django_db
def test_public_certificate_without_attendance_is_404(client, centre_a):
    event = workshop(centre_a)
    ana = RegistrationFactory(event=event, name="Ana Sousa")

    response = client.get(public_url(manage_token(ana)))

    assert response.status_code == 404


@pytest.mark.django_db
def test_public_certificate_with_a_check_in_or_altered_token_is_404(client, centre_a):
    event = workshop(centre_a)
    ana = RegistrationFactory(event=event, name="Ana Sousa")
    attend(ana, event.half_days())
    token = manage_token(ana)

    responses = [
        client.get(public_url(check_in_token(ana))),
        client.get(public_url(token[:-2] + ("zz" if not token.endswith("zz") else "yy"))),
        client.get(public_url("not-a-token")),
    ]

    assert [r.status_code for r in responses] == [404, 404, 404]


@pytest.mark.django_db
def test_public_certificate_of_an_anonymised_registration_is_404(client, centre_a):
    event = workshop(centre_a)
    ana = RegistrationFactory(event=event, name="Ana Sousa")
    attend(ana, event.half_days())
    token = manage_token(ana)
    type(ana).objects.filter(pk=ana.pk).update(name="", anonymised_at=timezone.now())

    response = client.get(public_url(token))

    assert response.status_code == 404


@pytest.mark.django_db
def test_certificate_reference_changes_when_the_attendance_does(centre_a):
    event = workshop(centre_a)
    ana = RegistrationFactory(event=event, name="Ana Sousa")
    both = event.half_days()

    references = {
        pdf.certificate_reference(ana, both),
        pdf.certificate_reference(ana, both[:1]),
        pdf.certificate_reference(ana, both[1:]),
    }

    assert (len(references), pdf.certificate_reference(ana, both)) == (
        3,
        pdf.certificate_reference(ana, list(both)),
    )
