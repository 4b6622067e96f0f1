"""Organisers' mailings: who receives each audience, the refusals (no-shows before the start,
an empty audience, a double click, bad text, someone who does not organise the event), and
the worker's delivery with its progress, once only, each message in its reader's language."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone, translation

from cocade.agenda.enums import MailingAudience, MailingStatus, RegistrationStatus
from cocade.agenda.models import EventMailing
from cocade.agenda.services import mailings
from cocade.agenda.services.registrations import cancel_registration
from cocade.agenda.tokens import manage_token
from cocade.core.errors import Forbidden, InvalidInput
from cocade.core.models import AuditLogEntry
from tests.factories.agenda import (
    AttendanceFactory,
    EventFactory,
    EventMailingFactory,
    RegistrationFactory,
)
from tests.factories.agenda_registrants import past_event

START = datetime.datetime(2030, 3, 4, 9, 0, tzinfo=datetime.UTC)


def recipients_of_outbox():
    return sorted(address for message in mail.outbox for address in message.to)


def written():
    return (
        list(EventMailing.objects.values_list("pk", flat=True)),
        AuditLogEntry.objects.count(),
    )


@pytest.fixture
def past(centre_a):
    """Confirmed: Ana (came), Bruno (did not); also one pending, one waiting, one cancelled
    and one anonymised (no address) registration, who never receive a mailing."""
    event = past_event(centre=centre_a, capacity=10, waitlist=True)
    ana = RegistrationFactory(event=event, name="Ana Sousa", email="ana@example.org")
    RegistrationFactory(event=event, name="Bruno Costa", email="bruno@example.org")
    RegistrationFactory(event=event, email="carla@example.org", status=RegistrationStatus.PENDING)
    RegistrationFactory(
        event=event, email="duarte@example.org", status=RegistrationStatus.WAITLISTED
    )
    RegistrationFactory(event=event, email="eva@example.org", status=RegistrationStatus.CANCELLED)
    RegistrationFactory(event=event, name="", email="")
    AttendanceFactory(registration=ana, day=event.half_days()[0][0], half="am")
    return event


def _mail(actor, event, audience, subject="Thank you", body="Slides attached."):
    return mailings.create_mailing(
        actor=actor, event=event, audience=audience, subject=subject, body=body
    )


# --- audiences ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        (MailingAudience.ALL, ["ana@example.org", "bruno@example.org"]),
        (MailingAudience.ATTENDEES, ["ana@example.org"]),
        (MailingAudience.NO_SHOWS, ["bruno@example.org"]),
    ],
)
def test_mailing_reaches_exactly_its_audience(
    manager_a, past, audience, expected, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mailing = _mail(manager_a, past, audience)

    mailing.refresh_from_db()
    assert recipients_of_outbox() == expected
    assert (mailing.status, mailing.total, mailing.sent) == (
        MailingStatus.SENT,
        len(expected),
        len(expected),
    )
    assert mailing.finished_at is not None


def test_audience_sizes_count_each_audience(past):
    assert mailings.audience_sizes(past) == {"all": 2, "attendees": 1, "no_shows": 1}


def test_mailing_is_audited_with_its_audience_and_size(manager_a, past):
    mailing = _mail(manager_a, past, MailingAudience.ALL)

    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.object_id, entry.changes) == (
        "agenda.mailing.created",
        manager_a,
        str(past.pk),
        {"mailing": mailing.pk, "audience": "all", "total": 2},
    )


def test_mailing_to_no_shows_before_the_start_is_refused_with_the_reason(manager_a, centre_a):
    event = EventFactory(centre=centre_a, starts_at=START, ends_at=START + datetime.timedelta(1))
    RegistrationFactory(event=event)

    with pytest.raises(InvalidInput) as refused:
        _mail(manager_a, event, MailingAudience.NO_SHOWS)

    assert (refused.value.code, refused.value.field) == ("no_shows_not_known", "audience")
    with translation.override("en"):
        assert str(refused.value.message) == (
            "No-shows are known only once the event has started (March 4, 2030, 10 a.m. "
            "(Europe/Paris)): until then, write to all confirmed registrants."
        )
    assert written() == ([], 0)


def test_mailing_to_an_empty_audience_is_refused(manager_a, centre_a):
    event = past_event(centre=centre_a)
    RegistrationFactory(event=event)

    with pytest.raises(InvalidInput) as refused:
        _mail(manager_a, event, MailingAudience.ATTENDEES)

    assert (refused.value.code, refused.value.field) == ("empty_audience", "audience")
    assert written() == ([], 0)


def test_the_same_mailing_twice_within_a_minute_is_refused(
    manager_a, past, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = _mail(manager_a, past, MailingAudience.ALL)
    before = written()

    with pytest.raises(mailings.MailingRepeated):
        _mail(manager_a, past, MailingAudience.ALL)

    assert written() == before == ([first.pk], 1)
    assert len(mail.outbox) == 2


def test_the_same_mailing_after_a_minute_is_queued_again(manager_a, past):
    first = _mail(manager_a, past, MailingAudience.ALL)
    EventMailing.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - datetime.timedelta(seconds=61)
    )

    second = _mail(manager_a, past, MailingAudience.ALL)

    assert EventMailing.objects.count() == 2
    assert second.pk != first.pk


def test_another_mailing_within_a_minute_is_queued(manager_a, past):
    _mail(manager_a, past, MailingAudience.ALL)

    _mail(manager_a, past, MailingAudience.ALL, subject="Thank you again")

    assert EventMailing.objects.count() == 2


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"subject": "   "}, "subject"),
        ({"subject": "x" * 201}, "subject"),
        ({"subject": None}, "subject"),
        ({"body": ""}, "body"),
        ({"body": "a\x00b"}, "body"),
        ({"body": "x" * 20_001}, "body"),
        ({"audience": "everyone"}, "audience"),
        ({"audience": None}, "audience"),
    ],
)
def test_mailing_with_bad_values_is_refused_naming_the_field(manager_a, past, values, field):
    arguments = {"audience": "all", "subject": "Thank you", "body": "Slides attached."} | values

    with pytest.raises(InvalidInput) as refused:
        mailings.create_mailing(actor=manager_a, event=past, **arguments)

    assert refused.value.field == field
    assert written() == ([], 0)


def test_mailing_subject_is_kept_on_one_line(manager_a, past):
    mailing = _mail(manager_a, past, MailingAudience.ALL, subject="Thank\r\nyou  all")

    assert mailing.subject == "Thank you all"


@pytest.mark.parametrize("role", ["manager_b", "counsellor_a", "public_user"])
def test_mailing_by_someone_who_does_not_organise_the_event_is_refused(request, past, role):
    with pytest.raises(Forbidden):
        _mail(request.getfixturevalue(role), past, MailingAudience.ALL)

    assert written() == ([], 0)


# --- delivery -------------------------------------------------------------------------------


@pytest.fixture
def upcoming(centre_a):
    return EventFactory(
        centre=centre_a,
        starts_at=START,
        ends_at=START + datetime.timedelta(hours=3),
        title={"fr": "Atelier CV", "en": "CV workshop"},
        original_language="fr",
        contact_email="cite-a@example.org",
    )


def test_each_message_wraps_the_organisers_text_in_the_readers_language(
    manager_a, upcoming, django_capture_on_commit_callbacks
):
    ana = RegistrationFactory(event=upcoming, name="Ana Sousa", language="en")
    joao = RegistrationFactory(event=upcoming, name="João Silva", language="pt")

    with django_capture_on_commit_callbacks(execute=True):
        _mail(manager_a, upcoming, "all", subject="Bring your CV", body="Room 2.\nSee you!")

    by_name = {message.to[0]: message for message in mail.outbox}
    english, portuguese = by_name[ana.email], by_name[joao.email]
    assert (english.subject, english.reply_to) == ("Bring your CV", ["cite-a@example.org"])
    assert english.body == (
        "Hello Ana Sousa,\n\nRoom 2.\nSee you!\n\n-- \n"
        "You receive this message from the organisers of “CV workshop” (March 4, 2030, "
        "10 a.m. (Europe/Paris)) because you registered for it. To see, cancel or delete your "
        "registration:\n"
        f"{settings.SITE_URL}/en/agenda/registration/{manage_token(ana)}/\n"
    )
    assert portuguese.subject == "Bring your CV"
    assert "Room 2.\nSee you!\n\n-- \n" in portuguese.body
    assert "“Atelier CV” (4 de Março de 2030 às 10:00 (Europe/Paris))" in portuguese.body
    assert portuguese.body.endswith(
        f"{settings.SITE_URL}/pt/agenda/registration/{manage_token(joao)}/\n"
    )


def test_a_mailing_already_sent_is_not_sent_again(
    manager_a, past, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mailing = _mail(manager_a, past, MailingAudience.ALL)

    with django_capture_on_commit_callbacks(execute=True):
        outcome = mailings.deliver_mailing(mailing.pk)

    mailing.refresh_from_db()
    assert (outcome, len(mail.outbox), mailing.sent) == ("sent", 2, 2)


def test_delivery_writes_to_the_audience_as_it_is_at_sending_time(
    manager_a, past, django_capture_on_commit_callbacks
):
    mailing = _mail(manager_a, past, MailingAudience.ALL)
    bruno = past.registrations.get(email="bruno@example.org")
    cancel_registration(registration=bruno)  # his seat goes to Duarte, who was waiting
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        outcome = mailings.deliver_mailing(mailing.pk)

    mailing.refresh_from_db()
    assert (outcome, mailing.total, mailing.sent, mailing.status) == (
        "sent",
        2,
        2,
        MailingStatus.SENT,
    )
    assert recipients_of_outbox() == ["ana@example.org", "duarte@example.org"]


def test_delivery_that_cannot_send_ends_failed(manager_a, past, settings):
    mailing = _mail(manager_a, past, MailingAudience.ALL)
    settings.EMAIL_BACKEND = "cocade.core.mail.NoSuchBackend"

    outcome = mailings.deliver_mailing(mailing.pk)

    mailing.refresh_from_db()
    assert (outcome, mailing.status, mailing.sent) == ("failed", MailingStatus.FAILED, 0)
    assert mailing.finished_at is not None


def test_delivery_of_a_mailing_being_sent_does_nothing(past):
    mailing = EventMailingFactory(event=past, status=MailingStatus.SENDING, total=2, sent=1)

    outcome = mailings.deliver_mailing(mailing.pk)

    mailing.refresh_from_db()
    assert (outcome, mailing.sent, len(mail.outbox)) == ("sending", 1, 0)


def test_delivery_of_a_deleted_mailing_does_nothing(db):
    assert mailings.deliver_mailing(123456) == "gone"
