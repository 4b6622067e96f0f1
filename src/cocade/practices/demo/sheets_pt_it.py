"""Demo sheets written in Portuguese (Porto) and Italian (Milan)."""

from __future__ import annotations

from cocade.practices.demo.spec import (
    DemoComment,
    DemoReview,
    DemoSheet,
    DemoTranslation,
    DemoTrial,
)
from cocade.practices.enums import PracticeStatus

SPEED_RECRUITMENT = DemoSheet(
    slug="speed-recruitment-porto",
    centre="porto",
    author="ana.sofia.pereira",
    language="pt",
    practice_type="event",
    poles=("emploi",),
    publics=("jobseekers", "young_people", "employers"),
    competences=("B1", "C1", "D1", "D3"),
    contact_name="Marta Sousa Ribeiro",
    contact_email="marta.sousa.ribeiro",
    days_ago=690,
    texts={
        "title": "Speed Recruitment: entrevistas de emprego de 5 minutos",
        "summary": (
            "Um dia de recrutamento em que candidatos pré-selecionados e preparados pela "
            "Cidade das Profissões fazem entrevistas de 5 minutos com 10 empresas, e um "
            "circuito paralelo com entidades de recrutamento e informação. Na 11.ª edição: "
            "556 inscrições e 2 564 candidaturas."
        ),
        "context": (
            "Muitos candidatos a emprego nunca chegam à fase de entrevista: o currículo é "
            "filtrado antes de o recrutador os conhecer. As empresas, por seu lado, gastam "
            "muito tempo em entrevistas longas com perfis que não correspondem. A Cidade das "
            "Profissões organiza o Speed Recruitment desde 2010 para aproximar uns e outros."
        ),
        "objectives": (
            "- Permitir às empresas concentrarem-se no candidato e identificarem competências "
            "que uma entrevista tradicional não revela.\n"
            "- Dar a candidatos preparados a oportunidade de se apresentarem diretamente.\n"
            "- Oferecer uma solução de recrutamento eficaz e de baixo custo."
        ),
        "method_steps": [
            "Convidar as empresas e recolher as ofertas; abrir as inscrições dos candidatos, "
            "que indicam as empresas a que se candidatam.",
            "Pré-selecionar com as empresas os candidatos (70 na 11.ª edição) e prepará-los em "
            "oficinas: apresentação em 5 minutos, perguntas frequentes, postura.",
            "Planear as rondas: 7 vagas de 10 candidatos, cada um passa pelas 10 empresas, "
            "5 minutos por entrevista, com um toque de campainha entre rondas.",
            "No dia, organizar o circuito de entrevistas e, em paralelo, um circuito com "
            "entidades de recrutamento e de informação (agências, formação, rede EURES).",
            "Recolher as apreciações das empresas e marcar uma segunda entrevista, mais "
            "longa, com os candidatos que as interessaram.",
            "Contactar empresas e candidatos três meses depois para conhecer as contratações.",
        ],
        "partners": (
            "Dez empresas de referência (retalho, indústria, vinhos, trabalho temporário, "
            "distribuição) no circuito de entrevistas; no circuito de informação, agências de "
            "recrutamento, centros de formação, o Instituto do Emprego e Formação "
            "Profissional e a rede EURES."
        ),
        "resources_staff": "Seis pessoas da Cidade das Profissões na preparação; doze no dia.",
        "resources_time": "Três meses de preparação; um dia de evento (6 a 7 horas com pausas).",
        "resources_budget": "Baixo: salas municipais, material de sinalização, lanche.",
        "resources_tools": (
            "Formulário de inscrição em linha, grelha de pré-seleção, plano de rondas, "
            "campainha, fichas de apreciação das empresas."
        ),
        "duration": "Um dia por ano, em novembro; 11 edições desde 2010.",
        "results_figures": (
            "11.ª edição (21 de novembro de 2018): 556 inscrições, mais 204 % do que em 2017; "
            "2 564 candidaturas tratadas (cerca de 4,6 empresas por pessoa); 70 candidatos "
            "pré-selecionados; 10 empresas; 700 entrevistas de 5 minutos."
        ),
        "results_text": (
            "As empresas consideram o formato eficaz e rentável. Os candidatos valorizam a "
            "preparação prévia e a possibilidade de falar diretamente com quem recruta. "
            "Muitos obtêm uma segunda entrevista."
        ),
        "evaluation": (
            "Questionário às empresas no fim do dia; contacto com os candidatos e as empresas "
            "três meses depois para conhecer as contratações."
        ),
        "success_factors": (
            "- A pré-seleção feita com as empresas.\n"
            "- A preparação dos candidatos antes do dia.\n"
            "- Um plano de rondas rigoroso e o toque de campainha."
        ),
        "limits": (
            "Cinco minutos não chegam para perfis muito técnicos; a pré-seleção deixa de "
            "fora muitos inscritos, que é preciso orientar para outros serviços."
        ),
        "transfer_conditions": (
            "Uma rede de empresas que recrutam e aceitam participar, salas amplas e uma "
            "equipa capaz de preparar os candidatos. Os dados dos candidatos devem ser "
            "apagados depois do evento."
        ),
        "sustainability": "Realizado todos os anos desde 2010, com o apoio do Município do Porto.",
    },
    rounds=(
        (
            DemoReview(
                "julien.perrin",
                (4, 4, 4, 3),
                "Pratique exemplaire et très bien documentée. Préciser la durée de conservation "
                "des données des candidats.",
                (("ethics", "Combien de temps les CV sont-ils gardés après l'événement ?"),),
            ),
            DemoReview(
                "giulia.bianchi",
                (4, 4, 3, 4),
                "Molto chiara, i numeri sono convincenti.",
            ),
        ),
    ),
    translations=(
        DemoTranslation(
            "fr",
            "counsellor",
            {
                "title": "Speed Recruitment : des entretiens d'embauche de 5 minutes",
                "summary": (
                    "Une journée de recrutement où des candidats présélectionnés et préparés "
                    "par la Cité des métiers de Porto passent des entretiens de 5 minutes avec "
                    "10 entreprises, avec un circuit parallèle d'organismes de recrutement et "
                    "d'information. À la 11e édition : 556 inscriptions et 2 564 candidatures."
                ),
                "context": (
                    "Beaucoup de demandeurs d'emploi n'arrivent jamais à l'entretien : leur CV "
                    "est écarté avant que le recruteur les rencontre. Les entreprises, elles, "
                    "passent beaucoup de temps en entretiens longs avec des profils qui ne "
                    "correspondent pas. La Cité des métiers de Porto organise le Speed "
                    "Recruitment depuis 2010 pour rapprocher les uns et les autres."
                ),
                "objectives": (
                    "- Permettre aux entreprises de se concentrer sur le candidat et de repérer "
                    "des compétences qu'un entretien classique ne révèle pas.\n"
                    "- Donner à des candidats préparés l'occasion de se présenter directement.\n"
                    "- Offrir une solution de recrutement efficace et peu coûteuse."
                ),
                "method_steps": [
                    "Inviter les entreprises et recueillir les offres ; ouvrir les inscriptions "
                    "des candidats, qui indiquent les entreprises visées.",
                    "Présélectionner avec les entreprises (70 candidats à la 11e édition) et "
                    "les préparer en ateliers : se présenter en 5 minutes, questions "
                    "fréquentes, posture.",
                    "Planifier les tours : 7 vagues de 10 candidats, chacun passe devant les "
                    "10 entreprises, 5 minutes par entretien, une sonnerie entre les tours.",
                    "Le jour même, tenir le circuit d'entretiens et, en parallèle, un circuit "
                    "d'organismes de recrutement et d'information (agences, formation, réseau "
                    "EURES).",
                    "Recueillir les appréciations des entreprises et fixer un second entretien, "
                    "plus long, avec les candidats retenus.",
                    "Recontacter entreprises et candidats trois mois après pour connaître les "
                    "embauches.",
                ],
                "partners": (
                    "Dix entreprises de référence (commerce, industrie, vins, intérim, "
                    "distribution) pour les entretiens ; pour le circuit d'information, des "
                    "agences de recrutement, des centres de formation, l'Institut pour "
                    "l'emploi et la formation professionnelle et le réseau EURES."
                ),
                "resources_staff": "Six personnes de la Cité pour la préparation, douze le "
                "jour même.",
                "resources_time": "Trois mois de préparation ; une journée (6 à 7 heures avec "
                "les pauses).",
                "resources_budget": "Faible : salles municipales, signalétique, collation.",
                "resources_tools": (
                    "Formulaire d'inscription en ligne, grille de présélection, plan des "
                    "tours, sonnerie, fiches d'appréciation des entreprises."
                ),
                "duration": "Une journée par an, en novembre ; 11 éditions depuis 2010.",
                "results_figures": (
                    "11e édition (21 novembre 2018) : 556 inscriptions, soit 204 % de plus "
                    "qu'en 2017 ; 2 564 candidatures traitées (environ 4,6 entreprises par "
                    "personne) ; 70 candidats présélectionnés ; 10 entreprises ; 700 "
                    "entretiens de 5 minutes."
                ),
                "results_text": (
                    "Les entreprises jugent le format efficace et rentable. Les candidats "
                    "apprécient la préparation et la possibilité de parler directement aux "
                    "recruteurs. Beaucoup obtiennent un second entretien."
                ),
                "evaluation": (
                    "Questionnaire aux entreprises en fin de journée ; contact avec candidats "
                    "et entreprises à trois mois pour connaître les embauches."
                ),
                "success_factors": (
                    "- La présélection faite avec les entreprises.\n"
                    "- La préparation des candidats avant la journée.\n"
                    "- Un plan des tours rigoureux et la sonnerie."
                ),
                "limits": (
                    "Cinq minutes ne suffisent pas pour les profils très techniques ; la "
                    "présélection laisse de côté beaucoup d'inscrits, qu'il faut orienter vers "
                    "d'autres services."
                ),
                "transfer_conditions": (
                    "Un réseau d'entreprises qui recrutent et acceptent de jouer le jeu, de "
                    "grandes salles et une équipe capable de préparer les candidats. Les "
                    "données des candidats doivent être effacées après l'événement."
                ),
                "sustainability": "Tenu chaque année depuis 2010, avec l'appui de la "
                "Municipalité de Porto.",
            },
        ),
        DemoTranslation(
            "en",
            "ana.sofia.pereira",
            {
                "title": "Speed Recruitment: five-minute job interviews",
                "summary": (
                    "A recruitment day on which candidates pre-selected and prepared by the "
                    "Porto Cité des métiers have five-minute interviews with 10 companies, "
                    "alongside a circuit of recruitment and information bodies. At the 11th "
                    "edition: 556 registrations and 2,564 applications."
                ),
                "context": (
                    "Many jobseekers never reach the interview: their CV is screened out "
                    "before a recruiter meets them. Companies spend much time on long "
                    "interviews with candidates who do not fit. The Porto Cité des métiers "
                    "has run Speed Recruitment since 2010 to bring the two together."
                ),
                "objectives": (
                    "- Let companies focus on the candidate and spot skills a traditional "
                    "interview does not show.\n"
                    "- Give prepared candidates a chance to present themselves directly.\n"
                    "- Offer an effective, low-cost recruitment solution."
                ),
                "method_steps": [
                    "Invite companies and collect their vacancies; open registration for "
                    "candidates, who say which companies they apply to.",
                    "Pre-select candidates with the companies (70 at the 11th edition) and "
                    "prepare them in workshops: a five-minute pitch, frequent questions, "
                    "attitude.",
                    "Plan the rounds: 7 waves of 10 candidates, each meeting all 10 "
                    "companies, five minutes per interview, a bell between rounds.",
                    "On the day, run the interview circuit and, alongside it, a circuit of "
                    "recruitment and information bodies (agencies, training, the EURES "
                    "network).",
                    "Collect the companies' assessments and arrange a second, longer "
                    "interview with the candidates they liked.",
                    "Contact companies and candidates three months later to learn about hires.",
                ],
                "partners": (
                    "Ten leading companies (retail, industry, wine, temporary work, "
                    "distribution) in the interview circuit; recruitment agencies, training "
                    "centres, the Employment and Vocational Training Institute and the EURES "
                    "network in the information circuit."
                ),
                "resources_staff": "Six people of the Cité for the preparation; twelve on the day.",
                "resources_time": "Three months of preparation; one day (6 to 7 hours with "
                "breaks).",
                "resources_budget": "Low: municipal rooms, signs, refreshments.",
                "resources_tools": (
                    "Online registration form, pre-selection grid, round plan, a bell, "
                    "companies' assessment forms."
                ),
                "duration": "One day a year, in November; 11 editions since 2010.",
                "results_figures": (
                    "11th edition (21 November 2018): 556 registrations, up 204% on 2017; "
                    "2,564 applications processed (about 4.6 companies per person); 70 "
                    "candidates pre-selected; 10 companies; 700 five-minute interviews."
                ),
                "results_text": (
                    "Companies find the format effective and cost-efficient. Candidates "
                    "value the preparation and speaking directly to recruiters. Many get a "
                    "second interview."
                ),
                "evaluation": (
                    "Companies' questionnaire at the end of the day; contact with candidates "
                    "and companies three months later to learn about hires."
                ),
                "success_factors": (
                    "- Pre-selection done together with the companies.\n"
                    "- Preparing the candidates before the day.\n"
                    "- A strict round plan and the bell."
                ),
                "limits": (
                    "Five minutes is too short for very technical profiles; pre-selection "
                    "leaves out many registrants, who must be referred to other services."
                ),
                "transfer_conditions": (
                    "A network of recruiting companies willing to take part, large rooms and "
                    "a team able to prepare candidates. Candidates' data must be erased "
                    "after the event."
                ),
                "sustainability": "Held every year since 2010, with the support of Porto "
                "City Council.",
            },
        ),
    ),
    comments=(
        DemoComment(
            "julien.perrin",
            "Nous aimerions tester le plan de rotation en 7 vagues pour notre forum de "
            "printemps : avez-vous un modèle de planning à partager ?",
            35,
        ),
        DemoComment(
            "ana.sofia.pereira",
            "Sim! Está em anexo na próxima versão; enviamos também a grelha de pré-seleção.",
            38,
        ),
        DemoComment(
            "iker.goikoetxea",
            "How do you handle candidates who apply to more companies than they can meet?",
            120,
        ),
    ),
    trials=(
        DemoTrial(
            "echati.houmadi",
            "Cité des métiers de Mayotte : job-dating avec le BSMA et huit entreprises du "
            "BTP et de la logistique.",
            "40 candidats préparés, 320 entretiens, 11 embauches connues à trois mois.",
            "Entretiens de 7 minutes, et un interprète shimaoré-français disponible.",
            180,
        ),
        DemoTrial(
            "iker.goikoetxea",
            "Bidasoa Activa, Irun: cross-border recruitment day with French and Spanish companies.",
            "Worked well; candidates valued the preparation workshop most.",
            "Bilingual interviews, 8 companies, 4 waves.",
            260,
        ),
    ),
    followers=("julien.perrin", "iker.goikoetxea", "echati.houmadi", "coordinator", "editor"),
)

PREPARACAO_PITCH = DemoSheet(
    slug="preparacao-candidatos-pitch-5-minutos",
    centre="porto",
    author="tiago.moreira",
    language="pt",
    practice_type="workshop",
    poles=("emploi",),
    publics=("jobseekers", "young_people"),
    competences=("B1", "C1"),
    contact_name="Tiago Moreira",
    contact_email="tiago.moreira",
    days_ago=520,
    texts={
        "title": "Oficinas de preparação: apresentar-se em 5 minutos",
        "summary": (
            "Antes do Speed Recruitment, os candidatos pré-selecionados participam numa "
            "oficina de três horas para preparar uma apresentação de cinco minutos e treinar "
            "com colegas e conselheiros."
        ),
        "context": (
            "Nas primeiras edições do Speed Recruitment, muitos candidatos usavam os cinco "
            "minutos a ler o currículo. As empresas pediram candidatos mais bem preparados."
        ),
        "objectives": "Ajudar cada candidato a apresentar o seu percurso e o seu valor em "
        "cinco minutos; reduzir o stress; preparar as perguntas difíceis.",
        "method_steps": [
            "Explicar o formato do dia e o que as empresas procuram.",
            "Construir a apresentação em três partes: quem sou, o que sei fazer, o que procuro.",
            "Treinar em trios: um candidato, um recrutador, um observador, com cronómetro.",
            "Dar feedback com uma grelha comum e repetir uma segunda vez.",
            "Entregar uma ficha com as perguntas mais frequentes das empresas.",
        ],
        "partners": "O Instituto do Emprego e Formação Profissional; voluntários de recursos "
        "humanos de empresas parceiras.",
        "resources_staff": "Dois conselheiros e dois voluntários por oficina.",
        "resources_time": "Três horas por oficina; quatro oficinas por edição.",
        "resources_budget": "Sem custos próprios.",
        "resources_tools": "Cronómetro, grelha de feedback, ficha de perguntas frequentes.",
        "duration": "Duas semanas antes de cada Speed Recruitment.",
        "results_figures": "70 candidatos preparados por edição; 92 % sentem-se mais confiantes "
        "(questionário à saída).",
        "results_text": "As empresas notam candidatos mais claros e mais seguros.",
        "evaluation": "Questionário à saída da oficina; opinião das empresas no dia.",
        "success_factors": "O treino cronometrado; o olhar de profissionais de recursos humanos.",
        "limits": "Três horas não bastam para quem tem muita ansiedade.",
        "transfer_conditions": "Associada a um evento de recrutamento real.",
        "sustainability": "Faz parte de cada edição do Speed Recruitment.",
    },
    rounds=(
        (DemoReview("aicha.diallo", (4, 3, 4, 4), "Très complémentaire de nos simulations."),),
    ),
    followers=("aicha.diallo",),
)

PORTUGUES_EMPREGO = DemoSheet(
    slug="oficinas-portugues-emprego-migrantes",
    centre="porto",
    author="ines.fonseca",
    language="pt",
    practice_type="workshop",
    poles=("emploi", "form"),
    publics=("migrants", "jobseekers"),
    competences=("A3", "E2"),
    contact_name="Inês Fonseca",
    contact_email="ines.fonseca",
    days_ago=280,
    texts={
        "title": "Oficinas «Português e emprego» para migrantes",
        "summary": (
            "Oficinas semanais que juntam o português do trabalho e a procura de emprego: "
            "vocabulário das profissões, entrevistas simuladas, leitura de ofertas e "
            "contratos."
        ),
        "context": (
            "O número de migrantes que procuram a Cidade das Profissões aumentou muito. Os "
            "cursos de língua existentes não tratam a linguagem do trabalho, e o acolhimento "
            "individual esbarrava na barreira da língua."
        ),
        "objectives": "Dar vocabulário profissional útil; preparar entrevistas; orientar para "
        "o reconhecimento de qualificações.",
        "method_steps": [
            "Acolher sem inscrição prévia, em grupos de doze no máximo.",
            "Trabalhar um tema por sessão: apresentar-se, ler uma oferta, telefonar a um "
            "empregador, perceber um contrato.",
            "Fazer entrevistas simuladas em pares.",
            "Orientar individualmente para o reconhecimento de diplomas e para a formação.",
        ],
        "partners": "O Alto Comissariado para as Migrações, associações de migrantes, uma "
        "escola de línguas.",
        "resources_staff": "Uma conselheira e uma professora de português voluntária.",
        "resources_time": "Duas horas por semana.",
        "resources_budget": "Material impresso: cerca de 300 € por ano.",
        "resources_tools": "Fichas temáticas, ofertas reais, modelos de contratos.",
        "duration": "Todas as terças-feiras, durante todo o ano.",
        "results_figures": "46 sessões, 210 participantes de 27 nacionalidades; 38 contratos de "
        "trabalho conhecidos.",
        "results_text": "Os participantes ganham confiança para contactar empregadores.",
        "evaluation": "Questionário simples em português fácil; registo dos contratos comunicados.",
        "success_factors": "Temas ligados ao trabalho real; grupos pequenos.",
        "limits": "Níveis de língua muito diferentes no mesmo grupo.",
        "transfer_conditions": "Um parceiro de ensino da língua e ofertas de emprego reais.",
        "sustainability": "Protocolo anual com a escola de línguas.",
    },
    rounds=(
        (
            DemoReview(
                "desislava.petrova",
                (3, 3, 4, 4),
                "Very close to what we do in Barcelona; good ethics.",
            ),
        ),
    ),
    followers=("desislava.petrova",),
)

CLUBE_45 = DemoSheet(
    slug="clube-emprego-mais-45",
    centre="porto",
    author="mariana.teixeira",
    language="pt",
    practice_type="workshop",
    poles=("emploi", "changer"),
    publics=("jobseekers", "seniors"),
    competences=("B3", "E2"),
    contact_name="Mariana Teixeira",
    contact_email="mariana.teixeira",
    status=PracticeStatus.CHANGES_REQUESTED,
    days_ago=9,
    texts={
        "title": "Clube de emprego para maiores de 45 anos",
        "summary": "Um grupo semanal de procura de emprego para pessoas com mais de 45 anos.",
        "context": "Os desempregados com mais de 45 anos ficam mais tempo sem emprego.",
        "objectives": "Apoio mútuo e procura ativa de emprego.",
        "method_steps": [
            "Reunir o grupo uma vez por semana.",
            "Partilhar as candidaturas da semana.",
            "Convidar empregadores.",
        ],
        "partners": "IEFP, empresas.",
        "resources_staff": "Uma conselheira.",
        "resources_time": "Duas horas por semana.",
        "resources_budget": "Nenhum.",
        "resources_tools": "Sala de reuniões.",
        "duration": "Seis meses.",
        "results_figures": "Vários participantes encontraram emprego.",
        "results_text": "Bom ambiente no grupo.",
        "evaluation": "Conversa no fim do ciclo.",
        "success_factors": "O grupo.",
        "limits": "Algumas desistências.",
        "transfer_conditions": "Nenhuma.",
        "sustainability": "A definir.",
    },
    rounds=(
        (
            DemoReview(
                "sophie.lambert",
                (2, 1, 2, 3),
                "Le sujet est important, mais la fiche ne permet ni de comprendre le "
                "déroulé d'une séance ni d'apprécier les résultats. Merci de chiffrer "
                "(participants, reprises d'emploi) et de détailler les étapes.",
                (
                    ("evidence", "« Vários participantes » : combien sur combien ?"),
                    ("transferability", "Comment les employeurs sont-ils invités ?"),
                ),
                asks_changes=True,
            ),
            DemoReview(
                "marco.fontana",
                (2, 2, 2, 3),
                "Please describe the weekly session step by step and add how you evaluate it.",
                asks_changes=True,
            ),
        ),
    ),
)

OPEN_DAY_SCELTE = DemoSheet(
    slug="open-day-delle-scelte",
    centre="milano",
    author="giulia.bianchi",
    language="it",
    practice_type="event",
    poles=("orient", "form"),
    publics=("pupils", "students"),
    competences=("A2", "B2", "D1"),
    contact_name="Giulia Bianchi",
    contact_email="giulia.bianchi",
    days_ago=620,
    texts={
        "title": "Open day delle scelte: un sabato di orientamento per studenti e famiglie",
        "summary": (
            "Un sabato all'anno la Città dei mestieri apre le porte a studenti delle medie e "
            "delle superiori e alle loro famiglie: colloqui brevi, laboratori sugli interessi "
            "e incontri con professionisti e istituti di formazione."
        ),
        "context": (
            "Le famiglie arrivano alla scelta della scuola superiore o dell'università con "
            "molta ansia e poche informazioni. Gli open day delle singole scuole presentano "
            "un'offerta sola, senza una visione d'insieme."
        ),
        "objectives": (
            "- Dare una visione d'insieme dei percorsi di istruzione e formazione.\n"
            "- Aiutare gli studenti a partire dai propri interessi.\n"
            "- Coinvolgere i genitori senza che decidano al posto dei figli."
        ),
        "method_steps": [
            "Organizzare quattro aree: licei, istituti tecnici e professionali, istruzione "
            "e formazione professionale, università e ITS.",
            "Proporre ogni ora un laboratorio di 45 minuti sugli interessi professionali, "
            "con un questionario breve e una discussione di gruppo.",
            "Offrire colloqui di orientamento di 15 minuti senza appuntamento.",
            "Allestire un'area «professionisti» dove lavoratori di diversi settori "
            "raccontano il loro percorso.",
            "Proporre ai genitori un incontro separato sul ruolo della famiglia nella scelta.",
        ],
        "partners": "Ufficio scolastico, istituti superiori, centri di formazione "
        "professionale, università, ITS, associazioni di categoria.",
        "resources_staff": "Sei orientatori e circa quaranta rappresentanti dei partner.",
        "resources_time": "Due mesi di preparazione; un sabato dalle 9 alle 17.",
        "resources_budget": "Circa 4.000 € (allestimento, comunicazione).",
        "resources_tools": "Questionario sugli interessi, mappa dei percorsi, programma stampato.",
        "duration": "Un sabato all'anno, a novembre, prima delle iscrizioni.",
        "results_figures": "1.450 visitatori, di cui circa 600 genitori; 320 colloqui; 14 "
        "laboratori.",
        "results_text": (
            "Le famiglie apprezzano trovare tutta l'offerta in un unico luogo. Molti studenti "
            "tornano poi per un colloquio più lungo."
        ),
        "evaluation": "Questionario all'uscita (410 risposte); conteggio dei colloqui nei "
        "mesi successivi.",
        "success_factors": "La neutralità: nessuna scuola promuove solo sé stessa; "
        "l'incontro separato per i genitori.",
        "limits": "L'affluenza del pomeriggio allunga le attese per i colloqui.",
        "transfer_conditions": "Una rete di scuole e centri di formazione disposti a "
        "presentarsi insieme.",
        "sustainability": "Appuntamento annuale sostenuto dal Comune.",
    },
    rounds=((DemoReview("lea.perret", (4, 3, 4, 4), "Très belle pratique, bien décrite."),),),
    translations=(
        DemoTranslation(
            "en",
            "marco.fontana",
            {
                "title": "The choices open day: a Saturday of guidance for pupils and families",
                "summary": (
                    "One Saturday a year the Città dei mestieri opens its doors to lower and "
                    "upper secondary pupils and their families: short interviews, workshops "
                    "on interests, and meetings with professionals and training providers."
                ),
                "context": (
                    "Families face the choice of upper secondary school or university with "
                    "much anxiety and little information. Each school's own open day shows "
                    "only its own offer, with no overall view."
                ),
                "objectives": (
                    "- Give an overall view of education and training paths.\n"
                    "- Help pupils start from their own interests.\n"
                    "- Involve parents without letting them decide for their children."
                ),
                "method_steps": [
                    "Set up four areas: general schools, technical and vocational schools, "
                    "vocational training, university and higher technical institutes.",
                    "Every hour, run a 45-minute workshop on career interests, with a short "
                    "questionnaire and a group discussion.",
                    "Offer 15-minute guidance interviews without appointment.",
                    'Set up a "professionals" area where workers from various sectors tell '
                    "their story.",
                    "Offer parents a separate meeting on the family's role in the choice.",
                ],
                "partners": "Regional school office, upper secondary schools, vocational "
                "training centres, universities, higher technical institutes, trade "
                "associations.",
                "resources_staff": "Six counsellors and about forty partner representatives.",
                "resources_time": "Two months of preparation; one Saturday from 9 am to 5 pm.",
                "resources_budget": "About €4,000 (set-up, publicity).",
                "resources_tools": "Interest questionnaire, map of paths, printed programme.",
                "duration": "One Saturday a year, in November, before enrolment.",
                "results_figures": "1,450 visitors, about 600 of them parents; 320 interviews; "
                "14 workshops.",
                "results_text": (
                    "Families value finding the whole offer in one place. Many pupils come "
                    "back later for a longer interview."
                ),
                "evaluation": "Exit questionnaire (410 answers); count of interviews in the "
                "following months.",
                "success_factors": "Neutrality: no school promotes only itself; the separate "
                "meeting for parents.",
                "limits": "Afternoon crowds lengthen the wait for interviews.",
                "transfer_conditions": "A network of schools and training centres willing "
                "to present together.",
                "sustainability": "A yearly event supported by the City.",
            },
        ),
    ),
    followers=("lea.perret", "julie.lambotte"),
)

BILANCIO_OVER_50 = DemoSheet(
    slug="laboratori-bilancio-competenze-over-50",
    centre="milano",
    author="marco.fontana",
    language="it",
    practice_type="workshop",
    poles=("changer", "emploi"),
    publics=("employees", "jobseekers", "seniors"),
    competences=("B2", "B3", "E2"),
    contact_name="Marco Fontana",
    contact_email="marco.fontana",
    days_ago=360,
    texts={
        "title": "Laboratori di bilancio delle competenze per lavoratori over 50",
        "summary": (
            "Un percorso di quattro incontri di gruppo per lavoratori e disoccupati over 50 "
            "che vogliono riconoscere le proprie competenze e progettare un cambiamento."
        ),
        "context": (
            "Molti lavoratori over 50 colpiti da crisi aziendali non sanno descrivere ciò che "
            "sanno fare al di fuori del loro ruolo. Il bilancio individuale è lungo e costoso."
        ),
        "objectives": "Riconoscere le competenze trasferibili; ritrovare fiducia; definire "
        "un progetto realistico.",
        "method_steps": [
            "Incontro 1: racconto del proprio percorso in piccoli gruppi.",
            "Incontro 2: dalle attività alle competenze, con schede guidate.",
            "Incontro 3: esplorazione di mestieri vicini e del mercato locale.",
            "Incontro 4: piano d'azione e colloquio individuale di chiusura.",
        ],
        "partners": "Centri per l'impiego, sindacati, agenzie per il lavoro.",
        "resources_staff": "Un orientatore per gruppo di dieci persone.",
        "resources_time": "Quattro incontri di tre ore.",
        "resources_budget": "Finanziato dal programma regionale per le politiche attive.",
        "resources_tools": "Schede delle competenze, banca dati dei profili professionali.",
        "duration": "Un ciclo al mese.",
        "results_figures": "11 cicli, 104 partecipanti; 61 % con un progetto definito a fine "
        "percorso.",
        "results_text": "I partecipanti descrivono un forte recupero di fiducia.",
        "evaluation": "Questionario iniziale e finale di autoefficacia.",
        "success_factors": "Il gruppo di pari età; la concretezza delle schede.",
        "limits": "Il percorso non include stage in azienda.",
        "transfer_conditions": "Orientatori formati al bilancio delle competenze.",
        "sustainability": "Rifinanziato per due anni.",
    },
    rounds=((DemoReview("sophie.lambert", (3, 3, 3, 4), "Bonne fiche, claire."),),),
)

COLLOQUI_VIDEO = DemoSheet(
    slug="colloqui-orientamento-videochiamata",
    centre="milano",
    author="chiara.ferrari",
    language="it",
    practice_type="digital",
    poles=("orient", "emploi", "changer"),
    publics=("jobseekers", "employees", "students"),
    competences=("B1", "C2", "E1"),
    contact_name="Chiara Ferrari",
    contact_email="chiara.ferrari",
    days_ago=180,
    texts={
        "title": "Colloqui di orientamento in videochiamata",
        "summary": (
            "Colloqui di orientamento di 30 minuti in videochiamata, prenotabili online senza "
            "registrazione, per chi non può venire in sede."
        ),
        "context": (
            "Molte persone che lavorano o vivono lontano da Milano non riescono a venire negli "
            "orari di apertura. Dopo la pandemia la videochiamata è diventata familiare."
        ),
        "objectives": "Raggiungere chi non può spostarsi; mantenere l'anonimato; offrire lo "
        "stesso servizio del colloquio in presenza.",
        "method_steps": [
            "Aprire fasce orarie serali prenotabili con solo un nome di battesimo e un "
            "indirizzo email.",
            "Inviare un link di videochiamata che non richiede account.",
            "Condurre il colloquio come in presenza, condividendo lo schermo per le risorse.",
            "Inviare dopo il colloquio una sintesi con i link utili, poi cancellare i dati di "
            "prenotazione.",
        ],
        "partners": "Centri per l'impiego e servizi di orientamento universitario.",
        "resources_staff": "Tre orientatori a turno.",
        "resources_time": "Sei ore a settimana.",
        "resources_budget": "Licenza dello strumento di videochiamata.",
        "resources_tools": "Strumento di videochiamata senza account, calendario di prenotazione.",
        "duration": "Martedì e giovedì sera, dalle 18 alle 21.",
        "results_figures": "620 colloqui in un anno; 35 % di persone residenti fuori città.",
        "results_text": "Il servizio raggiunge lavoratori e genitori con bambini piccoli.",
        "evaluation": "Breve questionario anonimo dopo il colloquio.",
        "success_factors": "Nessuna registrazione; fasce serali.",
        "limits": "Connessioni instabili; più difficile leggere il non verbale.",
        "transfer_conditions": "Uno strumento conforme al GDPR e orientatori formati.",
        "sustainability": "Integrato nell'offerta ordinaria.",
    },
    rounds=((DemoReview("nuno.carvalho", (3, 3, 4, 4), "Boa prática, fácil de transferir."),),),
    comments=(
        DemoComment(
            "mette.kjaer.sorensen",
            "Interesting to compare with written chat counselling: do people prefer video "
            "or chat in your experience?",
            30,
        ),
    ),
)

MAPPATURA_SERVIZI = DemoSheet(
    slug="mappatura-servizi-territorio",
    centre="milano",
    author="luca.galli",
    language="it",
    practice_type="partnership",
    poles=("orient", "form", "emploi", "changer", "creer"),
    publics=("professionals",),
    competences=("A3", "D2"),
    contact_name="Luca Galli",
    contact_email="luca.galli",
    status=PracticeStatus.DRAFT,
    days_ago=30,
    texts={
        "title": "Mappatura condivisa dei servizi del territorio",
        "summary": (
            "Una mappa online dei servizi di orientamento, formazione e lavoro della città, "
            "aggiornata dai partner, per indirizzare le persone al servizio giusto."
        ),
        "context": "Gli orientatori non conoscono tutti i servizi della città.",
        "objectives": "Una mappa unica e aggiornata.",
        "method_steps": [
            "Censire i servizi con i partner.",
            "Pubblicare la mappa.",
            "Aggiornarla ogni trimestre.",
        ],
        "partners": "Comune, centri per l'impiego, enti di formazione.",
        "resources_staff": "Un orientatore.",
        "resources_time": "Da stimare.",
        "resources_budget": "Da stimare.",
        "resources_tools": "Mappa online.",
        "duration": "In preparazione.",
        "results_figures": "Da completare.",
        "results_text": "Da completare.",
        "evaluation": "Da definire.",
        "success_factors": "Da completare.",
        "limits": "Da completare.",
        "transfer_conditions": "Da completare.",
        "sustainability": "Da completare.",
    },
)

SHEETS = (
    SPEED_RECRUITMENT,
    PREPARACAO_PITCH,
    PORTUGUES_EMPREGO,
    CLUBE_45,
    OPEN_DAY_SCELTE,
    BILANCIO_OVER_50,
    COLLOQUI_VIDEO,
    MAPPATURA_SERVIZI,
)
