"""The same application sent many times at once (a double click, a flaky connection) makes
one candidate with one CV file: the agenda's unique active registration per email decides,
and a refused attempt stores no file. Threads as in the agenda's concurrency tests."""

from collections import Counter

import pytest

from cocade.recruitment.models import Application, Candidate
from cocade.recruitment.services.candidates import register_candidate
from tests.agenda.test_concurrency import _all_at_once, _kind
from tests.factories.recruitment import CompanyFactory, RecruitmentDayFactory
from tests.factories.recruitment_candidates import (  # noqa: F401 - a fixture
    _cv_storage_in_tmp,
    pdf_upload,
    stored_files,
)

TIMES = 12


@pytest.mark.django_db(transaction=True)
def test_apply_twelve_times_at_once_makes_one_candidate_and_one_file(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    day = RecruitmentDayFactory()
    company = CompanyFactory(day=day)

    def apply(_index):
        register_candidate(
            day,
            name="Ana Sousa",
            email="ana@example.org",
            consent=True,
            profile="Programadora",
            cv=pdf_upload(),
            choices=[(company.pk, None)],
        )
        return "applied"

    outcomes, sessions = _all_at_once(TIMES, apply)

    assert len(sessions) == TIMES
    assert Counter(
        outcome if isinstance(outcome, str) else _kind(outcome) for outcome in outcomes
    ) == {
        "applied": 1,
        "AlreadyRegistered": TIMES - 1,
    }
    candidate = Candidate.objects.get()
    assert (Application.objects.count(), stored_files(settings)) == (1, [candidate.cv.name])
