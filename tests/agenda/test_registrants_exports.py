"""The registrant exports: exact rows in CSV and XLSX, the list's filters, the guard against
formulas, the audit entry (without personal data), bad formats and who may download."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from cocade.agenda.enums import QuestionKind, RegistrationStatus
from cocade.agenda.exports import safe_text
from cocade.core.models import AuditLogEntry
from tests.factories.agenda import AttendanceFactory, QuestionFactory, RegistrationFactory
from tests.factories.agenda_registrants import FIXED_MOMENT, past_event, registered_at


def url(event, **query):
    with translation.override("en"):
        address = reverse("staff_agenda:registrants_export", kwargs={"pk": event.pk})
    if query:
        address += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return address


def csv_rows(response):
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def event(centre_a):
    return past_event(centre=centre_a, slug="forum-emploi", timezone="Europe/Paris")


@pytest.fixture
def filled(event):
    """Two people with answers; Ana came on the first morning and the second afternoon."""
    job = QuestionFactory(
        event=event, label={"fr": "Métier", "en": "Job"}, kind=QuestionKind.TEXT, position=1
    )
    photos = QuestionFactory(
        event=event,
        label={"fr": "Photos", "en": "Photos allowed"},
        kind=QuestionKind.CONSENT,
        position=2,
    )
    ana = registered_at(
        RegistrationFactory(
            event=event,
            name="Ana Sousa",
            email="ana@example.org",
            language="pt",
            answers={str(job.pk): "Enfermeira; turno da noite", str(photos.pk): True},
        ),
        FIXED_MOMENT,
    )
    registered_at(
        RegistrationFactory(
            event=event,
            name="Bruno Costa",
            email="bruno@example.org",
            language="fr",
            status=RegistrationStatus.WAITLISTED,
            answers={str(photos.pk): False},
        ),
        FIXED_MOMENT + datetime.timedelta(days=1, minutes=5),
    )
    (day1, _am), _pm1, _am2, (day2, _pm) = event.half_days()
    AttendanceFactory(registration=ana, day=day1, half="am")
    AttendanceFactory(registration=ana, day=day2, half="pm")
    return event


def expected_header(event):
    half_days = [
        f"{day.isoformat()} {'Morning' if half == 'am' else 'Afternoon'}"
        for day, half in event.half_days()
    ]
    return [
        "Name",
        "Email",
        "Language",
        "Status",
        "Registered at (Europe/Paris)",
        "Job",
        "Photos allowed",
        "Half-days attended",
        *half_days,
    ]


def test_csv_export_has_one_exact_row_per_registrant(client, manager_a, filled):
    client.force_login(manager_a)

    response = client.get(url(filled, format="csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="forum-emploi-registrants.csv"'
    )
    assert csv_rows(response) == [
        expected_header(filled),
        [
            "Ana Sousa",
            "ana@example.org",
            "pt",
            "Confirmed",
            "2025-01-06 10:30",
            "Enfermeira; turno da noite",
            "yes",
            "2",
            "x",
            "",
            "",
            "x",
        ],
        [
            "Bruno Costa",
            "bruno@example.org",
            "fr",
            "On the waiting list",
            "2025-01-07 10:35",
            "",
            "no",
            "0",
            "",
            "",
            "",
            "",
        ],
    ]


def test_csv_export_quotes_every_field(client, manager_a, filled):
    client.force_login(manager_a)

    response = client.get(url(filled, format="csv"))

    second_line = response.content.decode("utf-8-sig").split("\r\n")[1]
    assert second_line == (
        '"Ana Sousa","ana@example.org","pt","Confirmed","2025-01-06 10:30",'
        '"Enfermeira; turno da noite","yes","2","x","","","x"'
    )


def test_xlsx_export_has_the_same_rows_with_a_bold_frozen_header(client, manager_a, filled):
    client.force_login(manager_a)

    response = client.get(url(filled, format="xlsx"))

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="forum-emploi-registrants.xlsx"'
    )
    assert xlsx_rows(response) == [
        expected_header(filled),
        [
            "Ana Sousa",
            "ana@example.org",
            "pt",
            "Confirmed",
            datetime.datetime(2025, 1, 6, 10, 30),
            "Enfermeira; turno da noite",
            "yes",
            2,
            "x",
            None,
            None,
            "x",
        ],
        [
            "Bruno Costa",
            "bruno@example.org",
            "fr",
            "On the waiting list",
            datetime.datetime(2025, 1, 7, 10, 35),
            None,
            "no",
            0,
            None,
            None,
            None,
            None,
        ],
    ]
    assert (sheet.freeze_panes, sheet["A1"].font.bold, sheet["A2"].font.bold) == (
        "A2",
        True,
        False,
    )
    assert sheet.column_dimensions["A"].width == 13


def test_export_question_columns_follow_the_readers_language(client, manager_a, filled):
    client.force_login(manager_a)
    with translation.override("fr"):
        address = reverse("staff_agenda:registrants_export", kwargs={"pk": filled.pk})

    rows = csv_rows(client.get(f"{address}?format=csv"))

    assert rows[0][5:7] == ["Métier", "Photos"]


def test_export_applies_the_list_filters(client, manager_a, filled):
    client.force_login(manager_a)

    came = csv_rows(client.get(url(filled, format="csv", attended="yes")))
    waiting = xlsx_rows(client.get(url(filled, format="xlsx", status="waitlisted")))
    searched = csv_rows(client.get(url(filled, format="csv", q="BRUNO")))
    backwards = csv_rows(client.get(url(filled, format="csv", order="-name")))

    assert [row[0] for row in came[1:]] == ["Ana Sousa"]
    assert [row[0] for row in waiting[1:]] == ["Bruno Costa"]
    assert [row[0] for row in searched[1:]] == ["Bruno Costa"]
    assert [row[0] for row in backwards[1:]] == ["Bruno Costa", "Ana Sousa"]


def test_export_without_format_is_csv(client, manager_a, filled):
    client.force_login(manager_a)

    response = client.get(url(filled))

    assert response["Content-Type"] == "text/csv; charset=utf-8"


# --- formulas -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("=1+2", "'=1+2"),
        ("+33 6 12", "'+33 6 12"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("Ana = Ana", "Ana = Ana"),
        ("", ""),
    ],
)
def test_safe_text_keeps_formulas_as_text(text, kept):
    assert safe_text(text) == kept


@pytest.fixture
def hostile(event):
    question = QuestionFactory(event=event, label={"fr": "Métier", "en": "Job"})
    RegistrationFactory(
        event=event,
        name='=HYPERLINK("http://evil.example","x")',
        email="eve@example.org",
        answers={str(question.pk): "@SUM(1+1)*cmd"},
    )
    return event


def test_csv_export_writes_formulas_as_text(client, manager_a, hostile):
    client.force_login(manager_a)

    row = csv_rows(client.get(url(hostile, format="csv")))[1]

    assert (row[0], row[5]) == ('\'=HYPERLINK("http://evil.example","x")', "'@SUM(1+1)*cmd")


def test_xlsx_export_writes_formulas_as_text(client, manager_a, hostile):
    client.force_login(manager_a)

    response = client.get(url(hostile, format="xlsx"))

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert (sheet["A2"].value, sheet["A2"].data_type) == (
        '\'=HYPERLINK("http://evil.example","x")',
        "s",
    )
    assert (sheet["F2"].value, sheet["F2"].data_type) == ("'@SUM(1+1)*cmd", "s")


# --- audit, refusals ------------------------------------------------------------------------


def test_export_is_audited_without_personal_data(client, manager_a, filled):
    client.force_login(manager_a)

    client.get(url(filled, format="xlsx", status="confirmed", q="ana"))

    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.object_id, entry.centre_id) == (
        "agenda.registrants.exported",
        manager_a,
        str(filled.pk),
        filled.centre_id,
    )
    assert entry.changes == {
        "format": "xlsx",
        "rows": 1,
        "filters": {"status": "confirmed", "attended": "", "order": "registered", "search": True},
    }


@pytest.mark.parametrize("bad", ["pdf", "CSV", ""])
def test_export_in_an_unknown_format_answers_400_with_the_reason(client, manager_a, filled, bad):
    client.force_login(manager_a)

    with translation.override("en"):
        response = client.get(url(filled, format=bad))

    assert response.status_code == 400
    assert "Choose the CSV or XLSX format (format=csv or format=xlsx)." in (
        response.content.decode()
    )
    assert AuditLogEntry.objects.count() == 0


def test_export_with_an_unknown_filter_answers_400(client, manager_a, filled):
    client.force_login(manager_a)

    response = client.get(url(filled, format="csv", attended="often"))

    assert (response.status_code, AuditLogEntry.objects.count()) == (400, 0)


def test_export_of_another_centres_event_answers_404(client, manager_b, filled):
    client.force_login(manager_b)

    response = client.get(url(filled, format="csv"))

    assert (response.status_code, AuditLogEntry.objects.count()) == (404, 0)
