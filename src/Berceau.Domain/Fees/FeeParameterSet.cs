using System.Globalization;
using Berceau.Domain.Common;

namespace Berceau.Domain.Fees;

/// <summary>
/// The fee parameters in force on one date. Every value is the full <see cref="FeeParameter"/> row, so the screens can
/// show where it comes from and since when it applies ("paramètres utilisés et leur date").
/// </summary>
public sealed record FeeParameterSet(DateOnly Date, PsuParameters Psu, CmgParameters Cmg)
{
    /// <summary>
    /// Picks, for every key in <see cref="FeeParameterKeys.All"/>, the value in force on <paramref name="date"/>.
    /// A key without value on that date gives a "parameter-missing" problem, a key with two a "parameter-ambiguous" one.
    /// </summary>
    public static Outcome<FeeParameterSet> Resolve(IEnumerable<FeeParameter> all, DateOnly date)
    {
        var resolver = new ParameterResolver(all, date);
        var psu = PsuParameters.From(resolver);
        var cmg = CmgParameters.From(resolver);
        return resolver.Problems.Count == 0
            ? new FeeParameterSet(date, psu, cmg)
            : Outcome<FeeParameterSet>.Failure(resolver.Problems);
    }

    /// <summary>All the values of the set, in the order of <see cref="FeeParameterKeys.All"/>.</summary>
    public IReadOnlyList<FeeParameter> All => [.. Psu.All, .. Cmg.All];
}

/// <summary>PSU barème values in force on a date: resource floor and ceiling, taux d'effort per household size and mode.</summary>
public sealed record PsuParameters(
    FeeParameter Floor,
    FeeParameter Ceiling,
    IReadOnlyList<FeeParameter> CollectiveRates,
    IReadOnlyList<FeeParameter> FamilyRates)
{
    /// <summary>Resolves only the PSU values, e.g. to recompute an invoice dated before the CMG reform.</summary>
    public static Outcome<PsuParameters> Resolve(IEnumerable<FeeParameter> all, DateOnly date)
    {
        var resolver = new ParameterResolver(all, date);
        var psu = From(resolver);
        return resolver.Problems.Count == 0 ? psu : Outcome<PsuParameters>.Failure(resolver.Problems);
    }

    /// <summary>The taux d'effort of the barème of <paramref name="mode"/>, band 1 first.</summary>
    public IReadOnlyList<FeeParameter> Rates(PsuCareMode mode) => mode == PsuCareMode.Collective ? CollectiveRates : FamilyRates;

    /// <summary>The taux d'effort of <paramref name="band"/> (1-based); bands past the last one use the last one.</summary>
    public FeeParameter Rate(PsuCareMode mode, int band)
    {
        var rates = Rates(mode);
        return rates[Math.Clamp(band, 1, rates.Count) - 1];
    }

    public IReadOnlyList<FeeParameter> All => [Floor, Ceiling, .. CollectiveRates, .. FamilyRates];

    internal static PsuParameters From(ParameterResolver resolver)
    {
        var problemsBefore = resolver.Problems.Count;
        var floor = resolver.Get(FeeParameterKeys.PsuFloor);
        var ceiling = resolver.Get(FeeParameterKeys.PsuCeiling);
        var bothFound = resolver.Problems.Count == problemsBefore;
        var psu = new PsuParameters(
            floor,
            ceiling,
            [.. Enumerable.Range(1, FeeParameterKeys.PsuCollectiveBandCount).Select(b => resolver.Get(FeeParameterKeys.PsuCollectiveRate(b)))],
            [.. Enumerable.Range(1, FeeParameterKeys.PsuFamilyBandCount).Select(b => resolver.Get(FeeParameterKeys.PsuFamilyRate(b)))]);
        if (bothFound && floor.Value > ceiling.Value)
            resolver.Inconsistent(floor, ceiling);
        return psu;
    }
}

/// <summary>CMG values in force on a date (reform of September 2025), and the simulator's default wages.</summary>
public sealed record CmgParameters(
    FeeParameter AmHourlyWageCap,
    FeeParameter AmReferenceHourlyCost,
    FeeParameter GardeDomicileReferenceHourlyCost,
    FeeParameter GardeDomicileRateMultiplier,
    FeeParameter MinimumFamilyShare,
    FeeParameter AmDefaultHourlyWage,
    FeeParameter GardeDomicileDefaultHourlyWage)
{
    public IReadOnlyList<FeeParameter> All =>
    [
        AmHourlyWageCap, AmReferenceHourlyCost, GardeDomicileReferenceHourlyCost, GardeDomicileRateMultiplier,
        MinimumFamilyShare, AmDefaultHourlyWage, GardeDomicileDefaultHourlyWage,
    ];

    internal static CmgParameters From(ParameterResolver resolver) => new(
        resolver.Get(FeeParameterKeys.CmgAmHourlyWageCap),
        resolver.Get(FeeParameterKeys.CmgAmReferenceHourlyCost),
        resolver.Get(FeeParameterKeys.CmgGardeDomicileReferenceHourlyCost),
        resolver.Get(FeeParameterKeys.CmgGardeDomicileRateMultiplier),
        resolver.Get(FeeParameterKeys.CmgMinimumFamilyShare),
        resolver.Get(FeeParameterKeys.SimulatorAmDefaultHourlyWage),
        resolver.Get(FeeParameterKeys.SimulatorGardeDomicileDefaultHourlyWage));
}

/// <summary>Finds the value in force for each key and records a problem for each key it cannot decide.</summary>
internal sealed class ParameterResolver(IEnumerable<FeeParameter> all, DateOnly date)
{
    private readonly ILookup<string, FeeParameter> _byKey = all.ToLookup(p => p.Key, StringComparer.Ordinal);
    private readonly List<Problem> _problems = [];

    public IReadOnlyList<Problem> Problems => _problems;

    /// <summary>The value in force; when there is none (or several) a problem is recorded and a placeholder returned,
    /// which never leaves the resolver because the caller fails when <see cref="Problems"/> is not empty.</summary>
    public FeeParameter Get(string key)
    {
        var inForce = _byKey[key].Where(p => p.IsInForceOn(date)).ToList();
        if (inForce.Count == 1)
            return inForce[0];

        _problems.Add(Problem.Of(inForce.Count == 0 ? "parameter-missing" : "parameter-ambiguous", key, key, Day));
        return new FeeParameter(key, date, date, 0m, string.Empty);
    }

    /// <summary>Records that <paramref name="low"/> should not exceed <paramref name="high"/> (e.g. plancher above plafond).</summary>
    public void Inconsistent(FeeParameter low, FeeParameter high) =>
        _problems.Add(Problem.Of("parameter-inconsistent", low.Key, low.Key, high.Key, Day));

    private string Day => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
