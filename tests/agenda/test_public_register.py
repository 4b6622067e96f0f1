"""Registering from the public form: the happy path with its email, custom questions, the
signed-in person's prefilled and linked registration, each refusal shown on the form with
nothing written, and who may reach the form at all."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from cocade.agenda import tokens
from cocade.agenda.enums import Audience, EventStatus, QuestionKind, RegistrationStatus
from cocade.agenda.models import Event, Registration
from tests.factories.agenda import (
    EventFactory,
    InvitationFactory,
    QuestionFactory,
    RegistrationFactory,
    in_days,
)


def url(event, language="en"):
    with translation.override(language):
        return reverse("agenda:register", kwargs={"slug": event.slug})


def form_data(**changes):
    data = {"name": "Ana Sousa", "email": "ana@example.org", "consent": "on"}
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def state(event):
    event = Event.objects.get(pk=event.pk)
    rows = sorted(Registration.objects.filter(event=event).values_list("email", "status"))
    return event.confirmed_count, rows


def errors(response):
    return {field: list(messages) for field, messages in response.context["form"].errors.items()}


@pytest.fixture
def event(centre_a):
    return EventFactory(centre=centre_a, slug="atelier", capacity=2)


def test_register_form_asks_name_email_questions_and_consent_in_order(client, event):
    first = QuestionFactory(event=event, position=1, label={"fr": "Votre métier", "en": "Your job"})
    second = QuestionFactory(
        event=event,
        position=2,
        kind=QuestionKind.CHOICE,
        label={"fr": "Repas", "en": "Lunch"},
        help_text={"en": "We order the meals the day before."},
        choices=[{"fr": "Végétarien", "en": "Vegetarian"}, {"fr": "Sans"}],
        required=True,
    )

    response = client.get(url(event))

    form = response.context["form"]
    assert list(form.fields) == ["name", "email", f"q_{first.pk}", f"q_{second.pk}", "consent"]
    assert (form.fields[f"q_{second.pk}"].choices, form.fields[f"q_{second.pk}"].help_text) == (
        [("", "Choose…"), ("Végétarien", "Vegetarian"), ("Sans", "Sans")],
        "We order the meals the day before.",
    )
    assert "erased 12 months after the event" in response.content.decode()


def test_register_confirms_redirects_and_emails_the_registrant(
    client, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(event), form_data())

    registration = Registration.objects.get(event=event)
    prefix, token = response["Location"].rstrip("/").rsplit("/", 1)
    assert (response.status_code, prefix) == (303, "/en/agenda/registered")
    assert tokens.read_token(token, tokens.MANAGE) == registration
    assert (
        registration.name,
        registration.email,
        registration.status,
        registration.language,
        registration.user,
    ) == ("Ana Sousa", "ana@example.org", RegistrationStatus.CONFIRMED, "en", None)
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    assert state(event)[0] == 1


def test_register_in_another_language_records_it(client, event):
    client.post(url(event, "pt"), form_data())

    assert Registration.objects.get(event=event).language == "pt"


@pytest.mark.parametrize(
    ("changes", "status", "message"),
    [
        ({"waitlist": True}, "waitlisted", "The event is full: you are on the waiting list."),
        ({"moderation": True}, "pending", "Your registration awaits the organisers' approval."),
    ],
)
def test_register_thank_you_page_says_waitlisted_or_pending(
    client, centre_a, changes, status, message
):
    event = EventFactory(centre=centre_a, capacity=1, **changes)
    RegistrationFactory(event=event)

    response = client.post(url(event), form_data(), follow=True)

    content = response.content.decode().replace("&#x27;", "'")
    registration = Registration.objects.get(event=event, email="ana@example.org")
    assert registration.status == status
    assert f'<p class="lead">{message}' in content
    assert "An email is on its way to ana@example.org" in content


def test_register_stores_the_answers_to_custom_questions(client, event):
    job = QuestionFactory(event=event, position=1, label={"fr": "Métier"}, required=True)
    lunch = QuestionFactory(
        event=event,
        position=2,
        kind=QuestionKind.CHOICE,
        choices=[{"fr": "Végétarien", "en": "Vegetarian"}, {"fr": "Sans"}],
    )
    photos = QuestionFactory(event=event, position=3, kind=QuestionKind.CONSENT)
    mailing = QuestionFactory(event=event, position=4, kind=QuestionKind.CONSENT)

    response = client.post(
        url(event),
        form_data(
            **{
                f"q_{job.pk}": "  Menuisière ",
                f"q_{lunch.pk}": "Végétarien",
                f"q_{photos.pk}": "on",
            }
        ),
    )

    assert response.status_code == 303
    assert Registration.objects.get(event=event).answers == {
        str(job.pk): "Menuisière",
        str(lunch.pk): "Végétarien",
        str(photos.pk): True,
        str(mailing.pk): False,
    }


def test_register_signed_in_person_is_prefilled_and_linked(client, event, public_user):
    client.force_login(public_user)

    form = client.get(url(event)).context["form"]
    client.post(url(event), form_data(name=public_user.full_name, email=public_user.email))

    assert (form.initial["name"], form.initial["email"]) == (
        public_user.full_name,
        "public@example.org",
    )
    assert Registration.objects.get(event=event).user == public_user


@pytest.mark.parametrize(
    ("setup", "data", "status", "field", "message"),
    [
        (
            "full",
            {},
            409,
            None,
            "This event is full.",
        ),
        (
            "closed",
            {},
            409,
            None,
            "Registration for this event is closed.",
        ),
        (
            "not_open",
            {},
            409,
            None,
            "Registration for this event has not opened yet.",
        ),
        (
            "cancelled_event",
            {},
            409,
            None,
            "Registration for this event is closed.",
        ),
        (
            "already",
            {"email": "first@EXAMPLE.org"},
            409,
            "email",
            "This email address is already registered for this event.",
        ),
        ("none", {"consent": None}, 400, "consent", "Please give your consent to register."),
        ("none", {"email": "ana@"}, 400, "email", "Enter a valid email address."),
        ("none", {"name": ""}, 400, "name", "This field is required."),
        ("none", {"name": "   "}, 400, "name", "This field is required."),
        (
            "none",
            {"name": "x" * 151},
            400,
            "name",
            "Ensure this value has at most 150 characters (it has 151).",
        ),
    ],
)
def test_register_refusal_is_shown_on_the_form_and_writes_nothing(
    client, centre_a, setup, data, status, field, message, django_capture_on_commit_callbacks
):
    event = EventFactory(centre=centre_a, capacity=1)
    if setup in {"full", "already"}:
        RegistrationFactory(event=event, email="first@example.org")
    elif setup == "closed":
        Event.objects.filter(pk=event.pk).update(
            registration_opens_at=in_days(-5), registration_closes_at=in_days(-1)
        )
    elif setup == "not_open":
        Event.objects.filter(pk=event.pk).update(registration_opens_at=in_days(2))
    elif setup == "cancelled_event":
        Event.objects.filter(pk=event.pk).update(status=EventStatus.CANCELLED)
    before = state(event)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(url(event), form_data(**data))

    assert (response.status_code, errors(response)) == (status, {field or "__all__": [message]})
    assert (state(event), callbacks, mail.outbox) == (before, [], [])
    assert message in response.content.decode().replace("&#x27;", "'")


def test_register_double_click_says_already_registered(client, event):
    client.post(url(event), form_data())
    before = state(event)

    response = client.post(url(event), form_data())

    assert (response.status_code, errors(response)) == (
        409,
        {"email": ["This email address is already registered for this event."]},
    )
    assert state(event) == before


@pytest.mark.parametrize(
    ("answers", "field", "message"),
    [
        ({}, "job", "Please answer “Job”."),
        (
            {"lunch": "Pizza"},
            "lunch",
            "Select a valid choice. Pizza is not one of the available choices.",
        ),
        ({"rules": ""}, "rules", "Please agree to “Rules”."),
    ],
)
def test_register_question_refusal_is_shown_at_the_question_and_writes_nothing(
    client, event, answers, field, message
):
    questions = {
        "job": QuestionFactory(
            event=event, position=1, label={"en": "Job"}, original_language="en", required=True
        ),
        "lunch": QuestionFactory(
            event=event, position=2, kind=QuestionKind.CHOICE, choices=[{"fr": "Sans"}]
        ),
        "rules": QuestionFactory(
            event=event,
            position=3,
            kind=QuestionKind.CONSENT,
            label={"en": "Rules"},
            original_language="en",
            required=True,
        ),
    }
    data = {"q_" + str(questions["job"].pk): "Baker", "q_" + str(questions["rules"].pk): "on"}
    for name, value in answers.items():
        data[f"q_{questions[name].pk}"] = value
    if not answers:
        data.pop(f"q_{questions['job'].pk}")
    before = state(event)

    response = client.post(url(event), form_data(**data))

    assert (response.status_code, errors(response)) == (
        400,
        {f"q_{questions[field].pk}": [message]},
    )
    assert state(event) == before


def test_register_for_a_members_event_sends_an_anonymous_visitor_to_sign_in(client, centre_a):
    event = EventFactory(centre=centre_a, audience=Audience.MEMBERS)

    get = client.get(url(event))
    post = client.post(url(event), form_data())

    assert (get.status_code, post.status_code) == (302, 302)
    assert get["Location"] == f"/en/accounts/login/?next={url(event)}"
    assert state(event) == (0, [])


def test_register_for_an_unknown_event_sends_an_anonymous_visitor_to_sign_in_alike(client, db):
    with translation.override("en"):
        address = reverse("agenda:register", kwargs={"slug": "nothing-here"})

    response = client.get(address)

    assert (response.status_code, response["Location"]) == (
        302,
        f"/en/accounts/login/?next={address}",
    )


def test_register_for_a_members_event_as_a_member_works(client, centre_a, counsellor_a):
    event = EventFactory(centre=centre_a, audience=Audience.MEMBERS)
    client.force_login(counsellor_a)

    response = client.post(url(event), form_data(email=counsellor_a.email))

    assert (response.status_code, state(event)) == (
        303,
        (1, [(counsellor_a.email, RegistrationStatus.CONFIRMED)]),
    )


@pytest.mark.parametrize("role", ["public_user", "manager_b"])
def test_register_is_404_for_signed_in_people_who_may_not_see_the_event(
    client, request, centre_a, counsellor_a, role
):
    members = EventFactory(centre=centre_a, audience=Audience.MEMBERS)
    meeting = InvitationFactory(event__centre=None, user=counsellor_a).event
    draft = EventFactory(centre=centre_a, status=EventStatus.DRAFT)
    client.force_login(request.getfixturevalue(role))

    statuses = [
        client.get(url(event)).status_code
        for event in ([meeting, draft] if role == "manager_b" else [members, meeting, draft])
    ]
    posted = client.post(url(meeting), form_data()).status_code

    assert (set(statuses), posted, Registration.objects.count()) == ({404}, 404, 0)


def test_register_for_a_meeting_as_an_invitee_works(client, counsellor_a):
    meeting = InvitationFactory(event__centre=None, user=counsellor_a).event
    client.force_login(counsellor_a)

    response = client.post(url(meeting), form_data(email=counsellor_a.email))

    assert (response.status_code, Registration.objects.get(event=meeting).user) == (
        303,
        counsellor_a,
    )


def test_register_for_a_meeting_as_an_organiser_not_invited_is_refused(
    client, coordinator, counsellor_a
):
    meeting = InvitationFactory(event__centre=None, user=counsellor_a).event
    client.force_login(coordinator)

    get = client.get(url(meeting))
    post = client.post(url(meeting), form_data(email=coordinator.email))

    assert "Only invited people may register for this meeting." in get.content.decode()
    assert (post.status_code, errors(post)) == (
        403,
        {"__all__": ["Only invited people may register for this meeting."]},
    )
    assert state(meeting) == (0, [])


def test_register_page_of_a_full_event_without_waiting_list_shows_no_form(client, centre_a):
    event = EventFactory(centre=centre_a, capacity=1)
    RegistrationFactory(event=event)

    content = client.get(url(event)).content.decode()

    assert (
        '<p class="agenda-state agenda-state-full" role="status">This event is full.</p>' in content
    )
    assert '<form method="post" action="/en/agenda/' not in content
