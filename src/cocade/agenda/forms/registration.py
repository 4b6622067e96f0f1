"""The public registration form: name, email, consent, then the event's own questions.

The form only parses; `services.registrations.register_for_event` decides (window, seats,
repeated email, consents) and its refusals are shown at their field. Each question's field is
named `q_<id>`, the name the service gives its errors, so that a refusal lands at the right
question.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cocade.agenda.enums import QuestionKind
from cocade.agenda.services.registrations import MAX_ANSWER_LENGTH, choice_values
from cocade.core.errors import interpolate
from cocade.core.i18n import localize


def question_field_name(question: Any) -> str:
    return f"q_{question.pk}"


def choice_labels(question: Any) -> list[tuple[str, str]]:
    """(stored value, label in the reader's language) of each choice of a question."""
    labels = []
    for value, choice in zip(choice_values(question), question.choices or [], strict=True):
        if isinstance(choice, dict):
            label = localize(choice, question.original_language).text or value
        else:
            label = value
        labels.append((value, label))
    return labels


def _question_field(question: Any) -> forms.Field:
    label = str(question.label_i18n)
    help_text = str(question.help_text_i18n)
    if question.kind == QuestionKind.CONSENT:
        # Required consents are checked by the service, which names the question.
        return forms.BooleanField(label=label, help_text=help_text, required=False)
    required_message = interpolate(_("Please answer “%(question)s”."), {"question": label})
    if question.kind == QuestionKind.CHOICE:
        return forms.ChoiceField(
            label=label,
            help_text=help_text,
            required=question.required,
            choices=[("", _("Choose…")), *choice_labels(question)],
            error_messages={"required": required_message},
        )
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=question.required,
        max_length=MAX_ANSWER_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": required_message},
    )


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.CharField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("Your confirmation, and the link to cancel, will be sent there."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args: Any, questions: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[question_field_name(question)] = _question_field(question)
        months = settings.COCADE_REGISTRATION_RETENTION_MONTHS
        # The consent comes last, after the questions, right above the button.
        self.fields["consent"] = forms.BooleanField(
            label=_(
                "I agree that my name, email address and answers are used to manage my "
                "registration for this event."
            ),
            help_text=ngettext(
                "Only the organisers of this event see them, to welcome you and write to you "
                "about it. They are erased %(months)d month after the event. You can cancel "
                "or delete your registration at any time from the link in your confirmation "
                "email.",
                "Only the organisers of this event see them, to welcome you and write to you "
                "about it. They are erased %(months)d months after the event. You can cancel "
                "or delete your registration at any time from the link in your confirmation "
                "email.",
                months,
            )
            % {"months": months},
            required=False,
        )

    def answers(self) -> dict[str, Any]:
        """The answers as the service takes them: question id (as text) → value."""
        answers: dict[str, Any] = {}
        for question in self.questions:
            value = self.cleaned_data.get(question_field_name(question))
            if question.kind == QuestionKind.CONSENT:
                answers[str(question.pk)] = bool(value)
            elif value:
                answers[str(question.pk)] = value
        return answers
