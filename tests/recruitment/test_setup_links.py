"""Sending each company the link to its page: built by the worker after the commit, in the
company's language, once per click (a double click sends once); the button for every company
not sent one yet; a new link that makes the old ones useless."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from cocade.agenda.errors import BadToken
from cocade.core.mail import emails_suppressed
from cocade.core.models import AuditLogEntry
from cocade.recruitment.models import Company
from cocade.recruitment.notifications_companies import send_company_link
from cocade.recruitment.services.companies import send_links_to_all
from cocade.recruitment.tokens import company_token, read_company_token
from tests.factories.recruitment import CompanyFactory
from tests.factories.recruitment_setup import day_of, rows


def url(name, day, **kwargs):
    with translation.override("en"):
        return reverse(f"staff_recruitment:{name}", kwargs={"pk": day.event_id, **kwargs})


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://cocade.example"


@pytest.fixture
def day(centre_a):
    return day_of(
        centre_a,
        event__title={"pt": "Speed Recruitment do Porto", "en": "Porto Speed Recruitment"},
        event__contact_email="speed@cite-porto.example",
        event__venue_name="Alfândega do Porto",
    )


def links_in(text):
    """The company links in an email text, each as (language prefix, token)."""
    return re.findall(r"https://cocade\.example/(\w\w)/recruitment/company/([^/\s\"]+)/", text)


def _send(client, day, company, last_sent=""):
    return client.post(
        url("company_send_link", day, company_pk=company.pk), {"last_sent": last_sent}
    )


@pytest.mark.django_db
def test_company_gets_its_link_in_its_language(
    client, manager_a, day, django_capture_on_commit_callbacks
):
    company = CompanyFactory(
        day=day, name="Ribeira", contact_name="Rita Alves", contact_email="rita@ribeira.example"
    )
    client.force_login(manager_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = _send(client, day, company)

    assert response.status_code == 302
    assert response["Location"] == url("companies", day)
    [message] = mail.outbox
    assert message.to == ["rita@ribeira.example"]
    assert message.reply_to == ["speed@cite-porto.example"]
    assert message.subject.endswith("Speed Recruitment do Porto")
    assert "Rita Alves" in message.body
    assert "Alfândega do Porto" in message.body
    [(language, token)] = links_in(message.body)
    assert language == "pt"
    assert read_company_token(token) == company
    html = message.alternatives[0][0]
    assert '<html lang="pt">' in html
    assert links_in(html) == [("pt", token)]
    company.refresh_from_db()
    assert company.link_sent_at is not None
    assert AuditLogEntry.objects.get().action == "recruitment.company.link_sent"


@pytest.mark.django_db
def test_company_writing_english_gets_english(
    client, manager_a, day, django_capture_on_commit_callbacks
):
    company = CompanyFactory(day=day, language="en", contact_name="")
    client.force_login(manager_a)

    with django_capture_on_commit_callbacks(execute=True):
        _send(client, day, company)

    [message] = mail.outbox
    assert message.subject == "[COCADE] Your company's page: Porto Speed Recruitment"
    assert message.body.startswith(f"Hello {company.name},")
    assert [language for language, _token in links_in(message.body)] == ["en"]
    assert "Questions? Contact the organiser, Cité A: speed@cite-porto.example" in message.body


@pytest.mark.django_db
def test_double_click_on_send_sends_once(
    client, manager_a, day, django_capture_on_commit_callbacks
):
    company = CompanyFactory(day=day)
    client.force_login(manager_a)
    with django_capture_on_commit_callbacks(execute=True):
        _send(client, day, company)
    before = rows()

    with django_capture_on_commit_callbacks(execute=True):
        second = _send(client, day, company)

    assert second.status_code == 409
    assert "The link was sent to this company a moment ago." in second.content.decode()
    assert len(mail.outbox) == 1
    assert rows() == before


@pytest.mark.django_db
def test_send_again_from_the_current_page_sends_again(
    client, manager_a, day, django_capture_on_commit_callbacks
):
    company = CompanyFactory(day=day)
    client.force_login(manager_a)
    with django_capture_on_commit_callbacks(execute=True):
        _send(client, day, company)
    company.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        again = _send(client, day, company, company.link_sent_at.isoformat())

    assert again.status_code == 302
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_send_with_a_mangled_button_is_refused(client, manager_a, day):
    company = CompanyFactory(day=day)
    before = rows()
    client.force_login(manager_a)

    response = _send(client, day, company, "yesterday")

    assert response.status_code == 400
    assert rows() == before


@pytest.mark.django_db
def test_send_to_all_reaches_only_the_companies_not_sent_one(
    client, manager_a, day, django_capture_on_commit_callbacks
):
    CompanyFactory(day=day, contact_email="a@ribeira.example")
    CompanyFactory(day=day, contact_email="b@douro.example", link_sent_at=day.event.starts_at)
    CompanyFactory(day=day, contact_email="c@minho.example", language="en")
    client.force_login(manager_a)

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url("company_send_links", day))
    before = rows()
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(url("company_send_links", day))

    assert (first.status_code, second.status_code) == (302, 409)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "a@ribeira.example",
        "c@minho.example",
    ]
    assert Company.objects.filter(link_sent_at__isnull=True).count() == 0
    assert "Every company has already been sent its link." in second.content.decode()
    assert rows() == before


@pytest.mark.django_db
def test_new_link_kills_the_old_one(client, manager_a, day):
    company = CompanyFactory(day=day, link_sent_at=day.event.starts_at)
    old = company_token(company)
    client.force_login(manager_a)

    response = client.post(url("company_new_link", day, company_pk=company.pk))

    assert response.status_code == 302
    company.refresh_from_db()
    assert company.link_sent_at is None
    with pytest.raises(BadToken):
        read_company_token(old)
    assert read_company_token(company_token(company)) == company
    with translation.override("en"):
        portal = client.get(reverse("recruitment:company", kwargs={"token": old}))
    assert portal.status_code == 400
    assert AuditLogEntry.objects.get().action == "recruitment.company.link_reset"


@pytest.mark.django_db
def test_worker_sends_nothing_to_a_company_deleted_meanwhile(day):
    company = CompanyFactory(day=day)
    company_id = company.pk
    company.delete()

    assert send_company_link(company_id) == "gone"
    assert mail.outbox == []


@pytest.mark.django_db
def test_no_link_is_emailed_while_emails_are_suppressed(
    manager_a, day, django_capture_on_commit_callbacks
):
    CompanyFactory(day=day)

    with emails_suppressed(), django_capture_on_commit_callbacks(execute=True):
        sent = send_links_to_all(actor=manager_a, day=day)

    assert sent == 1
    assert mail.outbox == []
