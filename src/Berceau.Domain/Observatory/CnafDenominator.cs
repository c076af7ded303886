namespace Berceau.Domain.Observatory;

/// <summary>
/// Recovers the number of children under 3 behind a row of the Cnaf file, which publishes places and rates but not
/// the denominator.
/// <para>
/// The obvious estimate, places_total ÷ taux_global × 100, drifts: the global rate is rounded to 0.1, so on a rate of 50
/// the estimate is only known to ±0.1 %, and with it 173 of the 420 rows of the 92 and 93 (2017–2022) give back at
/// least one published rate wrong by 0.1. Every published rate of the row narrows the denominator instead: a rate r
/// published for p places means p × 100 ÷ D lies in [r − 0.05, r + 0.05), so D lies in (p × 100 ÷ (r + 0.05),
/// p × 100 ÷ (r − 0.05)]. The intersection over the eight rates is never empty in the 92/93 file and always holds a
/// whole number there. We take the simplest number inside it (a whole number if there is one, else one decimal, and so
/// on), the nearest to the obvious estimate: fed with the published places, it gives back every published rate.
/// </para>
/// <para>
/// When the rates of a row contradict each other (a few rows elsewhere in France), only the global rate is used, so that
/// at least the headline figure is reproduced; when even that fails, there is no denominator.
/// </para>
/// </summary>
public static class CnafDenominator
{
    private const int MaxDecimals = 4;
    private const decimal HalfStep = 0.05m;

    public static decimal? Derive(CoveragePlaces places, CoverageRates published)
    {
        if (published.Global is not { } global || global <= 0 || places.Total <= 0)
            return null;
        var naive = places.Total * 100m / global;

        var globalOnly = new CoverageRates(null, null, null, null, null, null, null, global);
        return Search(Pairs(places, published).ToList(), naive, places, published)
            ?? Search([(places.Total, global)], naive, places, globalOnly);
    }

    /// <summary>Columns whose published rate <paramref name="children"/> does not give back from <paramref name="places"/>.</summary>
    public static IReadOnlyList<string> Mismatches(CoveragePlaces places, decimal children, CoverageRates published)
    {
        var computed = Coverage.Rates(places, children).Columns().ToList();
        return published.Columns()
            .Zip(computed, (p, c) => (p.Column, Published: p.Rate, Computed: c.Rate))
            .Where(x => x.Published is not null && x.Published != x.Computed)
            .Select(x => x.Column)
            .ToList();
    }

    private static IEnumerable<(decimal Places, decimal Rate)> Pairs(CoveragePlaces places, CoverageRates rates)
    {
        if (rates.EajePsu is { } a) yield return (places.EajePsu, a);
        if (rates.EajeNonPsu is { } b) yield return (places.EajeNonPsu, b);
        if (rates.Eaje is { } c) yield return (places.Eaje, c);
        if (rates.Preschool is { } d) yield return (places.Preschool, d);
        if (rates.Childminders is { } e) yield return (places.Childminders, e);
        if (rates.HomeCare is { } f) yield return (places.HomeCare, f);
        if (rates.Individual is { } g) yield return (places.Individual, g);
        if (rates.Global is { } h) yield return (places.Total, h);
    }

    /// <summary>The simplest denominator that gives back every rate of <paramref name="published"/>, or null.</summary>
    private static decimal? Search(IReadOnlyList<(decimal Places, decimal Rate)> pairs, decimal naive, CoveragePlaces places, CoverageRates published)
    {
        // Bounds of D; decimal division rounds in the 28th digit, so each candidate is checked exactly afterwards.
        var low = 0m;
        decimal? high = null;
        foreach (var (p, r) in pairs)
        {
            if (p == 0)
            {
                if (r != 0) return null;  // no denominator turns 0 places into a positive rate
                continue;
            }
            low = Math.Max(low, p * 100m / (r + HalfStep));
            if (r - HalfStep > 0)
                high = high is { } h ? Math.Min(h, p * 100m / (r - HalfStep)) : p * 100m / (r - HalfStep);
        }
        if (high is not { } top || low >= top)
            return null;

        var step = 1m;
        for (var decimals = 0; decimals <= MaxDecimals; decimals++, step /= 10)
        {
            var first = Math.Floor(low / step) + 1;
            var last = Math.Floor(top / step);
            if (first > last + 1)
                continue;
            // The bounds are approximate by one unit at most, so one step beyond each is tried; nearest first, then outwards.
            var nearest = Math.Clamp(Math.Round(naive / step), first - 1, last + 1);
            foreach (var k in Outwards(nearest, first - 1, last + 1))
            {
                var candidate = k * step;
                if (candidate > 0 && Mismatches(places, candidate, published).Count == 0)
                    return candidate;
            }
        }
        return null;
    }

    private static IEnumerable<decimal> Outwards(decimal start, decimal min, decimal max)
    {
        yield return start;
        for (var d = 1m; start - d >= min || start + d <= max; d++)
        {
            if (start - d >= min) yield return start - d;
            if (start + d <= max) yield return start + d;
        }
    }
}
