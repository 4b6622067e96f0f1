"""The hub of a speed recruitment: its figures, its stage with the buttons to move forward or
back (never into "schedule published", never back once it is published), and the links to
the other parts' pages."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from cocade.core.models import AuditLogEntry
from cocade.recruitment.enums import ApplicationStatus, InterviewStatus, Phase
from cocade.recruitment.models import RecruitmentDay
from cocade.recruitment.services.setup import next_phase, previous_phase, set_phase
from cocade.recruitment.views import staff_setup
from tests.factories.agenda import EventFactory
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


def flashed(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def day(centre_a):
    return day_of(centre_a)


# --- the page -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_overview_counts_what_the_speed_recruitment_holds(client, manager_a, day):
    ribeira = CompanyFactory(day=day, name="Ribeira")
    douro = CompanyFactory(day=day, name="Douro", link_sent_at=day.event.starts_at)
    OfferFactory.create_batch(2, company=ribeira)
    OfferFactory(company=douro)
    ana, bruno, carla = CandidateFactory.create_batch(3, day=day)
    ApplicationFactory(candidate=ana, company=ribeira, status=ApplicationStatus.SHORTLISTED)
    ApplicationFactory(candidate=ana, company=douro, rank=2)
    ApplicationFactory(candidate=bruno, company=douro, status=ApplicationStatus.WITHDRAWN)
    InterviewFactory(
        application=ApplicationFactory(
            candidate=carla, company=ribeira, status=ApplicationStatus.SHORTLISTED
        )
    )
    InterviewFactory(
        application=ApplicationFactory(
            candidate=carla, company=douro, status=ApplicationStatus.SHORTLISTED
        ),
        slot=1,
        status=InterviewStatus.CANCELLED,
    )
    client.force_login(manager_a)

    response = client.get(url("overview", day))

    assert response.status_code == 200
    assert response.context["counts"] == {
        "companies": 2,
        "not_sent": 1,
        "offers": 3,
        "candidates": 3,
        "applications": 4,
        "shortlisted": 3,
        "interviews": 1,
    }


@pytest.mark.django_db
def test_overview_runs_the_same_queries_whatever_the_size(
    client, manager_a, day, django_assert_max_num_queries
):
    for _index in range(8):
        application = ApplicationFactory(candidate=CandidateFactory(day=day))
        OfferFactory(company=application.company)
    client.force_login(manager_a)

    with django_assert_max_num_queries(16):
        response = client.get(url("overview", day))

    assert response.status_code == 200


@pytest.mark.django_db
def test_overview_of_an_event_that_is_no_speed_recruitment_is_not_found(
    client, manager_a, centre_a
):
    workshop = EventFactory(centre=centre_a)
    client.force_login(manager_a)

    with translation.override("en"):
        response = client.get(reverse("staff_recruitment:overview", kwargs={"pk": workshop.pk}))

    assert response.status_code == 404
    assert RecruitmentDay.objects.count() == 0


@pytest.mark.django_db
def test_overview_makes_the_speed_recruitment_on_first_visit(client, coordinator, centre_a):
    event = day_of(centre_a).event
    RecruitmentDay.objects.all().delete()
    client.force_login(coordinator)

    with translation.override("en"):
        response = client.get(reverse("staff_recruitment:overview", kwargs={"pk": event.pk}))

    assert response.status_code == 200
    assert list(RecruitmentDay.objects.values_list("event", "phase")) == [
        (event.pk, Phase.COMPANIES)
    ]


def test_links_leave_out_the_pages_that_do_not_exist(monkeypatch):
    monkeypatch.setattr(
        staff_setup,
        "OTHER_PAGES",
        (
            ("staff_recruitment:settings", "Settings", ""),
            ("staff_recruitment:no_such_page", "Nowhere", ""),
        ),
    )

    with translation.override("en"):
        links = staff_setup.existing_links(7)

    assert [(link["name"], link["url"]) for link in links] == [
        ("staff_recruitment:settings", "/en/staff/recruitment/7/settings/")
    ]


@pytest.mark.django_db
def test_overview_at_preselection_links_to_the_schedule_instead_of_a_button(
    client, manager_a, centre_a
):
    day = day_of(centre_a, phase=Phase.PRESELECTION)
    client.force_login(manager_a)

    response = client.get(url("overview", day))

    moves = response.context["moves"]
    assert moves["next"] is None
    assert moves["previous"] == {"value": Phase.APPLICATIONS, "label": Phase.APPLICATIONS.label}
    assert moves["publish_url"] == url("schedule", day)
    assert 'value="scheduled"' not in response.content.decode()


# --- the stage ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phase", "after", "before"),
    [
        (Phase.COMPANIES, Phase.APPLICATIONS, None),
        (Phase.APPLICATIONS, Phase.PRESELECTION, Phase.COMPANIES),
        (Phase.PRESELECTION, Phase.SCHEDULED, Phase.APPLICATIONS),
        (Phase.SCHEDULED, Phase.LIVE, None),
        (Phase.LIVE, Phase.CLOSED, None),
        (Phase.CLOSED, None, None),
    ],
)
def test_each_stage_has_its_next_and_its_way_back(phase, after, before):
    assert (next_phase(phase), previous_phase(phase)) == (after, before)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "target"),
    [
        (Phase.COMPANIES, Phase.APPLICATIONS),
        (Phase.APPLICATIONS, Phase.PRESELECTION),
        (Phase.APPLICATIONS, Phase.COMPANIES),
        (Phase.PRESELECTION, Phase.APPLICATIONS),
        (Phase.SCHEDULED, Phase.LIVE),
        (Phase.LIVE, Phase.CLOSED),
    ],
)
def test_organiser_moves_the_stage_one_step(client, manager_a, centre_a, start, target):
    day = day_of(centre_a, phase=start)
    client.force_login(manager_a)

    response = client.post(url("phase", day), {"phase": target})

    assert response.status_code == 302
    assert response["Location"] == url("overview", day)
    day.refresh_from_db()
    assert day.phase == target
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.changes, entry.centre_id) == (
        "recruitment.phase.changed",
        manager_a,
        {"phase": {"before": start, "after": target}},
        centre_a.pk,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "target", "reason"),
    [
        (Phase.PRESELECTION, Phase.SCHEDULED, "schedule's page"),
        (Phase.APPLICATIONS, Phase.SCHEDULED, "schedule's page"),
        (Phase.SCHEDULED, Phase.PRESELECTION, "cannot go from"),
        (Phase.LIVE, Phase.SCHEDULED, "schedule's page"),
        (Phase.CLOSED, Phase.LIVE, "cannot go from"),
        (Phase.COMPANIES, Phase.PRESELECTION, "cannot go from"),
        (Phase.APPLICATIONS, Phase.LIVE, "cannot go from"),
    ],
)
def test_stage_refuses_to_skip_to_publish_or_to_go_back_after_publishing(
    client, manager_a, centre_a, start, target, reason
):
    day = day_of(centre_a, phase=start)
    before = rows()
    client.force_login(manager_a)

    response = client.post(url("phase", day), {"phase": target})

    assert response.status_code == 409
    assert reason in response.content.decode().replace("&#x27;", "'")
    assert rows() == before


@pytest.mark.django_db
def test_stage_double_click_moves_once(client, manager_a, day):
    client.force_login(manager_a)

    first = client.post(url("phase", day), {"phase": Phase.PRESELECTION})
    second = client.post(url("phase", day), {"phase": Phase.PRESELECTION})

    assert (first.status_code, second.status_code) == (302, 302)
    day.refresh_from_db()
    assert day.phase == Phase.PRESELECTION
    assert AuditLogEntry.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["", "published", "SCHEDULED"])
def test_stage_refuses_an_unknown_stage(client, manager_a, day, value):
    before = rows()
    client.force_login(manager_a)

    response = client.post(url("phase", day), {"phase": value})

    assert response.status_code == 400
    assert "Choose the stage to move to." in response.content.decode()
    assert rows() == before


@pytest.mark.django_db
def test_set_phase_refuses_someone_who_does_not_organise_the_event(manager_b, day):
    from cocade.core.errors import NotFound

    before = rows()

    with pytest.raises(NotFound):
        set_phase(actor=manager_b, day=day, phase=Phase.PRESELECTION)

    assert rows() == before


@pytest.mark.django_db
def test_stage_flashes_what_changed(client, manager_a, day):
    client.force_login(manager_a)

    response = client.post(url("phase", day), {"phase": Phase.PRESELECTION})

    assert flashed(response) == [
        "Pre-selection has started: companies can shortlist their candidates."
    ]
