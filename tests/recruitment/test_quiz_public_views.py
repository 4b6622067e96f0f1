"""The participants' pages: joining with the code, the participant's cookie, answering from
a phone with or without JavaScript, and the polling that tells when something changed."""

import pytest
from django.core.signing import get_cookie_signer
from django.urls import reverse
from django.utils import translation

from cocade.recruitment.errors import AlreadyAnswered, QuestionClosed, UnknownCode
from cocade.recruitment.models import QuizAnswer, QuizParticipant
from cocade.recruitment.services import quiz as services
from cocade.recruitment.views.quiz import COOKIE_SALT
from tests.factories.recruitment_quiz import quiz_rows, quiz_with_questions, running_quiz

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def play_url(quiz):
    return reverse("quiz:play", kwargs={"code": quiz.code})


def answer_url(quiz):
    return reverse("quiz:answer", kwargs={"code": quiz.code})


def fragment_url(quiz, seen=None):
    url = reverse("quiz:play_fragment", kwargs={"code": quiz.code})
    return f"{url}?seen={seen}" if seen is not None else url


def set_participant_cookie(client, quiz, key):
    signer = get_cookie_signer(salt=f"quiz-{quiz.code}{COOKIE_SALT}")
    client.cookies[f"quiz-{quiz.code}"] = signer.sign(key)


def text(response):
    return response.content.decode()


# --- joining --------------------------------------------------------------------------------


def test_join_page_shows_the_code_form(client):
    response = client.get(reverse("quiz:join"))

    assert response.status_code == 200
    assert 'name="code"' in text(response)


def test_join_with_the_code_typed_loosely_leads_to_the_quiz(client, centre_a):
    quiz, _questions = quiz_with_questions(centre_a)
    typed = f" {quiz.code[:3].lower()} {quiz.code[3:]} "

    response = client.get(reverse("quiz:join"), {"code": typed})

    assert (response.status_code, response["Location"]) == (302, play_url(quiz))


def test_join_with_an_unknown_code_says_so_on_the_form(client, centre_a):
    quiz_with_questions(centre_a)

    response = client.get(reverse("quiz:join"), {"code": "ZZZZZZ"})

    assert response.status_code == 404
    assert response.context["form"].errors == {"code": [str(UnknownCode.default_message)]}


@pytest.mark.parametrize("typed", ["", "ABC", "ABCDEFGH"])
def test_join_with_a_malformed_code_is_a_bad_request(client, typed):
    response = client.get(reverse("quiz:join"), {"code": typed})

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["code"]


def test_play_with_an_unknown_code_shows_the_join_form(client):
    response = client.get(reverse("quiz:play", kwargs={"code": "ZZZZZZ"}))

    assert response.status_code == 404
    assert response.context["form"].errors == {"code": [str(UnknownCode.default_message)]}


def test_play_with_a_lower_case_code_goes_to_the_quizs_address(client, centre_a):
    quiz, _questions = quiz_with_questions(centre_a)

    response = client.get(reverse("quiz:play", kwargs={"code": quiz.code.lower()}))

    assert (response.status_code, response["Location"]) == (302, play_url(quiz))
    assert QuizParticipant.objects.count() == 0


# --- the participant's cookie ---------------------------------------------------------------


def test_first_visit_makes_a_participant_and_a_signed_http_only_cookie(client, centre_a):
    quiz, _questions = running_quiz(centre_a)

    response = client.get(play_url(quiz))

    participant = QuizParticipant.objects.get()
    cookie = response.cookies[f"quiz-{quiz.code}"]
    assert participant.quiz == quiz
    assert (cookie["httponly"], cookie["samesite"], cookie["secure"]) == (True, "Lax", "")
    assert participant.key in cookie.value
    assert cookie.value != participant.key


def test_cookie_is_secure_over_https(client, centre_a):
    quiz, _questions = running_quiz(centre_a)

    response = client.get(play_url(quiz), secure=True)

    assert response.cookies[f"quiz-{quiz.code}"]["secure"] is True


def test_next_visits_keep_the_same_participant(client, centre_a):
    quiz, _questions = running_quiz(centre_a)
    client.get(play_url(quiz))

    response = client.get(play_url(quiz))

    assert QuizParticipant.objects.count() == 1
    assert f"quiz-{quiz.code}" not in response.cookies


def test_tampered_cookie_counts_as_a_new_participant(client, centre_a):
    quiz, _questions = running_quiz(centre_a)
    client.get(play_url(quiz))
    first = QuizParticipant.objects.get()
    signed = client.cookies[f"quiz-{quiz.code}"].value
    client.cookies[f"quiz-{quiz.code}"] = signed[:-3] + ("AAA" if signed[-3:] != "AAA" else "BBB")

    response = client.get(play_url(quiz))

    assert QuizParticipant.objects.count() == 2
    second = QuizParticipant.objects.exclude(pk=first.pk).get()
    assert second.key in response.cookies[f"quiz-{quiz.code}"].value


def test_cookie_of_another_quiz_is_not_a_participant_here(client, centre_a):
    quiz, _questions = running_quiz(centre_a)
    other, _other_questions = running_quiz(centre_a)
    client.get(play_url(other))
    key = QuizParticipant.objects.get(quiz=other).key
    set_participant_cookie(client, quiz, key)

    client.get(play_url(quiz))

    assert QuizParticipant.objects.filter(quiz=quiz).count() == 1
    assert QuizParticipant.objects.get(quiz=quiz).key != key


def test_closed_quiz_takes_no_new_participant(client, centre_a):
    quiz, _questions = quiz_with_questions(centre_a, status="closed")

    response = client.get(play_url(quiz))

    assert response.status_code == 200
    assert response.context["state"] == "over"
    assert QuizParticipant.objects.count() == 0


# --- what the phone shows -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "state"),
    [("draft", "draft"), ("open_question", "question"), ("closed_question", "waiting")],
)
def test_play_shows_the_state_of_the_quiz(client, centre_a, manager_a, make, state):
    if make == "draft":
        quiz, _questions = quiz_with_questions(centre_a)
    else:
        quiz, _questions = running_quiz(centre_a)
    if make == "closed_question":
        services.close_question(actor=manager_a, quiz=quiz)

    response = client.get(play_url(quiz))

    assert (response.status_code, response.context["state"]) == (200, state)


def test_open_question_shows_one_button_per_answer_and_no_inline_style(client, centre_a):
    quiz, questions = running_quiz(centre_a)

    with translation.override("en"):
        response = client.get(play_url(quiz))

    body = text(response)
    assert body.count('class="quiz-answer"') == 4
    assert body.count(f'name="question" value="{questions[0].pk}"') == 4
    assert 'style="' not in body
    assert "<script>" not in body
    assert f'href="{play_url(quiz)}"' in body  # the reload link, for phones without JS


# --- answering ------------------------------------------------------------------------------


def test_answer_without_javascript_records_it_and_goes_back_to_the_page(client, centre_a):
    quiz, questions = running_quiz(centre_a)
    client.get(play_url(quiz))

    response = client.post(answer_url(quiz), {"question": questions[0].pk, "choice": 2})

    assert (response.status_code, response["Location"]) == (302, play_url(quiz))
    answer = QuizAnswer.objects.get()
    assert (answer.participant, answer.question, answer.choice) == (
        QuizParticipant.objects.get(),
        questions[0],
        2,
    )
    page = client.get(play_url(quiz))
    assert page.context["state"] == "answered"
    assert page.context["chosen"] == (2, "C", "Soudeur")


def test_answer_with_htmx_answers_the_thanks_panel(client, centre_a):
    quiz, questions = running_quiz(centre_a)
    client.get(play_url(quiz))

    response = client.post(answer_url(quiz), {"question": questions[0].pk, "choice": 0}, **HTMX)

    body = text(response)
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="quiz-panel" class="quiz-panel quiz-panel-answered"')
    assert "<html" not in body


def test_answer_without_a_visit_first_makes_the_participant_and_its_cookie(client, centre_a):
    quiz, questions = running_quiz(centre_a)

    response = client.post(answer_url(quiz), {"question": questions[0].pk, "choice": 1})

    participant = QuizParticipant.objects.get()
    assert response.status_code == 302
    assert participant.key in response.cookies[f"quiz-{quiz.code}"].value
    assert QuizAnswer.objects.get().participant == participant


def test_second_answer_is_refused_with_the_reason(client, centre_a):
    quiz, questions = running_quiz(centre_a)
    client.get(play_url(quiz))
    client.post(answer_url(quiz), {"question": questions[0].pk, "choice": 0})
    before = quiz_rows()

    response = client.post(answer_url(quiz), {"question": questions[0].pk, "choice": 1}, **HTMX)

    body = text(response)
    assert response.status_code == 409
    assert str(AlreadyAnswered.default_message) in body
    assert 'class="quiz-panel quiz-panel-answered"' in body
    assert quiz_rows() == before


def test_answer_to_a_closed_question_is_refused_and_shows_the_panel(client, centre_a, manager_a):
    quiz, questions = running_quiz(centre_a)
    client.get(play_url(quiz))
    services.close_question(actor=manager_a, quiz=quiz)
    before = quiz_rows()

    response = client.post(answer_url(quiz), {"question": questions[0].pk, "choice": 1})

    assert response.status_code == 409
    assert response.context["message"] == QuestionClosed.default_message
    assert response.context["state"] == "waiting"
    assert quiz_rows() == before


@pytest.mark.parametrize(
    "data",
    [{}, {"question": "x", "choice": "0"}, {"choice": "0"}, {"question": "1", "choice": "-1"}],
)
def test_malformed_answer_is_a_bad_request_that_writes_nothing(client, centre_a, data):
    quiz, _questions = running_quiz(centre_a)
    before = quiz_rows()

    response = client.post(answer_url(quiz), data)

    assert response.status_code == 400
    assert quiz_rows() == before
    assert f"quiz-{quiz.code}" not in response.cookies


def test_refused_answer_without_a_cookie_makes_no_participant(client, centre_a):
    quiz, questions = running_quiz(centre_a)
    before = quiz_rows()

    response = client.post(answer_url(quiz), {"question": questions[0].pk, "choice": 5})

    assert response.status_code == 422
    assert quiz_rows() == before
    assert f"quiz-{quiz.code}" not in response.cookies


def test_answer_page_refuses_get(client, centre_a):
    quiz, _questions = running_quiz(centre_a)

    assert client.get(answer_url(quiz)).status_code == 405


# --- polling --------------------------------------------------------------------------------


def test_fragment_answers_204_while_nothing_changed(client, centre_a):
    quiz, questions = running_quiz(centre_a)
    client.get(play_url(quiz))
    token = f"question-{questions[0].pk}"

    response = client.get(fragment_url(quiz, seen=token), **HTMX)

    assert (response.status_code, response.content) == (204, b"")


def test_fragment_answers_the_panel_when_the_question_changed(client, centre_a, manager_a):
    quiz, questions = running_quiz(centre_a)
    client.get(play_url(quiz))
    token = f"question-{questions[0].pk}"
    services.ask(actor=manager_a, quiz=quiz, question=questions[1].pk)

    response = client.get(fragment_url(quiz, seen=token), **HTMX)

    body = text(response)
    assert response.status_code == 200
    assert f'name="question" value="{questions[1].pk}"' in body
    assert body.count('name="csrfmiddlewaretoken"') == 4
    assert f"?seen=question-{questions[1].pk}" in body


def test_fragment_polling_makes_no_participant(client, centre_a):
    quiz, _questions = running_quiz(centre_a)

    client.get(fragment_url(quiz), **HTMX)
    client.get(fragment_url(quiz), **HTMX)

    assert QuizParticipant.objects.count() == 0
