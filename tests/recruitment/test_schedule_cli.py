"""`cocade schedule-interviews`, run as a user would: exit codes, one-line errors, output."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

GOOD = {
    "slot_minutes": 5,
    "day": {"start": "09:00", "end": "11:00"},
    "breaks": [{"start": "10:00", "end": "10:15"}],
    "companies": [
        {"id": "acme", "tables": 2},
        {"id": "globex", "windows": [{"start": "09:00", "end": "10:00"}]},
    ],
    "candidates": [
        {"id": "ana", "max_interviews": 2},
        {"id": "rui", "windows": [{"start": "10:15", "end": "11:00"}]},
        {"id": "eva"},
    ],
    "applications": [
        {"candidate": "ana", "company": "acme", "rank": 1},
        {"candidate": "ana", "company": "globex", "rank": 2},
        {"candidate": "rui", "company": "acme"},
        {"candidate": "rui", "company": "globex"},
        {"candidate": "eva", "company": "globex", "shortlisted": False},
    ],
    "min_gap_slots": 1,
    "seed": 3,
}


def _run(tmp_path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("COCADE_", "DJANGO_", "DEBUG", "DATABASE_URL"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "cocade.settings",
            "COCADE_TESTING": "1",
            "COCADE_DATA_DIR": str(tmp_path),
        }
    )
    return subprocess.run(
        [sys.executable, "-m", "cocade", "schedule-interviews", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _changed(change) -> dict:
    data = json.loads(json.dumps(GOOD))
    change(data)
    return data


def _write(tmp_path, content: str) -> str:
    path = tmp_path / "input.json"
    path.write_text(content, encoding="utf-8")
    return str(path)


def test_good_input_prints_the_schedule(tmp_path):
    result = _run(tmp_path, _write(tmp_path, json.dumps(GOOD)), "--time-limit", "10")

    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"status", "interviews", "unscheduled", "objective", "bound", "gap"} <= set(data)
    assert "solve_seconds" in data
    assert data["status"] == "optimal"
    assert sorted((i["candidate"], i["company"]) for i in data["interviews"]) == [
        ("ana", "acme"),
        ("ana", "globex"),
        ("rui", "acme"),
    ]
    assert data["unscheduled"] == [
        {
            "candidate": "rui",
            "company": "globex",
            "reason": "no_common_slot",
            "message": "The candidate's and the company's availability share no usable slot.",
        }
    ]
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("optimal: 3 of 4 interviews scheduled, 1 unscheduled")


def test_output_option_writes_the_file(tmp_path):
    target = tmp_path / "schedule.json"

    result = _run(
        tmp_path, _write(tmp_path, json.dumps(GOOD)), "--output", str(target), "--workers", "1"
    )

    assert (result.returncode, result.stdout) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8"))["status"] == "optimal"
    assert result.stderr.startswith("optimal: ")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["applications"][3].update(company="initech"),
            'error: applications[3].company: unknown company "initech"',
        ),
        (
            lambda d: d["applications"][1].update(candidate="zoe"),
            'error: applications[1].candidate: unknown candidate "zoe"',
        ),
        (
            lambda d: d.update(slot_minutes=0),
            "error: slot_minutes: must be positive, got 0",
        ),
        (
            lambda d: d.update(slot_minutes=-5),
            "error: slot_minutes: must be positive, got -5",
        ),
        (
            lambda d: d["companies"][1]["windows"][0].update(end="11:30"),
            "error: companies[1].windows[0]: 09:00-11:30 is outside the day 09:00-11:00",
        ),
        (
            lambda d: d.update(
                breaks=[{"start": "09:30", "end": "10:00"}, {"start": "09:45", "end": "10:15"}]
            ),
            "error: breaks[1]: overlaps breaks[0]",
        ),
        (
            lambda d: d["companies"].append({"id": "acme"}),
            'error: companies[2].id: duplicate company id "acme"',
        ),
        (
            lambda d: d["day"].update(start="9h"),
            'error: day.start: expected a time "HH:MM", got "9h"',
        ),
    ],
    ids=[
        "unknown-company",
        "unknown-candidate",
        "zero-slot",
        "negative-slot",
        "window-outside-day",
        "overlapping-breaks",
        "duplicate-id",
        "malformed-time",
    ],
)
def test_bad_input_exits_2_naming_the_item(tmp_path, change, expected):
    result = _run(tmp_path, _write(tmp_path, json.dumps(_changed(change))))

    assert (result.returncode, result.stdout, result.stderr) == (2, "", expected + "\n")


def test_malformed_json_gives_line_and_column(tmp_path):
    path = _write(tmp_path, '{\n  "slot_minutes": 5,\n  "day": {"start": "09:00",}\n}\n')

    result = _run(tmp_path, path)

    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: {path}: invalid JSON at line 3, column 28: "
        "Expecting property name enclosed in double quotes\n"
    )


def test_unreadable_file_exits_2(tmp_path):
    missing = str(tmp_path / "missing.json")

    result = _run(tmp_path, missing)

    assert (result.returncode, result.stderr) == (
        2,
        f"error: cannot read {missing}: No such file or directory\n",
    )


def test_not_utf8_exits_2(tmp_path):
    path = tmp_path / "latin.json"
    path.write_bytes(b'{"slot_minutes": "\xe9"}')

    result = _run(tmp_path, str(path))

    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {path}: not UTF-8 text")
    assert "Traceback" not in result.stderr


def test_bad_time_limit_is_a_usage_error(tmp_path):
    result = _run(tmp_path, _write(tmp_path, json.dumps(GOOD)), "--time-limit", "0")

    assert result.returncode == 2
    assert "--time-limit: must be a positive number of seconds" in result.stderr
    assert "Traceback" not in result.stderr
