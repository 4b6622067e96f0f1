"""CSV and XLSX exports of the pre-selection and the schedule: the applications (with the
list's filters), the candidates and the master grid; a byte order mark, texts that would run
as formulas made plain, an audit entry without personal data, bad formats refused."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from cocade.core.models import AuditLogEntry
from cocade.recruitment.enums import ApplicationStatus, Presence
from cocade.recruitment.models import Application
from tests.factories.recruitment import (
    ApplicationFactory,
    CompanyFactory,
    InterviewFactory,
    OfferFactory,
)
from tests.factories.recruitment_shortlist import named_candidate, preselection_day, with_cv

DECIDED = datetime.datetime(2025, 1, 6, 9, 30, tzinfo=datetime.UTC)
APPLIED = datetime.datetime(2025, 1, 2, 17, 45, tzinfo=datetime.UTC)


def url(name, day, **query):
    with translation.override("en"):
        address = reverse(f"staff_recruitment:{name}", kwargs={"pk": day.event_id})
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
def day(centre_a):
    return preselection_day(centre_a, event__slug="speed-porto")


@pytest.fixture
def filled(day):
    """Ana applied to Ribeira (shortlisted by the company); a formula-like name applied to
    Douro; Bruno withdrew from Douro."""
    ribeira = CompanyFactory(day=day, name="Ribeira Software", tables=2)
    douro = CompanyFactory(day=day, name="Douro Logística")
    ana = with_cv(named_candidate(day, "Ana Sousa"))
    formula = named_candidate(day, '=HYPERLINK("http://x")', email="eve@example.org")
    bruno = named_candidate(day, "Bruno Lima", presence=Presence.ARRIVED, invited_at=DECIDED)
    rows = {
        "ana": ApplicationFactory(
            candidate=ana,
            company=ribeira,
            offer=OfferFactory(company=ribeira, title="Programadora Python"),
            status=ApplicationStatus.SHORTLISTED,
            decided_by_company=True,
            decided_at=DECIDED,
        ),
        "formula": ApplicationFactory(candidate=formula, company=douro, rank=2),
        "bruno": ApplicationFactory(
            candidate=bruno, company=douro, status=ApplicationStatus.WITHDRAWN
        ),
    }
    Application.objects.update(created_at=APPLIED)
    return {"ribeira": ribeira, "douro": douro, **rows}


APPLICATIONS_HEADER = [
    "Candidate",
    "Email",
    "Company",
    "Job",
    "Preference",
    "Status",
    "Decided by",
    "Decided at (Europe/Lisbon)",
    "Applied at (Europe/Lisbon)",
]


@pytest.mark.django_db
def test_applications_csv_has_every_application_with_formulas_made_plain(
    client, manager_a, day, filled
):
    client.force_login(manager_a)

    response = client.get(url("applications_export", day, format="csv"))

    assert (response.status_code, response["Content-Type"]) == (200, "text/csv; charset=utf-8")
    assert response["Content-Disposition"] == (
        'attachment; filename="speed-porto-applications.csv"'
    )
    assert csv_rows(response) == [
        APPLICATIONS_HEADER,
        [
            '\'=HYPERLINK("http://x")',
            "eve@example.org",
            "Douro Logística",
            "",
            "2",
            "Applied",
            "",
            "",
            "2025-01-02 17:45",
        ],
        [
            "Ana Sousa",
            "ana@example.org",
            "Ribeira Software",
            "Programadora Python",
            "1",
            "Shortlisted",
            "the company",
            "2025-01-06 09:30",
            "2025-01-02 17:45",
        ],
        [
            "Bruno Lima",
            "bruno@example.org",
            "Douro Logística",
            "",
            "1",
            "Withdrawn",
            "",
            "",
            "2025-01-02 17:45",
        ],
    ]


@pytest.mark.django_db
def test_applications_xlsx_keeps_the_list_filters(client, manager_a, day, filled):
    client.force_login(manager_a)

    response = client.get(
        url("applications_export", day, format="xlsx", company=filled["douro"].pk, status="applied")
    )

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert xlsx_rows(response) == [
        APPLICATIONS_HEADER,
        [
            '\'=HYPERLINK("http://x")',
            "eve@example.org",
            "Douro Logística",
            None,
            2,
            "Applied",
            None,
            None,
            datetime.datetime(2025, 1, 2, 17, 45),
        ],
    ]


@pytest.mark.django_db
def test_applications_export_is_audited_without_personal_data(client, manager_a, day, filled):
    client.force_login(manager_a)

    client.get(url("applications_export", day, format="csv", q="ana"))

    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.object_id, entry.changes) == (
        "recruitment.applications.exported",
        manager_a,
        str(day.pk),
        {"format": "csv", "rows": 1},
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("applications_export", {"format": "pdf"}),
        ("applications_export", {"format": "csv", "status": "hired"}),
        ("candidates_export", {"format": "ods"}),
        ("candidates_export", {"format": "csv", "presence": "maybe"}),
        ("grid_export", {"format": "json"}),
    ],
)
def test_exports_with_a_bad_format_or_filter_answer_400(
    client, manager_a, day, filled, name, query
):
    client.force_login(manager_a)

    response = client.get(url(name, day, **query))

    assert (response.status_code, AuditLogEntry.objects.count()) == (400, 0)


@pytest.mark.django_db
def test_candidates_csv_counts_applications_presence_cv_and_invitation(
    client, manager_a, day, filled
):
    client.force_login(manager_a)

    response = client.get(url("candidates_export", day, format="csv"))

    assert response["Content-Disposition"] == 'attachment; filename="speed-porto-candidates.csv"'
    assert csv_rows(response) == [
        [
            "Name",
            "Email",
            "Applications",
            "Shortlisted",
            "Presence",
            "CV",
            "Invited at (Europe/Lisbon)",
        ],
        ['\'=HYPERLINK("http://x")', "eve@example.org", "1", "0", "Expected", "no", ""],
        ["Ana Sousa", "ana@example.org", "1", "1", "Expected", "yes", ""],
        ["Bruno Lima", "bruno@example.org", "0", "0", "Arrived", "no", "2025-01-06 09:30"],
    ]


@pytest.mark.django_db
def test_candidates_xlsx_keeps_the_list_filters(client, manager_a, day, filled):
    client.force_login(manager_a)

    response = client.get(url("candidates_export", day, format="xlsx", shortlisted="yes"))

    assert xlsx_rows(response)[1:] == [
        ["Ana Sousa", "ana@example.org", 1, 1, "Expected", "yes", None]
    ]


@pytest.mark.django_db
def test_grid_csv_has_a_row_per_slot_and_break_and_a_column_per_table(
    client, manager_a, day, filled
):
    ana = filled["ana"]
    InterviewFactory(application=ana, slot=1, table=2)
    client.force_login(manager_a)

    response = client.get(url("grid_export", day, format="csv"))

    rows = csv_rows(response)
    assert response["Content-Disposition"] == 'attachment; filename="speed-porto-grid.csv"'
    assert rows[:3] == [
        [
            "Start",
            "End",
            "Douro Logística",
            "Ribeira Software, table 1",
            "Ribeira Software, table 2",
        ],
        ["09:00", "09:05", "", "", ""],
        ["09:05", "09:10", "", "", "Ana Sousa"],
    ]
    assert rows[42:45] == [
        ["12:25", "12:30", "", "", ""],
        ["12:30", "14:00", "Break", "", ""],
        ["14:00", "14:05", "", "", ""],
    ]
    assert (len(rows), rows[-1]) == (92, ["17:55", "18:00", "", "", ""])
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.changes) == (
        "recruitment.grid.exported",
        {"format": "csv", "rows": 91},
    )


@pytest.mark.django_db
def test_grid_xlsx_makes_formula_names_plain(client, manager_a, day, filled):
    InterviewFactory(
        application=ApplicationFactory(
            candidate=filled["formula"].candidate,
            company=filled["ribeira"],
            status=ApplicationStatus.SHORTLISTED,
        ),
        slot=0,
    )
    client.force_login(manager_a)

    response = client.get(url("grid_export", day, format="xlsx"))

    rows = xlsx_rows(response)
    assert rows[1] == ["09:00", "09:05", None, '\'=HYPERLINK("http://x")', None]


@pytest.mark.django_db
def test_grid_export_of_a_day_without_company_has_the_times_only(client, manager_a, centre_a):
    empty = preselection_day(centre_a, breaks=[])
    client.force_login(manager_a)

    rows = csv_rows(client.get(url("grid_export", empty, format="csv")))

    assert (rows[0], rows[1], len(rows)) == (["Start", "End"], ["09:00", "09:05"], 109)
