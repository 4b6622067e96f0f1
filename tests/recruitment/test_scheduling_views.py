"""The organisers' schedule pages: computations and their figures, the buttons and their
refusals, the progress fragment, and the master grid (700 interviews in a pinned number of
queries)."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from cocade.recruitment import solver
from cocade.recruitment.enums import InterviewStatus, Phase, RunStatus
from cocade.recruitment.errors import ScheduleRunning
from cocade.recruitment.models import Interview, RecruitmentDay, ScheduleRun
from cocade.recruitment.reasons import REASON_MESSAGES, reason_message
from cocade.recruitment.services import scheduling
from tests.factories.recruitment import ScheduleRunFactory
from tests.factories.recruitment_schedule import big_schedule, ready_day

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name: str, day, **kwargs) -> str:
    with translation.override("en"):
        return reverse(f"staff_recruitment:{name}", kwargs={"pk": day.event_id, **kwargs})


def runs(day) -> list[tuple]:
    return list(ScheduleRun.objects.filter(day=day).order_by("pk").values_list("pk", "status"))


@pytest.fixture
def organiser(client, manager_a):
    client.force_login(manager_a)
    return client


def test_every_reason_of_the_solver_has_a_translated_message():
    assert set(REASON_MESSAGES) == set(solver.REASONS)
    with translation.override("en"):
        messages = {code: str(message) for code, message in REASON_MESSAGES.items()}
        unknown = str(reason_message("no_such_code"))
    assert messages == solver.REASONS
    assert unknown == "No reason was recorded."


# --- the schedule page ------------------------------------------------------------------------


def test_the_page_shows_the_runs_figures_and_the_applications_left_out(
    organiser, centre_a, manager_a, django_capture_on_commit_callbacks
):
    ready = ready_day(companies=2, candidates=3, centre=centre_a)
    late = ready.candidates[2]
    late.windows = [{"start": "16:00", "end": "18:00"}]
    late.save()
    ready.companies[0].windows = [{"start": "09:00", "end": "10:00"}]
    ready.companies[0].save()
    with django_capture_on_commit_callbacks(execute=True):
        run = scheduling.start_run(ready.day, manager_a)
    run.refresh_from_db()

    response = organiser.get(url("schedule", ready.day))

    assert response.status_code == 200
    html = response.content.decode()
    assert f"{run.scheduled_count} / {run.scheduled_count + 1}" in html
    assert f"{run.objective} ÷ {run.bound}" in html
    assert "0.00 %" in html
    assert "Proved optimal" in html
    row = re.search(r"<tr><td>Empresa 0</td><td>([^<]*)</td><td>([^<]*)</td></tr>", html)
    assert tuple(map(unescape, row.groups())) == (
        late.name,
        str(REASON_MESSAGES[solver.NO_COMMON_SLOT]),
    )
    assert url("schedule_run", ready.day) in html
    assert url("schedule_publish", ready.day) in html
    assert "hx-trigger" not in html


def test_the_page_lists_many_runs_and_left_out_applications_in_few_queries(
    organiser, centre_a, manager_a, django_assert_max_num_queries
):
    ready = ready_day(companies=4, candidates=10, centre=centre_a)
    left_out = [
        {
            "application": application.pk,
            "candidate": application.candidate_id,
            "company": application.company_id,
            "reason": solver.COMPANY_FULL,
        }
        for application in ready.applications
    ]
    for _number in range(12):
        ScheduleRunFactory(day=ready.day, created_by=manager_a)
    ScheduleRunFactory(day=ready.day, unscheduled=left_out)

    with django_assert_max_num_queries(11):
        response = organiser.get(url("schedule", ready.day))

    html = unescape(response.content.decode())
    assert html.count(str(REASON_MESSAGES[solver.COMPANY_FULL])) == 40
    assert html.count("/schedule/runs/") == 10


def test_the_page_polls_the_computation_under_way(organiser, centre_a):
    ready = ready_day(centre=centre_a)
    run = ScheduleRunFactory(day=ready.day, status=RunStatus.QUEUED)

    response = organiser.get(url("schedule", ready.day))

    html = response.content.decode()
    status_url = url("schedule_run_status", ready.day, run_pk=run.pk)
    assert f'hx-get="{status_url}" hx-trigger="every 1s"' in html
    assert f'<a href="{url("schedule", ready.day)}">Refresh to see the progress</a>' in html
    # No second computation and no publishing while this one is under way.
    assert url("schedule_run", ready.day) not in html
    assert url("schedule_publish", ready.day) not in html


def test_the_compute_button_runs_the_schedule(
    organiser, centre_a, django_capture_on_commit_callbacks
):
    ready = ready_day(centre=centre_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser.post(url("schedule_run", ready.day))

    assert response.status_code == 302
    assert response["Location"] == url("schedule", ready.day)
    assert [status for _pk, status in runs(ready.day)] == [RunStatus.DONE]
    assert Interview.objects.filter(day=ready.day).count() == 8


def test_a_second_click_while_computing_is_refused_and_writes_nothing(organiser, centre_a):
    ready = ready_day(centre=centre_a)
    ScheduleRunFactory(day=ready.day, status=RunStatus.RUNNING)
    before = runs(ready.day)

    response = organiser.post(url("schedule_run", ready.day))

    assert response.status_code == 409
    assert str(ScheduleRunning.default_message) in response.content.decode()
    assert runs(ready.day) == before


def test_computing_with_nothing_shortlisted_says_why(organiser, centre_a):
    ready = ready_day(centre=centre_a)
    for candidate in ready.candidates:
        candidate.applications.update(status="applied")

    response = organiser.post(url("schedule_run", ready.day))

    assert response.status_code == 422
    assert str(scheduling.NOTHING_TO_SCHEDULE) in response.content.decode()
    assert runs(ready.day) == []


def test_the_buttons_answer_only_post(organiser, centre_a):
    ready = ready_day(centre=centre_a)

    assert organiser.get(url("schedule_run", ready.day)).status_code == 405
    assert organiser.get(url("schedule_publish", ready.day)).status_code == 405
    assert runs(ready.day) == []


def test_another_centres_manager_gets_404(client, manager_b, centre_a):
    ready = ready_day(centre=centre_a)
    run = ScheduleRunFactory(day=ready.day)
    client.force_login(manager_b)

    assert client.get(url("schedule", ready.day)).status_code == 404
    assert client.get(url("grid", ready.day)).status_code == 404
    assert client.get(url("schedule_run_status", ready.day, run_pk=run.pk)).status_code == 404
    assert client.post(url("schedule_run", ready.day)).status_code == 404
    assert runs(ready.day) == [(run.pk, run.status)]


# --- the progress fragment and a run's page ---------------------------------------------------


def test_the_fragment_keeps_polling_while_the_run_is_under_way(organiser, centre_a):
    ready = ready_day(centre=centre_a)
    run = ScheduleRunFactory(day=ready.day, status=RunStatus.RUNNING)
    ScheduleRun.objects.filter(pk=run.pk).update(started_at=run.created_at)

    response = organiser.get(url("schedule_run_status", ready.day, run_pk=run.pk), **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'hx-trigger="every 1s"' in html
    assert '<progress max="5"' in html
    assert "HX-Refresh" not in response


def test_the_fragment_of_a_finished_run_stops_polling_and_reloads_the_page(organiser, centre_a):
    ready = ready_day(centre=centre_a)
    run = ScheduleRunFactory(day=ready.day, status=RunStatus.DONE, scheduled_count=7)
    ScheduleRun.objects.filter(pk=run.pk).update(
        unscheduled=[{"application": 1, "candidate": 1, "company": 1, "reason": "company_full"}]
    )

    response = organiser.get(url("schedule_run_status", ready.day, run_pk=run.pk), **HTMX)

    html = response.content.decode()
    assert "hx-trigger" not in html
    assert response["HX-Refresh"] == "true"
    assert "7 of 8 shortlisted interviews placed." in html


def test_a_failed_run_page_says_why(organiser, centre_a):
    ready = ready_day(centre=centre_a)
    run = ScheduleRunFactory(
        day=ready.day, status=RunStatus.FAILED, error="interviews_started: InterviewsStarted"
    )

    response = organiser.get(url("schedule_run_status", ready.day, run_pk=run.pk))

    assert response.status_code == 200
    assert str(scheduling.InterviewsStarted.default_message) in response.content.decode()


def test_a_run_of_another_day_is_not_found(organiser, centre_a):
    ready = ready_day(centre=centre_a)
    other = ready_day(centre=centre_a)
    run = ScheduleRunFactory(day=other.day)

    response = organiser.get(url("schedule_run_status", ready.day, run_pk=run.pk))

    assert response.status_code == 404


# --- publishing -------------------------------------------------------------------------------


def test_the_publish_button_publishes(organiser, centre_a, django_capture_on_commit_callbacks):
    ready = ready_day(companies=1, candidates=1, centre=centre_a)
    ScheduleRunFactory(day=ready.day, status=RunStatus.DONE)

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser.post(url("schedule_publish", ready.day))

    assert response.status_code == 302
    ready.day.refresh_from_db()
    assert ready.day.phase == Phase.SCHEDULED


def test_publishing_without_a_schedule_is_refused_and_changes_nothing(organiser, centre_a):
    ready = ready_day(centre=centre_a)

    response = organiser.post(url("schedule_publish", ready.day))

    assert response.status_code == 409
    assert RecruitmentDay.objects.get(pk=ready.day.pk).phase == Phase.PRESELECTION


# --- the master grid --------------------------------------------------------------------------


def test_the_grid_shows_700_interviews_in_few_queries(
    organiser, centre_a, django_assert_max_num_queries
):
    day = big_schedule(centre=centre_a)
    Interview.objects.filter(day=day, starts_at=day.local_datetime(day.day_start)).update(
        status=InterviewStatus.DONE
    )
    grid_url = url("grid", day)

    with django_assert_max_num_queries(9):
        response = organiser.get(grid_url)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<td class="grid-cell grid-') == 700
    assert html.count('<td class="grid-cell grid-done">') == 20
    assert html.count('<th scope="col">Empresa') == 20
    assert '<th scope="row" class="grid-time">12:30–14:00</th>' in html
    assert html.count('<th scope="row" class="grid-time">') == 90 + 1


def test_the_grid_filtered_by_company_shows_its_tables_only(organiser, centre_a):
    day = big_schedule(centre=centre_a, companies=3, candidates=10, slots=4)
    company = day.companies.get(name="Empresa 01")
    company.tables = 2
    company.save()

    response = organiser.get(url("grid", day), {"company": company.pk})

    html = response.content.decode()
    assert re.findall(r'<th scope="col">([^<]*)</th>', html) == [
        "Empresa 01, table 1",
        "Empresa 01, table 2",
    ]
    assert html.count('<td class="grid-cell') == 4
    assert f'<option value="{company.pk}" selected>Empresa 01</option>' in html


def test_an_unknown_company_in_the_filter_shows_every_company(organiser, centre_a):
    day = big_schedule(centre=centre_a, companies=2, candidates=10, slots=2)

    response = organiser.get(url("grid", day), {"company": "99999x"})

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<td class="grid-cell') == 4
