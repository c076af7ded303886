using Berceau.Domain.Fees;

namespace Berceau.Domain.Tests.Fees;

public class PsuFeeTests
{
    private static PsuFeeResult Compute(
        decimal annualResources, int children = 1, bool disabled = false, PsuCareMode mode = PsuCareMode.Collective,
        decimal hoursPerWeek = 40m, decimal weeksPerYear = 45m, PsuParameters? parameters = null) =>
        PsuFee.Compute(
            new PsuFeeInput(annualResources, children, disabled, mode, hoursPerWeek, weeksPerYear),
            parameters ?? FeeTestData.Psu()).Value;

    [Fact]
    public void HourlyFee_RulesExample_36000PerYearOneChildCollective_Is1Euro86()
    {
        var fee = Compute(36_000m);

        Assert.Equal(3000m, fee.MonthlyResourcesUsed);
        Assert.Equal(0.000619m, fee.EffortRate);
        Assert.Equal(1.86m, fee.HourlyRate);
        Assert.Equal(1, fee.Band);
    }

    [Fact]
    public void MonthlyFee_UsesTheUnroundedHourlyFee()
    {
        // 1.857 €/h × 40 h × 45 weeks ÷ 12 = 278.55 (279.00 if the hourly fee were rounded first).
        Assert.Equal(278.55m, Compute(36_000m, hoursPerWeek: 40m, weeksPerYear: 45m).MonthlyCost);
    }

    [Fact]
    public void MonthlyFee_RoundsHalfAwayFromZeroAtTheEnd()
    {
        // 1.857 × 10 × 1 ÷ 12 = 1.5475 → 1.55
        Assert.Equal(1.55m, Compute(36_000m, hoursPerWeek: 10m, weeksPerYear: 1m).MonthlyCost);
    }

    [Theory]
    [InlineData(1, 0.000619)]
    [InlineData(2, 0.000516)]
    [InlineData(3, 0.000413)]
    [InlineData(4, 0.000310)]
    [InlineData(5, 0.000310)]
    [InlineData(6, 0.000310)]
    [InlineData(7, 0.000310)]
    [InlineData(8, 0.000206)]
    [InlineData(9, 0.000206)]
    [InlineData(10, 0.000206)]
    [InlineData(11, 0.000206)]
    [InlineData(15, 0.000206)]
    public void EffortRate_Collective_FollowsTheBandOfTheHouseholdSize(int children, double expectedRate)
    {
        var fee = Compute(36_000m, children);

        Assert.Equal((decimal)expectedRate, fee.EffortRate);
        Assert.Equal(Money.Round(3000m * (decimal)expectedRate), fee.HourlyRate);
        Assert.Equal(Math.Min(children, 10), fee.Band);
    }

    [Theory]
    [InlineData(1, 0.000516)]
    [InlineData(2, 0.000413)]
    [InlineData(3, 0.000310)]
    [InlineData(4, 0.000310)]
    [InlineData(5, 0.000310)]
    [InlineData(6, 0.000206)]
    [InlineData(7, 0.000206)]
    [InlineData(15, 0.000206)]
    public void EffortRate_FamilyOrParental_FollowsItsOwnBarème(int children, double expectedRate)
    {
        var fee = Compute(36_000m, children, mode: PsuCareMode.FamilyOrParental);

        Assert.Equal((decimal)expectedRate, fee.EffortRate);
        Assert.Equal(Math.Min(children, 6), fee.Band);
    }

    [Fact]
    public void EffortRate_EachBandComesFromItsParameter()
    {
        var parameters = FeeTestData.Psu((FeeParameterKeys.PsuCollectiveRate(3), 0.0005m), (FeeParameterKeys.PsuFamilyRate(2), 0.0004m));

        Assert.Equal(0.0005m, Compute(36_000m, 3, parameters: parameters).EffortRate);
        Assert.Equal(0.0004m, Compute(36_000m, 2, mode: PsuCareMode.FamilyOrParental, parameters: parameters).EffortRate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_200)]
    [InlineData(9_775.43)]
    public void HourlyFee_WhenResourcesBelowFloor_UsesFloor(double annual)
    {
        var fee = Compute((decimal)annual);

        Assert.Equal(814.62m, fee.MonthlyResourcesUsed);
        Assert.Equal(0.50m, fee.HourlyRate);
    }

    [Fact]
    public void HourlyFee_WhenResourcesJustAboveFloor_UsesTheResources()
    {
        var fee = Compute(9_775.56m);

        Assert.Equal(814.63m, fee.MonthlyResourcesUsed);
    }

    [Fact]
    public void HourlyFee_WhenResourcesAtFloor_UsesThem()
    {
        var fee = Compute(814.62m * 12m);

        Assert.Equal(814.62m, fee.MonthlyResourcesUsed);
        Assert.Equal(0.50m, fee.HourlyRate); // 0.50424978
    }

    [Fact]
    public void HourlyFee_WhenResourcesAtCeiling_UsesThem()
    {
        var fee = Compute(8_500m * 12m);

        Assert.Equal(8_500m, fee.MonthlyResourcesUsed);
        Assert.Equal(5.26m, fee.HourlyRate); // 5.2615
    }

    [Theory]
    [InlineData(102_000.01)]
    [InlineData(150_000)]
    [InlineData(10_000_000)]
    public void HourlyFee_WhenResourcesAboveCeiling_UsesCeiling(double annual)
    {
        var fee = Compute((decimal)annual);

        Assert.Equal(8_500m, fee.MonthlyResourcesUsed);
        Assert.Equal(5.26m, fee.HourlyRate);
    }

    [Fact]
    public void HourlyFee_WhenFloorAndCeilingChange_FollowsTheParameters()
    {
        var parameters = FeeTestData.Psu((FeeParameterKeys.PsuFloor, 801m), (FeeParameterKeys.PsuCeiling, 7000m));

        Assert.Equal(801m, Compute(0m, parameters: parameters).MonthlyResourcesUsed);
        Assert.Equal(7000m, Compute(100_000m, parameters: parameters).MonthlyResourcesUsed);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(3, 4)]
    [InlineData(7, 8)]
    [InlineData(9, 10)]
    public void EffortRate_WithDisabledChild_UsesTheNextBand(int children, int expectedBand)
    {
        var fee = Compute(36_000m, children, disabled: true);

        Assert.Equal(expectedBand, fee.Band);
        Assert.Equal(FeeTestData.CollectiveRates[expectedBand - 1], fee.EffortRate);
    }

    [Theory]
    [InlineData(10, PsuCareMode.Collective, 10)]
    [InlineData(14, PsuCareMode.Collective, 10)]
    [InlineData(6, PsuCareMode.FamilyOrParental, 6)]
    [InlineData(5, PsuCareMode.FamilyOrParental, 6)]
    public void EffortRate_WithDisabledChildInTheLastBand_StaysInTheLastBand(int children, PsuCareMode mode, int expectedBand)
    {
        var fee = Compute(36_000m, children, disabled: true, mode: mode);

        Assert.Equal(expectedBand, fee.Band);
        Assert.Equal(0.000206m, fee.EffortRate);
    }

    [Fact]
    public void Compute_ListsFloorCeilingAndTheRateApplied()
    {
        var fee = Compute(36_000m, 2);

        Assert.Equal(
            [FeeParameterKeys.PsuFloor, FeeParameterKeys.PsuCeiling, FeeParameterKeys.PsuCollectiveRate(2)],
            fee.ParametersUsed.Select(p => p.Key));
    }

    [Theory]
    [InlineData(-0.01, 1, 40, 45, FeeFields.AnnualResources)]
    [InlineData(10_000_000.01, 1, 40, 45, FeeFields.AnnualResources)]
    [InlineData(36_000, 0, 40, 45, FeeFields.Children)]
    [InlineData(36_000, 16, 40, 45, FeeFields.Children)]
    [InlineData(36_000, 1, 0.5, 45, FeeFields.HoursPerWeek)]
    [InlineData(36_000, 1, 60.5, 45, FeeFields.HoursPerWeek)]
    [InlineData(36_000, 1, 40, 0, FeeFields.WeeksPerYear)]
    [InlineData(36_000, 1, 40, 53, FeeFields.WeeksPerYear)]
    public void Compute_WithAnInputOutOfRange_ReturnsAProblemNamingTheField(
        double annual, int children, double hours, double weeks, string field)
    {
        var outcome = PsuFee.Compute(
            new PsuFeeInput((decimal)annual, children, false, PsuCareMode.Collective, (decimal)hours, (decimal)weeks),
            FeeTestData.Psu());

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("out-of-range", problem.Code);
        Assert.Equal(field, problem.Field);
    }
}
