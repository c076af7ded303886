using Berceau.Domain.Fees;

namespace Berceau.Web.Features.Admin.FeeParameters;

/// <summary>What kind of number a parameter is, which decides the range an admin may enter.</summary>
public enum FeeValueKind
{
    /// <summary>Taux d'effort: a fraction of the monthly resources per hour (0.000619 for 0,0619 %).</summary>
    Rate,
    /// <summary>A share between 0 and 1 (0.15 for 15 %).</summary>
    Share,
    /// <summary>A factor applied to rates (2: doubled).</summary>
    Multiplier,
    MonthlyAmount,
    HourlyAmount,
}

public sealed record FeeKeyInfo(string Key, string Label, FeeValueKind Kind, string Section)
{
    public string Unit => Kind switch
    {
        FeeValueKind.MonthlyAmount => "€ par mois",
        FeeValueKind.HourlyAmount => "€ par heure",
        FeeValueKind.Rate => "par heure, en fraction des ressources mensuelles",
        FeeValueKind.Share => "fraction du coût (0,15 = 15 %)",
        _ => "",
    };
}

/// <summary>The French names of the fee parameters, for the people who maintain them.</summary>
public static class FeeParameterLabels
{
    public const string PsuResources = "PSU : ressources prises en compte";
    public const string PsuCollective = "PSU : taux d’effort, accueil collectif";
    public const string PsuFamily = "PSU : taux d’effort, accueil familial et parental";
    public const string Cmg = "Complément de libre choix du mode de garde (CMG)";
    public const string Simulator = "Hypothèses du simulateur";

    public static IReadOnlyList<FeeKeyInfo> All { get; } = [.. FeeParameterKeys.All.Select(Describe)];

    public static IReadOnlyList<string> Sections { get; } = [PsuResources, PsuCollective, PsuFamily, Cmg, Simulator];

    public static FeeKeyInfo? Find(string? key) => All.FirstOrDefault(k => k.Key == key);

    private static FeeKeyInfo Describe(string key)
    {
        for (var band = 1; band <= FeeParameterKeys.PsuCollectiveBandCount; band++)
        {
            if (key == FeeParameterKeys.PsuCollectiveRate(band))
                return new(key, Children(band, FeeParameterKeys.PsuCollectiveBandCount), FeeValueKind.Rate, PsuCollective);
        }
        for (var band = 1; band <= FeeParameterKeys.PsuFamilyBandCount; band++)
        {
            if (key == FeeParameterKeys.PsuFamilyRate(band))
                return new(key, Children(band, FeeParameterKeys.PsuFamilyBandCount), FeeValueKind.Rate, PsuFamily);
        }
        return key switch
        {
            FeeParameterKeys.PsuFloor => new(key, "Plancher de ressources mensuelles", FeeValueKind.MonthlyAmount, PsuResources),
            FeeParameterKeys.PsuCeiling => new(key, "Plafond de ressources mensuelles", FeeValueKind.MonthlyAmount, PsuResources),
            FeeParameterKeys.CmgAmHourlyWageCap => new(key, "Salaire horaire maximal pris en compte, assistant·e maternel·le", FeeValueKind.HourlyAmount, Cmg),
            FeeParameterKeys.CmgAmReferenceHourlyCost => new(key, "Coût horaire de référence, assistant·e maternel·le", FeeValueKind.HourlyAmount, Cmg),
            FeeParameterKeys.CmgGardeDomicileReferenceHourlyCost => new(key, "Coût horaire de référence, garde à domicile", FeeValueKind.HourlyAmount, Cmg),
            FeeParameterKeys.CmgGardeDomicileRateMultiplier => new(key, "Multiplicateur des taux d’effort, garde à domicile", FeeValueKind.Multiplier, Cmg),
            FeeParameterKeys.CmgMinimumFamilyShare => new(key, "Reste à charge minimal de la famille", FeeValueKind.Share, Cmg),
            FeeParameterKeys.SimulatorAmDefaultHourlyWage => new(key, "Salaire horaire supposé, assistant·e maternel·le", FeeValueKind.HourlyAmount, Simulator),
            FeeParameterKeys.SimulatorGardeDomicileDefaultHourlyWage => new(key, "Salaire horaire supposé, garde à domicile", FeeValueKind.HourlyAmount, Simulator),
            _ => new(key, key, FeeValueKind.HourlyAmount, Simulator),
        };
    }

    private static string Children(int band, int last) =>
        band == 1 ? "1 enfant" : band == last ? $"{band} enfants et plus" : $"{band} enfants";
}
