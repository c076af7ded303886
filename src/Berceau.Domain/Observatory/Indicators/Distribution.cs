namespace Berceau.Domain.Observatory.Indicators;

/// <summary>
/// Medians and percentiles of durations in days. An aggregate (EPT, département) pools the cases of its communes and takes
/// the median of the pool: never a mean of the communes' medians.
/// </summary>
public static class Distribution
{
    /// <summary>The middle value, or the mean of the two middle values for an even count (as <c>SolutionRates</c>); null when empty.</summary>
    public static decimal? Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return null;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2m;
    }

    /// <summary>
    /// The nearest-rank percentile: the smallest value such that at least <paramref name="percent"/> % of the values are at or
    /// below it (rank ⌈p × n ÷ 100⌉ in ascending order). Always a value actually observed; null when empty.
    /// </summary>
    public static decimal? Percentile(IEnumerable<int> values, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return null;
        var rank = (int)Math.Ceiling(percent * sorted.Count / 100m);
        return sorted[Math.Max(1, rank) - 1];
    }
}
