"""The recruitment demo, loaded by `cocade demo` after the agenda demo: the figures of the
2018 Porto edition from the newsletter, a day running today, a day open for applications, the
speed meeting plan and the quizzes; nobody is emailed and loading again changes nothing."""

from io import StringIO

import pytest
from django.core import mail
from django.db import transaction

from cocade.agenda.demo import load as load_agenda
from cocade.directory.demo import load_demo
from cocade.recruitment.demo import COMPANIES_2018, load, write_summary
from cocade.recruitment.enums import (
    ApplicationStatus,
    InterviewStatus,
    Phase,
    QuizStatus,
)
from cocade.recruitment.models import (
    Application,
    Interview,
    Quiz,
    QuizAnswer,
    RecruitmentDay,
    ScheduleRun,
    SpeedMeeting,
)
from cocade.recruitment.services.report import event_report


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """The directory, agenda and recruitment demos, loaded once for this module in a
    transaction that is rolled back after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        load_agenda()
        yield load()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_data, db):
    return demo_data


def _day(slug):
    return RecruitmentDay.objects.select_related("event").get(event__slug=slug)


def test_the_2018_edition_has_the_newsletters_figures(demo):
    day = _day("speed-recruitment-porto-2018")
    applications = Application.objects.filter(candidate__day=day)
    shortlisted = applications.filter(status=ApplicationStatus.SHORTLISTED)

    assert day.event.registrations.count() == 556
    assert applications.count() == 2564
    assert shortlisted.values("candidate").distinct().count() == 70
    assert sorted(day.companies.values_list("name", flat=True)) == sorted(
        name for name, _sector in COMPANIES_2018
    )
    assert day.phase == Phase.CLOSED
    assert day.event.local_start.date().isoformat() == "2018-11-21"


def test_the_2018_report_gives_the_newsletters_figures(demo):
    report = event_report(_day("speed-recruitment-porto-2018"))

    assert report.registrations["total"] == 556
    assert (report.applications["total"], report.processed) == (2564, 2564)
    assert (report.candidates["shortlisted"], report.candidates["present"]) == (70, 70)
    assert (len(report.companies), report.totals.held) == (10, 700)


def test_the_2018_schedule_was_computed_by_the_scheduler_without_clash(demo):
    day = _day("speed-recruitment-porto-2018")
    run = ScheduleRun.objects.get(day=day)
    interviews = list(Interview.objects.filter(day=day))

    assert (run.status, run.scheduled_count, run.unscheduled) == ("done", 700, [])
    assert len(interviews) == 700
    assert len({(i.candidate_id, i.starts_at) for i in interviews}) == 700
    assert len({(i.company_id, i.table, i.starts_at) for i in interviews}) == 700
    assert {i.status for i in interviews} == {InterviewStatus.DONE}


def test_today_is_live_with_the_past_held_and_no_shows_freed(demo):
    day = _day("speed-recruitment-porto-hoje")
    interviews = Interview.objects.filter(day=day)

    assert day.phase == Phase.LIVE
    assert interviews.exists()
    absent = day.candidates.filter(presence="absent")
    assert absent.count() == 2
    assert not interviews.filter(
        candidate__in=absent, status__in=[InterviewStatus.SCHEDULED, InterviewStatus.UNDER_WAY]
    ).exists()
    assert not interviews.filter(outcome__gt="").exclude(status=InterviewStatus.DONE).exists()


def test_the_next_edition_takes_applications(demo):
    day = _day("speed-recruitment-porto-proximo")

    assert day.phase == Phase.APPLICATIONS
    assert day.applications_close_at < day.event.starts_at
    assert day.companies.filter(offers__isnull=False).distinct().count() == 6


def test_the_speed_meeting_and_the_quizzes(demo):
    meeting = SpeedMeeting.objects.get(event__slug="speed-meeting-aprendizagem")
    milan = Quiz.objects.get(event__slug="quiz-dei-mestieri-milano")
    marseille = Quiz.objects.get(event__slug="quiz-des-metiers-marseille")

    assert (meeting.distinct_encounters, meeting.method, meeting.rounds) == (36, "latin_square", 6)
    assert (marseille.status, marseille.questions.count()) == (QuizStatus.DRAFT, 10)
    assert milan.status == QuizStatus.CLOSED
    assert QuizAnswer.objects.filter(question__quiz=milan).count() == demo.answers == 38 * 4


def test_loading_again_changes_nothing_and_emails_nobody(demo):
    counts = (Interview.objects.count(), Application.objects.count(), Quiz.objects.count())
    outbox = len(mail.outbox)

    again = load()

    assert again.created == 0
    assert (Interview.objects.count(), Application.objects.count(), Quiz.objects.count()) == counts
    assert len(mail.outbox) == outbox == 0
    out = StringIO()
    write_summary(again, out)
    assert "speed-recruitment-porto-2018: 556 registrations, 2564 applications" in out.getvalue()
