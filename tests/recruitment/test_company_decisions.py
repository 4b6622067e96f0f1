"""The company shortlists its candidates, or not, during the pre-selection: the decision is
marked as the company's, a double click is refused with the reason, another stage or another
company's candidate is refused, and a refused decision writes nothing."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from cocade.core.errors import InvalidInput
from cocade.core.models import AuditLogEntry
from cocade.recruitment.enums import ApplicationStatus, Phase
from cocade.recruitment.errors import ApplicationWithdrawn, WrongPhase
from cocade.recruitment.services.companies import decide_application
from cocade.recruitment.tokens import company_token
from tests.factories.recruitment import ApplicationFactory, CandidateFactory, CompanyFactory
from tests.factories.recruitment_setup import day_of, rows

SHORTLISTED, REJECTED = ApplicationStatus.SHORTLISTED, ApplicationStatus.REJECTED


@pytest.fixture
def company(centre_a):
    return CompanyFactory(day=day_of(centre_a, phase=Phase.PRESELECTION), name="Ribeira")


@pytest.fixture
def application(company):
    return ApplicationFactory(candidate=CandidateFactory(day=company.day), company=company)


@pytest.fixture
def token(company):
    return company_token(company)


def decide_url(token, application):
    with translation.override("en"):
        return reverse(
            "recruitment:company_decide", kwargs={"token": token, "application_pk": application.pk}
        )


def state(application):
    application.refresh_from_db()
    return application.status, application.decided_by_company, application.decided_at is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("decision", "message"),
    [
        (SHORTLISTED, "The candidate is shortlisted."),
        (REJECTED, "The candidate is marked as not retained."),
    ],
)
def test_company_decides_on_its_candidate(client, application, token, decision, message):
    response = client.post(decide_url(token, application), {"decision": decision})

    assert response.status_code == 303
    with translation.override("en"):
        page = reverse("recruitment:company", kwargs={"token": token})
    assert response["Location"] == f"{page}#application-{application.pk}"
    assert state(application) == (decision, True, True)
    assert [str(flash) for flash in get_messages(response.wsgi_request)] == [message]
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.changes) == (
        f"recruitment.application.{decision}",
        None,
        {"status": {"before": ApplicationStatus.APPLIED, "after": decision}, "by_company": True},
    )


@pytest.mark.django_db
def test_double_click_on_a_decision_is_refused_and_changes_nothing(client, application, token):
    client.post(decide_url(token, application), {"decision": SHORTLISTED})
    before = rows()

    response = client.post(decide_url(token, application), {"decision": SHORTLISTED})

    assert response.status_code == 409
    assert "This candidate is already marked “Shortlisted”." in response.content.decode()
    assert rows() == before


@pytest.mark.django_db
def test_company_changes_its_mind(client, application, token):
    client.post(decide_url(token, application), {"decision": SHORTLISTED})

    response = client.post(decide_url(token, application), {"decision": REJECTED})

    assert response.status_code == 303
    assert state(application) == (REJECTED, True, True)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "phase", [Phase.COMPANIES, Phase.APPLICATIONS, Phase.SCHEDULED, Phase.LIVE, Phase.CLOSED]
)
def test_decision_outside_the_preselection_is_refused(client, company, application, token, phase):
    company.day.phase = phase
    company.day.save()
    before = rows()

    response = client.post(decide_url(token, application), {"decision": SHORTLISTED})

    assert response.status_code == 409
    assert "Candidates are shortlisted only during the pre-selection." in (
        response.content.decode()
    )
    assert rows() == before


@pytest.mark.django_db
def test_decision_on_another_company_candidate_is_not_found(client, company, token):
    other = ApplicationFactory(
        candidate=CandidateFactory(day=company.day), company=CompanyFactory(day=company.day)
    )
    before = rows()

    response = client.post(decide_url(token, other), {"decision": SHORTLISTED})

    assert response.status_code == 404
    assert rows() == before


@pytest.mark.django_db
def test_decision_on_a_withdrawn_application_is_not_found(client, company, token):
    withdrawn = ApplicationFactory(
        candidate=CandidateFactory(day=company.day),
        company=company,
        status=ApplicationStatus.WITHDRAWN,
    )
    before = rows()

    response = client.post(decide_url(token, withdrawn), {"decision": SHORTLISTED})

    assert response.status_code == 404
    assert rows() == before


@pytest.mark.django_db
@pytest.mark.parametrize("data", [{}, {"decision": "applied"}, {"decision": "withdrawn"}])
def test_decision_without_a_valid_choice_is_bad_input(client, application, token, data):
    before = rows()

    response = client.post(decide_url(token, application), data)

    assert response.status_code == 400
    assert "Choose to shortlist the candidate or not." in response.content.decode()
    assert rows() == before


@pytest.mark.django_db
def test_decision_through_an_old_link_is_refused(client, company, application, token):
    company.secret = "renewed-secret"
    company.save()
    before = rows()

    response = client.post(decide_url(token, application), {"decision": SHORTLISTED})

    assert response.status_code == 400
    assert rows() == before


@pytest.mark.django_db
def test_decision_service_refuses_what_the_page_cannot_send(company, application):
    withdrawn = ApplicationFactory(
        candidate=CandidateFactory(day=company.day),
        company=company,
        status=ApplicationStatus.WITHDRAWN,
    )
    before = rows()

    with pytest.raises(InvalidInput):
        decide_application(company=company, application=application, decision="applied")
    with pytest.raises(ApplicationWithdrawn):
        decide_application(company=company, application=withdrawn, decision=SHORTLISTED)
    assert rows() == before
    company.day.phase = Phase.APPLICATIONS
    company.day.save()
    before = rows()
    with pytest.raises(WrongPhase):
        decide_application(company=company, application=application, decision=SHORTLISTED)

    assert rows() == before
