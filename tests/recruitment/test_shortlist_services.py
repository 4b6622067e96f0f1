"""Pre-selection services: deciding one application or many (pre-selection stage only, all or
nothing, a repeated click refused), the request for invitations, and the company figures."""

import datetime

import pytest
from django.utils import translation

from cocade.core.errors import NotFound
from cocade.core.models import AuditLogEntry
from cocade.recruitment import errors
from cocade.recruitment.enums import ApplicationStatus, Phase
from cocade.recruitment.errors import WrongPhase
from cocade.recruitment.models import Application, RecruitmentDay
from cocade.recruitment.services import shortlist
from tests.factories.recruitment import ApplicationFactory, CompanyFactory
from tests.factories.recruitment_shortlist import named_candidate, preselection_day

APPLIED, SHORTLISTED, REJECTED, WITHDRAWN = (
    ApplicationStatus.APPLIED,
    ApplicationStatus.SHORTLISTED,
    ApplicationStatus.REJECTED,
    ApplicationStatus.WITHDRAWN,
)


def rows():
    """Every application and audit entry, to compare before and after a refusal."""
    return (
        list(Application.objects.order_by("pk").values()),
        AuditLogEntry.objects.count(),
    )


@pytest.fixture
def day(centre_a):
    return preselection_day(centre_a)


@pytest.fixture
def company(day):
    return CompanyFactory(day=day, name="Ribeira Software")


@pytest.fixture
def three(day, company):
    """Ana (applied), Bruno (shortlisted by the company) and Carla (withdrawn)."""
    return [
        ApplicationFactory(candidate=named_candidate(day, "Ana Sousa"), company=company),
        ApplicationFactory(
            candidate=named_candidate(day, "Bruno Lima"),
            company=company,
            status=SHORTLISTED,
            decided_by_company=True,
            decided_at=datetime.datetime(2025, 1, 6, 9, tzinfo=datetime.UTC),
        ),
        ApplicationFactory(
            candidate=named_candidate(day, "Carla Reis"), company=company, status=WITHDRAWN
        ),
    ]


# --- decide ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_decide_shortlists_and_records_the_previous_status(three, manager_a):
    ana = three[0]

    done = shortlist.decide(ana, shortlisted=True, user=manager_a)

    ana.refresh_from_db()
    assert (done.status, ana.status, ana.decided_by_company) == (SHORTLISTED, SHORTLISTED, False)
    assert ana.decided_at is not None
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.object_id, entry.changes) == (
        "recruitment.application.shortlisted",
        manager_a,
        str(ana.pk),
        {"status": {"before": {str(ana.pk): "applied"}, "after": "shortlisted"}},
    )


@pytest.mark.django_db
def test_decide_by_the_organisers_replaces_the_company_decision(three, manager_a):
    bruno = three[1]

    shortlist.decide(bruno, shortlisted=False, user=manager_a)

    bruno.refresh_from_db()
    assert (bruno.status, bruno.decided_by_company) == (REJECTED, False)
    assert AuditLogEntry.objects.get().action == "recruitment.application.rejected"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "phase", [Phase.COMPANIES, Phase.APPLICATIONS, Phase.SCHEDULED, Phase.LIVE, Phase.CLOSED]
)
def test_decide_outside_the_preselection_is_refused_and_writes_nothing(
    day, three, manager_a, phase
):
    RecruitmentDay.objects.filter(pk=day.pk).update(phase=phase)
    before = rows()

    with pytest.raises(WrongPhase):
        shortlist.decide(three[0], shortlisted=True, user=manager_a)

    assert rows() == before


@pytest.mark.django_db
def test_decide_the_same_decision_twice_is_refused_the_second_time(three, manager_a):
    shortlist.decide(three[0], shortlisted=True, user=manager_a)
    before = rows()

    with translation.override("en"), pytest.raises(errors.AlreadyDecided) as refusal:
        shortlist.decide(three[0], shortlisted=True, user=manager_a)

    with translation.override("en"):
        message = str(refusal.value.message)
    assert (message, rows()) == (
        "This application is already shortlisted.",
        before,
    )


@pytest.mark.django_db
def test_decide_a_withdrawn_application_is_refused(three, manager_a):
    before = rows()

    with pytest.raises(errors.ApplicationWithdrawn):
        shortlist.decide(three[2], shortlisted=True, user=manager_a)

    assert rows() == before


@pytest.mark.django_db
def test_decide_an_application_deleted_meanwhile_is_not_found(three, manager_a):
    ana = three[0]
    Application.objects.filter(pk=ana.pk).delete()

    with pytest.raises(NotFound):
        shortlist.decide(ana, shortlisted=True, user=manager_a)

    assert AuditLogEntry.objects.count() == 0


# --- decide_many ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_decide_many_changes_those_without_the_decision_and_counts_them(day, three, manager_a):
    ana, bruno = three[0], three[1]
    dora = ApplicationFactory(candidate=named_candidate(day, "Dora Vaz"), company=ana.company)

    count = shortlist.decide_many(
        day, [str(ana.pk), bruno.pk, dora.pk], shortlisted=True, user=manager_a
    )

    statuses = dict(Application.objects.values_list("pk", "status"))
    assert (count, statuses[ana.pk], statuses[bruno.pk], statuses[dora.pk]) == (
        2,
        SHORTLISTED,
        SHORTLISTED,
        SHORTLISTED,
    )
    bruno.refresh_from_db()
    assert bruno.decided_by_company is True  # it already had the decision: left as it was
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.object_id, entry.changes) == (
        "recruitment.application.shortlisted",
        str(day.pk),
        {
            "status": {
                "before": {str(ana.pk): "applied", str(dora.pk): "applied"},
                "after": "shortlisted",
            }
        },
    )


@pytest.mark.django_db
def test_decide_many_with_an_application_of_another_event_writes_nothing(
    centre_a, day, three, manager_a
):
    other_day = preselection_day(centre_a)
    stranger = ApplicationFactory(
        candidate=named_candidate(other_day, "Eva Neves"),
        company=CompanyFactory(day=other_day),
    )
    before = rows()

    with pytest.raises(shortlist.UnknownApplications):
        shortlist.decide_many(day, [three[0].pk, stranger.pk], shortlisted=True, user=manager_a)

    assert rows() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("ids", "error"),
    [
        ([], shortlist.NothingChosen),
        (["x"], shortlist.UnknownApplications),
        ([None], shortlist.UnknownApplications),
        ([0], shortlist.UnknownApplications),
        ([-3], shortlist.UnknownApplications),
        ([999999], shortlist.UnknownApplications),
        (list(range(1, shortlist.MAX_BATCH + 2)), shortlist.UnknownApplications),
    ],
)
def test_decide_many_refuses_ids_that_are_not_applications(day, three, manager_a, ids, error):
    before = rows()

    with pytest.raises(error):
        shortlist.decide_many(day, ids, shortlisted=False, user=manager_a)

    assert rows() == before


@pytest.mark.django_db
def test_decide_many_including_a_withdrawn_application_writes_nothing(day, three, manager_a):
    before = rows()

    with pytest.raises(errors.ApplicationWithdrawn):
        shortlist.decide_many(day, [a.pk for a in three], shortlisted=False, user=manager_a)

    assert rows() == before


@pytest.mark.django_db
def test_decide_many_repeated_is_refused_and_writes_nothing(day, three, manager_a):
    ids = [three[0].pk, three[1].pk]
    shortlist.decide_many(day, ids, shortlisted=False, user=manager_a)
    before = rows()

    with pytest.raises(errors.AlreadyDecided):
        shortlist.decide_many(day, ids, shortlisted=False, user=manager_a)

    assert rows() == before


@pytest.mark.django_db
def test_decide_many_outside_the_preselection_writes_nothing(day, three, manager_a):
    RecruitmentDay.objects.filter(pk=day.pk).update(phase=Phase.SCHEDULED)
    before = rows()

    with pytest.raises(WrongPhase):
        shortlist.decide_many(day, [three[0].pk], shortlisted=True, user=manager_a)

    assert rows() == before


# --- invitations ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_request_invitations_counts_the_shortlisted_not_invited_and_audits(day, three, manager_a):
    other = ApplicationFactory(candidate=three[1].candidate, company=CompanyFactory(day=day))
    Application.objects.filter(pk=other.pk).update(status=SHORTLISTED)
    invited = named_candidate(day, "Filipa Cruz", invited_at=datetime.datetime.now(datetime.UTC))
    ApplicationFactory(candidate=invited, company=three[0].company, status=SHORTLISTED)

    count = shortlist.request_invitations(day, user=manager_a)

    entry = AuditLogEntry.objects.get()
    assert (count, entry.action, entry.changes) == (
        1,
        "recruitment.invitations.requested",
        {"candidates": 1},
    )


@pytest.mark.django_db
def test_request_invitations_with_nobody_to_invite_is_refused(day, company, manager_a):
    ApplicationFactory(candidate=named_candidate(day, "Ana Sousa"), company=company)

    with pytest.raises(shortlist.NothingToInvite):
        shortlist.request_invitations(day, user=manager_a)

    assert AuditLogEntry.objects.count() == 0


@pytest.mark.django_db
def test_request_invitations_before_the_preselection_is_refused(day, three, manager_a):
    RecruitmentDay.objects.filter(pk=day.pk).update(phase=Phase.APPLICATIONS)

    with pytest.raises(WrongPhase):
        shortlist.request_invitations(day, user=manager_a)

    assert AuditLogEntry.objects.count() == 0


# --- figures --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_company_counts_by_decision_with_the_capacity_of_the_tables(
    day, three, django_assert_num_queries
):
    """09:00-18:00 in 5-minute slots with lunch 12:30-14:00: 90 slots in all, 42 in the
    morning; the morning company has two tables."""
    ApplicationFactory(
        candidate=three[0].candidate,
        company=CompanyFactory(
            day=day,
            name="Alfama Saúde",
            tables=2,
            windows=[{"start": "09:00", "end": "12:30"}, {"start": "bad", "end": "10:00"}],
        ),
        status=REJECTED,
    )

    with django_assert_num_queries(1):
        counts = shortlist.company_counts(day)

    assert [
        (
            c.company.name,
            c.applications,
            c.shortlisted,
            c.rejected,
            c.waiting,
            c.by_company,
            c.capacity,
        )
        for c in counts
    ] == [
        ("Alfama Saúde", 1, 0, 1, 0, 0, 84),
        ("Ribeira Software", 2, 1, 0, 1, 1, 90),
    ]
