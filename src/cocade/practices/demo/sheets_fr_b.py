"""Demo sheets written in French (second part): Côtes d'Armor, Val-de-Marne, Saint-Quentin-en-
Yvelines, Geneva, Brussels, La Réunion, Namur, Normandy and Paris. Some are still in the
workflow (draft, submitted, changes requested)."""

from __future__ import annotations

from cocade.practices.demo.spec import (
    DemoComment,
    DemoReview,
    DemoSheet,
    DemoTranslation,
    DemoTrial,
)
from cocade.practices.enums import PracticeStatus, TranslationStatus

QUIZ_BOITIERS = DemoSheet(
    slug="quiz-apprentissage-boitiers-de-vote",
    centre="cotes-d-armor",
    author="maelle.guillou",
    language="fr",
    practice_type="workshop",
    poles=("orient", "form"),
    publics=("pupils",),
    competences=("A2", "C1", "C2"),
    contact_name="Maëlle Guillou",
    contact_email="maelle.guillou",
    days_ago=470,
    texts={
        "title": "Le quiz de l'apprentissage avec boîtiers de vote pour les classes de collège",
        "summary": (
            "Une conseillère pose dix questions à choix multiples sur l'apprentissage à une "
            "classe entière ; chaque élève répond avec un boîtier de vote, et des "
            "représentants de CFA commentent les réponses affichées en direct."
        ),
        "context": (
            "Les collégiens de troisième doivent choisir leur orientation, mais connaissent mal "
            "l'apprentissage et n'osent pas poser de questions devant leurs camarades. Les "
            "présentations magistrales des CFA les captivaient peu."
        ),
        "objectives": (
            "Lever les idées reçues sur l'apprentissage ; faire participer chaque élève, y "
            "compris les plus réservés ; ouvrir le dialogue avec les CFA."
        ),
        "method_steps": [
            "Préparer avec les CFA dix questions à quatre réponses possibles (rémunération, "
            "contrat, durée, poursuite d'études, métiers accessibles…).",
            "Accueillir la classe à la Cité des métiers et distribuer un boîtier de vote par "
            "élève, anonyme.",
            "Poser chaque question à voix haute ; les élèves votent, puis le résultat de la "
            "classe s'affiche à l'écran.",
            "Faire commenter chaque résultat par un représentant de CFA, en partant des "
            "erreurs les plus fréquentes.",
            "Terminer par dix minutes de questions libres et remettre la liste des CFA du "
            "département.",
        ],
        "partners": "Des Centres de formation d'apprentis (CFA) ; les collèges du département.",
        "resources_staff": "Une conseillère animatrice ; deux représentants de CFA.",
        "resources_time": "Une heure par classe ; une demi-journée de préparation au départ.",
        "resources_budget": "Achat de 35 boîtiers de vote : environ 1 800 € (réutilisables).",
        "resources_tools": "Boîtiers de vote, logiciel de quiz, vidéoprojecteur.",
        "duration": "Une heure ; une classe par créneau, en période d'orientation.",
        "results_figures": (
            "14 classes et 352 élèves la première année ; 10 questions × 4 réponses ; le taux "
            "de bonnes réponses passe de 41 % au premier passage à 78 % au quiz de contrôle "
            "de fin de séance."
        ),
        "results_text": (
            "Les élèves participent tous, les enseignants apprécient le format court, et les "
            "CFA reçoivent ensuite des demandes de visite."
        ),
        "evaluation": "Comparaison des réponses en début et en fin de séance ; retour des "
        "enseignants.",
        "success_factors": "L'anonymat du vote ; le commentaire immédiat par un professionnel.",
        "limits": "Le matériel doit être vérifié avant chaque séance ; au-delà de 35 élèves, "
        "il faut doubler les boîtiers.",
        "transfer_conditions": "Des boîtiers de vote (ou une application sur smartphones) et "
        "des CFA disponibles.",
        "sustainability": "Reconduit chaque année pendant la période d'orientation.",
    },
    rounds=(
        (
            DemoReview(
                "julie.lambotte",
                (4, 4, 3, 4),
                "L'évaluation avant/après est un bel exemple pour nos visites de classes.",
            ),
        ),
    ),
    followers=("julie.lambotte",),
)

SPEED_MEETING_ALTERNANCE = DemoSheet(
    slug="speed-meeting-alternance",
    centre="cotes-d-armor",
    author="erwan.le.floch",
    language="fr",
    practice_type="event",
    poles=("orient", "form"),
    publics=("pupils", "young_people", "apprentices"),
    competences=("C1", "D1"),
    contact_name="Erwan Le Floch",
    contact_email="erwan.le.floch",
    days_ago=430,
    first_draft={
        "method_steps": [
            "Installer des tables rondes avec des intervenants.",
            "Faire tourner les intervenants toutes les 15 minutes.",
            "Conclure.",
        ],
    },
    texts={
        "title": "Le speed-meeting de l'alternance : jeunes, parents et enseignants",
        "summary": (
            "Six tables, six groupes d'intervenants (apprentis, CFA, employeurs, tuteurs, "
            "structures d'accompagnement) et des groupes de jeunes, de parents et "
            "d'enseignants qui posent leurs questions ; toutes les 15 minutes, les "
            "intervenants changent de table."
        ),
        "context": (
            "Les familles hésitent devant l'alternance faute d'interlocuteurs : qui paie, qui "
            "trouve l'employeur, que se passe-t-il en cas de rupture ? Les forums classiques "
            "à stands favorisent les plus à l'aise."
        ),
        "objectives": (
            "Faire rencontrer à chaque groupe tous les acteurs de l'alternance en une heure et "
            "demie ; favoriser des échanges spontanés ; impliquer les parents."
        ),
        "method_steps": [
            "Constituer six groupes d'intervenants : apprentis, CFA, employeurs, tuteurs, "
            "Mission locale, chambre consulaire.",
            "Répartir les jeunes, parents et enseignants inscrits en six groupes mixtes, un "
            "par table.",
            "Faire tourner les intervenants selon un carré latin : au tour r, le groupe g va à "
            "la table (g + r) modulo 6, ce qui évite qu'un groupe rencontre deux fois les "
            "mêmes intervenants.",
            "Annoncer chaque changement par un signal sonore toutes les 15 minutes ; six tours "
            "durent 90 minutes.",
            "Clore par un temps libre autour d'un goûter, où les familles reviennent vers les "
            "intervenants de leur choix.",
        ],
        "partners": "CFA, employeurs et tuteurs d'apprentis, Mission locale, chambres "
        "consulaires, collèges et lycées.",
        "resources_staff": "Deux conseillers pour l'accueil et le minutage ; une trentaine "
        "d'intervenants.",
        "resources_time": "Six semaines de préparation ; deux heures et demie sur place.",
        "resources_budget": "Environ 500 € (goûter, impression des plans de table).",
        "resources_tools": "Plan de rotation imprimé, chevalets de table, signal sonore.",
        "duration": "Une fin d'après-midi, au lancement de la campagne d'apprentissage.",
        "results_figures": "6 tables, 6 tours de 15 minutes ; 84 jeunes, 37 parents et 12 "
        "enseignants à la première édition.",
        "results_text": (
            "Les parents ont posé les questions que les jeunes n'osaient pas poser ; les "
            "intervenants ont apprécié de parler à de petits groupes plutôt qu'à un "
            "amphithéâtre."
        ),
        "evaluation": "Questionnaire de sortie (62 réponses) ; nombre de contacts pris avec "
        "les CFA dans le mois.",
        "success_factors": "La rotation calculée à l'avance ; le signal sonore ; la présence "
        "des parents.",
        "limits": "Si un groupe d'intervenants manque, toute la rotation est à refaire ; "
        "l'acoustique d'une grande salle fatigue.",
        "transfer_conditions": "Une salle assez grande pour six tables espacées et une "
        "trentaine d'intervenants mobilisables.",
        "sustainability": "Reconduit chaque année au printemps.",
    },
    rounds=(
        (
            DemoReview(
                "nathalie.payet",
                (2, 3, 2, 4),
                "La méthode est trop succincte pour être reproduite : comment faites-vous "
                "tourner les groupes sans qu'ils se croisent deux fois ?",
                (("transferability", "Détailler la rotation et le minutage."),),
                asks_changes=True,
            ),
        ),
        (
            DemoReview(
                "nathalie.payet",
                (4, 3, 4, 4),
                "Parfait, le carré latin est clairement expliqué.",
            ),
        ),
    ),
    translations=(
        DemoTranslation(
            "en",
            "julien.perrin",
            {
                "title": "The apprenticeship speed meeting: young people, parents and teachers",
                "summary": (
                    "Six tables, six groups of speakers (apprentices, training centres, "
                    "employers, tutors, support organisations) and groups of young people, "
                    "parents and teachers asking questions; every 15 minutes the speakers "
                    "change tables."
                ),
                "context": (
                    "Families hesitate about work-study for lack of people to ask: who pays, "
                    "who finds the employer, what if the contract ends? Classic fairs with "
                    "stands favour the most confident."
                ),
            },
            TranslationStatus.READY,
        ),
    ),
    trials=(
        DemoTrial(
            "julie.lambotte",
            "Cité des métiers de Namur : soirée d'information sur l'alternance pour les familles.",
            "Très apprécié des parents ; le plan de rotation nous a fait gagner beaucoup de temps.",
            "Cinq tables au lieu de six, tours de 12 minutes.",
            120,
        ),
    ),
    followers=("julie.lambotte", "maelle.guillou"),
)

JOB_DATING_HANDICAP = DemoSheet(
    slug="job-dating-handicap",
    centre="val-de-marne",
    author="mehdi.bensalem",
    language="fr",
    practice_type="event",
    poles=("emploi",),
    publics=("disability", "jobseekers", "employers"),
    competences=("A3", "D1", "E1", "E2"),
    contact_name="Mehdi Bensalem",
    contact_email="mehdi.bensalem",
    days_ago=250,
    texts={
        "title": "Job-dating handicap : des recruteurs engagés et des entretiens adaptés",
        "summary": (
            "Une matinée de recrutement pendant la Semaine européenne pour l'emploi des "
            "personnes handicapées : des employeurs engagés, des entretiens de quinze minutes "
            "dans des conditions adaptées, préparés en amont avec les candidats."
        ),
        "context": (
            "Les personnes en situation de handicap restent deux fois plus touchées par le "
            "chômage. Beaucoup renoncent aux salons de recrutement, bruyants et peu "
            "accessibles, et les employeurs disent manquer de candidatures."
        ),
        "objectives": (
            "Permettre des rencontres directes avec des recruteurs qui s'engagent à étudier "
            "chaque candidature ; garantir l'accessibilité ; ne jamais exiger de révéler un "
            "handicap."
        ),
        "method_steps": [
            "Recruter une douzaine d'employeurs avec Cap emploi, sur la base d'offres réelles "
            "et d'un engagement à répondre à chaque candidat.",
            "Organiser deux ateliers de préparation (présentation de soi, questions sur "
            "l'aménagement du poste) ouverts à tous, sans justificatif.",
            "Aménager le lieu : salle calme, parcours sans marche, interprète en langue des "
            "signes sur demande, horaires de passage pour éviter l'attente debout.",
            "Tenir des entretiens de quinze minutes, puis un espace conseil où les candidats "
            "peuvent revenir entre deux rencontres.",
            "Relancer les employeurs à un mois pour connaître les suites données.",
        ],
        "partners": "Cap emploi, France Travail, l'Agefiph, des employeurs du territoire, une "
        "association d'interprètes.",
        "resources_staff": "Trois conseillers de la Cité, deux de Cap emploi.",
        "resources_time": "Deux mois de préparation ; une matinée.",
        "resources_budget": "Environ 1 200 € (interprétariat, accueil).",
        "resources_tools": "Planning des entretiens, fiche d'accessibilité du lieu, fiches offres.",
        "duration": "Une matinée par an, en novembre.",
        "results_figures": (
            "13 employeurs, 96 candidats, 210 entretiens ; 17 embauches ou contrats en "
            "alternance connus à un mois."
        ),
        "results_text": (
            "Les candidats ont apprécié un cadre calme et le temps de préparation ; les "
            "employeurs ont rencontré des profils qu'ils ne voyaient pas dans les salons."
        ),
        "evaluation": "Questionnaire candidats et employeurs ; relance à un mois.",
        "success_factors": "Des offres réelles ; la préparation ; l'accessibilité pensée en amont.",
        "limits": "Les suites à plus long terme sont mal connues ; peu d'offres de cadres.",
        "transfer_conditions": "Un partenariat avec l'organisme spécialisé (Cap emploi ou "
        "équivalent) et un lieu accessible.",
        "sustainability": "Inscrit au calendrier annuel avec Cap emploi.",
    },
    rounds=(
        (
            DemoReview(
                "counsellor",
                (3, 3, 3, 4),
                "Bonne attention à l'éthique : pas de justificatif demandé.",
            ),
        ),
    ),
    followers=("vincent.morel",),
)

SENIORS_NUMERIQUE = DemoSheet(
    slug="mardis-du-clic-seniors",
    centre="saint-quentin-en-yvelines",
    author="yasmine.cherif",
    language="fr",
    practice_type="digital",
    poles=("emploi", "changer"),
    publics=("seniors", "jobseekers"),
    competences=("C2", "E2"),
    contact_name="Inès Haddad",
    contact_email="ines.haddad",
    days_ago=330,
    texts={
        "title": "Les mardis du clic : aide numérique pour les demandeurs d'emploi seniors",
        "summary": (
            "Chaque mardi matin, une médiatrice numérique et des bénévoles accompagnent les "
            "plus de 55 ans dans leurs démarches en ligne : espace personnel France Travail, "
            "candidatures, visioconférence."
        ),
        "context": (
            "La Cité des métiers développe depuis fin 2017 des activités de médiation et "
            "d'inclusion numérique. Les demandeurs d'emploi seniors sont nombreux à se sentir "
            "perdus devant la dématérialisation des démarches."
        ),
        "objectives": "Rendre les seniors autonomes dans leurs démarches en ligne ; éviter "
        "qu'ils renoncent à leurs droits ; reprendre confiance.",
        "method_steps": [
            "Accueillir sans inscription, par petits groupes de six au plus.",
            "Partir de la démarche que la personne doit faire ce jour-là, sur son propre "
            "appareil si elle en a un.",
            "Montrer, puis laisser faire : la médiatrice ne touche pas le clavier.",
            "Remettre une fiche pas à pas de la démarche réalisée.",
            "Proposer un entretien avec un conseiller pour les questions de projet.",
        ],
        "partners": "France Travail ; une association de bénévoles du numérique ; la "
        "médiathèque voisine.",
        "resources_staff": "Une médiatrice numérique, deux bénévoles.",
        "resources_time": "Une matinée par semaine.",
        "resources_budget": "Six ordinateurs portables déjà disponibles ; aucun coût "
        "supplémentaire.",
        "resources_tools": "Ordinateurs, fiches pas à pas, connexion wifi.",
        "duration": "Tous les mardis, de 9 h 30 à 12 h.",
        "results_figures": "410 passages sur l'année, 160 personnes différentes ; 70 % "
        "déclarent pouvoir refaire seules la démarche.",
        "results_text": "Les participants gagnent en autonomie et reviennent pour d'autres "
        "démarches ; certains deviennent à leur tour bénévoles.",
        "evaluation": "Question simple en fin de séance : « Pourriez-vous le refaire seul·e ? »",
        "success_factors": "Ne pas faire à la place ; partir d'une démarche réelle ; le petit "
        "groupe.",
        "limits": "Les personnes sans appareil personnel restent dépendantes.",
        "transfer_conditions": "Une personne formée à la médiation numérique et quelques "
        "ordinateurs.",
        "sustainability": "Financé dans le cadre du programme d'inclusion numérique local.",
    },
    rounds=((DemoReview("sandrine.lefevre", (4, 3, 4, 4), "Claire et utile."),),),
)

CAFES_CREATION = DemoSheet(
    slug="cafes-creation-entreprise",
    centre="geneve",
    author="lea.perret",
    language="fr",
    practice_type="workshop",
    poles=("creer",),
    publics=("entrepreneurs", "jobseekers", "employees"),
    competences=("B3", "C1", "D1"),
    contact_name="Léa Perret",
    contact_email="lea.perret",
    days_ago=150,
    texts={
        "title": "Les cafés création : parler de son projet d'entreprise autour d'une table",
        "summary": (
            "Un jeudi sur deux, en fin de journée, des porteurs de projet et des créateurs "
            "installés se retrouvent autour de petites tables animées par des conseillers "
            "en création, dans l'espace cafétéria de la Cité des métiers."
        ),
        "context": (
            "Les porteurs de projet hésitent à franchir la porte des organismes d'appui : "
            "ils craignent d'être jugés sur un projet encore flou. Les réunions "
            "d'information classiques leur laissent peu de place pour parler de leur idée."
        ),
        "objectives": (
            "Offrir un premier contact informel ; faire se rencontrer porteurs de projet et "
            "créateurs installés ; orienter vers le bon accompagnement."
        ),
        "method_steps": [
            "Installer quatre tables de six personnes, chacune animée par un conseiller en "
            "création ou un créateur installé.",
            "Ouvrir par un tour de table : chacun présente son idée en une minute.",
            "Laisser la table choisir deux projets à approfondir et les questionner.",
            "Présenter en fin de séance les permanences et formations à la création.",
        ],
        "partners": "La Fondation d'aide aux entreprises, l'office cantonal de l'emploi, des "
        "associations de créateurs.",
        "resources_staff": "Une conseillère de la Cité ; quatre animateurs de table.",
        "resources_time": "Deux heures toutes les deux semaines.",
        "resources_budget": "Boissons : environ 80 CHF par séance.",
        "resources_tools": "Fiches « premières questions à se poser », liste des permanences.",
        "duration": "Un jeudi sur deux, de 17 h 30 à 19 h 30.",
        "results_figures": "22 séances, 390 participants ; 45 % orientés ensuite vers un "
        "accompagnement.",
        "results_text": "Le format rassure et crée des liens durables entre créateurs.",
        "evaluation": "Comptage et questionnaire trimestriel.",
        "success_factors": "L'ambiance informelle ; la présence de créateurs installés.",
        "limits": "Les projets très avancés y trouvent moins leur compte.",
        "transfer_conditions": "Un espace convivial et des partenaires de la création.",
        "sustainability": "Intégré au programme régulier de la Cité.",
    },
    rounds=((DemoReview("iker.goikoetxea", (3, 3, 4, 4), "Clear and easy to reuse."),),),
    comments=(
        DemoComment(
            "claire.ruggieri",
            "Nous faisons un format proche à Marseille avec la BGE ; je vous envoie notre "
            "fiche « premières questions ».",
            20,
        ),
    ),
)

CHARTE_PARTENAIRES = DemoSheet(
    slug="charte-engagement-partenaires",
    centre="bruxelles",
    author="sarah.vandenberghe",
    language="fr",
    practice_type="partnership",
    poles=("orient", "form", "emploi", "changer", "creer"),
    publics=("professionals",),
    competences=("D1", "E1"),
    contact_name="Sarah Vandenberghe",
    contact_email="sarah.vandenberghe",
    days_ago=380,
    texts={
        "title": "Une charte d'engagement commune à tous les partenaires de la Cité",
        "summary": (
            "Une charte de deux pages, écrite avec les partenaires et signée par chacun, "
            "fixe les règles communes : gratuité, anonymat, information complète sans "
            "promotion de sa propre institution, présence aux permanences."
        ),
        "context": (
            "Une vingtaine de partenaires détachent du personnel à la Cité des métiers. "
            "Chacun apportait ses habitudes : demande de noms, promotion de ses propres "
            "formations, absences non remplacées."
        ),
        "objectives": "Partager les principes de la charte du réseau ; clarifier les "
        "engagements de chacun ; disposer d'un texte de référence en cas de difficulté.",
        "method_steps": [
            "Relire ensemble la charte du Réseau des Cités des métiers en atelier.",
            "Lister en sous-groupes les situations difficiles vécues aux permanences.",
            "Rédiger une charte courte avec des engagements concrets.",
            "La faire signer par la direction de chaque partenaire et la remettre à chaque "
            "nouvel arrivant.",
            "La relire chaque année en comité des partenaires.",
        ],
        "partners": "Actiris, Bruxelles Formation, le VDAB, les services d'orientation "
        "scolaire et une vingtaine d'autres partenaires.",
        "resources_staff": "La directrice et une chargée de partenariats.",
        "resources_time": "Trois ateliers de deux heures.",
        "resources_budget": "Aucun.",
        "resources_tools": "Charte du Réseau, animation en sous-groupes.",
        "duration": "Rédigée en trois mois ; relue chaque année.",
        "results_figures": "21 partenaires signataires sur 21 ; 3 situations de désaccord "
        "réglées grâce à la charte la première année.",
        "results_text": "Les nouveaux arrivants comprennent plus vite le fonctionnement "
        "multi-partenaires.",
        "evaluation": "Relecture annuelle et recensement des difficultés.",
        "success_factors": "Écrite avec les conseillers, pas seulement les directions.",
        "limits": "La charte n'a pas de force contraignante.",
        "transfer_conditions": "Un comité des partenaires qui se réunit régulièrement.",
        "sustainability": "Annexée aux conventions de partenariat.",
    },
    rounds=((DemoReview("thomas.lebrun", (4, 2, 4, 4), "Très transférable."),),),
    followers=("thomas.lebrun", "julie.lambotte"),
)

FEMMES_INDUSTRIE = DemoSheet(
    slug="femmes-metiers-industrie",
    centre="la-reunion",
    author="nathalie.payet",
    language="fr",
    practice_type="outreach",
    poles=("orient", "form", "emploi"),
    publics=("jobseekers", "young_people", "employees"),
    competences=("B2", "D1", "E2"),
    contact_name="Nathalie Payet",
    contact_email="nathalie.payet",
    days_ago=90,
    texts={
        "title": "Femmes et métiers de l'industrie : visites d'usines et marraines",
        "summary": (
            "Des visites d'entreprises industrielles réservées aux femmes, guidées par des "
            "salariées qui deviennent ensuite les marraines des participantes pendant leur "
            "formation."
        ),
        "context": (
            "Les entreprises industrielles de l'île recrutent (maintenance, conduite de "
            "ligne, électricité), mais reçoivent très peu de candidatures féminines. Les "
            "femmes reçues à la Cité écartent souvent ces métiers par méconnaissance."
        ),
        "objectives": "Faire découvrir les métiers de l'industrie aux femmes ; lever les "
        "stéréotypes ; accompagner jusqu'à l'entrée en formation.",
        "method_steps": [
            "Repérer avec l'union des industries cinq entreprises volontaires et une salariée "
            "marraine dans chacune.",
            "Présenter les visites lors d'ateliers à la Cité et dans les antennes.",
            "Organiser des visites de demi-journée par groupes de dix, avec une mise en "
            "situation sur un poste.",
            "Proposer un entretien de conseil dans la semaine qui suit.",
            "Mettre en relation chaque participante qui entre en formation avec une marraine.",
        ],
        "partners": "L'union des industries de La Réunion, France Travail, la Région, des "
        "organismes de formation.",
        "resources_staff": "Une conseillère coordinatrice ; cinq marraines.",
        "resources_time": "Une demi-journée par visite.",
        "resources_budget": "Transport en car : environ 350 € par visite.",
        "resources_tools": "Programme des visites, fiches métiers, équipements de sécurité prêtés.",
        "duration": "Cinq visites par semestre.",
        "results_figures": "10 visites, 94 participantes ; 23 entrées en formation industrielle "
        "dans l'année.",
        "results_text": "Les participantes disent avoir changé de regard sur ces métiers ; les "
        "marraines sont un appui précieux pendant la formation.",
        "evaluation": "Suivi des entrées en formation à six mois avec l'accord des participantes.",
        "success_factors": "La mise en situation sur un poste ; des marraines qui font le même "
        "métier.",
        "limits": "Le transport reste un frein ; les marraines ont peu de temps.",
        "transfer_conditions": "Des entreprises industrielles volontaires et un financement "
        "du transport.",
        "sustainability": "Convention avec l'union des industries pour trois ans.",
    },
    rounds=(
        (
            DemoReview("mariama.attoumani", (4, 3, 3, 4), "Nous aimerions la reprendre."),
            DemoReview("mehdi.bensalem", (3, 3, 3, 3), "Bonne fiche."),
        ),
    ),
    translations=(
        DemoTranslation(
            "en",
            "nathalie.payet",
            {
                "title": "Women and industrial jobs: factory visits and mentors",
                "summary": (
                    "Visits of industrial companies for women only, guided by women "
                    "employees who then mentor the participants during their training."
                ),
            },
            TranslationStatus.DRAFT,
        ),
    ),
)

VISITES_CLASSES = DemoSheet(
    slug="visites-de-classes-parcours-en-trois-temps",
    centre="namur",
    author="julie.lambotte",
    language="fr",
    practice_type="workshop",
    poles=("orient",),
    publics=("pupils",),
    competences=("A2", "C1"),
    contact_name="Julie Lambotte",
    contact_email="julie.lambotte",
    status=PracticeStatus.CHANGES_REQUESTED,
    days_ago=12,
    texts={
        "title": "Visites de classes : un parcours en trois temps",
        "summary": (
            "Les classes de fin de secondaire découvrent la Cité des métiers en trois temps : "
            "un jeu de piste dans la documentation, une rencontre avec un professionnel et un "
            "temps de retour en classe."
        ),
        "context": (
            "Les écoles demandent des visites, mais les élèves repartaient avec peu de choses "
            "d'une visite guidée classique."
        ),
        "objectives": "Rendre les élèves actifs ; leur apprendre à utiliser la documentation ; "
        "leur faire rencontrer un professionnel.",
        "method_steps": [
            "Jeu de piste dans la documentation en équipes.",
            "Rencontre avec un professionnel.",
            "Retour en classe avec l'enseignant.",
        ],
        "partners": "Les écoles, le centre PMS, des professionnels bénévoles.",
        "resources_staff": "Deux animatrices.",
        "resources_time": "Deux heures par classe.",
        "resources_budget": "Non chiffré.",
        "resources_tools": "Livret de jeu de piste.",
        "duration": "Toute l'année scolaire.",
        "results_figures": "Une quarantaine de classes.",
        "results_text": "Les enseignants sont satisfaits.",
        "evaluation": "Retours oraux des enseignants.",
        "success_factors": "Le jeu de piste.",
        "limits": "Peu de professionnels disponibles.",
        "transfer_conditions": "Une documentation en libre accès.",
        "sustainability": "À consolider.",
    },
    rounds=(
        (
            DemoReview(
                "maelle.guillou",
                (2, 1, 2, 4),
                "L'idée est bonne, mais la fiche est trop succincte pour être reprise : "
                "détaillez le jeu de piste (questions, durée, taille des équipes) et donnez "
                "des résultats mesurés, même simples (nombre d'élèves, questionnaire).",
                (
                    ("clarity", "Les étapes tiennent en une ligne chacune."),
                    (
                        "evidence",
                        "« Une quarantaine de classes » : combien d'élèves ? Quelle évaluation ?",
                    ),
                    ("transferability", "Joindre le livret du jeu de piste."),
                ),
                asks_changes=True,
            ),
        ),
    ),
)

TABLEAU_DE_BORD = DemoSheet(
    slug="tableau-de-bord-activite-partage",
    centre="normandie",
    author="thomas.lebrun",
    language="fr",
    practice_type="partnership",
    poles=("orient", "form", "emploi", "changer", "creer"),
    publics=("professionals",),
    competences=("D3",),
    contact_name="Thomas Lebrun",
    contact_email="thomas.lebrun",
    status=PracticeStatus.DRAFT,
    days_ago=20,
    texts={
        "title": "Un tableau de bord d'activité partagé entre les partenaires",
        "summary": (
            "Chaque partenaire saisit le même comptage anonyme de ses permanences ; un tableau "
            "de bord commun est présenté chaque trimestre en comité."
        ),
        "context": (
            "Chaque partenaire comptait à sa façon ; le rapport annuel demandé pour le label "
            "était long à compiler."
        ),
        "objectives": "Un comptage commun ; un tableau de bord trimestriel ; un rapport annuel "
        "prêt sans effort.",
        "method_steps": [
            "Définir ensemble les rubriques du comptage (tranche horaire, pôle, statut, thème).",
            "Saisir chaque jour sur le même formulaire.",
            "Présenter le tableau de bord en comité chaque trimestre.",
        ],
        "partners": "Les partenaires des permanences : France Travail, missions locales, CIO, "
        "Transitions Pro, chambres consulaires.",
        "resources_staff": "Un chargé de mission à mi-temps pendant la mise en place.",
        "resources_time": "Deux mois pour s'accorder sur les rubriques.",
        "resources_budget": "À préciser (formulaire en ligne).",
        "resources_tools": "Formulaire de comptage anonyme, tableur partagé.",
        "duration": "En test depuis trois mois.",
        "results_figures": "À compléter après le premier trimestre complet.",
        "results_text": "Premiers retours : la saisie prend moins d'une minute par passage.",
        "evaluation": "Comparaison avec les comptages précédents de chaque partenaire.",
        "success_factors": "Des rubriques décidées ensemble.",
        "limits": "Certains partenaires doivent aussi saisir dans leur propre outil.",
        "transfer_conditions": "À rédiger.",
        "sustainability": "À rédiger.",
    },
)

PERMANENCE_VAE = DemoSheet(
    slug="permanence-vae-sans-rendez-vous",
    centre="paris-la-villette",
    author="vincent.morel",
    language="fr",
    practice_type="counselling",
    poles=("changer",),
    publics=("employees", "jobseekers"),
    competences=("B2", "B3"),
    contact_name="Vincent Morel",
    contact_email="vincent.morel",
    status=PracticeStatus.SUBMITTED,
    days_ago=3,
    texts={
        "title": "Une permanence VAE sans rendez-vous",
        "summary": (
            "Deux après-midi par semaine, un conseiller spécialisé répond sans rendez-vous aux "
            "questions sur la validation des acquis de l'expérience et aide à vérifier la "
            "recevabilité d'un projet."
        ),
        "context": (
            "Les questions sur la VAE arrivent à tous les pôles et demandent des connaissances "
            "précises (certifications, livret 1, financement). Les délais de rendez-vous chez "
            "les points relais décourageaient une partie des personnes."
        ),
        "objectives": "Donner une première réponse fiable le jour même ; repérer les projets "
        "recevables ; orienter vers l'accompagnement adapté.",
        "method_steps": [
            "Tenir la permanence dans le pôle « Changer sa vie professionnelle ».",
            "Partir de l'expérience de la personne et identifier les certifications visées.",
            "Vérifier avec elle les conditions de recevabilité (durée d'expérience, activités).",
            "Montrer le livret de recevabilité et les étapes suivantes.",
            "Orienter vers un accompagnateur VAE et les financements possibles.",
        ],
        "partners": "France VAE, Transitions Pro, les certificateurs.",
        "resources_staff": "Un conseiller spécialisé VAE.",
        "resources_time": "Deux demi-journées par semaine.",
        "resources_budget": "Aucun budget propre.",
        "resources_tools": "Répertoire des certifications, livret de recevabilité.",
        "duration": "Mardi et jeudi après-midi, depuis un an.",
        "results_figures": "Environ 35 personnes par semaine ; 60 % repartent avec une "
        "certification ciblée.",
        "results_text": "Les personnes gagnent du temps et arrivent mieux préparées chez "
        "l'accompagnateur.",
        "evaluation": "Comptage anonyme et questionnaire de sortie.",
        "success_factors": "Un conseiller qui connaît bien les certifications.",
        "limits": "La réforme de la VAE change souvent les règles.",
        "transfer_conditions": "Un conseiller formé à la VAE.",
        "sustainability": "Intégrée au planning du pôle.",
    },
)

SHEETS = (
    QUIZ_BOITIERS,
    SPEED_MEETING_ALTERNANCE,
    JOB_DATING_HANDICAP,
    SENIORS_NUMERIQUE,
    CAFES_CREATION,
    CHARTE_PARTENAIRES,
    FEMMES_INDUSTRIE,
    VISITES_CLASSES,
    TABLEAU_DE_BORD,
    PERMANENCE_VAE,
)
