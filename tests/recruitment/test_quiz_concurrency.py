"""One answer per participant and question, however many taps arrive at once; an answer and
the close of its question never both win.

The threads each hold a database connection of their own and are released together (the
agenda's `_all_at_once`); the guard is the unique constraint (participant, question), not a
check in Python. SQLite needs its test database in a file (tests/settings.py)."""

import threading
from collections import Counter
from unittest import mock

import pytest
from django.db import connection

from cocade.recruitment.errors import AlreadyAnswered, QuestionClosed
from cocade.recruitment.models import Quiz, QuizAnswer, QuizParticipant
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


# --- an answer and the close of its question at the same moment ------------------------------
# One thread is held inside its transaction while the other runs; `PAUSE` seconds is only how
# long the other is given to finish without waiting. Were the guard missing, it would finish
# in that time and the assertions below would fail; a slow machine can only hide the fault.

PAUSE = 3


def _in_thread(action, outcomes: dict, name: str) -> threading.Thread:
    def work() -> None:
        try:
            outcomes[name] = action()
        except Exception as error:  # reported in the outcomes
            outcomes[name] = error
        finally:
            connection.close()

    thread = threading.Thread(target=work)
    thread.start()
    return thread


@pytest.mark.django_db(transaction=True)
def test_closing_a_question_waits_for_an_answer_in_flight_and_counts_it(centre_a, manager_a):
    quiz, questions = running_quiz(centre_a)
    participant = QuizParticipantFactory(quiz=quiz)
    in_flight, release = threading.Event(), threading.Event()
    create = QuizAnswer.objects.create
    outcomes: dict = {}

    def held_create(**fields):
        in_flight.set()
        release.wait(timeout=30)
        return create(**fields)

    def close_then_count():
        services.close_question(actor=manager_a, quiz=quiz)
        return QuizAnswer.objects.filter(question=questions[0]).count()

    with mock.patch.object(QuizAnswer.objects, "create", held_create):
        answering = _in_thread(
            lambda: services.answer(
                quiz=quiz, participant_key=participant.key, question_id=questions[0].pk, choice=1
            ),
            outcomes,
            "answer",
        )
        assert in_flight.wait(timeout=30)
        closing = _in_thread(close_then_count, outcomes, "close")
        closing.join(timeout=PAUSE)
        release.set()
        answering.join()
        closing.join()

    assert isinstance(outcomes["answer"], QuizAnswer)
    # The close returned only once the answer was in: the results it shows count it.
    assert outcomes["close"] == 1
    assert [row.answers for row in services.results(questions[0])] == [0, 1, 0, 0]


@pytest.mark.django_db(transaction=True)
def test_an_answer_sent_while_the_question_closes_is_refused(centre_a, manager_a):
    quiz, questions = running_quiz(centre_a)
    participant = QuizParticipantFactory(quiz=quiz)
    in_flight, release = threading.Event(), threading.Event()
    record = services._record
    outcomes: dict = {}

    def held_record(actor, action, *args):
        if action == "recruitment.quiz_question.closed":
            in_flight.set()
            release.wait(timeout=30)
        return record(actor, action, *args)

    with mock.patch.object(services, "_record", held_record):
        closing = _in_thread(
            lambda: services.close_question(actor=manager_a, quiz=quiz), outcomes, "close"
        )
        assert in_flight.wait(timeout=30)
        answering = _in_thread(
            lambda: services.answer(
                quiz=quiz, participant_key=participant.key, question_id=questions[0].pk, choice=1
            ),
            outcomes,
            "answer",
        )
        answering.join(timeout=PAUSE)
        release.set()
        closing.join()
        answering.join()

    assert isinstance(outcomes["close"], Quiz)
    assert isinstance(outcomes["answer"], QuestionClosed)
    assert not QuizAnswer.objects.exists()
