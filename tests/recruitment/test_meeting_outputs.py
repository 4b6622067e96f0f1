"""The printable plan (PDF, read back with pdftotext) and the CSV and XLSX exports of a speed
meeting: exact content, the guard against formulas, and refusals."""

import csv
import datetime
import io
import subprocess

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from tests.factories.recruitment import SpeedMeetingFactory
from tests.factories.recruitment_meeting import meeting_event, planned_meeting


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def meeting(centre_a):
    """Three groups for two tables, three rounds of ten minutes from 14:00."""
    return planned_meeting(
        event=meeting_event(
            centre=centre_a,
            slug="rencontres-apprentis",
            title={"fr": "Rencontres des apprentis"},
            starts=datetime.time(13, 30),
            ends=datetime.time(17, 0),
        ),
        groups=["CAP Boulangerie", "CAP Coiffure", "=SOMME(A1)"],
        tables=["Boulangère", "Coiffeur"],
        round_minutes=10,
        rounds=3,
        starts_at=datetime.time(14, 0),
    )


def url(name, meeting, **query):
    address = reverse(f"staff_recruitment:{name}", kwargs={"pk": meeting.event.pk})
    if query:
        address += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return address


def pdf_lines(content):
    output = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    return [" ".join(line.split()) for line in output.splitlines() if line.strip()]


def test_pdf_holds_the_grid_and_one_card_per_group(client, manager_a, meeting):
    client.force_login(manager_a)

    response = client.get(url("meeting_pdf", meeting))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="rencontres-apprentis-speed-meeting.pdf"'
    )
    lines = pdf_lines(response.content)
    assert lines[:2] == ["SPEED MEETING", "Rencontres des apprentis"]
    assert "Times (Europe/Paris) 2 p.m. to 2:30 p.m.: 3 rounds of 10 minutes" in lines
    assert "Distinct encounters 6 of at most 6" in lines
    assert "1 2 p.m.–2:10 p.m. CAP Boulangerie CAP Coiffure =SOMME(A1)" in lines
    assert "2 2:10 p.m.–2:20 p.m. =SOMME(A1) CAP Boulangerie CAP Coiffure" in lines
    assert "3 2:20 p.m.–2:30 p.m. CAP Coiffure =SOMME(A1) CAP Boulangerie" in lines
    assert "Group cards" in lines
    assert "CAP Boulangerie CAP Coiffure =SOMME(A1)" in lines  # the cards' titles, side by side
    # The three cards stand side by side: each line holds the same round of each card.
    side_by_side = [line for line in lines if line.startswith(("1 · ", "3 · "))]
    assert side_by_side == [
        "1 · 2 p.m.–2:10 p.m. · Boulangère 1 · 2 p.m.–2:10 p.m. · Coiffeur "
        "1 · 2 p.m.–2:10 p.m. · wait",
        "3 · 2:20 p.m.–2:30 p.m. · wait 3 · 2:20 p.m.–2:30 p.m. · Boulangère "
        "3 · 2:20 p.m.–2:30 p.m. · Coiffeur",
    ]


def test_pdf_cuts_many_tables_into_several_grids(client, manager_a, centre_a):
    meeting = planned_meeting(
        event=meeting_event(centre=centre_a),
        groups=[f"G{n}" for n in range(1, 13)],
        tables=[f"Métier {n}" for n in range(1, 13)],
        rounds=2,
    )
    client.force_login(manager_a)

    lines = pdf_lines(client.get(url("meeting_pdf", meeting)).content)

    headers = [line for line in lines if line.startswith("Round Time")]
    assert headers == [
        "Round Time " + " ".join(f"Métier {n}" for n in range(1, 11)),
        "Round Time Métier 11 Métier 12 Waiting",
    ]


def test_csv_lists_each_round_with_local_times(client, manager_a, meeting):
    client.force_login(manager_a)

    response = client.get(url("meeting_export", meeting, format="csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="rencontres-apprentis-speed-meeting.csv"'
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    day = meeting.event.local_start.date().isoformat()
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    assert rows == [
        [
            "Round",
            "Starts (Europe/Paris)",
            "Ends (Europe/Paris)",
            "Boulangère",
            "Coiffeur",
            "Waiting",
        ],
        ["1", f"{day} 14:00", f"{day} 14:10", "CAP Boulangerie", "CAP Coiffure", "'=SOMME(A1)"],
        ["2", f"{day} 14:10", f"{day} 14:20", "'=SOMME(A1)", "CAP Boulangerie", "CAP Coiffure"],
        ["3", f"{day} 14:20", f"{day} 14:30", "CAP Coiffure", "'=SOMME(A1)", "CAP Boulangerie"],
    ]


def test_xlsx_holds_the_same_rows(client, manager_a, meeting):
    client.force_login(manager_a)

    response = client.get(url("meeting_export", meeting, format="xlsx"))

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    first = datetime.datetime.combine(meeting.event.local_start.date(), datetime.time(14, 0))
    minutes = datetime.timedelta(minutes=10)
    assert sheet.title == "Speed meeting"
    assert rows == [
        [
            "Round",
            "Starts (Europe/Paris)",
            "Ends (Europe/Paris)",
            "Boulangère",
            "Coiffeur",
            "Waiting",
        ],
        [1, first, first + minutes, "CAP Boulangerie", "CAP Coiffure", "'=SOMME(A1)"],
        [2, first + minutes, first + 2 * minutes, "'=SOMME(A1)", "CAP Boulangerie", "CAP Coiffure"],
        [
            3,
            first + 2 * minutes,
            first + 3 * minutes,
            "CAP Coiffure",
            "'=SOMME(A1)",
            "CAP Boulangerie",
        ],
    ]


def test_unknown_format_is_a_bad_request(client, manager_a, meeting):
    client.force_login(manager_a)

    response = client.get(url("meeting_export", meeting, format="ods"))

    assert response.status_code == 400
    assert "Choose the CSV or XLSX format" in response.content.decode()


@pytest.mark.parametrize("name", ["meeting_pdf", "meeting_export"])
def test_without_a_plan_the_outputs_are_refused(client, manager_a, centre_a, name):
    meeting = SpeedMeetingFactory(event=meeting_event(centre=centre_a))
    client.force_login(manager_a)

    response = client.get(url(name, meeting))

    assert response.status_code == 409
    assert "There is no plan yet" in response.content.decode()


@pytest.mark.parametrize("name", ["meeting_pdf", "meeting_export"])
def test_another_centre_gets_404(client, manager_b, meeting, name):
    client.force_login(manager_b)

    assert client.get(url(name, meeting)).status_code == 404


@pytest.mark.parametrize("name", ["meeting_pdf", "meeting_export"])
def test_outputs_are_read_only(client, manager_a, meeting, name):
    client.force_login(manager_a)

    assert client.post(url(name, meeting)).status_code == 405
