"""One answer per participant and question, however many taps arrive at once.

The threads each hold a database connection of their own and are released together (the
agenda's `_all_at_once`); the guard is the unique constraint (participant, question), not a
check in Python. SQLite needs its test database in a file (tests/settings.py)."""

from collections import Counter

import pytest

from cocade.recruitment.errors import AlreadyAnswered
from cocade.recruitment.models import QuizAnswer, QuizParticipant
from cocade.recruitment.services import quiz as services
from tests.agenda.test_concurrency import _all_at_once
from tests.factories.recruitment import QuizParticipantFactory
from tests.factories.recruitment_quiz import running_quiz

TAPS = 12


def _kind(outcome):
    if isinstance(outcome, QuizAnswer):
        return "answered"
    if isinstance(outcome, AlreadyAnswered):
        return "AlreadyAnswered"
    return f"{type(outcome).__name__}: {outcome}"


@pytest.mark.django_db(transaction=True)
def test_taps_at_once_by_one_participant_record_one_answer(centre_a):
    quiz, questions = running_quiz(centre_a)
    participant = QuizParticipantFactory(quiz=quiz)

    outcomes, sessions = _all_at_once(
        TAPS,
        lambda n: services.answer(
            quiz=quiz, participant_key=participant.key, question_id=questions[0].pk, choice=n % 4
        ),
    )

    assert len(sessions) == TAPS
    assert Counter(map(_kind, outcomes)) == {"answered": 1, "AlreadyAnswered": TAPS - 1}
    winner = next(outcome for outcome in outcomes if isinstance(outcome, QuizAnswer))
    assert list(QuizAnswer.objects.values_list("participant", "question", "choice")) == [
        (participant.pk, questions[0].pk, winner.choice)
    ]


@pytest.mark.django_db(transaction=True)
def test_answers_at_once_by_different_participants_are_all_recorded(centre_a):
    quiz, questions = running_quiz(centre_a)
    keys = [QuizParticipantFactory(quiz=quiz).key for _ in range(TAPS)]

    outcomes, _sessions = _all_at_once(
        TAPS,
        lambda n: services.answer(
            quiz=quiz, participant_key=keys[n], question_id=questions[0].pk, choice=n % 4
        ),
    )

    assert Counter(map(_kind, outcomes)) == {"answered": TAPS}
    assert [row.answers for row in services.results(questions[0])] == [3, 3, 3, 3]
    assert QuizParticipant.objects.count() == TAPS
