namespace Berceau.Domain.Fees;

/// <summary>
/// The keys of the fee parameters. Values and their history live in data (data/fee_parameters.csv), never here.
/// Only the shape of the Cnaf barème is code: one taux d'effort per number of children, up to the last band,
/// which also applies to larger households.
/// </summary>
public static class FeeParameterKeys
{
    /// <summary>Plancher de ressources mensuelles (€/mois), PSU and CMG.</summary>
    public const string PsuFloor = "psu.plancher";

    /// <summary>Plafond de ressources mensuelles (€/mois), PSU and CMG.</summary>
    public const string PsuCeiling = "psu.plafond";

    /// <summary>Number of taux d'effort in the collective barème (1 to 10 children; the 10th also applies beyond).</summary>
    public const int PsuCollectiveBandCount = 10;

    /// <summary>Number of taux d'effort in the familial/parental barème (1 to 6 children; the 6th also applies beyond).</summary>
    public const int PsuFamilyBandCount = 6;

    /// <summary>Cap on the AM hourly wage taken into account by the CMG (€/h).</summary>
    public const string CmgAmHourlyWageCap = "cmg.am.salaire_horaire_max";

    /// <summary>CMG reference hourly cost for an assistant(e) maternel(le) (€/h).</summary>
    public const string CmgAmReferenceHourlyCost = "cmg.am.cout_horaire_reference";

    /// <summary>CMG reference hourly cost for garde à domicile (€/h).</summary>
    public const string CmgGardeDomicileReferenceHourlyCost = "cmg.gad.cout_horaire_reference";

    /// <summary>Multiplier applied to the taux d'effort for garde à domicile (2: rates doubled).</summary>
    public const string CmgGardeDomicileRateMultiplier = "cmg.gad.multiplicateur_taux";

    /// <summary>Minimum share of the cost left to the family (0.15 = 15 %).</summary>
    public const string CmgMinimumFamilyShare = "cmg.reste_a_charge_minimum";

    /// <summary>Hourly wage the simulator assumes for an AM when the family gives none (€/h).</summary>
    public const string SimulatorAmDefaultHourlyWage = "simulateur.am.salaire_horaire_defaut";

    /// <summary>Hourly wage the simulator assumes for garde à domicile when the family gives none (€/h).</summary>
    public const string SimulatorGardeDomicileDefaultHourlyWage = "simulateur.gad.salaire_horaire_defaut";

    /// <summary>Taux d'effort, accueil collectif (incl. micro-crèche PSU), for a household of <paramref name="band"/> children.</summary>
    public static string PsuCollectiveRate(int band) => $"psu.taux.collectif.{band}";

    /// <summary>Taux d'effort, accueil familial and parental, for a household of <paramref name="band"/> children.</summary>
    public static string PsuFamilyRate(int band) => $"psu.taux.familial.{band}";

    /// <summary>Every key a complete parameter set needs.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        PsuFloor,
        PsuCeiling,
        .. Enumerable.Range(1, PsuCollectiveBandCount).Select(PsuCollectiveRate),
        .. Enumerable.Range(1, PsuFamilyBandCount).Select(PsuFamilyRate),
        CmgAmHourlyWageCap,
        CmgAmReferenceHourlyCost,
        CmgGardeDomicileReferenceHourlyCost,
        CmgGardeDomicileRateMultiplier,
        CmgMinimumFamilyShare,
        SimulatorAmDefaultHourlyWage,
        SimulatorGardeDomicileDefaultHourlyWage,
    ];

    public static bool IsKnown(string key) => All.Contains(key, StringComparer.Ordinal);
}
