"""Benchmark: the team heatmap for 200 counsellors × 20 competences.

Run with `make bench` (or `.venv/bin/python bench/team_heatmap.py [--people N] [--repeat N]`).
It migrates a throwaway SQLite database in a temporary directory, builds one centre whose
counsellors each have two dated self-assessments (the older one reviewed, the latest one
submitted), and times in one run:

  (a) the bare queries that feed the heatmap (people, their latest assessment, its ratings:
      `selectors.reports.team_querysets`, evaluated),
  (b) the selector `team_matrix()` (those queries, the small fixed ones and the assembly),
  (c) the whole page through Django's test client, signed in as the centre's manager,

each several times after a warm-up (taking turns), and prints the median, the spread and the
ratio (c)/(a), with the number of queries of one page. Timings vary on shared machines; the
ratio is the figure to watch.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any


def _configure(data_dir: str) -> None:
    """Test-like settings (development secret, `testserver` host, plain static storage) on a
    SQLite file of our own; nothing outside `data_dir` is touched."""
    os.environ["COCADE_DATA_DIR"] = data_dir
    os.environ["DATABASE_URL"] = f"sqlite:///{os.path.join(data_dir, 'bench.sqlite3')}"
    os.environ["COCADE_TESTING"] = "1"
    os.environ["DEBUG"] = "0"
    os.environ["EMAIL_URL"] = "memory://"
    os.environ["COCADE_MAP_TILE_URL"] = ""
    os.environ["DJANGO_SETTINGS_MODULE"] = "cocade.settings"
    os.makedirs(os.path.join(data_dir, "static"), exist_ok=True)
    os.environ["STATIC_ROOT"] = os.path.join(data_dir, "static")

    import django

    django.setup()


def _framework_data(blocks: int, per_block: int) -> Any:
    from cocade.competencies.interchange.data import (
        BlockData,
        CompetenceData,
        FrameworkData,
        LevelData,
    )

    def texts(base: str) -> dict[str, str]:
        return {"fr": base, "en": base}

    codes = ("notions", "application", "maitrise", "expertise")
    return FrameworkData(
        slug="bench-counsellor",
        original_language="fr",
        title=texts("Bench framework"),
        description=texts("Benchmark data"),
        levels=[
            LevelData(rank=rank, code=code, label=texts(code.capitalize()))
            for rank, code in enumerate(codes, start=1)
        ],
        blocks=[
            BlockData(
                code=letter,
                title=texts(f"Block {letter}"),
                competences=[
                    CompetenceData(
                        code=f"{letter}{n}",
                        title=texts(f"Competence {letter}{n}"),
                        indicators=[texts(f"Indicator {letter}{n}")],
                        expected={
                            "newcomer": "notions",
                            "counsellor": "maitrise",
                            "senior": "expertise",
                        },
                    )
                    for n in range(1, per_block + 1)
                ],
            )
            for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[:blocks]
        ],
    )


def _build(people: int) -> dict[str, Any]:
    """One centre, its manager (with a second factor, as the staff space requires) and `people`
    counsellors with two dated assessments each on a published 4 × 5 framework."""
    import datetime

    from allauth.mfa.totp.internal.auth import TOTP

    from cocade.accounts.enums import Role
    from cocade.accounts.models import Membership, User
    from cocade.competencies.enums import AssessmentStatus
    from cocade.competencies.models import AssessmentRating, SelfAssessment
    from cocade.competencies.services.frameworks import import_framework
    from cocade.directory.models import Centre, Network

    network = Network.objects.create(slug="bench", name={"fr": "Réseau"})
    centre = Centre.objects.create(
        network=network, slug="bench-centre", name={"fr": "Cité bench"}, country="FR", city="X"
    )
    manager = User.objects.create_user("manager@bench.invalid", full_name="Bench Manager")
    Membership.objects.create(user=manager, role=Role.CENTRE_MANAGER, centre=centre)
    TOTP.activate(manager, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    version = import_framework(actor=None, data=_framework_data(4, 5), publish=True)
    levels = list(version.levels.order_by("rank"))
    competences = list(version.competences.order_by("pk"))
    users = User.objects.bulk_create(
        User(email=f"counsellor{i}@bench.invalid", full_name=f"Counsellor {i:04d}")
        for i in range(people)
    )
    Membership.objects.bulk_create(
        Membership(user=user, role=Role.COUNSELLOR, centre=centre) for user in users
    )
    start = datetime.datetime(2024, 1, 1, 12, tzinfo=datetime.UTC)
    older = SelfAssessment.objects.bulk_create(
        SelfAssessment(
            user=user,
            centre=centre,
            version=version,
            status=AssessmentStatus.REVIEWED,
            submitted_at=start + datetime.timedelta(hours=i),
            reviewed_at=start + datetime.timedelta(days=3, hours=i),
            reviewed_by=manager,
        )
        for i, user in enumerate(users)
    )
    latest = SelfAssessment.objects.bulk_create(
        SelfAssessment(
            user=user,
            centre=centre,
            version=version,
            status=AssessmentStatus.SUBMITTED,
            submitted_at=start + datetime.timedelta(days=180, hours=i),
        )
        for i, user in enumerate(users)
    )
    ratings = []
    for row, (old, new) in enumerate(zip(older, latest, strict=True)):
        for column, competence in enumerate(competences):
            level = levels[(row + column) % len(levels)]
            ratings.append(
                AssessmentRating(
                    assessment=old, competence=competence, level=level, review_level=level
                )
            )
            ratings.append(
                AssessmentRating(
                    assessment=new,
                    competence=competence,
                    level=levels[(row + column + 1) % len(levels)],
                )
            )
    AssessmentRating.objects.bulk_create(ratings, batch_size=2000)
    return {
        "centre": centre,
        "manager": manager,
        "version": version,
        "people": people,
        "competences": len(competences),
        "assessments": len(older) + len(latest),
        "ratings": len(ratings),
    }


def _time(functions: dict[str, Callable[[], Any]], repeat: int, warmup: int) -> dict[str, list]:
    """Time each function `repeat` times, taking turns (a, b, c, a, b, c, …) so that a change of
    load on a shared machine falls on all of them alike."""
    for _ in range(warmup):
        for function in functions.values():
            function()
    timings: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeat):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            timings[name].append((time.perf_counter() - start) * 1000)
    return timings


def _summary(timings: list[float]) -> str:
    quartiles = statistics.quantiles(timings, n=4) if len(timings) > 1 else timings * 3
    return (
        f"{statistics.median(timings):9.2f} ms   "
        f"p25–p75 {quartiles[0]:8.2f} – {quartiles[2]:8.2f} ms   "
        f"min–max {min(timings):8.2f} – {max(timings):8.2f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=200, help="counsellors (default 200)")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs each (default 20)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first (default 3)")
    args = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="cocade-bench-")
    try:
        _configure(data_dir)
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext
        from django.urls import reverse
        from django.utils import translation

        from cocade.competencies.selectors import reports

        call_command("migrate", verbosity=0, interactive=False)
        built = _build(args.people)
        centre, manager, version = built["centre"], built["manager"], built["version"]

        def bare_queries() -> None:
            queries = reports.team_querysets(centre, version)
            list(queries["people"])
            list(queries["latest"])
            list(queries["ratings"])

        def selector() -> None:
            manager.__dict__.pop("_cocade_memberships", None)
            reports.team_matrix(manager, centre.slug)

        client = Client()
        client.force_login(manager)
        with translation.override("en"):
            url = reverse("staff_competencies:team", kwargs={"slug": centre.slug})

        def page() -> None:
            response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"The page answered {response.status_code}.")

        with CaptureQueriesContext(connection) as captured:
            page()
        page_queries = len(captured.captured_queries)
        with CaptureQueriesContext(connection) as captured:
            bare_queries()
        bare_count = len(captured.captured_queries)
        rows = reports.team_matrix(manager, centre.slug).rows

        timings = _time({"a": bare_queries, "b": selector, "c": page}, args.repeat, args.warmup)
        ratio = statistics.median(timings["c"]) / statistics.median(timings["a"])
        lines = [
            f"COCADE bench: team heatmap, {built['people']} counsellors × "
            f"{built['competences']} competences ({built['assessments']} assessments, "
            f"{built['ratings']} ratings; {len(rows)} rows on the page)",
            f"machine: nproc={os.cpu_count()}, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, {platform.platform()}",
            f"runs: {args.repeat} timed after {args.warmup} warm-up, in turns, in one process",
            f"(a) bare queries ({bare_count}, evaluated)  {_summary(timings['a'])}",
            f"(b) selector team_matrix()     {_summary(timings['b'])}",
            f"(c) page through the client    {_summary(timings['c'])}",
            f"ratio (c)/(a), medians: {ratio:.1f}×",
            f"queries per page: {page_queries}",
        ]
        sys.stdout.write("\n".join(lines) + "\n")
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
