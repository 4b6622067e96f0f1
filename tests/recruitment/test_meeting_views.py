"""The organisers' speed meeting page: the form, the saved plan as a grid and as routes,
refusals (400 with the reason, rows unchanged) and who reaches the page."""

import datetime
import re

import pytest
from django.core import serializers
from django.urls import reverse
from django.utils import translation

from cocade.agenda.enums import EventKind
from cocade.core.models import AuditLogEntry
from cocade.recruitment.models import SpeedMeeting
from cocade.recruitment.services.meetings import meeting_version
from tests.factories.agenda import EventFactory
from tests.factories.recruitment import SpeedMeetingFactory
from tests.factories.recruitment_meeting import meeting_event, planned_meeting


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def meeting(centre_a):
    return SpeedMeetingFactory(
        event=meeting_event(centre=centre_a, slug="rencontres-metiers"),
        groups=[],
        tables=[],
        starts_at=datetime.time(9, 0),
    )


def url(meeting_or_event):
    event = getattr(meeting_or_event, "event", meeting_or_event)
    return reverse("staff_recruitment:meeting", kwargs={"pk": event.pk})


def snapshot():
    return [
        serializers.serialize("json", model.objects.order_by("pk"))
        for model in (SpeedMeeting, AuditLogEntry)
    ]


def form_data(meeting, **changes):
    data = {
        "groups": "Groupe A\nGroupe B\n\nGroupe C\n",
        "tables": "Boulanger\r\nSoudeuse\r\nInfirmier",
        "round_minutes": "15",
        "rounds": "3",
        "starts_at": "09:30",
        "version": meeting_version(meeting),
    }
    data.update(changes)
    return data


def text_of(response):
    """The page's text, tags removed and spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_form_shows_the_stored_settings(client, manager_a, centre_a):
    meeting = SpeedMeetingFactory(
        event=meeting_event(centre=centre_a),
        groups=["Groupe A", "Groupe B"],
        tables=["Boulanger", "Soudeuse"],
        round_minutes=10,
        rounds=2,
    )
    client.force_login(manager_a)

    response = client.get(url(meeting))

    form = response.context["form"]
    assert response.status_code == 200
    assert (form["groups"].value(), form["tables"].value()) == (
        "Groupe A\nGroupe B",
        "Boulanger\nSoudeuse",
    )
    assert (form["round_minutes"].value(), form["rounds"].value()) == (10, 2)
    assert "No plan yet: save the groups, the tables and the rounds to compute it." in text_of(
        response
    )


def test_saving_plans_and_shows_the_grid_and_routes(client, manager_a, meeting):
    client.force_login(manager_a)

    response = client.post(url(meeting), form_data(meeting))

    assert (response.status_code, response["Location"]) == (302, url(meeting))
    meeting.refresh_from_db()
    assert (meeting.groups, meeting.tables) == (
        ["Groupe A", "Groupe B", "Groupe C"],
        ["Boulanger", "Soudeuse", "Infirmier"],
    )
    assert (meeting.starts_at, meeting.distinct_encounters) == (datetime.time(9, 30), 9)
    page = client.get(url(meeting))
    text = text_of(page)
    assert "The plan is saved." in text
    assert "9 of at most 9" in text
    assert "9:30 a.m. to 10:15 a.m.: 3 × 15 min, 45 minutes in all" in text
    grid = page.context["sheet"]
    assert [row.cells for row in grid.rounds] == [
        ["Groupe A", "Groupe B", "Groupe C"],
        ["Groupe C", "Groupe A", "Groupe B"],
        ["Groupe B", "Groupe C", "Groupe A"],
    ]
    assert [stop.table for stop in grid.routes[0].stops] == ["Boulanger", "Soudeuse", "Infirmier"]
    assert "Groupe C 3 tables" in text


def test_waiting_groups_are_shown(client, manager_a, centre_a):
    meeting = planned_meeting(
        event=meeting_event(centre=centre_a), groups=["A", "B", "C"], tables=["T1", "T2"], rounds=3
    )
    client.force_login(manager_a)

    response = client.get(url(meeting))

    assert [row.waiting for row in response.context["sheet"].rounds] == [["C"], ["B"], ["A"]]
    assert "waits" in text_of(response)


def test_empty_later_rounds_are_pointed_out(client, manager_a, centre_a):
    meeting = planned_meeting(
        event=meeting_event(centre=centre_a), groups=["A", "B"], tables=["T1", "T2"], rounds=4
    )
    client.force_login(manager_a)

    response = client.get(url(meeting))

    assert (
        "Every possible encounter has taken place after round 2: the later rounds stay empty."
        in text_of(response)
    )


def test_pairs_that_must_not_meet_are_saved_kept_apart_and_shown(client, manager_a, meeting):
    client.force_login(manager_a)

    response = client.post(
        url(meeting), form_data(meeting, unavailable="\r\ngroupe b / soudeuse\r\n")
    )

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.unavailable == [["Groupe B", "Soudeuse"]]
    assert all(row[1] != 1 for row in meeting.plan)
    page = client.get(url(meeting))
    assert page.context["form"]["unavailable"].value() == "Groupe B / Soudeuse"
    text = text_of(page)
    assert "Pairs that must not meet Groupe B / Soudeuse" in text
    assert f"{meeting.distinct_encounters} of at most 8" in text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"groups": ""}, "This field is required."),
        ({"groups": "Seul"}, "Enter at least 2 groups, one per line."),
        ({"tables": "T\nt"}, "Each table needs its own name: “t” appears more than once."),
        ({"rounds": "abc"}, "Enter a whole number."),
        ({"rounds": "99"}, "Choose from 1 to 60 rounds."),
        ({"round_minutes": "0"}, "A round lasts from 1 to 240 minutes."),
        ({"starts_at": "25:00"}, "Enter a valid time."),
        (
            {"unavailable": "Groupe A / Cuisinier"},
            "Line 1, “Groupe A / Cuisinier”: write a group, then “ / ”, then a table, each as "
            "named above.",
        ),
        (
            {"starts_at": "11:30", "rounds": "3", "round_minutes": "15"},
            "The last round would end at 12:15 p.m., after the end of the event at noon.",
        ),
    ],
)
def test_refusals_answer_400_with_the_reason_and_change_nothing(
    client, manager_a, meeting, changes, message
):
    client.force_login(manager_a)
    before = snapshot()

    response = client.post(url(meeting), form_data(meeting, **changes))

    assert response.status_code == 400
    assert message in text_of(response)
    assert snapshot() == before


def test_second_save_from_the_same_page_is_refused_as_stale(client, manager_a, meeting):
    client.force_login(manager_a)
    data = form_data(meeting)
    client.post(url(meeting), data)
    before = snapshot()

    response = client.post(url(meeting), {**data, "rounds": "2"})

    assert response.status_code == 400
    assert "Someone else changed this in the meantime." in text_of(response)
    assert snapshot() == before


def test_page_with_a_large_plan_takes_few_queries(
    client, manager_a, centre_a, django_assert_max_num_queries
):
    meeting = planned_meeting(
        event=meeting_event(centre=centre_a, ends=datetime.time(23, 0)),
        groups=[f"Groupe {n}" for n in range(40)],
        tables=[f"Table {n}" for n in range(30)],
        rounds=30,
        round_minutes=10,
    )
    client.force_login(manager_a)

    with django_assert_max_num_queries(12):
        response = client.get(url(meeting))

    assert response.status_code == 200
    assert response.context["sheet"].distinct_encounters == 900


def test_another_centre_gets_404(client, manager_b, meeting):
    client.force_login(manager_b)

    assert client.get(url(meeting)).status_code == 404
    assert client.post(url(meeting), form_data(meeting)).status_code == 404


def test_event_of_another_kind_gets_404(client, manager_a, centre_a):
    workshop = EventFactory(centre=centre_a, kind=EventKind.WORKSHOP)
    client.force_login(manager_a)

    response = client.get(url(workshop))

    assert response.status_code == 404
    assert SpeedMeeting.objects.filter(event=workshop).exists() is False


def test_page_opens_for_a_new_meeting_event(client, manager_a, centre_a):
    event = meeting_event(centre=centre_a)
    client.force_login(manager_a)

    response = client.get(url(event))

    assert response.status_code == 200
    assert response.context["sheet"] is None
