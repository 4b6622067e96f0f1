"""The organisers' companies and offers: the list (pinned queries), adding and changing a
company (availability typed one per line, within the day; tables), deleting it (refused while
it has interviews), its offers, another event's company (404), and the CSV/XLSX export."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from cocade.core.models import AuditLogEntry
from cocade.recruitment.enums import ApplicationStatus, Contract, InterviewStatus
from cocade.recruitment.models import Application, Company, Offer
from tests.factories.recruitment import (
    ApplicationFactory,
    CandidateFactory,
    CompanyFactory,
    InterviewFactory,
    OfferFactory,
)
from tests.factories.recruitment_setup import day_of, rows


def url(name, day, **kwargs):
    with translation.override("en"):
        return reverse(f"staff_recruitment:{name}", kwargs={"pk": day.event_id, **kwargs})


@pytest.fixture
def day(centre_a):
    return day_of(centre_a, event__slug="speed-porto")


def company_data(**changes):
    values = {
        "name": "Ribeira Software",
        "sector": "Software",
        "description": "Aplicações web.",
        "website": "ribeira.example",
        "contact_name": "Rita Alves",
        "contact_email": "rh@ribeira.example",
        "language": "pt",
        "tables": "2",
        "windows": "14:00-18:00\n09:00-12:30",
    }
    values.update(changes)
    return values


def offer_data(**changes):
    values = {
        "title": "Programador(a) Python",
        "contract": Contract.FIXED_TERM,
        "positions": "3",
        "location": "Porto",
        "description": "Equipa de dados.",
    }
    values.update(changes)
    return values


# --- the list -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_companies_list_shows_each_company_with_its_figures(client, manager_a, day):
    ribeira = CompanyFactory(day=day, name="Ribeira", windows=[{"start": "09:00", "end": "12:00"}])
    CompanyFactory(day=day, name="Douro")
    OfferFactory.create_batch(2, company=ribeira)
    ApplicationFactory(candidate=CandidateFactory(day=day), company=ribeira)
    ApplicationFactory(
        candidate=CandidateFactory(day=day), company=ribeira, status=ApplicationStatus.WITHDRAWN
    )
    client.force_login(manager_a)

    response = client.get(url("companies", day))

    assert response.status_code == 200
    shown = [
        (
            row["company"].name,
            row["company"].offer_count,
            row["company"].application_count,
            row["windows"],
        )
        for row in response.context["rows"]
    ]
    assert shown == [("Douro", 0, 0, ""), ("Ribeira", 2, 1, "09:00-12:00")]
    assert response.context["not_sent"] == 2


@pytest.mark.django_db
@pytest.mark.parametrize("size", [2, 12])
def test_companies_list_runs_the_same_queries_whatever_the_size(
    client, manager_a, day, size, django_assert_max_num_queries
):
    for _index in range(size):
        company = CompanyFactory(day=day)
        OfferFactory(company=company)
        ApplicationFactory(candidate=CandidateFactory(day=day), company=company)
    client.force_login(manager_a)

    with django_assert_max_num_queries(12):
        response = client.get(url("companies", day))

    assert len(response.context["rows"]) == size


# --- adding and changing --------------------------------------------------------------------


@pytest.mark.django_db
def test_organiser_adds_a_company(client, manager_a, day):
    client.force_login(manager_a)

    response = client.post(url("companies", day), company_data())

    company = Company.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("company_edit", day, company_pk=company.pk)
    assert (
        company.day,
        company.name,
        company.website,
        company.language,
        company.tables,
        company.windows,
        company.link_sent_at,
    ) == (
        day,
        "Ribeira Software",
        "https://ribeira.example",
        "pt",
        2,
        [{"start": "09:00", "end": "12:30"}, {"start": "14:00", "end": "18:00"}],
        None,
    )
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.changes["name"]) == (
        "recruitment.company.created",
        manager_a,
        {"before": None, "after": "Ribeira Software"},
    )


@pytest.mark.django_db
def test_new_company_form_offers_the_event_language(client, manager_a, day):
    client.force_login(manager_a)

    response = client.get(url("companies", day))

    assert response.context["form"]["language"].value() == "pt"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "This field is required."),
        ({"name": "ribeira"}, "name", "A company of this name already takes part"),
        ({"contact_email": "rh-at-ribeira"}, "contact_email", "Enter a valid email address."),
        ({"tables": "0"}, "tables", "greater than or equal to 1"),
        ({"tables": "51"}, "tables", "less than or equal to 50"),
        ({"language": "xx"}, "language", "Select a valid choice."),
        ({"windows": "8:00-12:00"}, "windows", "08:00-12:00 is not within the day's hours"),
        ({"windows": "09:00-12:00\n11:00-13:00"}, "windows", "overlap"),
        ({"windows": "morning"}, "windows", "Line 1: write a period"),
        ({"windows": "17:00-18:30"}, "windows", "is not within the day's hours (09:00-18:00)"),
    ],
)
def test_company_bad_input_is_shown_at_its_field_and_nothing_is_saved(
    client, manager_a, day, changes, field, message
):
    CompanyFactory(day=day, name="Ribeira")
    before = rows()
    client.force_login(manager_a)

    response = client.post(url("companies", day), company_data(**changes))

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert rows() == before


@pytest.mark.django_db
def test_company_name_is_free_again_in_another_speed_recruitment(client, manager_a, day, centre_a):
    CompanyFactory(day=day_of(centre_a), name="Ribeira Software")
    client.force_login(manager_a)

    response = client.post(url("companies", day), company_data())

    assert response.status_code == 302
    assert Company.objects.filter(day=day).count() == 1


@pytest.mark.django_db
def test_organiser_changes_a_company(client, manager_a, day):
    company = CompanyFactory(day=day, name="Ribeira", tables=1)
    client.force_login(manager_a)

    response = client.post(
        url("company_edit", day, company_pk=company.pk),
        company_data(name="Ribeira Software", tables="3", windows=""),
    )

    assert response.status_code == 302
    company.refresh_from_db()
    assert (company.name, company.tables, company.windows) == ("Ribeira Software", 3, [])
    entry = AuditLogEntry.objects.get()
    assert entry.action == "recruitment.company.changed"
    assert entry.changes["tables"] == {"before": 1, "after": 3}


@pytest.mark.django_db
def test_company_edit_page_shows_availability_as_lines(client, manager_a, day):
    company = CompanyFactory(
        day=day,
        windows=[{"start": "09:00", "end": "12:30"}, {"start": "14:00", "end": "17:00"}],
    )
    client.force_login(manager_a)

    response = client.get(url("company_edit", day, company_pk=company.pk))

    assert ">\n09:00-12:30\n14:00-17:00</textarea>" in response.content.decode()


@pytest.mark.django_db
def test_company_keeps_the_tables_its_interviews_use(client, manager_a, day):
    interview = InterviewFactory(
        application=ApplicationFactory(
            candidate=CandidateFactory(day=day),
            company=CompanyFactory(day=day, tables=3),
            status=ApplicationStatus.SHORTLISTED,
        ),
        table=3,
    )
    company = interview.company
    before = rows()
    client.force_login(manager_a)

    response = client.post(
        url("company_edit", day, company_pk=company.pk),
        company_data(name=company.name, tables="2", windows=""),
    )

    assert response.status_code == 400
    assert response.context["form"].errors["tables"] == [
        "Interviews are planned at table 3: keep at least 3 tables."
    ]
    assert rows() == before


@pytest.mark.django_db
def test_company_of_another_speed_recruitment_is_not_found(client, manager_a, day, centre_a):
    other = CompanyFactory(day=day_of(centre_a))
    offer = OfferFactory(company=other)
    before = rows()
    client.force_login(manager_a)

    responses = [
        client.get(url("company_edit", day, company_pk=other.pk)),
        client.post(url("company_edit", day, company_pk=other.pk), company_data()),
        client.post(url("company_delete", day, company_pk=other.pk)),
        client.post(url("company_send_link", day, company_pk=other.pk)),
        client.post(url("company_new_link", day, company_pk=other.pk)),
        client.get(url("offer_add", day, company_pk=other.pk)),
        client.get(url("offer_edit", day, company_pk=other.pk, offer_pk=offer.pk)),
        client.post(url("offer_delete", day, company_pk=other.pk, offer_pk=offer.pk)),
    ]

    assert [response.status_code for response in responses] == [404] * 8
    assert rows() == before


# --- deleting -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_organiser_deletes_a_company_with_its_offers_and_applications(client, manager_a, day):
    company = CompanyFactory(day=day, name="Ribeira")
    OfferFactory(company=company)
    ApplicationFactory(candidate=CandidateFactory(day=day), company=company)
    client.force_login(manager_a)

    response = client.post(url("company_delete", day, company_pk=company.pk))

    assert response.status_code == 302
    assert (Company.objects.count(), Offer.objects.count(), Application.objects.count()) == (
        0,
        0,
        0,
    )
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.changes) == (
        "recruitment.company.deleted",
        {"name": {"before": "Ribeira", "after": None}, "applications": 1},
    )


@pytest.mark.django_db
@pytest.mark.parametrize("status", [InterviewStatus.SCHEDULED, InterviewStatus.CANCELLED])
def test_company_with_interviews_is_not_deleted(client, manager_a, day, status):
    interview = InterviewFactory(
        application=ApplicationFactory(
            candidate=CandidateFactory(day=day),
            company=CompanyFactory(day=day),
            status=ApplicationStatus.SHORTLISTED,
        ),
        status=status,
    )
    before = rows()
    client.force_login(manager_a)

    response = client.post(url("company_delete", day, company_pk=interview.company_id))

    assert response.status_code == 409
    assert (
        "This company has interviews in the schedule (planned, held or cancelled): it cannot "
        "be deleted."
    ) in response.content.decode()
    assert rows() == before


# --- offers ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_organiser_adds_changes_and_deletes_an_offer(client, manager_a, day):
    company = CompanyFactory(day=day)
    client.force_login(manager_a)
    back = url("company_edit", day, company_pk=company.pk)

    added = client.post(url("offer_add", day, company_pk=company.pk), offer_data())
    offer = Offer.objects.get()
    changed = client.post(
        url("offer_edit", day, company_pk=company.pk, offer_pk=offer.pk),
        offer_data(title="Analista de dados", positions="1"),
    )
    offer.refresh_from_db()
    snapshot = (offer.title, offer.contract, offer.positions, offer.location)
    deleted = client.post(url("offer_delete", day, company_pk=company.pk, offer_pk=offer.pk))

    assert [added["Location"], changed["Location"], deleted["Location"]] == [back] * 3
    assert snapshot == ("Analista de dados", Contract.FIXED_TERM, 1, "Porto")
    assert Offer.objects.count() == 0
    assert list(AuditLogEntry.objects.order_by("pk").values_list("action", "actor")) == [
        ("recruitment.offer.created", manager_a.pk),
        ("recruitment.offer.changed", manager_a.pk),
        ("recruitment.offer.deleted", manager_a.pk),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"positions": "0"}, "positions"),
        ({"positions": "many"}, "positions"),
        ({"contract": "forever"}, "contract"),
        ({"title": "x" * 201}, "title"),
    ],
)
def test_offer_bad_input_is_shown_at_its_field_and_nothing_is_saved(
    client, manager_a, day, changes, field
):
    offer = OfferFactory(company=CompanyFactory(day=day), title="Analista")
    before = rows()
    client.force_login(manager_a)

    added = client.post(url("offer_add", day, company_pk=offer.company_id), offer_data(**changes))
    changed = client.post(
        url("offer_edit", day, company_pk=offer.company_id, offer_pk=offer.pk),
        offer_data(**changes),
    )

    assert (added.status_code, changed.status_code) == (400, 400)
    assert list(added.context["form"].errors) == [field]
    assert rows() == before


@pytest.mark.django_db
def test_offer_of_another_company_is_not_found(client, manager_a, day):
    company = CompanyFactory(day=day)
    offer = OfferFactory(company=CompanyFactory(day=day))
    before = rows()
    client.force_login(manager_a)

    edited = client.post(
        url("offer_edit", day, company_pk=company.pk, offer_pk=offer.pk), offer_data()
    )
    deleted = client.post(url("offer_delete", day, company_pk=company.pk, offer_pk=offer.pk))

    assert (edited.status_code, deleted.status_code) == (404, 404)
    assert rows() == before


# --- export ---------------------------------------------------------------------------------


def _filled(day):
    ribeira = CompanyFactory(
        day=day,
        name="=Ribeira",
        contact_email="rh@ribeira.example",
        tables=2,
        windows=[{"start": "09:00", "end": "12:00"}],
    )
    OfferFactory(company=ribeira, title="Analista", positions=2, location="Porto")
    ApplicationFactory(candidate=CandidateFactory(day=day), company=ribeira)
    CompanyFactory(day=day, name="Douro", contact_email="rh@douro.example")


@pytest.mark.django_db
def test_companies_export_as_csv(client, manager_a, day):
    _filled(day)
    client.force_login(manager_a)

    response = client.get(url("companies_export", day) + "?table=companies&format=csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="speed-porto-companies.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[0][:6] == [
        "Name",
        "Sector",
        "Contact person",
        "Contact email",
        "Language",
        "Tables",
    ]
    assert [line[:4] + line[5:10] for line in lines[1:]] == [
        ["'=Ribeira", "Software", "", "rh@ribeira.example", "2", "09:00-12:00", "", "1", "1"],
        ["Douro", "Software", "", "rh@douro.example", "1", "the whole day", "", "0", "0"],
    ]
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.changes) == (
        "recruitment.companies.exported",
        {"table": "companies", "format": "csv", "rows": 2},
    )


@pytest.mark.django_db
def test_offers_export_as_xlsx(client, manager_a, day):
    _filled(day)
    client.force_login(manager_a)

    response = client.get(url("companies_export", day) + "?table=offers&format=xlsx")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="speed-porto-offers.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["Company", "Job title", "Contract", "Positions", "Place of work", "Description"],
        [
            "'=Ribeira",
            "Analista",
            "Permanent contract",
            2,
            "Porto",
            "Equipa de desenvolvimento web.",
        ],
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?format=pdf", "?table=candidates"])
def test_export_refuses_an_unknown_table_or_format(client, manager_a, day, query):
    before = rows()
    client.force_login(manager_a)

    response = client.get(url("companies_export", day) + query)

    assert response.status_code == 400
    assert rows() == before
