"""The organisers' pre-selection pages: the applications list (filters, figures by company,
pages of 50, pinned queries), the decision buttons (one row, the ticked rows) and their
refusals, the invitations button, the candidates list and the CV download."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import translation

from cocade.core.models import AuditLogEntry
from cocade.recruitment.enums import ApplicationStatus, Phase, Presence
from cocade.recruitment.models import Application, Candidate, RecruitmentDay
from tests.factories.recruitment import ApplicationFactory, CompanyFactory, OfferFactory
from tests.factories.recruitment_shortlist import (
    PDF_BYTES,
    named_candidate,
    preselection_day,
    with_cv,
)

APPLIED, SHORTLISTED, REJECTED, WITHDRAWN = (
    ApplicationStatus.APPLIED,
    ApplicationStatus.SHORTLISTED,
    ApplicationStatus.REJECTED,
    ApplicationStatus.WITHDRAWN,
)


def url(name, day, **kwargs):
    with translation.override("en"):
        return reverse(f"staff_recruitment:{name}", kwargs={"pk": day.event_id, **kwargs})


def statuses():
    return list(Application.objects.order_by("pk").values_list("pk", "status", "decided_at"))


def shown(response):
    """(candidate, company, status) of each application row of the page."""
    return [(row.candidate.name, row.company.name, row.status) for row in response.context["rows"]]


def flashed(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def day(centre_a):
    return preselection_day(centre_a, event__slug="speed-porto")


@pytest.fixture
def filled(day):
    """Two companies; Ana applied to both (Ribeira first), Bruno to Douro (shortlisted by
    Douro itself), Carla to Ribeira (withdrawn)."""
    ribeira = CompanyFactory(day=day, name="Ribeira Software")
    douro = CompanyFactory(day=day, name="Douro Logística")
    ana = named_candidate(day, "Ana Sousa")
    bruno = named_candidate(day, "Bruno Lima")
    carla = named_candidate(day, "Carla Reis")
    return {
        "ribeira": ribeira,
        "douro": douro,
        "ana_ribeira": ApplicationFactory(
            candidate=ana, company=ribeira, rank=1, offer=OfferFactory(company=ribeira)
        ),
        "ana_douro": ApplicationFactory(candidate=ana, company=douro, rank=2),
        "bruno_douro": ApplicationFactory(
            candidate=bruno,
            company=douro,
            rank=1,
            status=SHORTLISTED,
            decided_by_company=True,
            decided_at=datetime.datetime(2025, 1, 6, 9, tzinfo=datetime.UTC),
        ),
        "carla_ribeira": ApplicationFactory(
            candidate=carla, company=ribeira, rank=1, status=WITHDRAWN
        ),
    }


# --- the list -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_applications_list_shows_every_application_by_candidate_with_company_figures(
    client, manager_a, day, filled
):
    client.force_login(manager_a)

    response = client.get(url("applications", day))

    assert response.status_code == 200
    assert shown(response) == [
        ("Ana Sousa", "Ribeira Software", APPLIED),
        ("Ana Sousa", "Douro Logística", APPLIED),
        ("Bruno Lima", "Douro Logística", SHORTLISTED),
        ("Carla Reis", "Ribeira Software", WITHDRAWN),
    ]
    assert [
        (c.company.name, c.applications, c.shortlisted, c.waiting, c.by_company)
        for c in response.context["counts"]
    ] == [("Douro Logística", 2, 1, 1, 1), ("Ribeira Software", 1, 0, 1, 0)]
    assert (response.context["can_decide"], response.context["to_invite"]) == (True, 1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "bruno"}, [("Bruno Lima", "Douro Logística", SHORTLISTED)]),
        (
            {"q": "ana@example"},
            [("Ana Sousa", "Ribeira Software", APPLIED), ("Ana Sousa", "Douro Logística", APPLIED)],
        ),
        ({"status": "withdrawn"}, [("Carla Reis", "Ribeira Software", WITHDRAWN)]),
        ({"rank": "2"}, [("Ana Sousa", "Douro Logística", APPLIED)]),
        ({"decided": "company"}, [("Bruno Lima", "Douro Logística", SHORTLISTED)]),
        ({"decided": "organisers"}, []),
        (
            {"decided": "nobody", "status": "applied"},
            [("Ana Sousa", "Ribeira Software", APPLIED), ("Ana Sousa", "Douro Logística", APPLIED)],
        ),
    ],
)
def test_applications_list_filters(client, manager_a, day, filled, query, expected):
    client.force_login(manager_a)

    response = client.get(url("applications", day), query)

    assert (response.status_code, shown(response)) == (200, expected)


@pytest.mark.django_db
def test_applications_list_filters_by_company(client, manager_a, day, filled):
    client.force_login(manager_a)

    response = client.get(url("applications", day), {"company": filled["ribeira"].pk})

    assert shown(response) == [
        ("Ana Sousa", "Ribeira Software", APPLIED),
        ("Carla Reis", "Ribeira Software", WITHDRAWN),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", [{"company": "999999"}, {"status": "hired"}, {"rank": "zero"}, {"decided": "x"}]
)
def test_applications_list_with_a_bad_filter_answers_400_with_every_row(
    client, manager_a, day, filled, query
):
    client.force_login(manager_a)

    response = client.get(url("applications", day), query)

    assert (response.status_code, len(response.context["rows"])) == (400, 4)


@pytest.mark.django_db
def test_applications_list_of_another_centre_is_not_found(client, manager_b, day, filled):
    client.force_login(manager_b)

    assert client.get(url("applications", day)).status_code == 404


@pytest.mark.django_db
def test_applications_list_of_500_applications_pages_by_50_with_pinned_queries(
    client, manager_a, day, django_assert_max_num_queries
):
    companies = [CompanyFactory(day=day, name=f"Empresa {n:02d}") for n in range(10)]
    for number in range(50):
        candidate = named_candidate(day, f"Pessoa {number:03d}", email=f"p{number}@example.org")
        if number % 3 == 0:
            with_cv(candidate)
        for rank, company in enumerate(companies, start=1):
            ApplicationFactory(candidate=candidate, company=company, rank=rank)
    client.force_login(manager_a)

    with django_assert_max_num_queries(12):
        response = client.get(url("applications", day), {"page": "3"})

    page = response.context["page"]
    assert (response.status_code, page.paginator.count, page.paginator.num_pages) == (
        200,
        500,
        10,
    )
    assert [row.candidate.name for row in response.context["rows"]] == ["Pessoa 010"] * 10 + [
        "Pessoa 011"
    ] * 10 + ["Pessoa 012"] * 10 + ["Pessoa 013"] * 10 + ["Pessoa 014"] * 10
    assert (response.context["previous_query"], response.context["next_query"]) == (
        "page=2",
        "page=4",
    )


@pytest.mark.django_db
def test_applications_list_before_the_preselection_has_no_decision_buttons(
    client, manager_a, day, filled
):
    RecruitmentDay.objects.filter(pk=day.pk).update(phase=Phase.APPLICATIONS)
    client.force_login(manager_a)

    response = client.get(url("applications", day))

    assert (response.context["can_decide"], response.context["can_invite"]) == (False, False)
    assert b'id="bulk-decision"' not in response.content
    assert url("application_decide", day, application_pk=filled["ana_ribeira"].pk).encode() not in (
        response.content
    )


# --- decisions ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_bulk_decision_shortlists_the_ticked_rows_and_goes_back_to_the_filtered_list(
    client, manager_a, day, filled
):
    client.force_login(manager_a)
    ticked = [filled["ana_ribeira"].pk, filled["ana_douro"].pk]

    response = client.post(
        url("applications_decide", day),
        {"applications": ticked, "decision": "shortlist", "back": "q=ana&page=2&evil=1"},
    )

    assert response.status_code == 302
    assert response["Location"] == url("applications", day) + "?q=ana&page=2"
    assert flashed(response) == ["2 applications shortlisted."]
    assert list(Application.objects.filter(pk__in=ticked).values_list("status", flat=True)) == [
        SHORTLISTED,
        SHORTLISTED,
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({"decision": "shortlist"}, 400),
        ({"applications": ["abc"], "decision": "shortlist"}, 400),
        ({"applications": ["1"], "decision": "hire"}, 400),
        ({}, 400),
    ],
)
def test_bulk_decision_with_bad_input_answers_400_and_writes_nothing(
    client, manager_a, day, filled, data, status
):
    client.force_login(manager_a)
    before = statuses()

    response = client.post(url("applications_decide", day), data)

    assert (response.status_code, statuses()) == (status, before)


@pytest.mark.django_db
def test_bulk_decision_with_an_application_of_another_event_writes_nothing(
    client, manager_a, centre_a, day, filled
):
    other = preselection_day(centre_a)
    stranger = ApplicationFactory(
        candidate=named_candidate(other, "Eva Neves"), company=CompanyFactory(day=other)
    )
    client.force_login(manager_a)
    before = statuses()

    response = client.post(
        url("applications_decide", day),
        {"applications": [filled["ana_ribeira"].pk, stranger.pk], "decision": "reject"},
    )

    assert (response.status_code, statuses()) == (400, before)
    assert b"not part of this speed recruitment" in response.content


@pytest.mark.django_db
def test_bulk_decision_clicked_twice_is_refused_the_second_time(client, manager_a, day, filled):
    client.force_login(manager_a)
    data = {"applications": [filled["ana_ribeira"].pk], "decision": "reject"}
    client.post(url("applications_decide", day), data)
    before = statuses()

    response = client.post(url("applications_decide", day), data)

    assert (response.status_code, statuses()) == (409, before)


@pytest.mark.django_db
def test_bulk_decision_outside_the_preselection_answers_409(client, manager_a, day, filled):
    RecruitmentDay.objects.filter(pk=day.pk).update(phase=Phase.SCHEDULED)
    client.force_login(manager_a)
    before = statuses()

    response = client.post(
        url("applications_decide", day),
        {"applications": [filled["ana_ribeira"].pk], "decision": "shortlist"},
    )

    assert (response.status_code, statuses()) == (409, before)
    assert b"cannot be done at this stage" in response.content


@pytest.mark.django_db
def test_row_decision_marks_not_retained_and_goes_back_to_the_row(client, manager_a, day, filled):
    application = filled["bruno_douro"]
    client.force_login(manager_a)

    response = client.post(
        url("application_decide", day, application_pk=application.pk),
        {"decision": "reject", "back": "status=shortlisted"},
    )

    application.refresh_from_db()
    assert (response.status_code, application.status, application.decided_by_company) == (
        302,
        REJECTED,
        False,
    )
    assert response["Location"] == (
        url("applications", day) + f"?status=shortlisted#application-{application.pk}"
    )
    assert flashed(response) == ["Bruno Lima, Douro Logística: Not retained."]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("application", "data", "status"),
    [
        ("carla_ribeira", {"decision": "shortlist"}, 409),
        ("bruno_douro", {"decision": "shortlist"}, 409),
        ("ana_ribeira", {"decision": ""}, 400),
    ],
)
def test_row_decision_refused_answers_with_the_reason_and_writes_nothing(
    client, manager_a, day, filled, application, data, status
):
    client.force_login(manager_a)
    before = statuses()

    response = client.post(
        url("application_decide", day, application_pk=filled[application].pk), data
    )

    assert (response.status_code, statuses()) == (status, before)


@pytest.mark.django_db
def test_row_decision_on_an_application_of_another_event_is_not_found(
    client, manager_a, centre_a, day, filled
):
    other = preselection_day(centre_a)
    stranger = ApplicationFactory(
        candidate=named_candidate(other, "Eva Neves"), company=CompanyFactory(day=other)
    )
    client.force_login(manager_a)
    before = statuses()

    response = client.post(
        url("application_decide", day, application_pk=stranger.pk), {"decision": "shortlist"}
    )

    assert (response.status_code, statuses()) == (404, before)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["applications_decide", "send_invitations"])
def test_buttons_refuse_get(client, manager_a, day, name):
    client.force_login(manager_a)

    assert client.get(url(name, day)).status_code == 405


# --- invitations ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_send_invitations_emails_the_preselected_candidates_once_committed(
    client, manager_a, day, filled, django_capture_on_commit_callbacks
):
    client.force_login(manager_a)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(url("send_invitations", day))

    bruno = filled["bruno_douro"].candidate
    bruno.refresh_from_db()
    assert (response.status_code, len(callbacks)) == (302, 1)
    assert flashed(response) == ["The invitation of 1 candidate is on its way."]
    assert [message.to for message in mail.outbox] == [["bruno@example.org"]]
    assert bruno.invited_at is not None
    assert AuditLogEntry.objects.filter(action="recruitment.invitations.requested").count() == 1


@pytest.mark.django_db
def test_send_invitations_twice_is_refused_once_everyone_is_invited(
    client, manager_a, day, filled, django_capture_on_commit_callbacks
):
    client.force_login(manager_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("send_invitations", day))

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(url("send_invitations", day))

    assert (response.status_code, len(callbacks), len(mail.outbox)) == (409, 0, 1)
    assert b"already been invited" in response.content


@pytest.mark.django_db
def test_send_invitations_before_the_preselection_is_refused(
    client, manager_a, day, filled, django_capture_on_commit_callbacks
):
    RecruitmentDay.objects.filter(pk=day.pk).update(phase=Phase.APPLICATIONS)
    client.force_login(manager_a)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(url("send_invitations", day))

    assert (response.status_code, len(callbacks), mail.outbox) == (409, 0, [])
    assert Candidate.objects.filter(invited_at__isnull=False).count() == 0


# --- candidates -----------------------------------------------------------------------------


def candidate_rows(response):
    return [
        (c.name, c.application_count, c.shortlisted_count, c.presence, bool(c.cv))
        for c in response.context["rows"]
    ]


@pytest.mark.django_db
def test_candidates_list_counts_applications_and_shortlists(client, manager_a, day, filled):
    with_cv(filled["ana_ribeira"].candidate)
    Candidate.objects.filter(pk=filled["bruno_douro"].candidate_id).update(
        presence=Presence.ARRIVED
    )
    client.force_login(manager_a)

    response = client.get(url("candidates", day))

    assert (response.status_code, candidate_rows(response)) == (
        200,
        [
            ("Ana Sousa", 2, 0, "expected", True),
            ("Bruno Lima", 1, 1, "arrived", False),
            ("Carla Reis", 0, 0, "expected", False),
        ],
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "names"),
    [
        ({"shortlisted": "yes"}, ["Bruno Lima"]),
        ({"shortlisted": "no"}, ["Ana Sousa", "Carla Reis"]),
        ({"presence": "expected", "q": "sousa"}, ["Ana Sousa"]),
        ({"presence": "absent"}, []),
        ({"q": "carla@"}, ["Carla Reis"]),
    ],
)
def test_candidates_list_filters(client, manager_a, day, filled, query, names):
    client.force_login(manager_a)

    response = client.get(url("candidates", day), query)

    assert [row[0] for row in candidate_rows(response)] == names


@pytest.mark.django_db
def test_candidates_list_of_500_candidates_has_pinned_queries(
    client, manager_a, day, django_assert_max_num_queries
):
    company = CompanyFactory(day=day)
    for number in range(60):
        ApplicationFactory(
            candidate=named_candidate(day, f"Pessoa {number:03d}", email=f"p{number}@x.org"),
            company=company,
        )
    client.force_login(manager_a)

    with django_assert_max_num_queries(9):
        response = client.get(url("candidates", day), {"page": "2"})

    assert [row[0] for row in candidate_rows(response)] == [
        f"Pessoa {n:03d}" for n in range(50, 60)
    ]


# --- the CV ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_candidate_cv_is_a_pdf_download_with_nosniff_and_is_audited(client, manager_a, day, filled):
    candidate = with_cv(filled["ana_ribeira"].candidate)
    client.force_login(manager_a)

    response = client.get(url("candidate_cv", day, candidate_pk=candidate.pk))

    assert (response.status_code, response.content) == (200, PDF_BYTES)
    assert (
        response["Content-Type"],
        response["Content-Disposition"],
        response["X-Content-Type-Options"],
    ) == ("application/pdf", 'attachment; filename="cv-ana-sousa.pdf"', "nosniff")
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.object_id, entry.changes) == (
        "recruitment.candidate.cv_downloaded",
        str(candidate.pk),
        {},
    )


@pytest.mark.django_db
def test_candidate_cv_of_a_candidate_without_one_is_not_found(client, manager_a, day, filled):
    client.force_login(manager_a)
    candidate = filled["ana_ribeira"].candidate

    assert client.get(url("candidate_cv", day, candidate_pk=candidate.pk)).status_code == 404


@pytest.mark.django_db
def test_candidate_cv_whose_file_is_gone_is_not_found(client, manager_a, day, filled):
    candidate = with_cv(filled["ana_ribeira"].candidate)
    candidate.cv.storage.delete(candidate.cv.name)
    client.force_login(manager_a)

    assert client.get(url("candidate_cv", day, candidate_pk=candidate.pk)).status_code == 404


@pytest.mark.django_db
def test_candidate_cv_through_another_event_is_not_found(client, manager_a, centre_a, day):
    other = preselection_day(centre_a)
    stranger = with_cv(named_candidate(other, "Eva Neves"))
    client.force_login(manager_a)

    response = client.get(url("candidate_cv", day, candidate_pk=stranger.pk))

    assert (response.status_code, AuditLogEntry.objects.count()) == (404, 0)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["counsellor_a", "manager_b", "public_user"])
def test_candidate_cv_is_hidden_from_anyone_but_the_organisers(client, request, day, filled, role):
    candidate = with_cv(filled["ana_ribeira"].candidate)
    client.force_login(request.getfixturevalue(role))

    response = client.get(url("candidate_cv", day, candidate_pk=candidate.pk))

    assert (response.status_code, AuditLogEntry.objects.count()) == (404, 0)
