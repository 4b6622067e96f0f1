"""The candidate's own page, opened by the signed link of their emails: their applications,
changing their choices, withdrawing, erasing their data, and once the schedule is published
their timetable with the QR code, as a PDF and as a calendar file. A bad link answers 400, a
registration that is not a candidate's 404; refused writes change nothing."""

import datetime

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from cocade.agenda import qr
from cocade.agenda.enums import RegistrationStatus
from cocade.agenda.models import Registration
from cocade.agenda.tokens import check_in_token, manage_token
from cocade.recruitment.enums import ApplicationStatus, InterviewStatus, Phase
from cocade.recruitment.models import Application, Candidate, Interview
from tests.factories.agenda import EventFactory, RegistrationFactory
from tests.factories.recruitment import (
    ApplicationFactory,
    CandidateFactory,
    CompanyFactory,
    InterviewFactory,
    OfferFactory,
    RecruitmentDayFactory,
)
from tests.factories.recruitment_candidates import (  # noqa: F401 - a fixture
    _cv_storage_in_tmp,
    pdf_upload,
    rows,
    stored_files,
)

BAD_LINK = "This link is not valid. Please use the link from your latest email."


def url(name, candidate_or_token, language="en"):
    token = (
        candidate_or_token
        if isinstance(candidate_or_token, str)
        else manage_token(candidate_or_token.registration)
    )
    with translation.override(language):
        return reverse(f"recruitment:{name}", kwargs={"token": token})


@pytest.fixture
def day(centre_a):
    return RecruitmentDayFactory(event__centre=centre_a, event__slug="speed-porto")


@pytest.fixture
def companies(day):
    return [
        CompanyFactory(day=day, name=name)
        for name in ("Ribeira Software", "Douro Logística", "Foz Saúde")
    ]


@pytest.fixture
def candidate(day, companies):
    registration = RegistrationFactory(
        event=day.event, name="Ana Sousa", email="ana@example.org", language="en"
    )
    candidate = CandidateFactory(
        day=day, registration=registration, phone="912 345 678", profile="Web developer"
    )
    offer = OfferFactory(company=companies[0], title="Programadora")
    ApplicationFactory(candidate=candidate, company=companies[0], offer=offer, rank=1)
    ApplicationFactory(
        candidate=candidate, company=companies[1], rank=2, status=ApplicationStatus.SHORTLISTED
    )
    return candidate


def publish(day):
    day.schedule_published_at = timezone.now()
    day.phase = Phase.SCHEDULED
    day.save()


def test_candidate_page_shows_applications_data_and_the_change_form(client, candidate, companies):
    token = manage_token(candidate.registration)

    response = client.get(url("candidate", token))

    content = response.content.decode()
    form = response.context["form"]
    assert response.status_code == 200
    assert [(a.company.name, str(words)) for a, words in response.context["applications"]] == [
        ("Ribeira Software", "Sent: the company has not decided yet."),
        ("Douro Logística", "Pre-selected: the company wants to meet you."),
    ]
    offer = companies[0].offers.get()
    assert [form[name].value() for name in form.rank_names] == [
        f"o{offer.pk}",
        f"c{companies[1].pk}",
        "",
    ]
    assert form["availability"].value() == "day"
    assert "912 345 678" in content
    assert "They are deleted 12 months after the event." in content
    assert "Your CV is deleted sooner, 30 days after the event." in content
    assert url("candidate_withdraw", token) in content
    assert url("candidate_erase", token) in content
    assert "My timetable" not in content
    assert response["Cache-Control"].startswith("max-age=0")


def test_candidate_page_offers_to_keep_hours_set_by_the_organisers(client, candidate):
    candidate.windows = [{"start": "10:00", "end": "11:30"}]
    candidate.save()

    response = client.get(url("candidate", candidate))

    field = response.context["form"]["availability"]
    assert (field.value(), "10:00–11:30" in response.content.decode()) == ("keep", True)


def test_candidate_page_once_closed_has_no_change_form(client, candidate, day):
    day.phase = Phase.PRESELECTION
    day.save()

    response = client.get(url("candidate", candidate))

    assert response.context["form"] is None
    assert "your choices can no longer change" in response.content.decode()


def test_candidate_page_query_count_does_not_grow_with_applications(
    client, candidate, day, django_assert_max_num_queries
):
    for index in range(8):
        company = CompanyFactory(day=day, name=f"Empresa {index}")
        OfferFactory.create_batch(2, company=company)
        ApplicationFactory(candidate=candidate, company=company, rank=index + 3)
    publish(day)
    for slot, application in enumerate(candidate.applications.all()[:5]):
        InterviewFactory(application=application, slot=slot * 2)

    with django_assert_max_num_queries(12):
        response = client.get(url("candidate", candidate))

    assert (len(response.context["applications"]), len(response.context["timetable"])) == (10, 5)


@pytest.mark.parametrize(
    "name",
    [
        "candidate",
        "candidate_timetable_pdf",
        "candidate_ics",
    ],
)
def test_candidate_pages_with_a_tampered_link_answer_400(client, candidate, name):
    token = manage_token(candidate.registration)[:-2] + "xx"

    response = client.get(url(name, token))

    assert (response.status_code, BAD_LINK in response.content.decode()) == (400, True)


@pytest.mark.parametrize("name", ["candidate_choices", "candidate_withdraw", "candidate_erase"])
def test_candidate_buttons_with_a_tampered_link_answer_400_and_change_nothing(
    client, candidate, name
):
    before = rows()

    response = client.post(url(name, manage_token(candidate.registration) + "x"), {})

    assert (response.status_code, rows()) == (400, before)


def test_candidate_page_of_a_registration_that_is_not_a_candidate_is_404(client, centre_a):
    registration = RegistrationFactory(event=EventFactory(centre=centre_a))

    with translation.override("en"):
        path = reverse("recruitment:candidate", kwargs={"token": manage_token(registration)})

    assert client.get(path).status_code == 404


@pytest.mark.parametrize("name", ["candidate_choices", "candidate_withdraw", "candidate_erase"])
def test_candidate_buttons_refuse_get(client, candidate, name):
    assert client.get(url(name, candidate)).status_code == 405


# --- changing one's choices -----------------------------------------------------------------


def test_candidate_choices_saves_the_new_order_and_availability(client, candidate, companies):
    data = {
        "availability": "afternoon",
        "choice_1": f"c{companies[1].pk}",
        "choice_2": f"c{companies[2].pk}",
    }

    token = manage_token(candidate.registration)

    response = client.post(url("candidate_choices", token), data)

    assert (response.status_code, response["Location"]) == (303, url("candidate", token))
    assert list(
        Application.objects.filter(candidate=candidate)
        .order_by("rank")
        .values_list("company__name", "rank", "status")
    ) == [
        ("Douro Logística", 1, ApplicationStatus.SHORTLISTED),
        ("Foz Saúde", 2, ApplicationStatus.APPLIED),
    ]
    assert Candidate.objects.get(pk=candidate.pk).windows == [{"start": "14:00", "end": "18:00"}]


def test_candidate_choices_refusal_is_shown_and_changes_nothing(client, candidate, companies):
    before = rows()
    data = {
        "availability": "day",
        "choice_1": f"c{companies[2].pk}",
        "choice_2": f"c{companies[2].pk}",
    }

    response = client.post(url("candidate_choices", candidate), data)

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "choice_2": ["You chose “Foz Saúde” twice: choose each company once."]
    }
    assert rows() == before


@pytest.mark.parametrize("setup", ["closed", "withdrawn"])
def test_candidate_choices_after_closing_or_withdrawing_is_409(client, candidate, day, setup):
    if setup == "closed":
        day.applications_close_at = timezone.now() - datetime.timedelta(minutes=1)
        day.save()
    else:
        client.post(url("candidate_withdraw", candidate))
    before = rows()

    response = client.post(url("candidate_choices", candidate), {"availability": "day"})

    assert (response.status_code, rows()) == (409, before)


# --- withdrawing and erasing ----------------------------------------------------------------


def test_candidate_withdraw_withdraws_and_says_so(
    client, candidate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("candidate_withdraw", candidate), follow=True)

    content = response.content.decode()
    assert set(candidate.applications.values_list("status", flat=True)) == {
        ApplicationStatus.WITHDRAWN
    }
    assert Registration.objects.get(pk=candidate.registration.pk).status == (
        RegistrationStatus.CANCELLED
    )
    assert "You have withdrawn from this speed recruitment." in content
    assert "/withdraw/" not in content
    assert [message.subject for message in mail.outbox] == [
        f"[COCADE] Registration cancelled: {candidate.day.event.title['en']}"
    ]


def test_candidate_withdraw_twice_is_409_and_changes_nothing(client, candidate):
    client.post(url("candidate_withdraw", candidate))
    before = rows()

    response = client.post(url("candidate_withdraw", candidate))

    assert (response.status_code, rows()) == (409, before)
    assert "This registration was already cancelled." in response.content.decode()


def test_candidate_erase_deletes_the_data_and_the_cv(
    client, candidate, settings, django_capture_on_commit_callbacks
):
    candidate.cv.save("cv.pdf", pdf_upload(), save=True)
    token = manage_token(candidate.registration)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("candidate_erase", token))

    assert response.status_code == 200
    assert "Your data is deleted" in response.content.decode()
    assert (
        Candidate.objects.count(),
        Registration.objects.count(),
        Application.objects.count(),
    ) == (
        0,
        0,
        0,
    )
    assert stored_files(settings) == []
    assert client.get(url("candidate", token)).status_code == 400


# --- the timetable --------------------------------------------------------------------------


@pytest.fixture
def interviews(candidate, day):
    first, second = candidate.applications.order_by("rank")
    second.status = ApplicationStatus.SHORTLISTED
    InterviewFactory(application=second, slot=0, table=2)
    InterviewFactory(application=first, slot=4)
    publish(day)


def test_candidate_page_once_published_shows_the_timetable_and_qr_code(
    client, candidate, interviews, monkeypatch
):
    # Signed tokens hold the second they were made in: pinned, the page's QR code is rebuilt.
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: "1xUihV")
    token = manage_token(candidate.registration)

    response = client.get(url("candidate", token))

    content = response.content.decode()
    assert [
        (row.starts_at.strftime("%H:%M"), row.company, row.table, row.offer)
        for row in response.context["timetable"]
    ] == [
        ("09:00", "Douro Logística", 2, ""),
        ("09:20", "Ribeira Software", 1, "Programadora"),
    ]
    # Lisbon's local time, whatever the site's default zone (Paris, an hour ahead).
    assert '<time datetime="' + response.context["timetable"][0].starts_at.isoformat() in content
    assert ">9 a.m.</time>–<time" in content
    assert qr.qr_svg(check_in_token(candidate.registration)) in content
    assert url("candidate_timetable_pdf", token) in content
    assert url("candidate_ics", token) in content


def test_candidate_page_leaves_out_cancelled_interviews(client, candidate, interviews):
    Interview.objects.filter(company__name="Douro Logística").update(
        status=InterviewStatus.CANCELLED
    )

    response = client.get(url("candidate", candidate))

    assert [row.company for row in response.context["timetable"]] == ["Ribeira Software"]


def test_candidate_page_published_without_interviews_says_so(client, candidate, day):
    publish(day)

    content = client.get(url("candidate", candidate)).content.decode()

    assert "No interview is planned for you this time." in content


def test_candidate_timetable_pdf_is_a_private_pdf(client, candidate, interviews):
    response = client.get(url("candidate_timetable_pdf", candidate))

    assert (response.status_code, response["Content-Type"], response.content[:5]) == (
        200,
        "application/pdf",
        b"%PDF-",
    )
    assert response["Cache-Control"] == "private, no-store"


def test_candidate_ics_lists_the_interviews(client, candidate, interviews):
    response = client.get(url("candidate_ics", candidate))

    calendar = Calendar.from_ical(response.content)
    entries = [
        (str(item["summary"]), item.decoded("dtstart"), str(item["description"]).split("\n")[0])
        for item in calendar.walk("VEVENT")
    ]
    start = candidate.day.local_datetime(candidate.day.day_start)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert entries == [
        ("Interview: Douro Logística", start, "Table 2"),
        ("Interview: Ribeira Software", start + datetime.timedelta(minutes=20), "Table 1"),
    ]


@pytest.mark.parametrize("name", ["candidate_timetable_pdf", "candidate_ics"])
def test_candidate_timetable_files_before_publication_are_404(client, candidate, name):
    assert client.get(url(name, candidate)).status_code == 404
