"""The attendance sheet PDF (`staff_agenda:attendance_sheet`): one row per confirmed registrant
by name, a ✓ per half-day present, the totals, page numbers; landscape beyond four half-days."""

import datetime
import subprocess
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from cocade.agenda.enums import RegistrationStatus
from tests.factories.agenda import AttendanceFactory, EventFactory, RegistrationFactory

PARIS = ZoneInfo("Europe/Paris")


def url(event):
    with translation.override("en"):
        return reverse("staff_agenda:attendance_sheet", kwargs={"pk": event.pk})


def pdf_lines(content):
    """The PDF's text as laid out, one line per printed line, spaces collapsed."""
    output = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    return [" ".join(line.split()) for line in output.splitlines() if line.strip()]


def page_size(content):
    output = subprocess.run(
        ["pdfinfo", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    return next(line.split(":", 1)[1].strip() for line in output.splitlines() if "size" in line)


def training(centre, days=2, **values):
    """Training from 09:00 on 3 March 2025 to 17:00 `days` days later, in Paris."""
    return EventFactory(
        centre=centre,
        slug="formation-accueil",
        title={"fr": "Formation à l'accueil", "en": "Welcome training"},
        venue_name="Cité des métiers",
        address="30 avenue Corentin-Cariou, Paris",
        starts_at=datetime.datetime(2025, 3, 3, 9, tzinfo=PARIS),
        ends_at=datetime.datetime(2025, 3, 2 + days, 17, tzinfo=PARIS),
        capacity=None,
        **values,
    )


def attend(registration, half_days):
    for day, half in half_days:
        AttendanceFactory(registration=registration, day=day, half=half)


@pytest.mark.django_db
def test_attendance_sheet_lists_confirmed_registrants_by_name_with_marks_and_totals(
    client, centre_a, manager_a
):
    event = training(centre_a)
    half_days = event.half_days()
    people = {
        name: RegistrationFactory(event=event, name=name)
        for name in ("Zoé Martin", "Ana Sousa", "Émile Roux", "bruno Lima")
    }
    RegistrationFactory(event=event, name="Carla Reis", status=RegistrationStatus.CANCELLED)
    RegistrationFactory(event=event, name="Dina Vaz", status=RegistrationStatus.PENDING)
    attend(people["Ana Sousa"], half_days)
    attend(people["Zoé Martin"], half_days[:2])
    attend(people["Émile Roux"], half_days[3:])
    client.force_login(manager_a)

    response = client.get(url(event))

    lines = pdf_lines(response.content)
    with translation.override("en"):
        generated = date_format(timezone.localdate(timezone=PARIS), "DATE_FORMAT")
    rows = [line for line in lines if line[:2] in {"1 ", "2 ", "3 ", "4 ", "To"}]
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert (
        response["Content-Disposition"] == 'attachment; filename="formation-accueil-attendance.pdf"'
    )
    assert lines[:5] == [
        "ATTENDANCE SHEET",
        "Welcome training",
        "Organiser Cité A",
        "Dates March 3, 2025, 9 a.m. – March 4, 2025, 5 p.m. (Europe/Paris)",
        "Place Cité des métiers, 30 avenue Corentin-Cariou, Paris",
    ]
    assert "Confirmed registrants 4" in lines
    assert "03/03/2025 03/03/2025 03/04/2025 03/04/2025 Half-" in lines
    assert rows == [
        "1 Ana Sousa ✓ ✓ ✓ ✓ 4",
        "2 bruno Lima 0",
        "3 Émile Roux ✓ 1",
        "4 Zoé Martin ✓ ✓ 2",
        "Total present 2 2 1 2 7",
    ]
    assert sum(row.count("✓") for row in rows) == 7
    assert lines[-1].startswith(f"Generated on {generated} at ")
    assert lines[-1].endswith("(Europe/Paris) 1/1")
    assert page_size(response.content) == "595.276 x 841.89 pts (A4)"


@pytest.mark.django_db
def test_attendance_sheet_of_more_than_four_half_days_is_landscape_over_pages(
    client, centre_a, coordinator
):
    event = training(centre_a, days=3)
    registrations = [RegistrationFactory(event=event, name=f"Personne {n:02d}") for n in range(20)]
    attend(registrations[0], event.half_days())
    client.force_login(coordinator)

    response = client.get(url(event))

    lines = pdf_lines(response.content)
    assert len(event.half_days()) == 6
    assert page_size(response.content) == "841.89 x 595.276 pts (A4)"
    assert "1 Personne 00 ✓ ✓ ✓ ✓ ✓ ✓ 6" in lines
    assert "Total present 1 1 1 1 1 1 6" in lines
    assert [line.rsplit(" ", 1)[-1] for line in lines if line.startswith("Generated on")] == [
        "1/2",
        "2/2",
    ]
    # The header row is printed again on the second page.
    assert sum(1 for line in lines if line.startswith("03/03/2025 03/03/2025")) == 2


@pytest.mark.django_db
def test_attendance_sheet_of_an_event_without_registrants_still_prints(client, centre_a, manager_a):
    event = training(centre_a, days=1)
    client.force_login(manager_a)

    response = client.get(url(event))

    lines = pdf_lines(response.content)
    assert response.status_code == 200
    assert "No confirmed registrants." in lines
    assert "Total present 0 0 0" in lines


@pytest.mark.django_db
def test_attendance_sheet_in_french_uses_french_labels_and_dates(client, centre_a, manager_a):
    event = training(centre_a, days=1)
    client.force_login(manager_a)

    with translation.override("fr"):
        response = client.get(reverse("staff_agenda:attendance_sheet", kwargs={"pk": event.pk}))

    lines = pdf_lines(response.content)
    assert lines[1] == "Formation à l'accueil"
    assert any(line.endswith("3 mars 2025, 09:00 – 17:00 (Europe/Paris)") for line in lines)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["public_user", "counsellor_a", "manager_b"])
def test_attendance_sheet_for_someone_who_does_not_organise_is_404(request, client, centre_a, role):
    event = training(centre_a)
    RegistrationFactory(event=event, name="Ana Sousa")
    client.force_login(request.getfixturevalue(role))

    response = client.get(url(event))

    assert response.status_code == 404


@pytest.mark.django_db
def test_attendance_sheet_when_signed_out_goes_to_sign_in(client, centre_a):
    event = training(centre_a)

    response = client.get(url(event))

    assert (response.status_code, response["Location"].startswith("/en/accounts/login/")) == (
        302,
        True,
    )
