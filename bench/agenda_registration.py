"""Benchmark: a burst of concurrent registrations, beside the public event page, on SQLite and
on PostgreSQL, through a real server.

Run with `make bench` (or `.venv/bin/python bench/agenda_registration.py [--registrations N]
[--pages N] [--capacity N] [--clients N] [--workers N] [--threads N]
[--only sqlite|postgresql]`). For each database (a SQLite file in a temporary directory; a
database created, then dropped, on the PostgreSQL server at 127.0.0.1:5432, or
$COCADE_BENCH_POSTGRES, skipped with a message when none answers), in a process of its own:

  - migrate, collect the static files, create a public event (capacity 500, waiting list on)
    and a second one for the warm-up;
  - start gunicorn (several workers with several threads each) on a free port, with production
    settings (DEBUG off, compressed manifest static files) and the database task queue with no
    worker running, so that the emails of the registrations are only queued;
  - warm each worker up on the second event (registrations and page views), then fire, from
    64 client threads with a keep-alive connection each, released together:
      a burst of 2000 `POST /api/v1/events/{id}/registrations` (each a different person), then
      a burst of 2000 `GET /fr/agenda/<slug>/`, the event's public page;
  - read the event back from the database: the confirmed registrations must equal
    min(capacity, registrations sent), and `confirmed_count` must agree.

It prints Markdown tables: requests per second, p50 and p95 latency as the clients saw it,
the answers by status, the ratio registration/page, and the seats after the burst. The client
threads run on the same machine as the server and take part of its processors.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

# The PostgreSQL server on which a throwaway database is created (and dropped).
PG_SERVER = os.environ.get("COCADE_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
HOST = "127.0.0.1"
BENCH_SLUG = "bench-registrations"
WARMUP_SLUG = "bench-warm-up"


# --- one database, in a child process ----------------------------------------------------------


def _server_environment(database_url: str, data_dir: str) -> dict[str, str]:
    """Production settings on our own data folder: DEBUG off, a fresh secret, plain HTTP on
    127.0.0.1, the database task queue (no worker runs: emails are only queued)."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"COCADE_TESTING", "DEBUG", "COCADE_TASKS_IMMEDIATE", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(
        {
            "DATABASE_URL": database_url,
            "COCADE_DATA_DIR": data_dir,
            "STATIC_ROOT": os.path.join(data_dir, "static"),
            "MEDIA_ROOT": os.path.join(data_dir, "media"),
            "DEBUG": "0",
            "COCADE_TASKS_IMMEDIATE": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST,
            "COCADE_HTTPS": "0",
            "EMAIL_URL": "memory://",
            "COCADE_MAP_TILE_URL": "",
            "SITE_URL": "http://127.0.0.1",
            # Refused requests (409 …) would each log a warning line; keep the errors only.
            "LOG_LEVEL": "ERROR",
            "DJANGO_SETTINGS_MODULE": "cocade.settings",
        }
    )
    return environment


def _prepare(capacity: int) -> dict[str, Any]:
    """Migrate, collect the static files, and create the two events."""
    import datetime

    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from cocade.agenda.enums import Audience, EventKind, EventStatus
    from cocade.agenda.models import Event
    from cocade.directory.models import Centre, Network

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    _progress(f"migrated in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    call_command("collectstatic", verbosity=0, interactive=False)
    _progress(f"static files collected in {time.perf_counter() - started:.0f} s")
    network = Network.objects.create(slug="bench", name={"fr": "Réseau"})
    centre = Centre.objects.create(
        network=network, slug="bench-centre", name={"fr": "Cité bench"}, country="FR", city="X"
    )
    starts = (timezone.now() + datetime.timedelta(days=10)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )

    def event(slug: str, title: str) -> Event:
        return Event.objects.create(
            slug=slug,
            kind=EventKind.WORKSHOP,
            audience=Audience.PUBLIC,
            status=EventStatus.PUBLISHED,
            centre=centre,
            original_language="fr",
            title={"fr": title, "en": title},
            summary={"fr": "Un atelier pour préparer un entretien d'embauche."},
            description={
                "fr": "## Programme\n\nAccueil, mises en situation, conseils.\n\n"
                "Venez avec votre CV. **Gratuit**, sur inscription."
            },
            venue_name="Cité bench",
            address="1 rue de la Paix, Paris",
            timezone="Europe/Paris",
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=3),
            languages=["fr", "en"],
            capacity=capacity,
            waitlist=True,
        )

    bench = event(BENCH_SLUG, "Atelier entretien d'embauche")
    warm = event(WARMUP_SLUG, "Atelier d'échauffement")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT version()")
            version = cursor.fetchone()[0].split(" on ")[0]
    else:
        import sqlite3

        version = f"SQLite {sqlite3.sqlite_version}"
    connection.close()
    return {"bench": bench.pk, "warm": warm.pk, "version": version}


def _progress(message: str) -> None:
    sys.stderr.write(f"  · {message}\n")
    sys.stderr.flush()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _start_server(
    environment: dict[str, str], workers: int, threads: int, log: Any
) -> tuple[Any, int]:
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "cocade.wsgi",
        f"--bind={HOST}:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--worker-class=gthread",
        "--log-level=warning",
        "--keep-alive=30",
    ]
    server = subprocess.Popen(  # noqa: S603 - our interpreter, our arguments
        command, env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped at start (exit {server.returncode})")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                connection.close()
                return server, port
        except OSError:
            time.sleep(0.2)
    _stop_server(server)
    raise SystemExit("gunicorn did not answer within 60 s")


def _stop_server(server: Any) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


Request = Callable[[int], tuple[str, str, bytes | None, dict[str, str]]]


def _burst(port: int, count: int, clients: int, make: Request) -> dict[str, Any]:
    """`count` requests from `clients` threads (a keep-alive connection each), all released
    together; each thread takes the next request number until none is left."""
    lock = threading.Lock()
    numbers = iter(range(count))
    latencies: list[float] = []
    answers: Counter[str] = Counter()
    barrier = threading.Barrier(clients + 1)

    def client() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=120)
        mine: list[float] = []
        seen: Counter[str] = Counter()
        barrier.wait()
        while True:
            with lock:
                number = next(numbers, None)
            if number is None:
                break
            method, path, body, headers = make(number)
            started = time.perf_counter()
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                seen[str(response.status)] += 1
            except (OSError, http.client.HTTPException) as error:
                seen[f"error {type(error).__name__}"] += 1
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=120)
            mine.append((time.perf_counter() - started) * 1000)
        connection.close()
        with lock:
            latencies.extend(mine)
            answers.update(seen)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "requests": count,
        "seconds": elapsed,
        "per_second": count / elapsed,
        "p50": statistics.median(latencies),
        "p95": statistics.quantiles(latencies, n=20)[18] if len(latencies) > 1 else latencies[0],
        "answers": dict(sorted(answers.items())),
    }


def _registration(event_id: int, prefix: str) -> Request:
    def make(number: int) -> tuple[str, str, bytes | None, dict[str, str]]:
        body = {
            "name": f"Personne {number}",
            "email": f"{prefix}{number}@example.org",
            "consent": True,
            "answers": {},
        }
        return (
            "POST",
            f"/api/v1/events/{event_id}/registrations",
            json.dumps(body).encode(),
            {"Content-Type": "application/json", "Accept-Language": "fr"},
        )

    return make


def _page(slug: str) -> Request:
    def make(number: int) -> tuple[str, str, bytes | None, dict[str, str]]:
        return "GET", f"/fr/agenda/{slug}/", None, {"Accept-Language": "fr"}

    return make


def _seats(event_id: int) -> dict[str, Any]:
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    from cocade.agenda.models import Event, Registration

    event = Event.objects.get(pk=event_id)
    statuses = Counter(Registration.objects.filter(event=event).values_list("status", flat=True))
    ours = set(Registration.objects.filter(event=event).values_list("pk", flat=True))
    queued = sum(
        1
        for args_kwargs in DBTaskResult.objects.filter(
            task_path="cocade.agenda.tasks.send_registration_email"
        ).values_list("args_kwargs", flat=True)
        if args_kwargs["args"][0] in ours
    )
    connection.close()
    return {
        "capacity": event.capacity,
        "confirmed_count": event.confirmed_count,
        "statuses": dict(statuses),
        "emails_queued": queued,
    }


def run_one(database_url: str, data_dir: str, args: argparse.Namespace) -> dict[str, Any]:
    environment = _server_environment(database_url, data_dir)
    os.environ.clear()
    os.environ.update(environment)
    import django

    django.setup()
    prepared = _prepare(args.capacity)
    log_path = os.path.join(data_dir, "gunicorn.log")
    with open(log_path, "w", encoding="utf-8") as log:
        started = time.perf_counter()
        server, port = _start_server(environment, args.workers, args.threads, log)
        _progress(f"gunicorn answers on port {port} after {time.perf_counter() - started:.0f} s")
        try:
            warm_up = args.workers * args.threads * 4
            _burst(port, warm_up, args.clients, _registration(prepared["warm"], "warm"))
            _burst(port, warm_up, args.clients, _page(WARMUP_SLUG))
            _progress(f"server warmed up ({warm_up} registrations and page views)")
            registering = _burst(
                port, args.registrations, args.clients, _registration(prepared["bench"], "p")
            )
            _progress(f"registrations: {registering['per_second']:.1f}/s")
            viewing = _burst(port, args.pages, args.clients, _page(BENCH_SLUG))
            _progress(f"event page: {viewing['per_second']:.1f}/s")
        finally:
            started = time.perf_counter()
            _stop_server(server)
            _progress(f"gunicorn stopped in {time.perf_counter() - started:.0f} s")
    with open(log_path, encoding="utf-8") as log:
        server_errors = [line.rstrip() for line in log if line.strip()][-20:]
    seats = _seats(prepared["bench"])
    return {
        "database": prepared["version"],
        "registrations": registering,
        "pages": viewing,
        "seats": seats,
        "warm_up": warm_up,
        "server_log": server_errors,
    }


# --- driver ------------------------------------------------------------------------------------


def _postgres_database(action: str, name: str) -> str | None:
    """Create or drop the throwaway database; the reason when the server does not answer."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return "psycopg is not installed"
    try:
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if action == "create":
                conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        return str(error).strip().splitlines()[0]
    return None


def _child(database_url: str, args: argparse.Namespace) -> dict[str, Any] | None:
    """Run one database in a process of its own; its result, or None when it failed."""
    data_dir = tempfile.mkdtemp(prefix="cocade-bench-agenda-")
    result_path = os.path.join(data_dir, "result.json")
    try:
        command = [
            sys.executable,
            __file__,
            f"--registrations={args.registrations}",
            f"--pages={args.pages}",
            f"--capacity={args.capacity}",
            f"--clients={args.clients}",
            f"--workers={args.workers}",
            f"--threads={args.threads}",
            f"--database-url={database_url}",
            f"--data-dir={data_dir}",
            f"--result={result_path}",
        ]
        status = subprocess.call(command)  # noqa: S603 - this script, our arguments
        if status != 0 or not os.path.exists(result_path):
            sys.stdout.write(f"— {database_url.split(':')[0]}: the run failed (exit {status})\n")
            return None
        with open(result_path, encoding="utf-8") as file:
            return json.load(file)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def _non_2xx(answers: dict[str, int]) -> str:
    bad = {status: n for status, n in answers.items() if not status.startswith("2")}
    return ", ".join(f"{status} × {n}" for status, n in bad.items()) or "none"


def _report(results: list[dict[str, Any]], args: argparse.Namespace) -> tuple[str, bool]:
    expected = min(args.capacity, args.registrations)
    lines = [
        "| database | burst | requests | requests/s | p50 | p95 | answers | non-2xx |",
        "|---|---|---:|---:|---:|---:|---|---|",
    ]
    right = True
    for result in results:
        for label, key in (
            ("POST /api/v1/events/{id}/registrations", "registrations"),
            ("GET /fr/agenda/<slug>/ (event page)", "pages"),
        ):
            burst = result[key]
            answers = ", ".join(f"{s} × {n}" for s, n in burst["answers"].items())
            lines.append(
                f"| {result['database']} | {label} | {burst['requests']} | "
                f"{burst['per_second']:.1f} | {burst['p50']:.0f} ms | {burst['p95']:.0f} ms | "
                f"{answers} | {_non_2xx(burst['answers'])} |"
            )
    lines += [
        "",
        "| database | registration/page (requests/s) | confirmed after the burst | "
        "`confirmed_count` | expected min(capacity, N) | waitlisted | emails queued |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        seats = result["seats"]
        confirmed = seats["statuses"].get("confirmed", 0)
        ok = confirmed == seats["confirmed_count"] == expected
        right = right and ok
        ratio = result["registrations"]["per_second"] / result["pages"]["per_second"]
        lines.append(
            f"| {result['database']} | {ratio:.2f} | {confirmed} | {seats['confirmed_count']} | "
            f"{expected} ({'right' if ok else 'WRONG'}) | "
            f"{seats['statuses'].get('waitlisted', 0)} | {seats['emails_queued']} |"
        )
    for result in results:
        if result["server_log"]:
            lines += ["", f"Server log ({result['database']}), last lines:", ""]
            lines += [f"    {line}" for line in result["server_log"]]
    return "\n".join(lines), right


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registrations", type=int, default=2000, help="POSTs (default 2000)")
    parser.add_argument("--pages", type=int, default=2000, help="page GETs (default 2000)")
    parser.add_argument("--capacity", type=int, default=500, help="seats (default 500)")
    parser.add_argument("--clients", type=int, default=64, help="client threads (default 64)")
    parser.add_argument(
        "--workers", type=int, default=4, help="gunicorn worker processes (default 4)"
    )
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (default 4)")
    parser.add_argument("--only", choices=("sqlite", "postgresql"), help="one database only")
    parser.add_argument("--database-url", help=argparse.SUPPRESS)  # one run, in a child process
    parser.add_argument("--data-dir", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.database_url:
        result = run_one(args.database_url, args.data_dir, args)
        with open(args.result, "w", encoding="utf-8") as file:
            json.dump(result, file)
        return 0

    sys.stdout.write(
        f"COCADE bench: agenda registration burst, {args.registrations} registrations "
        f"(capacity {args.capacity}, waiting list) and {args.pages} event-page views, "
        f"{args.clients} concurrent clients\n"
        f"machine: nproc={os.cpu_count()}, Python {platform.python_version()}, "
        f"{platform.platform()}\n"
        f"server: gunicorn {args.workers} workers × {args.threads} threads (gthread), DEBUG "
        f"off; emails queued in the database task queue, no worker running\n"
    )
    sys.stdout.flush()
    results = []
    failed = False
    if args.only in (None, "sqlite"):
        folder = tempfile.mkdtemp(prefix="cocade-bench-sqlite-")
        try:
            url = f"sqlite:///{os.path.join(folder, 'agenda.sqlite3')}"
            result = _child(url, args)
            failed = failed or result is None
            if result:
                results.append(result)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if args.only in (None, "postgresql"):
        name = f"cocade_bench_agenda_{os.getpid()}"
        problem = _postgres_database("create", name)
        if problem:
            sys.stdout.write(
                f"— PostgreSQL skipped: no server answers at {PG_SERVER} ({problem})\n"
            )
        else:
            try:
                result = _child(f"{PG_SERVER}/{name}", args)
                failed = failed or result is None
                if result:
                    results.append(result)
            finally:
                _postgres_database("drop", name)
    if not results:
        return 1
    report, right = _report(results, args)
    sys.stdout.write("\n" + report + "\n")
    return 0 if right and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
