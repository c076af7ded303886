namespace Berceau.Domain.Offer;

/// <summary>Modes d'accueil and family services of RULES §1. Names are the contract codes in the API.</summary>
public enum CareMode
{
    EajeCollectif,
    MicroCreche,
    CrecheFamiliale,
    CrecheParentale,
    CrecheEntreprise,
    AssistantMaternel,
    Mam,
    GardeDomicile,
    Rpe,
    Laep,
}

public static class CareModes
{
    private static readonly Dictionary<CareMode, (string Code, string Label)> Names = new()
    {
        [CareMode.EajeCollectif] = ("EAJE_COLLECTIF", "Crèche collective / multi-accueil"),
        [CareMode.MicroCreche] = ("MICRO_CRECHE", "Micro-crèche"),
        [CareMode.CrecheFamiliale] = ("CRECHE_FAMILIALE", "Crèche familiale"),
        [CareMode.CrecheParentale] = ("CRECHE_PARENTALE", "Crèche parentale"),
        [CareMode.CrecheEntreprise] = ("CRECHE_ENTREPRISE", "Crèche d’entreprise"),
        [CareMode.AssistantMaternel] = ("AM", "Assistant·e maternel·le"),
        [CareMode.Mam] = ("MAM", "Maison d’assistants maternels (MAM)"),
        [CareMode.GardeDomicile] = ("GARDE_DOMICILE", "Garde à domicile"),
        [CareMode.Rpe] = ("RPE", "Relais petite enfance (RPE)"),
        [CareMode.Laep] = ("LAEP", "Lieu d’accueil enfants-parents (LAEP)"),
    };

    public static string Code(this CareMode mode) => Names[mode].Code;
    public static string Label(this CareMode mode) => Names[mode].Label;

    public static bool TryParse(string? code, out CareMode mode)
    {
        foreach (var (m, n) in Names)
        {
            if (string.Equals(n.Code, code, StringComparison.OrdinalIgnoreCase)) { mode = m; return true; }
        }
        mode = default;
        return false;
    }

    public static IReadOnlyList<CareMode> All { get; } = Enum.GetValues<CareMode>();

    /// <summary>Collective structures that have sections and declare vacancies per section.</summary>
    public static bool IsCollective(this CareMode mode) =>
        mode is CareMode.EajeCollectif or CareMode.MicroCreche or CareMode.CrecheFamiliale or CareMode.CrecheParentale or CareMode.CrecheEntreprise;

    /// <summary>Services (RPE, LAEP) inform and support: they have no places.</summary>
    public static bool IsService(this CareMode mode) => mode is CareMode.Rpe or CareMode.Laep;

    public static bool IsIndividual(this CareMode mode) => mode is CareMode.AssistantMaternel or CareMode.Mam or CareMode.GardeDomicile;
}

/// <summary>Who runs the facility; <see cref="Independent"/> is an assistant·e maternel·le employed directly by families.</summary>
public enum ManagerType { Municipal, Associative, Private, Company, Parental, Departemental, Independent }

public static class ManagerTypes
{
    public static string Label(this ManagerType type) => type switch
    {
        ManagerType.Municipal => "Gestion municipale",
        ManagerType.Associative => "Gestion associative",
        ManagerType.Private => "Gestion privée",
        ManagerType.Company => "Entreprise",
        ManagerType.Parental => "Gestion parentale",
        ManagerType.Departemental => "Gestion départementale",
        ManagerType.Independent => "Particulier employeur (exercice indépendant)",
        _ => type.ToString(),
    };
}

[Flags]
public enum ReceptionTypes { None = 0, Regular = 1, Occasional = 2, Emergency = 4 }

[Flags]
public enum WeekDays { None = 0, Monday = 1, Tuesday = 2, Wednesday = 4, Thursday = 8, Friday = 16, Saturday = 32, Sunday = 64, Weekdays = 31 }
