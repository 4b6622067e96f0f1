"""Demo sheets written in English (Barcelona, Irun), Danish and Bulgarian.

The Danish sheets were written up by the network-wide editor from the Danish partner of
COCADE after job-shadowing visits; the Bulgarian ones by a Bulgarian-speaking counsellor of
Porta 22 in Barcelona."""

from __future__ import annotations

from cocade.practices.demo.spec import (
    DemoComment,
    DemoReview,
    DemoSheet,
    DemoTranslation,
    DemoTrial,
)
from cocade.practices.enums import PracticeStatus, TranslationStatus

JOB_CLUB = DemoSheet(
    slug="weekly-job-club-long-term-jobseekers",
    centre="barcelona",
    author="jordi.serra",
    language="en",
    practice_type="workshop",
    poles=("emploi",),
    publics=("jobseekers", "fewer_opportunities"),
    competences=("C1", "E2", "E3"),
    contact_name="Jordi Serra",
    contact_email="jordi.serra",
    days_ago=400,
    texts={
        "title": "A weekly job club for long-term jobseekers",
        "summary": (
            "A group of ten to twelve long-term jobseekers meets every week for three months: "
            "each member sets a goal for the week, the group reviews progress together, and "
            "a counsellor brings job offers and employers."
        ),
        "context": (
            "Long-term jobseekers often lose their routine and their confidence. One-to-one "
            "interviews every few weeks were not enough to keep them active, and many felt "
            "isolated."
        ),
        "objectives": (
            "- Restore a weekly routine of job search.\n"
            "- Use peer support to keep motivation up.\n"
            "- Put members in direct contact with employers."
        ),
        "method_steps": [
            "Form a closed group of ten to twelve people for twelve weeks, recruited at the "
            "reception desk and through partners.",
            "Open each session with a round: what I did last week, what I will do this week.",
            "Work on one theme per session (hidden job market, phone calls, networking, "
            "interviews) for forty-five minutes.",
            "Invite an employer or a recruiter every third session.",
            "Close with individual goals written on the group's board and reviewed the next week.",
        ],
        "partners": "The Catalan public employment service, local employers, social services.",
        "resources_staff": "One counsellor per group; guest employers.",
        "resources_time": "Two and a half hours a week for twelve weeks.",
        "resources_budget": "Coffee and printing only.",
        "resources_tools": "A shared board of goals, themed worksheets, job offers of the week.",
        "duration": "Three groups a year, twelve weeks each.",
        "results_figures": (
            "9 groups over three years, 101 members; 47% found a job or training within six "
            "months of the end of their group."
        ),
        "results_text": (
            "Members say the group gave them a reason to get up and a network. Several groups "
            "kept meeting on their own after the twelve weeks."
        ),
        "evaluation": "Attendance, a confidence scale at the start and the end, and a phone "
        "call after six months for those who agreed.",
        "success_factors": "A closed group; weekly written goals; employers as guests.",
        "limits": "Members who find a job leave the group, which can discourage the others.",
        "transfer_conditions": "A room for twelve people and a counsellor trained in group "
        "facilitation.",
        "sustainability": "Part of Porta 22's yearly programme.",
    },
    rounds=((DemoReview("karim.benhamou", (4, 3, 4, 4), "Très clair, bravo."),),),
    translations=(
        DemoTranslation(
            "fr",
            "lea.perret",
            {
                "title": "Un club hebdomadaire de recherche d'emploi pour les demandeurs "
                "d'emploi de longue durée",
                "summary": (
                    "Un groupe de dix à douze demandeurs d'emploi de longue durée se réunit "
                    "chaque semaine pendant trois mois : chacun se fixe un objectif pour la "
                    "semaine, le groupe fait le point ensemble, et un conseiller apporte des "
                    "offres et fait venir des employeurs."
                ),
                "context": (
                    "Les demandeurs d'emploi de longue durée perdent souvent leur rythme et "
                    "leur confiance. Un entretien individuel toutes les quelques semaines ne "
                    "suffisait pas à les garder actifs, et beaucoup se sentaient isolés."
                ),
                "objectives": (
                    "- Retrouver une routine hebdomadaire de recherche d'emploi.\n"
                    "- S'appuyer sur le groupe pour garder la motivation.\n"
                    "- Mettre les membres en contact direct avec des employeurs."
                ),
                "method_steps": [
                    "Constituer un groupe fermé de dix à douze personnes pour douze semaines, "
                    "recrutées à l'accueil et par les partenaires.",
                    "Ouvrir chaque séance par un tour : ce que j'ai fait la semaine passée, ce "
                    "que je ferai cette semaine.",
                    "Travailler un thème par séance (marché caché, appels téléphoniques, "
                    "réseau, entretiens) pendant quarante-cinq minutes.",
                    "Inviter un employeur ou un recruteur toutes les trois séances.",
                    "Terminer par des objectifs individuels écrits au tableau du groupe et "
                    "revus la semaine suivante.",
                ],
                "partners": "Le service public de l'emploi de Catalogne, des employeurs "
                "locaux, les services sociaux.",
                "resources_staff": "Un conseiller par groupe ; des employeurs invités.",
                "resources_time": "Deux heures et demie par semaine pendant douze semaines.",
                "resources_budget": "Café et impressions seulement.",
                "resources_tools": "Un tableau d'objectifs partagé, des fiches par thème, les "
                "offres de la semaine.",
                "duration": "Trois groupes par an, de douze semaines chacun.",
                "results_figures": (
                    "9 groupes en trois ans, 101 membres ; 47 % ont trouvé un emploi ou une "
                    "formation dans les six mois suivant la fin de leur groupe."
                ),
                "results_text": (
                    "Les membres disent que le groupe leur a donné une raison de se lever et "
                    "un réseau. Plusieurs groupes ont continué à se réunir seuls après les "
                    "douze semaines."
                ),
                "evaluation": "Assiduité, échelle de confiance au début et à la fin, appel à "
                "six mois pour les personnes qui l'ont accepté.",
                "success_factors": "Un groupe fermé ; des objectifs écrits chaque semaine ; "
                "des employeurs invités.",
                "limits": "Les membres qui trouvent un emploi quittent le groupe, ce qui peut "
                "décourager les autres.",
                "transfer_conditions": "Une salle pour douze personnes et un conseiller formé "
                "à l'animation de groupe.",
                "sustainability": "Inscrit au programme annuel de Porta 22.",
            },
        ),
    ),
    followers=("karim.benhamou", "mariana.teixeira"),
)

CROSS_BORDER_FAIR = DemoSheet(
    slug="cross-border-job-fair-bidasoa",
    centre="irun",
    author="iker.goikoetxea",
    language="en",
    practice_type="event",
    poles=("emploi", "form"),
    publics=("jobseekers", "young_people", "employers"),
    competences=("A3", "D1"),
    contact_name="Ainhoa Etxeberria Lasa",
    contact_email="ainhoa.etxeberria.lasa",
    days_ago=230,
    texts={
        "title": "A cross-border job fair for the Bidasoa area",
        "summary": (
            "Once a year, employers and training providers from both sides of the "
            "French-Spanish border meet jobseekers from Irun, Hondarribia and Hendaye, with "
            "bilingual counsellors and information on working across the border."
        ),
        "context": (
            "The Bidasoa area is one labour market split by a border. Employers on the French "
            "side lack staff while young people on the Spanish side look for work, but "
            "language, social security and tax rules put people off."
        ),
        "objectives": "Make the cross-border labour market visible; answer practical "
        "questions on working across the border; match offers and candidates.",
        "method_steps": [
            "Collect offers from employers on both sides with the cross-border EURES partnership.",
            "Hold two preparation workshops: French for the job search, and cross-border "
            "rights (social security, tax, transport).",
            "On the day, set up employer stands, a bilingual counselling corner and a desk "
            "on cross-border rights.",
            "Follow up with employers one month later.",
        ],
        "partners": "The cross-border EURES partnership, the French and Spanish employment "
        "services, the chambers of commerce of both sides, the local councils.",
        "resources_staff": "Six counsellors, two of them bilingual; EURES advisers.",
        "resources_time": "Three months of preparation; one day.",
        "resources_budget": "About €6,000, shared between the partners.",
        "resources_tools": "A bilingual guide to working across the border, offers board.",
        "duration": "One day a year, in spring.",
        "results_figures": "38 employers, 720 visitors; 64 hires known after three months, 21 "
        "of them across the border.",
        "results_text": "Visitors discover employers they did not know existed a few "
        "kilometres away.",
        "evaluation": "Visitor count, employer questionnaire, follow-up of hires.",
        "success_factors": "The rights desk; bilingual counsellors; shared funding.",
        "limits": "Follow-up of hires depends on the employers' answers.",
        "transfer_conditions": "Relevant for any border area; needs partners on both sides.",
        "sustainability": "Agreement between the partners renewed every three years.",
    },
    rounds=((DemoReview("thomas.lebrun", (3, 3, 3, 4), "Good; specific to border areas."),),),
)

DIGITAL_PASSPORT = DemoSheet(
    slug="digital-skills-passport-young-people",
    centre="barcelona",
    author="jordi.serra",
    language="en",
    practice_type="digital",
    poles=("orient", "emploi"),
    publics=("young_people", "fewer_opportunities"),
    competences=("C2", "E2"),
    contact_name="Jordi Serra",
    contact_email="jordi.serra",
    status=PracticeStatus.IN_REVIEW,
    days_ago=15,
    texts={
        "title": "A digital skills passport for young people",
        "summary": (
            "Young people not in education or employment earn stamps in a digital skills "
            "passport by completing short, practical challenges (secure email, online "
            "application, video interview) with a mediator."
        ),
        "context": (
            "Young people are at ease with social networks but not with the digital tasks of "
            "a job search."
        ),
        "objectives": "Build job-search digital skills; give young people something to show "
        "employers.",
        "method_steps": [
            "Assess the young person's skills with a ten-minute quiz.",
            "Choose three challenges together.",
            "Complete each challenge with a mediator, then alone.",
            "Stamp the passport and add it to the CV.",
        ],
        "partners": "Youth services, a digital inclusion association.",
        "resources_staff": "Two digital mediators.",
        "resources_time": "Ninety-minute sessions.",
        "resources_budget": "Printing of passports.",
        "resources_tools": "Challenge cards, laptops, the passport booklet.",
        "duration": "Twice a week.",
        "results_figures": "140 young people in six months; 2.8 stamps each on average.",
        "results_text": "Young people are proud to show the passport.",
        "evaluation": "Stamps earned; short questionnaire.",
        "success_factors": "Short, concrete challenges.",
        "limits": "Employers do not know the passport yet.",
        "transfer_conditions": "Digital mediators and a set of laptops.",
        "sustainability": "Funded until the end of the year.",
    },
    rounds=(
        (
            DemoReview(
                "yasmine.cherif",
                (3, 2, 4, 4),
                "Bonne idée, facile à reprendre. Les résultats gagneraient à être suivis "
                "dans le temps.",
            ),
            DemoReview("sandrine.lefevre", None),
        ),
    ),
)

CHATVEJLEDNING = DemoSheet(
    slug="chatvejledning-med-kort-svartid",
    centre="normandie",
    author="mette.kjaer.sorensen",
    language="da",
    practice_type="digital",
    poles=("orient", "form", "emploi", "changer"),
    publics=("young_people", "employees", "jobseekers", "students"),
    competences=("B1", "C2", "E1"),
    contact_name="Thomas Lebrun",
    contact_email="thomas.lebrun",
    days_ago=270,
    editor="coordinator",
    texts={
        "title": "Chatvejledning med kort svartid",
        "summary": (
            "Vejledere fra centrets partnere besvarer spørgsmål om uddannelse, job og "
            "karriereskift i en anonym chat på hjemmesiden, på hverdage kl. 10–20. Målet er "
            "et første svar inden for fem minutter."
        ),
        "context": (
            "Cité des métiers de Normandie dækker en stor region med mange landdistrikter. "
            "Mange brugere kan ikke komme til centret i åbningstiden, og telefonen var ofte "
            "optaget. Under Erasmus+-projektet COCADE præsenterede UCC Professionshøjskolen "
            "den danske nationale eVejledning, hvor vejledere svarer via chat, telefon og "
            "e-mail, og centret besluttede at afprøve en chat efter samme model. "
            "Beskrivelsen er skrevet af UCC efter et jobskygningsbesøg."
        ),
        "objectives": (
            "- Give et første svar hurtigt, uden tidsbestilling og uden registrering.\n"
            "- Nå brugere, der bor langt fra centret eller arbejder i dagtimerne.\n"
            "- Henvise til et personligt møde, når spørgsmålet kræver det."
        ),
        "method_steps": [
            "Vælg et chatværktøj, der ikke kræver login, og som ikke gemmer brugerens navn "
            "eller IP-adresse.",
            "Sammensæt et hold af seks vejledere fra partnerne, som tager vagter på to timer "
            "ved siden af deres øvrige arbejde.",
            "Udarbejd fælles standardsvar til de hyppigste spørgsmål og en guide til, hvornår "
            "samtalen skal henvises videre.",
            "Besvar henvendelserne i rækkefølge; hvis ventetiden overstiger fem minutter, "
            "tilbydes brugeren at blive ringet op.",
            "Afslut hver samtale med links til relevante ressourcer og, hvis det giver "
            "mening, en invitation til et møde i centret.",
            "Gennemgå hver måned anonymiserede samtaler i holdet for at forbedre svarene.",
        ],
        "partners": (
            "France Travail, missions locales, CIO, Transitions Pro og regionens "
            "vejledningsnetværk; UCC Professionshøjskolen (Danmark) som sparringspartner "
            "under COCADE."
        ),
        "resources_staff": "Seks vejledere på skift og en koordinator på halv tid.",
        "resources_time": "Tre måneders forberedelse; 50 vagttimer om ugen.",
        "resources_budget": "Licens til chatværktøjet: ca. 3.000 € om året.",
        "resources_tools": "Chatværktøj uden login, fælles bank af standardsvar, henvisningsguide.",
        "duration": "Hverdage kl. 10–20, siden forsøgets start for to år siden.",
        "results_figures": (
            "Ca. 5.400 chatsamtaler det første år; median ventetid 3 minutter; 22 % af "
            "samtalerne førte til et møde i centret eller hos en partner."
        ),
        "results_text": (
            "Chatten når især unge og beskæftigede, som sjældent kommer i centret. "
            "Vejlederne oplever, at spørgsmålene er mere personlige end ved skranken, fordi "
            "brugerne er anonyme."
        ),
        "evaluation": (
            "Månedlig statistik fra værktøjet (antal, ventetid, varighed) og et frivilligt "
            "spørgeskema med ét spørgsmål efter samtalen."
        ),
        "success_factors": (
            "- Vagter, der passer ind i vejledernes øvrige arbejde.\n"
            "- Fælles standardsvar, som holdet selv vedligeholder.\n"
            "- Klare regler for henvisning."
        ),
        "limits": (
            "Skriftlig vejledning er svær for brugere med læse- og skrivevanskeligheder; om "
            "aftenen er der nogle gange kø."
        ),
        "transfer_conditions": (
            "Kræver et værktøj, der overholder GDPR, og partnere, der vil afgive "
            "vejledertimer. Mindre centre kan bruge modellen, hvis flere centre deler "
            "vagtplanen."
        ),
        "sustainability": "Indgår nu i centrets faste tilbud og finansieres af regionen.",
    },
    rounds=(
        (
            DemoReview(
                "chiara.ferrari",
                (4, 4, 4, 4),
                "Excellent and very well documented; the anonymity rules are exemplary.",
            ),
        ),
    ),
    translations=(
        DemoTranslation(
            "fr",
            "thomas.lebrun",
            {
                "title": "Le conseil par chat, avec une réponse rapide",
                "summary": (
                    "Des conseillers des partenaires de la Cité répondent aux questions sur la "
                    "formation, l'emploi et la reconversion dans un chat anonyme sur le site, "
                    "les jours ouvrables de 10 h à 20 h. Objectif : une première réponse en "
                    "moins de cinq minutes."
                ),
                "context": (
                    "La Cité des métiers de Normandie couvre une grande région, en grande "
                    "partie rurale. Beaucoup d'usagers ne peuvent pas venir aux heures "
                    "d'ouverture, et le téléphone était souvent occupé. Pendant le projet "
                    "Erasmus+ COCADE, UCC Professionshøjskolen a présenté le service national "
                    "danois eVejledning, où des conseillers répondent par chat, téléphone et "
                    "courriel ; la Cité a décidé d'essayer un chat sur ce modèle. La fiche a "
                    "été écrite par UCC après une visite d'observation."
                ),
                "objectives": (
                    "- Donner une première réponse rapide, sans rendez-vous ni inscription.\n"
                    "- Toucher les usagers éloignés ou qui travaillent en journée.\n"
                    "- Proposer un rendez-vous en personne quand la question le demande."
                ),
                "method_steps": [
                    "Choisir un outil de chat sans compte, qui n'enregistre ni le nom ni "
                    "l'adresse IP de l'usager.",
                    "Constituer une équipe de six conseillers des partenaires, qui tiennent "
                    "des créneaux de deux heures à côté de leur travail habituel.",
                    "Écrire des réponses types communes aux questions fréquentes et un guide "
                    "qui dit quand orienter vers un entretien.",
                    "Répondre dans l'ordre d'arrivée ; au-delà de cinq minutes d'attente, "
                    "proposer à l'usager d'être rappelé.",
                    "Terminer chaque échange par des liens utiles et, si c'est pertinent, une "
                    "invitation à venir à la Cité.",
                    "Relire chaque mois en équipe des échanges anonymisés pour améliorer les "
                    "réponses.",
                ],
                "partners": (
                    "France Travail, missions locales, CIO, Transitions Pro et le réseau "
                    "régional de l'orientation ; UCC Professionshøjskolen (Danemark), "
                    "partenaire d'échange pendant COCADE."
                ),
                "resources_staff": "Six conseillers en roulement et un coordinateur à mi-temps.",
                "resources_time": "Trois mois de préparation ; 50 heures de permanence par "
                "semaine.",
                "resources_budget": "Licence de l'outil de chat : environ 3 000 € par an.",
                "resources_tools": "Outil de chat sans compte, banque de réponses types, "
                "guide d'orientation.",
                "duration": "Jours ouvrables de 10 h à 20 h, depuis le début de "
                "l'expérimentation il y a deux ans.",
                "results_figures": (
                    "Environ 5 400 conversations la première année ; attente médiane de 3 "
                    "minutes ; 22 % des conversations ont débouché sur un rendez-vous à la "
                    "Cité ou chez un partenaire."
                ),
                "results_text": (
                    "Le chat touche surtout des jeunes et des salariés, qui viennent rarement "
                    "à la Cité. Les conseillers trouvent les questions plus personnelles "
                    "qu'au comptoir, parce que les usagers sont anonymes."
                ),
                "evaluation": (
                    "Statistiques mensuelles de l'outil (nombre, attente, durée) et une "
                    "question facultative posée à la fin de l'échange."
                ),
                "success_factors": (
                    "- Des créneaux compatibles avec le reste du travail des conseillers.\n"
                    "- Des réponses types entretenues par l'équipe elle-même.\n"
                    "- Des règles claires d'orientation."
                ),
                "limits": (
                    "Le conseil écrit est difficile pour les personnes qui lisent ou écrivent "
                    "mal ; le soir, il y a parfois de l'attente."
                ),
                "transfer_conditions": (
                    "Il faut un outil conforme au RGPD et des partenaires prêts à donner des "
                    "heures de conseil. Des centres plus petits peuvent mutualiser les "
                    "permanences."
                ),
                "sustainability": "Fait désormais partie de l'offre permanente de la Cité, "
                "financé par la Région.",
            },
        ),
    ),
    comments=(
        DemoComment(
            "chiara.ferrari",
            "In our experience video works better for long questions, chat for quick ones. "
            "We will try a chat next year.",
            45,
        ),
    ),
    trials=(
        DemoTrial(
            "nuno.carvalho",
            "Cidade das Profissões, Porto: chat test during the summer months.",
            "About 300 conversations in two months; mostly students asking about courses.",
            "Only three evening slots a week, staffed by two counsellors.",
            150,
        ),
    ),
    followers=("chiara.ferrari", "nuno.carvalho", "coordinator"),
)

WALK_AND_TALK = DemoSheet(
    slug="walk-and-talk-parc-de-la-villette",
    centre="paris-la-villette",
    author="mette.kjaer.sorensen",
    language="da",
    practice_type="counselling",
    poles=("orient", "changer"),
    publics=("young_people", "jobseekers", "employees"),
    competences=("B1", "E2", "E3"),
    contact_name="Nadia Benali",
    contact_email="counsellor",
    days_ago=60,
    texts={
        "title": "Walk and talk: vejledningssamtaler på gåben i Parc de la Villette",
        "summary": (
            "Vejledningssamtaler på 45 minutter, hvor vejleder og bruger går en tur i parken "
            "i stedet for at sidde over for hinanden. Tilbuddet er inspireret af dansk "
            "praksis og afprøvet af Cité des métiers i Paris."
        ),
        "context": (
            "Nogle brugere, især unge mænd og personer i krise efter en fyring, har svært ved "
            "den klassiske samtale ved et bord. I Danmark bruger flere vejledningscentre "
            "walk and talk. Under et jobskygningsbesøg i Paris foreslog UCC "
            "Professionshøjskolen at afprøve formen i Parc de la Villette, som ligger lige "
            "uden for centret."
        ),
        "objectives": (
            "Gøre samtalen mindre formel; hjælpe brugere, der har svært ved at sætte ord på "
            "deres situation; tilbyde en anden form for vejledning uden ekstra omkostninger."
        ),
        "method_steps": [
            "Tilbyd walk and talk ved skranken som et alternativ til den siddende samtale, "
            "aldrig som et krav.",
            "Aftal på forhånd en fast rute på ca. 3 km med bænke undervejs og en variant, "
            "der er tilgængelig for kørestolsbrugere.",
            "Afklar formålet med samtalen, inden I går.",
            "Gå side om side og lad pauserne være naturlige; tag først noter efter turen.",
            "Afslut ved centret med at skrive de næste skridt ned sammen.",
        ],
        "partners": "Cité des métiers Paris-La Villette og dens partnere; UCC "
        "Professionshøjskolen (Danmark).",
        "resources_staff": "To vejledere, der er uddannet i metoden.",
        "resources_time": "45 minutter pr. samtale.",
        "resources_budget": "Ingen.",
        "resources_tools": "Rutekort, notesbog, regnslag.",
        "duration": "To formiddage om ugen fra april til oktober.",
        "results_figures": "86 samtaler i den første sæson; 9 ud af 10 deltagere ville vælge "
        "formen igen.",
        "results_text": (
            "Vejlederne oplever, at brugerne taler mere frit, når de ikke sidder over for "
            "hinanden. Formen passer især til samtaler om tvivl og omstilling."
        ),
        "evaluation": "Kort mundtlig evaluering efter hver samtale og fælles refleksion i "
        "vejlederteamet hver måned.",
        "success_factors": "Frivillighed; en kendt og sikker rute; vejledere, der er trygge "
        "ved formen.",
        "limits": "Vejret; fortroligheden kan være svær på travle stier; ikke egnet til "
        "samtaler, der kræver dokumenter eller computer.",
        "transfer_conditions": "Et grønt område tæt på centret og vejledere, der er trænet i "
        "metoden.",
        "sustainability": "Fortsætter som sæsontilbud.",
    },
    rounds=(
        (
            DemoReview(
                "counsellor",
                (3, 3, 4, 3),
                "Nous l'avons co-construite ; attention à la confidentialité sur les allées "
                "fréquentées.",
                (("ethics", "Préciser où s'arrêter pour les sujets sensibles."),),
            ),
        ),
    ),
    translations=(
        DemoTranslation(
            "en",
            "counsellor",
            {
                "title": "Walk and talk: guidance interviews on foot in the Parc de la Villette",
                "summary": (
                    "45-minute guidance interviews in which counsellor and visitor walk in the "
                    "park instead of sitting face to face. Inspired by Danish practice and "
                    "tried out by the Paris Cité des métiers."
                ),
            },
            TranslationStatus.READY,
        ),
    ),
)

EZIK_I_RABOTA = DemoSheet(
    slug="работилници-език-и-работа",
    centre="barcelona",
    author="desislava.petrova",
    language="bg",
    practice_type="workshop",
    poles=("emploi", "form"),
    publics=("migrants", "jobseekers"),
    competences=("A3", "E1", "E2"),
    contact_name="Desislava Petrova",
    contact_email="desislava.petrova",
    days_ago=340,
    texts={
        "title": "Работилници „Език и работа“ за българоговорящи търсещи работа",
        "summary": (
            "Седмични работилници на български език, в които българоговорящи жители на "
            "Барселона се запознават с пазара на труда, подготвят автобиография на испански "
            "и упражняват интервюта за работа."
        ),
        "context": (
            "В Барселона живее голяма българска общност. Много хора работят без договор или "
            "под квалификацията си, защото не познават системата и не владеят достатъчно "
            "испански или каталунски. Porta 22 получаваше все повече запитвания на български, "
            "а консултантите не можеха да отговорят."
        ),
        "objectives": (
            "- Да обясним на роден език как работи пазарът на труда и какви са правата на "
            "работника.\n"
            "- Да помогнем за изготвянето на автобиография и мотивационно писмо на испански.\n"
            "- Да насочим към езикови курсове и към признаване на дипломи."
        ),
        "method_steps": [
            "Работилницата се обявява чрез българските сдружения, неделното училище и "
            "социалните мрежи, без предварителна регистрация.",
            "Първата среща представя пазара на труда, видовете договори и правата на работника.",
            "На втората среща всеки подготвя автобиография на испански с помощта на шаблон и "
            "на консултант.",
            "Третата среща е симулация на интервю на испански, с обратна връзка на български.",
            "Накрая всеки получава индивидуална консултация и насочване към езиков курс, "
            "признаване на диплома или предложения за работа.",
        ],
        "partners": (
            "Barcelona Activa, българските културни сдружения в града, училище за възрастни "
            "по езици, службата по заетостта на Каталония (SOC)."
        ),
        "resources_staff": "Една консултантка, която говори български, и един консултант по "
        "заетост.",
        "resources_time": "Три срещи по два часа на цикъл.",
        "resources_budget": "Около 600 € годишно за материали и кафе.",
        "resources_tools": "Шаблон за автобиография, речник на професиите на испански и "
        "български, обяви за работа.",
        "duration": "Един цикъл всеки месец, в събота сутрин.",
        "results_figures": (
            "10 цикъла за една година, 134 участници; 41 души са започнали езиков курс, 29 "
            "са съобщили за трудов договор в рамките на три месеца."
        ),
        "results_text": (
            "Участниците казват, че за първи път са разбрали правата си като работници. "
            "Общността вече препоръчва работилниците от уста на уста."
        ),
        "evaluation": "Кратък анонимен въпросник в края на всеки цикъл; телефонно обаждане "
        "след три месеца със съгласието на участника.",
        "success_factors": "Родният език създава доверие; съботата е удобна за работещите; "
        "сдруженията помагат да се стигне до хората.",
        "limits": "Зависи от една консултантка, която говори български; каталунският език "
        "остава пречка за някои работни места.",
        "transfer_conditions": (
            "Може да се приложи за всяка голяма езикова общност, ако в екипа има човек, "
            "който говори езика, и има партньорство със сдруженията на общността."
        ),
        "sustainability": "Включено в годишната програма на Porta 22; подготвя се подобна "
        "работилница на румънски.",
    },
    rounds=(
        (
            DemoReview(
                "ines.fonseca",
                (4, 3, 4, 4),
                "Very close to our Portuguese-and-jobs workshops; clear and well evaluated.",
            ),
        ),
    ),
    translations=(
        DemoTranslation(
            "en",
            "jordi.serra",
            {
                "title": '"Language and work" workshops for Bulgarian-speaking jobseekers',
                "summary": (
                    "Weekly workshops in Bulgarian in which Bulgarian-speaking residents of "
                    "Barcelona learn how the labour market works, prepare a CV in Spanish and "
                    "practise job interviews."
                ),
                "context": (
                    "A large Bulgarian community lives in Barcelona. Many people work without "
                    "a contract or below their qualifications, because they do not know the "
                    "system and do not speak enough Spanish or Catalan. Porta 22 received "
                    "more and more requests in Bulgarian that counsellors could not answer."
                ),
                "objectives": (
                    "- Explain in the mother tongue how the labour market works and what "
                    "workers' rights are.\n"
                    "- Help write a CV and a cover letter in Spanish.\n"
                    "- Refer to language courses and to the recognition of diplomas."
                ),
                "method_steps": [
                    "Announce the workshop through Bulgarian associations, the Sunday school "
                    "and social networks, with no prior registration.",
                    "The first session presents the labour market, types of contract and "
                    "workers' rights.",
                    "At the second session everyone prepares a CV in Spanish with a template "
                    "and a counsellor.",
                    "The third session is a mock interview in Spanish, with feedback in Bulgarian.",
                    "Finally, each person has an individual interview and is referred to a "
                    "language course, diploma recognition or job offers.",
                ],
                "partners": (
                    "Barcelona Activa, the city's Bulgarian cultural associations, an adult "
                    "language school, the Catalan employment service (SOC)."
                ),
                "resources_staff": "One Bulgarian-speaking counsellor and one employment adviser.",
                "resources_time": "Three two-hour sessions per cycle.",
                "resources_budget": "About €600 a year for materials and coffee.",
                "resources_tools": "CV template, Spanish-Bulgarian glossary of occupations, "
                "job offers.",
                "duration": "One cycle a month, on Saturday mornings.",
                "results_figures": (
                    "10 cycles in one year, 134 participants; 41 started a language course, "
                    "29 reported an employment contract within three months."
                ),
                "results_text": (
                    "Participants say that for the first time they understood their rights "
                    "as workers. The community now recommends the workshops by word of mouth."
                ),
                "evaluation": "A short anonymous questionnaire at the end of each cycle; a "
                "phone call after three months with the participant's consent.",
                "success_factors": "The mother tongue builds trust; Saturdays suit working "
                "people; associations help reach people.",
                "limits": "It depends on one Bulgarian-speaking counsellor; Catalan remains "
                "a barrier for some jobs.",
                "transfer_conditions": (
                    "Works for any large language community, if someone in the team speaks "
                    "the language and there is a partnership with the community's "
                    "associations."
                ),
                "sustainability": "Part of Porta 22's yearly programme; a similar workshop "
                "in Romanian is being prepared.",
            },
        ),
    ),
    comments=(
        DemoComment(
            "ines.fonseca",
            "Fazemos o mesmo em português no Porto: podemos trocar os nossos glossários de "
            "profissões?",
            50,
        ),
    ),
    trials=(
        DemoTrial(
            "ines.fonseca",
            "Cidade das Profissões, Porto: workshops for Ukrainian-speaking newcomers.",
            "Three cycles, 38 participants; the mock interview was the most valued part.",
            "Run with an interpreter from a partner association.",
            120,
        ),
    ),
    followers=("ines.fonseca",),
)

NASTAVNICHESTVO = DemoSheet(
    slug="наставничество-за-нови-консултанти",
    centre="barcelona",
    author="desislava.petrova",
    language="bg",
    practice_type="partnership",
    poles=("orient", "form", "emploi", "changer", "creer"),
    publics=("professionals",),
    competences=("A1", "D1", "E3"),
    contact_name="Montserrat Vidal Puig",
    contact_email="montserrat.vidal.puig",
    days_ago=45,
    texts={
        "title": "Наставничество за новопостъпили консултанти: първите 100 дни",
        "summary": (
            "Всеки нов консултант в Porta 22 получава опитен наставник за първите 100 дни: "
            "наблюдение на консултации, съвместна работа на гишето и седмичен разговор за "
            "размисъл, свързан с рамката на компетентностите на мрежата."
        ),
        "context": (
            "Консултантите идват от различни партньорски организации и често не познават "
            "модела на Cité des métiers: анонимност, безплатност, работа без предварителна "
            "уговорка. По време на проекта COCADE мрежата разработи план за обучение на нови "
            "консултанти; Porta 22 го допълни с наставничество."
        ),
        "objectives": (
            "- Да улесним началото на новите консултанти.\n"
            "- Да предадем ценностите и практиките на интегрираното място.\n"
            "- Да свържем първите месеци с рамката на компетентностите."
        ),
        "method_steps": [
            "Преди пристигането: избор на наставник от друга партньорска организация и обща "
            "програма за 100 дни.",
            "Първите две седмици: новият консултант наблюдава консултации на гишето и в полюсите.",
            "Седмици 3–8: работа в двойка на гишето; наставникът води, после двамата се сменят.",
            "Всяка седмица: 30-минутен разговор за размисъл върху конкретен случай, без "
            "имена на потребители.",
            "На 100-ния ден: самооценка по рамката на компетентностите и план за развитие, "
            "обсъден с ръководителя.",
        ],
        "partners": "Партньорските организации на Porta 22; групата обучители-консултанти "
        "на мрежата.",
        "resources_staff": "По един наставник за всеки нов консултант.",
        "resources_time": "Около 2 часа седмично за наставника в продължение на три месеца.",
        "resources_budget": "Без допълнителни разходи; времето на наставника се признава от "
        "неговата организация.",
        "resources_tools": "Програма за 100 дни, дневник за размисъл, рамката на "
        "компетентностите „Консултант в интегрирано място“.",
        "duration": "100 дни за всеки нов консултант; прилага се от две години.",
        "results_figures": (
            "14 нови консултанти с наставник; 13 от 14 са останали повече от година; средната "
            "самооценка по блок А (Посрещане) се е повишила от 1,8 на 2,9 за 100 дни."
        ),
        "results_text": (
            "Новите консултанти казват, че бързо се чувстват част от екипа. Наставниците "
            "също учат, защото трябва да обяснят практиката си."
        ),
        "evaluation": "Самооценка по рамката в началото и на 100-ния ден; интервю с ръководителя.",
        "success_factors": "Наставник от друга организация; защитено време; връзка с рамката "
        "на компетентностите.",
        "limits": "Когато пристигат няколко души едновременно, наставниците не достигат.",
        "transfer_conditions": (
            "Подходящо за всяко интегрирано място с няколко партньора; нужни са съгласието "
            "на партньорите и обща рамка на компетентностите."
        ),
        "sustainability": "Включено в процедурата за посрещане на нови служители.",
    },
    rounds=(
        (
            DemoReview(
                "mette.kjaer.sorensen",
                (4, 3, 4, 4),
                "A very good example of using the framework for induction.",
            ),
        ),
    ),
    followers=("mette.kjaer.sorensen", "coordinator"),
)

SHEETS = (
    JOB_CLUB,
    CROSS_BORDER_FAIR,
    DIGITAL_PASSPORT,
    CHATVEJLEDNING,
    WALK_AND_TALK,
    EZIK_I_RABOTA,
    NASTAVNICHESTVO,
)
