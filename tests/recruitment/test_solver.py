"""Examples of the interview scheduler: the model's rules, the reasons, the statuses, the JSON
format and its refusals (no database)."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest

from cocade.recruitment.solver import (
    REASONS,
    Application,
    Candidate,
    Company,
    FixedInterview,
    Instance,
    Interview,
    InvalidInstance,
    Unscheduled,
    Window,
    construct,
    greedy,
    instance_to_json,
    parse_instance,
    schedule_to_json,
    slots,
    solve,
    validate,
)
from cocade.recruitment.solver.generate import porto
from tests.recruitment.test_solver_properties import check_schedule


def hm(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def day(start: str = "09:00", end: str = "10:00", **fields) -> Instance:
    return Instance(slot_minutes=5, day=Window(hm(start), hm(end)), **fields)


def interviews_of(schedule, candidate: str) -> list[tuple[str, str]]:
    from cocade.recruitment.solver import format_time

    return [
        (i.company, format_time(i.start)) for i in schedule.interviews if i.candidate == candidate
    ]


# --- slots ------------------------------------------------------------------------------------


def test_slots_cut_the_day_by_the_breaks():
    instance = day("09:00", "10:00", breaks=(Window(hm("09:20"), hm("09:40")),))

    assert slots(instance) == [
        hm(t) for t in ("09:00", "09:05", "09:10", "09:15", "09:40", "09:45", "09:50", "09:55")
    ]


def test_slots_start_again_at_the_end_of_an_unaligned_break():
    instance = day("09:00", "09:30", breaks=(Window(hm("09:07"), hm("09:12")),))

    assert slots(instance) == [hm(t) for t in ("09:00", "09:12", "09:17", "09:22")]


# --- the spec's cases --------------------------------------------------------------------------


def test_forty_interviews_for_thirty_slots_leave_ten_company_full():
    candidates = tuple(Candidate(f"c{n:02d}") for n in range(40))
    instance = day(
        "09:00",
        "11:30",
        companies=(Company("acme"),),
        candidates=candidates,
        applications=tuple(Application(c.id, "acme") for c in candidates),
    )

    schedule = solve(instance, time_limit=10)

    assert (schedule.scheduled_count, len(schedule.unscheduled)) == (30, 10)
    assert {u.reason for u in schedule.unscheduled} == {"company_full"}
    assert schedule.status == "optimal"
    check_schedule(instance, schedule)


def test_small_instance_is_proved_optimal():
    instance = day(
        companies=(Company("a"), Company("b", tables=2), Company("c")),
        candidates=(Candidate("x"), Candidate("y"), Candidate("z", max_interviews=2)),
        applications=(
            Application("x", "a", 1),
            Application("x", "b", 2),
            Application("y", "a", 2),
            Application("y", "c", 1),
            Application("z", "a", 1),
            Application("z", "b", 2),
            Application("z", "c", 3),
        ),
    )

    schedule = solve(instance, time_limit=10)

    assert schedule.status == "optimal"
    assert (schedule.scheduled_count, schedule.idle_slots, schedule.gap) == (6, 0, 0.0)
    assert schedule.bound == schedule.objective
    assert schedule.unscheduled == (Unscheduled("z", "c", "max_interviews"),)


def test_tiny_time_limit_returns_the_constructive_schedule():
    instance = porto()
    constructive, method = construct(instance)

    schedule = solve(instance, time_limit=1e-6)

    assert (schedule.status, schedule.constructive, method) == ("fallback", "greedy", "greedy")
    assert set(schedule.interviews) == set(constructive)
    assert schedule.bound >= schedule.objective
    check_schedule(instance, schedule)


def test_konig_places_everything_within_the_max_degree():
    instance = day(
        "09:00",
        "09:30",
        companies=(Company("a", tables=2), Company("b")),
        candidates=(Candidate("x"), Candidate("y"), Candidate("z")),
        applications=tuple(Application(c, co) for c in ("x", "y", "z") for co in ("a", "b")),
    )

    interviews, method = construct(instance)

    # Δ = 3: company b sees three candidates at its one table.
    assert method == "konig"
    assert len(interviews) == 6
    assert max(i.start for i in interviews) == hm("09:10")


def test_side_constraint_switches_to_greedy():
    instance = day(
        companies=(Company("a"),),
        candidates=(Candidate("x", windows=(Window(hm("09:30"), hm("10:00")),)),),
        applications=(Application("x", "a"),),
    )

    assert construct(instance)[1] == "greedy"


# --- the rules ---------------------------------------------------------------------------------


def test_better_ranked_application_wins_the_last_slot():
    instance = day(
        "09:00",
        "09:05",
        companies=(Company("a"),),
        candidates=(Candidate("x"), Candidate("y")),
        applications=(Application("x", "a", rank=3), Application("y", "a", rank=1)),
    )

    schedule = solve(instance, time_limit=10)

    assert [i.candidate for i in schedule.interviews] == ["y"]
    assert schedule.unscheduled == (Unscheduled("x", "a", "company_full"),)


def test_gap_keeps_free_slots_between_a_candidates_interviews():
    instance = day(
        "09:00",
        "09:20",
        companies=(Company("a"), Company("b")),
        candidates=(Candidate("x"),),
        applications=(Application("x", "a"), Application("x", "b")),
        min_gap_slots=2,
    )

    schedule = solve(instance, time_limit=10)

    starts = sorted(i.start for i in schedule.interviews)
    assert starts == [hm("09:00"), hm("09:15")]
    assert schedule.idle_slots == 2


def test_lunch_counts_as_gap_and_not_as_idle_time():
    instance = day(
        "12:20",
        "13:40",
        breaks=(Window(hm("12:30"), hm("13:30")),),
        companies=(Company("a", windows=(Window(hm("12:20"), hm("12:30")),)), Company("b")),
        candidates=(Candidate("x", windows=(Window(hm("12:25"), hm("13:35")),)),),
        applications=(Application("x", "a"), Application("x", "b")),
        min_gap_slots=1,
    )

    schedule = solve(instance, time_limit=10)

    assert interviews_of(schedule, "x") == [("a", "12:25"), ("b", "13:30")]
    assert schedule.idle_slots == 0


def test_short_break_counts_as_gap_only_by_whole_slots():
    # 3 minutes of break are no 5-minute slot: the gap of one slot is not met across it.
    instance = day(
        "09:00",
        "09:13",
        breaks=(Window(hm("09:05"), hm("09:08")),),
        companies=(Company("a"), Company("b")),
        candidates=(Candidate("x"),),
        applications=(Application("x", "a", 1), Application("x", "b", 2)),
        min_gap_slots=1,
    )

    schedule = solve(instance, time_limit=10)

    assert slots(instance) == [hm("09:00"), hm("09:08")]
    assert schedule.scheduled_count == 1
    assert schedule.unscheduled == (Unscheduled("x", "b", "candidate_busy"),)


def test_idle_time_is_squeezed_out():
    instance = day(
        companies=(Company("a"), Company("b"), Company("c")),
        candidates=(Candidate("x"), Candidate("y")),
        applications=(
            Application("x", "a"),
            Application("x", "b"),
            Application("x", "c"),
            Application("y", "a"),
            Application("y", "c"),
        ),
    )

    schedule = solve(instance, time_limit=10)

    assert (schedule.status, schedule.idle_slots) == ("optimal", 0)


def test_non_shortlisted_applications_are_ignored():
    instance = day(
        companies=(Company("a"),),
        candidates=(Candidate("x"), Candidate("y")),
        applications=(Application("x", "a"), Application("y", "a", shortlisted=False)),
    )

    schedule = solve(instance, time_limit=10)

    assert [i.candidate for i in schedule.interviews] == ["x"]
    assert schedule.unscheduled == ()


# --- reasons -----------------------------------------------------------------------------------


def test_reasons_name_why_an_interview_is_left_out():
    morning, afternoon = Window(hm("09:00"), hm("09:10")), Window(hm("09:10"), hm("09:20"))
    instance = day(
        "09:00",
        "09:20",
        companies=(
            Company("a", windows=(morning,)),
            Company("b", windows=(Window(hm("09:15"), hm("09:20")),)),
            Company("c"),
            Company("d"),
        ),
        candidates=(
            Candidate("early", windows=(morning,)),
            Candidate("late", windows=(afternoon,)),
            Candidate("capped", max_interviews=1),
            Candidate("gone"),
            Candidate("busy", windows=(Window(hm("09:00"), hm("09:05")),)),
        ),
        applications=(
            Application("late", "a"),  # no common slot
            Application("capped", "c", 1),
            Application("capped", "d", 2),  # maximum reached
            Application("gone", "c"),  # absent
            Application("busy", "c", 1),
            Application("busy", "d", 2),  # its only slot is taken by c
            Application("early", "b"),  # no common slot either
        ),
        absent=frozenset({"gone"}),
    )

    schedule = solve(instance, time_limit=10)

    assert {(u.candidate, u.company): u.reason for u in schedule.unscheduled} == {
        ("late", "a"): "no_common_slot",
        ("capped", "d"): "max_interviews",
        ("gone", "c"): "absent",
        ("busy", "d"): "candidate_busy",
        ("early", "b"): "no_common_slot",
    }
    check_schedule(instance, schedule)


def test_not_selected_when_only_a_better_interview_stands_in_the_way():
    first, second = Window(hm("09:00"), hm("09:05")), Window(hm("09:05"), hm("09:10"))
    instance = day(
        "09:00",
        "09:10",
        companies=(Company("x", windows=(second,)), Company("z")),
        candidates=(Candidate("a"), Candidate("d", windows=(first,))),
        applications=(
            Application("a", "x", 1),
            Application("a", "z", 2),
            Application("d", "z", 1),
        ),
    )

    schedule = solve(instance, time_limit=10)

    assert schedule.unscheduled == (Unscheduled("a", "z", "not_selected"),)


def test_time_passed_after_now():
    instance = day(
        "09:00",
        "09:30",
        companies=(Company("a", windows=(Window(hm("09:00"), hm("09:10")),)),),
        candidates=(Candidate("x"),),
        applications=(Application("x", "a"),),
        not_before=hm("09:15"),
    )

    schedule = solve(instance, time_limit=10)

    assert schedule.unscheduled == (Unscheduled("x", "a", "time_passed"),)


def test_every_reason_has_an_english_message():
    assert set(REASONS) == {
        "absent",
        "time_passed",
        "no_common_slot",
        "max_interviews",
        "company_full",
        "candidate_busy",
        "not_selected",
    }
    assert all(message.endswith(".") for message in REASONS.values())


# --- re-optimisation ---------------------------------------------------------------------------


def test_reoptimisation_keeps_the_past_and_the_rest_of_the_plan():
    instance = porto()
    before = solve(instance, time_limit=10)
    now = hm("11:00")
    gone = before.interviews[-1].candidate
    again = dataclasses.replace(
        instance,
        fixed=tuple(
            FixedInterview(i.candidate, i.company, i.table, i.start)
            for i in before.interviews
            if i.start < now
        ),
        not_before=now,
        absent=frozenset({gone}),
        hint=before.interviews,
    )

    after = solve(again, time_limit=10)

    past = {i for i in before.interviews if i.start < now}
    assert past <= set(after.interviews)
    assert all(i.start >= now for i in set(after.interviews) - past)
    assert [u.reason for u in after.unscheduled if u.candidate == gone] == ["absent"] * len(
        [u for u in after.unscheduled if u.candidate == gone]
    )
    unchanged = set(before.interviews) & set(after.interviews)
    assert len(unchanged) >= len([i for i in before.interviews if i.candidate != gone]) * 0.9
    check_schedule(again, after)


def test_hint_tables_are_kept_when_free():
    instance = day(
        companies=(Company("a", tables=3),),
        candidates=(Candidate("x"), Candidate("y")),
        applications=(Application("x", "a"), Application("y", "a")),
        hint=(
            Interview("x", "a", 3, hm("09:00"), hm("09:05")),
            Interview("y", "a", 2, hm("09:00"), hm("09:05")),
        ),
    )

    schedule = solve(instance, time_limit=10)

    assert set(schedule.interviews) == set(instance.hint)
    assert schedule.kept == 2


# --- JSON --------------------------------------------------------------------------------------


SAMPLE = {
    "slot_minutes": 5,
    "day": {"start": "09:00", "end": "12:00"},
    "breaks": [{"start": "10:30", "end": "10:45"}],
    "companies": [
        {"id": "acme", "tables": 2},
        {"id": "globex", "windows": [{"start": "09:00", "end": "10:30"}]},
    ],
    "candidates": [
        {"id": "ana", "max_interviews": 2},
        {"id": "rui", "windows": [{"start": "10:45", "end": "12:00"}]},
    ],
    "applications": [
        {"candidate": "ana", "company": "acme", "rank": 1},
        {"candidate": "ana", "company": "globex", "rank": 2},
        {"candidate": "rui", "company": "acme"},
        {"candidate": "rui", "company": "globex", "shortlisted": False},
    ],
    "min_gap_slots": 1,
    "seed": 7,
}


def test_json_round_trip():
    instance = parse_instance(SAMPLE)

    assert parse_instance(json.loads(json.dumps(instance_to_json(instance)))) == instance
    assert instance.companies[1].windows == (Window(hm("09:00"), hm("10:30")),)
    assert (instance.companies[0].tables, instance.candidates[0].max_interviews) == (2, 2)
    assert instance.applications[2].rank == 1
    assert instance.applications[3].shortlisted is False


def test_schedule_json_has_the_documented_keys():
    schedule = solve(parse_instance(SAMPLE), time_limit=10)

    data = schedule_to_json(schedule)

    assert set(data) == {
        "status",
        "interviews",
        "unscheduled",
        "objective",
        "bound",
        "gap",
        "solve_seconds",
        "constructive",
        "scheduled",
        "preference",
        "idle_slots",
        "kept",
    }
    assert data["status"] == "optimal"
    assert {tuple(sorted(i)) for i in data["interviews"]} == {
        ("candidate", "company", "end", "start", "table")
    }
    assert sorted((i["candidate"], i["company"]) for i in data["interviews"]) == [
        ("ana", "acme"),
        ("ana", "globex"),
        ("rui", "acme"),
    ]
    assert all(len(i["start"]) == 5 and i["start"][2] == ":" for i in data["interviews"])


def test_reoptimisation_fields_parse():
    data = {
        **SAMPLE,
        "fixed": [
            {"candidate": "ana", "company": "acme", "table": 2, "start": "09:00", "end": "09:05"}
        ],
        "not_before": "10:00",
        "absent": ["rui"],
        "hint": [
            {"candidate": "ana", "company": "globex", "table": 1, "start": "09:10", "end": "09:15"}
        ],
    }

    instance = parse_instance(data)

    assert instance.fixed == (FixedInterview("ana", "acme", 2, hm("09:00")),)
    assert (instance.not_before, instance.absent) == (hm("10:00"), frozenset({"rui"}))
    assert instance.hint == (Interview("ana", "globex", 1, hm("09:10"), hm("09:15")),)


def _with(path: str, value: object) -> dict:
    """SAMPLE with the value at a dotted path (a[0].b) replaced; None deletes it."""
    data = json.loads(json.dumps(SAMPLE))
    *parents, last = path.replace("[", ".").replace("]", "").split(".")
    target = data
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    key = int(last) if last.isdigit() else last
    if value is None:
        del target[key]
    else:
        target[key] = value
    return data


@pytest.mark.parametrize(
    ("data", "item", "words"),
    [
        (
            _with("applications[2].company", "initech"),
            "applications[2].company",
            'unknown company "initech"',
        ),
        (
            _with("applications[1].candidate", "eva"),
            "applications[1].candidate",
            'unknown candidate "eva"',
        ),
        (_with("companies[1].id", "acme"), "companies[1].id", 'duplicate company id "acme"'),
        (_with("candidates[1].id", "ana"), "candidates[1].id", 'duplicate candidate id "ana"'),
        (_with("slot_minutes", 0), "slot_minutes", "must be positive"),
        (_with("slot_minutes", -5), "slot_minutes", "must be positive"),
        (_with("companies[0].tables", 0), "companies[0].tables", "must be positive"),
        (_with("candidates[0].max_interviews", -1), "candidates[0].max_interviews", "at least 0"),
        (
            _with("companies[1].windows[0].end", "12:30"),
            "companies[1].windows[0]",
            "outside the day",
        ),
        (
            _with("candidates[1].windows[0].start", "12:00"),
            "candidates[1].windows[0]",
            "not before its end",
        ),
        (
            _with(
                "breaks", [{"start": "10:00", "end": "10:30"}, {"start": "10:15", "end": "10:45"}]
            ),
            "breaks[1]",
            "overlaps breaks[0]",
        ),
        (_with("day.start", "9h00"), "day.start", 'expected a time "HH:MM"'),
        (_with("day.end", "25:00"), "day.end", "no such time"),
        (_with("companies[0].tables", "2"), "companies[0].tables", "expected an integer"),
        (
            _with("applications[0].shortlisted", "yes"),
            "applications[0].shortlisted",
            "expected true or false",
        ),
        (_with("applications[0].rank", True), "applications[0].rank", "expected an integer"),
        (_with("applications[0].rank", 0), "applications[0].rank", "must be positive"),
        (_with("day", None), "day", "required key is missing"),
        (_with("companies[0].id", None), "companies[0].id", "required key is missing"),
        (_with("companies[0].name", "Acme"), "companies[0]", 'unknown key "name"'),
        (_with("applications[3].company", "acme"), "applications[3]", "duplicate application"),
        (_with("companies", {"id": "acme"}), "companies", "expected a list"),
        (_with("min_gap_slots", -1), "min_gap_slots", "at least 0"),
        ({**SAMPLE, "absent": ["zoe"]}, "absent[0]", 'unknown candidate "zoe"'),
        (
            {
                **SAMPLE,
                "fixed": [{"candidate": "ana", "company": "acme", "table": 3, "start": "09:00"}],
            },
            "fixed[0].table",
            "has 2 table(s)",
        ),
        (
            {
                **SAMPLE,
                "fixed": [{"candidate": "ana", "company": "acme", "table": 1, "start": "09:02"}],
            },
            "fixed[0].start",
            "not the start of a usable slot",
        ),
        (
            {
                **SAMPLE,
                "fixed": [{"candidate": "rui", "company": "globex", "table": 1, "start": "09:00"}],
            },
            "fixed[0]",
            "no shortlisted application",
        ),
        (
            {
                **SAMPLE,
                "fixed": [
                    {"candidate": "ana", "company": "acme", "table": 1, "start": "09:00"},
                    {"candidate": "rui", "company": "acme", "table": 1, "start": "09:00"},
                ],
            },
            "fixed[1]",
            "same table at the same time as fixed[0]",
        ),
        (
            {
                **SAMPLE,
                "fixed": [
                    {"candidate": "ana", "company": "acme", "table": 1, "start": "09:00"},
                    {"candidate": "ana", "company": "globex", "table": 1, "start": "09:05"},
                ],
            },
            "fixed[1]",
            "within min_gap_slots (fixed[0])",
        ),
        ([], "input", "expected an object"),
    ],
)
def test_bad_input_is_refused_naming_the_item(data, item, words):
    with pytest.raises(InvalidInstance) as refused:
        parse_instance(data)

    assert refused.value.item == item
    assert words in refused.value.message
    assert str(refused.value) == f"{item}: {refused.value.message}"


def test_validate_refuses_a_hand_made_instance():
    instance = day(companies=(Company("a", tables=0),))

    with pytest.raises(InvalidInstance) as refused:
        validate(instance)

    assert refused.value.item == "companies[0].tables"


def test_greedy_and_solve_validate_first():
    instance = day(applications=(Application("x", "a"),))

    with pytest.raises(InvalidInstance):
        greedy(instance)
    with pytest.raises(InvalidInstance):
        solve(instance)


# --- no Django ---------------------------------------------------------------------------------


def test_solver_imports_and_runs_without_django():
    program = (
        "import sys\n"
        "sys.modules['django'] = None\n"
        "from cocade.recruitment.solver import solve, parse_instance\n"
        "from cocade.recruitment.solver import cli, generate\n"
        f"schedule = solve(parse_instance({SAMPLE!r}), time_limit=5)\n"
        "assert not [n for n, m in sys.modules.items() if n.startswith('django') and m]\n"
        "print(schedule.status)\n"
    )

    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120, check=False
    )

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.strip() in {"optimal", "feasible", "fallback"}


def test_solver_modules_do_not_import_django():
    import ast
    from pathlib import Path

    import cocade.recruitment.solver as solver

    imported = set()
    for path in Path(solver.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)

    assert "ortools.sat.python" in imported
    assert not [name for name in imported if name.split(".")[0] in {"django", "cocade"}]
