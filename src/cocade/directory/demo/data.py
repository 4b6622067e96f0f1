"""Network-wide demo data: the network, the service themes, the five usual pôles and the
partner organisations. Organisations are real; their descriptions are short summaries."""

from __future__ import annotations

from typing import Any

NETWORK: dict[str, Any] = {
    "slug": "cdm",
    "original_language": "fr",
    "website": "https://www.reseaucitesdesmetiers.org",
    "email": "reseau@demo.cocade.example",
    "name": {
        "fr": "Réseau international des Cités des métiers",
        "en": "International Network of Cités des métiers",
        "pt": "Rede Internacional das Cidades das Profissões",
        "it": "Rete internazionale delle Città dei mestieri",
        "da": "Det internationale netværk af Cités des métiers",
        "bg": "Международна мрежа на „Cités des métiers“",
    },
    "description": {
        "fr": "Association créée en octobre 2001 qui fédère les Cités des métiers : des lieux "
        "intégrés d'accueil, d'information et de conseil sur la vie professionnelle, ouverts "
        "à tous, en accès libre, gratuit et anonyme. Le réseau fédère, professionnalise les "
        "équipes et fait connaître le label.",
        "en": "Association founded in October 2001 that brings together the Cités des métiers: "
        "integrated places for reception, information and advice on working life, open to "
        "everyone, free of charge and anonymous. The network federates the centres, trains "
        "their teams and promotes the label.",
        "pt": "Associação criada em outubro de 2001 que reúne as Cidades das Profissões: "
        "espaços integrados de acolhimento, informação e aconselhamento sobre a vida "
        "profissional, abertos a todos, de acesso livre, gratuito e anónimo. A rede federa os "
        "centros, profissionaliza as equipas e divulga o selo.",
        "it": "Associazione nata nell'ottobre 2001 che riunisce le Città dei mestieri: luoghi "
        "integrati di accoglienza, informazione e consulenza sulla vita professionale, aperti "
        "a tutti, ad accesso libero, gratuito e anonimo. La rete federa i centri, "
        "professionalizza i gruppi di lavoro e promuove il marchio.",
        "da": "Forening stiftet i oktober 2001, som samler Cités des métiers: integrerede "
        "steder for modtagelse, information og vejledning om arbejdslivet, åbne for alle, "
        "gratis og anonymt. Netværket samler centrene, styrker medarbejdernes faglighed og "
        "udbreder mærket.",
        "bg": "Сдружение, създадено през октомври 2001 г., което обединява центровете "
        "„Cité des métiers“: интегрирани места за прием, информация и консултиране за "
        "професионалния живот, отворени за всички, със свободен, безплатен и анонимен "
        "достъп. Мрежата обединява центровете, повишава професионализма на екипите и "
        "популяризира знака.",
    },
}

#: Service themes: (code, names, descriptions). Names in all six languages.
SERVICE_TYPES: list[dict[str, Any]] = [
    {
        "code": "jobs-in-demand",
        "name": {
            "fr": "Métiers en tension et métiers d'avenir",
            "en": "Jobs in demand and jobs of the future",
            "pt": "Profissões com falta de mão de obra e profissões do futuro",
            "it": "Professioni richieste e professioni del futuro",
            "da": "Job med mangel på arbejdskraft og fremtidens job",
            "bg": "Търсени професии и професии на бъдещето",
        },
        "description": {
            "fr": "Information sur les métiers qui recrutent sur le territoire et sur les "
            "métiers d'avenir.",
            "en": "Information on the jobs that are hiring locally and on the jobs of the future.",
        },
    },
    {
        "code": "youth-schemes",
        "name": {
            "fr": "Dispositifs d'accompagnement des jeunes",
            "en": "Support schemes for young people",
            "pt": "Medidas de apoio aos jovens",
            "it": "Misure di accompagnamento per i giovani",
            "da": "Støtteordninger for unge",
            "bg": "Програми за подкрепа на младите хора",
        },
        "description": {
            "fr": "Information sur les dispositifs d'accompagnement des jeunes sur le territoire.",
            "en": "Information on the support schemes available to young people in the area.",
        },
    },
    {
        "code": "mobility",
        "name": {
            "fr": "Mobilité",
            "en": "Mobility",
            "pt": "Mobilidade",
            "it": "Mobilità",
            "da": "Mobilitet",
            "bg": "Мобилност",
        },
        "description": {
            "fr": "Se déplacer pour travailler ou se former : transports, permis, mobilité "
            "en Europe.",
            "en": "Getting around to work or train: transport, driving licence, mobility in "
            "Europe.",
        },
    },
    {
        "code": "trainings",
        "name": {
            "fr": "Formations",
            "en": "Training courses",
            "pt": "Formações",
            "it": "Corsi di formazione",
            "da": "Uddannelser og kurser",
            "bg": "Обучения",
        },
        "description": {
            "fr": "Information sur les formations qualifiantes et professionnelles et sur "
            "leur financement.",
            "en": "Information on qualifying and vocational training courses and how to fund them.",
        },
    },
    {
        "code": "pupils-orientation",
        "name": {
            "fr": "Orientation des élèves",
            "en": "Guidance for school pupils",
            "pt": "Orientação escolar dos alunos",
            "it": "Orientamento scolastico",
            "da": "Vejledning af elever",
            "bg": "Професионално ориентиране на учениците",
        },
        "description": {
            "fr": "Choisir une filière, un apprentissage ou des études supérieures, avec les "
            "élèves et leurs familles.",
            "en": "Choosing a course, an apprenticeship or higher education, with pupils and "
            "their families.",
        },
    },
    {
        "code": "digital-workshops",
        "name": {
            "fr": "Ateliers numériques",
            "en": "Digital workshops",
            "pt": "Oficinas digitais",
            "it": "Laboratori digitali",
            "da": "Digitale workshops",
            "bg": "Дигитални работилници",
        },
        "description": {
            "fr": "Ateliers pour prendre en main les outils numériques et les démarches en ligne.",
            "en": "Workshops to get to grips with digital tools and online procedures.",
        },
    },
    {
        "code": "events",
        "name": {
            "fr": "Événements emploi et formation",
            "en": "Employment and training events",
            "pt": "Eventos de emprego e formação",
            "it": "Eventi su lavoro e formazione",
            "da": "Arrangementer om job og uddannelse",
            "bg": "Събития за заетост и обучение",
        },
        "description": {
            "fr": "Forums, job datings, journées thématiques et ateliers collectifs.",
            "en": "Fairs, job datings, theme days and group workshops.",
        },
    },
    {
        "code": "business-creation",
        "name": {
            "fr": "Création d'activité",
            "en": "Starting a business",
            "pt": "Criação do próprio negócio",
            "it": "Creazione d'impresa",
            "da": "Start af egen virksomhed",
            "bg": "Стартиране на собствен бизнес",
        },
        "description": {
            "fr": "Créer ou reprendre une entreprise : premiers pas, statuts, financement.",
            "en": "Starting or taking over a business: first steps, legal forms, funding.",
        },
    },
    {
        "code": "career-change",
        "name": {
            "fr": "Reconversion professionnelle",
            "en": "Career change",
            "pt": "Reconversão profissional",
            "it": "Riconversione professionale",
            "da": "Karriereskift",
            "bg": "Професионална преквалификация",
        },
        "description": {
            "fr": "Faire le point sur son parcours et préparer un changement de métier.",
            "en": "Taking stock of your career and preparing a change of occupation.",
        },
    },
    {
        "code": "job-search",
        "name": {
            "fr": "Recherche d'emploi",
            "en": "Job search",
            "pt": "Procura de emprego",
            "it": "Ricerca di lavoro",
            "da": "Jobsøgning",
            "bg": "Търсене на работа",
        },
        "description": {
            "fr": "CV, lettre de motivation, entretien d'embauche et offres d'emploi.",
            "en": "CV, cover letter, job interview and job offers.",
        },
    },
    {
        "code": "vae",
        "name": {
            "fr": "Validation des acquis de l'expérience (VAE)",
            "en": "Validation of prior learning and experience",
            "pt": "Reconhecimento e validação de competências adquiridas pela experiência",
            "it": "Validazione delle competenze acquisite con l'esperienza",
            "da": "Anerkendelse af realkompetencer",
            "bg": "Валидиране на знания и умения, придобити чрез опит",
        },
        "description": {
            "fr": "Obtenir tout ou partie d'une certification grâce à son expérience.",
            "en": "Gaining all or part of a qualification through your experience.",
        },
    },
]

#: The five usual pôles; each centre gets its own copy (pôles are configured per centre).
POLES: list[dict[str, Any]] = [
    {
        "code": "orient",
        "name": {
            "fr": "Choisir son orientation",
            "en": "Choose your career path",
            "pt": "Escolher o seu percurso profissional",
            "it": "Scegliere il proprio percorso",
            "da": "Vælg uddannelse og erhverv",
            "bg": "Избор на професионален път",
        },
        "description": {
            "fr": "Découvrir les métiers, les secteurs et les parcours pour y accéder.",
            "en": "Discover occupations, sectors and the paths that lead to them.",
        },
    },
    {
        "code": "form",
        "name": {
            "fr": "Trouver une formation",
            "en": "Find a training course",
            "pt": "Encontrar uma formação",
            "it": "Trovare un corso di formazione",
            "da": "Find en uddannelse",
            "bg": "Намиране на обучение",
        },
        "description": {
            "fr": "Formations initiales et continues, apprentissage, financements.",
            "en": "Initial and continuing training, apprenticeships, funding.",
        },
    },
    {
        "code": "emploi",
        "name": {
            "fr": "Trouver un emploi",
            "en": "Find a job",
            "pt": "Encontrar emprego",
            "it": "Trovare lavoro",
            "da": "Find et job",
            "bg": "Намиране на работа",
        },
        "description": {
            "fr": "Techniques de recherche d'emploi, offres, rencontres avec des employeurs.",
            "en": "Job-search techniques, job offers, meetings with employers.",
        },
    },
    {
        "code": "changer",
        "name": {
            "fr": "Changer sa vie professionnelle",
            "en": "Change your working life",
            "pt": "Mudar a sua vida profissional",
            "it": "Cambiare la propria vita professionale",
            "da": "Skift retning i dit arbejdsliv",
            "bg": "Промяна в професионалния живот",
        },
        "description": {
            "fr": "Bilan, reconversion, validation des acquis de l'expérience.",
            "en": "Skills review, career change, validation of prior learning.",
        },
    },
    {
        "code": "creer",
        "name": {
            "fr": "Créer son activité",
            "en": "Start your own business",
            "pt": "Criar o seu próprio negócio",
            "it": "Avviare un'attività in proprio",
            "da": "Start din egen virksomhed",
            "bg": "Създаване на собствен бизнес",
        },
        "description": {
            "fr": "Créer ou reprendre une entreprise, tester son projet.",
            "en": "Start or take over a business, test your project.",
        },
    },
]

#: The pôle a service theme belongs to by default (None: across pôles).
SERVICE_POLE: dict[str, str | None] = {
    "jobs-in-demand": "orient",
    "youth-schemes": "orient",
    "mobility": "emploi",
    "trainings": "form",
    "pupils-orientation": "orient",
    "digital-workshops": None,
    "events": None,
    "business-creation": "creer",
    "career-change": "changer",
    "job-search": "emploi",
    "vae": "changer",
}


def _partner(
    slug: str, name: str, kind: str, country: str, fr: str, en: str, website: str = ""
) -> dict[str, Any]:
    return {
        "slug": slug,
        "name": name,
        "kind": kind,
        "country": country,
        "website": website,
        "original_language": "fr",
        "description": {"fr": fr, "en": en},
    }


PARTNERS: list[dict[str, Any]] = [
    _partner(
        "france-travail",
        "France Travail",
        "employment_service",
        "FR",
        "Service public de l'emploi en France (anciennement Pôle emploi).",
        "The French public employment service (formerly Pôle emploi).",
        "https://www.francetravail.fr",
    ),
    _partner(
        "afpa",
        "Afpa",
        "training",
        "FR",
        "Agence nationale pour la formation professionnelle des adultes.",
        "The French national agency for adult vocational training.",
        "https://www.afpa.fr",
    ),
    _partner(
        "transitions-pro",
        "Transitions Pro",
        "career_transition",
        "FR",
        "Associations régionales qui financent et accompagnent les projets de "
        "transition professionnelle.",
        "Regional bodies that fund and support career transition projects.",
    ),
    _partner(
        "cio",
        "Centres d'information et d'orientation (CIO)",
        "guidance",
        "FR",
        "Services de l'Éducation nationale pour l'orientation des élèves et des étudiants.",
        "Education ministry services that guide pupils and students.",
    ),
    _partner(
        "mission-locale",
        "Missions locales",
        "youth",
        "FR",
        "Accompagnement des jeunes de 16 à 25 ans vers l'emploi et l'autonomie.",
        "Support for young people aged 16 to 25 towards work and independence.",
    ),
    _partner(
        "cci",
        "Chambres de commerce et d'industrie (CCI)",
        "chamber",
        "FR",
        "Apprentissage, création et reprise d'entreprise, formation.",
        "Apprenticeships, starting and taking over businesses, training.",
    ),
    _partner(
        "bge",
        "BGE",
        "business_creation",
        "FR",
        "Réseau associatif d'appui aux créateurs d'entreprise.",
        "A non-profit network that supports people starting a business.",
        "https://www.bge.asso.fr",
    ),
    _partner(
        "apec",
        "Apec",
        "employment_service",
        "FR",
        "Association pour l'emploi des cadres : conseil aux cadres et aux jeunes diplômés.",
        "Advice for managers, professionals and young graduates.",
        "https://www.apec.fr",
    ),
    _partner(
        "crij-mayotte",
        "CRIJ Mayotte",
        "youth",
        "FR",
        "Centre régional information jeunesse de Mayotte.",
        "The youth information centre of Mayotte.",
    ),
    _partner(
        "rectorat-mayotte",
        "Rectorat de Mayotte",
        "education",
        "FR",
        "Autorité académique de l'Éducation nationale à Mayotte.",
        "The education authority of Mayotte.",
    ),
    _partner(
        "bsma",
        "Bataillon du service militaire adapté de Mayotte (BSMA)",
        "training",
        "FR",
        "Formation et insertion professionnelle de jeunes volontaires ultramarins.",
        "Vocational training and job integration for young volunteers overseas.",
    ),
    _partner(
        "gip-carif-oref-mayotte",
        "GIP Carif-Oref de Mayotte",
        "guidance",
        "FR",
        "Centre d'animation, de ressources et d'information sur la formation et "
        "observatoire régional de l'emploi et de la formation.",
        "The regional resource centre and observatory for jobs and training.",
    ),
    _partner(
        "universcience",
        "Universcience",
        "science_centre",
        "FR",
        "Établissement public qui réunit la Cité des sciences et de l'industrie et le "
        "Palais de la découverte ; propriétaire du label Cité des métiers.",
        "The public body running the Cité des sciences et de l'industrie and the Palais "
        "de la découverte; owner of the Cité des métiers label.",
        "https://www.universcience.fr",
    ),
    _partner(
        "iefp",
        "IEFP – Instituto do Emprego e Formação Profissional",
        "employment_service",
        "PT",
        "Service public de l'emploi et de la formation professionnelle au Portugal.",
        "The Portuguese public employment and vocational training service.",
        "https://www.iefp.pt",
    ),
    _partner(
        "actiris",
        "Actiris",
        "employment_service",
        "BE",
        "Office régional bruxellois de l'emploi.",
        "The Brussels regional employment office.",
        "https://www.actiris.brussels",
    ),
    _partner(
        "bruxelles-formation",
        "Bruxelles Formation",
        "training",
        "BE",
        "Organisme public de formation professionnelle des Bruxellois francophones.",
        "The public vocational training body for French speakers in Brussels.",
    ),
    _partner(
        "le-forem",
        "Le Forem",
        "employment_service",
        "BE",
        "Service public wallon de l'emploi et de la formation.",
        "The Walloon public employment and training service.",
        "https://www.leforem.be",
    ),
    _partner(
        "oce-geneve",
        "Office cantonal de l'emploi (OCE)",
        "employment_service",
        "CH",
        "Service de l'emploi de la République et canton de Genève.",
        "The employment office of the Republic and Canton of Geneva.",
    ),
    _partner(
        "ofpc-geneve",
        "Office pour l'orientation, la formation professionnelle et continue (OFPC)",
        "guidance",
        "CH",
        "Orientation scolaire et professionnelle et formation continue à Genève.",
        "School and career guidance and continuing training in Geneva.",
    ),
    _partner(
        "afol-metropolitana",
        "AFOL Metropolitana",
        "training",
        "IT",
        "Agence métropolitaine milanaise pour la formation, l'orientation et le travail.",
        "The Milan metropolitan agency for training, guidance and work.",
    ),
    _partner(
        "barcelona-activa",
        "Barcelona Activa",
        "local_authority",
        "ES",
        "Agence de développement économique de la Ville de Barcelone.",
        "The economic development agency of Barcelona City Council.",
        "https://www.barcelonactiva.cat",
    ),
    _partner(
        "lanbide",
        "Lanbide – Servicio Vasco de Empleo",
        "employment_service",
        "ES",
        "Service public de l'emploi du Pays basque.",
        "The Basque public employment service.",
    ),
    _partner(
        "business-foundation-for-education",
        "Business Foundation for Education",
        "association",
        "BG",
        "Fondation bulgare pour l'orientation professionnelle et l'éducation des adultes ; "
        "partenaire du projet COCADE.",
        "Bulgarian foundation working on career guidance and adult learning; COCADE partner.",
    ),
    _partner(
        "ucc-professionshojskolen",
        "UCC Professionshøjskolen",
        "education",
        "DK",
        "Établissement d'enseignement supérieur professionnel de Copenhague ; partenaire "
        "du projet COCADE.",
        "University college in Copenhagen; COCADE partner.",
    ),
    _partner(
        "cooperativa-orso",
        "Cooperativa Orso",
        "association",
        "IT",
        "Coopérative sociale de Turin active dans l'orientation et l'insertion des "
        "jeunes ; partenaire du projet COCADE.",
        "Social cooperative in Turin working on youth guidance and inclusion; COCADE partner.",
    ),
    _partner(
        "espaco-t",
        "Espaço t",
        "association",
        "PT",
        "Association de Porto pour l'intégration sociale et communautaire par les arts ; "
        "partenaire du projet COCADE.",
        "Porto association for social and community inclusion through the arts; COCADE partner.",
    ),
]
