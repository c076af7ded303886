using Berceau.Domain.Common;

namespace Berceau.Domain.Grid;

/// <summary>
/// A commune's grid through time. A grid is never edited in place: a change is a new version from a date, and the version in
/// force until then ends the day before, so that a commission frozen on a given day is always scored, and replayed, with the grid
/// that was public that day.
/// </summary>
public sealed class GridVersions(IReadOnlyList<PointsGrid> versions)
{
    public IReadOnlyList<PointsGrid> All { get; } = versions.OrderBy(v => v.Version).ToList();

    public PointsGrid? InForce(DateOnly day) => All.LastOrDefault(v => v.InForceOn(day));

    /// <summary>
    /// Adds <paramref name="next"/> (its number and commune are set here): the previous version now ends the day before. A new version cannot start on or before the start of the latest one, nor in the past (history is not rewritten).
    /// </summary>
    public Outcome<GridChange> Add(PointsGrid next, DateOnly today)
    {
        var problems = PointsGridRules.Check(next).ToList();
        var latest = All.Count > 0 ? All[^1] : null;
        if (next.ValidFrom < today) problems.Add(Problem.Of("grid-starts-in-past", nameof(next.ValidFrom), today));
        else if (latest is not null && next.ValidFrom <= latest.ValidFrom)
            problems.Add(Problem.Of("grid-starts-before-latest", nameof(next.ValidFrom), latest.ValidFrom));
        if (problems.Count > 0) return Outcome<GridChange>.Failure(problems);

        var added = next with { CommuneCode = latest?.CommuneCode ?? next.CommuneCode, Version = (latest?.Version ?? 0) + 1, ValidTo = null };
        return new GridChange(latest is null ? null : latest with { ValidTo = next.ValidFrom.AddDays(-1) }, added);
    }
}

/// <summary>A new version of a grid, and the previous one closed the day before (null for a commune's first grid).</summary>
public sealed record GridChange(PointsGrid? Closed, PointsGrid Added);
