"""Speed recruitment through the JSON API: figures, interviews, computing the schedule and
recording what happens at a table, by the event's organisers; refusals change nothing."""

import datetime

import pytest
from django.utils import timezone

from cocade.recruitment.enums import ApplicationStatus, InterviewStatus, Phase
from cocade.recruitment.models import Interview, ScheduleRun
from tests.factories.agenda_api import EN, bearer, send
from tests.factories.recruitment import (
    ApplicationFactory,
    CandidateFactory,
    CompanyFactory,
    InterviewFactory,
    RecruitmentDayFactory,
    RecruitmentEventFactory,
)


@pytest.fixture
def day(centre_a):
    day = RecruitmentDayFactory(
        event=RecruitmentEventFactory(centre=centre_a), phase=Phase.PRESELECTION
    )
    companies = [CompanyFactory(day=day, name=name) for name in ("Ribeira", "Douro", "Foz")]
    for index in range(4):
        candidate = CandidateFactory(day=day)
        for company in companies[: 2 + index % 2]:
            ApplicationFactory(
                candidate=candidate, company=company, status=ApplicationStatus.SHORTLISTED
            )
    return day


def _rows():
    return {
        "interviews": list(Interview.objects.order_by("pk").values()),
        "runs": list(ScheduleRun.objects.order_by("pk").values()),
    }


def _url(day, suffix=""):
    return f"/api/v1/recruitments/{day.event_id}{suffix}"


def test_organisers_read_the_figures(client, day, manager_a):
    response = client.get(_url(day), **bearer(manager_a))

    body = response.json()
    assert response.status_code == 200
    assert (body["phase"], body["companies"], body["candidates"]) == ("preselection", 3, 4)
    assert (body["applications"], body["shortlisted"], body["interviews"]) == (10, 10, 0)
    assert body["breaks"] == [{"start": "12:30", "end": "14:00"}]
    assert body["last_run"] is None


def test_another_centres_manager_gets_404_and_no_token_401(client, day, manager_b):
    assert client.get(_url(day), **bearer(manager_b)).status_code == 404
    assert client.get(_url(day, "/interviews")).status_code == 401


def test_a_computation_runs_in_the_worker_and_places_every_interview(
    client, day, manager_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, "post", _url(day, "/schedule-runs"), {}, **bearer(manager_a))

    assert response.status_code == 202
    run = client.get(_url(day, f"/schedule-runs/{response.json()['id']}"), **bearer(manager_a))
    figures = run.json()
    assert (figures["status"], figures["scheduled"], figures["unscheduled"]) == ("done", 10, 0)
    assert figures["objective"] == figures["bound"]
    interviews = client.get(_url(day, "/interviews"), **bearer(manager_a)).json()
    assert len(interviews) == 10
    slots = [(row["candidate"]["id"], row["starts_at"]) for row in interviews]
    assert len(set(slots)) == len(slots)


def test_a_second_computation_while_one_is_queued_is_refused(client, day, manager_a):
    first = send(client, "post", _url(day, "/schedule-runs"), {}, **bearer(manager_a))
    before = _rows()

    second = send(client, "post", _url(day, "/schedule-runs"), {}, **bearer(manager_a), **EN)

    assert first.status_code == 202
    assert (second.status_code, second.json()["code"]) == (409, "schedule_running")
    assert _rows() == before


def test_an_interview_moves_on_and_gets_its_outcome(client, day, manager_a):
    day.phase = Phase.LIVE
    day.save()
    application = day.companies.first().applications.first()
    start = timezone.now() - datetime.timedelta(minutes=2)
    interview = InterviewFactory(
        application=application, starts_at=start, ends_at=start + datetime.timedelta(minutes=5)
    )
    path = _url(day, f"/interviews/{interview.pk}")

    started = send(client, "patch", path, {"status": "under_way"}, **bearer(manager_a))
    held = send(client, "patch", path, {"status": "done", "outcome": "hired"}, **bearer(manager_a))

    assert started.json()["status"] == "under_way"
    assert (held.status_code, held.json()["status"], held.json()["outcome"]) == (
        200,
        "done",
        "hired",
    )
    interview.refresh_from_db()
    assert (interview.status, interview.outcome) == (InterviewStatus.DONE, "hired")


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"status": "cancelled"},
        {"outcome": "promoted"},
        {"status": None},
        {"status": "done", "unknown": 1},
        "{not json",
    ],
)
def test_bad_bodies_are_422_and_change_nothing(client, day, manager_a, body):
    interview = InterviewFactory(application=day.companies.first().applications.first())
    before = _rows()

    response = send(
        client, "patch", _url(day, f"/interviews/{interview.pk}"), body, **bearer(manager_a), **EN
    )

    assert response.status_code in (400, 422)
    assert set(response.json()) >= {"code", "message"}
    assert _rows() == before


def test_an_outcome_before_the_interview_is_held_is_refused(client, day, manager_a):
    day.phase = Phase.LIVE
    day.save()
    interview = InterviewFactory(application=day.companies.first().applications.first())
    before = _rows()

    response = send(
        client,
        "patch",
        _url(day, f"/interviews/{interview.pk}"),
        {"outcome": "hired"},
        **bearer(manager_a),
        **EN,
    )

    assert (response.status_code, response.json()["code"]) == (409, "not_held")
    assert _rows() == before


def test_another_events_interview_is_404(client, day, manager_a, centre_a):
    other = InterviewFactory(
        application__candidate__day=RecruitmentDayFactory(
            event=RecruitmentEventFactory(centre=centre_a)
        )
    )

    response = send(
        client,
        "patch",
        _url(day, f"/interviews/{other.pk}"),
        {"status": "done"},
        **bearer(manager_a),
    )

    assert response.status_code == 404


def test_the_agendas_registration_endpoint_sends_candidates_to_the_application_form(client, day):
    from cocade.agenda.models import Registration

    day.phase = Phase.APPLICATIONS
    day.save()
    registrations = Registration.objects.count()

    response = send(
        client,
        "post",
        f"/api/v1/events/{day.event_id}/registrations",
        {"name": "Ana", "email": "ana.api@example.org", "consent": True},
        **EN,
    )

    assert (response.status_code, response.json()["code"]) == (409, "apply_instead")
    assert Registration.objects.count() == registrations
