using Berceau.Domain.Common;

namespace Berceau.Domain.Grid;

/// <summary>What makes a grid publishable: points within bounds, bands in order and ending open, one bonus per structure and fact.</summary>
public static class PointsGridRules
{
    public static IReadOnlyList<Problem> Check(PointsGrid grid)
    {
        var problems = new List<Problem>();
        void Points(string field, int value)
        {
            if (value is < 0 or > PointsGrid.MaxPoints) problems.Add(Problem.Of("out-of-range", field, 0, PointsGrid.MaxPoints));
        }

        Points("PerParent.Employed", grid.PerParent.Employed);
        Points("PerParent.Training", grid.PerParent.Training);
        Points("PerParent.JobSeeker", grid.PerParent.JobSeeker);
        Points("PerParent.Insertion", grid.PerParent.Insertion);
        Points("PerParent.Other", grid.PerParent.Other);
        Points(nameof(grid.SingleParent), grid.SingleParent);
        Points(nameof(grid.SiblingInStructure), grid.SiblingInStructure);
        Points(nameof(grid.DisabilityInHousehold), grid.DisabilityInHousehold);
        Points(nameof(grid.SocialSupport), grid.SocialSupport);
        Points(nameof(grid.PointsPerMonthWaited), grid.PointsPerMonthWaited);
        Points(nameof(grid.HomeSector), grid.HomeSector);
        Points(nameof(grid.PartnerEmployer), grid.PartnerEmployer);
        if (grid.MaxMonthsCounted is < 0 or > PointsGrid.MaxMonthsCap)
            problems.Add(Problem.Of("out-of-range", nameof(grid.MaxMonthsCounted), 0, PointsGrid.MaxMonthsCap));
        if (grid.ValidTo is { } end && end < grid.ValidFrom) problems.Add(Problem.Of("grid-validity-order", nameof(grid.ValidTo)));

        var bands = grid.QuotientBands;
        for (var i = 0; i < bands.Count; i++)
        {
            var field = $"QuotientBands[{i}]";
            Points($"{field}.Points", bands[i].Points);
            var last = i == bands.Count - 1;
            if (last != bands[i].UpTo is null) problems.Add(Problem.Of(last ? "grid-band-last-open" : "grid-band-limit-missing", $"{field}.UpTo"));
            else if (bands[i].UpTo is { } upTo && (upTo <= 0 || (i > 0 && bands[i - 1].UpTo is { } before && upTo <= before)))
                problems.Add(Problem.Of("grid-band-order", $"{field}.UpTo"));
        }

        var seen = new HashSet<(Offer.FacilityId, BonusCondition)>();
        for (var i = 0; i < grid.StructureBonuses.Count; i++)
        {
            var bonus = grid.StructureBonuses[i];
            Points($"StructureBonuses[{i}].Points", bonus.Points);
            if (!seen.Add((bonus.Structure, bonus.Condition))) problems.Add(Problem.Of("grid-bonus-duplicate", $"StructureBonuses[{i}]"));
        }
        return problems;
    }
}
