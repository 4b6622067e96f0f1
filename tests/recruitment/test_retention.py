"""Retention of candidates' data: CVs deleted 30 days (the setting) after the event, candidates
of anonymised registrations cleared down to what the counts need, unused CV files deleted once
a day old; a dry run and a second run change nothing."""

import datetime
import os
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from cocade.agenda.services.retention import anonymise_event_registrations
from cocade.recruitment.enums import ApplicationStatus
from cocade.recruitment.models import Application, Candidate
from cocade.recruitment.services.retention import PurgeReport, purge
from cocade.recruitment.tasks_candidates import purge_candidate_data
from tests.factories.recruitment import (
    ApplicationFactory,
    CandidateFactory,
    RecruitmentDayFactory,
    RecruitmentEventFactory,
)
from tests.factories.recruitment_candidates import (  # noqa: F401 - a fixture
    PDF_BYTES,
    _cv_storage_in_tmp,
    stored_files,
)

NOW = timezone.now()

pytestmark = pytest.mark.django_db


def day_ended(days_ago):
    ends = NOW - datetime.timedelta(days=days_ago)
    event = RecruitmentEventFactory(starts_at=ends - datetime.timedelta(hours=9), ends_at=ends)
    return RecruitmentDayFactory(event=event)


def with_cv(candidate):
    candidate.cv.save("cv.pdf", ContentFile(PDF_BYTES), save=True)
    return candidate


def state():
    return sorted(Candidate.objects.values_list("pk", "phone", "profile", "cv"))


def test_purge_deletes_cvs_of_events_over_30_days_ago_only(
    settings, django_capture_on_commit_callbacks
):
    old = with_cv(CandidateFactory(day=day_ended(31), phone="912", profile="Web"))
    recent = with_cv(CandidateFactory(day=day_ended(29)))
    upcoming = with_cv(CandidateFactory(day=RecruitmentDayFactory()))

    with django_capture_on_commit_callbacks(execute=True):
        report = purge(now=NOW)

    assert report == PurgeReport(cvs=1, candidates=0, orphans=0)
    assert state() == sorted(
        [
            (old.pk, "912", "Web", ""),
            (recent.pk, "", "", recent.cv.name),
            (upcoming.pk, "", "", upcoming.cv.name),
        ]
    )
    assert stored_files(settings) == sorted([recent.cv.name, upcoming.cv.name])


def test_purge_follows_the_retention_setting(settings, django_capture_on_commit_callbacks):
    settings.COCADE_CV_RETENTION_DAYS = 5
    candidate = with_cv(CandidateFactory(day=day_ended(6)))

    with django_capture_on_commit_callbacks(execute=True):
        purge(now=NOW)

    assert (Candidate.objects.get(pk=candidate.pk).cv.name, stored_files(settings)) == ("", [])


def test_purge_clears_candidates_of_anonymised_registrations_and_keeps_counts(
    settings, django_capture_on_commit_callbacks
):
    day = day_ended(400)
    cleared = with_cv(CandidateFactory(day=day, phone="912 345 678", profile="Motorista"))
    ApplicationFactory(candidate=cleared, status=ApplicationStatus.SHORTLISTED)
    settings.COCADE_CV_RETENTION_DAYS = 1000  # only the anonymisation applies here
    kept = CandidateFactory(day=day_ended(2), phone="913", profile="Enfermeira")
    anonymise_event_registrations(event_id=day.event.pk, now=NOW)

    with django_capture_on_commit_callbacks(execute=True):
        report = purge(now=NOW)

    assert report == PurgeReport(cvs=0, candidates=1, orphans=0)
    assert state() == sorted([(cleared.pk, "", "", ""), (kept.pk, "913", "Enfermeira", "")])
    assert list(Application.objects.values_list("candidate", "status")) == [
        (cleared.pk, ApplicationStatus.SHORTLISTED)
    ]
    assert stored_files(settings) == []


def test_purge_deletes_unused_cv_files_once_a_day_old(settings):
    used = with_cv(CandidateFactory())
    root = settings.PRIVATE_MEDIA_ROOT / "recruitment" / "cv" / "999"
    root.mkdir(parents=True)
    (root / "old.pdf").write_bytes(PDF_BYTES)
    (root / "new.pdf").write_bytes(PDF_BYTES)
    two_days_ago = (NOW - datetime.timedelta(days=2)).timestamp()
    os.utime(root / "old.pdf", (two_days_ago, two_days_ago))
    os.utime(settings.PRIVATE_MEDIA_ROOT / used.cv.name, (two_days_ago, two_days_ago))

    report = purge(now=NOW)

    assert report == PurgeReport(cvs=0, candidates=0, orphans=1)
    assert stored_files(settings) == sorted([used.cv.name, "recruitment/cv/999/new.pdf"])


def test_purge_dry_run_counts_and_changes_nothing(settings):
    with_cv(CandidateFactory(day=day_ended(40)))
    before = (state(), stored_files(settings))

    report = purge(now=NOW, dry_run=True)

    assert (report, (state(), stored_files(settings))) == (
        PurgeReport(cvs=1, candidates=0, orphans=0),
        before,
    )


def test_purge_twice_does_nothing_the_second_time():
    with_cv(CandidateFactory(day=day_ended(40)))
    purge(now=NOW)

    assert purge(now=NOW) == PurgeReport(cvs=0, candidates=0, orphans=0)


def test_purge_without_any_cv_folder_does_nothing():
    assert purge(now=NOW).total == 0


@pytest.mark.parametrize(
    ("arguments", "expected", "left"),
    [
        (
            ["--dry-run"],
            "Would delete 1 CV(s) of events that ended more than 30 day(s) ago, would clear 0 "
            "anonymised candidate(s), would delete 0 unused CV file(s).\n",
            1,
        ),
        (
            [],
            "Deleted 1 CV(s) of events that ended more than 30 day(s) ago, cleared 0 "
            "anonymised candidate(s), deleted 0 unused CV file(s).\n",
            0,
        ),
    ],
)
def test_recruitment_purge_command(
    settings, django_capture_on_commit_callbacks, arguments, expected, left
):
    with_cv(CandidateFactory(day=day_ended(40)))
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("recruitment_purge", *arguments, stdout=out)

    assert (out.getvalue(), len(stored_files(settings))) == (expected, left)


def test_purge_candidate_data_task_runs_the_purge(settings, django_capture_on_commit_callbacks):
    with_cv(CandidateFactory(day=day_ended(40)))

    with django_capture_on_commit_callbacks(execute=True):
        result = purge_candidate_data.enqueue()

    assert (result.return_value, stored_files(settings)) == (1, [])
