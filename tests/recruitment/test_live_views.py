"""The pages of the day: the organisers' live page (with and without htmx), its buttons, the
QR code answered to the agenda's check-in script, the bell, the re-optimisation and the
board. A refusal answers 400 or 409 with the reason, and changes no row."""

from __future__ import annotations

import pytest
from django.core import serializers
from django.urls import reverse
from django.utils import translation

from cocade.agenda.models import Attendance
from cocade.agenda.tokens import check_in_token
from cocade.core.models import AuditLogEntry
from cocade.recruitment.enums import InterviewStatus, Outcome, Phase, Presence, RunKind
from cocade.recruitment.models import Candidate, Interview, RecruitmentDay, ScheduleRun
from cocade.recruitment.services import live
from tests.factories.recruitment_live import at, candidate, live_day

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
JSON = {"HTTP_ACCEPT": "application/json"}


def rows() -> str:
    models = (Candidate, Interview, Attendance, AuditLogEntry, ScheduleRun, RecruitmentDay)
    return "\n".join(serializers.serialize("json", m.objects.order_by("pk")) for m in models)


def url(name: str, day, **kwargs) -> str:
    with translation.override("en"):
        return reverse(f"staff_recruitment:{name}", kwargs={"pk": day.day.event_id, **kwargs})


@pytest.fixture
def day(centre_a):
    return live_day(centre_a)


@pytest.fixture
def organiser(client, manager_a):
    client.force_login(manager_a)
    return client


def text(response) -> str:
    return response.content.decode()


# --- The page -------------------------------------------------------------------------------


def test_live_page_shows_the_counts_the_round_and_the_bell(day, organiser):
    response = organiser.get(url("live", day))

    assert response.status_code == 200
    page = text(response)
    assert "<strong data-count-confirmed>3</strong> Candidates with interviews" in page
    assert "Ring the bell: start the round of 9 a.m." in page
    bell = live.next_bell(day.day)
    assert f'name="slot_start" value="{bell.at.isoformat()}"' in page
    assert "data-check-in-camera" in page
    assert url("live_scan", day) in page
    assert ("style=" in page, "onclick" in page, "<script>" in page) == (False, False, False)


def test_live_page_queries_do_not_grow_with_the_candidates(
    centre_a, organiser, django_assert_max_num_queries
):
    day = live_day(centre_a)
    for number in range(12):
        candidate(day.day, f"Pessoa{number} Araújo")
    company = day.ribeira.pk

    with django_assert_max_num_queries(17):
        response = organiser.get(url("live", day) + f"?q=example&company={company}")

    assert response.status_code == 200
    assert text(response).count('class="live-candidate"') == 15


def test_name_search_by_htmx_answers_the_results(day, organiser):
    response = organiser.get(url("live", day) + "?q=ana", HTTP_HX_TARGET="live-results", **HTMX)

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "recruitment/live/_results.html"
    assert "Ana Pereira" in text(response)
    assert "Bruno Sousa" not in text(response)
    assert url("live_presence", day, candidate_pk=day.ana.pk) in text(response)


def test_name_search_without_script_shows_the_page(day, organiser):
    response = organiser.get(url("live", day) + "?q=bru")

    assert [t.name for t in response.templates][0] == "recruitment/live/page.html"
    assert text(response).count('class="live-candidate"') == 1


def test_counts_polled_by_htmx(day, organiser, manager_a):
    live.mark_arrived(day.ana, user=manager_a, now=at(day.day, "08:50"))

    response = organiser.get(url("live", day) + "?part=counts", **HTMX)

    assert [t.name for t in response.templates][0] == "recruitment/live/_counts.html"
    assert "<strong data-count-present>1</strong> Arrived" in text(response)


def test_company_interviews_offer_the_outcome_of_held_ones(day, organiser):
    Interview.objects.filter(candidate=day.ana, company=day.ribeira).update(
        status=InterviewStatus.DONE
    )

    response = organiser.get(url("live", day) + f"?company={day.ribeira.pk}")

    page = text(response)
    assert page.count('name="action" value="outcome"') == 1
    assert page.count('name="action" value="start"') >= 2


# --- Presence buttons -----------------------------------------------------------------------


def test_arrived_button_by_htmx_swaps_the_candidate_and_the_counts(day, organiser):
    response = organiser.post(
        url("live_presence", day, candidate_pk=day.ana.pk),
        {"action": "arrived", "q": "ana"},
        **HTMX,
    )

    assert response.status_code == 200
    page = text(response)
    assert f'id="live-candidate-{day.ana.pk}"' in page
    assert 'id="check-in-status" hx-swap-oob="innerHTML"' in page
    assert "Ana Pereira: arrived." in page
    assert "<strong data-count-present>1</strong>" in page
    day.ana.refresh_from_db()
    assert day.ana.presence == Presence.ARRIVED


def test_no_show_button_without_script_comes_back_to_the_candidate(day, organiser):
    response = organiser.post(
        url("live_presence", day, candidate_pk=day.bruno.pk), {"action": "absent", "q": "bru"}
    )

    assert response.status_code == 302
    assert response["Location"] == url("live", day) + f"?q=bru#live-candidate-{day.bruno.pk}"
    day.bruno.refresh_from_db()
    assert day.bruno.presence == Presence.ABSENT


def test_undoing_a_no_show_with_nothing_left_says_to_reoptimise(day, organiser):
    organiser.post(url("live_presence", day, candidate_pk=day.bruno.pk), {"action": "absent"})
    Interview.objects.filter(candidate=day.bruno).delete()  # as a re-optimisation does

    response = organiser.post(
        url("live_presence", day, candidate_pk=day.bruno.pk), {"action": "undo"}, follow=True
    )

    assert (
        "No interview is left for them today: re-optimise the rest of the day to place them "
        "again." in text(response)
    )


def test_a_double_click_on_arrived_answers_409_and_changes_nothing(day, organiser):
    organiser.post(url("live_presence", day, candidate_pk=day.ana.pk), {"action": "arrived"})
    before = rows()

    response = organiser.post(
        url("live_presence", day, candidate_pk=day.ana.pk), {"action": "arrived"}, **HTMX
    )

    assert response.status_code == 409
    assert "Ana Pereira: already marked arrived at" in text(response)
    assert rows() == before


@pytest.mark.parametrize("data", [{}, {"action": "vanish"}])
def test_an_unknown_presence_action_answers_400_and_changes_nothing(day, organiser, data):
    before = rows()

    response = organiser.post(url("live_presence", day, candidate_pk=day.ana.pk), data)

    assert response.status_code == 400
    assert "This action is not known" in text(response)
    assert rows() == before


def test_a_candidate_of_another_day_is_not_found(day, centre_a, organiser):
    other = live_day(centre_a)
    before = rows()

    response = organiser.post(
        url("live_presence", day, candidate_pk=other.ana.pk), {"action": "arrived"}
    )

    assert response.status_code == 404
    assert rows() == before


def test_presence_before_the_day_answers_409(centre_a, organiser):
    day = live_day(centre_a, phase=Phase.PRESELECTION)
    before = rows()

    response = organiser.post(
        url("live_presence", day, candidate_pk=day.ana.pk), {"action": "arrived"}
    )

    assert response.status_code == 409
    assert rows() == before


# --- The QR code ----------------------------------------------------------------------------


def test_scan_answers_the_check_in_script(day, organiser):
    token = check_in_token(day.carla.registration)

    first = organiser.post(url("live_scan", day), {"token": token}, **JSON)
    again = organiser.post(url("live_scan", day), {"token": token}, **JSON)

    assert (first.status_code, first.json()) == (
        200,
        {"status": "checked_in", "message": "Carla Matos: arrived.", "present": 1, "confirmed": 3},
    )
    assert again.status_code == 200
    assert again.json()["status"] == "already"
    assert again.json()["message"].startswith("Carla Matos: already marked arrived at ")


def test_scan_of_a_bad_code_answers_400_and_changes_nothing(day, organiser):
    before = rows()

    response = organiser.post(url("live_scan", day), {"token": "forged"}, **JSON)

    assert (response.status_code, response.json()["status"]) == (400, "refused")
    assert rows() == before


def test_scan_of_another_event_answers_409_and_changes_nothing(day, centre_a, organiser):
    other = live_day(centre_a)
    before = rows()

    response = organiser.post(
        url("live_scan", day), {"token": check_in_token(other.ana.registration)}
    )

    assert response.status_code == 409
    assert "This code is for another event." in text(response)
    assert rows() == before


def test_scan_without_script_comes_back_to_the_page(day, organiser):
    response = organiser.post(
        url("live_scan", day), {"token": check_in_token(day.ana.registration)}
    )

    assert response.status_code == 302
    assert response["Location"] == url("live", day) + "#live-scan"


# --- Interviews, the bell, the re-optimisation ---------------------------------------------


def test_interview_buttons(day, organiser):
    interview = day.interview(day.ana, day.ribeira)
    target = url("live_interview", day, interview_pk=interview.pk)

    started = organiser.post(target, {"action": "start", "back": "live-round"})
    organiser.post(target, {"action": "finish"})
    recorded = organiser.post(target, {"action": "outcome", "outcome": Outcome.HIRED})

    assert started["Location"] == url("live", day) + "#live-round"
    assert recorded["Location"] == url("live", day) + f"#live-candidate-{day.ana.pk}"
    interview.refresh_from_db()
    assert (interview.status, interview.outcome) == (InterviewStatus.DONE, Outcome.HIRED)


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({"action": "finish"}, 409),
        ({"action": "outcome", "outcome": Outcome.HIRED}, 409),
        ({"action": "outcome", "outcome": "promoted"}, 400),
        ({"action": "dance"}, 400),
        ({}, 400),
    ],
)
def test_refused_interview_buttons_change_nothing(day, organiser, data, status):
    interview = day.interview(day.ana, day.ribeira)
    before = rows()

    response = organiser.post(url("live_interview", day, interview_pk=interview.pk), data)

    assert response.status_code == status
    assert 'class="check-in-answer check-in-refused"' in text(response)
    assert rows() == before


def test_the_bell_button_starts_the_round_shown(day, organiser):
    slot = live.next_bell(day.day).at

    response = organiser.post(url("live_round", day), {"slot_start": slot.isoformat()})

    assert response.status_code == 302
    assert response["Location"] == url("live", day) + "#live-round"
    assert Interview.objects.filter(status=InterviewStatus.UNDER_WAY).count() == 2


def test_the_bell_rung_twice_answers_409_and_changes_nothing(day, organiser):
    slot = live.next_bell(day.day).at.isoformat()
    organiser.post(url("live_round", day), {"slot_start": slot})
    before = rows()

    response = organiser.post(url("live_round", day), {"slot_start": slot})

    assert response.status_code == 409
    assert "This round has already started" in text(response)
    assert rows() == before


@pytest.mark.parametrize("slot", ["", "tomorrow", "2030-01-01T09:00:00"])
def test_the_bell_without_a_valid_round_answers_400(day, organiser, slot):
    before = rows()

    response = organiser.post(url("live_round", day), {"slot_start": slot})

    assert response.status_code == 400
    assert rows() == before


def test_reoptimise_asks_the_worker_and_refuses_a_second_computation(
    day, organiser, manager_a, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    live.mark_absent(day.carla, user=manager_a)

    response = organiser.post(url("live_reoptimise", day))

    assert response.status_code == 302
    assert list(ScheduleRun.objects.values_list("kind", "status")) == [
        (RunKind.REOPTIMISE, "queued")
    ]
    before = rows()
    again = organiser.post(url("live_reoptimise", day))
    assert again.status_code == 409
    assert rows() == before


def test_reoptimise_before_the_day_answers_409(centre_a, organiser):
    day = live_day(centre_a, phase=Phase.PRESELECTION)
    before = rows()

    response = organiser.post(url("live_reoptimise", day))

    assert response.status_code == 409
    assert rows() == before


@pytest.mark.parametrize("name", ["live_scan", "live_round", "live_reoptimise"])
def test_buttons_answer_405_to_a_get(day, organiser, name):
    assert organiser.get(url(name, day)).status_code == 405


# --- The board ------------------------------------------------------------------------------


def test_the_board_shows_short_names_and_polls(
    day, organiser, manager_a, django_assert_max_num_queries
):
    live.start_round(day.day, at(day.day, "09:00"), user=manager_a, now=at(day.day, "09:00"))

    page = text(organiser.get(url("live_board", day)))
    with django_assert_max_num_queries(10):
        fragment = organiser.get(url("live_board_fragment", day), **HTMX)

    assert "Ana P." in page
    assert "Ana Pereira" not in page
    assert "ana@example.org" not in page
    assert f'hx-get="{url("live_board_fragment", day)}" hx-trigger="every 5s"' in page
    assert [t.name for t in fragment.templates][0] == "recruitment/live/_board.html"
    assert "data-seconds-left=" in text(fragment)
    assert "style=" not in page


def test_the_board_before_the_first_round(day, organiser):
    page = text(organiser.get(url("live_board", day)))

    assert "Next round at 9 a.m." in page
