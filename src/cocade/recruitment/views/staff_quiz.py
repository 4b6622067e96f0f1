"""The organisers' quiz pages: the list of quizzes they run with the form to create one, a
quiz's page (its questions, written while it is a draft, and the buttons that run it), the
big-screen page (join code, QR code, current question and live results) and the exports.

Only those who run a quiz (`selectors.get_quiz_to_run`) reach its pages: anyone else gets
404, so that the quiz is not revealed. Each write is one call of `services.quiz`; a refused
one (wrong state, double click, bad input) answers with the reason and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from cocade.agenda import exports, qr
from cocade.agenda import rules as agenda_rules
from cocade.core.errors import NotFound
from cocade.core.mail import absolute_url
from cocade.core.viewflow import forbidden, form_methods, form_view, posted, refused, run_action
from cocade.recruitment import forms_quiz, rules, selectors
from cocade.recruitment.enums import QuestionState, QuizStatus
from cocade.recruitment.forms_quiz import ControlForm, MoveForm, QuestionForm, QuizForm
from cocade.recruitment.models import Quiz, QuizQuestion
from cocade.recruitment.services import quiz as services

TEMPLATES = "recruitment/quiz"
STAFF_ONLY = _("Quizzes are for the staff of the network's centres.")
CREATE_REFUSED = _("Only centre managers and network coordinators create quizzes.")
BAD_EXPORT = _("Choose the CSV or XLSX format and the results or the answers.")
BAD_BUTTON = _("This button sent something unexpected. Reload the page and try again.")
EXPORT_PARTS = {"results": services.results_table, "answers": services.answers_table}
EXPORT_TITLES = {"results": _("Results"), "answers": _("Answers")}
#: The `part` of an XLSX export holding both, a sheet each.
BOTH = "both"


def quiz_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in (else to the sign-in page) and running quiz `quiz_pk` (else 404); the view
    gets the quiz instead of its pk."""

    @wraps(view)
    def wrapper(request: HttpRequest, quiz_pk: int, **kwargs: Any) -> HttpResponse:
        try:
            quiz = selectors.get_quiz_to_run(request.user, quiz_pk)
        except NotFound as error:
            raise Http404 from error
        return view(request, quiz, **kwargs)

    return login_required(wrapper)


def _quiz_url(quiz: Quiz) -> str:
    return reverse("staff_recruitment:quiz", kwargs={"quiz_pk": quiz.pk})


def _screen_url(quiz: Quiz) -> str:
    return reverse("staff_recruitment:quiz_screen", kwargs={"quiz_pk": quiz.pk})


# --- results, shared by the quiz page and the screen ----------------------------------------


@dataclass
class Bar:
    """One answer in the results: the bar's width is its share, written for SVG (a dot as
    decimal mark, whatever the language)."""

    letter: str
    text: str
    count: int
    percent: float
    width: str
    right: bool


def _bars(question: QuizQuestion) -> list[Bar]:
    reveal = question.state == QuestionState.CLOSED
    return [
        Bar(
            letter=services.letter(index),
            text=row.text,
            count=row.answers,
            percent=row.percent,
            width=f"{row.percent:.1f}",
            right=reveal and question.correct == index,
        )
        for index, row in enumerate(services.results(question))
    ]


def results_context(quiz: Quiz) -> dict[str, Any]:
    question = quiz.current
    bars = _bars(question) if question is not None else []
    ids = list(quiz.questions.order_by("position", "pk").values_list("pk", flat=True))
    return {
        "quiz": quiz,
        "question": question,
        "number": ids.index(question.pk) + 1 if question is not None else 0,
        "question_count": len(ids),
        "bars": bars,
        "answer_count": sum(bar.count for bar in bars),
        "participant_count": quiz.participants.count(),
    }


def _quiz_context(quiz: Quiz) -> dict[str, Any]:
    questions = list(quiz.questions.order_by("position", "pk"))
    following = services.next_question(quiz) if quiz.status == QuizStatus.OPEN else None
    return {
        **results_context(quiz),
        "questions": questions,
        "next_question": following,
        "is_draft": quiz.status == QuizStatus.DRAFT,
        "is_open": quiz.status == QuizStatus.OPEN,
        "join_url": absolute_url("quiz:play", code=quiz.code),
    }


# --- list and quiz pages --------------------------------------------------------------------


@login_required
@form_methods
def quizzes(request: HttpRequest) -> HttpResponse:
    """The quizzes the user runs, and the form to create one."""
    user = request.user
    if not agenda_rules.is_member(user):
        return forbidden(request, STAFF_ONLY)
    can_create = rules.can_create_quizzes(user)
    if request.method == "POST" and not can_create:
        return forbidden(request, CREATE_REFUSED)
    context = {"quizzes": list(services.quizzes_to_run(user)), "can_create": can_create}
    template = f"{TEMPLATES}/list.html"
    if not can_create:
        return render(request, template, context)
    form = QuizForm(*posted(request), user=user)
    return form_view(
        request,
        form=form,
        save=lambda: services.create_quiz(actor=user, **form.cleaned_data),
        success_message=_("Quiz created: add its questions."),
        success_url=_quiz_url,
        context=context,
        template=template,
    )


@quiz_required
@form_methods
def quiz(request: HttpRequest, quiz: Quiz) -> HttpResponse:
    """A quiz's page: its questions and run buttons; POST adds a question to a draft."""
    form = QuestionForm(*posted(request))
    return form_view(
        request,
        form=form,
        save=lambda: services.add_question(
            actor=request.user,
            quiz=quiz,
            text=form.cleaned_data["text"],
            choices=form.cleaned_data["choices"],
            correct=form.correct_index(),
        ),
        success_message=_("Question added."),
        success_url=lambda _question: f"{_quiz_url(quiz)}#questions",
        context=_quiz_context(quiz),
        template=f"{TEMPLATES}/quiz.html",
    )


@quiz_required
@form_methods
def quiz_edit(request: HttpRequest, quiz: Quiz) -> HttpResponse:
    form = QuizForm(*posted(request), user=request.user, quiz=quiz)
    return form_view(
        request,
        form=form,
        save=lambda: services.update_quiz(actor=request.user, quiz=quiz, **form.cleaned_data),
        success_message=_("Quiz saved."),
        success_url=_quiz_url,
        context={"quiz": quiz},
        template=f"{TEMPLATES}/quiz_form.html",
    )


def _question(quiz: Quiz, question_pk: int) -> QuizQuestion:
    return get_object_or_404(QuizQuestion.objects.select_related("quiz"), quiz=quiz, pk=question_pk)


@quiz_required
@form_methods
def quiz_question(request: HttpRequest, quiz: Quiz, question_pk: int) -> HttpResponse:
    question = _question(quiz, question_pk)
    form = QuestionForm(*posted(request), question=question)
    return form_view(
        request,
        form=form,
        save=lambda: services.update_question(
            actor=request.user,
            question=question,
            text=form.cleaned_data["text"],
            choices=form.cleaned_data["choices"],
            correct=form.correct_index(),
        ),
        success_message=_("Question saved."),
        success_url=lambda _question: f"{_quiz_url(quiz)}#questions",
        context={"quiz": quiz, "question": question, "is_draft": quiz.status == QuizStatus.DRAFT},
        template=f"{TEMPLATES}/question_form.html",
    )


@quiz_required
@require_POST
def quiz_question_move(request: HttpRequest, quiz: Quiz, question_pk: int) -> HttpResponse:
    question = _question(quiz, question_pk)
    form = MoveForm(request.POST)
    back_url = f"{_quiz_url(quiz)}#questions"
    if not form.is_valid():
        return refused(request, _("Move a question up or down."), back_url, 400)
    return run_action(
        request,
        action=lambda: services.move_question(
            actor=request.user, question=question, direction=form.cleaned_data["direction"]
        ),
        success_message=_("Question moved."),
        next_url=back_url,
    )


@quiz_required
@require_POST
def quiz_question_delete(request: HttpRequest, quiz: Quiz, question_pk: int) -> HttpResponse:
    question = _question(quiz, question_pk)
    return run_action(
        request,
        action=lambda: services.delete_question(actor=request.user, question=question),
        success_message=_("Question deleted."),
        next_url=f"{_quiz_url(quiz)}#questions",
    )


# --- running --------------------------------------------------------------------------------

CONTROLS: dict[str, tuple[Callable[[Any, Quiz, dict[str, Any]], Any], Any]] = {
    forms_quiz.OPEN: (
        lambda actor, quiz, data: services.open_quiz(actor=actor, quiz=quiz),
        _("The quiz is open: participants can join and wait for the first question."),
    ),
    forms_quiz.ASK: (
        lambda actor, quiz, data: services.ask(actor=actor, quiz=quiz, question=data["question"]),
        _("The question is asked: answers are open."),
    ),
    forms_quiz.NEXT: (
        lambda actor, quiz, data: services.ask_next(actor=actor, quiz=quiz, after=data["after"]),
        _("The next question is asked: answers are open."),
    ),
    forms_quiz.CLOSE_QUESTION: (
        lambda actor, quiz, data: services.close_question(actor=actor, quiz=quiz),
        _("Answers to the question are closed."),
    ),
    forms_quiz.CLOSE_QUIZ: (
        lambda actor, quiz, data: services.close_quiz(actor=actor, quiz=quiz),
        _("The quiz is closed."),
    ),
    forms_quiz.RESET: (
        lambda actor, quiz, data: services.reset_quiz(actor=actor, quiz=quiz),
        _("The quiz is a draft again, without participants or answers."),
    ),
}


@quiz_required
@require_POST
def quiz_control(request: HttpRequest, quiz: Quiz) -> HttpResponse:
    """The run buttons (POST `action`), from the quiz page or the screen (`back=screen`)."""
    form = ControlForm(request.POST)
    back_url = _screen_url(quiz) if request.POST.get("back") == "screen" else _quiz_url(quiz)
    if not form.is_valid():
        return refused(request, BAD_BUTTON, back_url, 400)
    do, message = CONTROLS[form.cleaned_data["action"]]
    return run_action(
        request,
        action=lambda: do(request.user, quiz, form.cleaned_data),
        success_message=message,
        next_url=back_url,
    )


@quiz_required
@require_safe
def quiz_screen(request: HttpRequest, quiz: Quiz) -> HttpResponse:
    """The big screen: join code, QR code, current question and its live results."""
    join_url = absolute_url("quiz:play", code=quiz.code)
    context = {
        **_quiz_context(quiz),
        "join_url": join_url,
        "join_page": absolute_url("quiz:join").split("://", 1)[-1],
        "qr": mark_safe(qr.qr_svg(join_url)),  # noqa: S308 (SVG made by qrcode from our URL)
    }
    return render(request, f"{TEMPLATES}/screen.html", context)


@never_cache
@quiz_required
@require_safe
def quiz_results_fragment(request: HttpRequest, quiz: Quiz) -> HttpResponse:
    """The screen's live part, polled every 2 seconds."""
    context = {**results_context(quiz), "big": request.GET.get("big") == "1"}
    return render(request, f"{TEMPLATES}/_results.html", context)


@quiz_required
@require_safe
def quiz_export(request: HttpRequest, quiz: Quiz) -> HttpResponse:
    """`?format=csv|xlsx&part=results|answers|both`: the results per question and answer,
    every answer with an anonymous participant number, or (XLSX only) both as two sheets of
    one workbook."""
    file_format = request.GET.get("format", "csv")
    part = request.GET.get("part", "results")
    parts = list(EXPORT_PARTS) if part == BOTH and file_format == "xlsx" else [part]
    if file_format not in exports.FORMATS or not set(parts) <= set(EXPORT_PARTS):
        return refused(request, BAD_EXPORT, _quiz_url(quiz), 400)
    sheets = [(str(EXPORT_TITLES[name]), EXPORT_PARTS[name](quiz)) for name in parts]
    if file_format == "xlsx":
        content = exports.to_xlsx_book(sheets)
    else:
        content = exports.to_csv(sheets[0][1])
    services.record_export(
        actor=request.user,
        quiz=quiz,
        file_format=file_format,
        part=part,
        rows=sum(len(table.rows) for _title, table in sheets),
    )
    response = HttpResponse(content, content_type=exports.FORMATS[file_format])
    response["Content-Disposition"] = content_disposition_header(
        True, f"quiz-{quiz.code.lower()}-{part}.{file_format}"
    )
    return response
