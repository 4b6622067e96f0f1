"""Demo counsellors and their self-assessments on the demo framework.

Everything goes through the services (start, save and submit, review, plan), as a real user
would; only the dates are moved into the past afterwards, so that the history looks lived-in.
Levels are deterministic: each person starts from the level expected for their profile and
moves one step up or down on some competences, by a hash of their email (no randomness).

The people are fictional. The centre's managers of the directory demo review the assessments
of the first counsellors of their centre; centres without a demo manager keep theirs
submitted. Idempotent: a person who already has an assessment on the framework is left as is.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils.text import slugify

from cocade.accounts.enums import Role
from cocade.accounts.models import Membership, User
from cocade.accounts.services import grant_role
from cocade.competencies.demo.framework import LEVEL_CODES
from cocade.competencies.enums import ActionKind, AssessmentStatus, GoalStatus
from cocade.competencies.models import (
    DevelopmentAction,
    DevelopmentPlan,
    ExpectedLevel,
    FrameworkVersion,
    SelfAssessment,
)
from cocade.competencies.services import assessments as assessment_services
from cocade.competencies.services import plans as plan_services
from cocade.competencies.services.assessments import RatingInput, ReviewInput
from cocade.directory.models import Centre

DAY = datetime.timedelta(days=1)
NEWCOMER, COUNSELLOR, SENIOR = "newcomer", "counsellor", "senior"


@dataclass(frozen=True)
class DemoCounsellor:
    full_name: str
    centre_slug: str
    #: The profile they compare themselves with.
    profile: str
    #: Days between their submission and the day the demo is loaded.
    submitted_days_ago: int
    #: Reviewed by a demo manager of the centre, when the centre has one.
    reviewed: bool = False

    @property
    def email(self) -> str:
        return demo_email(slugify(self.full_name).replace("-", "."))


#: The main demo counsellor (an account of the directory demo) and where she works.
MAIN_COUNSELLOR = "counsellor"
MAIN_CENTRE = "paris-la-villette"

#: The centres of the demo counsellors, in the order they are printed, with their language.
CENTRE_LANGUAGES = {"paris-la-villette": "fr", "porto": "pt", "mayotte": "fr", "milano": "it"}

COUNSELLORS: tuple[DemoCounsellor, ...] = (
    DemoCounsellor("Julien Perrin", "paris-la-villette", SENIOR, 160, reviewed=True),
    DemoCounsellor("Aïcha Diallo", "paris-la-villette", COUNSELLOR, 130, reviewed=True),
    DemoCounsellor("Sophie Lambert", "paris-la-villette", COUNSELLOR, 95, reviewed=True),
    DemoCounsellor("Karim Benhamou", "paris-la-villette", NEWCOMER, 60, reviewed=True),
    DemoCounsellor("Émilie Rousseau", "paris-la-villette", COUNSELLOR, 9),
    DemoCounsellor("Vincent Morel", "paris-la-villette", SENIOR, 6),
    DemoCounsellor("Lucie Fontaine", "paris-la-villette", NEWCOMER, 3),
    DemoCounsellor("Ana Sofia Pereira", "porto", SENIOR, 120),
    DemoCounsellor("Tiago Moreira", "porto", COUNSELLOR, 88),
    DemoCounsellor("Inês Fonseca", "porto", COUNSELLOR, 70),
    DemoCounsellor("Nuno Carvalho", "porto", NEWCOMER, 41),
    DemoCounsellor("Mariana Teixeira", "porto", COUNSELLOR, 25),
    DemoCounsellor("Pedro Magalhães", "porto", COUNSELLOR, 12),
    DemoCounsellor("Mariama Attoumani", "mayotte", COUNSELLOR, 140, reviewed=True),
    DemoCounsellor("Faïssoili Combo", "mayotte", SENIOR, 110, reviewed=True),
    DemoCounsellor("Echati Houmadi", "mayotte", COUNSELLOR, 75, reviewed=True),
    DemoCounsellor("Nassur Abdallah", "mayotte", NEWCOMER, 15),
    DemoCounsellor("Roukia Saïd", "mayotte", COUNSELLOR, 4),
    DemoCounsellor("Giulia Bianchi", "milano", SENIOR, 150),
    DemoCounsellor("Marco Fontana", "milano", COUNSELLOR, 100),
    DemoCounsellor("Chiara Ferrari", "milano", COUNSELLOR, 52),
    DemoCounsellor("Luca Galli", "milano", NEWCOMER, 20),
)

#: What counsellors write about themselves: competence → (comment, evidence), per language.
NOTES: dict[str, dict[str, tuple[str, str]]] = {
    "fr": {
        "A1": (
            "Aux heures d'affluence du samedi, je m'appuie encore sur mon binôme.",
            "Accueil seul·e le samedi après-midi depuis trois mois, environ 40 visiteurs.",
        ),
        "A3": (
            "Je connais bien les partenaires de l'emploi, moins ceux de la création d'activité.",
            "Tableau des permanences partenaires mis à jour pour l'équipe.",
        ),
        "B1": (
            "Je tiens mieux le temps depuis que j'annonce la durée au début de l'entretien.",
            "Deux entretiens observés par la responsable, retour écrit.",
        ),
        "B2": ("J'utilise peu les questionnaires d'intérêts ; j'aimerais m'y former.", ""),
        "C1": (
            "J'ai co-animé le fishbowl « Se reconvertir après 45 ans » avec Transitions Pro.",
            "Déroulé et bilan du fishbowl partagés sur l'espace d'équipe.",
        ),
        "C2": (
            "À l'aise pour les candidatures en ligne, moins pour la sécurité des comptes.",
            "Trois sessions animées lors du dernier Numeri'Day.",
        ),
        "D2": (
            "Je fais remonter les demandes sans réponse, mais je n'ai pas encore participé "
            "au diagnostic territorial.",
            "",
        ),
        "D3": (
            "Je saisis les comptages le jour même.",
            "Aucun oubli de comptage sur le dernier trimestre.",
        ),
        "E1": (
            "Un organisme m'a demandé des noms de visiteurs : j'ai rappelé la charte.",
            "",
        ),
        "E3": (
            "J'ai participé à l'École de printemps du réseau.",
            "Compte rendu présenté en réunion d'équipe.",
        ),
    },
    "pt": {
        "A1": (
            "Nas horas de maior afluência ainda preciso do apoio da minha dupla.",
            "Acolhimento sozinho às quartas-feiras desde janeiro.",
        ),
        "A3": (
            "Conheço bem os parceiros do emprego, menos os da criação de empresas.",
            "",
        ),
        "B1": (
            "Cumpro melhor o tempo desde que anuncio a duração no início da entrevista.",
            "Entrevistas observadas pela coordenadora.",
        ),
        "C1": (
            "Coanimei o fishbowl de preparação do Speed Recruitment com duas empresas.",
            "Guião e balanço do fishbowl partilhados com a equipa.",
        ),
        "C2": (
            "À vontade com as candidaturas online, menos com a segurança das contas.",
            "",
        ),
        "E3": (
            "Participei na Escola de primavera da rede.",
            "Relatório apresentado na reunião de equipa.",
        ),
    },
    "it": {
        "A1": (
            "Nelle ore di punta ho ancora bisogno del supporto del collega di turno.",
            "Accoglienza da solo il martedì da gennaio.",
        ),
        "B2": ("Uso poco i questionari di interessi: vorrei formarmi.", ""),
        "C1": (
            "Ho co-animato il fishbowl sulla riconversione professionale.",
            "Scaletta e bilancio condivisi con l'équipe.",
        ),
        "C2": (
            "Sono a mio agio con le candidature online, meno con la sicurezza degli account.",
            "",
        ),
        "D1": (
            "Buona collaborazione con i colleghi degli enti partner; da migliorare il "
            "passaggio di consegne.",
            "",
        ),
        "E3": (
            "Ho partecipato alla Scuola di primavera della rete.",
            "Resoconto presentato alla riunione d'équipe.",
        ),
    },
}

#: What a reviewer writes when they set a level one step above or below (French centres).
REVIEW_NOTES = {
    1: "Observé en situation lors des permanences : le niveau supérieur est justifié.",
    -1: "À confirmer en situation d'affluence ; nous en reparlerons à l'entretien annuel.",
}
REVIEW_COMMENT = "Positionnement lucide et argumenté. Merci pour les exemples concrets."


def demo_email(local_part: str) -> str:
    return f"{local_part}@{settings.COCADE_DEMO_EMAIL_DOMAIN}"


def _hash(*parts: str) -> int:
    return int.from_bytes(hashlib.sha256(":".join(parts).encode()).digest()[:4], "big")


def _expected(version: FrameworkVersion, profile: str) -> dict[str, int]:
    """Competence code → rank of the level expected for `profile`."""
    rows = ExpectedLevel.objects.filter(competence__version=version, profile=profile)
    return dict(rows.values_list("competence__code", "level__rank"))


def _level_code(rank: int) -> str:
    return LEVEL_CODES[max(1, min(len(LEVEL_CODES), rank)) - 1]


def demo_ratings(person: DemoCounsellor, expected: dict[str, int]) -> dict[str, RatingInput]:
    """The levels `person` gives themself: the expected level, one step off on some
    competences, and a comment (with evidence where there is some) on two of them."""
    language = CENTRE_LANGUAGES[person.centre_slug]
    notes = NOTES[language]
    commented = sorted(notes, key=lambda code: _hash(person.email, "note", code))[:2]
    ratings = {}
    for code, rank in sorted(expected.items()):
        step = (-1, 0, 0, 0, 1)[_hash(person.email, code) % 5]
        comment, evidence = notes[code] if code in commented else ("", "")
        ratings[code] = RatingInput(_level_code(rank + step), comment, evidence)
    return ratings


def ensure_counsellor(
    *, email: str, full_name: str, password_hash: str, centre: Centre, language: str
) -> tuple[User, bool]:
    """The demo account, made or refreshed (password set again), counsellor at `centre`.
    `password_hash` is the demo password hashed once for all (hashing is slow on purpose)."""
    user = User.objects.filter(email=email).first()
    created = user is None
    if user is None:
        user = User(email=email, preferred_language=language)
    user.full_name = full_name
    user.is_active = True
    user.password = password_hash
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    grant_role(actor=None, user=user, role=Role.COUNSELLOR, centre=centre)
    return user, created


def demo_manager(centre: Centre) -> User | None:
    """The first demo account that manages `centre`, if any."""
    membership = (
        Membership.objects.active()
        .filter(
            role=Role.CENTRE_MANAGER,
            centre=centre,
            user__email__endswith="@" + settings.COCADE_DEMO_EMAIL_DOMAIN,
        )
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None


def _date(assessment: SelfAssessment, submitted_at: datetime.datetime) -> None:
    """Move an assessment made just now back to `submitted_at` (and its review after it)."""
    values = {
        "created_at": submitted_at - 2 * DAY,
        "submitted_at": submitted_at,
        "updated_at": submitted_at,
    }
    if assessment.status == AssessmentStatus.REVIEWED:
        values["reviewed_at"] = values["updated_at"] = submitted_at + 6 * DAY
    SelfAssessment.objects.filter(pk=assessment.pk).update(**values)


def _review(
    manager: User, assessment: SelfAssessment, ratings: dict[str, RatingInput]
) -> SelfAssessment:
    """The manager agrees with every level but one, which they move by a step, with a note."""
    email = assessment.user.email
    code = sorted(ratings, key=lambda c: _hash(email, "review", c))[0]
    rank = LEVEL_CODES.index(ratings[code].level) + 1
    step = 1 if rank < len(LEVEL_CODES) and (rank == 1 or _hash(email, "up") % 2) else -1
    return assessment_services.review_assessment(
        actor=manager,
        assessment=assessment,
        reviews={code: ReviewInput(_level_code(rank + step), REVIEW_NOTES[step])},
        comment=REVIEW_COMMENT,
    )


def _self_assess(
    user: User,
    centre: Centre,
    version: FrameworkVersion,
    profile: str,
    ratings: dict[str, RatingInput],
) -> SelfAssessment:
    assessment = assessment_services.start_assessment(
        actor=user, version=version, centre_id=centre.pk, profile=profile
    )
    return assessment_services.save_ratings(
        actor=user, assessment=assessment, ratings=ratings, submit=True
    )


def load_counsellor(
    person: DemoCounsellor,
    *,
    version: FrameworkVersion,
    centre: Centre,
    password_hash: str,
    now: datetime.datetime,
) -> tuple[bool, int]:
    """Make the person and, unless they have one, their assessment. Returns (person created,
    assessments created)."""
    user, created = ensure_counsellor(
        email=person.email,
        full_name=person.full_name,
        password_hash=password_hash,
        centre=centre,
        language=CENTRE_LANGUAGES[person.centre_slug],
    )
    if SelfAssessment.objects.filter(user=user, version__framework=version.framework).exists():
        return created, 0
    ratings = demo_ratings(person, _expected(version, person.profile))
    assessment = _self_assess(user, centre, version, person.profile, ratings)
    manager = demo_manager(centre)
    if person.reviewed and manager is not None:
        assessment = _review(manager, assessment, ratings)
    _date(assessment, now - person.submitted_days_ago * DAY)
    return created, 1


# --- The main demo counsellor: two assessments a year apart, and a development plan ----------

#: Her levels a year ago, then now (notions, application, maitrise, expertise = 1…4).
MAIN_BEFORE = {"A1": 2, "A2": 3, "A3": 2, "B1": 2, "B2": 1, "B3": 2, "C1": 1}
MAIN_BEFORE |= {"C2": 1, "D1": 2, "D2": 1, "D3": 2, "E1": 3, "E2": 2, "E3": 1}
MAIN_NOW = {"A1": 3, "A2": 3, "A3": 3, "B1": 3, "B2": 1, "B3": 2, "C1": 2}
MAIN_NOW |= {"C2": 1, "D1": 3, "D2": 1, "D3": 3, "E1": 3, "E2": 3, "E3": 2}

#: The goals of her plan: competence → (goal, days until due, status, actions).
MAIN_GOALS: dict[str, tuple[str, int, str, tuple[tuple[str, str], ...]]] = {
    "B2": (
        "Utiliser un questionnaire d'intérêts en entretien",
        120,
        GoalStatus.PLANNED,
        (
            (
                ActionKind.TRAINING,
                "Suivre le module « Outils d'exploration des intérêts » du groupe "
                "formateurs-conseillers du réseau.",
            ),
            (
                ActionKind.SHADOWING,
                "Observer deux entretiens de bilan menés par une conseillère de Transitions Pro.",
            ),
        ),
    ),
    "C2": (
        "Animer seule un atelier numérique",
        75,
        GoalStatus.IN_PROGRESS,
        (
            (
                ActionKind.PRACTICE,
                "Co-animer l'atelier « Mon espace personnel en ligne » au prochain Numeri'Day.",
            ),
            (
                ActionKind.TRAINING,
                "Module en ligne : accompagner les publics éloignés du numérique.",
            ),
        ),
    ),
    "D2": (
        "Participer au diagnostic territorial",
        180,
        GoalStatus.PLANNED,
        (
            (
                ActionKind.PRACTICE,
                "Tenir pendant trois mois un relevé des demandes restées sans réponse et le "
                "présenter en réunion d'équipe.",
            ),
            (
                ActionKind.OTHER,
                "Participer à l'atelier de diagnostic avec la Mission locale et la mairie du "
                "19e arrondissement.",
            ),
        ),
    ),
}


def _main_ratings(levels: dict[str, int], *, recent: bool) -> dict[str, RatingInput]:
    notes = NOTES["fr"]
    commented = ("A1", "C1", "E3") if recent else ("B1", "C2")
    ratings = {}
    for code, rank in levels.items():
        comment, evidence = notes[code] if code in commented else ("", "")
        ratings[code] = RatingInput(_level_code(rank), comment, evidence)
    return ratings


def load_main_counsellor(
    *, version: FrameworkVersion, centre: Centre, now: datetime.datetime
) -> int:
    """Two assessments (reviewed a year ago, submitted two weeks ago) and a plan from the gaps
    of the newer one, agreed by the counsellor. Returns how many assessments were created."""
    user = User.objects.filter(email=demo_email(MAIN_COUNSELLOR)).first()
    if user is None:
        return 0
    if SelfAssessment.objects.filter(user=user, version__framework=version.framework).exists():
        return 0
    manager = demo_manager(centre)

    before = _self_assess(
        user, centre, version, COUNSELLOR, _main_ratings(MAIN_BEFORE, recent=False)
    )
    if manager is not None:
        before = assessment_services.review_assessment(
            actor=manager,
            assessment=before,
            reviews={
                "A1": ReviewInput(
                    "maitrise",
                    "Vue à l'accueil un samedi d'affluence : tu fais déjà émerger les besoins.",
                ),
            },
            comment="Un an après ton arrivée, de bons acquis sur l'accueil. "
            "Prochaine étape : les outils d'évaluation et l'animation.",
        )
    _date(before, now - 418 * DAY)

    recent = _self_assess(user, centre, version, COUNSELLOR, _main_ratings(MAIN_NOW, recent=True))
    _date(recent, now - 14 * DAY)

    plan = plan_services.create_plan(actor=user, assessment=recent)
    for goal in plan.goals.select_related("competence"):
        code = goal.competence.code if goal.competence else ""
        title, due_in, status, actions = MAIN_GOALS.get(code, (goal.title, 90, "", ()))
        plan_services.update_goal(
            actor=user,
            goal=goal,
            values={
                "title": title,
                "due_on": (now + due_in * DAY).date(),
                **({"status": status} if status else {}),
            },
        )
        for kind, description in actions:
            plan_services.add_action(actor=user, goal=goal, kind=kind, description=description)
    plan_services.agree_plan(actor=user, plan=plan)
    started = DevelopmentAction.objects.filter(
        goal__plan=plan, goal__status=GoalStatus.IN_PROGRESS
    ).order_by("pk")
    for action in started[:1]:
        plan_services.set_action_done(actor=user, action=action, done=True)
        DevelopmentAction.objects.filter(pk=action.pk).update(done_at=now - 3 * DAY)
    DevelopmentPlan.objects.filter(pk=plan.pk).update(
        created_at=now - 10 * DAY, counsellor_agreed_at=now - 9 * DAY
    )
    return 2


@dataclass(frozen=True)
class CentreLine:
    centre: str
    counsellors: int
    submitted: int
    reviewed: int
    login: str


def centre_lines(version: FrameworkVersion) -> list[CentreLine]:
    """Per demo centre: its demo counsellors and their assessments on the framework."""
    domain = "@" + settings.COCADE_DEMO_EMAIL_DOMAIN
    lines = []
    for slug in CENTRE_LANGUAGES:
        centre = Centre.objects.filter(slug=slug).first()
        if centre is None:
            continue
        emails = list(
            Membership.objects.active()
            .filter(role=Role.COUNSELLOR, centre=centre, user__email__endswith=domain)
            .order_by("pk")
            .values_list("user__email", flat=True)
        )
        assessments = SelfAssessment.objects.filter(
            centre=centre, user__email__in=emails, version__framework=version.framework
        )
        lines.append(
            CentreLine(
                centre=str(centre),
                counsellors=len(emails),
                submitted=assessments.filter(status=AssessmentStatus.SUBMITTED).count(),
                reviewed=assessments.filter(status=AssessmentStatus.REVIEWED).count(),
                login=emails[0] if emails else "",
            )
        )
    return lines
