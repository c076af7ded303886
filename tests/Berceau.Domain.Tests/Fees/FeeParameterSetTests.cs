using Berceau.Domain.Fees;

namespace Berceau.Domain.Tests.Fees;

public class FeeParameterSetTests
{
    private static readonly DateOnly Jan2024 = new(2024, 1, 1);

    [Fact]
    public void Resolve_WithEveryKey_GivesTypedValuesInForce()
    {
        var set = FeeParameterSet.Resolve(FeeTestData.Parameters(), FeeTestData.Day).Value;

        Assert.Equal(FeeTestData.Day, set.Date);
        Assert.Equal(814.62m, set.Psu.Floor.Value);
        Assert.Equal(8500m, set.Psu.Ceiling.Value);
        Assert.Equal(FeeTestData.CollectiveRates, set.Psu.CollectiveRates.Select(p => p.Value));
        Assert.Equal(FeeTestData.FamilyRates, set.Psu.FamilyRates.Select(p => p.Value));
        Assert.Equal(8.09m, set.Cmg.AmHourlyWageCap.Value);
        Assert.Equal(2m, set.Cmg.GardeDomicileRateMultiplier.Value);
        Assert.Equal(0.15m, set.Cmg.MinimumFamilyShare.Value);
        Assert.Equal(FeeParameterKeys.All, set.All.Select(p => p.Key));
    }

    [Fact]
    public void Resolve_KeepsTheValidFromAndSourceOfEachValue()
    {
        List<FeeParameter> all =
        [
            .. FeeTestData.Parameters().Where(p => p.Key != FeeParameterKeys.PsuFloor),
            new(FeeParameterKeys.PsuFloor, new DateOnly(2026, 1, 1), null, 814.62m, "Barème Cnaf 2026"),
        ];

        var floor = FeeParameterSet.Resolve(all, FeeTestData.Day).Value.Psu.Floor;

        Assert.Equal(new DateOnly(2026, 1, 1), floor.ValidFrom);
        Assert.Equal("Barème Cnaf 2026", floor.Source);
    }

    [Theory]
    [InlineData("2023-12-31", null)]
    [InlineData("2024-01-01", 765.77)]
    [InlineData("2024-12-31", 765.77)]
    [InlineData("2025-01-01", 801.00)]
    [InlineData("2025-12-31", 801.00)]
    [InlineData("2026-01-01", 814.62)]
    [InlineData("2040-01-01", 814.62)]
    public void Resolve_OnEitherSideOfAChange_PicksTheValueInForce(string date, double? expected)
    {
        List<FeeParameter> all =
        [
            .. FeeTestData.Parameters().Where(p => p.Key != FeeParameterKeys.PsuFloor),
            new(FeeParameterKeys.PsuFloor, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), 765.77m, "2024"),
            new(FeeParameterKeys.PsuFloor, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 801.00m, "2025"),
            new(FeeParameterKeys.PsuFloor, new DateOnly(2026, 1, 1), null, 814.62m, "2026"),
        ];

        var outcome = FeeParameterSet.Resolve(all, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        if (expected is null)
            Assert.Equal(FeeParameterKeys.PsuFloor, Assert.Single(outcome.Problems).Field);
        else
            Assert.Equal((decimal)expected.Value, outcome.Value.Psu.Floor.Value);
    }

    [Fact]
    public void Resolve_WhenAKeyHasNoValueOnTheDate_ReturnsParameterMissingNamingTheKey()
    {
        var all = FeeTestData.Parameters().Where(p => p.Key != FeeParameterKeys.CmgMinimumFamilyShare);

        var outcome = FeeParameterSet.Resolve(all, new DateOnly(2026, 9, 1));

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("parameter-missing", problem.Code);
        Assert.Equal(FeeParameterKeys.CmgMinimumFamilyShare, problem.Field);
        Assert.Equal("Le paramètre « cmg.reste_a_charge_minimum » n’a pas de valeur en vigueur le 01/09/2026.", problem.Message);
    }

    [Fact]
    public void Resolve_WithNoParameters_ReportsEveryKey()
    {
        var outcome = FeeParameterSet.Resolve([], FeeTestData.Day);

        Assert.False(outcome.IsSuccess);
        Assert.Equal(FeeParameterKeys.All, outcome.Problems.Select(p => p.Field));
        Assert.All(outcome.Problems, p => Assert.Equal("parameter-missing", p.Code));
    }

    [Fact]
    public void Resolve_WhenOnlyAnExpiredValueExists_ReportsItMissing()
    {
        List<FeeParameter> all =
        [
            .. FeeTestData.Parameters().Where(p => p.Key != FeeParameterKeys.PsuCeiling),
            new(FeeParameterKeys.PsuCeiling, new DateOnly(2020, 1, 1), new DateOnly(2026, 5, 31), 7000m, "Ancien"),
        ];

        var outcome = FeeParameterSet.Resolve(all, FeeTestData.Day);

        Assert.Equal(FeeParameterKeys.PsuCeiling, Assert.Single(outcome.Problems).Field);
    }

    [Fact]
    public void Resolve_ValidToIsTheLastDayInForce()
    {
        List<FeeParameter> all =
        [
            .. FeeTestData.Parameters().Where(p => p.Key != FeeParameterKeys.PsuCeiling),
            new(FeeParameterKeys.PsuCeiling, new DateOnly(2020, 1, 1), new DateOnly(2026, 6, 1), 7000m, "Ancien"),
            new(FeeParameterKeys.PsuCeiling, new DateOnly(2026, 6, 2), null, 8500m, "Nouveau"),
        ];

        Assert.Equal(7000m, FeeParameterSet.Resolve(all, new DateOnly(2026, 6, 1)).Value.Psu.Ceiling.Value);
        Assert.Equal(8500m, FeeParameterSet.Resolve(all, new DateOnly(2026, 6, 2)).Value.Psu.Ceiling.Value);
    }

    [Fact]
    public void Resolve_WhenTwoValuesAreInForce_ReportsParameterAmbiguous()
    {
        List<FeeParameter> all =
        [
            .. FeeTestData.Parameters(),
            new(FeeParameterKeys.PsuCeiling, new DateOnly(2026, 1, 1), null, 9000m, "Doublon"),
        ];

        var problem = Assert.Single(FeeParameterSet.Resolve(all, FeeTestData.Day).Problems);

        Assert.Equal("parameter-ambiguous", problem.Code);
        Assert.Equal(FeeParameterKeys.PsuCeiling, problem.Field);
    }

    [Fact]
    public void Resolve_WhenFloorExceedsCeiling_ReportsParameterInconsistent()
    {
        var outcome = FeeParameterSet.Resolve(FeeTestData.Parameters((FeeParameterKeys.PsuFloor, 9000m)), FeeTestData.Day);

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("parameter-inconsistent", problem.Code);
        Assert.Equal(FeeParameterKeys.PsuFloor, problem.Field);
    }

    [Fact]
    public void ResolvePsu_BeforeTheCmgReform_NeedsOnlyThePsuValues()
    {
        var psuOnly = FeeTestData.Parameters().Where(p => p.Key.StartsWith("psu.", StringComparison.Ordinal)).ToList();

        Assert.True(PsuParameters.Resolve(psuOnly, Jan2024).IsSuccess);
        Assert.False(FeeParameterSet.Resolve(psuOnly, Jan2024).IsSuccess);
    }

    [Fact]
    public void Rate_PastTheLastBand_IsTheLastBand()
    {
        var psu = FeeTestData.Psu((FeeParameterKeys.PsuCollectiveRate(10), 0.0001m), (FeeParameterKeys.PsuFamilyRate(6), 0.0002m));

        Assert.Equal(0.0001m, psu.Rate(PsuCareMode.Collective, 25).Value);
        Assert.Equal(0.0002m, psu.Rate(PsuCareMode.FamilyOrParental, 7).Value);
    }
}
