"""The demo of speed recruitment, speed meetings and quizzes, loaded by `cocade demo` after
the agenda's.

- **Speed Recruitment 2018 at the Cidade das Profissões (Porto)**, the 11th edition of
  21 November 2018 as the network's newsletter tells it: 556 registrations, 2,564 applications
  processed, 70 pre-selected candidates who each met the 10 companies the newsletter names, in
  5-minute interviews. The schedule is computed by the scheduler while the demo loads. The
  people are fictional; the newsletter gives no outcomes, so none is recorded.
- **A speed recruitment running today** in Porto with fictional companies ("Ribeira
  Software", …): the interviews before the load are held, some with an outcome, two candidates
  did not come, and the live board shows the current round.
- **A speed recruitment in three weeks** whose applications are open, so that a visitor can
  apply from the public page.
- The plan of the agenda's apprenticeship speed meeting in Porto (6 groups, 6 tables,
  15-minute rounds), the ten questions of the quiz in Marseille, and the quiz held in Milan
  with its answers.

Everything goes through the services where they exist (companies, schedule, meeting plan,
quizzes); registrations of the past edition are written as the services leave them. Loading
again creates nothing: an event whose speed recruitment exists is left as it is. Nobody is
emailed (the agenda demo's `emails_suppressed`, and addresses at example.org).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Count

from cocade.accounts.models import User
from cocade.agenda.demo import _context as agenda_context
from cocade.agenda.demo.loader import Context, load_event
from cocade.agenda.demo.spec import DemoEvent, days_from_load, on
from cocade.agenda.enums import EventKind, RegistrationStatus
from cocade.agenda.models import Event, Registration
from cocade.core.mail import emails_suppressed
from cocade.recruitment import models as m
from cocade.recruitment.enums import (
    ApplicationStatus,
    InterviewStatus,
    Outcome,
    Phase,
    Presence,
    RunKind,
)
from cocade.recruitment.services import companies as company_services
from cocade.recruitment.services import meetings as meeting_services
from cocade.recruitment.services import quiz as quiz_services
from cocade.recruitment.services.scheduling import run_schedule

__all__ = ["RecruitmentDemoResult", "load", "write_summary"]

DOMAIN = "example.org"
LUNCH = [{"start": "12:30", "end": "14:00"}]

FIRST_NAMES = [
    "Ana",
    "Beatriz",
    "Carla",
    "Daniela",
    "Filipa",
    "Inês",
    "Joana",
    "Leonor",
    "Mariana",
    "Marta",
    "Patrícia",
    "Rita",
    "Sara",
    "Sofia",
    "Teresa",
    "Vera",
    "André",
    "Bruno",
    "Carlos",
    "Diogo",
    "Duarte",
    "Fábio",
    "Gonçalo",
    "Hugo",
    "João",
    "Luís",
    "Miguel",
    "Nuno",
    "Pedro",
    "Ricardo",
    "Rui",
    "Tiago",
    "Vasco",
    "Amadou",
    "Fatoumata",
    "Yara",
    "Ionut",
    "Olena",
    "Karim",
    "Lucía",
]
SURNAMES = [
    "Almeida",
    "Barbosa",
    "Cardoso",
    "Carvalho",
    "Costa",
    "Cunha",
    "Fernandes",
    "Ferreira",
    "Gomes",
    "Lopes",
    "Marques",
    "Martins",
    "Mendes",
    "Monteiro",
    "Moreira",
    "Nunes",
    "Oliveira",
    "Pereira",
    "Pinto",
    "Ribeiro",
    "Rocha",
    "Rodrigues",
    "Santos",
    "Silva",
    "Sousa",
    "Teixeira",
    "Vieira",
    "Diallo",
    "Popescu",
    "Kovalenko",
]

#: The ten companies of the 2018 interview circuit, as the newsletter names them.
COMPANIES_2018 = (
    ("Adecco", "Recrutamento e trabalho temporário"),
    ("Grupo Calzedonia", "Comércio de vestuário"),
    ("Grupo JAP", "Automóvel"),
    ("Kicks", "Comércio de calçado"),
    ("Manpower", "Recrutamento e trabalho temporário"),
    ("Prozis", "Comércio eletrónico"),
    ("Randstad Holding NV", "Recrutamento e trabalho temporário"),
    ("Grupo Salvador Caetano", "Automóvel"),
    ("Sogrape Original Legacy Wines", "Vinhos"),
    ("Sonae MC", "Distribuição alimentar"),
)

#: Fictional companies of the editions placed around the load date, with two offers each.
COMPANIES_NOW = (
    ("Ribeira Software", "Informática", ("Programador(a) web júnior", "Técnico(a) de suporte")),
    ("Douro Logística", "Logística", ("Operador(a) de armazém", "Motorista de pesados")),
    ("Foz Hotelaria", "Hotelaria", ("Rececionista bilingue", "Empregado(a) de mesa")),
    ("Bolhão Retalho", "Comércio", ("Operador(a) de caixa", "Repositor(a)")),
    ("Leça Metalomecânica", "Indústria", ("Soldador(a)", "Serralheiro(a) mecânico(a)")),
    ("Gaia Saúde", "Saúde", ("Auxiliar de ação médica", "Assistente de consultório")),
    (
        "Matosinhos Mar",
        "Pescas e conservas",
        ("Operário(a) de conservas", "Técnico(a) de qualidade"),
    ),
    ("Aliados Contact", "Centro de contacto", ("Assistente de apoio ao cliente", "Supervisor(a)")),
)

TITLE_2018 = {
    "pt": "Speed Recruitment 2018 (11.ª edição)",
    "fr": "Speed Recruitment 2018 (11e édition)",
    "en": "Speed Recruitment 2018 (11th edition)",
}
SUMMARY = {
    "pt": "Entrevistas de emprego de 5 minutos com empresas que recrutam: inscreva-se, "
    "escolha as empresas e receba o seu horário.",
    "fr": "Des entretiens d'embauche de 5 minutes avec des entreprises qui recrutent : "
    "inscrivez-vous, choisissez les entreprises et recevez votre horaire.",
    "en": "5-minute job interviews with companies that are hiring: register, choose the "
    "companies and get your own timetable.",
}


def _event(slug: str, title: dict[str, str], start: Any, end: Any) -> DemoEvent:
    return DemoEvent(
        slug=slug,
        kind=EventKind.SPEED_RECRUITMENT,
        original_language="pt",
        centre="porto",
        site=("porto", "baixa"),
        timezone="Europe/Lisbon",
        languages=("pt", "en"),
        title=title,
        summary=SUMMARY,
        start=start,
        end=end,
        capacity=None,
        closes_days_before=0,
    )


EDITION_2018 = _event(
    "speed-recruitment-porto-2018", TITLE_2018, on(2018, 11, 21, 9), on(2018, 11, 21, 18)
)
EDITION_TODAY = _event(
    "speed-recruitment-porto-hoje",
    {
        "pt": "Speed Recruitment de hoje",
        "fr": "Speed Recruitment du jour",
        "en": "Today's Speed Recruitment",
    },
    days_from_load(0, 9),
    days_from_load(0, 18),
)
EDITION_NEXT = _event(
    "speed-recruitment-porto-proximo",
    {
        "pt": "Próximo Speed Recruitment",
        "fr": "Prochain Speed Recruitment",
        "en": "Next Speed Recruitment",
    },
    days_from_load(21, 9),
    days_from_load(21, 18),
)

SPEED_MEETING_SLUG = "speed-meeting-aprendizagem"
SPEED_MEETING_GROUPS = [f"Grupo {letter}" for letter in "ABCDEF"]
SPEED_MEETING_TABLES = [
    "Mecânica automóvel",
    "Cozinha e pastelaria",
    "Eletricidade",
    "Cabeleireiro",
    "Comércio",
    "Informática",
]

QUIZ_MARSEILLE_SLUG = "quiz-des-metiers-marseille"
QUIZ_MILAN_SLUG = "quiz-dei-mestieri-milano"
QUIZ_QUESTIONS_FR = (
    (
        "Combien de métiers différents existe-t-il en France, à peu près ?",
        ("500", "2 000", "10 000", "50 000"),
        2,
    ),
    (
        "Quel secteur recrute le plus de saisonniers en Provence ?",
        ("L'hôtellerie-restauration", "La banque", "L'aéronautique", "L'édition"),
        0,
    ),
    (
        "Peut-on devenir infirmier·ère par l'apprentissage ?",
        ("Oui", "Non", "Seulement après 30 ans", "Seulement en Corse"),
        0,
    ),
    (
        "À quel âge peut-on signer un contrat d'apprentissage au plus tôt ?",
        ("14 ans", "15 ans révolus", "18 ans", "21 ans"),
        1,
    ),
    ("Que valide une VAE ?", ("Un diplôme", "Un permis", "Un stage", "Un contrat"), 0),
    (
        "Quel métier du numérique recrute sans diplôme d'ingénieur ?",
        ("Technicien·ne support", "Chirurgien·ne", "Notaire", "Pilote de ligne"),
        0,
    ),
    (
        "Les métiers du soin à domicile sont-ils en tension ?",
        ("Oui, fortement", "Non", "Seulement l'été", "Seulement à Paris"),
        0,
    ),
    ("Combien de temps dure un CAP en général ?", ("6 mois", "2 ans", "4 ans", "5 ans"), 1),
    (
        "Qui peut être reçu à la Cité des métiers ?",
        ("Tout le monde", "Les étudiants", "Les demandeurs d'emploi", "Les salariés"),
        0,
    ),
    (
        "La Cité des métiers demande-t-elle une inscription pour être reçu ?",
        (
            "Non, c'est libre et anonyme",
            "Oui, toujours",
            "Seulement le samedi",
            "Seulement pour les ateliers",
        ),
        0,
    ),
)
QUIZ_QUESTIONS_IT = (
    (
        "Quanti mestieri diversi esistono in Italia, più o meno?",
        ("500", "2.000", "10.000", "50.000"),
        2,
    ),
    (
        "Quale settore assume più stagionali in Lombardia?",
        ("Turismo e ristorazione", "Banche", "Editoria", "Aerospazio"),
        0,
    ),
    (
        "Si può diventare elettricista con l'apprendistato?",
        ("Sì", "No", "Solo dopo i 30 anni", "Solo in Sardegna"),
        0,
    ),
    (
        "Chi può rivolgersi alla Città dei mestieri?",
        ("Tutti", "Solo gli studenti", "Solo i disoccupati", "Solo i lavoratori"),
        0,
    ),
)


@dataclass
class RecruitmentDemoResult:
    created: int = 0
    days: dict[str, dict[str, int]] = field(default_factory=dict)
    meeting_encounters: int = 0
    quizzes: int = 0
    answers: int = 0


def _people(rng: random.Random, count: int, prefix: str) -> list[tuple[str, str]]:
    people = []
    for index in range(count):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        people.append((name, f"{prefix}.{index + 1}@{DOMAIN}"))
    return people


def _registrations(
    event: Event, people: list[tuple[str, str]], moment: datetime.datetime
) -> list[Registration]:
    """Confirmed registrations as the agenda's service leaves them (the event has no
    capacity), with the seat count kept true."""
    Registration.objects.bulk_create(
        Registration(
            event=event,
            name=name,
            email=email,
            language="pt",
            status=RegistrationStatus.CONFIRMED,
            consent_at=moment,
            status_changed_at=moment,
        )
        for name, email in people
    )
    Event.objects.filter(pk=event.pk).update(
        confirmed_count=event.registrations.confirmed().count()
    )
    return list(Registration.objects.filter(event=event).order_by("pk"))


def _day(event: Event, **values: Any) -> m.RecruitmentDay:
    return m.RecruitmentDay.objects.create(
        event=event,
        slot_minutes=5,
        day_start=datetime.time(9, 0),
        day_end=datetime.time(18, 0),
        breaks=LUNCH,
        seed=2018,
        time_limit=10,
        **values,
    )


def _companies(day: m.RecruitmentDay, actor: User, rows: Any) -> list[m.Company]:
    made = []
    for index, row in enumerate(rows):
        name, sector = row[0], row[1]
        email = f"rh{index + 1}@{day.event.slug}.{DOMAIN}"
        company = company_services.create_company(
            actor=actor,
            day=day,
            data={
                "name": name,
                "sector": sector,
                "contact_email": email,
                "language": "pt",
                "tables": 1,
            },
        )
        for title in row[2] if len(row) > 2 else ():
            company_services.create_offer(actor=actor, company=company, data={"title": title})
        made.append(company)
    return made


def _candidates(day: m.RecruitmentDay, registrations: list[Registration]) -> list[m.Candidate]:
    m.Candidate.objects.bulk_create(m.Candidate(day=day, registration=r) for r in registrations)
    return list(day.candidates.order_by("registration_id"))


def _apply(
    candidates: list[m.Candidate],
    companies: list[m.Company],
    counts: list[int],
    rng: random.Random,
    shortlisted: set[int],
) -> None:
    """`counts[i]` ranked applications for candidate i; those of `shortlisted` indexes are
    shortlisted."""
    offers: dict[int, list[m.Offer]] = {}
    for offer in m.Offer.objects.filter(company__in=companies):
        offers.setdefault(offer.company_id, []).append(offer)
    rows = []
    for index, (candidate, count) in enumerate(zip(candidates, counts, strict=True)):
        chosen = rng.sample(companies, count)
        for rank, company in enumerate(chosen, start=1):
            status = (
                ApplicationStatus.SHORTLISTED if index in shortlisted else ApplicationStatus.APPLIED
            )
            choices = offers.get(company.pk)
            rows.append(
                m.Application(
                    candidate=candidate,
                    company=company,
                    offer=rng.choice(choices) if choices else None,
                    rank=rank,
                    status=status,
                )
            )
    m.Application.objects.bulk_create(rows)


def _schedule(day: m.RecruitmentDay, actor: User) -> m.ScheduleRun:
    """Compute the day's schedule with the scheduler, as the worker would."""
    run = m.ScheduleRun.objects.create(day=day, kind=RunKind.INITIAL, created_by=actor)
    run_schedule(run.pk)
    run.refresh_from_db()
    return run


def _split(total: int, people: int, most: int, rng: random.Random) -> list[int]:
    """`people` counts between 1 and `most` that add up to `total`."""
    counts = [1] * people
    left = total - people
    while left > 0:
        index = rng.randrange(people)
        if counts[index] < most:
            counts[index] += 1
            left -= 1
    return counts


def _load_2018(context: Context, rng: random.Random) -> m.RecruitmentDay | None:
    event = load_event(EDITION_2018, context)
    if event is None:
        return None
    actor = context.actor_for(event.centre)
    day = _day(event, phase=Phase.PRESELECTION, max_interviews=10)
    companies = _companies(day, actor, COMPANIES_2018)
    moment = event.starts_at - datetime.timedelta(days=30)
    candidates = _candidates(day, _registrations(event, _people(rng, 556, "sr2018"), moment))
    chosen = set(rng.sample(range(len(candidates)), 70))
    others = [index for index in range(len(candidates)) if index not in chosen]
    # The 70 pre-selected each met all ten companies; the other 486 share the remaining
    # 2,564 - 700 = 1,864 applications.
    spread = _split(2564 - 700, len(others), len(companies), rng)
    counts = [0] * len(candidates)
    for index in chosen:
        counts[index] = len(companies)
    for index, count in zip(others, spread, strict=True):
        counts[index] = count
    _apply(candidates, companies, counts, rng, chosen)
    _schedule(day, actor)
    # Every application was processed (the newsletter's 2,564): those of the 486 candidates
    # not pre-selected were not retained.
    m.Application.objects.filter(candidate__day=day, status=ApplicationStatus.APPLIED).update(
        status=ApplicationStatus.REJECTED, decided_at=event.starts_at - datetime.timedelta(days=7)
    )
    m.Interview.objects.filter(day=day).update(status=InterviewStatus.DONE)
    m.Candidate.objects.filter(pk__in=[candidates[i].pk for i in chosen]).update(
        presence=Presence.ARRIVED, presence_changed_at=event.starts_at
    )
    m.RecruitmentDay.objects.filter(pk=day.pk).update(
        phase=Phase.CLOSED, schedule_published_at=event.starts_at - datetime.timedelta(days=5)
    )
    return day


def _load_today(context: Context, rng: random.Random) -> m.RecruitmentDay | None:
    event = load_event(EDITION_TODAY, context)
    if event is None:
        return None
    actor = context.actor_for(event.centre)
    day = _day(event, phase=Phase.PRESELECTION, max_interviews=4)
    companies = _companies(day, actor, COMPANIES_NOW)
    moment = event.starts_at - datetime.timedelta(days=14)
    candidates = _candidates(day, _registrations(event, _people(rng, 60, "sr-hoje"), moment))
    counts = [rng.randint(2, 4) for _ in candidates]
    _apply(candidates, companies, counts, rng, set(range(40)))
    _schedule(day, actor)
    now = context.now
    interviews = list(day.interviews.order_by("starts_at", "company_id"))
    absent = {candidates[3].pk, candidates[17].pk}
    outcomes = (
        Outcome.SECOND_INTERVIEW,
        Outcome.NONE,
        Outcome.NONE,
        Outcome.HIRED,
        Outcome.NOT_RETAINED,
    )
    for index, interview in enumerate(interviews):
        if interview.candidate_id in absent and interview.starts_at >= now:
            interview.status = InterviewStatus.CANCELLED
        elif interview.candidate_id in absent:
            interview.status = InterviewStatus.NO_SHOW
        elif interview.ends_at <= now:
            interview.status = InterviewStatus.DONE
            interview.outcome = outcomes[index % len(outcomes)]
        elif interview.starts_at <= now:
            interview.status = InterviewStatus.UNDER_WAY
    m.Interview.objects.bulk_update(interviews, ["status", "outcome"])
    arrived = {
        i.candidate_id
        for i in interviews
        if i.status in (InterviewStatus.DONE, InterviewStatus.UNDER_WAY)
    }
    m.Candidate.objects.filter(pk__in=arrived).update(
        presence=Presence.ARRIVED, presence_changed_at=now
    )
    m.Candidate.objects.filter(pk__in=absent).update(
        presence=Presence.ABSENT, presence_changed_at=now
    )
    m.RecruitmentDay.objects.filter(pk=day.pk).update(
        phase=Phase.LIVE, schedule_published_at=now - datetime.timedelta(days=3)
    )
    return day


def _load_next(context: Context, rng: random.Random) -> m.RecruitmentDay | None:
    event = load_event(EDITION_NEXT, context)
    if event is None:
        return None
    actor = context.actor_for(event.centre)
    day = _day(
        event,
        phase=Phase.APPLICATIONS,
        max_interviews=4,
        max_applications=4,
        applications_close_at=event.starts_at - datetime.timedelta(days=7),
    )
    companies = _companies(day, actor, COMPANIES_NOW[:6])
    moment = context.now - datetime.timedelta(days=2)
    candidates = _candidates(day, _registrations(event, _people(rng, 14, "sr-proximo"), moment))
    _apply(candidates, companies, [rng.randint(1, 4) for _ in candidates], rng, set())
    return day


def _speed_meeting(context: Context) -> int:
    meeting = m.SpeedMeeting.objects.filter(event__slug=SPEED_MEETING_SLUG).first()
    if meeting is not None and meeting.plan:
        return meeting.distinct_encounters
    event = Event.objects.filter(slug=SPEED_MEETING_SLUG).first()
    if event is None:
        return 0
    meeting = meeting or m.SpeedMeeting.objects.create(event=event)
    meeting = meeting_services.update_meeting(
        meeting,
        groups=SPEED_MEETING_GROUPS,
        tables=SPEED_MEETING_TABLES,
        round_minutes=15,
        rounds=6,
        starts_at=event.local_start.time(),
        user=context.actor_for(event.centre),
    )
    return meeting.distinct_encounters


def _quiz(context: Context, slug: str, questions: Any, title: str) -> m.Quiz | None:
    event = Event.objects.filter(slug=slug).first()
    if event is None or m.Quiz.objects.filter(event=event).exists():
        return None
    actor = context.actor_for(event.centre)
    quiz = quiz_services.create_quiz(actor=actor, title=title, event=event)
    for text, choices, correct in questions:
        quiz_services.add_question(
            actor=actor, quiz=quiz, text=text, choices="\n".join(choices), correct=correct
        )
    return quiz


def _play(quiz: m.Quiz, context: Context, rng: random.Random, participants: int) -> int:
    """Run a quiz through the services as the evening went: each participant answers each
    question, most of them rightly."""
    actor = context.actor_for(quiz.event.centre if quiz.event else None)
    quiz = quiz_services.open_quiz(actor=actor, quiz=quiz)
    people = [quiz_services.join_quiz(quiz=quiz) for _ in range(participants)]
    answers = 0
    for question in quiz.questions.order_by("position"):
        quiz = quiz_services.ask(actor=actor, quiz=quiz, question=question)
        for person in people:
            right = question.correct if rng.random() < 0.6 else rng.randrange(len(question.choices))
            quiz_services.answer(
                quiz=quiz, participant_key=person.key, question_id=question.pk, choice=right
            )
            answers += 1
    quiz_services.close_quiz(actor=actor, quiz=quiz)
    return answers


def load(*, stdout: Any = None) -> RecruitmentDemoResult:
    """Load the demo (after the agenda's, whose events it completes); with `stdout`, print
    what is there."""
    result = RecruitmentDemoResult()
    rng = random.Random(2018)  # noqa: S311 - a reproducible demo, not a secret
    with emails_suppressed(), transaction.atomic():
        context = agenda_context()
        for loader in (_load_2018, _load_today, _load_next):
            if loader(context, rng) is not None:
                result.created += 1
        result.meeting_encounters = _speed_meeting(context)
        if _quiz(
            context, QUIZ_MARSEILLE_SLUG, QUIZ_QUESTIONS_FR, "Quiz des métiers : vrai ou faux ?"
        ):
            result.quizzes += 1
        milan = _quiz(context, QUIZ_MILAN_SLUG, QUIZ_QUESTIONS_IT, "Quiz dei mestieri")
        if milan is not None:
            result.quizzes += 1
            result.answers = _play(milan, context, rng, participants=38)
    for day in m.RecruitmentDay.objects.select_related("event").order_by("event__starts_at"):
        result.days[day.event.slug] = {
            "registrations": day.event.registrations.count(),
            "applications": m.Application.objects.filter(candidate__day=day).count(),
            "shortlisted": day.candidates.filter(applications__status=ApplicationStatus.SHORTLISTED)
            .distinct()
            .count(),
            "companies": day.companies.count(),
            "interviews": day.interviews.exclude(status=InterviewStatus.CANCELLED).count(),
        }
    if stdout is not None:
        write_summary(result, stdout)
    return result


def write_summary(result: RecruitmentDemoResult, stdout: Any) -> None:
    stdout.write("Speed recruitment:")
    for slug, figures in result.days.items():
        text = ", ".join(f"{count} {label}" for label, count in figures.items())
        stdout.write(f"  {slug}: {text}")
    stdout.write(f"  speed meeting plan: {result.meeting_encounters} distinct encounters")
    quizzes = m.Quiz.objects.values_list("status").annotate(Count("pk"))
    stdout.write("  quizzes: " + ", ".join(f"{n} {s}" for s, n in sorted(quizzes)))
