"""Fictional registrants of the agenda demo, by where they live. Nobody here has an account:
they registered with their email address only, as most visitors do. Their addresses are at
`example.org`, a domain reserved for examples that never receives mail."""

from __future__ import annotations

#: Visitors of the Paris-La Villette and Marseille centres.
FRANCE = (
    "Amandine Roche",
    "Yanis Belkacem",
    "Océane Lemaire",
    "Moussa Traoré",
    "Laura Giraud",
    "Kevin Nguyen",
    "Fatoumata Sylla",
    "Hugo Marchetti",
    "Inès Haddad",
    "Thomas Bouvier",
    "Chloé Martin",
    "Samir Ouali",
    "Manon Lefort",
    "Romain Dubreuil",
    "Awa Cissé",
    "Julien Carpentier",
    "Sarah Benhamou",
    "Maxime Renaud",
    "Nour El Amrani",
    "Pauline Texier",
    "Antoine Vidal",
    "Léna Gauthier",
    "Bilal Mansouri",
    "Justine Colin",
)

#: Visitors of the Cidade das Profissões, Porto.
PORTUGAL = (
    "Beatriz Sousa",
    "Rui Almeida",
    "Catarina Lopes",
    "Diogo Ribeiro",
    "Joana Martins",
    "Tomás Cardoso",
    "Sofia Mendes",
    "Gonçalo Pinto",
    "Marta Vieira",
    "Francisco Rocha",
    "Leonor Antunes",
    "Miguel Tavares",
    "Rita Nogueira",
    "André Faria",
)

#: Visitors of the Milan centre.
ITALY = (
    "Alessandro Conti",
    "Francesca Romano",
    "Matteo Greco",
    "Sara Colombo",
    "Davide Ricci",
    "Elena Marino",
    "Simone Gallo",
    "Martina De Luca",
)

#: Visitors of the Brussels centre.
BELGIUM = (
    "Lucas Peeters",
    "Amina El Idrissi",
    "Noah Janssens",
    "Emma Dubois",
    "Mehmet Yilmaz",
    "Louise Lambert",
    "Arthur Maes",
    "Clara Willems",
)

#: Cross-border workers who follow the Geneva centre's webinars.
SWITZERLAND = (
    "Valentin Favre",
    "Céline Rochat",
    "Nicolas Berthoud",
    "Aurélie Perrin",
    "Kilian Michaud",
    "Mélanie Jaquet",
)

#: Visitors of the Mayotte centre and its digital antennas.
MAYOTTE = (
    "Zaïnaba Ahamada",
    "Ibrahim Ousseni",
    "Soifiata Madi",
    "Nasser Boinali",
    "Anziza Mohamed",
    "Dhoulkamal Attoumani",
    "Hadidja Soilihi",
    "Bacar Abdou",
    "Mariame Saïd",
    "Kamaldine Houmadi",
)

#: Staff of the COCADE partners abroad (Bulgaria, Denmark, Italy, Portugal).
PARTNERS_ABROAD = (
    ("Petya Georgieva", "bg"),
    ("Nikolay Dimitrov", "bg"),
    ("Rasmus Møller", "da"),
    ("Ida Kristensen", "da"),
    ("Paola Ferrero", "it"),
    ("Stefano Bruno", "it"),
    ("Carla Matos", "pt"),
    ("Hugo Monteiro", "pt"),
)

#: Staff of the network's centres and of the French partners of COCADE.
NETWORK_STAFF = (
    ("Valérie Hoarau", "fr"),
    ("Olivier Grondin", "fr"),
    ("Stéphanie Lecoq", "fr"),
    ("Frédéric Anquetil", "fr"),
    ("Agnès Morvan", "fr"),
    ("Patrick Delmas", "fr"),
    ("Nathalie Claes", "fr"),
    ("Grégory Maillard", "fr"),
    ("Corinne Bauer", "fr"),
    ("Marc Lefebvre", "fr"),
    ("Sylvain Roux", "fr"),
    ("Hélder Costa", "pt"),
    ("Giorgia Villa", "it"),
    ("Jordi Puig", "en"),
    ("Aitor Etxeberria", "en"),
    ("Anne-Sophie Dumont", "fr"),
)
