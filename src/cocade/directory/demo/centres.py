"""Demo centres. The centres and their carriers are real; the people are fictional, and
addresses, dates after the opening year and partnership details are plausible, not official.

Dates of recent arrivals and departures are counted back from `today`, so that the public
"arrivals and departures" page always has something to show.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

D = datetime.date

#: The services of the digital antennas of Mayotte (newsletter of December 2018).
ANTENNA_SERVICES = (
    "jobs-in-demand",
    "youth-schemes",
    "mobility",
    "trainings",
    "pupils-orientation",
    "digital-workshops",
    "events",
)
FULL_SERVICES = (
    "jobs-in-demand",
    "trainings",
    "pupils-orientation",
    "events",
    "business-creation",
    "career-change",
    "job-search",
    "vae",
)

#: (slug, commune, name, postcode, latitude, longitude) of the antennas of Mayotte.
MAYOTTE_ANTENNAS = (
    (
        "antenne-kaweni",
        "Mamoudzou",
        "Espace numérique de Kawéni",
        "97600",
        "-12.765000",
        "45.223000",
    ),
    (
        "antenne-koungou",
        "Koungou",
        "Espace numérique de Koungou",
        "97600",
        "-12.733600",
        "45.204200",
    ),
    (
        "antenne-dzaoudzi",
        "Dzaoudzi",
        "Espace numérique de Dzaoudzi-Labattoir",
        "97615",
        "-12.788600",
        "45.280500",
    ),
    ("antenne-sada", "Sada", "Espace numérique de Sada", "97640", "-12.848600", "45.104700"),
    (
        "antenne-chirongui",
        "Chirongui",
        "Espace numérique de Chirongui",
        "97620",
        "-12.931900",
        "45.148300",
    ),
    (
        "antenne-dembeni",
        "Dembeni",
        "Espace numérique de Dembeni",
        "97660",
        "-12.839400",
        "45.172500",
    ),
    (
        "antenne-bandrele",
        "Bandrélé",
        "Espace numérique de Bandrélé",
        "97660",
        "-12.906700",
        "45.191700",
    ),
    (
        "antenne-mtsangamouji",
        "M'Tsangamouji",
        "Espace numérique de M'Tsangamouji",
        "97650",
        "-12.750000",
        "45.086700",
    ),
)


def _site(
    slug: str,
    kind: str,
    name: dict[str, str],
    commune: str,
    lat: str,
    lon: str,
    *,
    address: str = "",
    postcode: str = "",
    hours: dict[str, str] | None = None,
    access: dict[str, str] | None = None,
    step_free: bool | None = None,
    services: tuple[str, ...] = FULL_SERVICES,
    delivered_by: dict[str, str] | None = None,
    details: dict[str, dict[str, str]] | None = None,
) -> dict[str, Any]:
    return {
        "slug": slug,
        "kind": kind,
        "name": name,
        "commune": commune,
        "latitude": Decimal(lat),
        "longitude": Decimal(lon),
        "address": address,
        "postcode": postcode,
        "opening_hours": hours or {},
        "accessibility": access or {},
        "step_free_access": step_free,
        "services": services,
        "delivered_by": delivered_by or {},
        "details": details or {},
    }


def _person(
    name: str,
    title: dict[str, str],
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    *,
    public: bool = False,
    partner: str = "",
) -> dict[str, Any]:
    return {
        "full_name": name,
        "title": title,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "is_public": public,
        "partner": partner,
    }


def _mayotte_antennas() -> list[dict[str, Any]]:
    antennas = []
    for slug, commune, name, postcode, lat, lon in MAYOTTE_ANTENNAS:
        antennas.append(
            _site(
                slug,
                "antenna",
                {"fr": name, "en": f"Digital antenna, {commune}"},
                commune,
                lat,
                lon,
                address="Maison des services de la commune",
                postcode=postcode,
                hours={
                    "fr": "Du lundi au vendredi de 8 h à 12 h ; l'après-midi sur rendez-vous "
                    "et pendant les ateliers.",
                    "en": "Monday to Friday, 8 am to noon; afternoons by appointment and "
                    "during workshops.",
                },
                access={"fr": "Salle au rez-de-chaussée, accès de plain-pied."},
                step_free=True,
                services=ANTENNA_SERVICES,
                delivered_by={
                    "youth-schemes": "crij-mayotte",
                    "pupils-orientation": "rectorat-mayotte",
                },
            )
        )
    return antennas


def centres(today: datetime.date) -> list[dict[str, Any]]:
    """The demo centres, with dates of recent movements counted back from `today`."""

    def ago(days: int) -> datetime.date:
        return today - datetime.timedelta(days=days)

    return [
        {
            "slug": "paris-la-villette",
            "original_language": "fr",
            "name": {
                "fr": "Cité des métiers de Paris-La Villette",
                "en": "Paris-La Villette Cité des métiers",
            },
            "description": {
                "fr": "La première Cité des métiers, ouverte en 1993 au cœur de la Cité des "
                "sciences et de l'industrie. Des conseillers de plusieurs organismes "
                "répondent sans rendez-vous sur l'orientation, la formation, l'emploi "
                "et la création d'activité.",
                "en": "The first Cité des métiers, opened in 1993 inside the Cité des sciences "
                "et de l'industrie. Counsellors from several organisations answer "
                "questions on careers, training, jobs and starting a business, without "
                "an appointment.",
            },
            "country": "FR",
            "city": "Paris",
            "carrier": "Universcience (Cité des sciences et de l'industrie)",
            "opened_on": D(1993, 3, 1),
            "languages": ["fr", "en"],
            "email": "paris@demo.cocade.example",
            "is_published": True,
            "label": [
                ("labelled", D(1993, 3, 1), "Première Cité des métiers."),
                ("confirmed", D(1994, 3, 15), ""),
                ("renewed", D(2024, 3, 14), "Tableau de bord d'activité 2023."),
                ("renewed", D(2025, 3, 13), "Tableau de bord d'activité 2024."),
                ("renewed", D(2026, 3, 12), "Tableau de bord d'activité 2025."),
            ],
            "sites": [
                _site(
                    "la-villette",
                    "main",
                    {
                        "fr": "Cité des sciences et de l'industrie, niveau -1",
                        "en": "Cité des sciences et de l'industrie, level -1",
                    },
                    "Paris",
                    "48.895600",
                    "2.388100",
                    address="30 avenue Corentin-Cariou",
                    postcode="75019",
                    hours={
                        "fr": "Du mardi au vendredi de 10 h à 18 h, le samedi de 12 h à 18 h. "
                        "Entretiens sans rendez-vous.",
                        "en": "Tuesday to Friday, 10 am to 6 pm; Saturday, noon to 6 pm. "
                        "Interviews without appointment.",
                    },
                    access={
                        "fr": "Entrée de plain-pied, ascenseurs jusqu'au niveau -1, boucle "
                        "magnétique à l'accueil, postes informatiques réglables.",
                        "en": "Step-free entrance, lifts to level -1, hearing loop at the "
                        "reception desk, adjustable computer desks.",
                    },
                    step_free=True,
                    services=(*FULL_SERVICES, "digital-workshops"),
                    delivered_by={
                        "job-search": "france-travail",
                        "trainings": "afpa",
                        "career-change": "transitions-pro",
                        "business-creation": "bge",
                        "pupils-orientation": "cio",
                    },
                )
            ],
            "partners": [
                ("france-travail", ["emploi", "changer"], 35, D(1993, 3, 1)),
                ("afpa", ["form", "changer"], 21, D(1993, 3, 1)),
                ("transitions-pro", ["changer"], 14, D(2019, 1, 1)),
                ("cio", ["orient"], 14, D(1993, 3, 1)),
                ("apec", ["emploi"], 7, D(2005, 9, 1)),
                ("bge", ["creer"], 14, D(2008, 1, 7)),
                ("cci", ["creer", "form"], 7, D(2010, 9, 1)),
                ("mission-locale", ["orient", "emploi"], 14, D(2002, 1, 7)),
                ("universcience", ["orient"], None, D(1993, 3, 1)),
            ],
            "people": [
                _person(
                    "Hélène Garnier",
                    {"fr": "Directrice", "en": "Director"},
                    D(2019, 9, 2),
                    public=True,
                ),
                _person(
                    "Mathieu Lefort",
                    {"fr": "Chargé de partenariats", "en": "Partnership officer"},
                    ago(20),
                    public=True,
                ),
                _person(
                    "Nadia Benali",
                    {"fr": "Conseillère en orientation", "en": "Career counsellor"},
                    D(2021, 1, 4),
                ),
                _person(
                    "Camille Vasseur",
                    {"fr": "Chargée de communication", "en": "Communications officer"},
                    D(2022, 5, 2),
                ),
                _person(
                    "Thomas Royer",
                    {"fr": "Conseiller emploi", "en": "Employment adviser"},
                    ago(12),
                    partner="france-travail",
                ),
            ],
        },
        {
            "slug": "marseille-paca",
            "original_language": "fr",
            "name": {
                "fr": "Cité des métiers de Marseille et Provence-Alpes-Côte d'Azur",
                "en": "Marseille and Provence-Alpes-Côte d'Azur Cité des métiers",
            },
            "description": {
                "fr": "Créée en 2002 à l'initiative de la Ville de Marseille, elle anime avec "
                "ses partenaires du service public régional de l'orientation des "
                "journées de culture commune et des ateliers sur le numérique.",
                "en": "Set up in 2002 on the initiative of the City of Marseille, it runs "
                "shared-culture days and digital workshops with its partners of the "
                "regional public guidance service.",
            },
            "country": "FR",
            "city": "Marseille",
            "carrier": "Association Cité des métiers de Marseille et Provence-Alpes-Côte d'Azur",
            "opened_on": D(2002, 10, 1),
            "languages": ["fr", "en", "ar"],
            "email": "marseille@demo.cocade.example",
            "is_published": True,
            "label": [
                ("labelled", D(2002, 10, 1), ""),
                ("confirmed", D(2003, 10, 16), ""),
                ("renewed", D(2025, 4, 10), ""),
                ("renewed", D(2026, 4, 9), ""),
            ],
            "sites": [
                _site(
                    "consuls",
                    "main",
                    {"fr": "Cité des métiers, rue des Consuls"},
                    "Marseille",
                    "43.298700",
                    "5.367900",
                    address="4 rue des Consuls",
                    postcode="13002",
                    hours={"fr": "Du lundi au vendredi de 9 h à 17 h, sans rendez-vous."},
                    access={
                        "fr": "Accès de plain-pied depuis la rue, ascenseur vers l'espace ateliers."
                    },
                    step_free=True,
                    services=(*FULL_SERVICES, "digital-workshops"),
                )
            ],
            "partners": [
                ("france-travail", ["emploi"], 28, D(2002, 10, 1)),
                ("mission-locale", ["orient", "emploi"], 21, D(2002, 10, 1)),
                ("cio", ["orient"], 14, D(2002, 10, 1)),
                ("afpa", ["form"], 14, D(2004, 1, 5)),
                ("cci", ["creer"], 7, D(2006, 3, 1)),
            ],
            "people": [
                _person(
                    "Laurent Ferracci",
                    {"fr": "Directeur", "en": "Director"},
                    D(2016, 1, 4),
                    public=True,
                ),
                _person(
                    "Sandrine Olmeta",
                    {"fr": "Chargée d'animation territoriale", "en": "Local events officer"},
                    D(2019, 2, 11),
                    public=True,
                ),
            ],
        },
        {
            "slug": "porto",
            "original_language": "pt",
            "name": {
                "pt": "Cidade das Profissões",
                "fr": "Cité des métiers de Porto",
                "en": "Porto Cité des métiers",
            },
            "description": {
                "pt": "Serviço da Câmara Municipal do Porto de informação e orientação "
                "escolar e profissional, aberto a todos. Organiza todos os anos o "
                "Speed Recruitment, que junta empresas e candidatos.",
                "fr": "Service d'information et d'orientation scolaire et professionnelle de "
                "la Ville de Porto, ouvert à tous. Il organise chaque année le Speed "
                "Recruitment, qui réunit entreprises et candidats.",
                "en": "The City of Porto's information and career guidance service, open to "
                "all. It runs the yearly Speed Recruitment, which brings companies and "
                "candidates together.",
            },
            "country": "PT",
            "city": "Porto",
            "carrier": "Câmara Municipal do Porto (Municipality of Porto)",
            "opened_on": D(2007, 11, 5),
            "languages": ["pt", "en", "fr", "es"],
            "email": "porto@demo.cocade.example",
            "is_published": True,
            "label": [
                ("labelled", D(2007, 11, 5), ""),
                ("confirmed", D(2008, 11, 20), ""),
                ("renewed", D(2025, 5, 20), ""),
                ("renewed", D(2026, 5, 19), ""),
            ],
            "sites": [
                _site(
                    "baixa",
                    "main",
                    {
                        "pt": "Cidade das Profissões – Baixa",
                        "en": "Cidade das Profissões – city centre",
                    },
                    "Porto",
                    "41.149600",
                    "-8.611000",
                    address="Rua de Sá da Bandeira",
                    postcode="4000-427",
                    hours={
                        "pt": "De segunda a sexta-feira, das 9h30 às 17h30, sem marcação.",
                        "en": "Monday to Friday, 9.30 am to 5.30 pm, no appointment needed.",
                    },
                    access={"pt": "Entrada sem degraus e elevador; casa de banho adaptada."},
                    step_free=True,
                    services=(*FULL_SERVICES, "digital-workshops", "mobility"),
                    delivered_by={"job-search": "iefp", "trainings": "iefp"},
                    details={
                        "events": {
                            "pt": "Speed Recruitment anual: entrevistas de 5 minutos "
                            "com 10 empresas.",
                            "en": "Yearly Speed Recruitment: 5-minute interviews "
                            "with 10 companies.",
                            "fr": "Speed Recruitment annuel : entretiens de 5 minutes avec 10 "
                            "entreprises.",
                        }
                    },
                )
            ],
            "partners": [
                ("iefp", ["emploi", "form"], 21, D(2007, 11, 5)),
                ("espaco-t", ["orient"], 7, D(2014, 2, 3)),
            ],
            "people": [
                _person(
                    "Teresa Azevedo Pinto",
                    {"pt": "Diretora", "en": "Director"},
                    D(2015, 3, 2),
                    public=True,
                ),
                _person(
                    "Marta Sousa Ribeiro",
                    {"pt": "Coordenadora de eventos", "en": "Events coordinator"},
                    ago(45),
                    public=True,
                ),
                _person(
                    "Rui Fernandes Lopes",
                    {"pt": "Conselheiro de orientação", "en": "Career counsellor"},
                    D(2018, 9, 3),
                ),
            ],
        },
        {
            "slug": "mayotte",
            "original_language": "fr",
            "name": {"fr": "Cité des métiers de Mayotte", "en": "Mayotte Cité des métiers"},
            "description": {
                "fr": "Installée à Mamoudzou, elle reçoit environ 10 000 personnes par an. Ses "
                "espaces numériques décentralisés portent ses services dans les "
                "communes de l'île, difficiles d'accès sans transports en commun.",
                "en": "Based in Mamoudzou, it welcomes about 10,000 people a year. Its "
                "decentralised digital spaces bring its services to the island's "
                "communes, which are hard to reach without public transport.",
            },
            "country": "FR",
            "city": "Mamoudzou",
            "carrier": "GIP Carif-Oref de Mayotte",
            "opened_on": D(2014, 2, 3),
            "languages": ["fr"],
            "email": "mayotte@demo.cocade.example",
            "is_published": True,
            "label": [
                ("project", D(2012, 3, 1), ""),
                ("prefiguration", D(2013, 1, 15), ""),
                ("labelled", D(2014, 2, 3), ""),
                ("confirmed", D(2015, 3, 2), ""),
                ("renewed", D(2025, 3, 3), ""),
                ("renewed", D(2026, 3, 2), ""),
            ],
            "sites": [
                _site(
                    "mamoudzou",
                    "main",
                    {"fr": "Cité des métiers, Mamoudzou"},
                    "Mamoudzou",
                    "-12.780600",
                    "45.227900",
                    address="Place du Marché",
                    postcode="97600",
                    hours={"fr": "Du lundi au vendredi de 7 h 30 à 15 h 30, sans rendez-vous."},
                    access={
                        "fr": "Accès de plain-pied ; documentation en gros caractères sur demande."
                    },
                    step_free=True,
                    services=(*FULL_SERVICES, "youth-schemes", "mobility", "digital-workshops"),
                    delivered_by={"youth-schemes": "crij-mayotte"},
                ),
                *_mayotte_antennas(),
            ],
            "partners": [
                ("crij-mayotte", ["orient"], 14, D(2014, 2, 3)),
                ("rectorat-mayotte", ["orient", "form"], 7, D(2014, 2, 3)),
                ("mission-locale", ["orient", "emploi"], 21, D(2014, 2, 3)),
                ("bsma", ["form", "emploi"], 7, D(2016, 9, 1)),
                ("france-travail", ["emploi", "changer"], 21, D(2014, 2, 3)),
                ("gip-carif-oref-mayotte", ["form", "changer"], 14, D(2014, 2, 3)),
            ],
            "people": [
                _person(
                    "Anrafa Madi", {"fr": "Directeur", "en": "Director"}, D(2017, 6, 1), public=True
                ),
                _person(
                    "Soilihi Ahamada",
                    {"fr": "Chargé de mission espaces numériques", "en": "Digital spaces officer"},
                    D(2018, 2, 1),
                    public=True,
                ),
                _person(
                    "Zaïnaba Ousseni",
                    {
                        "fr": "Animatrice de l'espace numérique de Chirongui",
                        "en": "Chirongui digital space facilitator",
                    },
                    ago(60),
                    public=True,
                ),
            ],
        },
        {
            "slug": "grand-beauvaisis",
            "original_language": "fr",
            "name": {
                "fr": "Cité des métiers du Grand Beauvaisis",
                "en": "Grand Beauvaisis Cité des métiers",
            },
            "description": {
                "fr": "Portée par la Maison de l'emploi et de la formation, elle accueille le "
                "public à Beauvais et dans son centre associé de Grandvilliers, où a eu "
                "lieu le premier Numéri'Day.",
                "en": "Run by the local employment and training house, it welcomes the "
                "public in Beauvais and at its associated centre in Grandvilliers, "
                "where the first Numéri'Day took place.",
            },
            "country": "FR",
            "city": "Beauvais",
            "carrier": "Maison de l'emploi et de la formation du Grand Beauvaisis",
            "opened_on": D(2011, 9, 5),
            "languages": ["fr"],
            "email": "beauvaisis@demo.cocade.example",
            "is_published": True,
            "label": [
                ("labelled", D(2011, 9, 5), ""),
                ("confirmed", D(2012, 9, 20), ""),
                ("renewed", D(2025, 6, 2), ""),
            ],
            "sites": [
                _site(
                    "beauvais",
                    "main",
                    {"fr": "Cité des métiers, Beauvais"},
                    "Beauvais",
                    "49.429500",
                    "2.080700",
                    address="13 rue Jean Monnet",
                    postcode="60000",
                    hours={"fr": "Du lundi au vendredi de 9 h à 12 h 30 et de 13 h 30 à 17 h."},
                    access={"fr": "Accès de plain-pied, places de stationnement réservées."},
                    step_free=True,
                    services=(*FULL_SERVICES, "digital-workshops"),
                ),
                _site(
                    "grandvilliers",
                    "secondary",
                    {
                        "fr": "Centre associé de Grandvilliers",
                        "en": "Grandvilliers associated centre",
                    },
                    "Grandvilliers",
                    "49.665000",
                    "1.940600",
                    address="Place Barbier",
                    postcode="60210",
                    hours={"fr": "Le mardi et le jeudi de 9 h à 17 h."},
                    access={
                        "fr": "Salle à l'étage sans ascenseur ; rendez-vous possible au "
                        "rez-de-chaussée sur demande."
                    },
                    step_free=False,
                    services=("job-search", "trainings", "digital-workshops", "events"),
                ),
            ],
            "partners": [
                ("france-travail", ["emploi"], 21, D(2011, 9, 5)),
                ("mission-locale", ["orient", "emploi"], 14, D(2011, 9, 5)),
                ("cci", ["creer", "form"], 7, D(2012, 1, 9)),
                ("cio", ["orient"], 7, D(2011, 9, 5)),
            ],
            "people": [
                _person(
                    "Pascale Lemaire",
                    {"fr": "Directrice", "en": "Director"},
                    D(2014, 4, 1),
                    public=True,
                ),
                _person(
                    "Kévin Dufour",
                    {"fr": "Chargé de projets numériques", "en": "Digital projects officer"},
                    D(2017, 3, 6),
                ),
            ],
        },
        {
            "slug": "cotes-d-armor",
            "original_language": "fr",
            "name": {
                "fr": "Cité des métiers des Côtes d'Armor",
                "en": "Côtes d'Armor Cité des métiers",
            },
            "description": {
                "fr": "L'une des trois premières Cités des métiers labellisées en 1999. Elle a "
                "coordonné la web-série #jemalternance, tournée par des apprentis du "
                "département.",
                "en": "One of the first three Cités des métiers labelled in 1999. It "
                "coordinated the #jemalternance web series, filmed by apprentices from "
                "the département.",
            },
            "country": "FR",
            "city": "Saint-Brieuc",
            "carrier": "Association Cité des métiers des Côtes d'Armor",
            "opened_on": D(1999, 9, 15),
            "languages": ["fr", "en"],
            "email": "cotesdarmor@demo.cocade.example",
            "is_published": True,
            "label": [
                ("labelled", D(1999, 9, 15), ""),
                ("confirmed", D(2000, 10, 2), ""),
                ("renewed", D(2025, 5, 12), ""),
                ("renewed", D(2026, 5, 11), ""),
            ],
            "sites": [
                _site(
                    "ploufragan",
                    "main",
                    {"fr": "Cité des métiers, Ploufragan"},
                    "Ploufragan",
                    "48.490600",
                    "-2.795000",
                    address="Rue du Sabot",
                    postcode="22440",
                    hours={
                        "fr": "Du lundi au vendredi de 9 h à 17 h 30 ; le mercredi jusqu'à 19 h."
                    },
                    access={"fr": "Bâtiment de plain-pied ; chiens guides bienvenus."},
                    step_free=True,
                )
            ],
            "partners": [
                ("mission-locale", ["orient", "emploi"], 14, D(1999, 9, 15)),
                ("france-travail", ["emploi"], 21, D(1999, 9, 15)),
                ("cci", ["form", "creer"], 7, D(2003, 1, 6)),
                ("bge", ["creer"], 7, D(2005, 9, 5)),
            ],
            "people": [
                _person(
                    "Yannick Le Goff",
                    {"fr": "Directeur", "en": "Director"},
                    D(2012, 1, 2),
                    public=True,
                ),
                _person(
                    "Gwenaëlle Le Bihan",
                    {"fr": "Chargée de communication", "en": "Communications officer"},
                    D(2016, 6, 1),
                ),
            ],
        },
        {
            "slug": "val-de-marne",
            "original_language": "fr",
            "name": {
                "fr": "Cité des métiers du Val-de-Marne",
                "en": "Val-de-Marne Cité des métiers",
            },
            "description": {
                "fr": "Un lieu ouvert à tous pour s'informer sur les métiers, la formation et "
                "l'emploi dans le Val-de-Marne, avec les partenaires du territoire.",
                "en": "A place open to everyone to learn about occupations, training and "
                "jobs in the Val-de-Marne, with the local partners.",
            },
            "country": "FR",
            "city": "Choisy-le-Roi",
            "carrier": "Association Cité des métiers du Val-de-Marne",
            "opened_on": D(2010, 1, 18),
            "languages": ["fr"],
            "email": "valdemarne@demo.cocade.example",
            "is_published": True,
            "label": [
                ("labelled", D(2010, 1, 18), ""),
                ("confirmed", D(2011, 2, 1), ""),
                ("renewed", D(2025, 2, 3), ""),
            ],
            "sites": [
                _site(
                    "choisy",
                    "main",
                    {"fr": "Cité des métiers, Choisy-le-Roi"},
                    "Choisy-le-Roi",
                    "48.763600",
                    "2.409400",
                    address="14 rue Waldeck-Rousseau",
                    postcode="94600",
                    hours={"fr": "Du lundi au vendredi de 9 h 30 à 17 h."},
                    access={"fr": "Rampe d'accès à l'entrée ; ascenseur."},
                    step_free=True,
                )
            ],
            "partners": [
                ("france-travail", ["emploi"], 21, D(2010, 1, 18)),
                ("mission-locale", ["orient", "emploi"], 14, D(2010, 1, 18)),
                ("cio", ["orient"], 7, D(2010, 1, 18)),
                ("bge", ["creer"], 7, D(2012, 9, 3)),
                ("apec", ["emploi"], 4, D(2012, 9, 3), D(2023, 12, 31)),
            ],
            "people": [
                _person(
                    "Olivier Chambon",
                    {"fr": "Directeur", "en": "Director"},
                    D(2011, 5, 2),
                    ago(25),
                    public=True,
                ),
                _person(
                    "Murielle Touzet",
                    {
                        "fr": "Chargée de mission, point de contact",
                        "en": "Project officer, contact point",
                    },
                    D(2013, 9, 2),
                    public=True,
                ),
            ],
        },
        {
            "slug": "bruxelles",
            "original_language": "fr",
            "name": {"fr": "Cité des métiers de Bruxelles", "en": "Brussels Cité des métiers"},
            "description": {
                "fr": "Un espace unique à Bruxelles pour s'informer et être conseillé sur "
                "l'emploi, la formation et l'orientation, avec les services publics "
                "bruxellois de l'emploi et de la formation.",
                "en": "A single place in Brussels for information and advice on jobs, "
                "training and career choices, with the Brussels public employment and "
                "training services.",
            },
            "country": "BE",
            "city": "Bruxelles",
            "carrier": "Actiris",
            "opened_on": D(2018, 10, 15),
            "languages": ["fr", "nl", "en"],
            "email": "bruxelles@demo.cocade.example",
            "is_published": True,
            "label": [
                ("project", D(2015, 6, 1), ""),
                ("prefiguration", D(2017, 5, 10), ""),
                ("labelled", D(2018, 10, 15), ""),
                ("confirmed", D(2019, 11, 4), ""),
                ("renewed", D(2025, 11, 3), ""),
            ],
            "sites": [
                _site(
                    "astro",
                    "main",
                    {"fr": "Cité des métiers, tour Astro", "en": "Cité des métiers, Astro tower"},
                    "Saint-Josse-ten-Noode",
                    "50.850300",
                    "4.369700",
                    address="Avenue de l'Astronomie 14",
                    postcode="1210",
                    hours={"fr": "Du lundi au vendredi de 9 h à 16 h ; jusqu'à 19 h le jeudi."},
                    access={
                        "fr": "Accès de plain-pied, ascenseurs, accueil en langue des signes "
                        "sur rendez-vous."
                    },
                    step_free=True,
                    services=(*FULL_SERVICES, "digital-workshops", "mobility"),
                    delivered_by={"job-search": "actiris", "trainings": "bruxelles-formation"},
                )
            ],
            "partners": [
                ("actiris", ["emploi", "orient"], 35, D(2018, 10, 15)),
                ("bruxelles-formation", ["form", "changer"], 21, D(2018, 10, 15)),
            ],
            "people": [
                _person(
                    "Anne-Sophie Van Damme",
                    {"fr": "Directrice", "en": "Director"},
                    D(2018, 9, 3),
                    public=True,
                ),
                _person(
                    "Karim El Amrani",
                    {"fr": "Conseiller", "en": "Counsellor"},
                    D(2019, 1, 7),
                    partner="actiris",
                ),
            ],
        },
        {
            "slug": "geneve",
            "original_language": "fr",
            "name": {"fr": "Cité des métiers de Genève", "en": "Geneva Cité des métiers"},
            "description": {
                "fr": "Portée par l'office cantonal pour l'orientation et la formation, elle "
                "accueille jeunes et adultes pour toutes les questions d'orientation "
                "scolaire et professionnelle.",
                "en": "Run by the cantonal guidance and training office, it welcomes young "
                "people and adults with any question on school and career choices.",
            },
            "country": "CH",
            "city": "Genève",
            "carrier": "Office pour l'orientation, la formation professionnelle et continue "
            "(OFPC), République et canton de Genève",
            "opened_on": D(2008, 3, 3),
            "languages": ["fr", "en", "de", "it"],
            "email": "geneve@demo.cocade.example",
            "is_published": True,
            "label": [
                ("labelled", D(2008, 3, 3), ""),
                ("confirmed", D(2009, 3, 16), ""),
                ("renewed", D(2025, 3, 17), ""),
                ("renewed", D(2026, 3, 16), ""),
            ],
            "sites": [
                _site(
                    "prevost-martin",
                    "main",
                    {"fr": "Cité des métiers, rue Prévost-Martin"},
                    "Genève",
                    "46.195000",
                    "6.142000",
                    address="Rue Prévost-Martin 6",
                    postcode="1205",
                    hours={"fr": "Du lundi au vendredi de 10 h à 17 h, sans rendez-vous."},
                    access={"fr": "Entrée de plain-pied, ascenseur, toilettes adaptées."},
                    step_free=True,
                    delivered_by={"job-search": "oce-geneve"},
                )
            ],
            "partners": [
                ("ofpc-geneve", ["orient", "form", "changer"], 35, D(2008, 3, 3)),
                ("oce-geneve", ["emploi"], 14, D(2008, 3, 3)),
            ],
            "people": [
                _person(
                    "Pierre-Alain Rochat",
                    {"fr": "Directeur", "en": "Director"},
                    D(2009, 1, 5),
                    ago(120),
                    public=True,
                ),
                _person(
                    "Sarah Pittet", {"fr": "Directrice", "en": "Director"}, ago(119), public=True
                ),
            ],
        },
        {
            "slug": "milano",
            "original_language": "it",
            "name": {
                "it": "Città dei mestieri di Milano",
                "fr": "Cité des métiers de Milan",
                "en": "Milan Cité des métiers",
            },
            "description": {
                "it": "La prima Città dei mestieri italiana, inaugurata nel 2000: un servizio "
                "gratuito di orientamento, formazione e lavoro aperto a tutti.",
                "fr": "La première Cité des métiers italienne, inaugurée en 2000 : un service "
                "gratuit d'orientation, de formation et d'emploi ouvert à tous.",
                "en": "The first Italian Cité des métiers, opened in 2000: a free guidance, "
                "training and jobs service open to everyone.",
            },
            "country": "IT",
            "city": "Milano",
            "carrier": "AFOL Metropolitana",
            "opened_on": D(2000, 11, 6),
            "languages": ["it", "en", "fr"],
            "email": "milano@demo.cocade.example",
            "is_published": True,
            "label": [
                ("labelled", D(2000, 11, 6), ""),
                ("confirmed", D(2001, 11, 19), ""),
                ("renewed", D(2025, 6, 9), ""),
            ],
            "sites": [
                _site(
                    "centro",
                    "main",
                    {
                        "it": "Città dei mestieri, sede centrale",
                        "en": "Cité des métiers, main office",
                    },
                    "Milano",
                    "45.464200",
                    "9.190000",
                    address="Via Soderini 24",
                    postcode="20146",
                    hours={
                        "it": "Dal lunedì al venerdì, dalle 9.30 alle 16.30, senza appuntamento.",
                        "en": "Monday to Friday, 9.30 am to 4.30 pm, no appointment needed.",
                    },
                    access={"it": "Ingresso senza gradini e ascensore."},
                    step_free=True,
                    delivered_by={"trainings": "afol-metropolitana"},
                )
            ],
            "partners": [
                ("afol-metropolitana", ["orient", "form", "emploi"], 35, D(2000, 11, 6)),
                ("cooperativa-orso", ["orient"], 4, D(2017, 9, 1), D(2019, 2, 28)),
            ],
            "people": [
                _person(
                    "Francesca Colombo Rinaldi",
                    {"it": "Direttrice", "en": "Director"},
                    D(2012, 2, 1),
                    public=True,
                ),
                _person(
                    "Davide Brambilla",
                    {"it": "Orientatore", "en": "Career counsellor"},
                    D(2016, 4, 4),
                    ago(75),
                ),
            ],
        },
        {
            "slug": "barcelona",
            "original_language": "en",
            "name": {
                "en": "Porta 22 – Barcelona Cité des métiers",
                "fr": "Porta 22 – Cité des métiers de Barcelone",
            },
            "description": {
                "en": "Barcelona Activa's career guidance space: information on occupations, "
                "trends in the labour market and tools to plan your career.",
                "fr": "L'espace d'orientation professionnelle de Barcelona Activa : "
                "information sur les métiers, les tendances du marché du travail et "
                "outils pour construire son parcours.",
            },
            "country": "ES",
            "city": "Barcelona",
            "carrier": "Barcelona Activa (Ajuntament de Barcelona)",
            "opened_on": D(2005, 3, 1),
            "languages": ["ca", "es", "en", "fr"],
            "email": "barcelona@demo.cocade.example",
            "is_published": True,
            "label": [
                ("labelled", D(2005, 3, 1), ""),
                ("confirmed", D(2006, 3, 13), ""),
                ("renewed", D(2025, 4, 7), ""),
            ],
            "sites": [
                _site(
                    "llacuna",
                    "main",
                    {"en": "Porta 22, Llacuna street"},
                    "Barcelona",
                    "41.403000",
                    "2.192000",
                    address="Carrer de Llacuna 162",
                    postcode="08018",
                    hours={
                        "en": "Monday to Friday, 9 am to 2 pm; Tuesday and Thursday afternoons "
                        "by appointment.",
                        "fr": "Du lundi au vendredi de 9 h à 14 h ; le mardi et le jeudi "
                        "après-midi sur rendez-vous.",
                    },
                    access={"en": "Step-free entrance and lift."},
                    step_free=True,
                    services=(
                        "jobs-in-demand",
                        "career-change",
                        "job-search",
                        "trainings",
                        "digital-workshops",
                        "events",
                        "business-creation",
                    ),
                    delivered_by={"business-creation": "barcelona-activa"},
                )
            ],
            "partners": [("barcelona-activa", ["orient", "emploi", "creer"], 35, D(2005, 3, 1))],
            "people": [
                _person(
                    "Montserrat Vidal Puig",
                    {"en": "Head of Porta 22", "fr": "Responsable de Porta 22"},
                    D(2014, 1, 13),
                    public=True,
                ),
            ],
        },
        {
            "slug": "irun",
            "original_language": "en",
            "name": {
                "en": "Bidasoa Activa – Irun Cité des métiers",
                "fr": "Bidasoa Activa – Cité des métiers d'Irun",
            },
            "description": {
                "en": "The Cité des métiers of the Bidasoa area, run by the local development "
                "agency of Irun and Hondarribia, on the French–Spanish border.",
                "fr": "La Cité des métiers du Bidassoa, portée par l'agence de développement "
                "d'Irun et d'Hondarribia, à la frontière franco-espagnole.",
            },
            "country": "ES",
            "city": "Irun",
            "carrier": "Bidasoa Activa, agencia de desarrollo comarcal",
            "opened_on": D(2007, 6, 4),
            "languages": ["es", "eu", "fr", "en"],
            "email": "irun@demo.cocade.example",
            "is_published": True,
            "label": [
                ("labelled", D(2007, 6, 4), ""),
                ("confirmed", D(2008, 6, 16), ""),
                ("renewed", D(2025, 6, 16), ""),
            ],
            "sites": [
                _site(
                    "irun",
                    "main",
                    {"en": "Bidasoa Activa, Irun"},
                    "Irun",
                    "43.338000",
                    "-1.789000",
                    address="Avenida de Iparralde 43",
                    postcode="20302",
                    hours={
                        "en": "Monday to Friday, 8.30 am to 2.30 pm; Tuesday afternoons 4 pm to "
                        "7 pm.",
                        "fr": "Du lundi au vendredi de 8 h 30 à 14 h 30 ; le mardi de 16 h à 19 h.",
                    },
                    access={"en": "Step-free access and lift."},
                    step_free=True,
                    services=(*FULL_SERVICES, "mobility"),
                    delivered_by={"job-search": "lanbide"},
                    details={
                        "mobility": {
                            "en": "Cross-border jobs and training between Gipuzkoa and Labourd.",
                            "fr": "Emploi et formation transfrontaliers entre le Guipuscoa et le "
                            "Labourd.",
                        }
                    },
                )
            ],
            "partners": [
                ("lanbide", ["emploi"], 14, D(2011, 1, 10)),
                ("france-travail", ["emploi"], 4, D(2016, 3, 7)),
            ],
            "people": [
                _person(
                    "Iñaki Arrieta Zubiri",
                    {"en": "Director", "fr": "Directeur"},
                    D(2010, 9, 1),
                    public=True,
                ),
                _person(
                    "Ainhoa Etxeberria Lasa",
                    {"en": "Career counsellor", "fr": "Conseillère en orientation"},
                    D(2015, 2, 2),
                ),
            ],
        },
        {
            "slug": "normandie",
            "original_language": "fr",
            "name": {"fr": "Cité des métiers de Normandie", "en": "Normandy Cité des métiers"},
            "description": {
                "fr": "Un groupement d'intérêt public installé au Pôle régional des savoirs à "
                "Rouen ; partenaire du projet Erasmus+ COCADE et hôte du Summit CDM21 en "
                "2018.",
                "en": "A public interest group based at the Pôle régional des savoirs in "
                "Rouen; partner of the Erasmus+ COCADE project and host of the 2018 CDM21 "
                "Summit.",
            },
            "country": "FR",
            "city": "Rouen",
            "carrier": "GIP Cité des métiers de Normandie",
            "opened_on": D(2008, 1, 14),
            "languages": ["fr", "en"],
            "email": "normandie@demo.cocade.example",
            "is_published": True,
            "label": [
                ("labelled", D(2008, 1, 14), ""),
                ("confirmed", D(2009, 2, 2), ""),
                ("renewed", D(2025, 2, 10), ""),
                ("renewed", D(2026, 2, 9), ""),
            ],
            "sites": [
                _site(
                    "rouen",
                    "main",
                    {"fr": "Pôle régional des savoirs, Rouen"},
                    "Rouen",
                    "49.428800",
                    "1.087500",
                    address="115 boulevard de l'Europe",
                    postcode="76100",
                    hours={"fr": "Du lundi au vendredi de 9 h 30 à 17 h 30."},
                    access={"fr": "Accès de plain-pied depuis le tramway, ascenseurs."},
                    step_free=True,
                    services=(*FULL_SERVICES, "digital-workshops"),
                )
            ],
            "partners": [
                ("france-travail", ["emploi"], 21, D(2008, 1, 14)),
                ("transitions-pro", ["changer"], 7, D(2020, 1, 6)),
                ("cio", ["orient"], 7, D(2008, 1, 14)),
                ("afpa", ["form"], 7, D(2008, 1, 14)),
            ],
            "people": [
                _person(
                    "Anne Bouvier",
                    {"fr": "Directrice", "en": "Director"},
                    D(2012, 9, 3),
                    ago(151),
                    public=True,
                ),
                _person(
                    "Frédéric Quesnel", {"fr": "Directeur", "en": "Director"}, ago(150), public=True
                ),
            ],
        },
        {
            "slug": "la-reunion",
            "original_language": "fr",
            "name": {"fr": "Cité des métiers de La Réunion", "en": "Réunion Cité des métiers"},
            "description": {
                "fr": "Lieu ouvert à tous dans le sud de l'île pour s'orienter, se former, "
                "trouver un emploi ou créer son activité ; partenaire du projet "
                "Erasmus+ COCADE.",
                "en": "A place open to everyone in the south of the island to choose a career, "
                "train, find a job or start a business; partner of the Erasmus+ COCADE "
                "project.",
            },
            "country": "FR",
            "city": "Saint-Pierre",
            "carrier": "Région Réunion",
            "opened_on": D(2013, 5, 6),
            "languages": ["fr"],
            "email": "lareunion@demo.cocade.example",
            "is_published": True,
            "label": [
                ("labelled", D(2013, 5, 6), ""),
                ("confirmed", D(2014, 5, 19), ""),
                ("renewed", D(2025, 5, 5), ""),
            ],
            "sites": [
                _site(
                    "saint-pierre",
                    "main",
                    {"fr": "Cité des métiers, Saint-Pierre"},
                    "Saint-Pierre",
                    "-21.339300",
                    "55.478100",
                    address="65 rue du Père Favron",
                    postcode="97410",
                    hours={"fr": "Du lundi au vendredi de 8 h à 16 h."},
                    access={"fr": "Accès de plain-pied ; toilettes adaptées."},
                    step_free=True,
                    services=(*FULL_SERVICES, "mobility"),
                )
            ],
            "partners": [
                ("france-travail", ["emploi"], 21, D(2013, 5, 6)),
                ("mission-locale", ["orient", "emploi"], 14, D(2013, 5, 6)),
                ("afpa", ["form"], 7, D(2015, 1, 5)),
            ],
            "people": [
                _person(
                    "Jean-Marc Hoarau",
                    {"fr": "Directeur", "en": "Director"},
                    D(2013, 5, 6),
                    public=True,
                ),
                _person(
                    "Valérie Técher",
                    {
                        "fr": "Coordinatrice de projets européens",
                        "en": "European projects coordinator",
                    },
                    D(2017, 9, 1),
                    ago(200),
                    public=True,
                ),
            ],
        },
        {
            "slug": "namur",
            "original_language": "fr",
            "name": {"fr": "Cité des métiers de Namur", "en": "Namur Cité des métiers"},
            "description": {
                "fr": "Projet de Cité des métiers pour la province de Namur, labellisé « en "
                "projet » le 22 juillet 2014 puis « en préfiguration ».",
                "en": "A Cité des métiers project for the province of Namur, given the "
                "“project” label on 22 July 2014, then the “prefiguration” label.",
            },
            "country": "BE",
            "city": "Namur",
            "carrier": "Le Forem",
            "opened_on": None,
            "languages": ["fr"],
            "email": "namur@demo.cocade.example",
            "is_published": False,
            "label": [
                ("project", D(2014, 7, 22), "Label « en projet »."),
                ("prefiguration", D(2016, 6, 15), ""),
            ],
            "sites": [
                _site(
                    "namur",
                    "main",
                    {"fr": "Cité des métiers de Namur (préfiguration)"},
                    "Namur",
                    "50.466900",
                    "4.867500",
                    postcode="5000",
                    hours={"fr": "Accueil lors des événements de préfiguration."},
                    services=("events", "jobs-in-demand", "pupils-orientation"),
                )
            ],
            "partners": [("le-forem", ["emploi", "form"], None, D(2014, 7, 22))],
            "people": [
                _person(
                    "Laurence Dethier",
                    {"fr": "Cheffe de projet", "en": "Project lead"},
                    D(2014, 9, 1),
                    public=True,
                ),
            ],
        },
        {
            "slug": "saint-quentin-en-yvelines",
            "original_language": "fr",
            "name": {
                "fr": "Cité des métiers de Saint-Quentin-en-Yvelines",
                "en": "Saint-Quentin-en-Yvelines Cité des métiers",
            },
            "description": {
                "fr": "Elle développe depuis fin 2017 la médiation et l'inclusion numériques "
                "pour aider les publics à construire leurs compétences numériques.",
                "en": "Since late 2017 it has developed digital mediation and inclusion to "
                "help people build their digital skills.",
            },
            "country": "FR",
            "city": "Saint-Quentin-en-Yvelines",
            "carrier": "Communauté d'agglomération de Saint-Quentin-en-Yvelines",
            "opened_on": D(2010, 10, 4),
            "languages": ["fr", "en"],
            "email": "sqy@demo.cocade.example",
            "is_published": True,
            "label": [
                ("labelled", D(2010, 10, 4), ""),
                ("confirmed", D(2011, 10, 17), ""),
                ("renewed", D(2025, 10, 6), ""),
            ],
            "sites": [
                _site(
                    "montigny",
                    "main",
                    {"fr": "Cité des métiers, Montigny-le-Bretonneux"},
                    "Montigny-le-Bretonneux",
                    "48.771200",
                    "2.033300",
                    address="Place Georges-Pompidou",
                    postcode="78180",
                    hours={
                        "fr": "Du lundi au vendredi de 9 h à 17 h ; ateliers numériques le "
                        "mercredi après-midi."
                    },
                    access={"fr": "Accès de plain-pied, ascenseur, poste informatique adapté."},
                    step_free=True,
                    services=(*FULL_SERVICES, "digital-workshops"),
                )
            ],
            "partners": [
                ("france-travail", ["emploi"], 14, D(2010, 10, 4)),
                ("mission-locale", ["orient", "emploi"], 14, D(2010, 10, 4)),
                ("apec", ["emploi"], 4, D(2014, 1, 6)),
                ("bge", ["creer"], 7, D(2012, 3, 5)),
            ],
            "people": [
                _person(
                    "Damien Mercier",
                    {"fr": "Directeur", "en": "Director"},
                    D(2015, 6, 1),
                    public=True,
                ),
                _person(
                    "Inès Haddad",
                    {"fr": "Médiatrice numérique", "en": "Digital mediator"},
                    D(2017, 11, 6),
                    public=True,
                ),
            ],
        },
    ]
