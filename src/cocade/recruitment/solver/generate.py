"""Seeded instances of a speed-recruitment day, for the benchmark and the tests.

`generate` draws a day like the Porto one. Many registrations, each with a few applications
that are not shortlisted; a few pre-selected candidates, each shortlisted by 8 to 10 companies
drawn by popularity (weights 0.3 to 3), ranked in a random order. Companies have 1, 2 or 3
tables (in proportions 6:3:1, whatever their number of interviews: popular companies can be
over-subscribed); 15 % are present 09:00-13:00 only and 15 % 14:00-18:00 only. Of the
pre-selected candidates, 15 % come 09:00-14:00 only, 15 % 11:00-18:00 only, and 20 % accept
1 to 3 interviews fewer than they are shortlisted for. Same arguments, same instance.
"""

from __future__ import annotations

import random

from .model import Application, Candidate, Company, Instance, Window

DAY = Window(9 * 60, 18 * 60)
LUNCH = Window(12 * 60 + 30, 13 * 60 + 30)
SLOT_MINUTES = 5


def generate(
    *,
    seed: int,
    registrations: int,
    applications: int,
    shortlisted: int,
    companies: int,
    per_candidate: tuple[int, int] = (8, 10),
    slot_minutes: int = SLOT_MINUTES,
    day: Window = DAY,
    breaks: tuple[Window, ...] = (LUNCH,),
    min_gap_slots: int = 0,
) -> Instance:
    """A recruitment day: `registrations` candidates, `applications` applications in all, of
    which those of the first `shortlisted` candidates (between `per_candidate` companies each)
    are shortlisted."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible draw, not a secret
    company_ids = [f"company-{number:03d}" for number in range(1, companies + 1)]
    candidate_ids = [f"candidate-{number:05d}" for number in range(1, registrations + 1)]
    popularity = [0.3 + 2.7 * rng.random() for _ in company_ids]

    chosen: dict[int, list[int]] = {}
    low, high = per_candidate
    for candidate in range(shortlisted):
        count = min(companies, rng.randint(low, high))
        picks = _weighted_sample(rng, popularity, count)
        chosen[candidate] = picks

    company_list = []
    for identifier in company_ids:
        draw = rng.random()
        windows: tuple[Window, ...] = ()
        if draw < 0.15:
            windows = (Window(day.start, day.start + 4 * 60),)
        elif draw < 0.3:
            windows = (Window(day.end - 4 * 60, day.end),)
        tables = rng.choices((1, 2, 3), weights=(6, 3, 1))[0]
        company_list.append(Company(id=identifier, tables=tables, windows=windows))

    candidate_list = []
    for candidate, identifier in enumerate(candidate_ids):
        windows = ()
        maximum = None
        if candidate < shortlisted:
            draw = rng.random()
            if draw < 0.15:
                windows = (Window(day.start, day.start + 5 * 60),)
            elif draw < 0.3:
                windows = (Window(day.start + 2 * 60, day.end),)
            if rng.random() < 0.2:
                maximum = max(1, len(chosen[candidate]) - rng.randint(1, 3))
        candidate_list.append(Candidate(id=identifier, windows=windows, max_interviews=maximum))

    application_list: list[Application] = []
    for candidate, picks in chosen.items():
        ranks = list(range(1, len(picks) + 1))
        rng.shuffle(ranks)
        for company, rank in zip(picks, ranks, strict=True):
            application_list.append(
                Application(candidate_ids[candidate], company_ids[company], rank, True)
            )
    others = list(range(shortlisted, registrations))
    rng.shuffle(others)
    left = max(0, applications - len(application_list))
    share, extra = divmod(left, len(others)) if others else (0, 0)
    for number, candidate in enumerate(others):
        count = min(companies, share + (1 if number < extra else 0))
        picks = _weighted_sample(rng, popularity, count)
        for rank, company in enumerate(picks, start=1):
            application_list.append(
                Application(candidate_ids[candidate], company_ids[company], rank, False)
            )
    application_list.sort(key=lambda application: (application.candidate, application.rank))
    return Instance(
        slot_minutes=slot_minutes,
        day=day,
        breaks=breaks,
        companies=tuple(company_list),
        candidates=tuple(candidate_list),
        applications=tuple(application_list),
        min_gap_slots=min_gap_slots,
        seed=seed,
    )


def _weighted_sample(rng: random.Random, weights: list[float], count: int) -> list[int]:
    """`count` distinct indices drawn with probability proportional to their weight."""
    keys = sorted(range(len(weights)), key=lambda index: rng.random() ** (1 / weights[index]))
    return keys[len(keys) - count :][::-1]


def porto(seed: int = 2024) -> Instance:
    """The Porto day: 556 registrations, 2,564 applications, 70 pre-selected candidates
    interviewing up to 10 of 10 companies, 5-minute slots from 09:00 to 18:00, lunch 12:30."""
    return generate(seed=seed, registrations=556, applications=2564, shortlisted=70, companies=10)


def porto_times_ten(seed: int = 2024) -> Instance:
    """Ten times Porto: 5,000 registrations, 25,000 applications, 700 pre-selected
    candidates, 100 companies."""
    return generate(
        seed=seed, registrations=5000, applications=25000, shortlisted=700, companies=100
    )
