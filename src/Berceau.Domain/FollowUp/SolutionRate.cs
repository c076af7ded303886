namespace Berceau.Domain.FollowUp;

/// <summary>One case as the indicator reads it: the day it was opened and, when the family has one, the day of its solution.</summary>
public sealed record CaseTimes(string CommuneCode, DateOnly OpenedOn, DateOnly? SolutionOn);

/// <summary>A case with the family it belongs to (its account, or the application when the family has no account).</summary>
public sealed record FamilyCase(string FamilyKey, CaseTimes Times);

/// <summary>
/// At one horizon (1, 3 or 6 months after opening): how many cases are old enough to be counted (<see cref="Counted"/>),
/// how many of them had a solution by then (<see cref="Solved"/>), and the share; null share when none is old enough.
/// </summary>
public sealed record HorizonRate(int Months, int Counted, int Solved)
{
    public decimal? Percent => Counted == 0 ? null : Math.Round(100m * Solved / Counted, 1, MidpointRounding.AwayFromZero);
}

/// <summary>The indicator for a set of cases: the rate at each horizon, and the median days from opening to solution.</summary>
public sealed record SolutionRate(int Cases, int Solved, IReadOnlyList<HorizonRate> Horizons, decimal? MedianDaysToSolution);

/// <summary>
/// « Zéro sans solution » indicator (issue 7): the share of follow-up cases with a solution 1, 3 and 6 months after they were
/// opened, and the median time to a solution. A case younger than a horizon is left out of that horizon's denominator (its
/// outcome is not known yet), so a young commune's rate is not dragged down by cases that just started. The median is over the
/// cases that have a solution (days from opening to solution; the mean of the two middle values for an even count).
/// </summary>
public static class SolutionRates
{
    public static IReadOnlyList<int> HorizonMonths { get; } = [1, 3, 6];

    /// <summary>
    /// One line per family, so that a family followed twice (two applications, two children) counts once: followed since its
    /// first case was opened, with a solution once every one of its cases has one (the day of the last of them).
    /// </summary>
    public static IReadOnlyList<CaseTimes> PerFamily(IEnumerable<FamilyCase> cases) =>
        [.. cases.GroupBy(c => c.FamilyKey, StringComparer.Ordinal).Select(g =>
        {
            var first = g.MinBy(c => c.Times.OpenedOn)!.Times;
            var solved = g.All(c => c.Times.SolutionOn is not null);
            return new CaseTimes(first.CommuneCode, first.OpenedOn, solved ? g.Max(c => c.Times.SolutionOn) : null);
        })];

    public static SolutionRate Of(IEnumerable<CaseTimes> cases, DateOnly today)
    {
        var all = cases.ToList();
        var horizons = HorizonMonths.Select(months =>
        {
            var counted = all.Where(c => c.OpenedOn.AddMonths(months) <= today).ToList();
            return new HorizonRate(months, counted.Count, counted.Count(c => c.SolutionOn is { } s && s <= c.OpenedOn.AddMonths(months)));
        }).ToList();
        var days = all.Where(c => c.SolutionOn is not null).Select(c => Math.Max(0, c.SolutionOn!.Value.DayNumber - c.OpenedOn.DayNumber)).Order().ToList();
        decimal? median = days.Count == 0 ? null
            : days.Count % 2 == 1 ? days[days.Count / 2]
            : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2m;
        return new SolutionRate(all.Count, days.Count, horizons, median);
    }
}
