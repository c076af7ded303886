using Berceau.Domain.Fees;

namespace Berceau.Domain.Tests.Fees;

/// <summary>Parameters built by the tests themselves (RULES values, one open period), and the shipped CSV.</summary>
public static class FeeTestData
{
    public static readonly DateOnly Since = new(2020, 1, 1);
    public static readonly DateOnly Day = new(2026, 6, 1);

    public static readonly decimal[] CollectiveRates =
        [0.000619m, 0.000516m, 0.000413m, 0.000310m, 0.000310m, 0.000310m, 0.000310m, 0.000206m, 0.000206m, 0.000206m];

    public static readonly decimal[] FamilyRates = [0.000516m, 0.000413m, 0.000310m, 0.000310m, 0.000310m, 0.000206m];

    /// <summary>A complete parameter list, each value in force since 2020; <paramref name="overrides"/> replace values by key.</summary>
    public static List<FeeParameter> Parameters(params (string Key, decimal Value)[] overrides)
    {
        var values = new Dictionary<string, decimal>
        {
            [FeeParameterKeys.PsuFloor] = 814.62m,
            [FeeParameterKeys.PsuCeiling] = 8500m,
            [FeeParameterKeys.CmgAmHourlyWageCap] = 8.09m,
            [FeeParameterKeys.CmgAmReferenceHourlyCost] = 4.91m,
            [FeeParameterKeys.CmgGardeDomicileReferenceHourlyCost] = 10.50m,
            [FeeParameterKeys.CmgGardeDomicileRateMultiplier] = 2m,
            [FeeParameterKeys.CmgMinimumFamilyShare] = 0.15m,
            [FeeParameterKeys.SimulatorAmDefaultHourlyWage] = 8.09m,
            [FeeParameterKeys.SimulatorGardeDomicileDefaultHourlyWage] = 12.00m,
        };
        for (var band = 1; band <= CollectiveRates.Length; band++)
            values[FeeParameterKeys.PsuCollectiveRate(band)] = CollectiveRates[band - 1];
        for (var band = 1; band <= FamilyRates.Length; band++)
            values[FeeParameterKeys.PsuFamilyRate(band)] = FamilyRates[band - 1];
        foreach (var (key, value) in overrides)
            values[key] = value;
        return [.. values.Select(v => new FeeParameter(v.Key, Since, null, v.Value, "Test"))];
    }

    public static FeeParameterSet Set(params (string Key, decimal Value)[] overrides) =>
        FeeParameterSet.Resolve(Parameters(overrides), Day).Value;

    public static PsuParameters Psu(params (string Key, decimal Value)[] overrides) => Set(overrides).Psu;

    private static readonly Lazy<IReadOnlyList<FeeParameter>> ShippedParameters = new(() =>
    {
        using var reader = new StreamReader(ShippedCsvPath());
        return FeeParameterCsv.Parse(reader).Value;
    });

    /// <summary>The parameters of data/fee_parameters.csv, as the seed will load them.</summary>
    public static IReadOnlyList<FeeParameter> Shipped => ShippedParameters.Value;

    public static string ShippedCsvPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Berceau.slnx")))
                return Path.Combine(dir.FullName, "data", "fee_parameters.csv");
        }
        throw new InvalidOperationException("Berceau.slnx not found above " + AppContext.BaseDirectory);
    }
}
