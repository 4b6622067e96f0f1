"""Applying from a phone: the form, a registration with ranked choices and a CV, its email,
and each refusal shown at its field with nothing written (no row, no file, no email)."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from cocade.agenda.tokens import MANAGE, read_token
from cocade.recruitment.enums import Phase
from cocade.recruitment.models import Candidate
from tests.factories.agenda import RegistrationFactory
from tests.factories.recruitment import CompanyFactory, OfferFactory, RecruitmentDayFactory
from tests.factories.recruitment_candidates import (  # noqa: F401 - a fixture
    PDF_BYTES,
    _cv_storage_in_tmp,
    apply_data,
    pdf_upload,
    rows,
    stored_files,
)


def url(day, language="en"):
    with translation.override(language):
        return reverse("recruitment:apply", kwargs={"slug": day.event.slug})


def errors(response):
    return {field: list(messages) for field, messages in response.context["form"].errors.items()}


@pytest.fixture
def day(centre_a):
    return RecruitmentDayFactory(
        event__centre=centre_a, event__slug="speed-porto", max_applications=3
    )


@pytest.fixture
def companies(day):
    ribeira = CompanyFactory(day=day, name="Ribeira Software")
    douro = CompanyFactory(day=day, name="Douro Logística")
    foz = CompanyFactory(day=day, name="Foz Saúde")
    CompanyFactory(day=day, name="Boavista Banco")
    OfferFactory(company=ribeira, title="Web developer")
    return ribeira, douro, foz


def test_apply_form_asks_about_the_candidate_then_ranked_choices_then_consent(
    client, day, companies
):
    response = client.get(url(day))

    form = response.context["form"]
    offer = companies[0].offers.get()
    assert response.status_code == 200
    assert list(form.fields) == [
        "name",
        "email",
        "phone",
        "profile",
        "availability",
        "cv",
        "choice_1",
        "choice_2",
        "choice_3",
        "consent",
    ]
    assert [str(form.fields[name].label) for name in form.rank_names] == [
        "1st choice",
        "2nd choice",
        "3rd choice",
    ]
    assert form.fields["choice_1"].choices[:3] == [
        ("", "No company"),
        ("Boavista Banco", [(f"c{companies[2].pk + 1}", "Any job at Boavista Banco")]),
        ("Douro Logística", [(f"c{companies[1].pk}", "Any job at Douro Logística")]),
    ]
    assert form.fields["choice_1"].choices[-1] == (
        "Ribeira Software",
        [
            (f"c{companies[0].pk}", "Any job at Ribeira Software"),
            (f"o{offer.pk}", "Web developer (Permanent contract)"),
        ],
    )
    assert str(form.fields["consent"].help_text) == (
        "It is deleted 12 months after the event. Your CV is deleted sooner, 30 days after the "
        "event. You can change your choices, withdraw or delete your data at any time from the "
        "link we email you."
    )
    content = response.content.decode()
    assert "the organisers and the companies I choose see it" in content
    assert 'enctype="multipart/form-data"' in content


def test_apply_offers_as_many_selects_as_companies_when_fewer_than_allowed(client, day):
    CompanyFactory(day=day, name="Única")

    form = client.get(url(day)).context["form"]

    assert form.rank_names == ["choice_1"]


def test_apply_registers_redirects_to_the_candidate_page_and_emails(
    client, day, companies, settings, django_capture_on_commit_callbacks
):
    offer = companies[0].offers.get()
    data = apply_data(f"c{companies[2].pk}", "", f"o{offer.pk}", availability="morning")
    data["cv"] = pdf_upload()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(day, "pt"), data)

    candidate = Candidate.objects.get()
    prefix, token = response["Location"].rstrip("/").rsplit("/", 1)
    assert (response.status_code, prefix) == (303, "/pt/recruitment/me")
    assert read_token(token, MANAGE) == candidate.registration
    assert list(candidate.applications.values_list("company", "offer", "rank")) == [
        (companies[2].pk, None, 1),
        (companies[0].pk, offer.pk, 2),
    ]
    assert (candidate.windows, candidate.registration.language) == (
        [{"start": "09:00", "end": "12:30"}],
        "pt",
    )
    assert (settings.PRIVATE_MEDIA_ROOT / candidate.cv.name).read_bytes() == PDF_BYTES
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    assert "1. Foz Saúde\n2. Ribeira Software · Web developer\n" in mail.outbox[0].body


def test_apply_then_the_page_says_the_application_is_received(client, day, companies):
    response = client.post(url(day), apply_data(f"c{companies[0].pk}"), follow=True)

    assert "Your application is received." in response.content.decode()


def _past(day):
    day.applications_close_at = timezone.now() - datetime.timedelta(minutes=1)
    day.save()


@pytest.mark.parametrize(
    ("setup", "changes", "status", "expected"),
    [
        pytest.param(
            None,
            {"choice_2": "same"},
            400,
            {"choice_2": ["You chose “Ribeira Software” twice: choose each company once."]},
            id="same-company-twice",
        ),
        pytest.param(
            None,
            {"choice_1": "", "choice_2": ""},
            400,
            {"choice_1": ["Choose at least one company you would like to meet."]},
            id="no-company",
        ),
        pytest.param(
            None,
            {"choice_1": "c999999"},
            400,
            {"choice_1": ["Select a valid choice. c999999 is not one of the available choices."]},
            id="unknown-company",
        ),
        pytest.param(
            None,
            {"consent": None},
            400,
            {"consent": ["Please give your consent to register."]},
            id="no-consent",
        ),
        pytest.param(
            None,
            {"cv": "html"},
            400,
            {"cv": ["This file's content is not one of the accepted types (.pdf)."]},
            id="not-a-pdf",
        ),
        pytest.param(
            "cv_required",
            {},
            400,
            {"cv": ["Please attach your CV (a PDF file)."]},
            id="cv-required",
        ),
        pytest.param(
            None,
            {"phone": "ring me"},
            400,
            {"phone": ["Enter a phone number: digits, with spaces, +, - or brackets if you like."]},
            id="bad-phone",
        ),
        pytest.param(
            None,
            {"profile": ""},
            400,
            {"profile": ["This field is required."]},
            id="no-profile",
        ),
        pytest.param(
            None,
            {"email": "taken@example.org"},
            409,
            {
                "email": [
                    "This email address has already applied to this speed recruitment. Open "
                    "the link in the email we sent you to see or change your choices."
                ]
            },
            id="already-applied",
        ),
    ],
)
def test_apply_refusal_is_shown_at_its_field_and_writes_nothing(
    client,
    day,
    companies,
    settings,
    django_capture_on_commit_callbacks,
    setup,
    changes,
    status,
    expected,
):
    RegistrationFactory(event=day.event, email="taken@example.org")
    if setup == "cv_required":
        day.cv_required = True
        day.save()
    data = apply_data(f"c{companies[0].pk}", f"c{companies[1].pk}")
    for name, value in changes.items():
        data.pop(name, None)
        if value == "same":
            data[name] = f"o{companies[0].offers.get().pk}"
        elif value == "html":
            data[name] = pdf_upload("cv.pdf", b"<html></html>")
        elif value is not None:
            data[name] = value
    if "cv" not in data and setup != "cv_required":
        data["cv"] = pdf_upload()
    before = rows()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(day), data)

    assert (response.status_code, errors(response)) == (status, expected)
    assert (rows(), stored_files(settings), mail.outbox) == (before, [], [])


def test_apply_refusal_keeps_what_was_typed(client, day, companies):
    data = apply_data(f"c{companies[1].pk}", f"c{companies[1].pk}")

    response = client.post(url(day), data)

    content = response.content.decode()
    assert 'value="Ana Sousa"' in content
    assert f'<option value="c{companies[1].pk}" selected>' in content


def test_apply_double_submission_gives_one_candidate(client, day, companies):
    data = apply_data(f"c{companies[0].pk}")

    first = client.post(url(day), data)
    second = client.post(url(day), data)

    assert (first.status_code, second.status_code, Candidate.objects.count()) == (303, 409, 1)


@pytest.mark.parametrize("change", [{"phase": Phase.PRESELECTION}, "past"])
def test_apply_when_closed_shows_why_and_refuses_posts(client, day, companies, change):
    if change == "past":
        _past(day)
    else:
        day.phase = change["phase"]
        day.save()
    before = rows()

    page = client.get(url(day))
    posted = client.post(url(day), apply_data(f"c{companies[0].pk}"))

    assert (page.status_code, posted.status_code) == (200, 409)
    assert "form" not in page.context
    assert "Applications are closed." in posted.content.decode()
    assert rows() == before


def test_apply_without_companies_says_they_are_not_announced(client, day):
    response = client.get(url(day))

    assert "The companies are not announced yet." in response.content.decode()


def test_apply_of_a_draft_event_is_404(client, day):
    day.event.status = "draft"
    day.event.save()

    assert (client.get(url(day)).status_code, client.post(url(day), {}).status_code) == (404, 404)


def test_apply_refusal_of_a_choice_after_a_gap_is_shown_at_its_select(client, day, companies):
    data = apply_data("", f"c{companies[1].pk}", f"c{companies[1].pk}")

    response = client.post(url(day), data)

    assert errors(response) == {
        "choice_3": ["You chose “Douro Logística” twice: choose each company once."]
    }
