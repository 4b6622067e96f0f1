"""The quiz services: writing a quiz, running it, answering, counting."""

import pytest

from cocade.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from cocade.core.models import AuditLogEntry
from cocade.recruitment.enums import QuestionState, QuizStatus
from cocade.recruitment.errors import AlreadyAnswered, QuestionClosed, QuizNotOpen, UnknownCode
from cocade.recruitment.models import CODE_ALPHABET, Quiz, QuizAnswer, QuizParticipant
from cocade.recruitment.services import quiz as services
from tests.factories.agenda import EventFactory
from tests.factories.recruitment import (
    QuizAnswerFactory,
    QuizFactory,
    QuizParticipantFactory,
    QuizQuestionFactory,
)
from tests.factories.recruitment_quiz import quiz_rows, quiz_with_questions, running_quiz

pytestmark = pytest.mark.django_db


def _texts(quiz):
    return list(quiz.questions.order_by("position", "pk").values_list("text", flat=True))


def _states(quiz):
    return list(quiz.questions.order_by("position", "pk").values_list("state", flat=True))


# --- writing a quiz -------------------------------------------------------------------------


def test_create_quiz_at_an_event_takes_the_events_centre_and_a_fresh_code(centre_a, manager_a):
    event = EventFactory(centre=centre_a)

    quiz = services.create_quiz(actor=manager_a, title="  Quiz des métiers ", event=event)

    quiz.refresh_from_db()
    assert (quiz.title, quiz.event, quiz.centre, quiz.status, quiz.created_by) == (
        "Quiz des métiers",
        event,
        centre_a,
        QuizStatus.DRAFT,
        manager_a,
    )
    assert len(quiz.code) == 6
    assert set(quiz.code) <= set(CODE_ALPHABET)
    assert list(AuditLogEntry.objects.values_list("action", "centre_id")) == [
        ("recruitment.quiz.created", centre_a.pk)
    ]


def test_create_quiz_for_a_managed_centre_without_event(centre_a, manager_a):
    quiz = services.create_quiz(actor=manager_a, title="Quiz", centre=centre_a)

    assert (quiz.event, quiz.centre) == (None, centre_a)


def test_create_quiz_by_a_counsellor_is_forbidden_and_writes_nothing(counsellor_a):
    before = quiz_rows()

    with pytest.raises(Forbidden):
        services.create_quiz(actor=counsellor_a, title="Quiz")

    assert quiz_rows() == before


@pytest.mark.parametrize(
    ("place", "field"),
    [("event_b", "event"), ("centre_b", "centre"), ("event_a_centre_b", "centre")],
)
def test_create_quiz_elsewhere_is_refused_at_its_field(centre_a, centre_b, manager_a, place, field):
    places = {
        "event_b": {"event": EventFactory(centre=centre_b)},
        "centre_b": {"centre": centre_b},
        "event_a_centre_b": {"event": EventFactory(centre=centre_a), "centre": centre_b},
    }
    before = quiz_rows()

    with pytest.raises(InvalidInput) as refused:
        services.create_quiz(actor=manager_a, title="Quiz", **places[place])

    assert refused.value.field == field
    assert quiz_rows() == before


def test_create_quiz_without_title_is_refused(manager_a):
    with pytest.raises(InvalidInput) as refused:
        services.create_quiz(actor=manager_a, title="   ")

    assert (refused.value.field, Quiz.objects.count()) == ("title", 0)


def test_update_quiz_by_someone_who_does_not_run_it_is_not_found(centre_a, manager_b):
    quiz, _questions = quiz_with_questions(centre_a)
    before = quiz_rows()

    with pytest.raises(NotFound):
        services.update_quiz(actor=manager_b, quiz=quiz, title="Autre")

    assert quiz_rows() == before


def test_add_question_cleans_the_answers_and_keeps_the_right_one(centre_a, manager_a):
    quiz, _questions = quiz_with_questions(centre_a, count=1)

    question = services.add_question(
        actor=manager_a,
        quiz=quiz,
        text=" Qui   soigne ? ",
        choices="  Infirmière \n\n Boulanger\r\nSoudeuse  \n",
        correct=0,
    )

    question.refresh_from_db()
    assert (question.text, question.choices, question.correct, question.position) == (
        "Qui soigne ?",
        ["Infirmière", "Boulanger", "Soudeuse"],
        0,
        1,
    )


@pytest.mark.parametrize(
    ("choices", "correct", "field"),
    [
        ("Seule réponse", None, "choices"),
        ("\n".join(f"Réponse {n}" for n in range(7)), None, "choices"),
        ("Oui\nNon\noui", None, "choices"),
        ("Oui\n" + "x" * 121, None, "choices"),
        ("Oui\nNon", 2, "correct"),
        ("Oui\nNon", -1, "correct"),
    ],
)
def test_add_question_with_bad_answers_is_refused_and_writes_nothing(
    centre_a, manager_a, choices, correct, field
):
    quiz, _questions = quiz_with_questions(centre_a, count=1)
    before = quiz_rows()

    with pytest.raises(InvalidInput) as refused:
        services.add_question(
            actor=manager_a, quiz=quiz, text="Question ?", choices=choices, correct=correct
        )

    assert refused.value.field == field
    assert quiz_rows() == before


def test_questions_of_a_quiz_that_was_opened_stay_as_they_are(centre_a, manager_a):
    quiz, questions = running_quiz(centre_a)
    before = quiz_rows()

    with pytest.raises(services.QuizNotDraft):
        services.add_question(actor=manager_a, quiz=quiz, text="Q ?", choices="A\nB")
    with pytest.raises(services.QuizNotDraft):
        services.update_question(actor=manager_a, question=questions[0], text="Q ?", choices="A\nB")
    with pytest.raises(services.QuizNotDraft):
        services.move_question(actor=manager_a, question=questions[1], direction="up")
    with pytest.raises(services.QuizNotDraft):
        services.delete_question(actor=manager_a, question=questions[0])

    assert quiz_rows() == before


def test_update_question_changes_it_and_records_the_difference(centre_a, manager_a):
    quiz, questions = quiz_with_questions(centre_a, count=2)

    services.update_question(
        actor=manager_a, question=questions[1], text="Nouvelle ?", choices="Oui\nNon", correct=1
    )

    questions[1].refresh_from_db()
    assert (questions[1].text, questions[1].choices, questions[1].correct) == (
        "Nouvelle ?",
        ["Oui", "Non"],
        1,
    )
    entry = AuditLogEntry.objects.get()
    assert (entry.action, sorted(entry.changes)) == (
        "recruitment.quiz_question.changed",
        ["choices", "correct", "text"],
    )


def test_move_question_swaps_it_with_its_neighbour(centre_a, manager_a):
    quiz, questions = quiz_with_questions(centre_a, count=3)

    services.move_question(actor=manager_a, question=questions[2], direction="up")

    assert _texts(quiz) == ["Question 1 ?", "Question 3 ?", "Question 2 ?"]


@pytest.mark.parametrize(("index", "direction"), [(0, "up"), (2, "down"), (1, "sideways")])
def test_move_question_past_the_ends_is_refused(centre_a, manager_a, index, direction):
    quiz, questions = quiz_with_questions(centre_a, count=3)
    before = quiz_rows()

    with pytest.raises((Conflict, InvalidInput)):
        services.move_question(actor=manager_a, question=questions[index], direction=direction)

    assert quiz_rows() == before


def test_delete_question_of_a_draft(centre_a, manager_a):
    quiz, questions = quiz_with_questions(centre_a, count=2)

    services.delete_question(actor=manager_a, question=questions[0])

    assert _texts(quiz) == ["Question 2 ?"]


def test_question_of_another_quiz_is_not_found(centre_a, manager_a):
    quiz, _questions = quiz_with_questions(centre_a, count=1)
    other = QuizQuestionFactory(quiz=QuizFactory(event__centre=centre_a))
    other.quiz = quiz  # as if a tampered form named it
    before = quiz_rows()

    with pytest.raises(NotFound):
        services.delete_question(actor=manager_a, question=other)

    assert quiz_rows() == before


# --- running it -----------------------------------------------------------------------------


def test_open_quiz_without_questions_is_refused(centre_a, manager_a):
    quiz, _questions = quiz_with_questions(centre_a, count=0)
    before = quiz_rows()

    with pytest.raises(services.NoQuestions):
        services.open_quiz(actor=manager_a, quiz=quiz)

    assert quiz_rows() == before


def test_open_quiz_twice_is_refused_the_second_time(centre_a, manager_a):
    quiz, _questions = quiz_with_questions(centre_a)
    services.open_quiz(actor=manager_a, quiz=quiz)
    before = quiz_rows()

    with pytest.raises(services.QuizAlreadyOpen):
        services.open_quiz(actor=manager_a, quiz=quiz)

    assert quiz_rows() == before


def test_running_a_quiz_of_another_centre_is_not_found(centre_a, manager_b):
    quiz, _questions = quiz_with_questions(centre_a)
    before = quiz_rows()

    with pytest.raises(NotFound):
        services.open_quiz(actor=manager_b, quiz=quiz)

    assert quiz_rows() == before


def test_ask_opens_the_question_and_closes_the_one_before(centre_a, manager_a):
    quiz, questions = running_quiz(centre_a, asked=0)

    services.ask(actor=manager_a, quiz=quiz, question=questions[2].pk)

    quiz.refresh_from_db()
    assert quiz.current == questions[2]
    assert _states(quiz) == [QuestionState.CLOSED, QuestionState.WAITING, QuestionState.OPEN]


def test_ask_in_a_draft_is_refused(centre_a, manager_a):
    quiz, questions = quiz_with_questions(centre_a)
    before = quiz_rows()

    with pytest.raises(QuizNotOpen):
        services.ask(actor=manager_a, quiz=quiz, question=questions[0])

    assert quiz_rows() == before


def test_ask_the_open_question_again_is_refused(centre_a, manager_a):
    quiz, questions = running_quiz(centre_a, asked=1)
    before = quiz_rows()

    with pytest.raises(services.QuestionAlreadyOpen):
        services.ask(actor=manager_a, quiz=quiz, question=questions[1])

    assert quiz_rows() == before


def test_ask_a_question_of_another_quiz_is_not_found(centre_a, manager_a):
    quiz, _questions = running_quiz(centre_a)
    other = QuizQuestionFactory(quiz=QuizFactory(event__centre=centre_a))
    before = quiz_rows()

    with pytest.raises(NotFound):
        services.ask(actor=manager_a, quiz=quiz, question=other.pk)

    assert quiz_rows() == before


def test_ask_next_walks_through_the_questions(centre_a, manager_a):
    quiz, questions = quiz_with_questions(centre_a, count=2)
    services.open_quiz(actor=manager_a, quiz=quiz)

    services.ask_next(actor=manager_a, quiz=quiz, after=None)
    services.ask_next(actor=manager_a, quiz=quiz, after=questions[0].pk)

    quiz.refresh_from_db()
    assert quiz.current == questions[1]
    assert _states(quiz) == [QuestionState.CLOSED, QuestionState.OPEN]
    with pytest.raises(services.LastQuestion):
        services.ask_next(actor=manager_a, quiz=quiz, after=questions[1].pk)


def test_ask_next_after_a_question_no_longer_current_is_stale(centre_a, manager_a):
    """A second click on "Next question" (or another screen) does not skip a question."""
    quiz, questions = running_quiz(centre_a, asked=1)
    before = quiz_rows()

    with pytest.raises(services.StaleQuiz):
        services.ask_next(actor=manager_a, quiz=quiz, after=questions[0].pk)

    assert quiz_rows() == before


def test_close_question_keeps_it_current_and_refuses_a_second_time(centre_a, manager_a):
    quiz, questions = running_quiz(centre_a, asked=0)

    services.close_question(actor=manager_a, quiz=quiz)
    before = quiz_rows()
    with pytest.raises(services.NoOpenQuestion):
        services.close_question(actor=manager_a, quiz=quiz)

    quiz.refresh_from_db()
    assert (quiz.current, _states(quiz)[0]) == (questions[0], QuestionState.CLOSED)
    assert quiz_rows() == before


def test_close_quiz_closes_its_open_question(centre_a, manager_a):
    quiz, _questions = running_quiz(centre_a, asked=1)

    services.close_quiz(actor=manager_a, quiz=quiz)

    quiz.refresh_from_db()
    assert quiz.status == QuizStatus.CLOSED
    assert _states(quiz) == [QuestionState.CLOSED, QuestionState.CLOSED, QuestionState.WAITING]
    with pytest.raises(QuizNotOpen):
        services.close_quiz(actor=manager_a, quiz=quiz)


def test_reset_quiz_deletes_participants_and_answers(centre_a, manager_a):
    quiz, questions = running_quiz(centre_a)
    QuizAnswerFactory(participant=QuizParticipantFactory(quiz=quiz), question=questions[0])
    other, other_questions = running_quiz(centre_a)
    kept = QuizAnswerFactory(
        participant=QuizParticipantFactory(quiz=other), question=other_questions[0]
    )

    services.reset_quiz(actor=manager_a, quiz=quiz)

    quiz.refresh_from_db()
    assert (quiz.status, quiz.current) == (QuizStatus.DRAFT, None)
    assert _states(quiz) == [QuestionState.WAITING] * 3
    assert list(QuizAnswer.objects.all()) == [kept]
    assert list(QuizParticipant.objects.all()) == [kept.participant]


# --- answering ------------------------------------------------------------------------------


def test_answer_records_the_choice(centre_a):
    quiz, questions = running_quiz(centre_a)
    participant = QuizParticipantFactory(quiz=quiz)

    saved = services.answer(
        quiz=quiz, participant_key=participant.key, question_id=questions[0].pk, choice=2
    )

    assert list(QuizAnswer.objects.values_list("participant", "question", "choice")) == [
        (participant.pk, questions[0].pk, 2)
    ]
    assert saved.participant == participant


def test_answer_without_key_creates_the_participant_with_the_answer(centre_a):
    quiz, questions = running_quiz(centre_a)

    saved = services.answer(quiz=quiz, participant_key=None, question_id=questions[0].pk, choice=1)

    assert list(QuizParticipant.objects.all()) == [saved.participant]
    assert saved.participant.quiz == quiz


def test_answer_twice_is_refused_by_the_unique_constraint(centre_a):
    """No check before the insert: the existing row makes the database refuse the second."""
    quiz, questions = running_quiz(centre_a)
    first = QuizAnswerFactory(
        participant=QuizParticipantFactory(quiz=quiz), question=questions[0], choice=0
    )
    before = quiz_rows()

    with pytest.raises(AlreadyAnswered):
        services.answer(
            quiz=quiz,
            participant_key=first.participant.key,
            question_id=questions[0].pk,
            choice=3,
        )

    assert quiz_rows() == before


def _refusal_case(case, centre_a):
    """(quiz, question id, choice, participant key) for each refused answer."""
    quiz, questions = running_quiz(centre_a, asked=1)
    key = QuizParticipantFactory(quiz=quiz).key
    if case == "draft":
        draft, draft_questions = quiz_with_questions(centre_a)
        return draft, draft_questions[0].pk, 0, QuizParticipantFactory(quiz=draft).key
    if case == "closed":
        quiz.status = QuizStatus.CLOSED
        quiz.save(update_fields=["status"])
        return quiz, questions[1].pk, 0, key
    other_quiz, other_questions = running_quiz(centre_a)
    return {
        "earlier_question": (quiz, questions[0].pk, 0, key),
        "later_question": (quiz, questions[2].pk, 0, key),
        "other_quiz_question": (quiz, other_questions[0].pk, 0, key),
        "other_quiz_participant": (
            quiz,
            questions[1].pk,
            0,
            QuizParticipantFactory(quiz=other_quiz).key,
        ),
        "negative_choice": (quiz, questions[1].pk, -1, key),
        "choice_past_the_end": (quiz, questions[1].pk, 4, key),
        "choice_as_text": (quiz, questions[1].pk, "1", key),
        "unknown_key": (quiz, questions[1].pk, 0, "not-a-key"),
    }[case]


@pytest.mark.parametrize(
    ("case", "error"),
    [
        ("draft", QuizNotOpen),
        ("closed", QuizNotOpen),
        ("earlier_question", QuestionClosed),
        ("later_question", QuestionClosed),
        ("other_quiz_question", QuestionClosed),
        ("other_quiz_participant", services.UnknownParticipant),
        ("negative_choice", InvalidInput),
        ("choice_past_the_end", InvalidInput),
        ("choice_as_text", InvalidInput),
        ("unknown_key", services.UnknownParticipant),
    ],
)
def test_refused_answer_writes_nothing(centre_a, case, error):
    quiz, question_id, choice, key = _refusal_case(case, centre_a)
    before = quiz_rows()

    with pytest.raises(error):
        services.answer(quiz=quiz, participant_key=key, question_id=question_id, choice=choice)

    assert quiz_rows() == before


def test_answer_to_a_closed_question_is_refused(centre_a, manager_a):
    quiz, questions = running_quiz(centre_a)
    key = QuizParticipantFactory(quiz=quiz).key
    services.close_question(actor=manager_a, quiz=quiz)
    before = quiz_rows()

    with pytest.raises(QuestionClosed):
        services.answer(quiz=quiz, participant_key=key, question_id=questions[0].pk, choice=0)

    assert quiz_rows() == before


def test_refused_answer_without_key_creates_no_participant(centre_a):
    quiz, questions = running_quiz(centre_a)
    before = quiz_rows()

    with pytest.raises(InvalidInput):
        services.answer(quiz=quiz, participant_key=None, question_id=questions[0].pk, choice=9)

    assert quiz_rows() == before


def test_join_a_closed_quiz_is_refused(centre_a):
    quiz, _questions = quiz_with_questions(centre_a, status=QuizStatus.CLOSED)

    with pytest.raises(QuizNotOpen):
        services.join_quiz(quiz=quiz)

    assert QuizParticipant.objects.count() == 0


# --- reading --------------------------------------------------------------------------------


def test_results_count_each_choice_in_one_query(centre_a, django_assert_num_queries):
    quiz, questions = running_quiz(centre_a)
    for choice in (0, 0, 2, 0, 3, 3, 0, 0):
        QuizAnswerFactory(
            participant=QuizParticipantFactory(quiz=quiz), question=questions[0], choice=choice
        )
    QuizAnswerFactory(participant=QuizParticipantFactory(quiz=quiz), question=questions[1])

    with django_assert_num_queries(1):
        rows = services.results(questions[0])

    assert rows == [
        ("Boulanger", 5, 62.5),
        ("Infirmier", 0, 0.0),
        ("Soudeur", 1, 12.5),
        ("Comptable", 2, 25.0),
    ]


def test_results_without_answers_are_zero(centre_a):
    _quiz, questions = running_quiz(centre_a)

    assert [(row.answers, row.percent) for row in services.results(questions[0])] == [(0, 0.0)] * 4


@pytest.mark.parametrize("typed", ["{code}", "{lower}", " {a} {b} ", "{a}-{b}"])
def test_find_quiz_ignores_case_spaces_and_dashes(centre_a, typed):
    quiz, _questions = quiz_with_questions(centre_a)
    raw = typed.format(code=quiz.code, lower=quiz.code.lower(), a=quiz.code[:3], b=quiz.code[3:])

    assert services.find_quiz(raw) == quiz


@pytest.mark.parametrize("raw", ["", "ABC", "ZZZZZZZ", None])
def test_find_quiz_with_an_unknown_code_raises(db, raw):
    with pytest.raises(UnknownCode):
        services.find_quiz(raw)


def test_quizzes_to_run_follow_the_rule(centre_a, centre_b, manager_a, manager_b, coordinator):
    at_event, _questions = quiz_with_questions(centre_a)
    of_centre = QuizFactory(event=None, centre=centre_a)
    own_b = QuizFactory(event=None, centre=None, created_by=manager_b)

    assert set(services.quizzes_to_run(manager_a)) == {at_event, of_centre}
    assert set(services.quizzes_to_run(manager_b)) == {own_b}
    assert set(services.quizzes_to_run(coordinator)) == {at_event, of_centre, own_b}
