"""The interview scheduler of speed-recruitment days: pure Python and OR-Tools CP-SAT, no
Django (see docs/scheduling.md)."""

from .construct import construct, greedy
from .cpsat import solve
from .explain import (
    ABSENT,
    CANDIDATE_BUSY,
    COMPANY_FULL,
    MAX_INTERVIEWS,
    NO_COMMON_SLOT,
    NOT_SELECTED,
    REASONS,
    TIME_PASSED,
)
from .model import (
    Application,
    Candidate,
    Company,
    FixedInterview,
    Instance,
    Interview,
    Schedule,
    Unscheduled,
    Window,
    slots,
)
from .parse import (
    InvalidInstance,
    format_time,
    instance_to_json,
    parse_instance,
    parse_time,
    parse_windows,
    schedule_to_json,
    validate,
)

__all__ = [
    "ABSENT",
    "CANDIDATE_BUSY",
    "COMPANY_FULL",
    "MAX_INTERVIEWS",
    "NOT_SELECTED",
    "NO_COMMON_SLOT",
    "REASONS",
    "TIME_PASSED",
    "Application",
    "Candidate",
    "Company",
    "FixedInterview",
    "Instance",
    "Interview",
    "InvalidInstance",
    "Schedule",
    "Unscheduled",
    "Window",
    "construct",
    "format_time",
    "greedy",
    "instance_to_json",
    "parse_instance",
    "parse_time",
    "parse_windows",
    "schedule_to_json",
    "slots",
    "solve",
    "validate",
]
