"""The participants' quiz pages (namespace `quiz`), for phones and without an account.

`join` asks for the quiz's code (case and spaces do not matter) and leads to `play`, the
page the QR code on the screen opens too. `play` shows what the quiz is at: not started, the
question open for answers (one big button per answer), "answer recorded", waiting for the
next question, or over. With JavaScript it asks `play_fragment` every 2 seconds whether
something changed (204 when not); without, a link reloads the page.

On the first visit the phone becomes a participant: a `QuizParticipant` row whose random
key goes into a signed cookie `quiz-<code>` (HttpOnly, SameSite=Lax, Secure over HTTPS).
Nothing else is kept: no account, no IP address. A cookie that was altered counts as none,
so that phone becomes a new participant.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from cocade.core.errors import DomainError
from cocade.recruitment.enums import QuestionState, QuizStatus
from cocade.recruitment.errors import UnknownCode
from cocade.recruitment.forms_quiz import AnswerForm, JoinForm
from cocade.recruitment.models import Quiz, QuizParticipant
from cocade.recruitment.services import quiz as services

TEMPLATES = "recruitment/quiz"
COOKIE_SALT = "cocade.recruitment.quiz.participant"
COOKIE_AGE = 60 * 60 * 24 * 2  # seconds: a quiz is played within a day or two
NO_CHOICE = _("Choose one of the answers.")

DRAFT = "draft"
WAITING = "waiting"
QUESTION = "question"
ANSWERED = "answered"
OVER = "over"


def _join_page(request: HttpRequest, form: JoinForm, status: int = 200) -> HttpResponse:
    return render(request, f"{TEMPLATES}/join.html", {"form": form}, status=status)


def _unknown(request: HttpRequest, raw_code: str) -> HttpResponse:
    """The join form holding the code that leads nowhere, with the reason (404)."""
    form = JoinForm({"code": raw_code})
    if form.is_valid():
        form.add_error("code", str(UnknownCode.default_message))
    return _join_page(request, form, status=404)


def with_quiz(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The view gets the quiz of the address's code; an unknown code shows the join form."""

    @wraps(view)
    def wrapper(request: HttpRequest, code: str, **kwargs: Any) -> HttpResponse:
        try:
            quiz = services.find_quiz(code)
        except UnknownCode:
            return _unknown(request, code)
        return view(request, quiz, **kwargs)

    return wrapper


# --- the participant's cookie ---------------------------------------------------------------


def _cookie_name(quiz: Quiz) -> str:
    return f"quiz-{quiz.code}"


def _participant(request: HttpRequest, quiz: Quiz) -> QuizParticipant | None:
    """The participant of this phone, or None (no cookie, an altered or expired one, or one
    whose participant was deleted when the quiz was reset)."""
    key = request.get_signed_cookie(
        _cookie_name(quiz), default=None, salt=COOKIE_SALT, max_age=COOKIE_AGE
    )
    return services.participant_of(quiz, key)


def _remember(
    request: HttpRequest, response: HttpResponse, quiz: Quiz, participant: QuizParticipant
) -> None:
    response.set_signed_cookie(
        _cookie_name(quiz),
        participant.key,
        salt=COOKIE_SALT,
        max_age=COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


# --- what the phone shows -------------------------------------------------------------------


def _panel(quiz: Quiz, participant: QuizParticipant | None, message: Any = None) -> dict:
    """The state of the quiz for this participant, and the token that changes with it."""
    asked = quiz.current
    question = (
        asked
        if quiz.status == QuizStatus.OPEN
        and asked is not None
        and asked.state == QuestionState.OPEN
        else None
    )
    chosen = services.answer_of(participant, question)
    if quiz.status == QuizStatus.DRAFT:
        state = DRAFT
    elif quiz.status == QuizStatus.CLOSED:
        state = OVER
    elif question is None:
        state = WAITING
    else:
        state = QUESTION if chosen is None else ANSWERED
    choices = (
        [(index, services.letter(index), text) for index, text in enumerate(question.choices)]
        if question is not None
        else []
    )
    return {
        "quiz": quiz,
        "state": state,
        "question": question,
        "choices": choices,
        "chosen": choices[chosen] if chosen is not None and chosen < len(choices) else None,
        "token": f"{state}-{question.pk if question is not None else 0}",
        "message": message,
    }


def _page(request: HttpRequest, panel: dict, status: int = 200) -> HttpResponse:
    """The whole page, or only the panel for htmx."""
    template = f"{TEMPLATES}/play.html"
    if getattr(request, "htmx", False):
        template += "#panel"
    return render(request, template, panel, status=status)


# --- views ----------------------------------------------------------------------------------


@require_safe
def join(request: HttpRequest) -> HttpResponse:
    """The form to type a quiz's code (`?code=`): on to the quiz, or the reason."""
    if "code" not in request.GET:
        return _join_page(request, JoinForm())
    form = JoinForm(request.GET)
    if not form.is_valid():
        return _join_page(request, form, status=400)
    try:
        quiz = services.find_quiz(form.cleaned_data["code"])
    except UnknownCode as error:
        form.add_error("code", str(error.message))
        return _join_page(request, form, status=404)
    return redirect("quiz:play", code=quiz.code)


@never_cache
@require_safe
@with_quiz
def play(request: HttpRequest, quiz: Quiz) -> HttpResponse:
    if request.resolver_match and request.resolver_match.kwargs.get("code") != quiz.code:
        return redirect("quiz:play", code=quiz.code)
    participant = _participant(request, quiz)
    joined = participant is None and quiz.status != QuizStatus.CLOSED
    if joined:
        participant = services.join_quiz(quiz=quiz)
    response = _page(request, _panel(quiz, participant))
    if joined and participant is not None:
        _remember(request, response, quiz, participant)
    return response


@never_cache
@require_safe
@with_quiz
def play_fragment(request: HttpRequest, quiz: Quiz) -> HttpResponse:
    """The panel, polled by the page: 204 while it is what the page shows (`?seen=`)."""
    panel = _panel(quiz, _participant(request, quiz))
    if request.GET.get("seen") == panel["token"]:
        return HttpResponse(status=204)
    return render(request, f"{TEMPLATES}/play.html#panel", panel)


@never_cache
@require_POST
@with_quiz
def answer(request: HttpRequest, quiz: Quiz) -> HttpResponse:
    """POST `question` and `choice` (the answer's index). Refusals (quiz not running,
    question closed, already answered, no such answer) show the panel with the reason."""
    participant = _participant(request, quiz)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _page(request, _panel(quiz, participant, NO_CHOICE), status=400)
    try:
        saved = services.answer(
            quiz=quiz,
            participant_key=participant.key if participant is not None else None,
            question_id=form.cleaned_data["question"],
            choice=form.cleaned_data["choice"],
        )
    except DomainError as error:
        status = error.status if 400 <= error.status < 500 else 400
        return _page(request, _panel(quiz, participant, error.message), status=status)
    if getattr(request, "htmx", False):
        response = _page(request, _panel(quiz, saved.participant))
    else:
        response = redirect("quiz:play", code=quiz.code)
    if participant is None:
        _remember(request, response, quiz, saved.participant)
    return response
