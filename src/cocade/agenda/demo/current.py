"""Events around the day the demo is first loaded, so that the agenda looks alive: a
Numeri'Day running today at Paris-La Villette (with registrants, some already checked in), a
full CV workshop with a waiting list, an information session whose registrations the
organiser approves, Porto's apprenticeship speed meeting, a Numeri'Day at a Mayotte antenna,
a quiz in Marseille, a webinar from Geneva, members' and invited meetings of the network, two
recent events with their attendance, a cancelled workshop in Brussels and a draft. The
events, their people and their figures are fictional."""

from __future__ import annotations

from cocade.agenda.demo.people import (
    BELGIUM,
    FRANCE,
    ITALY,
    MAYOTTE,
    PORTUGAL,
    SWITZERLAND,
)
from cocade.agenda.demo.spec import (
    ALL,
    CANCELLED,
    CONFIRMED,
    DECLINED,
    PENDING,
    WAITLISTED,
    DemoEvent,
    DemoRegistrant,
    DemoSession,
    choice_question,
    consent_question,
    crowd,
    days_from_load,
    text_question,
)
from cocade.agenda.enums import Audience, EventKind, EventStatus

PARIS = ("paris-la-villette", "la-villette")

NUMERIDAY_TODAY = DemoEvent(
    slug="numeriday-demarches-en-ligne",
    kind=EventKind.NUMERIDAY,
    original_language="fr",
    centre="paris-la-villette",
    site=PARIS,
    title={
        "fr": "Numeri'Day : vos démarches en ligne sans stress",
        "en": "Numeri'Day: online paperwork without stress",
        "pt": "Numeri'Day: tratar de tudo online sem stress",
    },
    summary={
        "fr": "Une journée d'ateliers courts pour prendre en main son espace France Travail, "
        "ses mots de passe, ses candidatures en ligne et les entretiens en visio.",
        "en": "A day of short workshops to get to grips with one's job-centre account, "
        "passwords, online applications and video interviews.",
    },
    description={
        "fr": "Venez avec votre téléphone ou empruntez une tablette sur place. Les "
        "conseillères et conseillers numériques vous accompagnent à votre rythme ; chaque "
        "atelier dure une heure environ.\n\n"
        "Entrée libre sur inscription, dans la limite des places.",
        "en": "Bring your phone or borrow a tablet on site. The digital counsellors help "
        "you at your own pace; each workshop lasts about an hour.\n\n"
        "Free, on registration, while seats last.",
    },
    start=days_from_load(0, 9, 30),
    end=days_from_load(0, 18, 0),
    runs_on_load_day=True,
    capacity=40,
    organisers=("counsellor",),
    sessions=(
        DemoSession(
            days_from_load(0, 10, 0),
            days_from_load(0, 11, 0),
            {
                "fr": "Créer et sécuriser son espace France Travail",
                "en": "Set up and secure one's job-centre account",
            },
            "Espace numérique",
        ),
        DemoSession(
            days_from_load(0, 11, 30),
            days_from_load(0, 12, 30),
            {"fr": "Gérer ses mots de passe sans stress", "en": "Passwords without stress"},
            "Espace numérique",
        ),
        DemoSession(
            days_from_load(0, 14, 0),
            days_from_load(0, 15, 30),
            {
                "fr": "Candidater en ligne : CV et lettre sur mobile",
                "en": "Applying online: CV and letter on a phone",
            },
            "Salle Lavoisier",
        ),
        DemoSession(
            days_from_load(0, 16, 0),
            days_from_load(0, 17, 30),
            {"fr": "Réussir un entretien en visio", "en": "Doing well in a video interview"},
            "Salle Lavoisier",
        ),
    ),
    questions=(
        choice_question(
            {
                "fr": "Quel atelier vous intéresse le plus ?",
                "en": "Which workshop interests you most?",
            },
            (
                {"fr": "Espace France Travail", "en": "Job-centre account"},
                {"fr": "Mots de passe", "en": "Passwords"},
                {"fr": "Candidater en ligne", "en": "Applying online"},
                {"fr": "Entretien en visio", "en": "Video interview"},
            ),
        ),
    ),
    registrants=tuple(
        DemoRegistrant(
            name,
            "fr",
            CANCELLED if index in (5, 11) else CONFIRMED,
            answers=(
                (
                    "Espace France Travail",
                    "Mots de passe",
                    "Candidater en ligne",
                    "Entretien en visio",
                )[index % 4],
            ),
            attended=ALL if index in (0, 1, 3, 4, 7, 9) else (),
        )
        for index, name in enumerate(FRANCE[:16])
    ),
)

CV_WORKSHOP_FULL = DemoEvent(
    slug="atelier-cv-une-page",
    kind=EventKind.WORKSHOP,
    original_language="fr",
    centre="paris-la-villette",
    site=PARIS,
    title={
        "fr": "Atelier CV : se démarquer en une page",
        "en": "CV workshop: stand out on one page",
        "pt": "Oficina de CV: destacar-se numa página",
    },
    summary={
        "fr": "Deux heures et demie pour revoir son CV avec une conseillère : mise en page, "
        "compétences, mots-clés des offres. Complet : inscrivez-vous sur la liste "
        "d'attente.",
        "en": "Two and a half hours to rework one's CV with a counsellor: layout, skills, "
        "the keywords of job offers. Full: join the waiting list.",
    },
    description={
        "fr": "Apportez votre CV sur papier ou sur clé USB, et une offre d'emploi qui vous "
        "intéresse. Douze places : si une place se libère, la première personne de la "
        "liste d'attente est inscrite et prévenue par courriel.",
    },
    start=days_from_load(3, 14, 0),
    end=days_from_load(3, 16, 30),
    capacity=12,
    waitlist=True,
    questions=(
        text_question(
            {
                "fr": "Quel métier ou quelle formation visez-vous ?",
                "en": "Which job or training are you aiming for?",
            }
        ),
    ),
    registrants=(
        *(
            DemoRegistrant(
                name,
                "fr",
                CANCELLED if index == 4 else CONFIRMED,
                answers=(("Aide-soignante", "Développeur web", "", "Logistique")[index % 4],),
            )
            for index, name in enumerate(FRANCE[8:20])
        ),
        # The first person waiting got the seat freed by the cancellation.
        DemoRegistrant("Antoine Vidal", "fr", CONFIRMED, answers=("Comptabilité",)),
        DemoRegistrant("Léna Gauthier", "fr", WAITLISTED, answers=("Graphisme",)),
        DemoRegistrant("Justine Colin", "fr", WAITLISTED, answers=("",)),
        DemoRegistrant("Kevin Nguyen", "en", WAITLISTED, answers=("Data analyst",)),
    ),
)

VAE_SESSION = DemoEvent(
    slug="reunion-information-vae",
    kind=EventKind.WORKSHOP,
    original_language="fr",
    centre="paris-la-villette",
    site=PARIS,
    title={
        "fr": "Réunion d'information : faire valider son expérience (VAE)",
        "en": "Information session: accreditation of prior experience (VAE)",
    },
    summary={
        "fr": "Comprendre la validation des acquis de l'expérience, ses étapes et ses "
        "financements. L'équipe confirme chaque inscription selon votre situation.",
        "en": "How the accreditation of prior experience works, its steps and funding. The "
        "team confirms each registration according to your situation.",
    },
    start=days_from_load(7, 10, 0),
    end=days_from_load(7, 12, 0),
    capacity=15,
    moderation=True,
    questions=(
        choice_question(
            {"fr": "Votre situation", "en": "Your situation"},
            (
                {"fr": "Salarié·e", "en": "Employed"},
                {"fr": "Demandeur·se d'emploi", "en": "Job seeker"},
                {"fr": "Bénévole", "en": "Volunteer"},
            ),
        ),
        text_question(
            {
                "fr": "Le diplôme ou le titre visé",
                "en": "The qualification you are aiming for",
            },
            required=True,
        ),
    ),
    registrants=(
        DemoRegistrant(
            "Fatoumata Sylla", "fr", CONFIRMED, answers=("Salarié·e", "DEAES (accompagnant)")
        ),
        DemoRegistrant(
            "Romain Dubreuil", "fr", CONFIRMED, answers=("Demandeur·se d'emploi", "BTS MCO")
        ),
        DemoRegistrant("Awa Cissé", "fr", PENDING, answers=("Bénévole", "CAP petite enfance")),
        DemoRegistrant(
            "Julien Carpentier", "fr", PENDING, answers=("Salarié·e", "Titre pro cuisinier")
        ),
        DemoRegistrant(
            "Sarah Benhamou", "fr", DECLINED, answers=("Demandeur·se d'emploi", "Master RH")
        ),
        DemoRegistrant("Maxime Renaud", "fr", PENDING, answers=("Salarié·e", "BP électricien")),
        DemoRegistrant("Pauline Texier", "fr", CONFIRMED, answers=("Salarié·e", "DE infirmier")),
        DemoRegistrant(
            "Bilal Mansouri", "fr", PENDING, answers=("Demandeur·se d'emploi", "CAP plombier")
        ),
    ),
)

SPEED_MEETING_PORTO = DemoEvent(
    slug="speed-meeting-aprendizagem",
    kind=EventKind.SPEED_MEETING,
    original_language="pt",
    centre="porto",
    site=("porto", "baixa"),
    timezone="Europe/Lisbon",
    languages=("pt", "en"),
    title={
        "pt": "Speed meeting da aprendizagem",
        "fr": "Speed meeting de l'apprentissage",
        "en": "Apprenticeship speed meeting",
    },
    summary={
        "pt": "Seis grupos, seis mesas, rondas de 15 minutos: conheça empresas e centros de "
        "formação que procuram aprendizes.",
        "fr": "Six groupes, six tables, des tours de 15 minutes : rencontrez des entreprises "
        "et des centres de formation qui cherchent des apprentis.",
        "en": "Six groups, six tables, 15-minute rounds: meet companies and training centres "
        "looking for apprentices.",
    },
    start=days_from_load(9, 14, 0),
    end=days_from_load(9, 17, 0),
    capacity=36,
    closes_days_before=2,
    questions=(
        choice_question(
            {"pt": "Área de interesse", "en": "Field of interest", "fr": "Domaine"},
            (
                {"pt": "Hotelaria e restauração", "en": "Hospitality"},
                {"pt": "Comércio", "en": "Retail"},
                {"pt": "Informática", "en": "IT"},
                {"pt": "Mecânica", "en": "Mechanics"},
                {"pt": "Saúde e apoio social", "en": "Health and social care"},
                {"pt": "Construção", "en": "Building"},
            ),
        ),
    ),
    registrants=tuple(
        DemoRegistrant(
            name,
            "pt",
            CANCELLED if index == 6 else CONFIRMED,
            answers=(
                (
                    "Hotelaria e restauração",
                    "Comércio",
                    "Informática",
                    "Mecânica",
                    "Saúde e apoio social",
                    "Construção",
                )[index % 6],
            ),
        )
        for index, name in enumerate(PORTUGAL)
    ),
)

NUMERIDAY_MAYOTTE = DemoEvent(
    slug="numeriday-sada",
    kind=EventKind.NUMERIDAY,
    original_language="fr",
    centre="mayotte",
    site=("mayotte", "antenne-sada"),
    timezone="Indian/Mayotte",
    title={
        "fr": "Numeri'Day à Sada : le numérique pour trouver sa voie",
        "en": "Numeri'Day in Sada: digital tools to find one's way",
    },
    summary={
        "fr": "À l'espace numérique de Sada : découvrir les métiers en vidéo, chercher une "
        "formation en ligne, créer sa boîte mail et son CV.",
        "en": "At the Sada digital antenna: discover jobs through videos, look for a training "
        "course online, set up an email address and a CV.",
    },
    start=days_from_load(12, 8, 30),
    end=days_from_load(12, 15, 0),
    capacity=25,
    registrants=crowd(MAYOTTE[:8], "fr", attended=()),
)

QUIZ_MARSEILLE = DemoEvent(
    slug="quiz-des-metiers-marseille",
    kind=EventKind.QUIZ,
    original_language="fr",
    centre="marseille-paca",
    site=("marseille-paca", "consuls"),
    title={
        "fr": "Quiz des métiers : vrai ou faux ?",
        "en": "Job quiz: true or false?",
    },
    summary={
        "fr": "Dix questions, quatre réponses, des boîtiers de vote : testez vos idées reçues "
        "sur les métiers qui recrutent en Provence.",
        "en": "Ten questions, four answers, voting boxes: test what you think you know about "
        "the jobs that are hiring in Provence.",
    },
    start=days_from_load(6, 14, 30),
    end=days_from_load(6, 16, 30),
    capacity=60,
    registrants=(
        *crowd(FRANCE[16:24], "fr", attended=()),
        DemoRegistrant("Yanis Belkacem", "fr", CANCELLED),
    ),
)

WEBINAR_GENEVA = DemoEvent(
    slug="webinaire-travailler-en-suisse",
    kind=EventKind.CONFERENCE,
    original_language="fr",
    centre="geneve",
    timezone="Europe/Zurich",
    venue_name="En ligne",
    online_url="https://visio.demo.cocade.example/geneve/travailler-en-suisse",
    title={
        "fr": "Webinaire : travailler en Suisse, mode d'emploi",
        "en": "Webinar: working in Switzerland, a practical guide",
    },
    summary={
        "fr": "Permis frontalier, reconnaissance des diplômes, assurances : une heure pour "
        "préparer son projet, avec les questions en direct.",
        "en": "Cross-border permit, recognition of qualifications, insurance: one hour to "
        "prepare one's move, with live questions.",
    },
    start=days_from_load(4, 12, 30),
    end=days_from_load(4, 13, 30),
    capacity=100,
    registrants=(
        *crowd(SWITZERLAND, "fr", attended=()),
        *crowd(FRANCE[:4], "fr", attended=()),
    ),
)

TRAINERS_GROUP = DemoEvent(
    slug="groupe-formateurs-conseillers",
    kind=EventKind.MEETING,
    original_language="fr",
    audience=Audience.MEMBERS,
    venue_name="Visioconférence du Réseau",
    online_url="https://visio.demo.cocade.example/reseau/formateurs-conseillers",
    languages=("fr", "en"),
    title={
        "fr": "Réunion du groupe Formateurs-Conseillers",
        "en": "Trainers-Counsellors Group meeting",
        "pt": "Reunião do grupo Formadores-Conselheiros",
    },
    summary={
        "fr": "Le groupe prépare la prochaine session du module d'acculturation des "
        "nouveaux conseillers et le plan de formation du Réseau.",
        "en": "The group prepares the next session of the acculturation module for new "
        "counsellors and the network's training plan.",
    },
    start=days_from_load(14, 10, 0),
    end=days_from_load(14, 12, 0),
    registrants=(
        DemoRegistrant("", account="trainer"),
        DemoRegistrant("", account="counsellor"),
        DemoRegistrant("", account="editor"),
        DemoRegistrant("", account="manager.mayotte", status=CANCELLED),
    ),
)

NEXT_COMEX = DemoEvent(
    slug="comex-prochaine-reunion",
    kind=EventKind.COMMITTEE,
    original_language="fr",
    audience=Audience.INVITED,
    site=PARIS,
    online_url="https://visio.demo.cocade.example/reseau/comex",
    languages=("fr", "en"),
    title={
        "fr": "Réunion du ComEx",
        "en": "Executive committee (ComEx) meeting",
        "pt": "Reunião da Comissão Executiva (ComEx)",
    },
    summary={
        "fr": "Comité exécutif du Réseau, à Paris et en visioconférence : budget, label, "
        "prochaine école du Réseau.",
        "en": "The network's executive committee, in Paris and online: budget, label, the "
        "network's next school.",
    },
    start=days_from_load(16, 14, 0),
    end=days_from_load(16, 17, 0),
    invited=("manager", "manager.mayotte"),
    registrants=(DemoRegistrant("", account="manager"),),
)

FISHBOWL_PAST = DemoEvent(
    slug="fish-bowl-se-reconvertir-apres-45-ans",
    kind=EventKind.FISHBOWL,
    original_language="fr",
    centre="paris-la-villette",
    site=PARIS,
    title={
        "fr": "Fish-bowl : se reconvertir après 45 ans",
        "en": "Fish-bowl: changing careers after 45",
    },
    summary={
        "fr": "Un cercle de parole sans tour de rôle : des personnes reconverties, des "
        "conseillers et le public échangent librement, avec une facilitation graphique.",
        "en": "A circle of talk without set turns: people who changed careers, counsellors "
        "and the audience talk freely, with graphic facilitation.",
    },
    start=days_from_load(-12, 14, 0),
    end=days_from_load(-12, 17, 0),
    capacity=50,
    organisers=("counsellor",),
    questions=(
        consent_question(
            {
                "fr": "J'accepte d'être filmé·e pour la vidéo de retour sur l'événement",
                "en": "I agree to be filmed for the video about the event",
            }
        ),
    ),
    registrants=(
        *(
            DemoRegistrant(
                name,
                "fr",
                CANCELLED if index == 9 else CONFIRMED,
                answers=(index % 3 != 0,),
                attended=() if index in (4, 9, 13, 17) else ALL,
            )
            for index, name in enumerate(FRANCE[2:22])
        ),
    ),
)

QUIZ_MILAN_PAST = DemoEvent(
    slug="quiz-dei-mestieri-milano",
    kind=EventKind.QUIZ,
    original_language="it",
    centre="milano",
    site=("milano", "centro"),
    timezone="Europe/Rome",
    languages=("it",),
    title={
        "it": "Quiz dei mestieri: vero o falso?",
        "fr": "Quiz des métiers : vrai ou faux ?",
        "en": "Job quiz: true or false?",
    },
    summary={
        "it": "Dieci domande, quattro risposte e i telecomandi di voto: i luoghi comuni sui "
        "mestieri alla prova.",
        "en": "Ten questions, four answers and voting remotes: common ideas about jobs put to "
        "the test.",
    },
    start=days_from_load(-9, 15, 0),
    end=days_from_load(-9, 17, 0),
    capacity=40,
    registrants=crowd(ITALY, "it", absent=(2, 6)),
)

LINKEDIN_CANCELLED = DemoEvent(
    slug="atelier-linkedin-bruxelles",
    kind=EventKind.WORKSHOP,
    original_language="fr",
    centre="bruxelles",
    site=("bruxelles", "astro"),
    status=EventStatus.CANCELLED,
    timezone="Europe/Brussels",
    languages=("fr", "en"),
    title={
        "fr": "Atelier LinkedIn : soigner son profil",
        "en": "LinkedIn workshop: polish your profile",
    },
    summary={
        "fr": "Annulé : l'atelier sera proposé à une nouvelle date. Les personnes inscrites "
        "ont été prévenues.",
        "en": "Cancelled: the workshop will be offered on a new date. Registrants have been told.",
    },
    start=days_from_load(8, 10, 0),
    end=days_from_load(8, 12, 0),
    capacity=16,
    registrants=crowd(BELGIUM[:5], "fr", attended=()),
)

OPEN_DAY_DRAFT = DemoEvent(
    slug="portes-ouvertes-metiers-verts",
    kind=EventKind.OTHER,
    original_language="fr",
    centre="paris-la-villette",
    site=PARIS,
    status=EventStatus.DRAFT,
    title={"fr": "Journée portes ouvertes : les métiers de la transition écologique"},
    summary={
        "fr": "Brouillon : programme à compléter avec les partenaires (France Travail, "
        "OPCO, branches professionnelles)."
    },
    start=days_from_load(30, 10, 0),
    end=days_from_load(30, 17, 0),
    capacity=120,
)

#: The events around the day of the load.
EVENTS: tuple[DemoEvent, ...] = (
    NUMERIDAY_TODAY,
    CV_WORKSHOP_FULL,
    VAE_SESSION,
    SPEED_MEETING_PORTO,
    NUMERIDAY_MAYOTTE,
    QUIZ_MARSEILLE,
    WEBINAR_GENEVA,
    TRAINERS_GROUP,
    NEXT_COMEX,
    FISHBOWL_PAST,
    QUIZ_MILAN_PAST,
    LINKEDIN_CANCELLED,
    OPEN_DAY_DRAFT,
)
