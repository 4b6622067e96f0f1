"""The candidates' writes: registering with ranked choices and a CV, each refusal writing
nothing (and leaving no file), changing one's choices, withdrawing and erasing."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation

from cocade.agenda.enums import RegistrationStatus
from cocade.agenda.errors import AlreadyCancelled
from cocade.agenda.models import Event, Registration
from cocade.core.errors import DomainError
from cocade.core.mail import emails_suppressed
from cocade.recruitment.enums import ApplicationStatus, InterviewStatus, Phase
from cocade.recruitment.models import Application, Candidate, Interview
from cocade.recruitment.services.candidates import (
    Availability,
    availability_of,
    availability_windows,
    change_choices,
    erase_candidate,
    register_candidate,
    withdraw_candidate,
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
from tests.factories.recruitment_candidates import (  # noqa: F401 - a fixture
    PDF_BYTES,
    _cv_storage_in_tmp,
    pdf_upload,
    rows,
    stored_files,
)


@pytest.fixture
def day(centre_a):
    return RecruitmentDayFactory(
        event__centre=centre_a, event__slug="speed-porto", max_applications=3
    )


@pytest.fixture
def companies(day):
    names = ("Ribeira Software", "Douro Logística", "Foz Saúde", "Boavista Banco")
    return [CompanyFactory(day=day, name=name) for name in names]


def register(day, choices, **changes):
    values = {
        "name": "Ana Sousa",
        "email": "ana@example.org",
        "consent": True,
        "phone": "+351 912 345 678",
        "profile": "Programadora web no Porto",
        "windows": [],
        "cv": None,
        "choices": choices,
        "language": "en",
    }
    values.update(changes)
    return register_candidate(day, **values)


def test_register_candidate_writes_registration_candidate_and_ranked_applications(day, companies):
    offer = OfferFactory(company=companies[1], title="Motorista")

    candidate = register(
        day,
        [(companies[2].pk, None), (companies[1].pk, offer.pk)],
        windows=[{"start": "09:00", "end": "12:30"}],
    )

    registration = candidate.registration
    assert (registration.name, registration.email, registration.language, registration.status) == (
        "Ana Sousa",
        "ana@example.org",
        "en",
        RegistrationStatus.CONFIRMED,
    )
    assert (
        candidate.day,
        candidate.phone,
        candidate.profile,
        candidate.windows,
        candidate.cv.name,
    ) == (
        day,
        "+351 912 345 678",
        "Programadora web no Porto",
        [{"start": "09:00", "end": "12:30"}],
        "",
    )
    assert list(
        candidate.applications.order_by("rank").values_list(
            "company__name", "offer", "rank", "status"
        )
    ) == [
        ("Foz Saúde", None, 1, ApplicationStatus.APPLIED),
        ("Douro Logística", offer.pk, 2, ApplicationStatus.APPLIED),
    ]
    assert Event.objects.get(pk=day.event.pk).confirmed_count == 1


def test_register_candidate_keeps_the_cv_in_private_storage(day, companies, settings):
    candidate = register(day, [(companies[0].pk, None)], cv=pdf_upload("O meu CV.pdf"))

    candidate.refresh_from_db()
    path = settings.PRIVATE_MEDIA_ROOT / candidate.cv.name
    assert candidate.cv.name.startswith(f"recruitment/cv/{day.pk}/")
    assert "meu" not in candidate.cv.name
    assert (path.read_bytes(), stored_files(settings)) == (PDF_BYTES, [candidate.cv.name])


def test_register_candidate_emails_once_in_the_candidate_language(
    day, companies, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(day, [(companies[0].pk, None)], language="pt")

    title = day.event.title["pt"]
    with translation.override("pt"):
        subject = "[COCADE] " + translation.gettext("Application received: %(event)s") % {
            "event": title
        }
    assert [(message.to, message.subject) for message in mail.outbox] == [
        (["ana@example.org"], subject)
    ]
    assert "/pt/recruitment/me/" in mail.outbox[0].body


def test_register_candidate_sends_nothing_when_emails_are_suppressed(
    day, companies, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), emails_suppressed():
        register(day, [(companies[0].pk, None)])

    assert (Candidate.objects.count(), mail.outbox) == (1, [])


REFUSALS = [
    ("closed", {"phase": Phase.PRESELECTION}, {}, "applications_closed", None),
    ("not_open", {"phase": Phase.COMPANIES}, {}, "applications_closed", None),
    ("deadline", {"applications_close_at": "past"}, {}, "applications_closed", None),
    ("too_many", {}, {"choices": "four"}, "too_many_applications", "choice_4"),
    ("twice", {}, {"choices": "twice"}, "duplicate_company", "choice_2"),
    ("other_event", {}, {"choices": "other_event"}, "unknown_company", "choice_1"),
    ("other_offer", {}, {"choices": "other_offer"}, "unknown_offer", "choice_1"),
    ("none", {}, {"choices": "none"}, "no_company_chosen", "choice_1"),
    ("consent", {}, {"consent": False}, "consent_required", "consent"),
    ("html_cv", {}, {"cv": "html"}, "bad_file", "cv"),
    ("big_cv", {}, {"cv": "big"}, "bad_file", "cv"),
    ("cv_required", {"cv_required": True}, {"cv": None}, "cv_required", "cv"),
    ("phone", {}, {"phone": "call me maybe"}, "invalid", "phone"),
    ("profile", {}, {"profile": "  "}, "invalid", "profile"),
    ("window", {}, {"windows": [{"start": "08:00", "end": "10:00"}]}, "invalid", "availability"),
    ("email", {}, {"email": "not an email"}, "invalid", "email"),
    ("already", {}, {"email": "taken@example.org"}, "already_registered", "email"),
]


def _choices(kind, companies, day):
    other = CompanyFactory(name="Outra Empresa")
    return {
        "four": [(company.pk, None) for company in companies],
        "twice": [
            (companies[0].pk, None),
            (companies[0].pk, OfferFactory(company=companies[0]).pk),
        ],
        "other_event": [(other.pk, None)],
        "other_offer": [(companies[0].pk, OfferFactory(company=companies[1]).pk)],
        "none": [],
    }[kind]


def _cv(kind):
    if kind == "html":
        return pdf_upload("cv.pdf", b"<html><script>alert(1)</script></html>")
    if kind == "big":
        return pdf_upload("cv.pdf", PDF_BYTES + b" " * (2 * 1024 * 1024))
    return kind


@pytest.mark.parametrize(
    ("day_changes", "changes", "code", "field"),
    [pytest.param(*refusal[1:], id=refusal[0]) for refusal in REFUSALS],
)
def test_register_candidate_refusal_writes_nothing_and_keeps_no_file(
    day, companies, settings, django_capture_on_commit_callbacks, day_changes, changes, code, field
):
    RegistrationFactory(event=day.event, email="taken@example.org")
    for name, value in day_changes.items():
        setattr(
            day, name, timezone.now() - datetime.timedelta(hours=1) if value == "past" else value
        )
    day.save()
    changes = dict(changes)
    if isinstance(changes.get("choices"), str):
        changes["choices"] = _choices(changes["choices"], companies, day)
    changes["cv"] = _cv(changes["cv"]) if "cv" in changes else pdf_upload()
    before = rows()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError) as raised:
        register(day, changes.pop("choices", [(companies[0].pk, None)]), **changes)

    assert (raised.value.code, raised.value.field) == (code, field)
    assert (rows(), stored_files(settings), mail.outbox) == (before, [], [])


def test_register_candidate_refuses_a_bad_cv_with_the_file_message(day, companies):
    with pytest.raises(DomainError) as raised:
        register(day, [(companies[0].pk, None)], cv=pdf_upload("cv.pdf", b"GIF89a not a pdf"))

    with translation.override("en"):
        assert str(raised.value.message) == (
            "This file's content is not one of the accepted types (.pdf)."
        )


def test_register_candidate_twice_keeps_one_candidate_and_one_file(day, companies, settings):
    register(day, [(companies[0].pk, None)], cv=pdf_upload())

    with pytest.raises(DomainError) as raised:
        register(day, [(companies[1].pk, None)], cv=pdf_upload())

    assert raised.value.code == "already_registered"
    assert (
        Candidate.objects.count(),
        Application.objects.count(),
        len(stored_files(settings)),
    ) == (
        1,
        1,
        1,
    )


def test_register_candidate_again_after_withdrawing_is_a_new_candidate(day, companies):
    first = register(day, [(companies[0].pk, None)])
    withdraw_candidate(first)

    second = register(day, [(companies[1].pk, None)])

    assert (second.pk != first.pk, second.registration.status) == (
        True,
        RegistrationStatus.CONFIRMED,
    )


# --- availability ---------------------------------------------------------------------------


def test_availability_splits_the_day_at_the_lunch_break(day):
    assert [availability_windows(day, choice) for choice in Availability.values] == [
        [],
        [{"start": "09:00", "end": "12:30"}],
        [{"start": "14:00", "end": "18:00"}],
    ]


def test_availability_without_breaks_splits_at_one_pm(day):
    day.breaks = []

    assert availability_windows(day, Availability.AFTERNOON) == [{"start": "13:00", "end": "18:00"}]


def test_availability_of_an_afternoon_only_day_splits_in_the_middle(day):
    day.day_start, day.day_end, day.breaks = datetime.time(14, 0), datetime.time(17, 0), []

    assert availability_windows(day, Availability.MORNING) == [{"start": "14:00", "end": "15:30"}]


def test_availability_picks_the_break_nearest_midday(day):
    day.breaks = [{"start": "10:30", "end": "10:45"}, {"start": "13:00", "end": "13:45"}]

    assert availability_windows(day, Availability.MORNING) == [{"start": "09:00", "end": "13:00"}]


def test_availability_of_windows_reads_them_back(day):
    assert [
        availability_of(day, []),
        availability_of(day, [{"start": "14:00", "end": "18:00"}]),
        availability_of(day, [{"start": "10:00", "end": "11:00"}]),
    ] == [Availability.WHOLE_DAY, Availability.AFTERNOON, None]


# --- changing one's choices -----------------------------------------------------------------


def test_change_choices_keeps_decisions_reranks_drops_and_adds(day, companies):
    candidate = register(day, [(companies[0].pk, None), (companies[1].pk, None)])
    Application.objects.filter(company=companies[1]).update(status=ApplicationStatus.SHORTLISTED)
    offer = OfferFactory(company=companies[1])

    change_choices(
        candidate,
        choices=[(companies[1].pk, offer.pk), (companies[2].pk, None)],
        windows=[{"start": "14:00", "end": "18:00"}],
    )

    assert list(
        Application.objects.filter(candidate=candidate)
        .order_by("rank")
        .values_list("company__name", "offer", "rank", "status")
    ) == [
        ("Douro Logística", offer.pk, 1, ApplicationStatus.SHORTLISTED),
        ("Foz Saúde", None, 2, ApplicationStatus.APPLIED),
    ]
    assert Candidate.objects.get(pk=candidate.pk).windows == [{"start": "14:00", "end": "18:00"}]


def test_change_choices_without_windows_keeps_them(day, companies):
    candidate = register(
        day, [(companies[0].pk, None)], windows=[{"start": "10:00", "end": "11:00"}]
    )

    change_choices(candidate, choices=[(companies[1].pk, None)], windows=None)

    assert Candidate.objects.get(pk=candidate.pk).windows == [{"start": "10:00", "end": "11:00"}]


@pytest.mark.parametrize(
    ("setup", "code"),
    [
        pytest.param("closed", "applications_closed", id="closed"),
        pytest.param("withdrawn", "withdrawn", id="withdrawn"),
        pytest.param("twice", "duplicate_company", id="twice"),
    ],
)
def test_change_choices_refused_changes_nothing(day, companies, setup, code):
    candidate = register(day, [(companies[0].pk, None)])
    choices = [(companies[1].pk, None)]
    if setup == "closed":
        day.phase = Phase.PRESELECTION
        day.save()
    elif setup == "withdrawn":
        withdraw_candidate(candidate)
    else:
        choices = [(companies[1].pk, None), (companies[1].pk, None)]
    before = rows()

    with pytest.raises(DomainError) as raised:
        change_choices(candidate, choices=choices)

    assert (raised.value.code, rows()) == (code, before)


# --- withdrawing and erasing ----------------------------------------------------------------


def test_withdraw_candidate_withdraws_cancels_and_frees_the_seat(day, companies):
    candidate = CandidateFactory(day=day)
    held = InterviewFactory(application__candidate=candidate, application__company=companies[0])
    done = InterviewFactory(
        application__candidate=candidate,
        application__company=companies[1],
        slot=3,
        status=InterviewStatus.DONE,
    )
    ApplicationFactory(candidate=candidate, company=companies[2], rank=3)

    withdraw_candidate(candidate)

    assert (
        sorted(candidate.applications.values_list("status", flat=True))
        == [ApplicationStatus.WITHDRAWN] * 3
    )
    assert (
        Interview.objects.get(pk=held.pk).status,
        Interview.objects.get(pk=done.pk).status,
        Registration.objects.get(pk=candidate.registration.pk).status,
        Event.objects.get(pk=day.event.pk).confirmed_count,
    ) == (InterviewStatus.CANCELLED, InterviewStatus.DONE, RegistrationStatus.CANCELLED, 0)


def test_withdraw_candidate_twice_is_refused_and_changes_nothing(day, companies):
    candidate = register(day, [(companies[0].pk, None)])
    withdraw_candidate(candidate)
    before = rows()

    with pytest.raises(AlreadyCancelled):
        withdraw_candidate(Candidate.objects.get(pk=candidate.pk))

    assert rows() == before


def test_erase_candidate_deletes_everything_and_the_file_after_commit(
    day, companies, settings, django_capture_on_commit_callbacks
):
    candidate = register(day, [(companies[0].pk, None)], cv=pdf_upload())
    candidate.refresh_from_db()
    InterviewFactory(application=candidate.applications.get())
    other = CandidateFactory(day=day)

    with django_capture_on_commit_callbacks(execute=True):
        erase_candidate(candidate)

    assert (
        list(Candidate.objects.values_list("pk", flat=True)),
        list(Registration.objects.values_list("pk", flat=True)),
        Application.objects.count(),
        Interview.objects.count(),
        stored_files(settings),
        Event.objects.get(pk=day.event.pk).confirmed_count,
    ) == ([other.pk], [other.registration.pk], 0, 0, [], 1)
