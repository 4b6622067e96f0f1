"""Forms of the live quiz: the organisers' quiz and question forms and run buttons, the
participants' code and answer forms. They parse; `services.quiz` decides."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from cocade.agenda.models import Event
from cocade.core.errors import interpolate
from cocade.directory.models import Centre
from cocade.recruitment.models import Quiz, QuizQuestion
from cocade.recruitment.services import quiz as services


class EventChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title_i18n} · {date_format(obj.local_start, 'DATE_FORMAT')}"


class QuizForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    event = EventChoiceField(
        label=_("Event"),
        queryset=Event.objects.none(),
        required=False,
        empty_label=_("No event"),
        help_text=_("The event where the quiz is played, among those you organise."),
    )
    centre = forms.ModelChoiceField(
        label=_("Centre"),
        queryset=Centre.objects.none(),
        required=False,
        empty_label=_("No centre"),
        help_text=_(
            "Without an event: the centre whose managers may run the quiz too. With an event, "
            "the quiz belongs to the event's centre."
        ),
    )

    def __init__(self, *args: Any, user: Any, quiz: Quiz | None = None, **kwargs: Any) -> None:
        if quiz is not None and "initial" not in kwargs:
            kwargs["initial"] = {"title": quiz.title, "event": quiz.event, "centre": quiz.centre}
        super().__init__(*args, **kwargs)
        keep = quiz.event if quiz is not None and quiz.event_id else None
        event = cast(forms.ModelChoiceField, self.fields["event"])
        event.queryset = services.events_for_quizzes(user, keep=keep)
        centre = cast(forms.ModelChoiceField, self.fields["centre"])
        centre.queryset = services.centres_for_quizzes(user)


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Question"), max_length=300)
    choices = forms.CharField(
        label=_("Answers"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=interpolate(
            _("One answer per line, %(min)d to %(max)d answers."),
            {"min": services.MIN_CHOICES, "max": services.MAX_CHOICES},
        ),
    )
    correct = forms.IntegerField(
        label=_("Number of the right answer"),
        required=False,
        min_value=1,
        max_value=services.MAX_CHOICES,
        help_text=_(
            "1 for the first line, 2 for the second… Leave empty for an opinion question. "
            "The screen shows it once the answers are closed."
        ),
    )

    def __init__(self, *args: Any, question: QuizQuestion | None = None, **kwargs: Any) -> None:
        if question is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "text": question.text,
                "choices": "\n".join(question.choices),
                "correct": None if question.correct is None else question.correct + 1,
            }
        super().__init__(*args, **kwargs)

    def correct_index(self) -> int | None:
        """The right answer as the services count it (0 = the first line)."""
        number = self.cleaned_data.get("correct")
        return None if number is None else number - 1


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=(("up", _("Up")), ("down", _("Down"))))


OPEN = "open"
ASK = "ask"
NEXT = "next"
CLOSE_QUESTION = "close_question"
CLOSE_QUIZ = "close_quiz"
RESET = "reset"


class ControlForm(forms.Form):
    """A run button: `action`, with `question` for ASK and `after` (the current question the
    organiser saw, empty for none) for NEXT."""

    action = forms.ChoiceField(
        choices=(
            (OPEN, _("Open the quiz")),
            (ASK, _("Ask this question")),
            (NEXT, _("Next question")),
            (CLOSE_QUESTION, _("Close the answers")),
            (CLOSE_QUIZ, _("Close the quiz")),
            (RESET, _("Reset")),
        )
    )
    question = forms.IntegerField(required=False, min_value=1)
    after = forms.IntegerField(required=False, min_value=1)
    back = forms.ChoiceField(required=False, choices=(("", ""), ("screen", "screen")))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") == ASK and not data.get("question"):
            raise forms.ValidationError(_("Choose the question to ask."))
        return data


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Code of the quiz"),
        max_length=20,
        help_text=_("The 6 characters shown on the screen."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "inputmode": "text",
                "class": "quiz-code-input",
            }
        ),
    )

    def clean_code(self) -> str:
        code = services.normalise_code(self.cleaned_data["code"])
        if not services.is_well_formed_code(code):
            raise forms.ValidationError(
                interpolate(
                    _("A quiz code has %(length)d letters and digits."),
                    {"length": services.CODE_LENGTH},
                )
            )
        return code


class AnswerForm(forms.Form):
    question = forms.IntegerField(min_value=1)
    choice = forms.IntegerField(min_value=0, max_value=services.MAX_CHOICES - 1)
