"""Live quizzes: organisers write multiple-choice questions, run the quiz on a big screen and
ask the questions one at a time; participants answer from their phone through the quiz's
short code (or its QR code), without an account.

A participant is a `QuizParticipant` row whose random `key` the phone keeps in a signed
cookie; nothing else is known about them (no account, no address, no IP). The database's
unique constraint (participant, question) is what allows one answer per question: two taps
at the same instant write one answer, the other is refused with `AlreadyAnswered`. Someone
who clears their cookies becomes a new participant and may answer again, as with an
anonymous voting box.

Organisers' writes check that the actor runs the quiz (anything else is `NotFound`), lock
the quiz's row, validate, write and record the audit entry in one transaction, so that a
refused change writes nothing. Questions are written while the quiz is a draft; once it has
been opened they stay as they are, since the answers point at their choices.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, IntegerField, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cocade.accounts.enums import Role
from cocade.accounts.selectors import centre_ids_with_role, is_network_coordinator
from cocade.agenda import rules as agenda_rules
from cocade.agenda.exports import Table
from cocade.agenda.models import Event
from cocade.agenda.selectors import events_organised_by
from cocade.core.audit import diff, record_action, snapshot
from cocade.core.errors import Conflict, DomainError, Forbidden, InvalidInput, NotFound, interpolate
from cocade.core.ordering import move_one_place
from cocade.directory.models import Centre
from cocade.recruitment import rules
from cocade.recruitment.enums import QuestionState, QuizStatus
from cocade.recruitment.errors import AlreadyAnswered, QuestionClosed, QuizNotOpen, UnknownCode
from cocade.recruitment.models import (
    CODE_ALPHABET,
    Quiz,
    QuizAnswer,
    QuizParticipant,
    QuizQuestion,
)

MIN_CHOICES = 2
MAX_CHOICES = 6
MAX_CHOICE_LENGTH = 120
CODE_LENGTH = 6
#: Characters people type between the code's letters, and that the code never holds.
CODE_SEPARATORS = str.maketrans("", "", " \t\r\n-.")
#: Events offered for a new quiz: those not over for more than this.
RECENT_EVENTS = timedelta(days=1)
AUDITED_QUIZ = ("title", "event", "centre")
AUDITED_QUESTION = ("text", "choices", "correct", "position")
NEW_CODE_ATTEMPTS = 5
#: Answers are shown as A, B, C… on the screen and the phones.
LETTERS = "ABCDEF"
#: `ask(after=UNCHECKED)`: ask whatever the current question is.
UNCHECKED: Any = object()


class QuizNotDraft(Conflict):
    code = "quiz_not_draft"
    default_message = _(
        "The questions can be changed only before the quiz is opened. Reset the quiz to change "
        "them."
    )


class NoQuestions(Conflict):
    code = "no_questions"
    default_message = _("Add at least one question before opening the quiz.")


class QuizAlreadyOpen(Conflict):
    code = "quiz_open"
    default_message = _("The quiz is already running.")


class QuestionAlreadyOpen(Conflict):
    code = "question_open"
    default_message = _("This question is already open for answers.")


class NoOpenQuestion(Conflict):
    code = "no_open_question"
    default_message = _("No question is open for answers.")


class LastQuestion(Conflict):
    code = "last_question"
    default_message = _("That was the last question: close the quiz, or ask one again.")


class StaleQuiz(Conflict):
    code = "stale"
    default_message = _(
        "The quiz moved on in the meantime (another screen or a second click). Look at the "
        "question now shown and try again."
    )


class UnknownParticipant(InvalidInput):
    code = "unknown_participant"
    default_message = _("Open the quiz again from its code to take part.")


class Result(NamedTuple):
    """One choice of a question: its text, how many chose it and their share (0–100)."""

    text: str
    answers: int
    percent: float


# --- reads ----------------------------------------------------------------------------------


def _count_of(model: Any) -> Coalesce:
    rows = model.objects.filter(quiz=OuterRef("pk")).order_by().values("quiz")
    return Coalesce(
        Subquery(rows.annotate(n=Count("pk")).values("n"), output_field=IntegerField()),
        Value(0),
    )


def quizzes_to_run(user: Any) -> QuerySet[Quiz]:
    """The quizzes `user` may run (the rule of `rules.can_run_quiz`), newest first, with
    `question_count` and `participant_count`."""
    if not getattr(user, "is_authenticated", False):
        return Quiz.objects.none()
    quizzes = Quiz.objects.select_related("event", "centre").annotate(
        question_count=_count_of(QuizQuestion), participant_count=_count_of(QuizParticipant)
    )
    if is_network_coordinator(user):
        return quizzes
    managed = centre_ids_with_role(user, Role.CENTRE_MANAGER)
    own = Q(event__isnull=True) & (Q(centre_id__in=managed) | Q(created_by=user))
    return quizzes.filter(Q(event__in=events_organised_by(user).values("pk")) | own)


def events_for_quizzes(user: Any, *, keep: Event | None = None) -> QuerySet[Event]:
    """The events a quiz of `user` may belong to: those they organise that are not long
    over (plus `keep`, a quiz's current event)."""
    recent = Q(ends_at__gte=timezone.now() - RECENT_EVENTS)
    if keep is not None:
        recent |= Q(pk=keep.pk)
    return events_organised_by(user).filter(recent).order_by("starts_at", "pk")


def centres_for_quizzes(user: Any) -> QuerySet[Centre]:
    """The centres a quiz of `user` may belong to: any for a coordinator, else those they
    manage."""
    if is_network_coordinator(user):
        return Centre.objects.all()
    return Centre.objects.filter(pk__in=centre_ids_with_role(user, Role.CENTRE_MANAGER))


def normalise_code(raw: Any) -> str:
    """A code as typed: case and spaces (or dashes) do not matter."""
    return str(raw or "").translate(CODE_SEPARATORS).upper()


def is_well_formed_code(code: str) -> bool:
    return len(code) == CODE_LENGTH and all(char in CODE_ALPHABET for char in code)


def find_quiz(raw_code: Any) -> Quiz:
    """The quiz of a code as typed or read in an address; `UnknownCode` otherwise."""
    code = normalise_code(raw_code)
    quiz = (
        Quiz.objects.select_related("current").filter(code=code).first()
        if is_well_formed_code(code)
        else None
    )
    if quiz is None:
        raise UnknownCode()
    return quiz


def participant_of(quiz: Quiz, key: Any) -> QuizParticipant | None:
    if not isinstance(key, str) or not key:
        return None
    return QuizParticipant.objects.filter(quiz=quiz, key=key).first()


def answer_of(participant: QuizParticipant | None, question: QuizQuestion | None) -> int | None:
    """The choice `participant` gave to `question`, or None."""
    if participant is None or question is None:
        return None
    return (
        QuizAnswer.objects.filter(participant=participant, question=question)
        .values_list("choice", flat=True)
        .first()
    )


def letter(index: int) -> str:
    return LETTERS[index] if 0 <= index < len(LETTERS) else str(index + 1)


def _percent(count: int, total: int) -> float:
    return round(100 * count / total, 1) if total else 0.0


def results(question: QuizQuestion) -> list[Result]:
    """Each choice of `question` with its count and share of the answers (one query)."""
    counts = dict(
        QuizAnswer.objects.filter(question=question)
        .order_by()
        .values_list("choice")
        .annotate(n=Count("pk"))
    )
    total = sum(counts.values())
    return [
        Result(
            text=text, answers=counts.get(index, 0), percent=_percent(counts.get(index, 0), total)
        )
        for index, text in enumerate(question.choices)
    ]


def next_question(quiz: Quiz) -> QuizQuestion | None:
    """The question after the current one (the first when none was asked yet)."""
    questions = list(quiz.questions.order_by("position", "pk"))
    if quiz.current_id is None:
        return questions[0] if questions else None
    ids = [question.pk for question in questions]
    if quiz.current_id not in ids:
        return None
    index = ids.index(quiz.current_id) + 1
    return questions[index] if index < len(questions) else None


# --- exports --------------------------------------------------------------------------------


def results_table(quiz: Quiz) -> Table:
    """Per question and choice: the count, the share and whether it is the right answer."""
    questions = list(quiz.questions.order_by("position", "pk"))
    counts: dict[tuple[int, int], int] = {
        (question_id, choice): n
        for question_id, choice, n in QuizAnswer.objects.filter(question__quiz=quiz)
        .order_by()
        .values_list("question_id", "choice")
        .annotate(n=Count("pk"))
    }
    header = [
        gettext("Question number"),
        gettext("Question"),
        gettext("Answer"),
        gettext("Count"),
        gettext("Percent"),
        gettext("Right answer"),
    ]
    rows = []
    for number, question in enumerate(questions, start=1):
        total = sum(counts.get((question.pk, i), 0) for i in range(len(question.choices)))
        for index, text in enumerate(question.choices):
            count = counts.get((question.pk, index), 0)
            right = gettext("yes") if question.correct == index else ""
            rows.append([number, question.text, text, count, _percent(count, total), right])
    return Table(header=header, rows=rows)


def answers_table(quiz: Quiz) -> Table:
    """Every answer, anonymous: participants are numbered 1, 2… in the order they joined."""
    zone = quiz.event.zone if quiz.event is not None else timezone.get_current_timezone()
    numbers = {
        question_id: number
        for number, question_id in enumerate(
            quiz.questions.order_by("position", "pk").values_list("pk", flat=True), start=1
        )
    }
    answers = (
        QuizAnswer.objects.filter(question__quiz=quiz)
        .select_related("question")
        .order_by("participant_id", "question__position", "question_id")
    )
    participants: dict[int, int] = {}
    rows = []
    for item in answers:
        number = participants.setdefault(item.participant_id, len(participants) + 1)
        choices = item.question.choices
        choice = choices[item.choice] if 0 <= item.choice < len(choices) else ""
        rows.append(
            [
                number,
                numbers[item.question_id],
                item.question.text,
                choice,
                item.answered_at.astimezone(zone),
            ]
        )
    header = [
        gettext("Participant"),
        gettext("Question number"),
        gettext("Question"),
        gettext("Answer"),
        gettext("Answered at (%(zone)s)") % {"zone": str(zone)},
    ]
    return Table(header=header, rows=rows)


def record_export(*, actor: Any, quiz: Quiz, file_format: str, part: str, rows: int) -> None:
    with transaction.atomic():
        _record(
            actor,
            "recruitment.quiz.exported",
            quiz,
            {"format": file_format, "part": part, "rows": rows},
        )


# --- shared checks --------------------------------------------------------------------------


def _check_runs(actor: Any, quiz: Quiz) -> None:
    if not rules.can_run_quiz(actor, quiz):
        raise NotFound()


def _locked(quiz: Quiz) -> Quiz:
    """The quiz's row, locked for the rest of the transaction."""
    current = Quiz.objects.select_for_update().filter(pk=quiz.pk).first()
    if current is None:
        raise NotFound()
    return current


def _locked_draft(actor: Any, quiz: Quiz) -> Quiz:
    _check_runs(actor, quiz)
    current = _locked(quiz)
    if current.status != QuizStatus.DRAFT:
        raise QuizNotDraft()
    return current


def _question_of(quiz: Quiz, question: Any) -> QuizQuestion:
    pk = getattr(question, "pk", question)
    found = quiz.questions.filter(pk=pk).first() if isinstance(pk, int) else None
    if found is None:
        raise NotFound()
    return found


def _centre_id(quiz: Quiz) -> int | None:
    if quiz.centre_id:
        return quiz.centre_id
    return quiz.event.centre_id if quiz.event is not None else None


def _record(actor: Any, action: str, quiz: Quiz, changes: dict[str, Any]) -> None:
    record_action(
        actor=actor, action=action, target=quiz, centre_id=_centre_id(quiz), changes=changes
    )


def _full_clean(instance: Any, exclude: Sequence[str]) -> None:
    try:
        instance.full_clean(exclude=list(exclude))
    except ValidationError as error:
        raise DomainError.from_validation_error(error) from error


def _place(actor: Any, event: Event | None, centre: Centre | None) -> Centre | None:
    """The centre of a quiz held at `event` (its centre) or for `centre`, both checked
    against what `actor` organises or manages."""
    if event is not None:
        if not agenda_rules.is_organiser(actor, event):
            raise InvalidInput(_("Choose an event you organise."), field="event")
        if centre is not None and centre.pk != event.centre_id:
            raise InvalidInput(
                _("This event belongs to another centre: leave the centre empty."),
                field="centre",
            )
        return event.centre
    if centre is not None and not centres_for_quizzes(actor).filter(pk=centre.pk).exists():
        raise InvalidInput(_("Choose a centre you manage."), field="centre")
    return centre


# --- quizzes --------------------------------------------------------------------------------


def create_quiz(
    *, actor: Any, title: str, event: Event | None = None, centre: Centre | None = None
) -> Quiz:
    """A new draft quiz with a fresh code, held at `event` or for `centre` (or neither: the
    author's own quiz)."""
    if not rules.can_create_quizzes(actor):
        raise Forbidden(_("Only centre managers and network coordinators create quizzes."))
    quiz = Quiz(
        title=(title or "").strip(),
        event=event,
        centre=_place(actor, event, centre),
        created_by=actor,
    )
    _full_clean(quiz, exclude=("event", "centre", "current", "created_by", "code"))
    for attempt in range(NEW_CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                quiz.save()
                _record(actor, "recruitment.quiz.created", quiz, snapshot(quiz, AUDITED_QUIZ))
        except IntegrityError:  # the random code is taken: draw another
            if attempt == NEW_CODE_ATTEMPTS - 1:
                raise
            quiz.pk = None
            quiz.code = Quiz._meta.get_field("code").get_default()
        else:
            break
    return quiz


def update_quiz(
    *, actor: Any, quiz: Quiz, title: str, event: Event | None = None, centre: Centre | None = None
) -> Quiz:
    _check_runs(actor, quiz)
    with transaction.atomic():
        current = _locked(quiz)
        before = snapshot(current, AUDITED_QUIZ)
        current.title = (title or "").strip()
        current.event = event
        current.centre = _place(actor, event, centre)
        _full_clean(current, exclude=("event", "centre", "current", "created_by", "code"))
        current.save(update_fields=["title", "event", "centre"])
        changed = diff(before, snapshot(current, AUDITED_QUIZ))
        if changed:
            _record(actor, "recruitment.quiz.changed", current, changed)
    return current


# --- questions ------------------------------------------------------------------------------


def _choices(lines: Any) -> list[str]:
    """The answers typed one per line: 2 to 6, each said once."""
    if isinstance(lines, str):
        lines = lines.splitlines()
    if not isinstance(lines, Iterable) or not all(isinstance(line, str) for line in lines):
        raise InvalidInput(_("Give the answers as lines of text."), field="choices")
    texts = [" ".join(line.split()) for line in lines]
    texts = [text for text in texts if text]
    if not MIN_CHOICES <= len(texts) <= MAX_CHOICES:
        raise InvalidInput(
            interpolate(
                _("Give %(min)d to %(max)d answers, one per line."),
                {"min": MIN_CHOICES, "max": MAX_CHOICES},
            ),
            field="choices",
        )
    if len({text.casefold() for text in texts}) != len(texts):
        raise InvalidInput(_("Two answers are the same."), field="choices")
    if any(len(text) > MAX_CHOICE_LENGTH for text in texts):
        raise InvalidInput(
            interpolate(
                _("An answer is longer than %(max)d characters."), {"max": MAX_CHOICE_LENGTH}
            ),
            field="choices",
        )
    return texts


def _apply(question: QuizQuestion, text: str, choices: Any, correct: int | None) -> None:
    question.text = " ".join((text or "").split())
    question.choices = _choices(choices)
    if correct is not None and not (
        isinstance(correct, int) and 0 <= correct < len(question.choices)
    ):
        raise InvalidInput(
            interpolate(
                _("The right answer is the number of one of the answers: 1 to %(count)d."),
                {"count": len(question.choices)},
            ),
            field="correct",
        )
    question.correct = correct
    _full_clean(question, exclude=("quiz",))


def add_question(
    *, actor: Any, quiz: Quiz, text: str, choices: Any, correct: int | None = None
) -> QuizQuestion:
    """A question at the end of a draft quiz; `correct` is the index of the right answer
    (0 = the first line), or None."""
    with transaction.atomic():
        current = _locked_draft(actor, quiz)
        last = current.questions.aggregate(last=Max("position"))["last"]
        question = QuizQuestion(quiz=current, position=0 if last is None else last + 1)
        _apply(question, text, choices, correct)
        question.save()
        values = snapshot(question, AUDITED_QUESTION)
        _record(actor, "recruitment.quiz_question.created", current, {"after": values})
    return question


def update_question(
    *, actor: Any, question: QuizQuestion, text: str, choices: Any, correct: int | None = None
) -> QuizQuestion:
    with transaction.atomic():
        current_quiz = _locked_draft(actor, question.quiz)
        current = _question_of(current_quiz, question)
        before = snapshot(current, AUDITED_QUESTION)
        _apply(current, text, choices, correct)
        current.save()
        changed = diff(before, snapshot(current, AUDITED_QUESTION))
        if changed:
            _record(actor, "recruitment.quiz_question.changed", current_quiz, changed)
    return current


def move_question(*, actor: Any, question: QuizQuestion, direction: str) -> QuizQuestion:
    """One place `up` or `down` (positions are renumbered 0, 1, 2… on the way)."""
    if direction not in ("up", "down"):
        raise InvalidInput(_("Move a question up or down."), field="direction")
    with transaction.atomic():
        current_quiz = _locked_draft(actor, question.quiz)
        ordered = list(current_quiz.questions.order_by("position", "pk"))
        moved, before = move_one_place(ordered, question.pk, direction)
        _record(
            actor,
            "recruitment.quiz_question.moved",
            current_quiz,
            {"text": moved.text, "position": {"before": before, "after": moved.position}},
        )
    return moved


def delete_question(*, actor: Any, question: QuizQuestion) -> None:
    with transaction.atomic():
        current_quiz = _locked_draft(actor, question.quiz)
        current = _question_of(current_quiz, question)
        values = snapshot(current, AUDITED_QUESTION)
        current.delete()
        _record(actor, "recruitment.quiz_question.deleted", current_quiz, {"before": values})


# --- running the quiz -----------------------------------------------------------------------


def _close_open_questions(quiz: Quiz, *, but: QuizQuestion | None = None) -> None:
    open_questions = quiz.questions.filter(state=QuestionState.OPEN)
    if but is not None:
        open_questions = open_questions.exclude(pk=but.pk)
    open_questions.update(state=QuestionState.CLOSED)


def _running(actor: Any, quiz: Quiz) -> Quiz:
    _check_runs(actor, quiz)
    current = _locked(quiz)
    if current.status != QuizStatus.OPEN:
        raise QuizNotOpen()
    return current


def open_quiz(*, actor: Any, quiz: Quiz) -> Quiz:
    """Open a draft (or closed) quiz: participants who join wait for the first question."""
    _check_runs(actor, quiz)
    with transaction.atomic():
        current = _locked(quiz)
        if current.status == QuizStatus.OPEN:
            raise QuizAlreadyOpen()
        if not current.questions.exists():
            raise NoQuestions()
        before = current.status
        current.status = QuizStatus.OPEN
        current.save(update_fields=["status"])
        _record(
            actor,
            "recruitment.quiz.opened",
            current,
            {"status": {"before": before, "after": current.status}},
        )
    return current


def ask(*, actor: Any, quiz: Quiz, question: Any, after: Any = UNCHECKED) -> Quiz:
    """Open `question` for answers (a QuizQuestion or its pk) and close the one before.

    `after`, when given, is the pk of the question the organiser saw as current (None for
    none): if the quiz moved on meanwhile (a second click, another screen), `StaleQuiz`."""
    with transaction.atomic():
        current = _running(actor, quiz)
        if after is not UNCHECKED and current.current_id != after:
            raise StaleQuiz()
        asked = _question_of(current, question)
        if asked.state == QuestionState.OPEN and current.current_id == asked.pk:
            raise QuestionAlreadyOpen()
        _close_open_questions(current, but=asked)
        asked.state = QuestionState.OPEN
        asked.save(update_fields=["state"])
        previous = current.current_id
        current.current = asked
        current.save(update_fields=["current"])
        _record(
            actor,
            "recruitment.quiz_question.asked",
            current,
            {"current": {"before": previous, "after": asked.pk}, "text": asked.text},
        )
    return current


def ask_next(*, actor: Any, quiz: Quiz, after: Any) -> Quiz:
    """Ask the question after the current one; `after` as in `ask`."""
    with transaction.atomic():
        current = _running(actor, quiz)
        if current.current_id != after:
            raise StaleQuiz()
        following = next_question(current)
        if following is None:
            raise LastQuestion()
        return ask(actor=actor, quiz=current, question=following)


def close_question(*, actor: Any, quiz: Quiz) -> Quiz:
    """Close the answers to the current question; the screen keeps showing its results."""
    with transaction.atomic():
        current = _running(actor, quiz)
        asked = current.current
        if asked is None or asked.state != QuestionState.OPEN:
            raise NoOpenQuestion()
        asked.state = QuestionState.CLOSED
        asked.save(update_fields=["state"])
        _record(
            actor,
            "recruitment.quiz_question.closed",
            current,
            {"question": asked.pk, "text": asked.text},
        )
    return current


def close_quiz(*, actor: Any, quiz: Quiz) -> Quiz:
    with transaction.atomic():
        current = _running(actor, quiz)
        _close_open_questions(current)
        current.status = QuizStatus.CLOSED
        current.save(update_fields=["status"])
        _record(
            actor,
            "recruitment.quiz.closed",
            current,
            {"status": {"before": QuizStatus.OPEN, "after": QuizStatus.CLOSED}},
        )
    return current


def reset_quiz(*, actor: Any, quiz: Quiz) -> Quiz:
    """Back to a draft with no participant and no answer (after a rehearsal, say)."""
    _check_runs(actor, quiz)
    with transaction.atomic():
        current = _locked(quiz)
        participants = current.participants.count()
        answers = QuizAnswer.objects.filter(question__quiz=current).count()
        current.participants.all().delete()
        current.questions.update(state=QuestionState.WAITING)
        before = current.status
        current.status = QuizStatus.DRAFT
        current.current = None
        current.save(update_fields=["status", "current"])
        _record(
            actor,
            "recruitment.quiz.reset",
            current,
            {
                "status": {"before": before, "after": current.status},
                "participants_deleted": participants,
                "answers_deleted": answers,
            },
        )
    return current


# --- participants ---------------------------------------------------------------------------


def _hold_open(question: QuizQuestion) -> bool:
    """Whether the question is open, read so that it stays open until this transaction ends.

    On PostgreSQL the row is locked FOR SHARE: answers do not wait for one another, closing
    the question waits for the answers in flight, and an answer that comes after the close
    reads it closed. SQLite takes its write lock at BEGIN (IMMEDIATE), which already puts the
    answer wholly before or wholly after the close: the row as read in this transaction holds."""
    if connection.vendor != "postgresql":
        return question.state == QuestionState.OPEN
    quote, meta = connection.ops.quote_name, QuizQuestion._meta
    table, key, state = (
        quote(meta.db_table),
        quote(meta.pk.column),
        quote(meta.get_field("state").column),
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 1 FROM {table} WHERE {key} = %s AND {state} = %s FOR SHARE",  # noqa: S608
            [question.pk, QuestionState.OPEN],
        )
        return cursor.fetchone() is not None


def join_quiz(*, quiz: Quiz) -> QuizParticipant:
    """A new participant (a phone's first visit); a closed quiz takes no one."""
    if quiz.status == QuizStatus.CLOSED:
        raise QuizNotOpen()
    return QuizParticipant.objects.create(quiz=quiz)


def answer(*, quiz: Quiz, participant_key: str | None, question_id: Any, choice: Any) -> QuizAnswer:
    """Record a participant's `choice` (index of the answer) to the open question.

    Refused (nothing written): `QuizNotOpen`, `QuestionClosed` (not the quiz's current open
    question), `InvalidInput` (no such answer), `UnknownParticipant` and `AlreadyAnswered`.
    `participant_key` None: someone who has no key yet; the participant is created with the
    answer, or not at all when the answer is refused. The unique constraint decides between
    two answers sent at once: the second is refused."""
    with transaction.atomic():
        current = Quiz.objects.select_related("current").filter(pk=quiz.pk).first()
        if current is None or current.status != QuizStatus.OPEN:
            raise QuizNotOpen()
        question = current.current
        if question is None or question.pk != question_id or not _hold_open(question):
            raise QuestionClosed()
        is_index = isinstance(choice, int) and not isinstance(choice, bool)
        if not is_index or not 0 <= choice < len(question.choices):
            raise InvalidInput(_("Choose one of the answers."), field="choice")
        participant = (
            join_quiz(quiz=current)
            if participant_key is None
            else participant_of(current, participant_key)
        )
        if participant is None:
            raise UnknownParticipant()
        try:
            with transaction.atomic():
                return QuizAnswer.objects.create(
                    participant=participant, question=question, choice=choice
                )
        except IntegrityError as error:
            raise AlreadyAnswered() from error
