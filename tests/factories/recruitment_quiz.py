"""Quizzes ready to play: a quiz of a centre's event with its questions, as a draft or
running with one question open."""

from cocade.core.models import AuditLogEntry
from cocade.recruitment.enums import QuestionState, QuizStatus
from cocade.recruitment.models import Quiz, QuizAnswer, QuizParticipant, QuizQuestion
from tests.factories.recruitment import QuizFactory, QuizQuestionFactory

CHOICES = ["Boulanger", "Infirmier", "Soudeur", "Comptable"]


def quiz_with_questions(centre, count: int = 3, **kwargs) -> tuple[Quiz, list[QuizQuestion]]:
    """A draft quiz at an event of `centre`, with `count` questions (the right answer is
    the first choice)."""
    quiz = QuizFactory(event__centre=centre, **kwargs)
    questions = [
        QuizQuestionFactory(quiz=quiz, position=index, text=f"Question {index + 1} ?")
        for index in range(count)
    ]
    return quiz, questions


def running_quiz(centre, count: int = 3, asked: int = 0) -> tuple[Quiz, list[QuizQuestion]]:
    """A running quiz whose question `asked` is open for answers (those before it closed)."""
    quiz, questions = quiz_with_questions(centre, count)
    for question in questions[:asked]:
        question.state = QuestionState.CLOSED
        question.save(update_fields=["state"])
    current = questions[asked]
    current.state = QuestionState.OPEN
    current.save(update_fields=["state"])
    quiz.status = QuizStatus.OPEN
    quiz.current = current
    quiz.save(update_fields=["status", "current"])
    return quiz, questions


def quiz_rows() -> list:
    """Every row of the quiz tables and of the audit trail, to compare before and after a
    refused request."""
    return [
        list(AuditLogEntry.objects.order_by("pk").values("pk", "action", "changes")),
        list(Quiz.objects.order_by("pk").values()),
        list(QuizQuestion.objects.order_by("pk").values()),
        list(QuizParticipant.objects.order_by("pk").values()),
        list(QuizAnswer.objects.order_by("pk").values()),
    ]
