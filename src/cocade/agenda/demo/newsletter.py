"""The agenda of the network's newsletter of December 2018: internal meetings in Paris, Porto
and Brussels, the final meeting of the Erasmus+ COCADE project, the DIMESCA training on
digital watch and the Spring School 2019. Dates and places are those of the newsletter; the
times of day, the timetables and the registrants are fictional."""

from __future__ import annotations

from cocade.agenda.demo.people import NETWORK_STAFF, PARTNERS_ABROAD
from cocade.agenda.demo.spec import (
    ALL,
    CANCELLED,
    CONFIRMED,
    DECLINED,
    DemoEvent,
    DemoRegistrant,
    DemoSession,
    choice_question,
    consent_question,
    on,
    text_question,
)
from cocade.agenda.enums import Audience, EventKind

PARIS = ("paris-la-villette", "la-villette")
PORTO = ("porto", "baixa")
BRUSSELS = ("bruxelles", "astro")


def _staff(
    people: tuple[tuple[str, str], ...],
    *,
    absent: tuple[int, ...] = (),
    partly: dict[int, tuple[int, ...]] | None = None,
    cancelled: tuple[int, ...] = (),
    declined: tuple[int, ...] = (),
    answers: tuple[tuple[object, ...], ...] = (),
) -> tuple[DemoRegistrant, ...]:
    """Registrants from (name, language) pairs; see `spec.crowd` for the attendance."""
    partly = partly or {}
    result = []
    for index, (name, language) in enumerate(people):
        status = CONFIRMED
        if index in cancelled:
            status = CANCELLED
        elif index in declined:
            status = DECLINED
        came: str | tuple[int, ...] = ALL
        if status != CONFIRMED or index in absent:
            came = ()
        elif index in partly:
            came = partly[index]
        answer = answers[index % len(answers)] if answers else ()
        result.append(DemoRegistrant(name, language, status, answers=answer, attended=came))
    return tuple(result)


def _account(local_part: str, attended: str | tuple[int, ...] = ALL) -> DemoRegistrant:
    return DemoRegistrant("", account=local_part, attended=attended)


LABELLING_COMMITTEE = DemoEvent(
    slug="comite-de-labellisation-novembre-2018",
    kind=EventKind.COMMITTEE,
    original_language="fr",
    title={
        "fr": "Comité de labellisation",
        "en": "Labelling committee",
        "pt": "Comité de atribuição do label",
    },
    summary={
        "fr": "Examen des demandes de label et des confirmations de label des Cités des "
        "métiers, sous la présidence d'Universcience.",
        "en": "Review of the Cités des métiers' label applications and label confirmations, "
        "chaired by Universcience.",
    },
    description={
        "fr": "Réunion interne du Réseau. La commission réunit les membres du comité de "
        "labellisation (les managers des Cités des métiers ouvertes depuis plus d'un an "
        "et dont le label est confirmé) et un ou deux experts extérieurs.\n\n"
        "**Ordre du jour**\n\n"
        "1. Dossiers de confirmation après un an d'activité\n"
        "2. Projets en préfiguration\n"
        "3. Tableaux de bord d'activité et renouvellements",
    },
    audience=Audience.INVITED,
    start=on(2018, 11, 7, 9, 30),
    end=on(2018, 11, 7, 12, 30),
    site=PARIS,
    invited=("manager", "manager.mayotte"),
    registrants=(_account("manager"), _account("manager.mayotte")),
)

COMEX_PARIS = DemoEvent(
    slug="comex-novembre-2018",
    kind=EventKind.COMMITTEE,
    original_language="fr",
    title={
        "fr": "Réunion du ComEx, Paris la Villette",
        "en": "Executive committee (ComEx) meeting, Paris la Villette",
        "pt": "Reunião da Comissão Executiva (ComEx), Paris la Villette",
    },
    summary={
        "fr": "Le comité exécutif du Réseau prépare l'assemblée permanente des managers et "
        "la Spring School 2019.",
        "en": "The network's executive committee prepares the permanent assembly of managers "
        "and the Spring School 2019.",
    },
    audience=Audience.INVITED,
    start=on(2018, 11, 7, 14, 0),
    end=on(2018, 11, 7, 17, 30),
    site=PARIS,
    invited=("manager",),
    registrants=(_account("manager"),),
)

CDM21_MEETING = DemoEvent(
    slug="reunion-cdm21-novembre-2018",
    kind=EventKind.PROJECT_MEETING,
    original_language="fr",
    title={
        "fr": "Réunion CDM21",
        "en": "CDM21 meeting",
        "pt": "Reunião CDM21",
    },
    summary={
        "fr": "Bilan d'une année de démarche prospective « Cité des métiers de demain » "
        "(CDM21) et suites sous forme de projets expérimentaux.",
        "en": "One year of the “Cité des métiers of tomorrow” (CDM21) foresight work, and "
        "what comes next as pilot projects.",
        "pt": "Um ano do trabalho prospetivo «Cité des métiers de amanhã» (CDM21) e os "
        "próximos passos em projetos-piloto.",
    },
    description={
        "fr": "Le comité de projet CDM21 présente ses conclusions aux équipes du Réseau. "
        "La Cité des sciences et de l'industrie (Universcience) présente ses orientations "
        "pour adapter le modèle Cité des métiers aux besoins des publics et des "
        "partenaires.",
    },
    audience=Audience.MEMBERS,
    start=on(2018, 11, 8, 9, 30),
    end=on(2018, 11, 8, 17, 0),
    site=PARIS,
    languages=("fr", "en"),
    registrants=(
        _account("manager"),
        _account("counsellor", attended=(1,)),
        _account("editor"),
        *_staff(NETWORK_STAFF[:8], absent=(5,)),
    ),
)

ASSEMBLY_PARIS = DemoEvent(
    slug="assemblee-des-managers-novembre-2018",
    kind=EventKind.ASSEMBLY,
    original_language="fr",
    title={
        "fr": "Assemblée permanente des managers, Paris la Villette",
        "en": "Permanent assembly of managers, Paris la Villette",
        "pt": "Assembleia permanente dos gestores, Paris la Villette",
    },
    summary={
        "fr": "Les managers des Cités des métiers font le point sur l'activité du Réseau et "
        "confirment les dates de la Spring School 2019.",
        "en": "The managers of the Cités des métiers review the network's activity and "
        "confirm the dates of the Spring School 2019.",
    },
    audience=Audience.MEMBERS,
    start=on(2018, 11, 9, 9, 30),
    end=on(2018, 11, 9, 16, 30),
    site=PARIS,
    languages=("fr", "en"),
    registrants=(
        _account("manager"),
        _account("manager.mayotte", attended=(0,)),
        *_staff(NETWORK_STAFF[8:16], absent=(2,), cancelled=(6,)),
    ),
)

COMEX_PORTO = DemoEvent(
    slug="comex-decembre-2018-porto",
    kind=EventKind.COMMITTEE,
    original_language="fr",
    title={
        "fr": "Réunion du ComEx, Porto",
        "en": "Executive committee (ComEx) meeting, Porto",
        "pt": "Reunião da Comissão Executiva (ComEx), Porto",
    },
    summary={
        "fr": "Le comité exécutif se réunit à la Cidade das Profissões, au lendemain de la "
        "dernière formation COCADE.",
        "en": "The executive committee meets at the Cidade das Profissões, after the last "
        "COCADE training.",
        "pt": "A Comissão Executiva reúne-se na Cidade das Profissões, a seguir à última "
        "formação COCADE.",
    },
    audience=Audience.INVITED,
    start=on(2018, 12, 6, 14, 0),
    end=on(2018, 12, 6, 17, 30),
    timezone="Europe/Lisbon",
    site=PORTO,
    languages=("fr", "pt"),
    invited=("manager",),
    registrants=(_account("manager"),),
)

ASSEMBLY_BRUSSELS = DemoEvent(
    slug="assemblee-des-managers-janvier-2019",
    kind=EventKind.ASSEMBLY,
    original_language="fr",
    title={
        "fr": "Assemblée permanente des managers, Bruxelles",
        "en": "Permanent assembly of managers, Brussels",
        "pt": "Assembleia permanente dos gestores, Bruxelas",
    },
    summary={
        "fr": "Matinée des managers à la Cité des métiers de Bruxelles, avant la réunion "
        "finale du projet COCADE.",
        "en": "The managers' morning at the Brussels Cité des métiers, before the final "
        "meeting of the COCADE project.",
    },
    audience=Audience.MEMBERS,
    start=on(2019, 1, 24, 9, 0),
    end=on(2019, 1, 24, 12, 30),
    timezone="Europe/Brussels",
    site=BRUSSELS,
    registrants=(
        _account("manager"),
        _account("manager.mayotte"),
        *_staff(NETWORK_STAFF[:6] + NETWORK_STAFF[12:16], absent=(3,)),
    ),
)

COCADE_FINAL_MEETING = DemoEvent(
    slug="cocade-reunion-finale",
    kind=EventKind.PROJECT_MEETING,
    original_language="fr",
    title={
        "fr": "Réunion finale du projet Erasmus+ COCADE",
        "en": "Final meeting of the Erasmus+ COCADE project",
        "pt": "Reunião final do projeto Erasmus+ COCADE",
    },
    summary={
        "fr": "Découvrez le projet COCADE et ses résultats : un plan de formation des "
        "conseillers testé à Paris et à Porto et un module de formation en ligne. "
        "Inscription ouverte à tous.",
        "en": "Discover the COCADE project and its results: a training plan for "
        "counsellors tried in Paris and Porto, and an online training module. Open to "
        "all, on registration.",
        "pt": "Conheça o projeto COCADE e os seus resultados: um plano de formação de "
        "conselheiros testado em Paris e no Porto e um módulo de formação online. "
        "Aberta a todos, mediante inscrição.",
    },
    description={
        "fr": "En 2018, le projet Erasmus+ COCADE a renforcé la professionnalisation du "
        "conseil en orientation dans les Cités des métiers. Le plan de formation a été "
        "testé deux fois, à Paris puis à Porto, où la dernière session des 5, 6 et 7 "
        "décembre 2018 a réuni près de trente professionnels de douze Cités des métiers "
        "et des partenaires du projet ; un module de formation en ligne a été développé "
        "par une équipe d'experts.\n\n"
        "La réunion finale présente ces résultats et ouvre la réflexion sur les suites "
        "du projet et de nouveaux projets Erasmus+, notamment sur le numérique dans les "
        "services des Cités des métiers.",
        "en": "In 2018 the Erasmus+ COCADE project strengthened the professionalisation "
        "of career guidance in the Cités des métiers. The training plan was tried twice, "
        "in Paris and then in Porto, where the last session on 5, 6 and 7 December 2018 "
        "brought together some thirty professionals from twelve Cités des métiers and the "
        "project partners; a team of experts built an online training module.\n\n"
        "The final meeting presents these results and opens the discussion on what comes "
        "after the project and on new Erasmus+ projects, digital services among them.",
    },
    start=on(2019, 1, 24, 14, 0),
    end=on(2019, 1, 24, 17, 30),
    timezone="Europe/Brussels",
    site=BRUSSELS,
    languages=("fr", "en"),
    capacity=60,
    closes_days_before=2,
    sessions=(
        DemoSession(
            on(2019, 1, 24, 14, 0),
            on(2019, 1, 24, 14, 30),
            {"fr": "Accueil par la présidence du Réseau", "en": "Welcome by the network's chair"},
            "Auditorium",
        ),
        DemoSession(
            on(2019, 1, 24, 14, 30),
            on(2019, 1, 24, 15, 45),
            {
                "fr": "Les résultats de COCADE : plan de formation et module en ligne",
                "en": "COCADE's results: the training plan and the online module",
            },
            "Auditorium",
        ),
        DemoSession(
            on(2019, 1, 24, 16, 0),
            on(2019, 1, 24, 17, 0),
            {
                "fr": "Table ronde : après COCADE, de nouveaux projets Erasmus+",
                "en": "Round table: after COCADE, new Erasmus+ projects",
            },
            "Auditorium",
        ),
        DemoSession(
            on(2019, 1, 24, 17, 0),
            on(2019, 1, 24, 17, 30),
            {"fr": "Clôture et verre de l'amitié", "en": "Closing and drinks"},
            "Hall",
        ),
    ),
    questions=(
        choice_question(
            {"fr": "Vous venez en tant que", "en": "You come as"},
            (
                {"fr": "Partenaire du projet", "en": "Project partner"},
                {"fr": "Équipe d'une Cité des métiers", "en": "Team of a Cité des métiers"},
                {"fr": "Autre structure d'orientation", "en": "Other guidance organisation"},
            ),
        ),
        consent_question(
            {
                "fr": "J'accepte d'apparaître sur les photos de la réunion",
                "en": "I agree to appear in the photos of the meeting",
            }
        ),
    ),
    registrants=(
        *_staff(
            PARTNERS_ABROAD,
            absent=(5,),
            answers=(("Partenaire du projet", True), ("Partenaire du projet", False)),
        ),
        *_staff(
            NETWORK_STAFF,
            absent=(2, 9),
            cancelled=(13,),
            answers=(
                ("Équipe d'une Cité des métiers", True),
                ("Équipe d'une Cité des métiers", True),
                ("Autre structure d'orientation", False),
            ),
        ),
        DemoRegistrant(
            "",
            account="coordinator",
            answers=("Équipe d'une Cité des métiers", True),
            attended=ALL,
        ),
    ),
)

DIMESCA_TRAINING = DemoEvent(
    slug="dimesca-veille-numerique",
    kind=EventKind.TRAINING,
    original_language="fr",
    title={
        "fr": "Formation sur la veille numérique pour les professionnels de l'orientation "
        "(Erasmus+ DIMESCA)",
        "en": "Digital watch training for guidance professionals (Erasmus+ DIMESCA)",
        "pt": "Formação em vigilância digital para profissionais de orientação (Erasmus+ DIMESCA)",
    },
    summary={
        "fr": "Trois jours pour organiser sa veille sur les métiers, les formations et "
        "l'emploi avec des outils numériques, et la partager en équipe.",
        "en": "Three days to organise one's watch on jobs, training and employment with "
        "digital tools, and to share it with one's team.",
        "pt": "Três dias para organizar a vigilância sobre profissões, formações e emprego "
        "com ferramentas digitais, e partilhá-la em equipa.",
    },
    description={
        "fr": "Formation du projet Erasmus+ DIMESCA pour les conseillers et conseillères "
        "des Cités des métiers et de leurs partenaires. Les inscriptions sont validées "
        "par l'équipe du Réseau (vingt places).\n\n"
        "Apportez un ordinateur portable.",
        "en": "A training of the Erasmus+ DIMESCA project for the counsellors of the "
        "Cités des métiers and their partners. The network's team approves the "
        "registrations (twenty seats).\n\nBring a laptop.",
    },
    start=on(2019, 1, 28, 9, 30),
    end=on(2019, 1, 30, 17, 0),
    site=PARIS,
    languages=("fr", "en"),
    capacity=20,
    moderation=True,
    sessions=(
        DemoSession(
            on(2019, 1, 28, 9, 30),
            on(2019, 1, 28, 12, 30),
            {
                "fr": "Pourquoi une veille ? Besoins des publics",
                "en": "Why watch? What visitors need",
            },
            "Salle Condorcet",
        ),
        DemoSession(
            on(2019, 1, 28, 14, 0),
            on(2019, 1, 28, 17, 0),
            {"fr": "Sources fiables et flux RSS", "en": "Reliable sources and RSS feeds"},
            "Salle Condorcet",
        ),
        DemoSession(
            on(2019, 1, 29, 9, 30),
            on(2019, 1, 29, 12, 30),
            {"fr": "Outils de curation", "en": "Curation tools"},
            "Salle Condorcet",
        ),
        DemoSession(
            on(2019, 1, 29, 14, 0),
            on(2019, 1, 29, 17, 0),
            {"fr": "Réseaux sociaux professionnels", "en": "Professional social networks"},
            "Salle Condorcet",
        ),
        DemoSession(
            on(2019, 1, 30, 9, 30),
            on(2019, 1, 30, 12, 30),
            {"fr": "Partager la veille en équipe", "en": "Sharing the watch in a team"},
            "Salle Condorcet",
        ),
        DemoSession(
            on(2019, 1, 30, 14, 0),
            on(2019, 1, 30, 17, 0),
            {"fr": "Plan de veille personnel et bilan", "en": "Personal watch plan and review"},
            "Salle Condorcet",
        ),
    ),
    registrants=(
        _account("counsellor", attended=(0, 1, 2, 3, 4)),
        *_staff(
            NETWORK_STAFF[:12] + PARTNERS_ABROAD[4:8],
            absent=(7,),
            partly={1: (0, 1, 2, 3), 4: (2, 3, 4, 5), 10: (0, 1)},
            declined=(15,),
        ),
    ),
)

SPRING_SCHOOL = DemoEvent(
    slug="spring-school-2019",
    kind=EventKind.SCHOOL,
    original_language="fr",
    centre="paris-la-villette",
    title={
        "fr": "Spring School 2019 : la Cité des métiers de demain",
        "en": "Spring School 2019: the Cité des métiers of tomorrow",
        "pt": "Spring School 2019: a Cité des métiers de amanhã",
    },
    summary={
        "fr": "25 ans après sa création, la Cité des métiers de Paris accueille les équipes "
        "des Cités des métiers et leurs partenaires pour partager leurs expériences face "
        "aux nouveaux défis de l'orientation tout au long de la vie.",
        "en": "25 years after it opened, the Paris Cité des métiers welcomes the teams of "
        "the Cités des métiers and their partners to share their experience of the new "
        "challenges of lifelong guidance.",
        "pt": "25 anos depois da sua criação, a Cité des métiers de Paris acolhe as equipas "
        "das Cités des métiers e os seus parceiros para partilharem experiências face aos "
        "novos desafios da orientação ao longo da vida.",
    },
    description={
        "fr": "L'événement phare du Réseau marque l'aboutissement de la démarche "
        "prospective CDM21. La Cité des sciences et de l'industrie (Universcience) y "
        "présente ses orientations pour adapter le modèle Cité des métiers à l'évolution "
        "des besoins des publics et des partenaires.\n\n"
        "Trois jours d'échanges : conférences, ateliers de pratiques, fish-bowl sur le "
        "numérique et visites.",
        "en": "The network's flagship event concludes the CDM21 foresight work. The Cité "
        "des sciences et de l'industrie (Universcience) presents how it means to adapt "
        "the Cité des métiers model to what visitors and partners now need.\n\n"
        "Three days of talks, practice workshops, a fish-bowl on digital tools and "
        "visits.",
    },
    start=on(2019, 6, 19, 9, 30),
    end=on(2019, 6, 21, 13, 0),
    site=PARIS,
    languages=("fr", "en", "pt"),
    capacity=80,
    waitlist=True,
    closes_days_before=7,
    sessions=(
        DemoSession(
            on(2019, 6, 19, 9, 30),
            on(2019, 6, 19, 10, 30),
            {"fr": "Accueil et ouverture", "en": "Welcome and opening", "pt": "Abertura"},
            "Auditorium",
        ),
        DemoSession(
            on(2019, 6, 19, 10, 30),
            on(2019, 6, 19, 12, 30),
            {
                "fr": "Les conclusions de la démarche CDM21",
                "en": "The conclusions of the CDM21 foresight work",
                "pt": "As conclusões do trabalho CDM21",
            },
            "Auditorium",
        ),
        DemoSession(
            on(2019, 6, 19, 14, 0),
            on(2019, 6, 19, 15, 30),
            {
                "fr": "Universcience : l'avenir du modèle Cité des métiers",
                "en": "Universcience: the future of the Cité des métiers model",
            },
            "Auditorium",
        ),
        DemoSession(
            on(2019, 6, 19, 16, 0),
            on(2019, 6, 19, 17, 30),
            {
                "fr": "Ateliers d'échange de pratiques",
                "en": "Practice-sharing workshops",
                "pt": "Oficinas de partilha de práticas",
            },
            "Salles Condorcet et Lavoisier",
        ),
        DemoSession(
            on(2019, 6, 20, 9, 30),
            on(2019, 6, 20, 12, 30),
            {
                "fr": "Fish-bowl : le numérique dans nos pratiques",
                "en": "Fish-bowl: digital tools in our practice",
                "pt": "Fish-bowl: o digital nas nossas práticas",
            },
            "Forum",
        ),
        DemoSession(
            on(2019, 6, 20, 14, 0),
            on(2019, 6, 20, 17, 0),
            {
                "fr": "Visites : la Cité des métiers et la Cité des sciences",
                "en": "Visits: the Cité des métiers and the Cité des sciences",
            },
            "Niveau -1",
        ),
        DemoSession(
            on(2019, 6, 21, 9, 30),
            on(2019, 6, 21, 11, 30),
            {
                "fr": "Projets expérimentaux CDM21 dans les Cités des métiers",
                "en": "CDM21 pilot projects in the Cités des métiers",
            },
            "Auditorium",
        ),
        DemoSession(
            on(2019, 6, 21, 11, 30),
            on(2019, 6, 21, 13, 0),
            {"fr": "Clôture", "en": "Closing", "pt": "Encerramento"},
            "Auditorium",
        ),
    ),
    questions=(
        choice_question(
            {
                "fr": "Atelier du mercredi après-midi",
                "en": "Wednesday afternoon workshop",
                "pt": "Oficina de quarta-feira à tarde",
            },
            (
                {"fr": "Accueil et premier entretien", "en": "Welcome and first interview"},
                {"fr": "Ateliers numériques", "en": "Digital workshops"},
                {"fr": "Partenariats locaux", "en": "Local partnerships"},
            ),
        ),
        text_question(
            {
                "fr": "Besoins d'accessibilité ou d'interprétation",
                "en": "Accessibility or interpreting needs",
            }
        ),
    ),
    registrants=(
        DemoRegistrant("", account="manager", answers=("Partenariats locaux", ""), attended=ALL),
        DemoRegistrant(
            "",
            account="counsellor",
            answers=("Accueil et premier entretien", ""),
            attended=(0, 1, 2, 3),
        ),
        DemoRegistrant(
            "",
            account="manager.mayotte",
            answers=("Ateliers numériques", "Arrivée le 19 à 11 h (vol de nuit)."),
            attended=(1, 2, 3, 4),
        ),
        DemoRegistrant("", account="trainer", answers=("Ateliers numériques", ""), attended=ALL),
        *_staff(
            NETWORK_STAFF,
            absent=(11,),
            partly={3: (0, 1), 6: (2, 3, 4), 14: (0, 1, 2)},
            cancelled=(8,),
            answers=(
                ("Accueil et premier entretien", ""),
                ("Ateliers numériques", ""),
                ("Partenariats locaux", ""),
            ),
        ),
        *_staff(
            PARTNERS_ABROAD,
            partly={2: (0, 1, 2, 3)},
            answers=(
                ("Ateliers numériques", "Interprétation en anglais, merci."),
                ("Partenariats locaux", ""),
            ),
        ),
    ),
)

#: The events of the newsletter's agenda, in its order.
EVENTS: tuple[DemoEvent, ...] = (
    LABELLING_COMMITTEE,
    COMEX_PARIS,
    CDM21_MEETING,
    ASSEMBLY_PARIS,
    COMEX_PORTO,
    ASSEMBLY_BRUSSELS,
    COCADE_FINAL_MEETING,
    DIMESCA_TRAINING,
    SPRING_SCHOOL,
)
