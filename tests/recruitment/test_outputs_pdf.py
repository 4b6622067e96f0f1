"""The schedule's printouts: a candidate's timetable (their language, the QR code of arrival),
a company's sheets (one page per table, its language), and the master grid (slots, breaks,
one column per table; A4 or A3 landscape), through `recruitment.outputs` and the organisers'
PDF links."""

import subprocess

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import time_format
from django.utils.translation import gettext

from cocade.agenda import pdf as agenda_pdf
from cocade.agenda.qr import qr_svg
from cocade.agenda.tokens import check_in_token
from cocade.recruitment import outputs
from cocade.recruitment.enums import ApplicationStatus, InterviewStatus
from tests.agenda.test_attendance_pdf_sheet import page_size, pdf_lines
from tests.factories.recruitment import (
    ApplicationFactory,
    CompanyFactory,
    InterviewFactory,
    OfferFactory,
)
from tests.factories.recruitment_shortlist import named_candidate, preselection_day


def url(name, day, **kwargs):
    with translation.override("en"):
        return reverse(f"staff_recruitment:{name}", kwargs={"pk": day.event_id, **kwargs})


def page_count(content):
    output = subprocess.run(
        ["pdfinfo", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    return int(next(line.split(":")[1] for line in output.splitlines() if line.startswith("Pages")))


def page_lines(content, page):
    output = subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), "-", "-"],
        input=content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [" ".join(line.split()) for line in output.splitlines() if line.strip()]


def interview(candidate, company, slot, *, table=1, offer=None, **values):
    application = ApplicationFactory(
        candidate=candidate, company=company, offer=offer, status=ApplicationStatus.SHORTLISTED
    )
    return InterviewFactory(application=application, slot=slot, table=table, **values)


def local(moment, day):
    return moment.astimezone(day.event.zone)


def span(item, day):
    """ "09:00 – 09:05" in the active language's time format."""
    start = time_format(local(item.starts_at, day), "TIME_FORMAT")
    end = time_format(local(item.ends_at, day), "TIME_FORMAT")
    return f"{start} – {end}"


@pytest.fixture
def day(centre_a):
    return preselection_day(
        centre_a, event__slug="speed-porto", event__venue_name="Alfândega do Porto"
    )


@pytest.fixture
def schedule(day):
    """Ribeira (two tables, English) and Douro (one table, Portuguese). Ana (Portuguese):
    Ribeira table 1 at 09:00 and Douro at 09:10; Bruno (English): Ribeira table 2 at 09:00,
    Douro at 14:00, and a cancelled interview at Douro at 09:05."""
    ribeira = CompanyFactory(day=day, name="Ribeira Software", tables=2, language="en")
    douro = CompanyFactory(day=day, name="Douro Logística", tables=1, language="pt")
    python = OfferFactory(company=ribeira, title="Programadora Python")
    ana = named_candidate(day, "Ana Sousa", language="pt")
    bruno = named_candidate(day, "Bruno Lima", language="en")
    carla = named_candidate(day, "Carla Reis", language="pt")
    return {
        "day": day,
        "ribeira": ribeira,
        "douro": douro,
        "ana": ana,
        "bruno": bruno,
        "ana_ribeira": interview(ana, ribeira, 0, offer=python),
        "bruno_ribeira": interview(bruno, ribeira, 0, table=2, offer=python),
        "ana_douro": interview(ana, douro, 2),
        "bruno_douro": interview(bruno, douro, 60),
        "carla_cancelled": interview(carla, douro, 1, status=InterviewStatus.CANCELLED),
    }


# --- the candidate's timetable ---------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["ana", "bruno"])
def test_timetable_pdf_lists_the_interviews_in_the_candidate_language(
    client, manager_a, day, schedule, who
):
    candidate = schedule[who]
    language = candidate.registration.language
    client.force_login(manager_a)

    response = client.get(url("candidate_timetable_pdf", day, candidate_pk=candidate.pk))

    lines = pdf_lines(response.content)
    with translation.override(language):
        facts = [
            f"{gettext('Organiser')} Cité A",
            f"{gettext('Date')} {agenda_pdf.event_when(day.event)}",
            f"{gettext('Place')} Alfândega do Porto",
        ]
        header = " ".join(gettext(word) for word in ("Time", "Company", "Table", "Job"))
        rows = {
            "ana": [
                f"{span(schedule['ana_ribeira'], day)} Ribeira Software 1 Programadora Python",
                f"{span(schedule['ana_douro'], day)} Douro Logística 1",
            ],
            "bruno": [
                f"{span(schedule['bruno_ribeira'], day)} Ribeira Software 2 Programadora Python",
                f"{span(schedule['bruno_douro'], day)} Douro Logística 1",
            ],
        }[who]
    assert (response.status_code, response["Content-Type"], page_size(response.content)) == (
        200,
        "application/pdf",
        "595.276 x 841.89 pts (A4)",
    )
    assert response["Content-Disposition"] == (
        f'attachment; filename="speed-porto-timetable-{candidate.pk}.pdf"'
    )
    assert lines[1:6] == [day.event.title[language], candidate.name, *facts]
    start = lines.index(header)
    assert lines[start + 1 : start + 3] == rows


@pytest.mark.django_db
def test_timetable_shows_the_check_in_code_of_the_candidate_registration(schedule):
    ana = schedule["ana"]

    html = outputs.candidate_timetable_html(ana)

    assert qr_svg(check_in_token(ana.registration)) in html
    assert qr_svg(check_in_token(schedule["bruno"].registration)) not in html


@pytest.mark.django_db
def test_timetable_leaves_out_cancelled_interviews(day, schedule):
    carla = schedule["carla_cancelled"].candidate

    timetable = outputs.candidate_timetable(carla)

    assert (timetable.candidate, timetable.rows) == ("Carla Reis", [])
    with translation.override("pt"):
        nothing = gettext("No interview is scheduled for you yet.")
    assert nothing in pdf_lines(outputs.candidate_timetable_pdf(carla))


@pytest.mark.django_db
def test_timetable_of_a_candidate_of_another_event_is_not_found(
    client, manager_a, centre_a, day, schedule
):
    other = preselection_day(centre_a)
    stranger = named_candidate(other, "Eva Neves")
    client.force_login(manager_a)

    response = client.get(url("candidate_timetable_pdf", day, candidate_pk=stranger.pk))

    assert response.status_code == 404


# --- the company's sheets --------------------------------------------------------------------


@pytest.mark.django_db
def test_company_sheet_has_one_page_per_table_in_the_company_language(
    client, manager_a, day, schedule
):
    ribeira = schedule["ribeira"]
    client.force_login(manager_a)

    response = client.get(url("company_sheet_pdf", day, company_pk=ribeira.pk))

    content = response.content
    with translation.override("en"):
        title = str(day.event.title_i18n)
        facts = [
            f"{gettext('Organiser')} Cité A",
            f"{gettext('Date')} {agenda_pdf.event_when(day.event)}",
            f"{gettext('Place')} Alfândega do Porto",
        ]
        header = " ".join(
            gettext(word) for word in ("Time", "Candidate", "Job chosen", "Notes", "Outcome")
        )
    assert (response.status_code, page_count(content)) == (200, 2)
    assert response["Content-Disposition"] == (
        'attachment; filename="speed-porto-ribeira-software.pdf"'
    )
    first, second = page_lines(content, 1), page_lines(content, 2)
    assert title == day.event.title["en"]
    assert first[1:9] == [
        "Ribeira Software, table 1",
        title,
        *facts,
        header,
        "9 a.m. – 9:05 Ana Sousa Programadora Second interview offered",
        "a.m. Python Hired",
    ]
    assert second[1:9] == [
        "Ribeira Software, table 2",
        title,
        *facts,
        header,
        "9 a.m. – 9:05 Bruno Lima Programadora Second interview offered",
        "a.m. Python Hired",
    ]


@pytest.mark.django_db
def test_company_sheet_data_per_table_without_cancelled_interviews(schedule):
    douro = schedule["douro"]

    with translation.override("en"):
        sheet = outputs.company_sheet(douro)

    assert [
        (table.number, [(row.candidate, row.offer) for row in table.rows]) for table in sheet.tables
    ] == [(1, [("Ana Sousa", ""), ("Bruno Lima", "")])]
    assert sheet.outcomes == ["Second interview offered", "Hired"]


@pytest.mark.django_db
def test_company_sheet_of_a_table_without_interviews_says_so(day):
    company = CompanyFactory(day=day, name="Tejo Energia", tables=1, language="en")

    lines = pdf_lines(outputs.company_sheet_pdf(company))

    assert "No interview at this table." in lines


@pytest.mark.django_db
def test_company_sheet_of_a_company_of_another_event_is_not_found(
    client, manager_a, centre_a, day, schedule
):
    other = CompanyFactory(day=preselection_day(centre_a))
    client.force_login(manager_a)

    assert client.get(url("company_sheet_pdf", day, company_pk=other.pk)).status_code == 404


# --- the master grid -------------------------------------------------------------------------


@pytest.mark.django_db
def test_master_grid_has_slots_breaks_and_a_column_per_table(
    day, schedule, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        grid = outputs.master_grid(day)

    assert [column.label for column in grid.columns] == [
        "Douro Logística",
        "Ribeira Software, table 1",
        "Ribeira Software, table 2",
    ]
    assert (len(grid.rows), grid.interviews) == (91, 4)

    def cells(row):
        return [cell.candidate if cell else "" for cell in row.cells]

    assert [(r.start_label, r.end_label, r.is_break, cells(r)) for r in grid.rows[:3]] == [
        ("09:00", "09:05", False, ["", "Ana Sousa", "Bruno Lima"]),
        ("09:05", "09:10", False, ["", "", ""]),
        ("09:10", "09:15", False, ["Ana Sousa", "", ""]),
    ]
    assert [(r.start_label, r.end_label, r.is_break, cells(r)) for r in grid.rows[41:44]] == [
        ("12:25", "12:30", False, ["", "", ""]),
        ("12:30", "14:00", True, ["", "", ""]),
        ("14:00", "14:05", False, ["Bruno Lima", "", ""]),
    ]
    assert grid.rows[-1].start_label == "17:55"


@pytest.mark.django_db
def test_master_grid_keeps_interviews_off_the_slots_and_tables_beyond_the_company(day, schedule):
    """After the grid changed (10-minute slots, one table less), the interviews already
    placed still show."""
    day.slot_minutes = 10
    day.save(update_fields=["slot_minutes"])
    schedule["ribeira"].tables = 1
    schedule["ribeira"].save(update_fields=["tables"])

    grid = outputs.master_grid(day)

    assert [column.label for column in grid.columns] == [
        "Douro Logística",
        "Ribeira Software, table 1",
        "Ribeira Software, table 2",
    ]
    assert [(r.start_label, r.end_label) for r in grid.rows[:3]] == [
        ("09:00", "09:10"),
        ("09:10", "09:20"),
        ("09:20", "09:30"),
    ]
    assert grid.rows[1].cells[0].candidate == "Ana Sousa"


@pytest.mark.django_db
def test_master_grid_pdf_on_a4_landscape_lists_the_interviews(client, manager_a, day, schedule):
    client.force_login(manager_a)

    response = client.get(url("grid_pdf", day))

    lines = pdf_lines(response.content)
    assert (response.status_code, page_size(response.content)) == (
        200,
        "841.89 x 595.276 pts (A4)",
    )
    assert response["Content-Disposition"] == 'attachment; filename="speed-porto-grid.pdf"'
    assert "4 interviews scheduled" in lines
    assert "09:10 Ana Sousa" in lines
    assert "12:30–14:00 Break" in lines
    assert "14:00 Bruno Lima" in lines


@pytest.mark.django_db
def test_master_grid_with_many_tables_is_printed_on_a3_in_groups_of_columns(day):
    for number in range(15):
        CompanyFactory(day=day, name=f"Empresa {number:02d}")

    grid = outputs.master_grid(day)
    content = outputs.master_grid_pdf(day)

    assert [len(page.columns) for page in grid.pages(outputs.A3_COLUMNS)] == [14, 1]
    assert [len(page.rows[0].cells) for page in grid.pages(outputs.A3_COLUMNS)] == [14, 1]
    assert page_size(content) == "1190.55 x 841.89 pts (A3)"
    text = " ".join(pdf_lines(content))
    assert ("Empresa 00" in text, "Empresa 14" in text) == (True, True)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["grid_pdf", "grid_export"])
def test_grid_of_another_centre_is_not_found(client, manager_b, day, schedule, name):
    client.force_login(manager_b)

    assert client.get(url(name, day)).status_code == 404
