namespace Berceau.Domain.Observatory.Indicators;

/// <summary>
/// Every indicator of the observatory (issue 8), in the order of the dashboard: definition, source and formula in French, as
/// docs/observatory.md gives them. The codes are the API's and never change once published.
/// </summary>
public static class IndicatorCatalog
{
    private const string Guichet = "Guichet unique Berceau : demandes d’accueil et leur historique de statuts";
    private const string Commissions = "Commissions d’attribution Berceau : demandes examinées et propositions de place";
    private const string FollowUp = "Dossiers de suivi Berceau (« zéro sans solution »)";
    private const string Registry = "Registre des structures Berceau (sections, agréments, dates d’ouverture et de fermeture)";
    private const string Coverage = "Cnaf (places et taux publiés, txcouv_pe_com et nbpla_pe_com) pour les années passées ; registre Berceau pour l’année en cours";

    public static IndicatorDefinition PendingApplications { get; } = new("demandes-en-attente", IndicatorTheme.Demand,
        "Demandes en attente d’une place", "demandes", Guichet,
        "Demandes d’accueil déposées qui attendent une place au jour de référence (31 décembre de l’année, ou aujourd’hui pour "
        + "l’année en cours) : déposées, incomplètes, complètes, en commission, proposées (réponse attendue) ou sur liste d’attente. "
        + "Par âge de l’enfant au jour de référence et par commune de la demande.",
        "Nombre de demandes dont le statut au jour de référence est l’un de ceux-là (reconstitué par l’historique des statuts pour une année passée).");

    public static IndicatorDefinition Pressure { get; } = new("pression-premiers-voeux", IndicatorTheme.Demand,
        "Pression sur les crèches (premiers vœux par place)", "premiers vœux par place", Guichet + " ; " + Registry,
        "Nombre de demandes en attente qui placent la structure en premier vœu, rapporté à ses places. Au-dessus de 1, la "
        + "structure est demandée en premier par plus de familles qu’elle n’a de places. Les vœux « toute crèche de mon secteur » "
        + "ne désignent pas de structure et ne sont pas comptés. Année en cours seulement : les vœux ne sont pas historisés.",
        "Σ premiers vœux des demandes en attente ÷ Σ places des structures collectives ouvertes du territoire.");

    public static IndicatorDefinition MedianWait { get; } = new("delai-median-attribution", IndicatorTheme.Demand,
        "Délai médian avant une place", "jours", Guichet,
        "Jours entre le dépôt de la demande et l’acceptation d’une place par la famille, pour les familles qui ont accepté une "
        + "place dans l’année. La moitié des familles ont attendu moins, la moitié plus.",
        "Médiane des durées (moyenne des deux valeurs du milieu pour un nombre pair), sur toutes les familles du territoire réunies.");

    public static IndicatorDefinition Wait90 { get; } = new("delai-90e-centile-attribution", IndicatorTheme.Demand,
        "Délai avant une place : 90 % des familles", "jours", Guichet,
        "Durée en jours, du dépôt à l’acceptation d’une place, en dessous de laquelle se trouvent 90 % des familles qui ont accepté "
        + "une place dans l’année : les 10 % restantes ont attendu plus longtemps.",
        "90e centile au rang le plus proche : la valeur de rang ⌈0,9 × n⌉ des durées triées, sur toutes les familles du territoire réunies.");

    public static IndicatorDefinition PlacedPerCommission { get; } = new("taux-placement-commission", IndicatorTheme.Demand,
        "Part des demandes examinées qui reçoivent une place, par commission", "%", Commissions,
        "Pour chaque commission validée dont la réunion a lieu dans l’année : demandes examinées (gelées pour la séance) et demandes "
        + "auxquelles la décision de la commission propose une place. Les places proposées ensuite par réattribution ne comptent pas.",
        "Σ demandes avec une proposition de la commission ÷ Σ demandes examinées × 100.");

    public static IndicatorDefinition WithoutSolution { get; } = new("familles-sans-solution", IndicatorTheme.Demand,
        "Familles sans solution", "familles", FollowUp,
        "Dossiers de suivi ouverts dans l’année (une famille laissée sans place par une commission, ou signalée par le guichet) "
        + "qui n’ont pas de solution au jour de référence.",
        "Nombre de dossiers ouverts dans l’année sans date de solution au jour de référence ; le dénominateur est le nombre de dossiers ouverts.");

    public static IndicatorDefinition SolutionWithin3Months { get; } = new("taux-solution-3-mois", IndicatorTheme.Demand,
        "Familles avec une solution dans les 3 mois", "%", FollowUp,
        "Part des dossiers de suivi ouverts dans l’année qui ont trouvé une solution dans les 3 mois suivant leur ouverture. Un "
        + "dossier ouvert depuis moins de 3 mois au jour de référence n’est pas compté (son issue n’est pas encore connue).",
        "Σ dossiers avec une solution dans les 3 mois ÷ Σ dossiers ouverts depuis au moins 3 mois × 100 (indicateur « zéro sans solution »).");

    public static IndicatorDefinition TimeToSolution { get; } = new("delai-median-solution", IndicatorTheme.Demand,
        "Délai médian avant une solution", "jours", FollowUp,
        "Jours entre l’ouverture du dossier de suivi et la solution trouvée, pour les dossiers ouverts dans l’année qui en ont une.",
        "Médiane des durées sur tous les dossiers du territoire réunis.");

    public static IndicatorDefinition PlacesByMode { get; } = new("places-par-mode", IndicatorTheme.Supply,
        "Places d’accueil pour les enfants de moins de 3 ans", "places", Coverage,
        "Places offertes aux enfants de moins de 3 ans par mode, comme la Cnaf les compte : EAJE financés par la PSU, EAJE hors PSU, "
        + "assistants maternels, salariés à domicile, préscolarisation des enfants de 2 ans.",
        "Somme des places des communes du territoire (le total publié par la Cnaf pour ses années).");

    public static IndicatorDefinition ChildrenUnder3 { get; } = new("enfants-moins-3-ans", IndicatorTheme.Supply,
        "Enfants de moins de 3 ans", "enfants", "INSEE (estimation importée) ; sinon déduit du fichier Cnaf ou des naissances",
        "Nombre d’enfants de moins de 3 ans, dénominateur du taux de couverture (voir « Dénominateur » plus haut).",
        "Somme des communes du territoire.");

    public static IndicatorDefinition Births { get; } = new("naissances", IndicatorTheme.Supply,
        "Naissances domiciliées", "naissances", "INSEE, naissances domiciliées (importées)",
        "Naissances de l’année dont la mère réside dans le territoire.",
        "Somme des communes du territoire ; non disponible si une commune n’a pas de chiffre pour l’année.");

    public static IndicatorDefinition Vacancies { get; } = new("places-vacantes", IndicatorTheme.Supply,
        "Places vacantes déclarées dans les crèches", "places", "Déclarations de places disponibles des structures collectives (Berceau)",
        "Places libres déclarées par les structures collectives ouvertes, dans une déclaration de moins de 2 mois (l’obligation "
        + "nationale demande de la renouveler tous les 2 mois). Année en cours seulement : une déclaration remplace la précédente, "
        + "l’historique n’est pas gardé.",
        "Σ places des déclarations de moins de 2 mois des structures collectives ouvertes.");

    public static IndicatorDefinition ChildminderAvailability { get; } = new("disponibilites-am", IndicatorTheme.Supply,
        "Places disponibles chez les assistants maternels", "places", "Déclarations de disponibilité des assistants maternels et MAM (Berceau)",
        "Places libres déclarées par les assistants maternels et les MAM en activité, dans une déclaration de moins de 2 mois. "
        + "Année en cours seulement.",
        "Σ places des déclarations de moins de 2 mois des assistants maternels et MAM ouverts.");

    public static IndicatorDefinition ChildminderShare { get; } = new("part-am-disponibles", IndicatorTheme.Supply,
        "Assistants maternels ayant déclaré une place disponible", "%", "Déclarations de disponibilité des assistants maternels et MAM (Berceau)",
        "Part des assistants maternels et MAM en activité qui ont une déclaration de places libres de moins de 2 mois. Année en cours seulement.",
        "Σ assistants maternels et MAM avec une déclaration récente ÷ Σ assistants maternels et MAM ouverts × 100.");

    public static IndicatorDefinition PlacesCreated { get; } = new("places-creees", IndicatorTheme.Supply,
        "Places créées dans l’année", "places", Registry,
        "Places des structures ouvertes dans l’année (date d’ouverture connue dans le registre), par mode. Une structure "
        + "enregistrée sans date d’ouverture est considérée comme ouverte avant : elle n’est pas comptée.",
        "Σ capacité (places des sections, sinon agrément) des structures dont la date d’ouverture tombe dans l’année.", Sdsf: true);

    public static IndicatorDefinition PlacesClosed { get; } = new("places-fermees", IndicatorTheme.Supply,
        "Places fermées dans l’année", "places", Registry,
        "Places des structures fermées dans l’année (date de fermeture du registre), par mode.",
        "Σ capacité des structures dont la date de fermeture tombe dans l’année.");

    public static IndicatorDefinition Occupancy { get; } = new("taux-occupation-eaje", IndicatorTheme.Supply,
        "Taux d’occupation des crèches (EAJE)", "%", "Heures facturées et heures d’ouverture des EAJE (non reçues par Berceau)",
        "Heures facturées aux familles rapportées aux heures d’ouverture multipliées par les places (taux d’occupation financier de la Cnaf).",
        "Σ heures facturées ÷ Σ (places × heures d’ouverture) × 100.");

    private const string Staffing = "Tableaux des effectifs et places gelées des crèches (Berceau, pages « Personnel et places » des structures)";

    public static IndicatorDefinition VacantPositions { get; } = new("postes-vacants", IndicatorTheme.Supply,
        "Postes vacants dans les crèches", "postes", Staffing,
        "Postes vacants des tableaux des effectifs des structures collectives ouvertes (crèches collectives, micro-crèches, "
        + "crèches familiales, parentales et d’entreprise), tous métiers, comptés en postes et non en équivalents temps plein. "
        + "Une structure qui n’a pas rempli son tableau des effectifs n’est pas comptée (l’effectif le dit). Année en cours "
        + "seulement : le tableau des effectifs n’est pas historisé. Ventilés par métier et par commune.",
        "Σ postes vacants ; le dénominateur est Σ postes (pourvus + vacants) des mêmes structures ; effectif = structures ayant un tableau des effectifs.");

    public static IndicatorDefinition FrozenPlaces { get; } = new("places-gelees", IndicatorTheme.Supply,
        "Places gelées faute de personnel", "places", Staffing,
        "Places agréées des structures collectives ouvertes qui sont fermées au jour de référence faute de personnel (gels "
        + "enregistrés par les gestionnaires, avec leur motif et leurs dates). Places ouvertes = places agréées − places gelées. "
        + "Année en cours seulement : les places des sections ne sont pas historisées. Ventilées par structure et par commune.",
        "Σ places gelées ce jour-là ; le dénominateur est Σ places agréées (sections) des structures collectives ouvertes.");

    public static IndicatorDefinition StaffToReopen { get; } = new("personnel-pour-rouvrir", IndicatorTheme.Supply,
        "Professionnels nécessaires pour rouvrir les places gelées", "professionnels", Staffing + " ; règle d’encadrement (RULES §8)",
        "Professionnels auprès des enfants qu’il faudrait en plus, présents en même temps, pour accueillir les enfants de toutes "
        + "les places gelées, calculés par la règle d’encadrement que chaque structure a choisie (1 pour 5 enfants qui ne marchent "
        + "pas et 1 pour 8 qui marchent, ou 1 pour 6 ; au moins 2 adultes au-delà de 3 enfants). L’indicateur porte sur la "
        + "réouverture des places gelées ; les places à créer sont celles de « Professionnels nécessaires pour ouvrir les places "
        + "prévues par le schéma ». Les enfants des sections "
        + "dont l’âge maximal est d’au plus 18 mois sont comptés comme ne marchant pas. Une journée d’ouverture demande en "
        + "général plus de personnes en poste que de professionnels présents en même temps. Année en cours seulement.",
        "Σ par structure de [encadrement requis, toutes les places agréées occupées − encadrement requis, seules les places "
        + "ouvertes occupées] (Encadrement.Required) ; effectif = structures avec des places gelées.");

    public static IndicatorDefinition StaffForPlannedPlaces { get; } = new("personnel-pour-places-prevues", IndicatorTheme.Supply,
        "Professionnels nécessaires pour ouvrir les places prévues par le schéma", "professionnels",
        "Schéma départemental des services aux familles saisi dans Berceau (« places prévues » des fiches action publiées) ; règle d’encadrement (RULES §8)",
        "Professionnels auprès des enfants qu’il faudrait présents en même temps pour accueillir, toutes occupées, les places que "
        + "le schéma en vigueur prévoit d’ouvrir dans l’année (lignes « places prévues » de ses fiches action publiées ; un brouillon "
        + "ne compte pas). Schéma en vigueur : celui du département dont la période couvre l’année et qui a une fiche publiée "
        + "(s’il y en a deux, celui qui commence le plus tard). Chaque ligne est comptée comme une structure nouvelle avec la règle par défaut, 1 pour 5 enfants "
        + "qui ne marchent pas et 1 pour 8 qui marchent (au moins 2 adultes au-delà de 3 enfants) ; hypothèse d’âge : un tiers des "
        + "places (arrondi au-dessus) pour des enfants qui ne marchent pas encore (enfants de 3 mois à 3 ans répartis également, "
        + "marche vers un an). Seules les places de crèche collective, parentale ou d’entreprise sont comptées : les micro-crèches "
        + "ont leurs propres règles, les MAM et les assistants maternels n’en relèvent pas (la note dit combien de places restent "
        + "hors du calcul). Les places prévues pour tout le département, sans commune, ne comptent qu’au département. Une journée "
        + "d’ouverture demande en général plus de personnes en poste que de professionnels présents en même temps. Ventilé par "
        + "ligne de places prévues et par commune.",
        "Σ par ligne de Encadrement.Required(1 pour 5 / 1 pour 8, ⌈places ÷ 3⌉ enfants qui ne marchent pas, le reste qui marchent) ; "
        + "effectif = places prévues comptées.");

    public static IndicatorDefinition CoverageRate { get; } = new("taux-couverture", IndicatorTheme.Sdsf,
        "Taux de couverture de l’accueil du jeune enfant", "places pour 100 enfants", Coverage,
        "Places d’accueil « formel » pour 100 enfants de moins de 3 ans, définition de la Cnaf (RULES §4), arrondi au dixième.",
        "Σ places ÷ Σ enfants de moins de 3 ans × 100 ; jamais une moyenne des taux des communes.", Sdsf: true);

    public static IndicatorDefinition DisabledAccess { get; } = new("accueil-enfants-handicap", IndicatorTheme.Sdsf,
        "Accès des enfants en situation de handicap", "%", Guichet,
        "Part des familles ayant accepté une place dans l’année qui ont déclaré, dans leur demande, un membre du foyer en situation "
        + "de handicap (enfant ou parent : la demande ne distingue pas l’enfant). Approche de l’indicateur D214-2, faute de donnée "
        + "sur l’enfant seul.",
        "Σ places acceptées par ces familles ÷ Σ places acceptées dans l’année × 100.", Sdsf: true);

    public static IndicatorDefinition PovertyAccess { get; } = new("accueil-familles-minima-sociaux", IndicatorTheme.Sdsf,
        "Accès des familles en situation de pauvreté", "%", Guichet,
        "Part des familles ayant accepté une place dans l’année dont un membre du foyer perçoit un minimum social (RSA, AAH, ASS…). "
        + "À comparer à l’objectif d’au moins une place sur 20 (5 %) de l’article D214-7 du CASF.",
        "Σ places acceptées par ces familles ÷ Σ places acceptées dans l’année × 100.", Sdsf: true);

    public static IndicatorDefinition InsertionAccess { get; } = new("accueil-familles-insertion", IndicatorTheme.Sdsf,
        "Accès des familles en parcours d’insertion", "%", Guichet,
        "Part des familles ayant accepté une place dans l’année dont un parent est en insertion ou demandeur d’emploi (article L214-7 "
        + "du CASF), comme la réserve « insertion » des commissions.",
        "Σ places acceptées par ces familles ÷ Σ places acceptées dans l’année × 100.", Sdsf: true);

    public static IndicatorDefinition ParentingSupport { get; } = new("soutien-parentalite", IndicatorTheme.Sdsf,
        "Couverture des services de soutien à la parentalité", "%", "Fréquentation des LAEP, REAAP et médiation familiale (non reçue par Berceau)",
        "Part des familles avec de jeunes enfants touchées par un service de soutien à la parentalité (LAEP, REAAP, médiation familiale).",
        "Σ familles touchées ÷ Σ familles avec des enfants de moins de 6 ans × 100.", Sdsf: true);

    /// <summary>Every indicator, in the dashboard's order: demand, supply, then the SDSF ones not already in supply.</summary>
    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        PendingApplications, Pressure, MedianWait, Wait90, PlacedPerCommission, WithoutSolution, SolutionWithin3Months, TimeToSolution,
        PlacesByMode, ChildrenUnder3, Births, Vacancies, ChildminderAvailability, ChildminderShare, PlacesCreated, PlacesClosed, Occupancy,
        VacantPositions, FrozenPlaces, StaffToReopen, StaffForPlannedPlaces,
        CoverageRate, DisabledAccess, PovertyAccess, InsertionAccess, ParentingSupport,
    ];
}
