"""Benchmark: full-text search of 100,000 practice sheets, on SQLite and on PostgreSQL.

Run with `make bench` (or `.venv/bin/python bench/practices_search.py [--sheets N] [--repeat N]
[--only sqlite|postgresql]`). For each database it migrates a throwaway one (a SQLite file in a
temporary directory; a database created, then dropped, on the PostgreSQL server at
127.0.0.1:5432, or $COCADE_BENCH_POSTGRES, skipped with a message when none answers), generates
the same sheets from a fixed seed (titles and bodies from a word list per language, one to three
languages per sheet, the Vademecum's facets: type, pole, public, country, language, competence),
indexes them through `index_documents`, then times in one run, taking turns:

  - a selective query (a word found in a few dozen sheets) and a common query (a word found in a
    large share of them) through `search()`, as the Vademecum calls it: the six facets counted,
    the first page of 20;
  - the same two queries in hand-written SQL, the least that answers them: the match in each
    entry's language, the rank, the top 20 entries;

and prints p50 and p95 of each and the ratio search()/SQL of the p50s and of the p95s.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from typing import Any

SCOPE = "bench.practice"
FACETS = ("pole", "type", "public", "country", "language", "competence")
SELECTIVE = "hackathon"
COMMON = "erasmus"
# The PostgreSQL server on which a throwaway database is created (and dropped).
PG_SERVER = os.environ.get("COCADE_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
GOALS = {"selective": 50.0, "common": 300.0}  # p95, milliseconds
RATIO_GOAL = 3.0

# A few hundred words per language: the frequent small words, then the vocabulary of guidance
# and employment sheets (drawn with Zipf-like weights, in the order given).
WORDS = {
    "fr": (
        "de la le les des et un une pour avec dans sur par au aux du en qui est sont "
        "jeunes emploi formation orientation accompagnement conseiller atelier projet "
        "entreprises partenaires compétences insertion professionnelle stage apprentissage "
        "recrutement métiers entretien candidats numérique mobilité européenne réseau centre "
        "public bénéficiaires objectifs résultats évaluation méthode étapes outils ressources "
        "durée budget bénévoles animateurs employeurs demandeurs chômage lycéens étudiants "
        "parcours découverte immersion alternance contrat qualification diplôme reconversion "
        "création activité entrepreneuriat coaching groupe individuel collectif séance "
        "semaine mois année réussite difficultés freins confiance motivation autonomie "
        "handicap migrants réfugiés quartiers territoire ville région mairie associations "
        "forum salon visite rencontre témoignages vidéo plateforme questionnaire bilan "
        "portfolio curriculum lettre motivation simulation jeux rôle écoute information"
    ),
    "en": (
        "the of and to in a for with on by is are that as at from this be "
        "young people employment training guidance counselling counsellor workshop project "
        "companies partners skills inclusion professional internship apprenticeship "
        "recruitment jobs interview candidates digital mobility european network centre "
        "public participants objectives results evaluation method steps tools resources "
        "duration budget volunteers facilitators employers jobseekers unemployment pupils "
        "students pathway discovery immersion placement contract qualification diploma "
        "career change creation business entrepreneurship coaching group individual "
        "collective session week month year success difficulties barriers confidence "
        "motivation autonomy disability migrants refugees neighbourhoods territory city "
        "region council associations fair visit meeting testimonies video platform "
        "questionnaire assessment portfolio resume letter simulation games role listening"
    ),
    "pt": (
        "de a o os as e um uma para com em no na por do da dos das que é são "
        "jovens emprego formação orientação acompanhamento conselheiro oficina projeto "
        "empresas parceiros competências inserção profissional estágio aprendizagem "
        "recrutamento profissões entrevista candidatos digital mobilidade europeia rede "
        "centro público participantes objetivos resultados avaliação método etapas "
        "ferramentas recursos duração orçamento voluntários animadores empregadores "
        "desempregados alunos estudantes percurso descoberta imersão contrato qualificação "
        "diploma reconversão criação atividade empreendedorismo grupo individual coletivo "
        "sessão semana mês ano sucesso dificuldades obstáculos confiança motivação "
        "autonomia deficiência migrantes refugiados bairros território cidade região "
        "câmara associações feira visita encontro testemunhos vídeo plataforma inquérito "
        "balanço portefólio currículo carta simulação jogos papel escuta informação"
    ),
    "it": (
        "di il la le i gli e un una per con in su da del della dei delle che è sono "
        "giovani lavoro formazione orientamento accompagnamento consulente laboratorio "
        "progetto aziende partner competenze inserimento professionale tirocinio "
        "apprendistato reclutamento mestieri colloquio candidati digitale mobilità europea "
        "rete centro pubblico partecipanti obiettivi risultati valutazione metodo fasi "
        "strumenti risorse durata bilancio volontari animatori datori disoccupati alunni "
        "studenti percorso scoperta immersione contratto qualifica diploma riconversione "
        "creazione attività imprenditorialità gruppo individuale collettivo sessione "
        "settimana mese anno successo difficoltà ostacoli fiducia motivazione autonomia "
        "disabilità migranti rifugiati quartieri territorio città regione comune "
        "associazioni fiera visita incontro testimonianze video piattaforma questionario "
        "portfolio curriculum lettera simulazione giochi ruolo ascolto informazione"
    ),
    "da": (
        "og i at til for med på af en et der som er det den de fra har "
        "unge beskæftigelse uddannelse vejledning vejleder værksted projekt virksomheder "
        "partnere kompetencer inklusion faglig praktik lærlinge rekruttering job samtale "
        "kandidater digital mobilitet europæisk netværk center offentlig deltagere mål "
        "resultater evaluering metode trin værktøjer ressourcer varighed budget frivillige "
        "arbejdsgivere ledige elever studerende forløb opdagelse kontrakt kvalifikation "
        "eksamen omskoling iværksætteri gruppe individuel kollektiv session uge måned år "
        "succes vanskeligheder barrierer tillid motivation selvstændighed handicap "
        "migranter flygtninge kvarterer kommune region foreninger messe besøg møde "
        "vidnesbyrd video platform spørgeskema portefølje ansøgning simulation spil rolle"
    ),
    "bg": (
        "на и в за с от по да се е са че към при като или този "
        "младежи заетост обучение ориентиране консултиране консултант работилница проект "
        "фирми партньори умения приобщаване професионален стаж чиракуване набиране "
        "професии интервю кандидати дигитален мобилност европейска мрежа център публика "
        "участници цели резултати оценка метод стъпки инструменти ресурси продължителност "
        "бюджет доброволци работодатели безработни ученици студенти път откриване договор "
        "квалификация диплома преквалификация предприемачество група индивидуален "
        "колективен сесия седмица месец година успех трудности бариери доверие мотивация "
        "самостоятелност увреждания мигранти бежанци квартали община регион сдружения "
        "панаир посещение среща видео платформа въпросник портфолио автобиография писмо"
    ),
}
LANGUAGES = tuple(WORDS)
ORIGINAL_SHARE = {"fr": 30, "pt": 20, "it": 15, "en": 15, "da": 10, "bg": 10}
TYPES = ("reception", "counselling", "workshop", "event", "partnership", "digital", "outreach")
POLES = ("orient", "form", "emploi", "changer", "creer")
PUBLICS = (
    "pupils",
    "students",
    "apprentices",
    "young_people",
    "jobseekers",
    "employees",
    "disability",
    "migrants",
    "fewer_opportunities",
    "seniors",
    "entrepreneurs",
    "employers",
    "professionals",
)
COUNTRIES = ("FR", "PT", "IT", "DK", "BG", "BE", "ES", "DE", "RO", "GR")
COMPETENCES = tuple(f"{block}{n}" for block in "ABCD" for n in range(1, 6))


def _weights(count: int) -> list[float]:
    cumulative, total = [], 0.0
    for rank in range(1, count + 1):
        total += 1 / rank**0.9
        cumulative.append(total)
    return cumulative


def generate(count: int, seed: int = 20240601) -> Iterator[Any]:
    """`count` sheets as search documents, the same for a given seed."""
    from cocade.core.search import Document

    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    vocabulary = {code: text.split() for code, text in WORDS.items()}
    weights = {code: _weights(len(words)) for code, words in vocabulary.items()}
    originals = list(ORIGINAL_SHARE)
    shares = list(ORIGINAL_SHARE.values())
    start = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    selective = set(rng.sample(range(count), max(1, count * 36 // 100_000)))

    def text(code: str, length: int) -> str:
        return " ".join(rng.choices(vocabulary[code], cum_weights=weights[code], k=length))

    for n in range(count):
        original = rng.choices(originals, weights=shares)[0]
        languages = [original]
        for extra in ("en", "fr"):
            if extra not in languages and rng.random() < (0.45 if extra == "en" else 0.2):
                languages.append(extra)
        proper = rng.random() < 0.45  # an Erasmus+ project, named in every language
        texts = {}
        for code in languages:
            title = text(code, rng.randint(3, 8)).capitalize()
            body = text(code, rng.randint(80, 200))
            if proper:
                body = f"{body} Erasmus+ {text(code, 10)}"
            if n in selective:
                body = f"{text(code, 20)} hackathon {body}"
            texts[code] = {"title": title, "body": body}
        yield Document(
            object_id=n + 1,
            texts=texts,
            facets={
                "type": [rng.choice(TYPES)],
                "pole": rng.sample(POLES, rng.randint(1, 2)),
                "public": rng.sample(PUBLICS, rng.randint(1, 3)),
                "country": [rng.choice(COUNTRIES)],
                "competence": rng.sample(COMPETENCES, rng.randint(0, 3)),
            },
            sort_date=start + datetime.timedelta(minutes=37 * n),
        )


# --- one database ------------------------------------------------------------------------------


def _configure(data_dir: str, database_url: str) -> None:
    os.environ["COCADE_DATA_DIR"] = data_dir
    os.environ["DATABASE_URL"] = database_url
    os.environ["COCADE_TESTING"] = "1"
    os.environ["DEBUG"] = "0"
    os.environ["EMAIL_URL"] = "memory://"
    os.environ["COCADE_MAP_TILE_URL"] = ""
    os.environ["DJANGO_SETTINGS_MODULE"] = "cocade.settings"
    os.makedirs(os.path.join(data_dir, "static"), exist_ok=True)
    os.environ["STATIC_ROOT"] = os.path.join(data_dir, "static")

    import django

    django.setup()


def _raw_sqlite(query: str) -> Callable[[], list]:
    from django.db import connection

    from cocade.core.search.sqlite import BODY_WEIGHT, TITLE_WEIGHT, match_expression
    from cocade.core.search.text import parse_query

    expression = match_expression(parse_query(query))
    sql = (  # constants and placeholders only
        f"SELECT rowid, bm25(core_searchentry_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS rank "  # noqa: S608
        "FROM core_searchentry_fts WHERE core_searchentry_fts MATCH %s ORDER BY rank LIMIT 20"
    )

    def run() -> list:
        with connection.cursor() as cursor:
            cursor.execute(sql, [expression])
            return cursor.fetchall()

    return run


def _raw_postgres(query: str) -> Callable[[], list]:
    from django.db import connection

    from cocade.core.search.postgres import _language_condition, tsquery
    from cocade.core.search.text import LANGUAGES, parse_query

    parsed = parse_query(query)
    ranks, rank_params, conditions, condition_params = [], [], [], []
    for code in LANGUAGES:
        sql, values = tsquery(code, parsed)
        ranks.append(f"WHEN {_language_condition(code)} THEN {sql}")
        rank_params.extend(values)
        conditions.append(f"({_language_condition(code)} AND e.search_vector @@ {sql})")
        condition_params.extend(values)
    sql = (  # constants and placeholders only
        f"SELECT e.id, ts_rank_cd(e.search_vector, CASE {' '.join(ranks)} END) AS rank "  # noqa: S608
        f"FROM core_searchentry e WHERE {' OR '.join(conditions)} ORDER BY rank DESC LIMIT 20"
    )
    params = rank_params + condition_params

    def run() -> list:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    return run


def _time(functions: dict[str, Callable[[], Any]], repeat: int, warmup: int) -> dict[str, list]:
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


def _p(timings: list[float], q: int) -> float:
    return statistics.quantiles(timings, n=100, method="inclusive")[q - 1]


def run_one(vendor: str, database_url: str, sheets: int, repeat: int, warmup: int) -> str:
    data_dir = tempfile.mkdtemp(prefix="cocade-bench-search-")
    try:
        _configure(data_dir, database_url)
        from django.core.management import call_command
        from django.db import connection

        from cocade.core import search

        call_command("migrate", verbosity=0, interactive=False)
        started = time.perf_counter()
        count = search.index_documents(scope=SCOPE, documents=generate(sheets))
        indexed = time.perf_counter() - started
        with connection.cursor() as cursor:
            if vendor == "postgresql":
                cursor.execute("VACUUM ANALYZE")
                cursor.execute("SELECT version()")
                version = cursor.fetchone()[0].split(" on ")[0]
            else:
                cursor.execute(
                    "INSERT INTO core_searchentry_fts(core_searchentry_fts) VALUES ('optimize')"
                )
                cursor.execute("ANALYZE")
                cursor.execute("SELECT sqlite_version()")
                version = f"SQLite {cursor.fetchone()[0]}"
            cursor.execute("SELECT COUNT(*) FROM core_searchentry")
            entries = cursor.fetchone()[0]
            cursor.execute("SELECT COUNT(*) FROM core_searchfacet")
            facet_rows = cursor.fetchone()[0]

        def through_search(query: str) -> Callable[[], Any]:
            return lambda: search.search(scope=SCOPE, query=query, facets=FACETS, limit=20)

        raw = _raw_postgres if vendor == "postgresql" else _raw_sqlite
        functions = {
            "selective search()": through_search(SELECTIVE),
            "selective SQL": raw(SELECTIVE),
            "common search()": through_search(COMMON),
            "common SQL": raw(COMMON),
        }
        totals = {
            name: search.search(scope=SCOPE, query=name).total for name in (SELECTIVE, COMMON)
        }
        timings = _time(functions, repeat, warmup)
        lines = [
            f"— {version}: {count} sheets, {entries} entries, {facet_rows} facet values; "
            f"indexed in {indexed:.0f} s",
            f"runs: {repeat} timed after {warmup} warm-up, in turns, in one process",
        ]
        for kind, query in (("selective", SELECTIVE), ("common", COMMON)):
            api = timings[f"{kind} search()"]
            sql = timings[f"{kind} SQL"]
            goal = GOALS[kind]
            ratio50 = statistics.median(api) / statistics.median(sql)
            ratio95 = _p(api, 95) / _p(sql, 95)
            fast = "met" if _p(api, 95) <= goal else "MISSED"
            close = "met" if ratio95 <= RATIO_GOAL else "MISSED"
            lines += [
                f"{kind} query {query!r} ({totals[query]} sheets match):",
                f"  search(), 6 facets, top 20  p50 {statistics.median(api):8.1f} ms   "
                f"p95 {_p(api, 95):8.1f} ms   (goal p95 ≤ {goal:.0f} ms: {fast})",
                f"  SQL: match, rank, top 20    p50 {statistics.median(sql):8.1f} ms   "
                f"p95 {_p(sql, 95):8.1f} ms",
                f"  ratio search()/SQL          p50 {ratio50:8.1f} ×    p95 {ratio95:8.1f} ×    "
                f"(goal p95 ≤ {RATIO_GOAL:.0f}×: {close})",
            ]
        return "\n".join(lines)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sheets", type=int, default=100_000, help="sheets (default 100000)")
    parser.add_argument("--repeat", type=int, default=40, help="timed runs each (default 40)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed runs first (default 5)")
    parser.add_argument("--only", choices=("sqlite", "postgresql"), help="one database only")
    parser.add_argument("--database-url", help=argparse.SUPPRESS)  # one run, in a child process
    args = parser.parse_args()

    if args.database_url:
        vendor = "postgresql" if args.database_url.startswith("postgres") else "sqlite"
        report = run_one(vendor, args.database_url, args.sheets, args.repeat, args.warmup)
        sys.stdout.write(report + "\n")
        return 0

    sys.stdout.write(
        f"COCADE bench: search of {args.sheets} practice sheets "
        f"(fixed seed; facets {', '.join(FACETS)})\n"
        f"machine: nproc={os.cpu_count()}, Python {platform.python_version()}, "
        f"{platform.platform()}\n"
    )
    sys.stdout.flush()
    common = [
        sys.executable,
        __file__,
        f"--sheets={args.sheets}",
        f"--repeat={args.repeat}",
        f"--warmup={args.warmup}",
    ]
    status = 0
    if args.only in (None, "sqlite"):
        folder = tempfile.mkdtemp(prefix="cocade-bench-sqlite-")
        try:
            url = f"sqlite:///{os.path.join(folder, 'search.sqlite3')}"
            status |= subprocess.call([*common, f"--database-url={url}"])  # noqa: S603
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if args.only in (None, "postgresql"):
        name = f"cocade_bench_search_{os.getpid()}"
        problem = _postgres_database("create", name)
        if problem:
            sys.stdout.write(
                f"— PostgreSQL skipped: no server answers at {PG_SERVER} ({problem})\n"
            )
        else:
            try:
                status |= subprocess.call(  # noqa: S603 - this script, our arguments
                    [*common, f"--database-url={PG_SERVER}/{name}"]
                )
            finally:
                _postgres_database("drop", name)
    return status


if __name__ == "__main__":
    sys.exit(main())
