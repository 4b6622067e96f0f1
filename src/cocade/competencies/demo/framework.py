"""The demo framework "Conseiller·ère en lieu intégré": 5 blocks, 14 competences, 4 levels.

An illustrative référentiel for the counsellors of a Cité des métiers (see the COCADE domain
brief), written for the demo; it is not an official COCADE deliverable. French is the original
language; every text is also given in English, Portuguese and Italian. Competences point to the
Cedefop 2009 practitioner competences the brief gives and, where it obviously fits, to a NICE
2016 professional role. No ESCO mapping: the demo names no concept it cannot cite.
"""

from __future__ import annotations

from cocade.competencies.interchange.data import (
    BlockData,
    CompetenceData,
    FrameworkData,
    LevelData,
    MappingData,
    Texts,
)

FRAMEWORK_SLUG = "conseiller-lieu-integre"
LEVEL_CODES = ("notions", "application", "maitrise", "expertise")

#: Cedefop (2009) "Professionalising career guidance", practitioner competences used here.
CEDEFOP_ITEMS = {
    "1.1": "Ethical practice",
    "1.2": "Recognise and respond to clients' diverse needs",
    "1.4": "Develop own capabilities and understand limitations",
    "1.5": "Communication and facilitation skills",
    "1.6": "ICT",
    "2.1": "Undertake career development activities",
    "2.2": "Enable access to information",
    "2.3": "Conduct and enable assessment",
    "2.4": "Develop and deliver career learning programmes",
    "2.5": "Make referrals and provide advocacy",
    "2.6": "Facilitate entry into learning and work",
    "3.2": "Operate within networks and build partnerships",
}

#: Competence code → Cedefop item, as in the domain brief's demo référentiel.
CEDEFOP_OF = {
    "A1": "1.5",
    "A2": "2.2",
    "A3": "2.5",
    "B1": "2.1",
    "B2": "2.3",
    "B3": "2.6",
    "C1": "2.4",
    "C2": "1.6",
    "D1": "3.2",
    "E1": "1.1",
    "E2": "1.2",
    "E3": "1.4",
}

CAREER_EDUCATION = "Career Education"
ASSESSMENT_INFORMATION = "Career Assessment & Information"
COUNSELLING = "Career Counselling"
SERVICE_MANAGEMENT = "Programme & Service Management"
SOCIAL_SYSTEMS = "Social Systems Intervention & Development"
GENERIC = "Generic Professional Competences"

#: Competence code → NICE 2016 professional role (or the generic competences domain).
NICE_OF = {
    "A2": ASSESSMENT_INFORMATION,
    "B1": COUNSELLING,
    "B2": ASSESSMENT_INFORMATION,
    "B3": COUNSELLING,
    "C1": CAREER_EDUCATION,
    "D1": SOCIAL_SYSTEMS,
    "D2": SOCIAL_SYSTEMS,
    "D3": SERVICE_MANAGEMENT,
    "E1": GENERIC,
    "E3": GENERIC,
}


def _t(fr: str, en: str, pt: str, it: str) -> Texts:
    return {"fr": fr, "en": en, "pt": pt, "it": it}


LEVELS = (
    (
        "notions",
        _t("Notions", "Basic knowledge", "Noções", "Nozioni"),
        _t(
            "Connaît les principes et le vocabulaire ; agit avec l'appui d'un·e collègue "
            "expérimenté·e.",
            "Knows the principles and the vocabulary; acts with the support of an experienced "
            "colleague.",
            "Conhece os princípios e o vocabulário; atua com o apoio de um colega experiente.",
            "Conosce i principi e il lessico; agisce con il supporto di un collega esperto.",
        ),
    ),
    (
        "application",
        _t("Application", "Application", "Aplicação", "Applicazione"),
        _t(
            "Applique seul·e les pratiques de la Cité dans les situations courantes.",
            "Applies the centre's practices on their own in everyday situations.",
            "Aplica de forma autónoma as práticas da Cidade nas situações correntes.",
            "Applica in autonomia le pratiche della Città nelle situazioni abituali.",
        ),
    ),
    (
        "maitrise",
        _t("Maîtrise", "Proficiency", "Domínio", "Padronanza"),
        _t(
            "Agit avec aisance dans les situations complexes ou imprévues et adapte sa "
            "pratique à chaque public.",
            "Acts with ease in complex or unexpected situations and adapts their practice to "
            "each public.",
            "Atua com à-vontade em situações complexas ou imprevistas e adapta a sua prática a "
            "cada público.",
            "Agisce con sicurezza in situazioni complesse o impreviste e adatta la propria "
            "pratica a ogni pubblico.",
        ),
    ),
    (
        "expertise",
        _t("Expertise", "Expertise", "Especialização", "Competenza esperta"),
        _t(
            "Fait référence dans l'équipe : transmet son savoir-faire, accompagne les nouveaux "
            "arrivants et fait évoluer les pratiques du réseau.",
            "Is a reference for the team: passes on know-how, supports newcomers and improves "
            "the network's practices.",
            "É uma referência para a equipa: transmite o seu saber-fazer, acompanha os "
            "recém-chegados e faz evoluir as práticas da rede.",
            "È un punto di riferimento per l'équipe: trasmette il proprio saper fare, "
            "accompagna i nuovi arrivati e fa evolvere le pratiche della rete.",
        ),
    ),
)

BLOCKS = (
    (
        "A",
        _t("Accueil", "Reception", "Acolhimento", "Accoglienza"),
        _t(
            "Recevoir toute personne, librement et anonymement, et l'orienter vers le bon mode "
            "de service.",
            "Receive anyone, freely and anonymously, and point them to the right mode of service.",
            "Receber qualquer pessoa, de forma livre e anónima, e encaminhá-la para o modo de "
            "serviço adequado.",
            "Ricevere chiunque, liberamente e in forma anonima, e indirizzarlo verso la "
            "modalità di servizio adatta.",
        ),
    ),
    (
        "B",
        _t("Conseil", "Counselling", "Aconselhamento", "Consulenza"),
        _t(
            "Conduire des entretiens sans rendez-vous et accompagner les projets.",
            "Hold interviews without appointment and support people's plans.",
            "Conduzir entrevistas sem marcação e acompanhar os projetos.",
            "Condurre colloqui senza appuntamento e accompagnare i progetti.",
        ),
    ),
    (
        "C",
        _t("Animation", "Group activities", "Animação", "Animazione"),
        _t(
            "Animer ateliers, clubs, fishbowls et sessions numériques.",
            "Run workshops, clubs, fishbowls and digital sessions.",
            "Animar workshops, clubes, fishbowls e sessões digitais.",
            "Animare laboratori, club, fishbowl e sessioni digitali.",
        ),
    ),
    (
        "D",
        _t("Partenariat", "Partnership", "Parceria", "Partenariato"),
        _t(
            "Travailler avec les partenaires de la Cité et de son territoire.",
            "Work with the partners of the centre and of its area.",
            "Trabalhar com os parceiros da Cidade e do seu território.",
            "Lavorare con i partner della Città e del suo territorio.",
        ),
    ),
    (
        "E",
        _t("Posture", "Professional stance", "Postura profissional", "Postura professionale"),
        _t(
            "Tenir les principes de la charte et faire évoluer sa pratique.",
            "Uphold the charter's principles and keep developing one's practice.",
            "Respeitar os princípios da carta e fazer evoluir a própria prática.",
            "Rispettare i principi della carta e far evolvere la propria pratica.",
        ),
    ),
)

# Each competence: code, title, description, indicators, expected levels (newcomer,
# counsellor, senior) and, for some, a descriptor per level (notions → expertise).
COMPETENCES: tuple[dict, ...] = (
    {
        "code": "A1",
        "title": _t(
            "Accueillir sans rendez-vous et de façon anonyme, clarifier la demande",
            "Welcome anonymous walk-ins and clarify the request",
            "Acolher sem marcação e de forma anónima, clarificar o pedido",
            "Accogliere senza appuntamento e in forma anonima, chiarire la richiesta",
        ),
        "description": _t(
            "Premier contact au point d'accueil de l'espace ouvert : recevoir toute personne "
            "sans lui demander de justifier son identité ni son statut, faire émerger sa "
            "question et l'orienter vers le bon mode de service.",
            "The first contact at the reception point of the open space: receive anyone "
            "without asking them to justify who they are or their status, bring out their "
            "question and point them to the right mode of service.",
            "O primeiro contacto no ponto de acolhimento do espaço aberto: receber qualquer "
            "pessoa sem lhe pedir que justifique a sua identidade ou situação, fazer emergir a "
            "sua questão e encaminhá-la para o modo de serviço adequado.",
            "Il primo contatto al punto di accoglienza dello spazio aperto: ricevere chiunque "
            "senza chiedergli di giustificare chi è o la sua condizione, far emergere la sua "
            "domanda e indirizzarlo verso la modalità di servizio adatta.",
        ),
        "indicators": (
            _t(
                "Accueille chaque visiteur dans la minute, sans lui demander son nom ni ses "
                "papiers.",
                "Greets every visitor within a minute, without asking for their name or papers.",
                "Acolhe cada visitante em menos de um minuto, sem lhe pedir o nome nem documentos.",
                "Accoglie ogni visitatore entro un minuto, senza chiedergli il nome né documenti.",
            ),
            _t(
                "Reformule la demande en une question claire que la personne confirme.",
                "Restates the request as a clear question that the person confirms.",
                "Reformula o pedido numa questão clara que a pessoa confirma.",
                "Riformula la richiesta in una domanda chiara che la persona conferma.",
            ),
            _t(
                "Propose le mode de service adapté : documentation en libre accès, entretien "
                "sans rendez-vous ou atelier à venir.",
                "Offers the right mode of service: self-service documentation, a walk-in "
                "interview or an upcoming workshop.",
                "Propõe o modo de serviço adequado: documentação em livre acesso, entrevista "
                "sem marcação ou um próximo workshop.",
                "Propone la modalità di servizio adatta: documentazione a libero accesso, "
                "colloquio senza appuntamento o un prossimo laboratorio.",
            ),
        ),
        "expected": ("application", "maitrise", "expertise"),
        "descriptors": (
            _t(
                "Accueille avec courtoisie et passe le relais à un·e collègue dès que la "
                "demande est floue.",
                "Welcomes people courteously and hands over to a colleague as soon as the "
                "request is unclear.",
                "Acolhe com cortesia e passa a um colega assim que o pedido é pouco claro.",
                "Accoglie con cortesia e passa la persona a un collega appena la richiesta "
                "non è chiara.",
            ),
            _t(
                "Clarifie seul·e les demandes courantes et oriente vers le bon pôle.",
                "Clarifies everyday requests on their own and points to the right pôle.",
                "Clarifica sozinho os pedidos correntes e encaminha para o polo certo.",
                "Chiarisce da solo le richieste abituali e indirizza al polo giusto.",
            ),
            _t(
                "Fait émerger le besoin derrière la question posée, y compris aux heures "
                "d'affluence ou face à une personne en difficulté.",
                "Brings out the need behind the question asked, even at peak times or with a "
                "person in distress.",
                "Faz emergir a necessidade por trás da pergunta feita, mesmo nas horas de "
                "maior afluência ou perante uma pessoa em dificuldade.",
                "Fa emergere il bisogno dietro la domanda posta, anche nelle ore di punta o di "
                "fronte a una persona in difficoltà.",
            ),
            _t(
                "Conçoit l'organisation de l'accueil (circulation, signalétique, binômes) et "
                "forme les nouveaux arrivants à l'accueil.",
                "Designs how reception is organised (flow, signage, pairs) and trains "
                "newcomers at the reception desk.",
                "Concebe a organização do acolhimento (circulação, sinalética, duplas) e "
                "forma os recém-chegados no acolhimento.",
                "Progetta l'organizzazione dell'accoglienza (percorsi, segnaletica, coppie di "
                "lavoro) e forma i nuovi arrivati all'accoglienza.",
            ),
        ),
    },
    {
        "code": "A2",
        "title": _t(
            "Guider vers les ressources en libre accès",
            "Guide to self-service resources",
            "Orientar para os recursos em livre acesso",
            "Guidare verso le risorse a libero accesso",
        ),
        "description": _t(
            "Aider chacun à trouver et à utiliser seul la documentation imprimée et numérique "
            "de l'espace (fiches métiers, offres de formation et d'emploi, sites de "
            "référence), pour qu'il reparte autonome.",
            "Help each person find and use the space's print and digital documentation on "
            "their own (job profiles, training and job offers, reference websites), so that "
            "they leave able to carry on alone.",
            "Ajudar cada pessoa a encontrar e a utilizar sozinha a documentação impressa e "
            "digital do espaço (fichas de profissões, ofertas de formação e de emprego, sites "
            "de referência), para que saia autónoma.",
            "Aiutare ciascuno a trovare e a usare da solo la documentazione cartacea e "
            "digitale dello spazio (schede delle professioni, offerte di formazione e di "
            "lavoro, siti di riferimento), perché riparta autonomo.",
        ),
        "indicators": (
            _t(
                "Connaît le classement de la documentation par pôle et trouve une ressource "
                "en moins de deux minutes.",
                "Knows how the documentation is filed by pôle and finds a resource in under "
                "two minutes.",
                "Conhece a organização da documentação por polo e encontra um recurso em menos "
                "de dois minutos.",
                "Conosce come è ordinata la documentazione per polo e trova una risorsa in "
                "meno di due minuti.",
            ),
            _t(
                "Montre à la personne comment chercher elle-même sur un poste en libre accès, "
                "sans faire à sa place.",
                "Shows the person how to search for themselves on a self-service computer, "
                "without doing it for them.",
                "Mostra à pessoa como pesquisar sozinha num posto de livre acesso, sem fazer "
                "por ela.",
                "Mostra alla persona come cercare da sola su una postazione a libero accesso, "
                "senza fare al posto suo.",
            ),
            _t(
                "Signale les documents périmés ou manquants à la personne chargée du fonds "
                "documentaire.",
                "Reports out-of-date or missing documents to whoever looks after the "
                "documentation.",
                "Assinala os documentos desatualizados ou em falta a quem é responsável pelo "
                "fundo documental.",
                "Segnala i documenti superati o mancanti a chi cura il fondo documentale.",
            ),
        ),
        "expected": ("application", "maitrise", "expertise"),
    },
    {
        "code": "A3",
        "title": _t(
            "Orienter vers le bon partenaire",
            "Refer to the right partner",
            "Encaminhar para o parceiro certo",
            "Indirizzare al partner giusto",
        ),
        "description": _t(
            "Connaître l'offre de chaque partenaire présent dans la Cité ou sur le territoire "
            "(France Travail, Mission locale, CIO, Afpa, BGE, Transitions Pro…) et orienter "
            "la personne vers celui qui répond à sa situation, en expliquant pourquoi.",
            "Know what each partner in the centre or in the area offers (France Travail, "
            "Mission locale, CIO, Afpa, BGE, Transitions Pro…) and refer the person to the "
            "one that fits their situation, explaining why.",
            "Conhecer a oferta de cada parceiro presente na Cidade ou no território (France "
            "Travail, Mission locale, CIO, Afpa, BGE, Transitions Pro…) e encaminhar a pessoa "
            "para aquele que responde à sua situação, explicando porquê.",
            "Conoscere l'offerta di ogni partner presente nella Città o sul territorio "
            "(France Travail, Mission locale, CIO, Afpa, BGE, Transitions Pro…) e indirizzare "
            "la persona verso quello adatto alla sua situazione, spiegando perché.",
        ),
        "indicators": (
            _t(
                "Cite pour chaque pôle les partenaires compétents et leurs jours de permanence.",
                "Names, for each pôle, the partners who can help and the days they staff the desk.",
                "Indica, para cada polo, os parceiros competentes e os seus dias de atendimento.",
                "Indica per ogni polo i partner competenti e i loro giorni di presenza.",
            ),
            _t(
                "Explique à la personne ce que le partenaire pourra faire pour elle et ce "
                "qu'elle doit apporter.",
                "Tells the person what the partner can do for them and what to bring.",
                "Explica à pessoa o que o parceiro poderá fazer por ela e o que deve levar.",
                "Spiega alla persona che cosa il partner potrà fare per lei e che cosa deve "
                "portare.",
            ),
            _t(
                "Oriente sans promouvoir l'organisme dont il ou elle est issu·e.",
                "Refers without promoting the organisation they come from.",
                "Encaminha sem promover a entidade de onde provém.",
                "Indirizza senza promuovere l'ente da cui proviene.",
            ),
        ),
        "expected": ("notions", "maitrise", "expertise"),
    },
    {
        "code": "B1",
        "title": _t(
            "Conduire un entretien court sans rendez-vous",
            "Run a short walk-in interview",
            "Conduzir uma entrevista curta sem marcação",
            "Condurre un breve colloquio senza appuntamento",
        ),
        "description": _t(
            "Mener en 20 à 30 minutes un entretien d'information ou de conseil avec une "
            "personne venue sans rendez-vous, et la laisser repartir avec des pistes "
            "concrètes.",
            "Hold an information or advice interview of 20 to 30 minutes with someone who came "
            "without an appointment, and let them leave with concrete next steps.",
            "Conduzir em 20 a 30 minutos uma entrevista de informação ou de aconselhamento com "
            "uma pessoa que veio sem marcação, e deixá-la sair com pistas concretas.",
            "Condurre in 20-30 minuti un colloquio di informazione o di consulenza con una "
            "persona venuta senza appuntamento e lasciarla ripartire con piste concrete.",
        ),
        "indicators": (
            _t(
                "Annonce le cadre au début : durée, gratuité, anonymat, ce que l'entretien "
                "peut apporter.",
                "States the frame at the start: length, free of charge, anonymous, what the "
                "interview can offer.",
                "Anuncia o enquadramento no início: duração, gratuitidade, anonimato e o que a "
                "entrevista pode trazer.",
                "Presenta il quadro all'inizio: durata, gratuità, anonimato, che cosa il "
                "colloquio può offrire.",
            ),
            _t(
                "Tient le temps prévu tout en laissant la personne exposer sa situation.",
                "Keeps to the time planned while letting the person describe their situation.",
                "Cumpre o tempo previsto, deixando a pessoa expor a sua situação.",
                "Rispetta il tempo previsto lasciando alla persona lo spazio per esporre la "
                "sua situazione.",
            ),
            _t(
                "Conclut par deux ou trois étapes concrètes, notées sur une fiche que la "
                "personne emporte.",
                "Ends with two or three concrete steps, written on a sheet the person takes away.",
                "Conclui com dois ou três passos concretos, escritos numa ficha que a pessoa "
                "leva consigo.",
                "Conclude con due o tre passi concreti, scritti su una scheda che la persona "
                "porta con sé.",
            ),
        ),
        "expected": ("notions", "maitrise", "expertise"),
        "descriptors": (
            _t(
                "Mène l'entretien en binôme avec un·e conseiller·ère expérimenté·e.",
                "Holds the interview in a pair with an experienced counsellor.",
                "Conduz a entrevista em dupla com um conselheiro experiente.",
                "Conduce il colloquio in coppia con un consulente esperto.",
            ),
            _t(
                "Mène seul·e les entretiens sur les questions courantes de son pôle.",
                "Holds interviews alone on the everyday questions of their pôle.",
                "Conduz sozinho entrevistas sobre as questões correntes do seu polo.",
                "Conduce da solo colloqui sulle domande abituali del suo polo.",
            ),
            _t(
                "Mène des entretiens sur des situations complexes ou qui touchent plusieurs "
                "pôles, en restant dans le temps prévu.",
                "Holds interviews on complex situations or ones that span several pôles, "
                "within the time planned.",
                "Conduz entrevistas sobre situações complexas ou que envolvem vários polos, "
                "dentro do tempo previsto.",
                "Conduce colloqui su situazioni complesse o che riguardano più poli, restando "
                "nei tempi previsti.",
            ),
            _t(
                "Observe des entretiens de collègues, leur fait un retour structuré et fait "
                "évoluer la trame d'entretien du réseau.",
                "Observes colleagues' interviews, gives them structured feedback and improves "
                "the network's interview guide.",
                "Observa entrevistas de colegas, dá-lhes um retorno estruturado e faz evoluir "
                "o guião de entrevista da rede.",
                "Osserva i colloqui dei colleghi, dà loro un riscontro strutturato e fa "
                "evolvere la traccia di colloquio della rete.",
            ),
        ),
    },
    {
        "code": "B2",
        "title": _t(
            "Évaluer les compétences et les intérêts",
            "Assess skills and interests",
            "Avaliar competências e interesses",
            "Valutare competenze e interessi",
        ),
        "description": _t(
            "Aider la personne à faire le point sur ce qu'elle sait faire et ce qui "
            "l'intéresse, avec des outils simples (questionnaires d'intérêts, inventaire "
            "d'expériences), et à en tirer des pistes de métiers ou de formations.",
            "Help the person take stock of what they can do and what interests them, with "
            "simple tools (interest questionnaires, an inventory of experiences), and draw "
            "job or training ideas from it.",
            "Ajudar a pessoa a fazer o ponto da situação sobre o que sabe fazer e o que lhe "
            "interessa, com instrumentos simples (questionários de interesses, inventário de "
            "experiências), e a tirar daí pistas de profissões ou de formações.",
            "Aiutare la persona a fare il punto su ciò che sa fare e su ciò che le interessa, "
            "con strumenti semplici (questionari di interessi, inventario delle esperienze), "
            "e a ricavarne piste di professioni o di formazione.",
        ),
        "indicators": (
            _t(
                "Choisit un outil d'auto-évaluation adapté au temps disponible et à la personne.",
                "Chooses a self-assessment tool suited to the time available and to the person.",
                "Escolhe um instrumento de autoavaliação adequado ao tempo disponível e à pessoa.",
                "Sceglie uno strumento di autovalutazione adatto al tempo disponibile e alla "
                "persona.",
            ),
            _t(
                "Fait identifier des compétences issues d'expériences non professionnelles "
                "(bénévolat, vie familiale).",
                "Helps the person identify skills from experience outside work (volunteering, "
                "family life).",
                "Ajuda a identificar competências adquiridas em experiências não profissionais "
                "(voluntariado, vida familiar).",
                "Aiuta a individuare competenze nate da esperienze non lavorative "
                "(volontariato, vita familiare).",
            ),
            _t(
                "Restitue les résultats comme des pistes à explorer, jamais comme un verdict.",
                "Presents the results as leads to explore, never as a verdict.",
                "Apresenta os resultados como pistas a explorar, nunca como um veredicto.",
                "Restituisce i risultati come piste da esplorare, mai come un verdetto.",
            ),
        ),
        "expected": ("notions", "application", "maitrise"),
    },
    {
        "code": "B3",
        "title": _t(
            "Accompagner un projet de transition",
            "Support a transition plan",
            "Acompanhar um projeto de transição",
            "Accompagnare un progetto di transizione",
        ),
        "description": _t(
            "Accompagner une personne qui veut entrer en formation, changer de métier ou créer "
            "son activité : construire avec elle les étapes, les financements possibles et les "
            "contacts utiles.",
            "Support someone who wants to start training, change occupation or set up their "
            "own business: work out with them the steps, the possible funding and the useful "
            "contacts.",
            "Acompanhar uma pessoa que quer entrar em formação, mudar de profissão ou criar a "
            "sua atividade: construir com ela as etapas, os financiamentos possíveis e os "
            "contactos úteis.",
            "Accompagnare una persona che vuole entrare in formazione, cambiare mestiere o "
            "avviare un'attività: costruire con lei le tappe, i finanziamenti possibili e i "
            "contatti utili.",
        ),
        "indicators": (
            _t(
                "Construit avec la personne un plan d'étapes daté qu'elle peut suivre seule.",
                "Builds with the person a dated step-by-step plan they can follow alone.",
                "Constrói com a pessoa um plano de etapas com datas que ela pode seguir sozinha.",
                "Costruisce con la persona un piano a tappe con date che può seguire da sola.",
            ),
            _t(
                "Présente les financements adaptés (compte personnel de formation, projet de "
                "transition professionnelle, aides régionales) et leurs conditions.",
                "Explains the funding that fits (personal training account, career transition "
                "project, regional grants) and its conditions.",
                "Apresenta os financiamentos adequados (conta pessoal de formação, projeto de "
                "transição profissional, apoios regionais) e as respetivas condições.",
                "Presenta i finanziamenti adatti (conto personale di formazione, progetto di "
                "transizione professionale, contributi regionali) e le relative condizioni.",
            ),
            _t(
                "Met la personne en relation avec le partenaire qui prendra le relais "
                "(Transitions Pro, Afpa, BGE…).",
                "Puts the person in touch with the partner who will take over (Transitions "
                "Pro, Afpa, BGE…).",
                "Põe a pessoa em contacto com o parceiro que dará continuidade (Transitions "
                "Pro, Afpa, BGE…).",
                "Mette la persona in contatto con il partner che prenderà il testimone "
                "(Transitions Pro, Afpa, BGE…).",
            ),
        ),
        "expected": ("notions", "application", "maitrise"),
    },
    {
        "code": "C1",
        "title": _t(
            "Animer des ateliers et des fishbowls",
            "Facilitate workshops and fishbowls",
            "Animar workshops e fishbowls",
            "Animare laboratori e fishbowl",
        ),
        "description": _t(
            "Préparer et animer des ateliers collectifs, des clubs et des débats en fishbowl "
            "(cercle de discussion ouvert où le public peut prendre la place des intervenants) "
            "sur l'emploi, la formation ou l'orientation.",
            "Prepare and run group workshops, clubs and fishbowl debates (an open discussion "
            "circle where the audience can take the speakers' seats) on jobs, training or "
            "career choices.",
            "Preparar e animar workshops coletivos, clubes e debates em fishbowl (círculo de "
            "conversa aberto em que o público pode ocupar o lugar dos oradores) sobre emprego, "
            "formação ou orientação.",
            "Preparare e animare laboratori collettivi, club e dibattiti in formato fishbowl "
            "(cerchio di discussione aperto in cui il pubblico può prendere il posto dei "
            "relatori) su lavoro, formazione o orientamento.",
        ),
        "indicators": (
            _t(
                "Prépare un déroulé avec objectifs, minutage et supports, partagé avec les "
                "co-animateurs des organismes partenaires.",
                "Prepares a running order with objectives, timing and materials, shared with "
                "the co-facilitators from partner organisations.",
                "Prepara um guião com objetivos, tempos e materiais, partilhado com os "
                "coanimadores das entidades parceiras.",
                "Prepara una scaletta con obiettivi, tempi e materiali, condivisa con i "
                "co-animatori degli enti partner.",
            ),
            _t(
                "Donne la parole à chacun et gère les prises de parole longues ou hors sujet.",
                "Gives everyone a turn to speak and handles long or off-topic contributions.",
                "Dá a palavra a todos e gere as intervenções longas ou fora do tema.",
                "Dà la parola a tutti e gestisce gli interventi lunghi o fuori tema.",
            ),
            _t(
                "Recueille l'avis des participants à la fin et ajuste la séance suivante.",
                "Collects the participants' feedback at the end and adjusts the next session.",
                "Recolhe a opinião dos participantes no fim e ajusta a sessão seguinte.",
                "Raccoglie il parere dei partecipanti alla fine e adatta la sessione successiva.",
            ),
        ),
        "expected": ("notions", "application", "maitrise"),
        "descriptors": (
            _t(
                "Co-anime une partie d'atelier préparée par un·e collègue.",
                "Co-facilitates part of a workshop prepared by a colleague.",
                "Coanima uma parte de um workshop preparado por um colega.",
                "Co-anima una parte di un laboratorio preparato da un collega.",
            ),
            _t(
                "Anime seul·e un atelier existant à partir de son déroulé.",
                "Runs an existing workshop alone from its running order.",
                "Anima sozinho um workshop existente a partir do seu guião.",
                "Anima da solo un laboratorio esistente seguendo la sua scaletta.",
            ),
            _t(
                "Conçoit de nouveaux ateliers et anime des fishbowls avec plusieurs partenaires "
                "et un public nombreux.",
                "Designs new workshops and runs fishbowls with several partners and a large "
                "audience.",
                "Concebe novos workshops e anima fishbowls com vários parceiros e um público "
                "numeroso.",
                "Progetta nuovi laboratori e anima fishbowl con più partner e un pubblico "
                "numeroso.",
            ),
            _t(
                "Conçoit le programme d'animation de la Cité et forme des animateurs du réseau.",
                "Designs the centre's programme of events and trains facilitators across the "
                "network.",
                "Concebe o programa de animação da Cidade e forma animadores da rede.",
                "Progetta il programma di animazione della Città e forma animatori della rete.",
            ),
        ),
    },
    {
        "code": "C2",
        "title": _t(
            "Animer des sessions numériques",
            "Run digital sessions",
            "Animar sessões digitais",
            "Condurre sessioni digitali",
        ),
        "description": _t(
            "Accompagner des personnes éloignées du numérique dans leurs démarches en ligne "
            "(candidature, espace personnel, CV) lors d'ateliers, de Numeri'Day ou dans les "
            "antennes numériques.",
            "Help people far from digital tools with their online steps (applications, "
            "personal accounts, CVs) in workshops, at Numeri'Days or in the digital antennas.",
            "Acompanhar pessoas afastadas do digital nas suas diligências online "
            "(candidaturas, área pessoal, CV) em workshops, nos Numeri'Day ou nas antenas "
            "digitais.",
            "Accompagnare le persone lontane dal digitale nelle pratiche online (candidature, "
            "area personale, CV) nei laboratori, nei Numeri'Day o nelle antenne digitali.",
        ),
        "indicators": (
            _t(
                "Vérifie au début ce que chaque participant sait déjà faire sur un ordinateur "
                "ou un smartphone.",
                "Checks at the start what each participant can already do on a computer or a "
                "smartphone.",
                "Verifica no início o que cada participante já sabe fazer num computador ou "
                "num smartphone.",
                "Verifica all'inizio che cosa ogni partecipante sa già fare con un computer o "
                "uno smartphone.",
            ),
            _t(
                "Fait faire chaque manipulation par la personne elle-même, sans prendre la souris.",
                "Lets the person do each step themselves, without taking the mouse.",
                "Deixa a própria pessoa fazer cada operação, sem lhe tirar o rato.",
                "Fa eseguire ogni operazione alla persona stessa, senza prenderle il mouse.",
            ),
            _t(
                "Rappelle les règles de sécurité : mots de passe, données personnelles, "
                "déconnexion des postes partagés.",
                "Reminds people of the safety rules: passwords, personal data, signing out of "
                "shared computers.",
                "Relembra as regras de segurança: palavras-passe, dados pessoais, terminar a "
                "sessão nos postos partilhados.",
                "Ricorda le regole di sicurezza: password, dati personali, disconnessione "
                "dalle postazioni condivise.",
            ),
        ),
        "expected": ("notions", "application", "maitrise"),
    },
    {
        "code": "D1",
        "title": _t(
            "Travailler dans une équipe multi-partenaires",
            "Work in a multi-partner team",
            "Trabalhar numa equipa multiparceiros",
            "Lavorare in un'équipe multi-partner",
        ),
        "description": _t(
            "Travailler au quotidien avec des collègues détachés par des organismes différents, "
            "en partageant les permanences, les informations et une culture commune de la "
            "Cité.",
            "Work day to day with colleagues seconded by different organisations, sharing desk "
            "shifts, information and a common culture of the centre.",
            "Trabalhar no dia a dia com colegas destacados por entidades diferentes, "
            "partilhando os turnos de atendimento, a informação e uma cultura comum da Cidade.",
            "Lavorare ogni giorno con colleghi distaccati da enti diversi, condividendo i "
            "turni di presenza, le informazioni e una cultura comune della Città.",
        ),
        "indicators": (
            _t(
                "Connaît les missions et les limites d'intervention de chaque organisme "
                "partenaire de l'équipe.",
                "Knows the remit and the limits of each partner organisation in the team.",
                "Conhece as missões e os limites de intervenção de cada entidade parceira da "
                "equipa.",
                "Conosce le missioni e i limiti di intervento di ogni ente partner dell'équipe.",
            ),
            _t(
                "Transmet les informations utiles à son binôme et à l'équipe à chaque "
                "changement de permanence.",
                "Passes useful information on to their pair and the team at every change of shift.",
                "Transmite as informações úteis à sua dupla e à equipa em cada mudança de turno.",
                "Trasmette le informazioni utili al collega di turno e all'équipe a ogni "
                "cambio di turno.",
            ),
            _t(
                "Participe aux réunions d'équipe et aux journées de culture commune.",
                "Takes part in team meetings and shared-culture days.",
                "Participa nas reuniões de equipa e nos dias de cultura comum.",
                "Partecipa alle riunioni d'équipe e alle giornate di cultura comune.",
            ),
        ),
        "expected": ("application", "maitrise", "expertise"),
    },
    {
        "code": "D2",
        "title": _t(
            "Contribuer au diagnostic territorial et aux antennes",
            "Contribute to the territorial diagnosis and antennas",
            "Contribuir para o diagnóstico territorial e para as antenas",
            "Contribuire alla diagnosi territoriale e alle antenne",
        ),
        "description": _t(
            "Faire remonter ce que l'on observe des besoins du territoire, participer au "
            "diagnostic partagé avec les partenaires et faire vivre l'offre de service dans "
            "les sites secondaires et les antennes.",
            "Report what you observe of local needs, take part in the diagnosis shared with "
            "the partners and keep the service offer alive in secondary sites and antennas.",
            "Dar a conhecer o que se observa das necessidades do território, participar no "
            "diagnóstico partilhado com os parceiros e dar vida à oferta de serviços nos "
            "espaços secundários e nas antenas.",
            "Segnalare ciò che si osserva dei bisogni del territorio, partecipare alla diagnosi "
            "condivisa con i partner e far vivere l'offerta di servizi nelle sedi secondarie e "
            "nelle antenne.",
        ),
        "indicators": (
            _t(
                "Signale les demandes récurrentes auxquelles l'offre actuelle ne répond pas.",
                "Reports recurring requests that the current offer does not meet.",
                "Assinala os pedidos recorrentes a que a oferta atual não responde.",
                "Segnala le richieste ricorrenti a cui l'offerta attuale non risponde.",
            ),
            _t(
                "Contribue aux ateliers de diagnostic territorial avec les partenaires et les "
                "élus locaux.",
                "Contributes to territorial diagnosis workshops with partners and local "
                "elected representatives.",
                "Contribui para as sessões de diagnóstico territorial com os parceiros e os "
                "eleitos locais.",
                "Contribuisce ai laboratori di diagnosi territoriale con i partner e gli "
                "amministratori locali.",
            ),
            _t(
                "Tient des permanences dans une antenne ou un site secondaire en adaptant "
                "l'offre au public local.",
                "Staffs the desk in an antenna or secondary site, adapting the offer to the "
                "local public.",
                "Assegura atendimentos numa antena ou num espaço secundário, adaptando a "
                "oferta ao público local.",
                "Garantisce turni di presenza in un'antenna o in una sede secondaria, "
                "adattando l'offerta al pubblico locale.",
            ),
        ),
        "expected": ("notions", "application", "maitrise"),
    },
    {
        "code": "D3",
        "title": _t(
            "Rendre compte des données d'activité",
            "Report activity data",
            "Prestar contas dos dados de atividade",
            "Rendicontare i dati di attività",
        ),
        "description": _t(
            "Renseigner les comptages d'activité de façon fiable et anonyme, et contribuer au "
            "tableau de bord annuel dont dépend le renouvellement du label.",
            "Fill in the activity tallies reliably and anonymously, and contribute to the "
            "annual dashboard on which the renewal of the label depends.",
            "Registar as contagens de atividade de forma fiável e anónima e contribuir para o "
            "painel anual de que depende a renovação do selo.",
            "Compilare i conteggi di attività in modo affidabile e anonimo e contribuire al "
            "cruscotto annuale da cui dipende il rinnovo del marchio.",
        ),
        "indicators": (
            _t(
                "Saisit chaque visite et chaque entretien le jour même, par pôle, mode et "
                "thème, sans nom ni texte libre.",
                "Records every visit and interview the same day, by pôle, mode and theme, "
                "with no names and no free text.",
                "Regista cada visita e cada entrevista no próprio dia, por polo, modalidade e "
                "tema, sem nomes nem texto livre.",
                "Registra ogni visita e ogni colloquio in giornata, per polo, modalità e tema, "
                "senza nomi né testo libero.",
            ),
            _t(
                "Compte les participants des ateliers et des événements selon les règles "
                "communes du réseau.",
                "Counts workshop and event participants by the network's common rules.",
                "Conta os participantes dos workshops e dos eventos segundo as regras comuns "
                "da rede.",
                "Conta i partecipanti a laboratori ed eventi secondo le regole comuni della rete.",
            ),
            _t(
                "Commente les chiffres du mois en réunion d'équipe et repère les écarts.",
                "Discusses the month's figures at the team meeting and spots unusual changes.",
                "Comenta os números do mês na reunião de equipa e identifica os desvios.",
                "Commenta i dati del mese alla riunione d'équipe e individua gli scostamenti.",
            ),
        ),
        "expected": ("application", "maitrise", "maitrise"),
    },
    {
        "code": "E1",
        "title": _t(
            "Éthique, neutralité, anonymat",
            "Ethics, neutrality, anonymity",
            "Ética, neutralidade, anonimato",
            "Etica, neutralità, anonimato",
        ),
        "description": _t(
            "Appliquer la charte des Cités des métiers : accès libre et gratuit, usage anonyme, "
            "aucun contrôle social, information complète sans promotion de son propre "
            "organisme, conseil sans prescription.",
            "Apply the Cités des métiers charter: free and open access, anonymous use, no "
            "social control, complete information without promoting one's own organisation, "
            "advice without prescription.",
            "Aplicar a carta das Cidades das Profissões: acesso livre e gratuito, utilização "
            "anónima, nenhum controlo social, informação completa sem promover a própria "
            "entidade, aconselhamento sem prescrição.",
            "Applicare la carta delle Città dei mestieri: accesso libero e gratuito, uso "
            "anonimo, nessun controllo sociale, informazione completa senza promuovere il "
            "proprio ente, consulenza senza prescrizione.",
        ),
        "indicators": (
            _t(
                "Ne demande jamais de pièce d'identité ni de justificatif à une personne qui "
                "ne souhaite pas en donner.",
                "Never asks for identity papers or proof from someone who does not wish to "
                "give them.",
                "Nunca pede documentos de identificação nem comprovativos a uma pessoa que não "
                "os queira dar.",
                "Non chiede mai documenti d'identità né giustificativi a chi non desidera "
                "fornirli.",
            ),
            _t(
                "Présente toutes les options pertinentes, y compris celles d'autres organismes "
                "que le sien.",
                "Presents every relevant option, including those of organisations other than "
                "their own.",
                "Apresenta todas as opções pertinentes, incluindo as de outras entidades que "
                "não a sua.",
                "Presenta tutte le opzioni pertinenti, comprese quelle di enti diversi dal "
                "proprio.",
            ),
            _t(
                "Ne transmet aucune information sur un visiteur à son organisme d'origine ni à "
                "un tiers.",
                "Passes no information about a visitor to their home organisation or to "
                "anyone else.",
                "Não transmite nenhuma informação sobre um utente à sua entidade de origem nem "
                "a terceiros.",
                "Non trasmette alcuna informazione su un utente al proprio ente di "
                "provenienza né a terzi.",
            ),
        ),
        "expected": ("application", "maitrise", "expertise"),
        "descriptors": (
            _t(
                "Connaît les principes de la charte et demande conseil en cas de doute.",
                "Knows the principles of the charter and asks for advice when in doubt.",
                "Conhece os princípios da carta e pede conselho em caso de dúvida.",
                "Conosce i principi della carta e chiede consiglio in caso di dubbio.",
            ),
            _t(
                "Applique la charte dans toutes les situations courantes.",
                "Applies the charter in every everyday situation.",
                "Aplica a carta em todas as situações correntes.",
                "Applica la carta in tutte le situazioni abituali.",
            ),
            _t(
                "Tient la neutralité face aux pressions (demande d'un organisme, visiteur "
                "insistant) et sait l'expliquer.",
                "Stays neutral under pressure (a request from an organisation, an insistent "
                "visitor) and can explain why.",
                "Mantém a neutralidade perante pressões (pedido de uma entidade, utente "
                "insistente) e sabe explicá-la.",
                "Mantiene la neutralità di fronte alle pressioni (richiesta di un ente, utente "
                "insistente) e sa spiegarla.",
            ),
            _t(
                "Anime des temps d'échange sur des cas éthiques et contribue aux règles "
                "communes du réseau.",
                "Leads discussions of ethical cases and contributes to the network's common rules.",
                "Anima momentos de partilha sobre casos éticos e contribui para as regras "
                "comuns da rede.",
                "Anima momenti di confronto su casi etici e contribuisce alle regole comuni "
                "della rete.",
            ),
        ),
    },
    {
        "code": "E2",
        "title": _t(
            "Diversité des publics",
            "Diverse publics",
            "Diversidade dos públicos",
            "Diversità dei pubblici",
        ),
        "description": _t(
            "Adapter l'accueil et le conseil à tous les publics, quels que soient leur âge, "
            "leur statut, leur niveau de qualification, leur langue ou leur handicap, y compris "
            "les personnes éloignées du numérique.",
            "Adapt reception and advice to every public, whatever their age, status, "
            "qualification level, language or disability, including people far from digital "
            "tools.",
            "Adaptar o acolhimento e o aconselhamento a todos os públicos, sejam quais forem a "
            "idade, a situação, o nível de qualificação, a língua ou a deficiência, incluindo "
            "as pessoas afastadas do digital.",
            "Adattare l'accoglienza e la consulenza a tutti i pubblici, qualunque siano l'età, "
            "la condizione, il livello di qualifica, la lingua o la disabilità, comprese le "
            "persone lontane dal digitale.",
        ),
        "indicators": (
            _t(
                "Utilise un langage simple et vérifie que la personne a compris.",
                "Uses plain language and checks that the person has understood.",
                "Usa uma linguagem simples e verifica que a pessoa compreendeu.",
                "Usa un linguaggio semplice e verifica che la persona abbia capito.",
            ),
            _t(
                "Sait recourir aux aides disponibles : interprétariat, boucle magnétique, "
                "documents en facile à lire et à comprendre.",
                "Knows how to use the aids available: interpreting, hearing loop, "
                "easy-to-read documents.",
                "Sabe recorrer às ajudas disponíveis: interpretação, anel magnético, "
                "documentos de leitura fácil.",
                "Sa ricorrere agli ausili disponibili: interpretariato, anello a induzione "
                "magnetica, documenti in lettura facilitata.",
            ),
            _t(
                "Adapte ses exemples et ses ressources aux jeunes, aux seniors, aux personnes "
                "en reconversion ou récemment arrivées dans le pays.",
                "Adapts examples and resources to young people, older people, career changers "
                "and people new to the country.",
                "Adapta os exemplos e os recursos aos jovens, aos seniores, às pessoas em "
                "reconversão ou recém-chegadas ao país.",
                "Adatta esempi e risorse ai giovani, agli over 50, alle persone in "
                "riconversione o arrivate da poco nel paese.",
            ),
        ),
        "expected": ("notions", "maitrise", "expertise"),
    },
    {
        "code": "E3",
        "title": _t(
            "Pratique réflexive",
            "Reflective practice",
            "Prática reflexiva",
            "Pratica riflessiva",
        ),
        "description": _t(
            "Prendre du recul sur sa pratique, connaître ses limites, se former et partager "
            "avec ses pairs du réseau.",
            "Step back from one's practice, know one's limits, keep learning and share with "
            "peers across the network.",
            "Tomar distância em relação à própria prática, conhecer os seus limites, formar-se "
            "e partilhar com os pares da rede.",
            "Prendere distanza dalla propria pratica, conoscere i propri limiti, formarsi e "
            "condividere con i colleghi della rete.",
        ),
        "indicators": (
            _t(
                "Se positionne chaque année sur le référentiel et en discute avec son ou sa "
                "responsable.",
                "Assesses themselves on the framework every year and discusses it with their "
                "manager.",
                "Posiciona-se todos os anos no referencial e discute-o com o seu responsável.",
                "Si autovaluta ogni anno sul quadro di riferimento e ne discute con il proprio "
                "responsabile.",
            ),
            _t(
                "Passe le relais quand une demande dépasse son champ de compétence.",
                "Hands over when a request goes beyond their competence.",
                "Passa a outro profissional quando um pedido ultrapassa o seu campo de "
                "competência.",
                "Passa la mano quando una richiesta va oltre il proprio campo di competenza.",
            ),
            _t(
                "Participe à l'analyse de pratiques ou aux écoles du réseau et en rapporte une "
                "idée à l'équipe.",
                "Takes part in practice-analysis groups or the network's schools and brings an "
                "idea back to the team.",
                "Participa em grupos de análise de práticas ou nas escolas da rede e traz uma "
                "ideia para a equipa.",
                "Partecipa a gruppi di analisi delle pratiche o alle scuole della rete e "
                "riporta un'idea all'équipe.",
            ),
        ),
        "expected": ("notions", "application", "maitrise"),
    },
)

TITLE = _t(
    "Conseiller·ère en lieu intégré",
    "Counsellor in an integrated guidance centre",
    "Conselheiro/a num espaço integrado de orientação",
    "Consulente in uno spazio integrato di orientamento",
)
DESCRIPTION = _t(
    "Référentiel de compétences des conseillers et conseillères qui reçoivent le public dans "
    "une Cité des métiers, lieu intégré et multi-partenaires d'accueil, d'information et de "
    "conseil sur la vie professionnelle, ouvert à tous, gratuit et anonyme. Cinq blocs qui "
    "peuvent être travaillés séparément, quatre niveaux. Exemple de démonstration inspiré du "
    "projet Erasmus+ COCADE.",
    "The competence framework of the counsellors who receive the public in a Cité des "
    "métiers: an integrated, multi-partner place for reception, information and advice on "
    "working life, open to all, free of charge and anonymous. Five blocks that can be worked "
    "on separately, four levels. A demonstration example inspired by the Erasmus+ project "
    "COCADE.",
    "O referencial de competências dos conselheiros que recebem o público numa Cidade das "
    "Profissões: um espaço integrado e multiparceiros de acolhimento, informação e "
    "aconselhamento sobre a vida profissional, aberto a todos, gratuito e anónimo. Cinco "
    "blocos que podem ser trabalhados separadamente, quatro níveis. Exemplo de demonstração "
    "inspirado no projeto Erasmus+ COCADE.",
    "Il quadro delle competenze dei consulenti che ricevono il pubblico in una Città dei "
    "mestieri: uno spazio integrato e multi-partner di accoglienza, informazione e consulenza "
    "sulla vita professionale, aperto a tutti, gratuito e anonimo. Cinque blocchi che si "
    "possono sviluppare separatamente, quattro livelli. Esempio dimostrativo ispirato al "
    "progetto Erasmus+ COCADE.",
)
CHANGE_NOTE = _t(
    "Première version publiée : 5 blocs, 14 compétences avec leurs indicateurs, 4 niveaux, "
    "niveaux attendus par profil et correspondances avec les compétences Cedefop 2009.",
    "First published version: 5 blocks, 14 competences with their indicators, 4 levels, "
    "expected levels per profile and mappings to the Cedefop 2009 competences.",
    "Primeira versão publicada: 5 blocos, 14 competências com os seus indicadores, 4 níveis, "
    "níveis esperados por perfil e correspondências com as competências Cedefop 2009.",
    "Prima versione pubblicata: 5 blocchi, 14 competenze con i loro indicatori, 4 livelli, "
    "livelli attesi per profilo e corrispondenze con le competenze Cedefop 2009.",
)


def _mappings(code: str) -> list[MappingData]:
    mappings = []
    if code in CEDEFOP_OF:
        item = CEDEFOP_OF[code]
        mappings.append(
            MappingData(scheme="cedefop_2009", reference=item, label=CEDEFOP_ITEMS[item])
        )
    if code in NICE_OF:
        role = NICE_OF[code]
        label = "Generic competence domain" if role == GENERIC else "Professional role"
        mappings.append(MappingData(scheme="nice_2016", reference=role, label=label))
    return mappings


def _competence(item: dict) -> CompetenceData:
    descriptors = item.get("descriptors", ())
    return CompetenceData(
        code=item["code"],
        title=dict(item["title"]),
        description=dict(item["description"]),
        indicators=[dict(text) for text in item["indicators"]],
        descriptors={
            code: dict(text) for code, text in zip(LEVEL_CODES, descriptors, strict=False)
        },
        expected=dict(zip(("newcomer", "counsellor", "senior"), item["expected"], strict=True)),
        mappings=_mappings(item["code"]),
    )


def framework_data() -> FrameworkData:
    """The demo framework as plain data (a new object on each call: imports clean it)."""
    return FrameworkData(
        slug=FRAMEWORK_SLUG,
        original_language="fr",
        title=dict(TITLE),
        description=dict(DESCRIPTION),
        change_note=dict(CHANGE_NOTE),
        levels=[
            LevelData(rank=rank, code=code, label=dict(label), description=dict(description))
            for rank, (code, label, description) in enumerate(LEVELS, start=1)
        ],
        blocks=[
            BlockData(
                code=block_code,
                title=dict(title),
                description=dict(description),
                competences=[
                    _competence(item) for item in COMPETENCES if item["code"].startswith(block_code)
                ],
            )
            for block_code, title, description in BLOCKS
        ],
    )
