"""The custom questions of an event's registration form: adding, changing, ordering and
deleting them, and what is refused once people have answered."""

import pytest
from django.urls import reverse
from django.utils import translation

from cocade.agenda.enums import QuestionKind
from cocade.agenda.models import Question
from cocade.agenda.services.event_parts import add_question, move_question, update_question
from cocade.core.errors import Conflict, InvalidInput
from cocade.core.models import AuditLogEntry
from tests.factories.agenda import EventFactory, QuestionFactory, RegistrationFactory


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(f"staff_agenda:{name}", kwargs=kwargs)


def question_data(**overrides):
    data = {
        "kind": "choice",
        "label_fr": "Votre situation",
        "label_en": "Your situation",
        "help_text_fr": "",
        "choices": "Demandeur d'emploi\n\n  Salarié  \nÉtudiant\nSalarié\n",
        "required": "on",
    }
    data.update(overrides)
    return data


def rows(event):
    return list(
        Question.objects.filter(event=event)
        .order_by("position", "pk")
        .values_list("label", "kind", "choices", "required", "position")
    )


def errors_of(response, field):
    return [str(error) for error in response.context["form"].errors.get(field, [])]


@pytest.mark.django_db
def test_add_choice_question_keeps_one_choice_per_line(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a, original_language="fr")
    QuestionFactory(event=event, position=4)
    client.force_login(manager_a)

    response = client.post(url("event_questions", pk=event.pk), question_data())

    question = Question.objects.filter(event=event).latest("pk")
    assert (response.status_code, response["Location"]) == (
        302,
        url("event_questions", pk=event.pk),
    )
    assert (question.kind, question.required, question.position) == ("choice", True, 5)
    assert question.choices == [
        {"fr": "Demandeur d'emploi"},
        {"fr": "Salarié"},
        {"fr": "Étudiant"},
    ]
    assert AuditLogEntry.objects.get().action == "agenda.question.created"


@pytest.mark.django_db
def test_add_text_question_drops_the_choices(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    client.force_login(manager_a)

    client.post(url("event_questions", pk=event.pk), question_data(kind="text"))

    assert Question.objects.get().choices == []


@pytest.mark.django_db
def test_add_choice_question_without_choices_is_refused(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    client.force_login(manager_a)

    response = client.post(url("event_questions", pk=event.pk), question_data(choices=" \n "))

    assert response.status_code == 400
    assert errors_of(response, "choices") == ["A choice question needs its choices, one per line."]
    assert (Question.objects.count(), AuditLogEntry.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_add_question_without_a_label_in_the_original_language_is_refused(
    client, manager_a, centre_a
):
    event = EventFactory(centre=centre_a, original_language="fr")
    client.force_login(manager_a)

    response = client.post(url("event_questions", pk=event.pk), question_data(label_fr=""))

    assert response.status_code == 400
    assert errors_of(response, "label") == [
        "Give at least the text in the original language (Français)."
    ]
    assert Question.objects.count() == 0


@pytest.mark.django_db
def test_add_question_of_an_unknown_type_is_refused(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    client.force_login(manager_a)

    response = client.post(url("event_questions", pk=event.pk), question_data(kind="essay"))

    assert response.status_code == 400
    assert Question.objects.count() == 0


@pytest.mark.django_db
def test_edit_choices_keeps_the_translations_of_unchanged_choices(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    question = QuestionFactory(
        event=event,
        kind=QuestionKind.CHOICE,
        choices=[{"fr": "Oui", "en": "Yes"}, {"fr": "Non", "en": "No"}],
    )
    client.force_login(manager_a)

    response = client.post(
        url("event_question_edit", pk=event.pk, question_pk=question.pk),
        question_data(label_fr="Venez-vous ?", choices="Oui\nPeut-être"),
    )

    question.refresh_from_db()
    assert response.status_code == 302
    assert question.choices == [{"fr": "Oui", "en": "Yes"}, {"fr": "Peut-être"}]


@pytest.mark.django_db
def test_edit_form_shows_the_choices_one_per_line(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    question = QuestionFactory(
        event=event, kind=QuestionKind.CHOICE, choices=[{"fr": "Oui"}, {"fr": "Non"}]
    )
    client.force_login(manager_a)

    response = client.get(url("event_question_edit", pk=event.pk, question_pk=question.pk))

    assert response.context["form"].initial["choices"] == "Oui\nNon"


@pytest.mark.django_db
def test_changing_the_type_of_an_answered_question_is_refused_with_the_reason(
    client, manager_a, centre_a
):
    event = EventFactory(centre=centre_a)
    question = QuestionFactory(event=event, kind=QuestionKind.TEXT)
    RegistrationFactory(event=event, answers={str(question.pk): "Bonjour"})
    before = rows(event)
    client.force_login(manager_a)

    response = client.post(
        url("event_question_edit", pk=event.pk, question_pk=question.pk), question_data()
    )

    assert response.status_code == 409
    assert errors_of(response, "kind") == [
        "People have already answered this question, so its type cannot change: their "
        "answers were given to the question as it is. Add a new question instead."
    ]
    assert (rows(event), AuditLogEntry.objects.count()) == (before, 0)


@pytest.mark.django_db
def test_changing_the_label_of_an_answered_question_is_allowed(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    question = QuestionFactory(event=event, kind=QuestionKind.TEXT)
    RegistrationFactory(event=event, answers={str(question.pk): "Bonjour"})
    client.force_login(manager_a)

    response = client.post(
        url("event_question_edit", pk=event.pk, question_pk=question.pk),
        question_data(kind="text", label_fr="Un mot pour nous ?", required=""),
    )

    question.refresh_from_db()
    assert (response.status_code, question.label["fr"], question.required) == (
        302,
        "Un mot pour nous ?",
        False,
    )


@pytest.mark.django_db
def test_delete_unanswered_question(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    question = QuestionFactory(event=event)
    RegistrationFactory(event=event, answers={})
    client.force_login(manager_a)

    response = client.post(url("event_question_delete", pk=event.pk, question_pk=question.pk))

    assert (response.status_code, Question.objects.count()) == (302, 0)
    assert AuditLogEntry.objects.get().action == "agenda.question.deleted"


@pytest.mark.django_db
def test_delete_answered_question_is_refused_with_the_reason(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    question = QuestionFactory(event=event, kind=QuestionKind.CONSENT)
    RegistrationFactory(event=event, answers={str(question.pk): True})
    client.force_login(manager_a)

    response = client.post(url("event_question_delete", pk=event.pk, question_pk=question.pk))

    assert response.status_code == 409
    assert (
        "People have already answered this question: deleting it would lose their answers."
        in response.content.decode()
    )
    assert (Question.objects.count(), AuditLogEntry.objects.count()) == (1, 0)


@pytest.mark.django_db
def test_questions_page_marks_answered_questions_and_offers_no_delete(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    answered = QuestionFactory(event=event)
    free = QuestionFactory(event=event)
    RegistrationFactory(event=event, answers={str(answered.pk): "Oui"})
    client.force_login(manager_a)

    response = client.get(url("event_questions", pk=event.pk))

    page = response.content.decode()
    assert [row["answered"] for row in response.context["rows"]] == [True, False]
    assert url("event_question_delete", pk=event.pk, question_pk=answered.pk) not in page
    assert url("event_question_delete", pk=event.pk, question_pk=free.pk) in page


@pytest.mark.django_db
def test_move_question_up_swaps_it_with_the_one_before(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    QuestionFactory(event=event, position=3, label={"fr": "Un"})
    QuestionFactory(event=event, position=7, label={"fr": "Deux"})
    third = QuestionFactory(event=event, position=9, label={"fr": "Trois"})
    client.force_login(manager_a)

    response = client.post(
        url("event_question_move", pk=event.pk, question_pk=third.pk), {"direction": "up"}
    )

    assert response.status_code == 302
    assert [row[0]["fr"] for row in rows(event)] == ["Un", "Trois", "Deux"]
    assert [row[4] for row in rows(event)] == [0, 1, 2]
    assert AuditLogEntry.objects.get().action == "agenda.question.moved"


@pytest.mark.django_db
def test_move_the_first_question_up_is_refused(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    first = QuestionFactory(event=event, position=0)
    QuestionFactory(event=event, position=1)
    before = rows(event)
    client.force_login(manager_a)

    response = client.post(
        url("event_question_move", pk=event.pk, question_pk=first.pk), {"direction": "up"}
    )

    assert response.status_code == 409
    assert (rows(event), AuditLogEntry.objects.count()) == (before, 0)


@pytest.mark.django_db
def test_move_without_a_direction_is_refused(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    question = QuestionFactory(event=event)
    before = rows(event)
    client.force_login(manager_a)

    response = client.post(
        url("event_question_move", pk=event.pk, question_pk=question.pk), {"direction": "left"}
    )

    assert response.status_code == 400
    assert rows(event) == before


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["counsellor_a", "manager_b"])
def test_questions_are_hidden_from_those_who_do_not_organise(client, request, role, centre_a):
    event = EventFactory(centre=centre_a)
    question = QuestionFactory(event=event)
    before = rows(event)
    client.force_login(request.getfixturevalue(role))

    statuses = [
        client.get(url("event_questions", pk=event.pk)).status_code,
        client.post(url("event_questions", pk=event.pk), question_data()).status_code,
        client.post(url("event_question_delete", pk=event.pk, question_pk=question.pk)).status_code,
    ]

    assert statuses == [404, 404, 404]
    assert rows(event) == before


@pytest.mark.django_db
def test_add_question_service_refuses_unknown_fields(manager_a, centre_a):
    event = EventFactory(centre=centre_a)

    with pytest.raises(InvalidInput) as refused:
        add_question(
            actor=manager_a, event=event, data={"kind": "text", "label": {"fr": "X"}, "event": 3}
        )

    assert (refused.value.field, Question.objects.count()) == ("event", 0)


@pytest.mark.django_db
def test_add_question_service_refuses_too_many_choices(manager_a, centre_a):
    event = EventFactory(centre=centre_a)

    with pytest.raises(InvalidInput) as refused:
        add_question(
            actor=manager_a,
            event=event,
            data={
                "kind": "choice",
                "label": {"fr": "X"},
                "choices": [f"Choix {n}" for n in range(51)],
            },
        )

    assert (refused.value.field, Question.objects.count()) == ("choices", 0)


@pytest.mark.django_db
def test_update_question_service_refuses_a_kind_change_once_answered(manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    question = QuestionFactory(event=event, kind=QuestionKind.TEXT)
    RegistrationFactory(event=event, answers={str(question.pk): "Bonjour"})

    with pytest.raises(Conflict) as refused:
        update_question(actor=manager_a, question=question, data={"kind": "consent"})

    question.refresh_from_db()
    assert (refused.value.code, question.kind) == ("question_answered", QuestionKind.TEXT)


@pytest.mark.django_db
def test_move_question_service_down_from_the_last_place_is_refused(manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    last = QuestionFactory(event=event)

    with pytest.raises(Conflict):
        move_question(actor=manager_a, question=last, direction="down")

    assert AuditLogEntry.objects.count() == 0
