"""The settings of a speed recruitment: the grid (interview length, hours, breaks typed one
per line), the rules for candidates and the scheduler, the closing time of applications in
the event's own time zone; bad input comes back at its field with nothing saved, a save
based on an older version is refused, and the grid stays as it is once the schedule is
published."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from cocade.core.errors import InvalidInput
from cocade.core.models import AuditLogEntry
from cocade.recruitment.enums import Phase
from cocade.recruitment.errors import Stale
from cocade.recruitment.forms_setup import parse_window_lines
from cocade.recruitment.services.setup import check_windows, update_settings
from tests.factories.recruitment import CompanyFactory
from tests.factories.recruitment_setup import day_of, rows

UTC = datetime.UTC
LISBON = "Europe/Lisbon"
# 14 May 2031, 09:00 in Lisbon (UTC+1 in summer) is 08:00 UTC.
STARTS = datetime.datetime(2031, 5, 14, 8, 0, tzinfo=UTC)


def url(day):
    with translation.override("en"):
        return reverse("staff_recruitment:settings", kwargs={"pk": day.event_id})


@pytest.fixture
def day(centre_a):
    return day_of(
        centre_a,
        event__starts_at=STARTS,
        event__ends_at=STARTS + datetime.timedelta(hours=9),
        event__timezone=LISBON,
    )


def form_data(day, **changes):
    values = {
        "slot_minutes": "10",
        "day_start": "09:30",
        "day_end": "17:00",
        "breaks": "12:30-14:00\r\n10:45-11:00",
        "min_gap_slots": "1",
        "max_interviews": "6",
        "max_applications": "5",
        "applications_close_at": "2031-05-10T18:00",
        "cv_required": "on",
        "seed": "7",
        "time_limit": "30",
        "lock_version": str(day.lock_version),
    }
    values.update(changes)
    return {key: value for key, value in values.items() if value is not None}


# --- the page -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_settings_page_shows_breaks_as_lines_and_times_in_the_event_zone(client, manager_a, day):
    day.applications_close_at = datetime.datetime(2031, 5, 10, 17, 0, tzinfo=UTC)
    day.breaks = [{"start": "10:45", "end": "11:00"}, {"start": "12:30", "end": "14:00"}]
    day.save()
    client.force_login(manager_a)

    response = client.get(url(day))

    page = response.content.decode()
    assert response.status_code == 200
    assert ">\n10:45-11:00\n12:30-14:00</textarea>" in page
    assert 'value="2031-05-10T18:00"' in page
    assert 'value="09:00"' in page


@pytest.mark.django_db
def test_settings_save_every_value_and_audit_the_change(client, manager_a, day):
    client.force_login(manager_a)

    response = client.post(url(day), form_data(day))

    assert response.status_code == 302
    day.refresh_from_db()
    assert (
        day.slot_minutes,
        day.day_start,
        day.day_end,
        day.breaks,
        day.min_gap_slots,
        day.max_interviews,
        day.max_applications,
        day.applications_close_at,
        day.cv_required,
        day.seed,
        day.time_limit,
        day.lock_version,
    ) == (
        10,
        datetime.time(9, 30),
        datetime.time(17, 0),
        [{"start": "10:45", "end": "11:00"}, {"start": "12:30", "end": "14:00"}],
        1,
        6,
        5,
        datetime.datetime(2031, 5, 10, 17, 0, tzinfo=UTC),
        True,
        7,
        30,
        2,
    )
    entry = AuditLogEntry.objects.get()
    assert entry.action == "recruitment.settings.changed"
    assert entry.changes["slot_minutes"] == {"before": 5, "after": 10}
    assert entry.changes["breaks"] == {
        "before": [{"start": "12:30", "end": "14:00"}],
        "after": [{"start": "10:45", "end": "11:00"}, {"start": "12:30", "end": "14:00"}],
    }


@pytest.mark.django_db
def test_settings_without_breaks_or_closing_time(client, manager_a, day):
    client.force_login(manager_a)

    response = client.post(
        url(day), form_data(day, breaks="", applications_close_at="", cv_required=None)
    )

    assert response.status_code == 302
    day.refresh_from_db()
    assert (day.breaks, day.applications_close_at, day.cv_required) == ([], None, False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"breaks": "12:30-14"},
            "breaks",
            'Line 1: write a period as two times, such as "12:30-14:00".',
        ),
        ({"breaks": "\n12:30-14:00\nlunch"}, "breaks", "Line 3: write a period"),
        ({"breaks": "12:30-24:10"}, "breaks", "Line 1: this time does not exist."),
        ({"breaks": "14:00-12:30"}, "breaks", "14:00-12:30: the end must come after the start."),
        ({"breaks": "12:00-12:00"}, "breaks", "the end must come after the start"),
        (
            {"breaks": "08:00-09:45"},
            "breaks",
            "08:00-09:45 is not within the day's hours (09:30-17:00).",
        ),
        ({"breaks": "16:30-17:30"}, "breaks", "is not within the day's hours"),
        ({"breaks": "12:00-13:00\n12:30-14:00"}, "breaks", "12:00-13:00 and 12:30-14:00 overlap."),
        ({"slot_minutes": "0"}, "slot_minutes", "greater than or equal to 1"),
        ({"slot_minutes": "five"}, "slot_minutes", "Enter a whole number."),
        ({"day_end": "09:00"}, "day_end", "The day must end after it starts."),
        ({"day_start": "25:00"}, "day_start", "Enter a valid time."),
        ({"max_interviews": "0"}, "max_interviews", "greater than or equal to 1"),
        ({"time_limit": "6000"}, "time_limit", "less than or equal to 600"),
        (
            {"applications_close_at": "2031-05-14T09:30"},
            "applications_close_at",
            "Applications must close before the event starts.",
        ),
        ({"applications_close_at": "soon"}, "applications_close_at", "Enter a valid date/time."),
        ({"slot_minutes": "600"}, "slot_minutes", "less than or equal to 240"),
    ],
)
def test_settings_bad_input_is_shown_at_its_field_and_nothing_is_saved(
    client, manager_a, day, changes, field, message
):
    before = rows()
    client.force_login(manager_a)

    response = client.post(url(day), form_data(day, **changes))

    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors.get(field, []))
    assert message in errors
    assert rows() == before


@pytest.mark.django_db
def test_settings_refuse_an_interview_longer_than_the_day(client, manager_a, day):
    before = rows()
    client.force_login(manager_a)

    response = client.post(
        url(day), form_data(day, slot_minutes="120", day_start="09:00", day_end="10:00", breaks="")
    )

    assert response.status_code == 400
    assert response.context["form"].errors["slot_minutes"] == [
        "The day is shorter than one interview."
    ]
    assert rows() == before


@pytest.mark.django_db
def test_settings_refuse_hours_that_leave_a_company_outside(client, manager_a, day):
    CompanyFactory(day=day, name="Ribeira", windows=[{"start": "09:00", "end": "12:00"}])
    CompanyFactory(day=day, name="Douro")
    before = rows()
    client.force_login(manager_a)

    response = client.post(url(day), form_data(day))

    assert response.status_code == 400
    assert response.context["form"].errors["day_start"] == [
        "These companies are available outside these hours: Ribeira. Change their "
        "availability first."
    ]
    assert rows() == before


@pytest.mark.django_db
def test_settings_saved_meanwhile_by_someone_else_is_refused(client, manager_a, coordinator, day):
    client.force_login(coordinator)
    stale_version = day.lock_version
    assert client.post(url(day), form_data(day, seed="11")).status_code == 302
    before = rows()
    client.force_login(manager_a)

    response = client.post(url(day), form_data(day, seed="12", lock_version=str(stale_version)))

    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "Someone else changed this in the meantime. Reload the page and retry."
    ]
    assert 'value="12"' in response.content.decode()
    assert rows() == before


@pytest.mark.django_db
def test_settings_without_a_version_are_refused(client, manager_a, day):
    before = rows()
    client.force_login(manager_a)

    response = client.post(url(day), form_data(day, lock_version=None))

    assert response.status_code == 400
    assert rows() == before


@pytest.mark.django_db
def test_settings_keep_the_grid_once_the_schedule_is_published(client, manager_a, centre_a):
    day = day_of(centre_a, phase=Phase.SCHEDULED)
    before = rows()
    client.force_login(manager_a)

    refused = client.post(url(day), form_data(day, applications_close_at=""))

    assert refused.status_code == 400
    assert "the interview length, the hours and the breaks can no longer change" in (
        " ".join(refused.context["form"].non_field_errors())
    )
    assert rows() == before
    same_grid = form_data(
        day,
        slot_minutes="5",
        day_start="09:00",
        day_end="18:00",
        breaks="12:30-14:00",
        applications_close_at="",
        max_interviews="8",
    )
    assert client.post(url(day), same_grid).status_code == 302
    day.refresh_from_db()
    assert day.max_interviews == 8


# --- the service ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_update_settings_refuses_unknown_and_missing_settings(manager_a, day):
    before = rows()

    with pytest.raises(InvalidInput) as raised:
        update_settings(actor=manager_a, day=day, data={"colour": "red"}, lock_version=None)

    assert "colour" in str(raised.value.message)
    assert rows() == before


@pytest.mark.django_db
def test_update_settings_checks_the_version_it_is_given(manager_a, day):
    data = {
        "slot_minutes": 5,
        "day_start": datetime.time(9, 0),
        "day_end": datetime.time(18, 0),
        "breaks": [],
        "min_gap_slots": 0,
        "max_interviews": 10,
        "max_applications": 10,
        "applications_close_at": None,
        "cv_required": False,
        "seed": 1,
        "time_limit": 20,
    }

    with pytest.raises(Stale):
        update_settings(actor=manager_a, day=day, data=data, lock_version=day.lock_version + 1)
    saved = update_settings(actor=manager_a, day=day, data=data, lock_version=None)

    assert (saved.seed, saved.lock_version) == (1, 2)


@pytest.mark.parametrize(
    ("windows", "message"),
    [
        ("12:30-14:00", "Give a list of periods."),
        ([{"start": "9:00", "end": "10:00"}], "Each period is a start and an end"),
        ([{"start": "09:00"}], "Each period is a start and an end"),
        (["09:00-10:00"], "Each period is a start and an end"),
        ([{"start": "11:00", "end": "10:00"}], "11:00-10:00: the end must come after the start."),
    ],
)
def test_check_windows_refuses_what_is_not_a_list_of_periods(windows, message):
    with translation.override("en"), pytest.raises(InvalidInput) as raised:
        check_windows(
            windows, day_start=datetime.time(9), day_end=datetime.time(18), field="windows"
        )

    with translation.override("en"):
        refusal = str(raised.value.message)
    assert message in refusal
    assert raised.value.field == "windows"


def test_check_windows_sorts_and_lets_periods_touch():
    windows = [{"start": "14:00", "end": "18:00"}, {"start": "09:00", "end": "14:00"}]

    checked = check_windows(
        windows, day_start=datetime.time(9), day_end=datetime.time(18), field="windows"
    )

    assert checked == [{"start": "09:00", "end": "14:00"}, {"start": "14:00", "end": "18:00"}]


def test_window_lines_accept_single_digit_hours_dashes_and_blank_lines():
    assert parse_window_lines(" 9:00 – 12:30 \n\n14:00-17:45\r\n") == [
        {"start": "09:00", "end": "12:30"},
        {"start": "14:00", "end": "17:45"},
    ]
