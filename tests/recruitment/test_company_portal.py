"""The company's own page, opened by its signed link: the event, its tables and times, its
offers (which it changes while candidates apply), its candidates from the pre-selection on
with their CVs, and its sheet of interviews once the schedule is published. A tampered link
answers 400; another company's offer or candidate 404."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.signing import Signer
from django.urls import reverse
from django.utils import timezone, translation

from cocade.agenda.tokens import manage_token
from cocade.core.models import AuditLogEntry
from cocade.recruitment.enums import ApplicationStatus, Contract, Phase
from cocade.recruitment.models import Candidate, Offer
from cocade.recruitment.tokens import company_token
from tests.factories.agenda import RegistrationFactory
from tests.factories.recruitment import (
    ApplicationFactory,
    CandidateFactory,
    CompanyFactory,
    InterviewFactory,
    OfferFactory,
)
from tests.factories.recruitment_setup import day_of, rows

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _pdf():
    return ContentFile(PDF_BYTES)


#: One link per company and secret: a signed link holds the second it was made in.
_TOKENS: dict = {}


def token_of(company):
    return _TOKENS.setdefault((company.pk, company.secret), company_token(company))


def url(name, company, **kwargs):
    with translation.override("en"):
        return reverse(f"recruitment:{name}", kwargs={"token": token_of(company), **kwargs})


@pytest.fixture(autouse=True)
def _private_cvs(settings, monkeypatch):
    """CVs are written to and read from this test's own private folder (set before any
    candidate is made: a candidate keeps the storage its file had when first read)."""
    field = Candidate._meta.get_field("cv")
    monkeypatch.setattr(field, "storage", FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT))


@pytest.fixture
def day(centre_a):
    return day_of(centre_a, event__title={"pt": "Speed Recruitment do Porto"})


@pytest.fixture
def company(day):
    return CompanyFactory(
        day=day, name="Ribeira Software", tables=2, windows=[{"start": "09:00", "end": "12:30"}]
    )


def candidate(day, name, **values):
    registration = RegistrationFactory(event=day.event, name=name, language="pt")
    return CandidateFactory(day=day, registration=registration, **values)


def offer_data(**changes):
    values = {
        "title": "Analista de dados",
        "contract": Contract.INTERNSHIP,
        "positions": "2",
        "location": "Porto",
        "description": "",
    }
    values.update(changes)
    return values


# --- the page -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_page_shows_the_event_the_tables_and_the_offers(client, company):
    OfferFactory(company=company, title="Programador(a) Python")
    OfferFactory(company=CompanyFactory(day=company.day), title="Motorista")

    response = client.get(url("company", company))

    page = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    assert "Speed Recruitment do Porto" in page
    assert "09:00-12:30" in page
    assert [offer.title for offer in response.context["offers"]] == ["Programador(a) Python"]
    assert response.context["may_edit_offers"] is True
    assert response.context["applications"] == []
    assert "sheet.pdf" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make_token",
    [
        lambda company: company_token(company)[:-2] + "xx",
        lambda company: company_token(company).replace(":", "", 1),
        lambda company: "not-a-token",
        lambda company: Signer(salt="cocade.recruitment.company").sign_object(
            [company.pk + 1, company.secret]
        ),
        lambda company: manage_token(RegistrationFactory(event=company.day.event)),
        lambda company: "x" * 400,
    ],
)
def test_tampered_link_answers_400_with_the_reason(client, company, make_token):
    token = make_token(company)

    with translation.override("en"):
        response = client.get(reverse("recruitment:company", kwargs={"token": token}))

    assert response.status_code == 400
    assert "This link is not valid. Please use the link from your latest email." in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_tampered_link_writes_nothing(client, company):
    before = rows()
    token = company_token(company)[:-3] + "abc"

    with translation.override("en"):
        responses = [
            client.post(
                reverse("recruitment:company_offer_add", kwargs={"token": token}), offer_data()
            ),
            client.post(
                reverse("recruitment:company_decide", kwargs={"token": token, "application_pk": 1}),
                {"decision": "shortlisted"},
            ),
        ]

    assert [response.status_code for response in responses] == [400, 400]
    assert rows() == before


@pytest.mark.django_db
def test_page_in_portuguese(client, company):
    with translation.override("pt"):
        address = reverse("recruitment:company", kwargs={"token": company_token(company)})

    response = client.get(address)

    assert address.startswith("/pt/")
    assert '<html lang="pt">' in response.content.decode()


# --- offers ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_company_adds_changes_and_deletes_its_offer(client, company):
    page = url("company", company) + "#offers"

    added = client.post(url("company_offer_add", company), offer_data())
    offer = Offer.objects.get()
    changed = client.post(
        url("company_offer", company, offer_pk=offer.pk), offer_data(positions="4")
    )
    offer.refresh_from_db()
    positions = offer.positions
    deleted = client.post(url("company_offer_delete", company, offer_pk=offer.pk))

    assert [(r.status_code, r["Location"]) for r in (added, changed, deleted)] == [(303, page)] * 3
    assert (offer.company, offer.title, offer.contract, positions) == (
        company,
        "Analista de dados",
        Contract.INTERNSHIP,
        4,
    )
    assert Offer.objects.count() == 0
    entries = AuditLogEntry.objects.order_by("pk")
    assert [(entry.action, entry.actor, entry.changes["by_company"]) for entry in entries] == [
        ("recruitment.offer.created", None, True),
        ("recruitment.offer.changed", None, True),
        ("recruitment.offer.deleted", None, True),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field"),
    [({"title": " "}, "title"), ({"positions": "0"}, "positions"), ({"contract": "x"}, "contract")],
)
def test_company_offer_bad_input_is_shown_at_its_field_and_nothing_is_saved(
    client, company, changes, field
):
    offer = OfferFactory(company=company)
    before = rows()

    added = client.post(url("company_offer_add", company), offer_data(**changes))
    changed = client.post(url("company_offer", company, offer_pk=offer.pk), offer_data(**changes))

    assert (added.status_code, changed.status_code) == (400, 400)
    assert list(changed.context["form"].errors) == [field]
    assert rows() == before


@pytest.mark.django_db
@pytest.mark.parametrize("phase", [Phase.PRESELECTION, Phase.SCHEDULED, Phase.CLOSED])
def test_company_offers_are_frozen_once_candidates_have_chosen(client, company, phase):
    offer = OfferFactory(company=company)
    company.day.phase = phase
    company.day.save()
    before = rows()

    responses = [
        client.get(url("company_offer_add", company)),
        client.post(url("company_offer_add", company), offer_data()),
        client.post(url("company_offer", company, offer_pk=offer.pk), offer_data()),
        client.post(url("company_offer_delete", company, offer_pk=offer.pk)),
    ]

    assert [response.status_code for response in responses] == [409] * 4
    assert "Offers can no longer change" in responses[3].content.decode()
    assert rows() == before


@pytest.mark.django_db
def test_company_cannot_touch_another_company_offer(client, company):
    other = OfferFactory(company=CompanyFactory(day=company.day))
    before = rows()

    responses = [
        client.get(url("company_offer", company, offer_pk=other.pk)),
        client.post(url("company_offer", company, offer_pk=other.pk), offer_data()),
        client.post(url("company_offer_delete", company, offer_pk=other.pk)),
    ]

    assert [response.status_code for response in responses] == [404] * 3
    assert rows() == before


# --- candidates -----------------------------------------------------------------------------


@pytest.fixture
def applicants(company):
    """Ana ranked the company 2nd (for an offer), Bruno 1st, Carla withdrew; Duarte applied
    to another company only."""
    day = company.day
    offer = OfferFactory(company=company, title="Analista")
    ana = ApplicationFactory(
        candidate=candidate(day, "Ana Sousa", profile="Dados"), company=company, rank=2, offer=offer
    )
    bruno = ApplicationFactory(candidate=candidate(day, "Bruno Lima"), company=company, rank=1)
    ApplicationFactory(
        candidate=candidate(day, "Carla Reis"), company=company, status=ApplicationStatus.WITHDRAWN
    )
    ApplicationFactory(candidate=candidate(day, "Duarte Costa"), company=CompanyFactory(day=day))
    return ana, bruno


@pytest.mark.django_db
def test_page_lists_the_company_candidates_during_preselection(client, company, applicants):
    company.day.phase = Phase.PRESELECTION
    company.day.save()

    response = client.get(url("company", company))

    assert [
        (a.candidate.name, a.rank, a.offer.title if a.offer else None)
        for a in response.context["applications"]
    ] == [("Bruno Lima", 1, None), ("Ana Sousa", 2, "Analista")]
    assert response.context["may_decide"] is True
    page = response.content.decode()
    assert "Dados" in page
    assert "Carla Reis" not in page
    assert "Duarte Costa" not in page


@pytest.mark.django_db
def test_page_hides_candidates_while_they_apply(client, company, applicants):
    response = client.get(url("company", company))

    assert response.context["applications"] == []
    assert "Ana Sousa" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("size", [2, 10])
def test_page_runs_the_same_queries_whatever_the_number_of_candidates(
    client, company, size, django_assert_max_num_queries
):
    company.day.phase = Phase.PRESELECTION
    company.day.save()
    offer = OfferFactory(company=company)
    for index in range(size):
        ApplicationFactory(
            candidate=candidate(company.day, f"Candidate {index}"), company=company, offer=offer
        )

    with django_assert_max_num_queries(8):
        response = client.get(url("company", company))

    assert len(response.context["applications"]) == size


@pytest.mark.django_db
def test_company_downloads_the_cv_of_its_candidate(client, company, applicants):
    ana, _bruno = applicants
    ana.candidate.cv.save("anything.pdf", _pdf(), save=True)
    company.day.phase = Phase.PRESELECTION
    company.day.save()

    response = client.get(url("company_cv", company, application_pk=ana.pk))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'attachment; filename="cv-ana-sousa.pdf"'
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_cv_of_another_company_candidate_is_not_found(client, company, day):
    day.phase = Phase.PRESELECTION
    day.save()
    other = ApplicationFactory(
        candidate=candidate(day, "Duarte Costa"), company=CompanyFactory(day=day)
    )
    other.candidate.cv.save("cv.pdf", _pdf(), save=True)

    response = client.get(url("company_cv", company, application_pk=other.pk))

    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("phase", "status", "with_file", "expected"),
    [
        (Phase.APPLICATIONS, ApplicationStatus.APPLIED, True, 404),
        (Phase.CLOSED, ApplicationStatus.SHORTLISTED, True, 404),
        (Phase.PRESELECTION, ApplicationStatus.WITHDRAWN, True, 404),
        (Phase.PRESELECTION, ApplicationStatus.APPLIED, False, 404),
        (Phase.SCHEDULED, ApplicationStatus.SHORTLISTED, True, 200),
        (Phase.LIVE, ApplicationStatus.REJECTED, True, 200),
    ],
)
def test_cv_only_while_the_company_sees_its_candidates(
    client, company, phase, status, with_file, expected
):
    application = ApplicationFactory(
        candidate=candidate(company.day, "Ana Sousa"), company=company, status=status
    )
    if with_file:
        application.candidate.cv.save("cv.pdf", _pdf(), save=True)
    company.day.phase = phase
    company.day.save()

    response = client.get(url("company_cv", company, application_pk=application.pk))

    assert response.status_code == expected
    if expected == 200:
        assert b"".join(response.streaming_content) == PDF_BYTES


# --- the sheet of interviews ----------------------------------------------------------------


@pytest.mark.django_db
def test_sheet_waits_for_the_schedule(client, company):
    response = client.get(url("company_sheet", company))

    assert response.status_code == 404
    assert "sheet.pdf" not in client.get(url("company", company)).content.decode()


@pytest.mark.django_db
def test_sheet_once_the_schedule_is_published(client, company):
    day = company.day
    day.phase = Phase.SCHEDULED
    day.schedule_published_at = timezone.now() - datetime.timedelta(hours=1)
    day.save()
    InterviewFactory(
        application=ApplicationFactory(
            candidate=candidate(day, "Ana Sousa"),
            company=company,
            status=ApplicationStatus.SHORTLISTED,
        )
    )

    page = client.get(url("company", company))
    response = client.get(url("company_sheet", company))

    assert url("company_sheet", company) in page.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == 'inline; filename="interviews-ribeira-software.pdf"'
