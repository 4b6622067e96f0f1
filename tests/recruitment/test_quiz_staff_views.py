"""The organisers' quiz pages: the list and creation, writing questions, the run buttons,
the big screen and its live results."""

import re

import pytest
from django.urls import reverse

from cocade.core.models import AuditLogEntry
from cocade.recruitment.enums import QuestionState, QuizStatus
from cocade.recruitment.models import Quiz
from cocade.recruitment.services import quiz as services
from tests.factories.agenda import EventFactory
from tests.factories.recruitment import (
    QuizAnswerFactory,
    QuizFactory,
    QuizParticipantFactory,
)
from tests.factories.recruitment_quiz import quiz_rows, quiz_with_questions, running_quiz

pytestmark = pytest.mark.django_db


def url(name, quiz=None, **kwargs):
    if quiz is not None:
        kwargs["quiz_pk"] = quiz.pk
    return reverse(f"staff_recruitment:{name}", kwargs=kwargs)


def text(response):
    return response.content.decode()


def _answers(quiz, question, choices):
    for choice in choices:
        QuizAnswerFactory(
            participant=QuizParticipantFactory(quiz=quiz), question=question, choice=choice
        )


# --- list and creation ----------------------------------------------------------------------


def test_list_shows_the_quizzes_the_user_runs_in_few_queries(
    client, centre_a, centre_b, manager_a, django_assert_max_num_queries
):
    mine = [quiz_with_questions(centre_a)[0] for _ in range(5)]
    quiz_with_questions(centre_b)
    client.force_login(manager_a)

    with django_assert_max_num_queries(7):
        response = client.get(url("quizzes"))

    assert response.status_code == 200
    assert [quiz.pk for quiz in response.context["quizzes"]] == [q.pk for q in reversed(mine)]
    assert [quiz.question_count for quiz in response.context["quizzes"]] == [3] * 5


def test_list_for_a_counsellor_has_no_creation_form(client, counsellor_a):
    client.force_login(counsellor_a)

    response = client.get(url("quizzes"))

    assert response.status_code == 200
    assert response.context["can_create"] is False
    assert 'method="post"' not in text(response).split('id="main"')[1].split("site-footer")[0]


def test_create_a_quiz_at_an_event(client, centre_a, manager_a):
    event = EventFactory(centre=centre_a)
    client.force_login(manager_a)

    response = client.post(url("quizzes"), {"title": "Quiz des métiers", "event": event.pk})

    quiz = Quiz.objects.get()
    assert (response.status_code, response["Location"]) == (302, url("quiz", quiz))
    assert (quiz.title, quiz.event, quiz.centre, quiz.created_by) == (
        "Quiz des métiers",
        event,
        centre_a,
        manager_a,
    )


def test_create_a_quiz_at_an_event_of_another_centre_is_a_form_error(client, centre_b, manager_a):
    event = EventFactory(centre=centre_b)
    client.force_login(manager_a)

    response = client.post(url("quizzes"), {"title": "Quiz", "event": event.pk})

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["event"]
    assert Quiz.objects.count() == 0


def test_create_a_quiz_by_a_counsellor_is_forbidden(client, counsellor_a):
    client.force_login(counsellor_a)

    response = client.post(url("quizzes"), {"title": "Quiz"})

    assert response.status_code == 403
    assert Quiz.objects.count() == 0


def test_edit_the_quiz_settings(client, centre_a, manager_a):
    quiz, _questions = quiz_with_questions(centre_a)
    client.force_login(manager_a)

    response = client.post(url("quiz_edit", quiz), {"title": "Nouveau titre", "centre": ""})

    quiz.refresh_from_db()
    assert response.status_code == 302
    assert (quiz.title, quiz.event, quiz.centre) == ("Nouveau titre", None, None)


# --- questions ------------------------------------------------------------------------------


def test_add_a_question_with_the_right_answer_numbered_from_one(client, centre_a, manager_a):
    quiz, _questions = quiz_with_questions(centre_a, count=0)
    client.force_login(manager_a)

    response = client.post(
        url("quiz", quiz),
        {"text": "Qui soigne ?", "choices": "Boulanger\nInfirmière\nSoudeur", "correct": "2"},
    )

    question = quiz.questions.get()
    assert response.status_code == 302
    assert (question.text, question.choices, question.correct) == (
        "Qui soigne ?",
        ["Boulanger", "Infirmière", "Soudeur"],
        1,
    )


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"text": "Q ?", "choices": "Oui"}, "choices"),
        ({"text": "Q ?", "choices": "Oui\nNon", "correct": "3"}, "correct"),
        ({"text": "", "choices": "Oui\nNon"}, "text"),
    ],
)
def test_add_a_bad_question_is_a_form_error_that_writes_nothing(
    client, centre_a, manager_a, data, field
):
    quiz, _questions = quiz_with_questions(centre_a, count=1)
    client.force_login(manager_a)
    before = quiz_rows()

    response = client.post(url("quiz", quiz), data)

    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    assert quiz_rows() == before


def test_add_a_question_to_a_running_quiz_is_refused_with_the_reason(client, centre_a, manager_a):
    quiz, _questions = running_quiz(centre_a)
    client.force_login(manager_a)
    before = quiz_rows()

    response = client.post(url("quiz", quiz), {"text": "Q ?", "choices": "Oui\nNon"})

    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        str(services.QuizNotDraft.default_message)
    ]
    assert quiz_rows() == before


def test_edit_move_and_delete_a_question(client, centre_a, manager_a):
    quiz, questions = quiz_with_questions(centre_a, count=3)
    client.force_login(manager_a)

    edited = client.post(
        url("quiz_question", quiz, question_pk=questions[0].pk),
        {"text": "Première ?", "choices": "Oui\nNon", "correct": ""},
    )
    moved = client.post(
        url("quiz_question_move", quiz, question_pk=questions[0].pk), {"direction": "down"}
    )
    deleted = client.post(url("quiz_question_delete", quiz, question_pk=questions[2].pk))

    assert [edited.status_code, moved.status_code, deleted.status_code] == [302, 302, 302]
    assert list(quiz.questions.order_by("position").values_list("text", "correct")) == [
        ("Question 2 ?", 0),
        ("Première ?", None),
    ]


def test_question_of_another_quiz_is_not_found(client, centre_a, manager_a):
    quiz, _questions = quiz_with_questions(centre_a)
    _other, other_questions = quiz_with_questions(centre_a)
    client.force_login(manager_a)
    before = quiz_rows()

    response = client.post(url("quiz_question_delete", quiz, question_pk=other_questions[0].pk))

    assert response.status_code == 404
    assert quiz_rows() == before


def test_move_a_question_past_the_top_is_refused(client, centre_a, manager_a):
    quiz, questions = quiz_with_questions(centre_a)
    client.force_login(manager_a)
    before = quiz_rows()

    response = client.post(
        url("quiz_question_move", quiz, question_pk=questions[0].pk), {"direction": "up"}
    )

    assert response.status_code == 409
    assert quiz_rows() == before


# --- running --------------------------------------------------------------------------------


def test_run_a_quiz_from_the_buttons(client, centre_a, manager_a):
    quiz, questions = quiz_with_questions(centre_a, count=2)
    client.force_login(manager_a)
    control = url("quiz_control", quiz)

    statuses = [
        client.post(control, {"action": "open"}).status_code,
        client.post(control, {"action": "next", "after": ""}).status_code,
        client.post(control, {"action": "close_question"}).status_code,
        client.post(control, {"action": "ask", "question": questions[1].pk}).status_code,
        client.post(control, {"action": "close_quiz"}).status_code,
    ]

    quiz.refresh_from_db()
    assert statuses == [302] * 5
    assert (quiz.status, quiz.current) == (QuizStatus.CLOSED, questions[1])
    assert list(quiz.questions.values_list("state", flat=True)) == [QuestionState.CLOSED] * 2
    assert list(AuditLogEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "recruitment.quiz.opened",
        "recruitment.quiz_question.asked",
        "recruitment.quiz_question.closed",
        "recruitment.quiz_question.asked",
        "recruitment.quiz.closed",
    ]


def test_button_from_the_screen_goes_back_to_the_screen(client, centre_a, manager_a):
    quiz, _questions = quiz_with_questions(centre_a)
    client.force_login(manager_a)

    response = client.post(url("quiz_control", quiz), {"action": "open", "back": "screen"})

    assert response["Location"] == url("quiz_screen", quiz)


def test_second_click_on_next_question_does_not_skip_one(client, centre_a, manager_a):
    quiz, questions = running_quiz(centre_a, asked=0)
    client.force_login(manager_a)
    seen = {"action": "next", "after": questions[0].pk}
    client.post(url("quiz_control", quiz), seen)
    before = quiz_rows()

    response = client.post(url("quiz_control", quiz), seen)

    quiz.refresh_from_db()
    assert response.status_code == 409
    assert quiz.current == questions[1]
    assert quiz_rows() == before


@pytest.mark.parametrize(
    "data", [{}, {"action": "explode"}, {"action": "ask"}, {"action": "next", "after": "x"}]
)
def test_malformed_button_is_a_bad_request(client, centre_a, manager_a, data):
    quiz, _questions = running_quiz(centre_a)
    client.force_login(manager_a)
    before = quiz_rows()

    response = client.post(url("quiz_control", quiz), data)

    assert response.status_code == 400
    assert quiz_rows() == before


def test_reset_from_the_button_deletes_the_answers(client, centre_a, manager_a):
    quiz, questions = running_quiz(centre_a)
    _answers(quiz, questions[0], [0, 1])
    client.force_login(manager_a)

    response = client.post(url("quiz_control", quiz), {"action": "reset"})

    quiz.refresh_from_db()
    assert response.status_code == 302
    assert (quiz.status, quiz.participants.count()) == (QuizStatus.DRAFT, 0)


def test_another_centres_manager_cannot_press_the_buttons(client, centre_a, manager_b):
    quiz, _questions = quiz_with_questions(centre_a)
    client.force_login(manager_b)
    before = quiz_rows()

    response = client.post(url("quiz_control", quiz), {"action": "open"})

    assert response.status_code == 404
    assert quiz_rows() == before


# --- the big screen -------------------------------------------------------------------------


def test_screen_shows_the_code_the_qr_code_and_no_inline_style(client, centre_a, manager_a):
    quiz, _questions = running_quiz(centre_a)
    client.force_login(manager_a)

    response = client.get(url("quiz_screen", quiz))

    body = text(response)
    assert response.status_code == 200
    assert f"{quiz.code[:3]}&#8239;{quiz.code[3:]}" in body
    assert re.search(r'<div class="quiz-qr"[^>]*><svg [^>]*viewBox=', body)
    assert f"/fr/quiz/{quiz.code}/" in response.context["join_url"]
    assert 'style="' not in body
    assert "<script>" not in body


def test_results_fragment_draws_bars_and_the_same_table(
    client, centre_a, manager_a, django_assert_max_num_queries
):
    quiz, questions = running_quiz(centre_a)
    _answers(quiz, questions[0], [0, 0, 0, 1])
    client.force_login(manager_a)

    with django_assert_max_num_queries(9):
        response = client.get(url("quiz_results_fragment", quiz), {"big": "1"})

    body = text(response)
    widths = re.findall(r'<rect class="quiz-bar-fill" x="0" y="0" width="([^"]+)"', body)
    cells = re.findall(r"<td>([^<]*)</td>", body)
    assert response.status_code == 200
    assert widths == ["75.0", "25.0", "0.0", "0.0"]
    assert cells == ["3", "75,0", "1", "25,0", "0", "0,0", "0", "0,0"]
    assert body.lstrip().startswith(
        '<section id="quiz-results" class="quiz-results quiz-results-big"'
    )
    assert "quiz-right" not in body  # the right answer waits until the answers are closed
    assert 'style="' not in body


def test_results_fragment_marks_the_right_answer_once_closed(client, centre_a, manager_a):
    quiz, questions = running_quiz(centre_a)
    _answers(quiz, questions[0], [0, 1])
    services.close_question(actor=manager_a, quiz=quiz)
    client.force_login(manager_a)

    response = client.get(url("quiz_results_fragment", quiz))

    body = text(response)
    assert body.count('class="quiz-chart-row quiz-right"') == 1
    assert body.count('<tr class="quiz-right">') == 1
    assert '<tr class="quiz-right">\n              <th scope="row">A. Boulanger' in body


def test_quiz_page_shows_ask_buttons_for_the_other_questions(client, centre_a, manager_a):
    quiz, questions = running_quiz(centre_a, asked=1)
    client.force_login(manager_a)

    response = client.get(url("quiz", quiz))

    body = text(response)
    asked = re.findall(r'name="question" value="(\d+)"', body)
    assert response.status_code == 200
    assert asked == [str(questions[0].pk), str(questions[2].pk)]


def test_quiz_of_a_centre_is_run_by_its_managers_only(client, centre_a, manager_a, manager_b):
    quiz = QuizFactory(event=None, centre=centre_a)

    client.force_login(manager_a)
    allowed = client.get(url("quiz_screen", quiz)).status_code
    client.force_login(manager_b)
    refused = client.get(url("quiz_screen", quiz)).status_code

    assert (allowed, refused) == (200, 404)
