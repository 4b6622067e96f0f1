"""The candidates' emails, built by the worker in the candidate's language: application
received, pre-selection (once each, whatever the clicks), the timetable with its PDF, calendar
file and QR code (once each), and a changed timetable.

The candidates of these tests are Portuguese: their emails are in Portuguese (the expected
texts are read from the catalogue), the links carry their language (`/pt/...`) and times
follow Portuguese formats (24-hour clock)."""

import re

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from icalendar import Calendar

from cocade.agenda import qr
from cocade.agenda.enums import RegistrationStatus
from cocade.agenda.models import Registration
from cocade.agenda.tokens import MANAGE, check_in_token, read_token
from cocade.core.mail import emails_suppressed
from cocade.recruitment.enums import ApplicationStatus, InterviewStatus, Phase
from cocade.recruitment.models import Candidate
from cocade.recruitment.notifications_candidates import (
    send_application_received,
    send_invitations,
    send_timetable_change,
    send_timetables,
)
from cocade.recruitment.tasks_candidates import (
    send_invitations_task,
    send_timetable_change_task,
    send_timetables_task,
)
from tests.factories.agenda import RegistrationFactory
from tests.factories.recruitment import (
    ApplicationFactory,
    CandidateFactory,
    CompanyFactory,
    InterviewFactory,
    OfferFactory,
    RecruitmentDayFactory,
)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"


@pytest.fixture
def _fixed_signing_time(monkeypatch):
    """Signed tokens hold the second they were made in; pinned, a QR code can be rebuilt."""
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: "1xUihV")


@pytest.fixture
def day(centre_a):
    return RecruitmentDayFactory(
        event__centre=centre_a,
        event__slug="speed-porto",
        event__title={"pt": "Speed Recruitment Porto"},
        event__contact_email="emprego@cite-a.example.org",
    )


@pytest.fixture
def companies(day):
    return [CompanyFactory(day=day, name=name) for name in ("Ribeira Software", "Douro Logística")]


def candidate_named(day, name, language="pt"):
    registration = RegistrationFactory(
        event=day.event,
        name=name,
        email=f"{name.split()[0].lower()}@example.org",
        language=language,
    )
    return CandidateFactory(day=day, registration=registration)


def pt(text, **params):
    """`text` as the Portuguese catalogue gives it, with its parameters."""
    with translation.override("pt"):
        return gettext(text) % params if params else gettext(text)


EVENT = "Speed Recruitment Porto"
LINE = "%(start)s–%(end)s · %(company)s, table %(table)s"
LINE_OFFER = "%(start)s–%(end)s · %(company)s, table %(table)s · %(offer)s"


def pages_linked(body, language):
    with translation.override(language):
        prefix = "http://127.0.0.1:8000" + reverse("recruitment:candidate", kwargs={"token": "T"})
    start, end = prefix.split("T", 1)
    tokens = re.findall(re.escape(start) + r"([^/\s]+)" + re.escape(end), body)
    return [read_token(token, MANAGE) for token in tokens]


# --- application received -------------------------------------------------------------------


def test_application_received_lists_the_choices_and_links_the_page(day, companies):
    candidate = candidate_named(day, "Ana Sousa")
    offer = OfferFactory(company=companies[1], title="Motorista")
    ApplicationFactory(candidate=candidate, company=companies[1], offer=offer, rank=1)
    ApplicationFactory(candidate=candidate, company=companies[0], rank=2)

    outcome = send_application_received(candidate.pk)

    message = mail.outbox[0]
    assert (outcome, message.to, message.subject) == (
        "sent",
        ["ana@example.org"],
        "[COCADE] " + pt("Application received: %(event)s", event=EVENT),
    )
    assert "1. Douro Logística · Motorista\n2. Ribeira Software\n" in message.body
    assert pages_linked(message.body, "pt") == [candidate.registration]
    assert "emprego@cite-a.example.org" in message.body


def test_application_received_for_a_candidate_gone_meanwhile_sends_nothing(day):
    candidate = candidate_named(day, "Ana Sousa")
    Registration.objects.filter(pk=candidate.registration.pk).update(
        status=RegistrationStatus.CANCELLED
    )

    assert (send_application_received(candidate.pk), mail.outbox) == ("gone", [])


# --- invitations ----------------------------------------------------------------------------


@pytest.fixture
def shortlisted(day, companies):
    """Ana (two applications, one pre-selected), Bruno (pre-selected), Carla (only applied),
    Duarte (pre-selected, already told) and Eva (pre-selected, withdrawn)."""
    people = {
        name: candidate_named(day, name) for name in ("Ana", "Bruno", "Carla", "Duarte", "Eva")
    }
    ApplicationFactory(candidate=people["Ana"], company=companies[0], rank=1)
    ApplicationFactory(
        candidate=people["Ana"], company=companies[1], rank=2, status=ApplicationStatus.SHORTLISTED
    )
    for name in ("Bruno", "Duarte", "Eva"):
        ApplicationFactory(
            candidate=people[name], company=companies[0], status=ApplicationStatus.SHORTLISTED
        )
    ApplicationFactory(candidate=people["Carla"], company=companies[0])
    Candidate.objects.filter(pk=people["Duarte"].pk).update(invited_at=timezone.now())
    Registration.objects.filter(pk=people["Eva"].registration.pk).update(
        status=RegistrationStatus.CANCELLED
    )
    return people


def test_send_invitations_tells_each_preselected_candidate_once(day, shortlisted):
    sent = send_invitations(day)
    again = send_invitations(day)

    assert (sent, again) == (2, 0)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "ana@example.org",
        "bruno@example.org",
    ]
    ana = next(message for message in mail.outbox if message.to == ["ana@example.org"])
    assert ana.subject == "[COCADE] " + pt("You are pre-selected: %(event)s", event=EVENT)
    assert "- Douro Logística\n" in ana.body
    assert "Ribeira Software" not in ana.body
    assert (
        pt(
            "The organisers are now planning the interviews: your timetable follows in another "
            "email."
        )
        in ana.body
    )
    assert sorted(
        Candidate.objects.filter(invited_at__isnull=False).values_list(
            "registration__name", flat=True
        )
    ) == ["Ana", "Bruno", "Duarte"]


def test_send_invitations_task_sends_once_the_enqueuing_transaction_commits(
    day, shortlisted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_invitations_task.enqueue(day.pk)
        send_invitations_task.enqueue(day.pk)

    assert len(mail.outbox) == 2


def test_send_invitations_under_suppression_sends_and_marks_nothing(day, shortlisted):
    with emails_suppressed():
        sent = send_invitations(day)

    assert (sent, mail.outbox, Candidate.objects.filter(invited_at__isnull=False).count()) == (
        0,
        [],
        1,
    )


# --- timetables -----------------------------------------------------------------------------


@pytest.fixture
def scheduled(day, companies):
    """Ana has two interviews (one cancelled), Bruno one, Carla none."""
    ana, bruno = candidate_named(day, "Ana Sousa"), candidate_named(day, "Bruno Lima")
    candidate_named(day, "Carla Reis")
    offer = OfferFactory(company=companies[0], title="Programadora")
    InterviewFactory(
        application=ApplicationFactory(
            candidate=ana,
            company=companies[0],
            offer=offer,
            status=ApplicationStatus.SHORTLISTED,
        ),
        slot=2,
    )
    InterviewFactory(
        application=ApplicationFactory(
            candidate=ana, company=companies[1], rank=2, status=ApplicationStatus.SHORTLISTED
        ),
        slot=0,
        table=2,
    )
    InterviewFactory(
        application=ApplicationFactory(
            candidate=bruno, company=companies[1], status=ApplicationStatus.SHORTLISTED
        ),
        slot=5,
        status=InterviewStatus.CANCELLED,
    )
    InterviewFactory(
        application=ApplicationFactory(
            candidate=bruno, company=companies[0], rank=2, status=ApplicationStatus.SHORTLISTED
        ),
        slot=6,
    )
    day.schedule_published_at = timezone.now()
    day.phase = Phase.SCHEDULED
    day.save()
    return ana, bruno


def test_send_timetables_before_publication_sends_nothing(day, scheduled):
    day.schedule_published_at = None
    day.save()

    assert (send_timetables(day), mail.outbox) == (0, [])


@pytest.mark.usefixtures("_fixed_signing_time")
def test_send_timetables_sends_the_timetable_pdf_calendar_and_qr_code_once(day, scheduled):
    ana, _bruno = scheduled

    sent = send_timetables(day)
    again = send_timetables(day)

    assert (sent, again) == (2, 0)
    message = next(message for message in mail.outbox if message.to == ["ana@example.org"])
    assert message.subject == "[COCADE] " + pt("Your interview timetable: %(event)s", event=EVENT)
    douro = pt(LINE, start="09:00", end="09:05", company="Douro Logística", table=2)
    ribeira = pt(
        LINE_OFFER,
        start="09:10",
        end="09:15",
        company="Ribeira Software",
        table=1,
        offer="Programadora",
    )
    assert f"{douro}\n{ribeira}\n" in message.body
    names = [(name, mimetype) for name, _content, mimetype in message.attachments]
    assert names == [
        ("timetable.pdf", "application/pdf"),
        ("interviews.ics", "text/calendar; method=PUBLISH"),
        ("qr-code.png", "image/png"),
    ]
    files = {name: content for name, content, _mimetype in message.attachments}
    assert files["timetable.pdf"][:5] == b"%PDF-"
    assert files["qr-code.png"] == qr.qr_png(check_in_token(ana.registration))
    calendar = Calendar.from_ical(files["interviews.ics"])
    assert [str(item["summary"]) for item in calendar.walk("VEVENT")] == [
        pt("Interview: %(company)s", company="Douro Logística"),
        pt("Interview: %(company)s", company="Ribeira Software"),
    ]
    assert message.reply_to == ["emprego@cite-a.example.org"]
    assert Candidate.objects.filter(timetable_sent_at__isnull=False).count() == 2


def test_send_timetables_task_twice_sends_each_timetable_once(
    day, scheduled, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_timetables_task.enqueue(day.pk)
        send_timetables_task.enqueue(day.pk)

    assert sorted(message.to[0] for message in mail.outbox) == [
        "ana@example.org",
        "bruno@example.org",
    ]


def test_send_timetables_leaves_out_a_withdrawn_candidate(day, scheduled):
    _ana, bruno = scheduled
    Registration.objects.filter(pk=bruno.registration.pk).update(
        status=RegistrationStatus.CANCELLED
    )

    assert (send_timetables(day), [message.to for message in mail.outbox]) == (
        1,
        [["ana@example.org"]],
    )


def test_send_timetable_change_sends_the_new_timetable(day, scheduled):
    ana, _bruno = scheduled
    ana.interviews.filter(company__name="Douro Logística").update(status=InterviewStatus.CANCELLED)

    sent = send_timetable_change(ana)

    message = mail.outbox[0]
    assert (sent, message.subject) == (
        1,
        "[COCADE] " + pt("Your timetable has changed: %(event)s", event=EVENT),
    )
    ribeira = pt(
        LINE_OFFER,
        start="09:10",
        end="09:15",
        company="Ribeira Software",
        table=1,
        offer="Programadora",
    )
    assert f"\n{ribeira}\n" in message.body
    assert "Douro" not in message.body
    assert Candidate.objects.get(pk=ana.pk).timetable_sent_at is not None


def test_send_timetable_change_task_for_an_erased_candidate_sends_nothing(day, scheduled):
    ana, _bruno = scheduled
    candidate_id = ana.pk
    ana.registration.delete()

    assert (send_timetable_change_task.enqueue(candidate_id).return_value, mail.outbox) == (0, [])
