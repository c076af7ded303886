using Berceau.Domain.FollowUp;
using Berceau.Domain.Observatory.Indicators;

namespace Berceau.Domain.Tests.Observatory.Indicators;

/// <summary>The indicators' arithmetic on small hand-checked fixtures (figures worked out in the comments).</summary>
public class IndicatorArithmeticTests
{
    private static readonly CommuneName A = new("93039", "L’Île-Saint-Denis");
    private static readonly CommuneName B = new("93013", "Le Bourget");
    private static readonly IReadOnlyList<CommuneName> Both = [B, A];

    [Fact]
    public void Median_OfAnEvenCount_IsTheMeanOfTheTwoMiddleValues_AndThe90thPercentile_IsTheNearestRank()
    {
        // 10, 69, 90, 136: median (69 + 90) ÷ 2 = 79.5; rank ⌈0.9 × 4⌉ = 4 → 136.
        Assert.Equal(79.5m, Distribution.Median([136, 10, 90, 69]));
        Assert.Equal(136m, Distribution.Percentile([136, 10, 90, 69], 90));
        // 1..10: rank ⌈9⌉ = 9 → 9; 1..11: rank ⌈9.9⌉ = 10 → 10; a single value is every percentile.
        Assert.Equal(9m, Distribution.Percentile(Enumerable.Range(1, 10), 90));
        Assert.Equal(10m, Distribution.Percentile(Enumerable.Range(1, 11), 90));
        Assert.Equal(7m, Distribution.Percentile([7], 90));
        Assert.Null(Distribution.Median([]));
        Assert.Null(Distribution.Percentile([], 90));
    }

    [Theory]
    [InlineData("2025-01-10", "2025-12-31", AgeBand.UnderOne)]   // 11 months and 21 days
    [InlineData("2025-01-10", "2026-01-10", AgeBand.One)]        // exactly 12 months
    [InlineData("2023-12-01", "2025-12-31", AgeBand.Two)]        // 24 months
    [InlineData("2022-12-31", "2025-12-31", AgeBand.ThreeAndOver)]
    [InlineData("2026-03-01", "2025-12-31", AgeBand.Unborn)]     // born after the reference day
    public void AgeBand_IsTheAgeInWholeYears_OnTheReferenceDay(string born, string on, AgeBand expected) =>
        Assert.Equal(expected, AgeBands.Of(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AgeBand_WithoutABirthDate_IsUnborn() => Assert.Equal(AgeBand.Unborn, AgeBands.Of(null, new DateOnly(2026, 1, 1)));

    [Fact]
    public void Pending_CountsByAgeBand_AndByCommune_WithZeros()
    {
        var pending = DemandIndicators.Pending([new(A.Code, AgeBand.UnderOne), new(A.Code, AgeBand.Two), new(B.Code, AgeBand.Unborn)], Both);

        Assert.Equal(3m, pending.Value);
        Assert.Equal([1m, 0m, 1m, 0m, 1m], pending.Breakdown("age")!.Rows.Select(r => r.Value!.Value));
        Assert.Equal([("93013", 1m), ("93039", 2m)], pending.Breakdown("commune")!.Rows.Select(r => (r.Key, r.Value!.Value)));
    }

    [Fact]
    public void Pressure_IsFirstWishesOverPlaces_SummedOverStructures_NotAMeanOfPressures()
    {
        // A: 30 first wishes for 10 places (3.0); B: 2 for 40 (0.05). Mean of pressures 1.525; Σ/Σ = 32 ÷ 50 = 0.64.
        var pressure = DemandIndicators.Pressure([new("a", "Crèche A", A.Code, 30, 10), new("b", "Crèche B", B.Code, 2, 40)], Both);

        Assert.Equal((0.64m, 32m, 50m), (pressure.Value!.Value, pressure.Numerator!.Value, pressure.Denominator!.Value));
        Assert.Equal(["a", "b"], pressure.Breakdown("structure")!.Rows.Select(r => r.Key));
        Assert.Equal(3m, pressure.Breakdown("structure")!.Rows[0].Value);
    }

    [Fact]
    public void Waits_AndAccess_PoolTheFamiliesOfAllCommunes()
    {
        PlacementFact[] placements =
        [
            new(A.Code, 69, Disability: true, SocialMinimum: false, Insertion: false),
            new(A.Code, 90, false, true, false),
            new(B.Code, 136, false, true, true),
            new(B.Code, 10, false, false, false),
        ];
        var (median, p90) = DemandIndicators.Waits(placements, Both);
        var access = DemandIndicators.Access(placements, Both);

        Assert.Equal((79.5m, 4), (median.Value!.Value, median.Observations!.Value));
        Assert.Equal(136m, p90.Value);
        // Per commune: A 69, 90 → 79.5; B 10, 136 → 73. The pooled median is not the mean of the two (76.25).
        Assert.Equal([73m, 79.5m], median.Breakdown("commune")!.Rows.Select(r => r.Value!.Value));
        Assert.Equal([25m, 50m, 25m], access.Select(a => a.Value!.Value));
        Assert.Equal([(2m, 4m)], access.Skip(1).Take(1).Select(a => (a.Numerator!.Value, a.Denominator!.Value)));
    }

    [Fact]
    public void Commissions_AddExaminedAndOffered_OverSessions()
    {
        // 2 of 4, then 1 of 16: Σ/Σ = 3 ÷ 20 = 15 % (the mean of 50 % and 6.25 % would be 28.1 %).
        var placed = DemandIndicators.Commissions([new("s1", "Commission 1", A.Code, 4, 2), new("s2", "Commission 2", B.Code, 16, 1)], Both);

        Assert.Equal((15m, 3m, 20m), (placed.Value!.Value, placed.Numerator!.Value, placed.Denominator!.Value));
        Assert.Equal([50m, 6.3m], placed.Breakdown("commission")!.Rows.Select(r => r.Value!.Value));
    }

    [Fact]
    public void FollowUp_ReadsTheCasesAsTheyStoodOnTheReferenceDay()
    {
        var on = new DateOnly(2025, 12, 31);
        CaseTimes[] cases =
        [
            new(A.Code, new(2025, 3, 1), new(2025, 3, 21)),   // 20 days
            new(A.Code, new(2025, 10, 15), null),
            new(A.Code, new(2025, 11, 20), new(2026, 1, 10)),  // solved after the reference day: not yet on 31 December
        ];
        var (without, within, median) = DemandIndicators.FollowUp(cases, on, Both);

        Assert.Equal((2m, 2m, 3m), (without.Value!.Value, without.Numerator!.Value, without.Denominator!.Value));
        // 3 months: only the March case is old enough, and it was solved → 1 of 1.
        Assert.Equal((100m, 1m, 1m), (within.Value!.Value, within.Numerator!.Value, within.Denominator!.Value));
        Assert.Equal(20m, median.Value);
    }

    [Fact]
    public void Unavailable_HasNoValue_AndSaysWhy()
    {
        var occupancy = Indicator.Unavailable(IndicatorCatalog.Occupancy, "Pas de données.");
        Assert.Equal((IndicatorState.Unavailable, null, "non disponible", "Pas de données."), (occupancy.State, occupancy.Value, occupancy.State.Label(), occupancy.Note));
    }

    [Fact]
    public void Catalog_HasUniqueCodes_AFrenchDefinitionForEach_AndTheFiveD2142Themes()
    {
        Assert.Equal(IndicatorCatalog.All.Count, IndicatorCatalog.All.Select(d => d.Code).Distinct().Count());
        Assert.All(IndicatorCatalog.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Definition + d.Formula + d.Source + d.Unit + d.Label)));
        Assert.Equal(["places-creees", "taux-couverture", "accueil-enfants-handicap", "accueil-familles-minima-sociaux", "accueil-familles-insertion", "soutien-parentalite"],
            IndicatorCatalog.All.Where(d => d.Sdsf).Select(d => d.Code));
    }
}
