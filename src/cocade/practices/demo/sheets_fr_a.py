"""Demo sheets written in French (first part): Paris, Marseille, Mayotte, Grand Beauvaisis and
Côtes d'Armor. The events of the network's newsletter keep their facts; the rest is fictional.
"""

from __future__ import annotations

from cocade.practices.demo.spec import (
    DemoComment,
    DemoReview,
    DemoSheet,
    DemoTranslation,
    DemoTrial,
)
from cocade.practices.enums import PracticeStatus, TranslationStatus

ACCUEIL_BINOME = DemoSheet(
    slug="premier-accueil-en-binome",
    centre="paris-la-villette",
    author="counsellor",
    language="fr",
    practice_type="reception",
    poles=("orient", "form", "emploi", "changer", "creer"),
    publics=("jobseekers", "employees", "young_people", "students"),
    competences=("A1", "A3", "D3", "E1"),
    contact_name="Nadia Benali",
    contact_email="counsellor",
    days_ago=610,
    texts={
        "title": "Le premier accueil en binôme : clarifier la demande en trois minutes",
        "summary": (
            "À l'entrée de la Cité des métiers, un binôme reçoit chaque visiteur sans rendez-vous "
            "ni inscription, clarifie sa demande en quelques minutes et l'oriente vers le bon "
            "pôle, la documentation en libre accès ou un partenaire."
        ),
        "context": (
            "La Cité des métiers de Paris-La Villette reçoit chaque jour plusieurs centaines de "
            "personnes, sans rendez-vous et de façon anonyme. Les visiteurs allaient directement "
            "vers les pôles : des files se formaient devant les conseillers de l'emploi pendant "
            "que d'autres pôles restaient vides, et beaucoup repartaient sans avoir posé leur "
            "vraie question."
        ),
        "objectives": (
            "- Recevoir chaque personne dans les trois minutes qui suivent son arrivée.\n"
            "- Clarifier la demande sans demander d'identité ni de justificatif.\n"
            "- Orienter vers la ressource la plus juste : pôle, documentation, atelier du jour "
            "ou partenaire extérieur.\n"
            "- Mesurer les flux de façon anonyme pour ajuster les permanences."
        ),
        "method_steps": [
            "Installer un comptoir ouvert, sans guichet, visible dès l'entrée, tenu par deux "
            "personnes : un·e conseiller·ère et un·e agent·e d'accueil.",
            "Accueillir par une question ouverte (« Qu'est-ce qui vous amène aujourd'hui ? »), "
            "puis reformuler la demande en une phrase avec la personne.",
            "Choisir avec elle la suite : entretien sans rendez-vous dans un pôle, "
            "documentation en libre accès, atelier du jour ou partenaire extérieur.",
            "Noter le passage sur la grille de comptage anonyme (tranche horaire, pôle, tranche "
            "d'âge, statut, thème), sans aucun nom.",
            "Faire un point de dix minutes en fin de demi-journée pour repérer les demandes "
            "restées sans réponse et ajuster les permanences du lendemain.",
        ],
        "partners": (
            "France Travail, Afpa, Transitions Pro, CIO, Apec et BGE, qui tiennent les "
            "permanences des pôles ; l'équipe d'accueil de la Cité des sciences et de "
            "l'industrie."
        ),
        "resources_staff": (
            "Deux personnes au comptoir en permanence, par roulement de demi-journées entre "
            "les partenaires."
        ),
        "resources_time": (
            "Une demi-journée de formation commune pour chaque nouvel arrivant ; dix minutes de "
            "point par demi-journée."
        ),
        "resources_budget": "Aucun budget propre : le comptoir et les fiches existaient déjà.",
        "resources_tools": (
            "Grille de comptage anonyme sur tablette, fiches d'orientation par pôle, tableau "
            "des permanences du jour affiché au comptoir."
        ),
        "duration": "Tous les jours d'ouverture, depuis janvier 2022.",
        "results_figures": (
            "En moyenne 420 personnes accueillies par jour ; 92 % reçues en moins de trois "
            "minutes ; 18 % orientées directement vers la documentation en libre accès et 9 % "
            "vers un partenaire extérieur."
        ),
        "results_text": (
            "Les files devant le pôle emploi ont nettement diminué, et les pôles formation et "
            "création reçoivent des personnes qui ne seraient pas allées vers eux. Les "
            "conseillers des pôles disent recevoir des demandes plus claires."
        ),
        "evaluation": (
            "Comptage anonyme quotidien comparé aux relevés de l'année précédente ; "
            "questionnaire de sortie facultatif une semaine par trimestre (environ 300 "
            "réponses à chaque fois)."
        ),
        "success_factors": (
            "- Un binôme plutôt qu'une personne seule aux heures d'affluence.\n"
            "- Une formule d'accueil commune à tous les partenaires.\n"
            "- Le tableau des permanences du jour tenu à jour en temps réel."
        ),
        "limits": (
            "Le samedi après-midi, l'affluence dépasse la capacité du binôme. La grille reste "
            "déclarative : certains passages ne sont pas notés."
        ),
        "transfer_conditions": (
            "Convient à toute Cité des métiers dont au moins trois pôles sont tenus par des "
            "partenaires. Il faut un espace d'entrée ouvert et l'accord des partenaires pour "
            "détacher une personne à l'accueil à tour de rôle."
        ),
        "sustainability": (
            "Inscrit au planning des partenaires et au module d'accueil des nouveaux conseillers."
        ),
    },
    rounds=(
        (
            DemoReview(
                "lea.perret",
                (4, 3, 4, 4),
                "Fiche très claire, directement utilisable à Genève. Les chiffres de l'année "
                "précédente, pour comparer, seraient un plus.",
                (("evidence", "Donner le point de départ (files, temps d'attente) avant 2022."),),
            ),
            DemoReview("sophie.lambert", (3, 3, 3, 4), "Rien à redire sur l'anonymat."),
        ),
    ),
    translations=(
        DemoTranslation(
            "en",
            "julien.perrin",
            {
                "title": "Reception in pairs: clarifying the request in three minutes",
                "summary": (
                    "At the entrance of the Cité des métiers, a pair of staff welcomes every "
                    "visitor without appointment or registration, clarifies the request in a "
                    "few minutes and points them to the right pôle, the self-service "
                    "documentation or a partner."
                ),
                "context": (
                    "The Paris-La Villette Cité des métiers receives several hundred people a "
                    "day, without appointment and anonymously. Visitors used to walk straight "
                    "to the pôles: queues formed in front of the employment counsellors while "
                    "other pôles stayed empty, and many people left without asking their real "
                    "question."
                ),
                "objectives": (
                    "- Welcome every person within three minutes of arrival.\n"
                    "- Clarify the request without asking for identity or papers.\n"
                    "- Refer to the best resource: pôle, documentation, today's workshop or an "
                    "outside partner.\n"
                    "- Count visits anonymously to adjust the partners' shifts."
                ),
                "method_steps": [
                    "Set up an open desk, without a counter window, visible from the entrance "
                    "and staffed by two people: a counsellor and a reception officer.",
                    'Open with a question ("What brings you here today?"), then restate the '
                    "request in one sentence together with the visitor.",
                    "Choose the next step together: a walk-in interview in a pôle, "
                    "self-service documentation, today's workshop or an outside partner.",
                    "Record the visit on the anonymous tally (time slot, pôle, age band, "
                    "status, theme), with no name at all.",
                    "Hold a ten-minute debrief at the end of each half-day to spot requests "
                    "left unanswered and adjust the next day's shifts.",
                ],
                "partners": (
                    "France Travail, Afpa, Transitions Pro, CIO, Apec and BGE, who staff the "
                    "pôles; the reception team of the Cité des sciences et de l'industrie."
                ),
                "resources_staff": (
                    "Two people at the desk at all times, taking half-day turns among the partners."
                ),
                "resources_time": (
                    "Half a day of joint training for each newcomer; ten minutes of debrief "
                    "per half-day."
                ),
                "resources_budget": "No budget of its own: the desk and the leaflets existed.",
                "resources_tools": (
                    "Anonymous tally on a tablet, referral leaflets for each pôle, today's "
                    "shift board displayed at the desk."
                ),
                "duration": "Every opening day, since January 2022.",
                "results_figures": (
                    "On average 420 people welcomed a day; 92% seen within three minutes; 18% "
                    "referred straight to the self-service documentation and 9% to an outside "
                    "partner."
                ),
                "results_text": (
                    "Queues at the employment pôle have shrunk markedly, and the training and "
                    "business-creation pôles now see people who would not have gone to them. "
                    "Counsellors say the requests they receive are clearer."
                ),
                "evaluation": (
                    "Daily anonymous tally compared with the previous year; an optional exit "
                    "questionnaire one week per quarter (about 300 answers each time)."
                ),
                "success_factors": (
                    "- A pair rather than one person alone at peak hours.\n"
                    "- One welcome wording shared by every partner.\n"
                    "- The day's shift board kept up to date in real time."
                ),
                "limits": (
                    "On Saturday afternoons the crowd exceeds what a pair can handle. The "
                    "tally is self-reported: some visits are not recorded."
                ),
                "transfer_conditions": (
                    "Fits any Cité des métiers with at least three pôles staffed by partners. "
                    "It needs an open entrance area and the partners' agreement to second "
                    "someone to the desk in turn."
                ),
                "sustainability": (
                    "Part of the partners' rota and of the induction module for new counsellors."
                ),
            },
        ),
    ),
    comments=(
        DemoComment(
            "faissoili.combo",
            "À Mayotte nous faisons la même chose avec un seul agent : le binôme aux heures "
            "d'affluence est une bonne idée que nous allons proposer aux partenaires.",
            40,
        ),
        DemoComment(
            "ana.sofia.pereira",
            "Could you share the tally grid? We would like to compare our time slots with yours.",
            95,
        ),
    ),
    trials=(
        DemoTrial(
            "lea.perret",
            "Cité des métiers de Genève, environ 150 visiteurs par jour, un seul comptoir.",
            "Le binôme fonctionne bien le mercredi et le samedi ; le point de fin de "
            "demi-journée est devenu un point hebdomadaire.",
            "Nous avons gardé la question d'ouverture et la grille, mais sans tablette.",
            150,
        ),
    ),
    followers=("lea.perret", "faissoili.combo", "coordinator"),
)

UNE_QUESTION_UNE_REPONSE = DemoSheet(
    slug="comptoir-une-question-une-reponse",
    centre="paris-la-villette",
    author="julien.perrin",
    language="fr",
    practice_type="counselling",
    poles=("form", "emploi", "changer"),
    publics=("jobseekers", "employees", "students"),
    competences=("A1", "A2", "B1"),
    contact_name="Julien Perrin",
    contact_email="julien.perrin",
    days_ago=540,
    texts={
        "title": "Le comptoir « Une question, une réponse »",
        "summary": (
            "Un comptoir debout, sans chaise ni rendez-vous, où un conseiller répond en moins "
            "de dix minutes aux questions précises (un code de formation, un droit, une "
            "démarche) pour libérer les entretiens longs."
        ),
        "context": (
            "Une part importante des demandes reçues dans les pôles est une question factuelle : "
            "« Mon CPF finance-t-il ce permis ? », « Où s'inscrire à ce concours ? ». Ces "
            "questions occupaient des entretiens de trente minutes et allongeaient l'attente "
            "des personnes qui avaient besoin d'un vrai conseil."
        ),
        "objectives": (
            "Répondre vite aux questions simples ; réserver les entretiens assis aux projets ; "
            "réduire l'attente dans les pôles."
        ),
        "method_steps": [
            "Repérer, sur un mois de comptage, les vingt questions factuelles les plus "
            "fréquentes et rédiger pour chacune une réponse de référence.",
            "Installer un comptoir debout près de la documentation, signalé par un panneau "
            "« Une question ? Une réponse. »",
            "Tenir le comptoir à tour de rôle, par tranches de deux heures, avec un temps "
            "cible de dix minutes par personne.",
            "Si la question cache un projet, proposer un entretien dans le pôle le jour même.",
            "Mettre à jour les réponses de référence chaque mois en réunion d'équipe.",
        ],
        "partners": "France Travail, Transitions Pro et l'Afpa fournissent les réponses de "
        "référence de leur domaine.",
        "resources_staff": "Un conseiller par tranche de deux heures.",
        "resources_time": "Deux jours pour écrire les premières réponses ; une heure par mois.",
        "resources_budget": "Un comptoir et un panneau : environ 600 €.",
        "resources_tools": "Classeur partagé des réponses de référence, accès aux sites des "
        "financeurs.",
        "duration": "Du mardi au samedi, de 13 h à 17 h.",
        "results_figures": (
            "Environ 60 questions par jour ; durée moyenne 7 minutes ; 15 % des personnes "
            "orientées ensuite vers un entretien."
        ),
        "results_text": (
            "L'attente moyenne dans le pôle formation est passée de 40 à 25 minutes. Les "
            "visiteurs apprécient de repartir avec une réponse tout de suite."
        ),
        "evaluation": "Comptage anonyme au comptoir et relevé des temps d'attente dans les pôles.",
        "success_factors": "Des réponses de référence écrites et partagées ; un comptoir bien "
        "visible.",
        "limits": (
            "La frontière entre question simple et besoin de conseil n'est pas toujours nette : "
            "il faut savoir proposer un entretien sans donner l'impression de renvoyer la "
            "personne."
        ),
        "transfer_conditions": "Il faut un volume de visiteurs suffisant (plus de 100 par jour) "
        "pour occuper le comptoir.",
        "sustainability": "Intégré au planning des permanences depuis deux ans.",
    },
    rounds=((DemoReview("mariama.attoumani", (4, 3, 3, 4), "Simple et efficace."),),),
    followers=("echati.houmadi",),
)

SIMULATIONS_ENTRETIEN = DemoSheet(
    slug="simulations-entretien-cadres-retraites",
    centre="paris-la-villette",
    author="aicha.diallo",
    language="fr",
    practice_type="workshop",
    poles=("emploi",),
    publics=("jobseekers", "young_people", "migrants"),
    competences=("B1", "D1", "E2"),
    contact_name="Aïcha Diallo",
    contact_email="aicha.diallo",
    days_ago=300,
    texts={
        "title": "Simulations d'entretien d'embauche avec des cadres retraités bénévoles",
        "summary": (
            "Chaque jeudi, des cadres et dirigeants retraités font passer des entretiens "
            "d'embauche simulés de vingt minutes, suivis d'un retour personnalisé, à des "
            "personnes qui préparent un vrai entretien."
        ),
        "context": (
            "Beaucoup de personnes reçues au pôle emploi décrochent des entretiens mais "
            "échouent à l'oral, faute d'entraînement face à un vrai recruteur. Les conseillers "
            "manquaient de temps pour des mises en situation, et un jeu de rôle avec son "
            "conseiller habituel ne recrée pas la pression d'un entretien."
        ),
        "objectives": (
            "Offrir une répétition réaliste avant un entretien ; donner un retour concret et "
            "bienveillant ; valoriser l'expérience de bénévoles issus de l'entreprise."
        ),
        "method_steps": [
            "Recruter des bénévoles par une association de cadres retraités et les former en "
            "une demi-journée à la charte de la Cité des métiers (anonymat, neutralité).",
            "Ouvrir les inscriptions à l'accueil la semaine précédente, avec l'offre visée et "
            "un CV anonymisé.",
            "Faire passer un entretien simulé de vingt minutes, dans une salle fermée, avec un "
            "bénévole qui joue le recruteur.",
            "Donner un retour de dix minutes structuré en trois points : ce qui convainc, ce "
            "qui inquiète, une chose à travailler.",
            "Proposer un second passage la semaine suivante si la personne le souhaite.",
        ],
        "partners": "Une association de cadres retraités ; France Travail et l'Apec pour les "
        "offres.",
        "resources_staff": "Un conseiller coordonne ; huit bénévoles en roulement.",
        "resources_time": "Une demi-journée par semaine ; une demi-journée de formation par "
        "bénévole.",
        "resources_budget": "Aucun, hors café et remboursement des transports des bénévoles.",
        "resources_tools": "Grille de retour commune, fiche d'inscription sans nom de famille.",
        "duration": "Tous les jeudis après-midi, hors vacances d'été.",
        "results_figures": (
            "312 simulations sur l'année ; 74 % des personnes revues disent avoir eu leur "
            "vrai entretien dans le mois ; 41 % déclarent une embauche dans les trois mois."
        ),
        "results_text": (
            "Les participants citent surtout la confiance gagnée et la préparation des "
            "questions difficiles (trous dans le parcours, prétentions salariales)."
        ),
        "evaluation": "Questionnaire à chaud ; appel facultatif à trois mois pour les personnes "
        "qui l'ont accepté.",
        "success_factors": "Des bénévoles formés à la posture d'écoute ; une grille de retour "
        "identique pour tous.",
        "limits": "Dépend de la disponibilité des bénévoles ; peu de bénévoles issus des "
        "métiers manuels.",
        "transfer_conditions": "Un vivier de bénévoles à proximité et une salle fermée.",
        "sustainability": "Convention annuelle avec l'association de bénévoles.",
    },
    rounds=(
        (
            DemoReview(
                "giulia.bianchi",
                (3, 3, 4, 3),
                "Pratica molto trasferibile. Attention au suivi à trois mois : préciser le "
                "consentement.",
                (("ethics", "Préciser comment le consentement à l'appel est recueilli."),),
            ),
        ),
    ),
    translations=(
        DemoTranslation(
            "en",
            "julien.perrin",
            {
                "title": "Mock job interviews with retired managers",
                "summary": (
                    "Every Thursday, retired managers run twenty-minute mock job interviews, "
                    "followed by personal feedback, for people preparing a real interview."
                ),
                "context": (
                    "Many jobseekers get interviews but fail at the oral stage, for lack of "
                    "practice with a real recruiter."
                ),
            },
            TranslationStatus.DRAFT,
        ),
    ),
    followers=("sophie.lambert", "marco.fontana"),
)

SOIREES_RECONVERSION = DemoSheet(
    slug="soirees-reconversion-salaries",
    centre="paris-la-villette",
    author="sophie.lambert",
    language="fr",
    practice_type="event",
    poles=("changer", "form"),
    publics=("employees",),
    competences=("B3", "C1", "D1"),
    contact_name="Sophie Lambert",
    contact_email="sophie.lambert",
    days_ago=200,
    first_draft={
        "results_figures": "Beaucoup de participants à chaque soirée.",
        "evaluation": "Retours oraux en fin de soirée.",
    },
    texts={
        "title": "Les soirées « Changer de métier » pour les salariés",
        "summary": (
            "Une fois par mois, de 18 h à 21 h, la Cité des métiers ouvre ses pôles aux "
            "salariés qui pensent à une reconversion : témoignages, entretiens flash avec les "
            "partenaires de la transition professionnelle et ateliers courts."
        ),
        "context": (
            "Les salariés en poste ne peuvent pas venir en journée. Or les demandes de "
            "reconversion augmentent, et les dispositifs (projet de transition "
            "professionnelle, bilan de compétences, VAE) restent mal connus."
        ),
        "objectives": (
            "- Rendre la Cité des métiers accessible aux salariés après le travail.\n"
            "- Faire connaître les dispositifs de reconversion et leurs financeurs.\n"
            "- Permettre un premier entretien sans rendez-vous."
        ),
        "method_steps": [
            "Choisir un thème par soirée (se reconvertir après 45 ans, passer du bureau à "
            "l'artisanat, les métiers du soin…).",
            "Ouvrir à 18 h par deux témoignages de personnes reconverties, quinze minutes "
            "chacun, suivis de questions.",
            "De 18 h 45 à 20 h 30, tenir des entretiens flash de quinze minutes avec "
            "Transitions Pro, un conseiller en évolution professionnelle, l'Afpa et la "
            "Chambre de métiers.",
            "En parallèle, animer deux ateliers de trente minutes : « Mes compétences "
            "transférables » et « Financer ma formation ».",
            "Clore par un point d'information sur les permanences de jour et les prochains "
            "rendez-vous.",
        ],
        "partners": "Transitions Pro, Afpa, Chambre de métiers et de l'artisanat, conseillers "
        "en évolution professionnelle, France Travail.",
        "resources_staff": "Trois conseillers de la Cité et quatre partenaires par soirée.",
        "resources_time": "Deux jours de préparation par soirée (témoins, communication).",
        "resources_budget": "Environ 400 € par soirée (accueil, heures de gardiennage).",
        "resources_tools": "Programme imprimé, inscription facultative en ligne, fiches "
        "dispositifs.",
        "duration": "Un jeudi par mois, de septembre à juin.",
        "results_figures": (
            "10 soirées sur l'année, 1 180 participants (118 en moyenne) ; 540 entretiens "
            "flash ; 63 % des répondants au questionnaire sont venus pour la première fois."
        ),
        "results_text": (
            "Les soirées attirent un public que la Cité des métiers voyait peu : salariés en "
            "poste, cadres, professions intermédiaires. Les partenaires y trouvent des "
            "personnes déjà avancées dans leur réflexion."
        ),
        "evaluation": "Comptage à l'entrée, questionnaire papier en fin de soirée (environ 40 % "
        "de réponses), nombre d'entretiens par partenaire.",
        "success_factors": "Les témoignages ; l'horaire ; la présence simultanée de tous les "
        "financeurs.",
        "limits": "Le coût des heures de gardiennage ; l'affluence rend certains entretiens "
        "trop courts.",
        "transfer_conditions": "Un bâtiment ouvrable le soir et des partenaires prêts à "
        "décaler leurs horaires.",
        "sustainability": "Inscrit au programme annuel et cofinancé par Transitions Pro.",
    },
    rounds=(
        (
            DemoReview(
                "claire.ruggieri",
                (3, 1, 3, 4),
                "La pratique est intéressante mais les résultats ne sont pas chiffrés. "
                "Pouvez-vous donner la fréquentation et la méthode d'évaluation ?",
                (("evidence", "« Beaucoup de participants » : combien, sur combien de soirées ?"),),
                asks_changes=True,
            ),
        ),
        (
            DemoReview(
                "claire.ruggieri",
                (4, 3, 3, 4),
                "Merci pour les chiffres, la fiche est maintenant complète.",
            ),
        ),
    ),
    translations=(
        DemoTranslation(
            "en",
            "editor",
            {
                "title": '"Change your job" evenings for employees',
                "summary": (
                    "Once a month, from 6 to 9 pm, the Cité des métiers opens its pôles to "
                    "employees thinking about a career change: testimonies, quick interviews "
                    "with career-transition partners and short workshops."
                ),
                "context": (
                    "Employees cannot come during the day. Yet requests for career changes "
                    "are growing, and the schemes (transition projects, skills assessment, "
                    "validation of prior learning) remain little known."
                ),
                "objectives": (
                    "- Open the Cité des métiers to employees after work.\n"
                    "- Make the career-change schemes and their funders known.\n"
                    "- Offer a first interview without appointment."
                ),
                "method_steps": [
                    "Choose one theme per evening (changing careers after 45, from office to "
                    "craft, care jobs…).",
                    "Open at 6 pm with two testimonies of people who changed careers, fifteen "
                    "minutes each, followed by questions.",
                    "From 6.45 to 8.30 pm, hold fifteen-minute quick interviews with "
                    "Transitions Pro, a career-development adviser, Afpa and the Chamber of "
                    "trades.",
                    'Meanwhile, run two thirty-minute workshops: "My transferable skills" '
                    'and "Funding my training".',
                    "Close with information on daytime services and the next dates.",
                ],
                "partners": (
                    "Transitions Pro, Afpa, Chamber of trades and crafts, career-development "
                    "advisers, France Travail."
                ),
                "resources_staff": "Three counsellors of the Cité and four partners per evening.",
                "resources_time": "Two days of preparation per evening (speakers, publicity).",
                "resources_budget": "About €400 per evening (reception, security staff hours).",
                "resources_tools": "Printed programme, optional online registration, "
                "scheme leaflets.",
                "duration": "One Thursday a month, from September to June.",
                "results_figures": (
                    "10 evenings in the year, 1,180 participants (118 on average); 540 quick "
                    "interviews; 63% of respondents came for the first time."
                ),
                "results_text": (
                    "The evenings draw people the Cité des métiers rarely saw: employed "
                    "people, managers, technicians. Partners meet people who are already well "
                    "advanced in their thinking."
                ),
                "evaluation": (
                    "Head count at the door, paper questionnaire at the end (about 40% answer), "
                    "number of interviews per partner."
                ),
                "success_factors": "The testimonies; the time of day; all the funders in one "
                "place.",
                "limits": "The cost of security staff hours; at busy times some interviews are "
                "too short.",
                "transfer_conditions": "A building that can open in the evening and partners "
                "willing to shift their hours.",
                "sustainability": "Part of the yearly programme, co-funded by Transitions Pro.",
            },
        ),
        DemoTranslation(
            "pt",
            "tiago.moreira",
            {
                "title": "Serões «Mudar de profissão» para trabalhadores",
                "summary": (
                    "Uma vez por mês, das 18h às 21h, a Cité des métiers abre os seus polos "
                    "aos trabalhadores que pensam numa reconversão."
                ),
            },
            TranslationStatus.DRAFT,
        ),
    ),
    followers=("tiago.moreira", "mehdi.bensalem"),
)

ATELIERS_CV = DemoSheet(
    slug="ateliers-cv-petits-groupes",
    centre="paris-la-villette",
    author="karim.benhamou",
    language="fr",
    practice_type="workshop",
    poles=("emploi",),
    publics=("jobseekers", "young_people"),
    competences=("C1", "C2"),
    contact_name="Karim Benhamou",
    contact_email="karim.benhamou",
    status=PracticeStatus.ARCHIVED,
    days_ago=720,
    archived_after=480,
    texts={
        "title": "Ateliers CV en petits groupes sur papier",
        "summary": (
            "Un atelier de deux heures, à six personnes, pour reprendre son CV sur papier avec "
            "un conseiller, à partir d'exemples commentés. Remplacé depuis par les ateliers "
            "CV numériques."
        ),
        "context": (
            "Les demandes de relecture de CV saturaient les entretiens du pôle emploi. Un "
            "atelier collectif permettait de traiter les questions communes une fois pour "
            "toutes."
        ),
        "objectives": "Aider chacun à produire un CV lisible en une séance ; libérer du temps "
        "d'entretien.",
        "method_steps": [
            "Présenter trois CV anonymisés et les faire commenter par le groupe.",
            "Faire lister à chacun ses expériences et ses compétences sur une feuille guide.",
            "Réécrire le CV à la main, puis le relire en binôme.",
            "Remettre une liste de contrôle pour la mise au propre.",
        ],
        "partners": "France Travail (prêt de supports), Apec pour les cadres.",
        "resources_staff": "Un conseiller par atelier.",
        "resources_time": "Deux heures par atelier, une heure de préparation.",
        "resources_budget": "Photocopies uniquement.",
        "resources_tools": "CV anonymisés, feuille guide, liste de contrôle.",
        "duration": "Deux ateliers par semaine pendant trois ans.",
        "results_figures": "Environ 480 participants par an ; 85 % satisfaits ou très satisfaits.",
        "results_text": "Bonne dynamique de groupe, mais les CV devaient ensuite être ressaisis "
        "sur ordinateur, ce que beaucoup ne faisaient pas.",
        "evaluation": "Questionnaire de fin d'atelier.",
        "success_factors": "Les exemples commentés ; le petit groupe.",
        "limits": "Le passage au numérique n'était pas accompagné ; la pratique est archivée au "
        "profit des ateliers numériques.",
        "transfer_conditions": "Aucune condition particulière.",
        "sustainability": "Archivée : remplacée par les ateliers CV sur ordinateur.",
    },
    rounds=((DemoReview("julien.perrin", (3, 2, 4, 4), "Utile, évaluation un peu légère."),),),
)

FISHBOWL_MARSEILLE = DemoSheet(
    slug="journee-culture-commune-fishbowl",
    centre="marseille-paca",
    author="claire.ruggieri",
    language="fr",
    practice_type="partnership",
    poles=("orient", "form", "emploi", "changer", "creer"),
    publics=("professionals",),
    competences=("C1", "D1", "E3"),
    contact_name="Sandrine Olmeta",
    contact_email="sandrine.olmeta",
    days_ago=680,
    texts={
        "title": "Une journée de culture commune en « fishbowl » avec les partenaires du "
        "territoire",
        "summary": (
            "Les 25 partenaires du service public régional de l'orientation d'un bassin se "
            "réunissent une journée à la Cité des métiers pour débattre d'un sujet commun, ici "
            "l'effet du numérique sur leurs pratiques, en format « fishbowl » : 95 "
            "participants."
        ),
        "context": (
            "Sur le territoire « Marseille – Est Étang de Berre », 25 structures d'accueil, "
            "d'information et d'orientation se côtoient sans toujours se connaître. Le "
            "numérique transforme les pratiques des conseillers et des agents d'accueil, et "
            "chacun s'y adapte seul. Les réunions plénières classiques laissaient peu de "
            "place aux échanges."
        ),
        "objectives": (
            "- Construire une culture commune entre les partenaires du territoire.\n"
            "- Faire parler librement les professionnels de terrain, pas seulement les "
            "directions.\n"
            "- Garder une trace partageable des échanges."
        ),
        "method_steps": [
            "Choisir avec le collectif des partenaires un thème qui les concerne tous (ici : "
            "le numérique et les pratiques d'accueil et de conseil).",
            "Ouvrir la journée par l'intervention courte d'un expert du sujet, membre du "
            "Réseau, pour poser les enjeux.",
            "Installer le « fishbowl » : cinq chaises au centre, dont une toujours libre, et "
            "le public en cercles autour. Qui veut parler prend la chaise libre ; un "
            "intervenant se lève alors pour la libérer.",
            "Faire synthétiser les échanges en direct par un facilitateur graphique, sur une "
            "grande fresque visible de tous.",
            "Clore par un tour des partenaires sur ce qu'ils retiennent, puis diffuser la "
            "fresque et une vidéo de retour.",
        ],
        "partners": (
            "Le collectif des 25 partenaires du service public régional de l'orientation "
            "(SPRO) du territoire : missions locales, CIO, France Travail, Cap emploi, "
            "chambres consulaires, organismes de formation ; un facilitateur graphique."
        ),
        "resources_staff": "Deux chargées d'animation de la Cité ; un facilitateur graphique ; "
        "un animateur de fishbowl.",
        "resources_time": "Deux mois de préparation avec le collectif ; une journée d'événement.",
        "resources_budget": "Environ 2 500 € (facilitation graphique, vidéo, accueil).",
        "resources_tools": "Salle modulable sans estrade, cinq chaises, micros sans fil, "
        "fresque grand format.",
        "duration": "Une journée ; une édition par an sur un nouveau thème.",
        "results_figures": "95 participants venus de 25 structures ; une fresque ; une vidéo "
        "de retour ; 100 % des partenaires satisfaits.",
        "results_text": (
            "Tous les partenaires ont dit leur satisfaction, sur la forme comme sur les "
            "thèmes. Des agents d'accueil, qui ne prennent jamais la parole en plénière, sont "
            "venus au centre du cercle. Le format, testé au Summit CDM21 2018 à Rouen, a été "
            "repris par deux partenaires pour leurs propres réunions."
        ),
        "evaluation": "Tour de table final et questionnaire en ligne envoyé aux 25 structures.",
        "success_factors": (
            "- La chaise toujours libre, qui rend la prise de parole spontanée.\n"
            "- Une courte intervention d'expert pour lancer, pas une conférence.\n"
            "- La fresque, qui donne une trace immédiate et partageable."
        ),
        "limits": "Au-delà d'une centaine de personnes, les cercles extérieurs entendent mal ; "
        "il faut un animateur qui ose relancer.",
        "transfer_conditions": (
            "Tout territoire où plusieurs structures d'orientation coopèrent. Il faut une "
            "salle sans estrade et un thème choisi avec les partenaires, pas pour eux."
        ),
        "sustainability": "Le collectif a décidé d'en faire un rendez-vous annuel.",
    },
    rounds=(
        (
            DemoReview(
                "counsellor",
                (4, 3, 4, 4),
                "Très belle fiche, le déroulé du fishbowl est clair et reproductible.",
            ),
            DemoReview(
                "nathalie.payet",
                (4, 4, 4, 4),
                "Nous voulons la reprendre à La Réunion. Rien à changer.",
            ),
        ),
    ),
    translations=(
        DemoTranslation(
            "en",
            "editor",
            {
                "title": "A common-culture day as a fishbowl with the local partners",
                "summary": (
                    "The 25 partners of the regional public guidance service of one area "
                    "meet for a day at the Cité des métiers to debate a shared topic, here "
                    "the effect of digital technology on their practice, as a fishbowl: 95 "
                    "participants."
                ),
                "context": (
                    'In the "Marseille – East Étang de Berre" area, 25 reception, '
                    "information and guidance bodies work side by side without always "
                    "knowing each other. Digital tools are changing the work of counsellors "
                    "and reception staff, and everyone adapts alone. Usual plenary meetings "
                    "left little room for discussion."
                ),
                "objectives": (
                    "- Build a common culture among the local partners.\n"
                    "- Let front-line staff speak freely, not only managers.\n"
                    "- Keep a shareable record of the discussion."
                ),
                "method_steps": [
                    "Choose with the partners' collective a topic that concerns them all "
                    "(here: digital technology and reception and counselling practice).",
                    "Open the day with a short talk by an expert on the topic, a member of "
                    "the Network, to set out the issues.",
                    "Set up the fishbowl: five chairs in the middle, one always empty, and "
                    "the audience in circles around. Whoever wants to speak takes the empty "
                    "chair; someone in the centre then stands up to free one.",
                    "Have a graphic facilitator draw a live summary on a large wall chart "
                    "everyone can see.",
                    "Close with each partner saying what they take away, then share the "
                    "chart and a short video.",
                ],
                "partners": (
                    "The collective of the 25 partners of the area's regional public "
                    "guidance service: youth centres, school guidance centres, France "
                    "Travail, Cap emploi, chambers, training bodies; a graphic facilitator."
                ),
                "resources_staff": "Two events officers of the Cité; a graphic facilitator; "
                "a fishbowl moderator.",
                "resources_time": "Two months of preparation with the collective; one day.",
                "resources_budget": "About €2,500 (graphic facilitation, video, catering).",
                "resources_tools": "A flexible room with no stage, five chairs, wireless "
                "microphones, a large wall chart.",
                "duration": "One day; one edition a year on a new topic.",
                "results_figures": "95 participants from 25 organisations; one wall chart; "
                "one video; 100% of partners satisfied.",
                "results_text": (
                    "Every partner said they were satisfied, with the format as with the "
                    "topics. Reception staff, who never speak in plenary meetings, came to "
                    "the centre of the circle. The format, first tried at the CDM21 Summit "
                    "2018 in Rouen, has been taken up by two partners for their own meetings."
                ),
                "evaluation": "A closing round and an online questionnaire sent to the 25 "
                "organisations.",
                "success_factors": (
                    "- The always-empty chair, which makes speaking up spontaneous.\n"
                    "- A short expert opening, not a lecture.\n"
                    "- The wall chart, an immediate and shareable record."
                ),
                "limits": "Beyond about a hundred people the outer circles hear poorly; the "
                "moderator must dare to prompt.",
                "transfer_conditions": (
                    "Any area where several guidance bodies cooperate. It needs a room with "
                    "no stage and a topic chosen with the partners, not for them."
                ),
                "sustainability": "The collective decided to make it a yearly event.",
            },
        ),
        DemoTranslation(
            "it",
            "giulia.bianchi",
            {
                "title": "Una giornata di cultura comune in formato «fishbowl» con i partner "
                "del territorio",
                "summary": (
                    "I 25 partner del servizio pubblico regionale di orientamento di un "
                    "territorio si riuniscono per una giornata alla Cité des métiers per "
                    "discutere un tema comune, qui l'impatto del digitale sulle loro "
                    "pratiche, in formato «fishbowl»: 95 partecipanti."
                ),
                "context": (
                    "Sul territorio «Marsiglia – Est Étang de Berre» 25 strutture di "
                    "accoglienza, informazione e orientamento lavorano fianco a fianco senza "
                    "sempre conoscersi. Il digitale cambia il lavoro degli orientatori e "
                    "degli operatori dell'accoglienza, e ognuno si adatta da solo."
                ),
                "objectives": (
                    "Costruire una cultura comune tra i partner; dare la parola agli "
                    "operatori, non solo ai dirigenti; lasciare una traccia condivisibile."
                ),
                "method_steps": [
                    "Scegliere con i partner un tema che riguardi tutti.",
                    "Aprire con un breve intervento di un esperto della Rete.",
                    "Allestire il fishbowl: cinque sedie al centro, una sempre libera, il "
                    "pubblico in cerchio. Chi vuole parlare occupa la sedia libera e un altro "
                    "si alza.",
                    "Far sintetizzare gli scambi in diretta da un facilitatore grafico.",
                    "Chiudere con un giro dei partner e diffondere l'affresco e un video.",
                ],
                "partners": "I 25 partner del servizio pubblico regionale di orientamento; "
                "un facilitatore grafico.",
                "resources_staff": "Due animatrici della Cité, un facilitatore grafico, un "
                "moderatore.",
                "resources_time": "Due mesi di preparazione; una giornata.",
                "resources_budget": "Circa 2.500 €.",
                "resources_tools": "Sala senza palco, cinque sedie, microfoni senza fili, "
                "affresco di grande formato.",
                "duration": "Una giornata all'anno, ogni volta su un tema nuovo.",
                "results_figures": "95 partecipanti da 25 strutture; 100 % dei partner "
                "soddisfatti.",
                "results_text": (
                    "Tutti i partner si sono detti soddisfatti. Operatori dell'accoglienza "
                    "che non parlano mai in plenaria sono venuti al centro del cerchio."
                ),
                "evaluation": "Giro finale e questionario online alle 25 strutture.",
                "success_factors": "La sedia sempre libera; un'introduzione breve; l'affresco.",
                "limits": "Oltre un centinaio di persone i cerchi esterni sentono male.",
                "transfer_conditions": "Un territorio dove più strutture di orientamento "
                "cooperano e una sala senza palco.",
                "sustainability": "Il collettivo ne ha fatto un appuntamento annuale.",
            },
        ),
    ),
    comments=(
        DemoComment(
            "giulia.bianchi",
            "Abbiamo tradotto la scheda in italiano: il formato interessa molto la rete lombarda.",
            30,
        ),
    ),
    trials=(
        DemoTrial(
            "nathalie.payet",
            "Cité des métiers de La Réunion : journée des partenaires de l'orientation du "
            "bassin Est, 60 participants.",
            "Très bonne participation des conseillers de terrain ; la fresque a été affichée "
            "dans le hall pendant un mois.",
            "Nous avons remplacé l'expert par deux témoignages de conseillères.",
            210,
        ),
        DemoTrial(
            "giulia.bianchi",
            "Città dei mestieri di Milano, incontro annuale con 40 partner.",
            "Il formato ha funzionato; serve un moderatore molto esperto.",
            days_after=300,
        ),
    ),
    followers=("nathalie.payet", "giulia.bianchi", "editor", "thomas.lebrun"),
)

PLATEFORMES_MAYOTTE = DemoSheet(
    slug="plateformes-numeriques-decentralisees-mayotte",
    centre="mayotte",
    author="mariama.attoumani",
    language="fr",
    practice_type="outreach",
    poles=("orient", "form", "emploi"),
    publics=("young_people", "jobseekers", "pupils", "fewer_opportunities"),
    competences=("A3", "C2", "D1", "D2"),
    contact_name="Soilihi Ahamada",
    contact_email="soilihi.ahamada",
    days_ago=650,
    texts={
        "title": "Des plateformes numériques décentralisées dans les communes",
        "summary": (
            "Pour atteindre les habitants qui ne peuvent pas venir à Mamoudzou, la Cité des "
            "métiers de Mayotte ouvre avec les communes des espaces numériques de proximité "
            "dédiés à l'orientation et à la vie professionnelle : huit communes sur dix-sept "
            "engagées dès la première année."
        ),
        "context": (
            "La Cité des métiers de Mayotte, à Mamoudzou, reçoit en moyenne 10 000 personnes "
            "par an. Mais Mamoudzou est très difficile d'accès : pas de transports en commun, "
            "des embouteillages chaque jour. Une grande partie de la population, notamment "
            "les jeunes du sud et du nord de l'île, ne bénéficie pas de ses services."
        ),
        "objectives": (
            "- Rapprocher l'information sur l'orientation, la formation et l'emploi des "
            "habitants.\n"
            "- Mener des actions de proximité avec les acteurs de chaque commune.\n"
            "- Couvrir à terme les dix-sept communes de l'île."
        ),
        "method_steps": [
            "Présenter le projet aux communes avec le Conseil départemental et le GIP "
            "Carif-Oref, et recueillir les candidatures des communes volontaires.",
            "Signer avec chaque commune une convention : la commune fournit le local et un "
            "animateur, la Cité des métiers finance l'équipement et forme l'animateur.",
            "Équiper chaque espace (postes informatiques, connexion, documentation) et former "
            "les animateurs pendant une semaine à la Cité des métiers.",
            "Proposer dans chaque espace les mêmes services : métiers en tension et d'avenir, "
            "dispositifs pour les jeunes, mobilité, formations, orientation des élèves, "
            "ateliers numériques.",
            "Organiser dans les communes des événements et ateliers emploi-formation avec les "
            "partenaires, et des permanences tournantes des conseillers de la Cité.",
            "Réunir les animateurs chaque mois pour partager les demandes et les chiffres de "
            "fréquentation.",
        ],
        "partners": (
            "Les communes engagées, le CRIJ Mayotte (appui décisif pour mobiliser les acteurs "
            "de chaque commune), le Rectorat de Mayotte, la Mission locale et le Bataillon du "
            "service militaire adapté (BSMA)."
        ),
        "resources_staff": (
            "Un chargé de mission espaces numériques à la Cité ; un animateur par espace, "
            "employé par la commune ; des permanences des conseillers de la Cité."
        ),
        "resources_time": "Un an entre les premières candidatures et l'ouverture des huit espaces.",
        "resources_budget": (
            "Financé en totalité par la Cité des métiers grâce aux subventions du Département "
            "et du Contrat de plan État-Région (CPER)."
        ),
        "resources_tools": "Postes informatiques, connexion, documentation de la Cité, "
        "agenda partagé des permanences.",
        "duration": "Ouverture progressive sur un an ; les espaces sont ouverts toute l'année.",
        "results_figures": (
            "8 communes sur 17 engagées la première année ; 5 espaces inaugurés en quelques "
            "mois, 3 autres dans l'année ; environ 3 200 passages la première année."
        ),
        "results_text": (
            "Les espaces touchent des publics qui ne venaient pas à Mamoudzou : jeunes "
            "déscolarisés, mères de famille, personnes sans permis. Les communes s'approprient "
            "le lieu et y organisent leurs propres actions."
        ),
        "evaluation": "Comptage anonyme des passages dans chaque espace ; bilan annuel avec "
        "les communes et les partenaires.",
        "success_factors": (
            "- L'appui du CRIJ pour mobiliser les acteurs locaux.\n"
            "- Un animateur issu de la commune, connu des habitants.\n"
            "- Les mêmes services partout, coordonnés par la Cité."
        ),
        "limits": (
            "La qualité de la connexion varie d'une commune à l'autre. Le départ d'un "
            "animateur peut fermer un espace pendant plusieurs semaines."
        ),
        "transfer_conditions": (
            "Un territoire étendu ou mal desservi, des collectivités prêtes à fournir un local "
            "et un animateur, et un financement d'équipement."
        ),
        "sustainability": "Conventions pluriannuelles avec les communes ; objectif : les "
        "dix-sept communes.",
    },
    rounds=(
        (
            DemoReview(
                "thomas.lebrun",
                (4, 4, 3, 4),
                "Exemplaire. La répartition des rôles commune / Cité est très utile pour qui "
                "veut reproduire.",
            ),
        ),
    ),
    translations=(
        DemoTranslation(
            "en",
            "faissoili.combo",
            {
                "title": "Decentralised digital platforms in the communes",
                "summary": (
                    "To reach people who cannot travel to Mamoudzou, the Mayotte Cité des "
                    "métiers opens local digital spaces with the communes, devoted to "
                    "guidance and working life: eight of the island's seventeen communes "
                    "joined in the first year."
                ),
                "context": (
                    "The Mayotte Cité des métiers, in Mamoudzou, receives about 10,000 people "
                    "a year. But Mamoudzou is very hard to reach: there is no public "
                    "transport and there are traffic jams every day. Much of the population, "
                    "especially young people in the south and north of the island, does not "
                    "benefit from its services."
                ),
                "objectives": (
                    "- Bring information on guidance, training and jobs closer to people.\n"
                    "- Run local actions with the stakeholders of each commune.\n"
                    "- Eventually cover all seventeen communes of the island."
                ),
                "method_steps": [
                    "Present the project to the communes together with the Departmental "
                    "Council and the GIP Carif-Oref, and collect applications from "
                    "volunteering communes.",
                    "Sign an agreement with each commune: the commune provides the premises "
                    "and a facilitator, the Cité des métiers funds the equipment and trains "
                    "the facilitator.",
                    "Equip each space (computers, connection, documentation) and train the "
                    "facilitators for a week at the Cité des métiers.",
                    "Offer the same services everywhere: jobs in demand and jobs of the "
                    "future, youth schemes, mobility, training, pupils' guidance, digital "
                    "workshops.",
                    "Hold job and training events and workshops in the communes with the "
                    "partners, and rotating sessions of the Cité's counsellors.",
                    "Bring the facilitators together every month to share requests and "
                    "attendance figures.",
                ],
                "partners": (
                    "The participating communes, CRIJ Mayotte (decisive in mobilising local "
                    "stakeholders), the Mayotte education authority, the Mission locale and "
                    "the adapted military service battalion (BSMA)."
                ),
                "resources_staff": (
                    "A digital-spaces officer at the Cité; one facilitator per space, "
                    "employed by the commune; sessions of the Cité's counsellors."
                ),
                "resources_time": "One year from the first applications to the opening of "
                "the eight spaces.",
                "resources_budget": (
                    "Fully funded by the Cité des métiers through grants from the Department "
                    "and the State-Region Plan Contract (CPER)."
                ),
                "resources_tools": "Computers, connection, the Cité's documentation, a shared "
                "calendar of sessions.",
                "duration": "Gradual opening over one year; the spaces are open all year.",
                "results_figures": (
                    "8 of 17 communes joined in the first year; 5 spaces opened within a few "
                    "months and 3 more within the year; about 3,200 visits in the first year."
                ),
                "results_text": (
                    "The spaces reach people who never came to Mamoudzou: early school "
                    "leavers, mothers, people without a driving licence. The communes take "
                    "ownership of the place and run their own actions there."
                ),
                "evaluation": "Anonymous visit tally in each space; yearly review with the "
                "communes and partners.",
                "success_factors": (
                    "- CRIJ's support in mobilising local stakeholders.\n"
                    "- A facilitator from the commune, known to residents.\n"
                    "- The same services everywhere, coordinated by the Cité."
                ),
                "limits": (
                    "Connection quality varies between communes. When a facilitator leaves, "
                    "a space may close for several weeks."
                ),
                "transfer_conditions": (
                    "A large or poorly served territory, local authorities ready to provide "
                    "premises and a facilitator, and funding for equipment."
                ),
                "sustainability": "Multi-year agreements with the communes; the aim is all "
                "seventeen communes.",
            },
        ),
    ),
    comments=(
        DemoComment(
            "nathalie.payet",
            "Même problème de transports dans les Hauts de La Réunion : pouvez-vous partager "
            "le modèle de convention avec les communes ?",
            25,
        ),
        DemoComment(
            "mariama.attoumani",
            "Oui, écrivez-moi : nous l'envoyons volontiers, ainsi que le programme de la "
            "semaine de formation des animateurs.",
            27,
        ),
    ),
    followers=("nathalie.payet", "coordinator", "yasmine.cherif"),
)

BUS_ORIENTATION = DemoSheet(
    slug="bus-orientation-villages",
    centre="mayotte",
    author="faissoili.combo",
    language="fr",
    practice_type="outreach",
    poles=("orient", "emploi"),
    publics=("young_people", "fewer_opportunities", "jobseekers"),
    competences=("A1", "A3", "D2"),
    contact_name="Faïssoili Combo",
    contact_email="faissoili.combo",
    status=PracticeStatus.IN_REVIEW,
    days_ago=6,
    texts={
        "title": "Le bus de l'orientation : des permanences mobiles dans les villages",
        "summary": (
            "Un minibus aménagé sillonne les communes qui n'ont pas encore d'espace numérique "
            "et installe, sur la place du village, une permanence d'accueil et d'information "
            "d'une journée."
        ),
        "context": (
            "Neuf communes de Mayotte n'ont pas encore d'espace numérique de proximité. Les "
            "jeunes de ces villages ne viennent ni à Mamoudzou ni dans les antennes."
        ),
        "objectives": "Aller vers les habitants des communes sans antenne ; repérer les jeunes "
        "sans solution ; faire connaître les antennes les plus proches.",
        "method_steps": [
            "Fixer avec chaque mairie une date et un emplacement (place, marché, sortie de "
            "collège).",
            "Annoncer le passage par la radio locale, les associations et les cadis.",
            "Installer le bus avec deux conseillers, un poste connecté et la documentation.",
            "Accueillir sans rendez-vous, renseigner et orienter vers la Mission locale, le "
            "BSMA ou l'antenne la plus proche.",
            "Noter les passages sur la grille anonyme et faire le point avec la mairie.",
        ],
        "partners": "Communes, Mission locale, BSMA, CRIJ Mayotte, radio locale.",
        "resources_staff": "Deux conseillers et un chauffeur par sortie.",
        "resources_time": "Une journée par sortie, une demi-journée de préparation.",
        "resources_budget": "Location du minibus et carburant : environ 9 000 € par an.",
        "resources_tools": "Minibus aménagé, routeur 4G, tablettes, documentation.",
        "duration": "Deux sorties par mois depuis six mois.",
        "results_figures": "12 sorties, 610 personnes renseignées, dont 58 % de moins de 26 ans.",
        "results_text": "Forte curiosité des jeunes ; plusieurs mairies demandent un passage "
        "mensuel.",
        "evaluation": "Comptage anonyme ; suivi des orientations vers la Mission locale.",
        "success_factors": "L'annonce par les relais locaux ; la présence sur le marché.",
        "limits": "Météo ; dépendance à un seul véhicule.",
        "transfer_conditions": "Un véhicule et des communes partenaires.",
        "sustainability": "Demande de financement pluriannuel en cours.",
    },
    rounds=((DemoReview("claire.ruggieri", None),),),
)

NUMERIDAY = DemoSheet(
    slug="numeri-day-grand-beauvaisis",
    centre="grand-beauvaisis",
    author="sandrine.lefevre",
    language="fr",
    practice_type="event",
    poles=("orient", "form", "creer"),
    publics=("pupils", "young_people", "jobseekers", "seniors"),
    competences=("C1", "C2", "D1"),
    contact_name="Kévin Dufour",
    contact_email="kevin.dufour",
    days_ago=560,
    texts={
        "title": "Numeri'Day : une journée pour apprivoiser le numérique et découvrir ses métiers",
        "summary": (
            "Une journée ouverte à tous, dans un centre associé rural, pour découvrir les "
            "usages et les métiers du numérique par le jeu : Fablab, réalité virtuelle, "
            "experts mobiles, tests d'orientation. 250 visiteurs à la première édition."
        ),
        "context": (
            "Sur le territoire du Grand Beauvaisis, beaucoup d'habitants, jeunes comme moins "
            "jeunes, se sentent éloignés du numérique : peur de mal faire, incompréhension, "
            "méconnaissance des métiers qui recrutent. Le centre associé de Grandvilliers, en "
            "milieu rural, voulait un événement fédérateur."
        ),
        "objectives": (
            "- Faire découvrir les nouveaux usages du numérique et ses nouveaux métiers.\n"
            "- Rendre l'informatique et le codage accessibles par des activités ludiques.\n"
            "- Sensibiliser aux usages des réseaux pour construire son identité numérique.\n"
            "- Répondre aux questions du public sur le numérique (peurs, incompréhensions)."
        ),
        "method_steps": [
            "Réunir trois mois avant un comité d'organisation : Cité des métiers, centre "
            "social, organismes de formation, entreprises du numérique, CCI.",
            "Organiser l'espace en îlots : Fablab et ateliers ludiques (programmation, tests "
            "de jeux vidéo, fabrication de casques de réalité virtuelle), démonstrations de "
            "robots et d'imprimante 3D, stand CCI sur l'apprentissage et l'entrepreneuriat.",
            "Placer des « experts mobiles » (communication digitale, développement web, "
            "e-réputation) qui circulent et répondent aux questions.",
            "Faire présenter leur métier par des professionnels sous forme de jeux et "
            "d'échanges, et proposer des tests d'orientation.",
            "Inviter les écoles et le centre social, pour un public intergénérationnel, et "
            "tenir la journée en continu, sans inscription.",
        ],
        "partners": (
            "La Chambre de commerce et d'industrie de l'Oise (apprentissage, entrepreneuriat, "
            "test de motivation entrepreneuriale), des organismes de formation, des "
            "entreprises du numérique, le centre social de Grandvilliers."
        ),
        "resources_staff": "Quatre personnes de la Cité le jour J ; une vingtaine "
        "d'intervenants partenaires.",
        "resources_time": "Trois mois de préparation, une journée d'événement.",
        "resources_budget": "Environ 3 000 €, dont la moitié en prêt de matériel par les "
        "partenaires.",
        "resources_tools": "Casques de réalité virtuelle, robots, imprimante 3D, postes de "
        "jeux, quiz.",
        "duration": "Une journée, un mercredi, pour toucher les familles ; reconduite chaque "
        "année.",
        "results_figures": "250 visiteurs à la première édition (mercredi 7 novembre 2018, centre "
        "associé de Grandvilliers) ; une vingtaine d'intervenants ; un public de 8 à 70 ans.",
        "results_text": (
            "Les retours sont très positifs : activités, ambiance et sympathie des "
            "intervenants ont été appréciées. Les partenaires ont été étonnés du nombre de "
            "visiteurs et de leur variété, notamment avec les enfants du centre social."
        ),
        "evaluation": "Comptage à l'entrée, livre d'or, bilan à chaud avec les partenaires.",
        "success_factors": "Le jeu comme porte d'entrée ; des experts qui vont vers le public ; "
        "un mercredi, jour des familles.",
        "limits": "Il faut beaucoup de matériel prêté ; la journée ne permet pas d'entretien "
        "approfondi.",
        "transfer_conditions": "Un réseau de partenaires du numérique prêts à prêter matériel "
        "et intervenants.",
        "sustainability": "Reconduite chaque année, avec un thème renouvelé.",
    },
    rounds=(
        (
            DemoReview(
                "yasmine.cherif",
                (4, 3, 4, 4),
                "Très inspirant. On voit bien l'enchaînement des îlots.",
            ),
        ),
    ),
    translations=(
        DemoTranslation(
            "en",
            "editor",
            {
                "title": "Numeri'Day: a day to get to grips with digital technology and its jobs",
                "summary": (
                    "A day open to all, in a rural associated centre, to discover digital "
                    "uses and jobs through play: Fablab, virtual reality, roaming experts, "
                    "guidance tests. 250 visitors at the first edition."
                ),
                "context": (
                    "In the Grand Beauvaisis area many people, young and old, feel far from "
                    "digital technology: fear of doing it wrong, lack of understanding, "
                    "little knowledge of the jobs that recruit. The associated centre of "
                    "Grandvilliers, in a rural area, wanted an event that would bring people "
                    "together."
                ),
                "objectives": (
                    "- Show new digital uses and new digital jobs.\n"
                    "- Make computing and coding accessible through fun activities.\n"
                    "- Raise awareness of social-network uses to build one's online "
                    "identity.\n"
                    "- Answer the public's questions on digital technology (fears, "
                    "misunderstandings)."
                ),
                "method_steps": [
                    "Three months before, set up an organising committee: Cité des métiers, "
                    "social centre, training bodies, digital companies, chamber of commerce.",
                    "Lay out the space in islands: Fablab and games (programming, testing "
                    "video games, building virtual-reality headsets), demonstrations of "
                    "robots and a 3D printer, a chamber of commerce stand on apprenticeship "
                    "and entrepreneurship.",
                    "Place roaming experts (digital communication, web development, online "
                    "reputation) who move around and answer questions.",
                    "Have professionals present their jobs through games and conversations, "
                    "and offer guidance tests.",
                    "Invite schools and the social centre for an intergenerational audience; "
                    "run the day continuously, with no registration.",
                ],
                "partners": (
                    "The Oise chamber of commerce and industry (apprenticeship, "
                    "entrepreneurship, entrepreneurial motivation test), training bodies, "
                    "digital companies, the Grandvilliers social centre."
                ),
                "resources_staff": "Four people from the Cité on the day; about twenty "
                "partner speakers.",
                "resources_time": "Three months of preparation, one day of event.",
                "resources_budget": "About €3,000, half of it as equipment lent by partners.",
                "resources_tools": "Virtual-reality headsets, robots, 3D printer, game "
                "stations, quizzes.",
                "duration": "One day, on a Wednesday to reach families; held every year.",
                "results_figures": "250 visitors at the first edition (Wednesday 7 November "
                "2018, Grandvilliers associated centre); about twenty speakers; visitors aged 8 "
                "to 70.",
                "results_text": (
                    "Feedback is very positive: the activities, the atmosphere and the "
                    "friendliness of the speakers were much appreciated. Partners were "
                    "surprised by the number and variety of visitors, including the children "
                    "of the social centre."
                ),
                "evaluation": "Head count at the entrance, a visitors' book, a debrief with "
                "partners on the day.",
                "success_factors": "Play as a way in; experts who go to the public; a "
                "Wednesday, the family day.",
                "limits": "It needs a lot of borrowed equipment; the day leaves no room for "
                "in-depth interviews.",
                "transfer_conditions": "A network of digital partners willing to lend "
                "equipment and speakers.",
                "sustainability": "Held every year with a new theme.",
            },
        ),
    ),
    trials=(
        DemoTrial(
            "roukia.said",
            "Cité des métiers de Mayotte, espace numérique de Chirongui.",
            "Une matinée « Numeri'Day » avec le collège voisin : 120 élèves, très bonne ambiance.",
            "Version réduite sur une matinée, sans réalité virtuelle mais avec un atelier "
            "de codage sur tablettes.",
            240,
        ),
    ),
    followers=("roukia.said", "yasmine.cherif"),
)

WEB_SERIE_APPRENTIS = DemoSheet(
    slug="web-serie-jemalternance",
    centre="cotes-d-armor",
    author="maelle.guillou",
    language="fr",
    practice_type="digital",
    poles=("orient", "form"),
    publics=("apprentices", "pupils", "young_people"),
    competences=("C2", "D1", "E2"),
    contact_name="Gwenaëlle Le Bihan",
    contact_email="gwenaelle.le.bihan",
    days_ago=590,
    texts={
        "title": "#jemalternance : une web-série tournée par des apprentis",
        "summary": (
            "Cinq apprentis volontaires filment leur quotidien avec un kit de tournage prêté "
            "par la Cité des métiers : 30 épisodes courts diffusés un par jour sur YouTube "
            "pour faire connaître l'apprentissage aux jeunes, dans leur langage."
        ),
        "context": (
            "Les supports classiques (plaquettes, salons) touchaient peu les collégiens et "
            "les lycéens. Les jeunes s'informent en vidéo, et la parole d'un autre jeune "
            "porte davantage que celle d'un conseiller."
        ),
        "objectives": (
            "- Promouvoir l'apprentissage avec un support adapté aux usages des jeunes.\n"
            "- Montrer des profils variés par le niveau, le secteur et le territoire.\n"
            "- Donner la parole aux apprentis et à leurs tuteurs."
        ),
        "method_steps": [
            "Choisir cinq apprentis volontaires aux profils variés (niveau de formation, "
            "secteur d'activité, secteur géographique).",
            "Leur prêter un kit de tournage (caméra et pied) et les former aux bases du "
            "tournage avec le technicien vidéo, guide de tournage à l'appui.",
            "Leur remettre un guide des questions fréquentes sur l'apprentissage, qui sert de "
            "trame aux scénarios : un thème par épisode.",
            "Monter les épisodes avec le technicien et les faire valider par l'apprenti et "
            "son tuteur.",
            "Diffuser un épisode par jour sur la chaîne YouTube de la Cité des métiers et le "
            "relayer par les partenaires.",
            "Lancer la série par deux événements : un quiz sur l'apprentissage pour les "
            "collégiens et un speed-meeting de l'alternance.",
        ],
        "partners": (
            "La Mission locale et les CFA (relais et usage de la série) ; financement de la "
            "Direccte Bretagne ; appui de la préfecture des Côtes-d'Armor et de la Région "
            "Bretagne."
        ),
        "resources_staff": "Une chargée de communication coordinatrice ; un technicien vidéo.",
        "resources_time": "Quatre mois, de juin à septembre.",
        "resources_budget": "Financement de la Direccte Bretagne (matériel, montage, "
        "communication).",
        "resources_tools": "Un kit de tournage (caméra, pied), un guide de tournage, un guide "
        "des questions fréquentes, une chaîne YouTube.",
        "duration": "Tournage de juin à septembre 2018 ; lancement le 24 septembre, puis "
        "diffusion quotidienne pendant un mois.",
        "results_figures": "5 apprentis ; 30 épisodes ; environ 21 000 vues la première année.",
        "results_text": (
            "Les apprentis partagent leur quotidien et leurs expériences, parfois avec leurs "
            "tuteurs, leurs parents ou les structures d'accompagnement. La Mission locale et "
            "d'autres partenaires utilisent aujourd'hui la série pour informer sur "
            "l'apprentissage."
        ),
        "evaluation": "Statistiques de la chaîne ; usage par les partenaires ; retours des "
        "apprentis.",
        "success_factors": "Des apprentis volontaires et fiers de leur métier ; un appui "
        "technique léger mais réel ; la trame des questions fréquentes.",
        "limits": "Le droit à l'image des tiers filmés (clients, collègues) demande de la "
        "vigilance ; la qualité varie d'un épisode à l'autre.",
        "transfer_conditions": "Un technicien vidéo, même à temps partiel, et un réseau de CFA "
        "pour trouver les apprentis.",
        "sustainability": "La série reste en ligne et sert de support d'information.",
    },
    rounds=(
        (
            DemoReview(
                "tiago.moreira",
                (4, 3, 4, 3),
                "Very good practice. Add a word on consent for the people filmed.",
                (("ethics", "Image rights of colleagues and customers?"),),
            ),
        ),
    ),
    translations=(
        DemoTranslation(
            "en",
            "editor",
            {
                "title": "#jemalternance: a web series filmed by apprentices",
                "summary": (
                    "Five volunteer apprentices film their daily life with a kit lent by the "
                    "Cité des métiers: 30 short episodes released one a day on YouTube to "
                    "make apprenticeship known to young people, in their own words."
                ),
                "context": (
                    "Leaflets and fairs reached few secondary-school pupils. Young people "
                    "look for information in videos, and another young person's word "
                    "carries more weight than a counsellor's."
                ),
                "objectives": (
                    "- Promote apprenticeship with a medium suited to young people's habits.\n"
                    "- Show varied profiles by level, sector and area.\n"
                    "- Let apprentices and their tutors speak."
                ),
                "method_steps": [
                    "Choose five volunteer apprentices with varied profiles (training level, "
                    "sector, area).",
                    "Lend them a filming kit (camera and tripod) and train them in the basics "
                    "with the video technician, using a filming guide.",
                    "Give them a guide of frequently asked questions on apprenticeship as the "
                    "outline of their scripts: one theme per episode.",
                    "Edit the episodes with the technician and have the apprentice and tutor "
                    "approve them.",
                    "Release one episode a day on the Cité des métiers' YouTube channel and "
                    "have partners share it.",
                    "Launch the series with two events: an apprenticeship quiz for pupils "
                    "and an apprenticeship speed meeting.",
                ],
                "partners": (
                    "The Mission locale and apprentice training centres (sharing and using "
                    "the series); funding from the regional labour directorate of Brittany; "
                    "support from the prefecture and the Brittany Region."
                ),
                "resources_staff": "A communications officer coordinating; a video technician.",
                "resources_time": "Four months, June to September.",
                "resources_budget": "Funding from the regional labour directorate (equipment, "
                "editing, publicity).",
                "resources_tools": "A filming kit (camera, tripod), a filming guide, an FAQ "
                "guide, a YouTube channel.",
                "duration": "Filming from June to September 2018; launch on 24 September, "
                "then one episode a day for a month.",
                "results_figures": "5 apprentices; 30 episodes; about 21,000 views in the "
                "first year.",
                "results_text": (
                    "The apprentices share their daily life and experience, sometimes with "
                    "their tutors, parents or support organisations. The Mission locale and "
                    "other partners now use the series to inform about apprenticeship."
                ),
                "evaluation": "Channel statistics; use by partners; apprentices' feedback.",
                "success_factors": "Volunteer apprentices proud of their trade; light but "
                "real technical support; the FAQ outline.",
                "limits": "Image rights of other people filmed (customers, colleagues) need "
                "care; quality varies between episodes.",
                "transfer_conditions": "A video technician, even part-time, and a network of "
                "training centres to find apprentices.",
                "sustainability": "The series stays online and is used as information material.",
            },
        ),
    ),
    trials=(
        DemoTrial(
            "tiago.moreira",
            "Cidade das Profissões, Porto: cursos profissionais e aprendizagem.",
            "Three trainees filmed 12 episodes; schools now show them in class.",
            "Shorter episodes (90 seconds) made for Instagram rather than YouTube.",
            200,
        ),
    ),
    followers=("tiago.moreira", "erwan.le.floch"),
)

SHEETS = (
    ACCUEIL_BINOME,
    UNE_QUESTION_UNE_REPONSE,
    SIMULATIONS_ENTRETIEN,
    SOIREES_RECONVERSION,
    ATELIERS_CV,
    FISHBOWL_MARSEILLE,
    PLATEFORMES_MAYOTTE,
    BUS_ORIENTATION,
    NUMERIDAY,
    WEB_SERIE_APPRENTIS,
)
