using Berceau.Domain.Grid;

namespace Berceau.Domain.Tests.Grid;

public class GridVersionsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void ANewVersion_StartsOnItsDate_AndClosesThePreviousTheDayBefore_SoEachDayHasExactlyOneGrid()
    {
        var versions = new GridVersions([Grids.Metz()]);

        var change = versions.Add(Grids.Metz() with { SingleParent = 35, ValidFrom = new(2027, 1, 1) }, Today).Value;
        var after = new GridVersions([change.Closed!, change.Added]);

        Assert.Equal(new DateOnly(2026, 12, 31), change.Closed!.ValidTo);
        Assert.Equal(2, change.Added.Version);
        Assert.Equal(20, after.InForce(new(2026, 12, 31))!.SingleParent);
        Assert.Equal(35, after.InForce(new(2027, 1, 1))!.SingleParent);
        Assert.Null(after.InForce(new(2025, 12, 31)));
    }

    [Fact]
    public void ANewVersion_CannotRewriteThePast()
    {
        var versions = new GridVersions([Grids.Metz()]);

        var past = versions.Add(Grids.Metz() with { ValidFrom = Today.AddDays(-1) }, Today);
        var beforeLatest = new GridVersions([Grids.Metz() with { ValidFrom = Today.AddDays(10) }]).Add(Grids.Metz() with { ValidFrom = Today.AddDays(5) }, Today);

        Assert.Equal("grid-starts-in-past", Assert.Single(past.Problems).Code);
        Assert.Equal("grid-starts-before-latest", Assert.Single(beforeLatest.Problems).Code);
    }

    [Fact]
    public void ABadGrid_IsRefused_WithEachFieldNamed()
    {
        var bad = Grids.Metz() with
        {
            SingleParent = -5,
            MaxMonthsCounted = 500,
            QuotientBands = [new(1200m, 10), new(700m, 15), new(900m, 0)],
            StructureBonuses = [new(new(Guid.Empty), BonusCondition.HomeSector, 5), new(new(Guid.Empty), BonusCondition.HomeSector, 7)],
            ValidTo = Grids.Start.AddDays(-1),
        };

        var problems = PointsGridRules.Check(bad);

        Assert.Equal(
            ["SingleParent", "MaxMonthsCounted", "ValidTo", "QuotientBands[1].UpTo", "QuotientBands[2].UpTo", "StructureBonuses[1]"],
            problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.DoesNotContain("{", p.Message));
        Assert.Empty(PointsGridRules.Check(Grids.Metz()));
    }
}
