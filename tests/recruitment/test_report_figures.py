"""The event report: its figures against a day built here and counted by hand, its chart and
table, and its files (CSV, XLSX, PDF read back with pdftotext).

The day (see `report_day`):
- registrations: Ana, Bruno, Carla (candidates with interviews), Duarte and Eva (candidates
  without), one cancelled and one on the waiting list: 7 (5 confirmed);
- applications: 6 shortlisted, Duarte applied to Ribeira and was not retained by Douro, Eva
  withdrew: 9, of which 7 processed (shortlisted or not retained);
- candidates: 5 registered, 3 shortlisted, Ana and Bruno present, Carla a no-show;
- companies: Ribeira (one offer, 2 positions), Douro (one offer, 3 positions), Aveiro (two
  tables, no interview): 3 companies, 4 tables;
- interviews: Ribeira: Ana held (hired), Bruno held (not retained), Carla cancelled;
  Douro: Bruno held (second interview), Carla no-show, Ana held (second interview);
- the last computation: objective 900 of a bound of 1000, gap 0.1.
"""

from __future__ import annotations

import csv
import io
import subprocess

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from cocade.agenda.enums import RegistrationStatus
from cocade.recruitment.enums import ApplicationStatus, InterviewStatus, Outcome, Presence
from cocade.recruitment.models import Candidate, Interview
from cocade.recruitment.services import report as reports
from tests.factories.agenda import RegistrationFactory
from tests.factories.recruitment import (
    ApplicationFactory,
    CompanyFactory,
    OfferFactory,
    ScheduleRunFactory,
)
from tests.factories.recruitment_live import candidate, live_day

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _interview(day, person, company, status, outcome=""):
    Interview.objects.filter(candidate=person, company=company).update(
        status=status, outcome=outcome
    )


@pytest.fixture
def report_day(centre_a):
    day = live_day(centre_a)
    RegistrationFactory(event=day.day.event, status=RegistrationStatus.CANCELLED)
    RegistrationFactory(event=day.day.event, status=RegistrationStatus.WAITLISTED)
    duarte = candidate(day.day, "Duarte Lima")
    eva = candidate(day.day, "Eva Nunes")
    ApplicationFactory(candidate=duarte, company=day.ribeira, status=ApplicationStatus.APPLIED)
    ApplicationFactory(candidate=duarte, company=day.douro, status=ApplicationStatus.REJECTED)
    ApplicationFactory(candidate=eva, company=day.douro, status=ApplicationStatus.WITHDRAWN)
    CompanyFactory(day=day.day, name="Aveiro Têxteis", tables=2)
    OfferFactory(company=day.ribeira, positions=2)
    OfferFactory(company=day.douro, positions=3)
    Candidate.objects.filter(pk__in=[day.ana.pk, day.bruno.pk]).update(presence=Presence.ARRIVED)
    Candidate.objects.filter(pk=day.carla.pk).update(presence=Presence.ABSENT)
    done = InterviewStatus.DONE
    _interview(day, day.ana, day.ribeira, done, Outcome.HIRED)
    _interview(day, day.bruno, day.ribeira, done, Outcome.NOT_RETAINED)
    _interview(day, day.carla, day.ribeira, InterviewStatus.CANCELLED)
    _interview(day, day.bruno, day.douro, done, Outcome.SECOND_INTERVIEW)
    _interview(day, day.carla, day.douro, InterviewStatus.NO_SHOW)
    _interview(day, day.ana, day.douro, done, Outcome.SECOND_INTERVIEW)
    ScheduleRunFactory(
        day=day.day, status="failed", objective=None, bound=None
    )  # a failed run is not the quality
    ScheduleRunFactory(day=day.day, objective=900, bound=1000, gap=0.1, scheduled_count=6)
    return day


def figures(report) -> dict[str, dict[str, int]]:
    return {
        str(section.title): {str(figure.label): figure.value for figure in section.figures}
        for section in report.sections
    }


def test_report_figures(report_day):
    report = reports.event_report(report_day.day)

    assert figures(report) == {
        "Registrations and applications": {
            "Registrations (every status)": 7,
            "Awaiting approval": 0,
            "Confirmed": 5,
            "On the waiting list": 1,
            "Declined": 0,
            "Cancelled": 1,
            "Applications": 9,
            "Applications processed (shortlisted or not retained)": 7,
            "Applied": 1,
            "Shortlisted": 6,
            "Not retained": 1,
            "Withdrawn": 1,
        },
        "Candidates": {"Registered": 5, "Shortlisted": 3, "Present": 2, "Absent (no-show)": 1},
        "Companies": {"Companies": 3, "Tables": 4, "Offers": 2, "Positions offered": 5},
        "Interviews and outcomes": {
            "Interviews scheduled": 5,
            "Interviews held": 4,
            "Interviews missed (no-show)": 1,
            "Second interviews offered": 2,
            "Hired": 1,
            "Not retained": 1,
        },
    }


def test_report_per_company(report_day):
    report = reports.event_report(report_day.day)

    assert [
        (line.name, line.tables, line.scheduled, line.held, line.no_show)
        + (line.second_interviews, line.hires)
        for line in [*report.companies, report.totals]
    ] == [
        ("Aveiro Têxteis", 2, 0, 0, 0, 0, 0),
        ("Douro Logística", 1, 3, 2, 1, 2, 0),
        ("Ribeira Software", 1, 2, 2, 0, 0, 1),
        ("Total", 4, 5, 4, 1, 2, 1),
    ]


def test_report_quality_is_the_last_finished_computation(report_day):
    quality = reports.event_report(report_day.day).quality

    assert (quality.ratio, quality.gap, quality.run.scheduled_count) == (90.0, 10.0, 6)


def test_report_of_a_day_without_anything(centre_a):
    from tests.factories.recruitment import RecruitmentDayFactory

    day = RecruitmentDayFactory(event__centre=centre_a)

    report = reports.event_report(day)

    assert (report.quality, reports.company_chart(report)) == (None, None)
    assert report.totals.scheduled == 0
    assert figures(report)["Candidates"] == {
        "Registered": 0,
        "Shortlisted": 0,
        "Present": 0,
        "Absent (no-show)": 0,
    }


def test_report_chart_bars_share_one_scale(report_day):
    chart = reports.company_chart(reports.event_report(report_day.day))

    assert [row.name for row in chart.rows] == [
        "Aveiro Têxteis",
        "Douro Logística",
        "Ribeira Software",
    ]
    # Two interviews held is the most: a full bar; Douro's 2 second interviews too.
    assert [[bar.width for bar in row.bars] for row in chart.rows] == [
        [0, 0, 0],
        [400, 400, 0],
        [400, 0, 200],
    ]
    assert [[bar.value for bar in row.bars] for row in chart.rows] == [
        [0, 0, 0],
        [2, 2, 0],
        [2, 0, 1],
    ]


def test_report_chart_shortens_long_names():
    assert reports._short("Cooperativa de Transportes do Norte") == "Cooperativa de Transporte…"
    assert len(reports._short("x" * 40)) == reports.NAME_LENGTH


# --- The pages and files --------------------------------------------------------------------


def url(day, suffix: str = "") -> str:
    return reverse("staff_recruitment:report", kwargs={"pk": day.event_id}) + suffix


@pytest.fixture
def organiser(client, manager_a):
    client.force_login(manager_a)
    return client


def test_report_page_has_the_chart_and_its_table(
    report_day, organiser, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        response = organiser.get(url(report_day.day))

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<svg") == 4  # the chart and the three marks of its legend
    assert 'aria-labelledby="report-chart-title report-chart-desc"' in page
    assert (
        '<tr><th scope="row">Douro Logística</th><td>1</td><td>3</td><td>2</td><td>1</td>'
        "<td>2</td><td>0</td></tr>"
    ) in page
    assert "90.0 %" in page
    assert "style=" not in page


def test_report_as_csv(report_day, organiser):
    response = organiser.get(url(report_day.day, "?format=csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].endswith(f'"{report_day.day.event.slug}-report.csv"')
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[0] == ["Figure", "Value"]
    assert ["Registrations (every status)", "7"] in lines
    assert ["– Confirmed", "5"] in lines
    assert ["Objective ÷ bound (%)", "90.0"] in lines
    assert ["Douro Logística", "1", "3", "2", "1", "2", "0"] in lines
    assert lines[-1] == ["Total", "4", "5", "4", "1", "2", "1"]


def test_report_as_xlsx(report_day, organiser):
    response = organiser.get(url(report_day.day, "?format=xlsx"))

    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:2] == ("Figure", "Value")
    assert ("Interviews held", 4) in [tuple(row[:2]) for row in values]
    assert tuple(values[-1]) == ("Total", 4, 5, 4, 1, 2, 1)


def test_report_in_another_format_is_refused(report_day, organiser):
    response = organiser.get(url(report_day.day, "?format=ods"))

    assert response.status_code == 400
    assert "Choose the CSV or XLSX format" in response.content.decode()


def pdf_text(content: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def test_report_as_pdf(report_day, organiser):
    response = organiser.get(
        reverse("staff_recruitment:report_pdf", kwargs={"pk": report_day.day.event_id})
    )

    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "EVENT REPORT" in text  # the kicker is in capitals
    assert "Registrations (every status) 7" in text
    assert "Applications processed (shortlisted or not retained) 7" in text
    assert "Interviews held 4" in text
    assert "Douro Logística 1 3 2 1 2 0" in text
    assert "Total 4 5 4 1 2 1" in text
    assert "Objective ÷ bound 90.0 %" in text
