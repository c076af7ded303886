namespace Berceau.Domain.Obligations;

/// <summary>
/// What a commune must do as autorité organisatrice de l'accueil du jeune enfant (loi pour le plein emploi of 18 December 2023,
/// art. 17; art. L214-1-3 CASF), from 1 January 2025, by population band (RULES §6).
/// </summary>
public enum CommuneObligationKind
{
    /// <summary>Recenser les besoins des familles et l'offre d'accueil: every commune.</summary>
    Census,
    /// <summary>Informer et accompagner les familles (guichet, relais): communes of more than 3,500 inhabitants.</summary>
    FamilyInformation,
    /// <summary>Un relais petite enfance: communes of more than 10,000 inhabitants.</summary>
    ChildcareRelay,
    /// <summary>Un schéma pluriannuel de maintien et de développement de l'offre (D214-10-1): more than 10,000 inhabitants.</summary>
    MultiYearPlan,
}

/// <summary>Where a commune stands on one obligation, as its agents or the département's secretariat record it.</summary>
public enum ObligationStatus { NotAssessed, NotStarted, InProgress, Met }

/// <summary>The contents a schéma pluriannuel must have (art. D214-10-1 CASF, RULES §6): it is complete with all eight.</summary>
[Flags]
public enum PlanContents
{
    None = 0,
    Diagnostic = 1,
    Needs = 2,
    Objectives = 4,
    Actions = 8,
    Calendar = 16,
    Costs = 32,
    Accessibility = 64,
    Evaluation = 128,
    All = 255,
}

public static class CommuneObligations
{
    /// <summary>« Plus de 3 500 habitants »: strictly more, as the law writes it.</summary>
    public const int InformationAbove = 3_500;

    /// <summary>« Plus de 10 000 habitants »: strictly more.</summary>
    public const int RelayAndPlanAbove = 10_000;

    public static readonly DateOnly InForceFrom = new(2025, 1, 1);

    public static IReadOnlyList<CommuneObligationKind> All { get; } = Enum.GetValues<CommuneObligationKind>();

    public static IReadOnlyList<PlanContents> PlanItems { get; } = [.. Enum.GetValues<PlanContents>().Where(c => c is not PlanContents.None and not PlanContents.All)];

    /// <summary>The obligations of a commune of this population (the legal population the registry holds).</summary>
    public static IReadOnlyList<CommuneObligationKind> Applicable(int population) => population switch
    {
        > RelayAndPlanAbove => All,
        > InformationAbove => [CommuneObligationKind.Census, CommuneObligationKind.FamilyInformation],
        _ => [CommuneObligationKind.Census],
    };

    public static bool AppliesTo(this CommuneObligationKind kind, int population) => Applicable(population).Contains(kind);

    /// <summary>The population band, in words, from which the obligation applies.</summary>
    public static string Band(this CommuneObligationKind kind) => kind switch
    {
        CommuneObligationKind.Census => "toutes les communes",
        CommuneObligationKind.FamilyInformation => "communes de plus de 3 500 habitants",
        _ => "communes de plus de 10 000 habitants",
    };

    public static string Label(this CommuneObligationKind kind) => kind switch
    {
        CommuneObligationKind.Census => "Recensement des besoins et de l’offre d’accueil",
        CommuneObligationKind.FamilyInformation => "Information et accompagnement des familles",
        CommuneObligationKind.ChildcareRelay => "Relais petite enfance",
        CommuneObligationKind.MultiYearPlan => "Schéma pluriannuel de maintien et de développement de l’offre",
        _ => kind.ToString(),
    };

    /// <summary>Short column header for tables.</summary>
    public static string ShortLabel(this CommuneObligationKind kind) => kind switch
    {
        CommuneObligationKind.Census => "Recensement",
        CommuneObligationKind.FamilyInformation => "Information des familles",
        CommuneObligationKind.ChildcareRelay => "Relais petite enfance",
        CommuneObligationKind.MultiYearPlan => "Schéma pluriannuel",
        _ => kind.ToString(),
    };

    /// <summary>The text of the obligation, to tell a commune what is expected.</summary>
    public static string Requirement(this CommuneObligationKind kind) => kind switch
    {
        CommuneObligationKind.Census => "Recenser les besoins des enfants de moins de 3 ans et de leurs familles, et l’offre d’accueil du territoire.",
        CommuneObligationKind.FamilyInformation => "Informer et accompagner les familles ayant un enfant de moins de 3 ans et les futurs parents sur les modes d’accueil.",
        CommuneObligationKind.ChildcareRelay => "Mettre en place un relais petite enfance (seul ou avec d’autres communes).",
        CommuneObligationKind.MultiYearPlan => "Adopter un schéma pluriannuel de maintien et de développement de l’offre d’accueil du jeune enfant, avec les huit éléments de l’article D214-10-1 du CASF.",
        _ => "",
    };

    /// <summary>What the date recorded with the obligation means, when it has one.</summary>
    public static string? DateLabel(this CommuneObligationKind kind) => kind switch
    {
        CommuneObligationKind.ChildcareRelay => "Date d’ouverture du relais",
        CommuneObligationKind.MultiYearPlan => "Date d’adoption par le conseil municipal",
        _ => null,
    };

    public static string Label(this ObligationStatus status) => status switch
    {
        ObligationStatus.NotAssessed => "Non renseignée",
        ObligationStatus.NotStarted => "Non engagée",
        ObligationStatus.InProgress => "En cours",
        ObligationStatus.Met => "Remplie",
        _ => status.ToString(),
    };

    public static string Label(this PlanContents item) => item switch
    {
        PlanContents.Diagnostic => "Diagnostic de l’offre et des besoins",
        PlanContents.Needs => "Besoins à couvrir",
        PlanContents.Objectives => "Objectifs de maintien et de développement de l’offre",
        PlanContents.Actions => "Actions à mener",
        PlanContents.Calendar => "Calendrier",
        PlanContents.Costs => "Coûts et financements",
        PlanContents.Accessibility => "Accessibilité de l’offre (familles en insertion, enfants en situation de handicap)",
        PlanContents.Evaluation => "Modalités d’évaluation",
        _ => item.ToString(),
    };

    public static IEnumerable<PlanContents> Missing(this PlanContents contents) => PlanItems.Where(i => !contents.HasFlag(i));
}
