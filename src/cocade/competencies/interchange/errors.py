"""What a format's parser raises when a file cannot be read as a framework at all."""

from __future__ import annotations

from cocade.competencies.interchange.data import Problem


class ParseFailed(Exception):
    """The file is unreadable or malformed (encoding, syntax, columns, types, hierarchy).

    `problems` holds every structural problem found, each with its place in the file; the
    framework's content is only checked (`check_framework`) once none is left.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(problem) for problem in problems))
