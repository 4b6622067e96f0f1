"""The check-in page, the name search and the "Check in" button of each name."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from cocade.agenda.enums import RegistrationStatus
from cocade.agenda.models import Attendance
from cocade.agenda.services.attendance import half_day_at
from cocade.core.models import AuditLogEntry
from tests.factories.agenda import AttendanceFactory, EventFactory
from tests.factories.agenda_checkin import event_now, registrant

HTMX = {"HTTP_HX_REQUEST": "true"}
#: Session, user, memberships, second factor, the event (organiser check), the results with
#: their event, and their attendances.
QUERIES_PER_SEARCH = 7


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(f"staff_agenda:{name}", kwargs=kwargs)


def written():
    return (
        sorted(Attendance.objects.values_list("registration_id", "day", "half")),
        AuditLogEntry.objects.count(),
    )


def names_in(response):
    return [row.registration.name for row in response.context["rows"]]


@pytest.fixture
def door(centre_a):
    """An event happening now: Ana, Anabela and Bruno confirmed, Anaïs cancelled, and Ana
    registered for another event too."""
    event = event_now(centre=centre_a)
    people = {
        "ana": registrant(event, "Ana Sousa"),
        "anabela": registrant(event, "Anabela Costa", email="costa@example.org"),
        "bruno": registrant(event, "Bruno Lima", email="bruno.ana@example.org"),
        "anais": registrant(event, "Anaïs Martin", status=RegistrationStatus.CANCELLED),
    }
    registrant(event_now(centre=centre_a), "Ana Other", email="ana.other@example.org")
    return event, people


# --- The page ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_check_in_page_shows_counts_for_the_current_half_day(client, manager_a, door):
    event, people = door
    day, half = half_day_at(event, timezone.now())
    AttendanceFactory(registration=people["ana"], day=day, half=half)
    client.force_login(manager_a)

    response = client.get(url("check_in", pk=event.pk))

    content = response.content.decode()
    assert response.status_code == 200
    assert (
        "<strong data-count-present>1</strong> present / "
        "<strong data-count-confirmed>3</strong> confirmed"
    ) in content
    assert 'role="status"' in content
    assert [marker for marker in ("<script>", " style=", "onclick") if marker in content] == []


@pytest.mark.django_db
def test_check_in_page_outside_the_event_says_it_is_not_taking_place(client, centre_a, manager_a):
    event = EventFactory(centre=centre_a)
    registrant(event, "Ana Sousa")
    client.force_login(manager_a)

    response = client.get(url("check_in", pk=event.pk))

    content = response.content.decode()
    assert response.status_code == 200
    assert (
        "The event is not taking place now: people can be checked in during its half-days."
        in content
    )
    assert "<strong data-count-confirmed>1</strong> confirmed" in content


@pytest.mark.django_db
def test_check_in_counts_fragment_has_the_live_numbers(client, manager_a, door):
    event, people = door
    day, half = half_day_at(event, timezone.now())
    AttendanceFactory(registration=people["ana"], day=day, half=half)
    AttendanceFactory(registration=people["bruno"], day=day, half=half)

    client.force_login(manager_a)
    response = client.get(url("check_in_counts", pk=event.pk), **HTMX)

    assert response.status_code == 200
    assert (response.context["counts"].present, response.context["counts"].confirmed) == (2, 3)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["public_user", "counsellor_a", "manager_b"])
def test_check_in_page_for_someone_who_does_not_organise_is_404(request, client, door, role):
    event, _people = door
    client.force_login(request.getfixturevalue(role))

    response = client.get(url("check_in", pk=event.pk))

    assert response.status_code == 404


@pytest.mark.django_db
def test_check_in_page_for_the_coordinator_is_shown(client, coordinator, door):
    event, _people = door
    client.force_login(coordinator)

    response = client.get(url("check_in", pk=event.pk))

    assert response.status_code == 200


# --- The name search -----------------------------------------------------------------------


@pytest.mark.django_db
def test_search_lists_confirmed_registrants_matching_name_or_email(client, manager_a, door):
    event, _people = door
    client.force_login(manager_a)

    response = client.get(url("check_in_search", pk=event.pk), {"q": "ana"}, **HTMX)

    assert response.status_code == 200
    assert names_in(response) == ["Ana Sousa", "Anabela Costa", "Bruno Lima"]


@pytest.mark.django_db
def test_search_shows_each_persons_state_for_the_current_half_day(client, manager_a, door):
    event, people = door
    day, half = half_day_at(event, timezone.now())
    attendance = AttendanceFactory(registration=people["ana"], day=day, half=half)
    client.force_login(manager_a)

    response = client.get(url("check_in_search", pk=event.pk), {"q": "sousa"}, **HTMX)

    with translation.override("en"):
        time = date_format(attendance.checked_in_at.astimezone(event.zone), "TIME_FORMAT")
    content = response.content.decode()
    assert [(row.registration.name, row.present_at) for row in response.context["rows"]] == [
        ("Ana Sousa", time)
    ]
    assert f"Checked in at {time}" in content
    assert url("check_in_person", pk=event.pk, registration_pk=people["ana"].pk) not in content


@pytest.mark.django_db
def test_search_offers_a_check_in_button_to_those_not_yet_present(client, manager_a, door):
    event, people = door
    client.force_login(manager_a)

    response = client.get(url("check_in_search", pk=event.pk), {"q": "Lima"}, **HTMX)

    content = response.content.decode()
    assert "Not checked in yet" in content
    assert (
        f'hx-post="{url("check_in_person", pk=event.pk, registration_pk=people["bruno"].pk)}"'
        in content
    )


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "a", " a "])
def test_search_needs_two_characters(client, manager_a, door, query):
    event, _people = door
    client.force_login(manager_a)

    response = client.get(url("check_in_search", pk=event.pk), {"q": query}, **HTMX)

    content = response.content.decode()
    assert (response.status_code, response.context["rows"]) == (200, [])
    assert ("Type at least 2 characters to search." in content) == bool(query.strip())


@pytest.mark.django_db
def test_search_without_results_says_so(client, manager_a, door):
    event, _people = door
    client.force_login(manager_a)

    response = client.get(url("check_in_search", pk=event.pk), {"q": "Zorro"}, **HTMX)

    assert "No confirmed registrant matches “Zorro”." in response.content.decode()


@pytest.mark.django_db
def test_search_without_htmx_goes_to_the_page_with_the_results(client, manager_a, door):
    event, _people = door
    client.force_login(manager_a)

    response = client.get(url("check_in_search", pk=event.pk), {"q": "lima"}, follow=True)

    assert response.redirect_chain == [(url("check_in", pk=event.pk) + "?q=lima", 302)]
    assert names_in(response) == ["Bruno Lima"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["public_user", "counsellor_a", "manager_b"])
def test_search_by_someone_who_does_not_organise_is_404(request, client, door, role):
    event, _people = door
    client.force_login(request.getfixturevalue(role))

    response = client.get(url("check_in_search", pk=event.pk), {"q": "ana"}, **HTMX)

    assert response.status_code == 404


# --- Check-in by name ----------------------------------------------------------------------


@pytest.mark.django_db
def test_check_in_person_with_htmx_answers_status_row_and_counts(client, manager_a, door):
    event, people = door
    bruno = people["bruno"]
    client.force_login(manager_a)

    response = client.post(
        url("check_in_person", pk=event.pk, registration_pk=bruno.pk), {"q": "lima"}, **HTMX
    )

    content = response.content.decode()
    attendance = Attendance.objects.get()
    with translation.override("en"):
        time = date_format(attendance.checked_in_at.astimezone(event.zone), "TIME_FORMAT")
    assert response.status_code == 200
    assert (
        '<p class="check-in-answer check-in-checked_in"><span class="check-in-symbol" '
        'aria-hidden="true">✓</span> Checked in: Bruno Lima</p>'
    ) in content
    assert f'<li id="check-in-row-{bruno.pk}" class="check-in-row" hx-swap-oob="true">' in content
    assert f"Checked in at {time}" in content
    assert "<strong data-count-present>1</strong> present" in content
    assert (attendance.registration, attendance.checked_in_by) == (bruno, manager_a)
    assert AuditLogEntry.objects.get().action == "agenda.registration.checked_in"


@pytest.mark.django_db
def test_check_in_person_twice_says_already_and_writes_nothing(client, manager_a, door):
    event, people = door
    ana = people["ana"]
    client.force_login(manager_a)
    client.post(url("check_in_person", pk=event.pk, registration_pk=ana.pk), **HTMX)
    before = written()

    response = client.post(url("check_in_person", pk=event.pk, registration_pk=ana.pk), **HTMX)

    assert (response.status_code, response.context["outcome"].status) == (200, "already")
    assert written() == before


@pytest.mark.django_db
def test_check_in_person_without_htmx_redirects_to_the_search(client, manager_a, door):
    event, people = door
    client.force_login(manager_a)

    response = client.post(
        url("check_in_person", pk=event.pk, registration_pk=people["ana"].pk),
        {"q": "sousa"},
        follow=True,
    )

    assert response.redirect_chain == [(url("check_in", pk=event.pk) + "?q=sousa", 302)]
    assert [str(m) for m in response.context["messages"]] == ["Checked in: Ana Sousa"]
    assert Attendance.objects.filter(registration=people["ana"]).count() == 1


@pytest.mark.django_db
def test_check_in_person_cancelled_is_refused_and_writes_nothing(client, manager_a, door):
    event, people = door
    client.force_login(manager_a)
    before = written()

    response = client.post(
        url("check_in_person", pk=event.pk, registration_pk=people["anais"].pk), **HTMX
    )

    assert (response.status_code, response.context["outcome"].status) == (409, "refused")
    assert "the registration of Anaïs Martin is “Cancelled”" in response.content.decode()
    assert written() == before


@pytest.mark.django_db
def test_check_in_person_outside_the_event_shows_the_refusal_page(client, centre_a, manager_a):
    event = EventFactory(centre=centre_a)
    ana = registrant(event, "Ana Sousa")
    client.force_login(manager_a)
    before = written()

    response = client.post(url("check_in_person", pk=event.pk, registration_pk=ana.pk))

    assert response.status_code == 409
    assert "This event is not taking place at this time." in response.content.decode()
    assert written() == before


@pytest.mark.django_db
def test_check_in_person_answers_json_when_asked(client, manager_a, door):
    event, people = door
    client.force_login(manager_a)

    response = client.post(
        url("check_in_person", pk=event.pk, registration_pk=people["ana"].pk),
        HTTP_ACCEPT="application/json",
    )

    assert (response.status_code, response.json()["status"], response.json()["present"]) == (
        200,
        "checked_in",
        1,
    )


@pytest.mark.django_db
def test_check_in_person_of_another_events_registration_is_404(client, centre_a, manager_a, door):
    event, _people = door
    other = registrant(event_now(centre=centre_a), "Carla Reis")
    client.force_login(manager_a)
    before = written()

    response = client.post(url("check_in_person", pk=event.pk, registration_pk=other.pk))

    assert response.status_code == 404
    assert written() == before


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["public_user", "counsellor_a", "manager_b"])
def test_check_in_person_by_someone_who_does_not_organise_is_404(request, client, door, role):
    event, people = door
    client.force_login(request.getfixturevalue(role))
    before = written()

    response = client.post(url("check_in_person", pk=event.pk, registration_pk=people["ana"].pk))

    assert response.status_code == 404
    assert written() == before


@pytest.mark.django_db
@pytest.mark.parametrize("extra", [0, 10])
def test_search_runs_the_same_queries_however_many_match(
    client, manager_a, door, extra, django_assert_num_queries
):
    event, _people = door
    for n in range(extra):
        registrant(event, f"Anabel {n}", email=f"anabel{n}@example.org")
    client.force_login(manager_a)
    client.get(url("check_in_search", pk=event.pk), {"q": "ana"}, **HTMX)

    with django_assert_num_queries(QUERIES_PER_SEARCH):
        response = client.get(url("check_in_search", pk=event.pk), {"q": "ana"}, **HTMX)

    assert len(response.context["rows"]) == 3 + extra
