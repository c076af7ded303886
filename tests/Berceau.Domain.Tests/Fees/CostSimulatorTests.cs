using Berceau.Domain.Fees;

namespace Berceau.Domain.Tests.Fees;

public class CostSimulatorTests
{
    private static readonly DateOnly June2026 = new(2026, 6, 1);

    private static FeeParameterSet Shipped(DateOnly date) => FeeParameterSet.Resolve(FeeTestData.Shipped, date).Value;

    private static SimulationInput Valid() => new(36_000m, 1, false, 40m, 45m);

    [Fact]
    public void Simulate_RulesExample_ShowsTheThreeModesSideBySide()
    {
        var result = CostSimulator.Simulate(Valid(), Shipped(June2026)).Value;

        Assert.Equal(June2026, result.ParametersDate);
        Assert.Equal(1.86m, result.Psu.HourlyRate);
        Assert.Equal(278.55m, result.Psu.MonthlyCost);
        Assert.Equal(3000m, result.Psu.MonthlyResourcesUsed);
        Assert.Equal(0.000619m, result.Psu.EffortRate);

        Assert.Equal(8.09m, result.AssistantMaternel.HourlyWage);
        Assert.Equal(1213.50m, result.AssistantMaternel.MonthlyCost);
        Assert.Equal(754.54m, result.AssistantMaternel.Cmg);
        Assert.Equal(458.96m, result.AssistantMaternel.RemainingCost);

        Assert.Equal(12.00m, result.GardeDomicile.HourlyWage);
        Assert.Equal(1800m, result.GardeDomicile.MonthlyCost);
        Assert.Equal(1163.31m, result.GardeDomicile.Cmg);
        Assert.Equal(636.69m, result.GardeDomicile.RemainingCost);
    }

    [Fact]
    public void Simulate_BeforeApril2026_UsesThe2025ReferenceCosts()
    {
        var march = CostSimulator.Simulate(Valid(), Shipped(new DateOnly(2026, 3, 31))).Value;
        var april = CostSimulator.Simulate(Valid(), Shipped(new DateOnly(2026, 4, 1))).Value;

        Assert.Contains(march.ParametersUsed, p => p.Key == FeeParameterKeys.CmgAmReferenceHourlyCost && p.Value == 4.85m);
        Assert.Contains(april.ParametersUsed, p => p.Key == FeeParameterKeys.CmgAmReferenceHourlyCost && p.Value == 4.91m);
        Assert.True(april.AssistantMaternel.Cmg > march.AssistantMaternel.Cmg);
    }

    [Fact]
    public void Simulate_WithGivenWages_UsesThem()
    {
        var result = CostSimulator.Simulate(Valid() with { AmHourlyWage = 6m, HomeCareHourlyWage = 15m }, Shipped(June2026)).Value;

        Assert.Equal(6m, result.AssistantMaternel.HourlyWage);
        Assert.Equal(900m, result.AssistantMaternel.MonthlyCost);
        Assert.Equal(15m, result.GardeDomicile.HourlyWage);
        Assert.Equal(2250m, result.GardeDomicile.MonthlyCost);
    }

    [Fact]
    public void Simulate_ListsEachParameterUsedOnce_WithItsValidFromAndSource()
    {
        var result = CostSimulator.Simulate(Valid(), Shipped(June2026)).Value;

        Assert.Equal(result.ParametersUsed.Count, result.ParametersUsed.Select(p => p.Key).Distinct().Count());
        Assert.Equal(
            new[]
            {
                FeeParameterKeys.PsuFloor, FeeParameterKeys.PsuCeiling, FeeParameterKeys.PsuCollectiveRate(1),
                FeeParameterKeys.CmgAmHourlyWageCap, FeeParameterKeys.CmgAmReferenceHourlyCost, FeeParameterKeys.CmgMinimumFamilyShare,
                FeeParameterKeys.SimulatorAmDefaultHourlyWage, FeeParameterKeys.CmgGardeDomicileReferenceHourlyCost,
                FeeParameterKeys.CmgGardeDomicileRateMultiplier, FeeParameterKeys.SimulatorGardeDomicileDefaultHourlyWage,
            },
            result.ParametersUsed.Select(p => p.Key));
        var floor = result.ParametersUsed[0];
        Assert.Equal(new DateOnly(2026, 1, 1), floor.ValidFrom);
        Assert.Contains("Cnaf", floor.Source);
    }

    [Theory]
    [InlineData(-0.01, 1, 40, 45, null, null, FeeFields.AnnualResources)]
    [InlineData(10_000_000.01, 1, 40, 45, null, null, FeeFields.AnnualResources)]
    [InlineData(36_000, 0, 40, 45, null, null, FeeFields.Children)]
    [InlineData(36_000, -2, 40, 45, null, null, FeeFields.Children)]
    [InlineData(36_000, 16, 40, 45, null, null, FeeFields.Children)]
    [InlineData(36_000, 1, 0, 45, null, null, FeeFields.HoursPerWeek)]
    [InlineData(36_000, 1, 0.99, 45, null, null, FeeFields.HoursPerWeek)]
    [InlineData(36_000, 1, 60.01, 45, null, null, FeeFields.HoursPerWeek)]
    [InlineData(36_000, 1, 40, 0, null, null, FeeFields.WeeksPerYear)]
    [InlineData(36_000, 1, 40, 52.5, null, null, FeeFields.WeeksPerYear)]
    [InlineData(36_000, 1, 40, 45, 0.0, null, FeeFields.AmHourlyWage)]
    [InlineData(36_000, 1, 40, 45, 150.0, null, FeeFields.AmHourlyWage)]
    [InlineData(36_000, 1, 40, 45, null, -12.0, FeeFields.GardeDomicileHourlyWage)]
    [InlineData(36_000, 1, 40, 45, null, 100.5, FeeFields.GardeDomicileHourlyWage)]
    public void Simulate_WithAnInputOutOfRange_ReturnsAProblemNamingTheField(
        double annual, int children, double hours, double weeks, double? amWage, double? gadWage, string field)
    {
        var input = new SimulationInput((decimal)annual, children, false, (decimal)hours, (decimal)weeks, (decimal?)amWage, (decimal?)gadWage);

        var outcome = CostSimulator.Simulate(input, Shipped(June2026));

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("out-of-range", problem.Code);
        Assert.Equal(field, problem.Field);
    }

    [Fact]
    public void Simulate_WithEveryInputWrong_ReportsEveryFieldInFrench()
    {
        var outcome = CostSimulator.Simulate(new SimulationInput(-1m, 0, false, 61m, 53m, 0m, 0m), Shipped(June2026));

        Assert.Equal(
            [
                FeeFields.AnnualResources, FeeFields.Children, FeeFields.HoursPerWeek, FeeFields.WeeksPerYear,
                FeeFields.AmHourlyWage, FeeFields.GardeDomicileHourlyWage,
            ],
            outcome.Problems.Select(p => p.Field));
        Assert.Equal("La valeur doit être comprise entre 0 et 10\u202F000\u202F000.", outcome.Problems[0].Message);
        Assert.Equal("La valeur doit être comprise entre 1 et 60.", outcome.Problems[2].Message);
    }

    [Theory]
    [InlineData(0, 1, 1, 1)]
    [InlineData(10_000_000, 15, 60, 52)]
    public void Simulate_AtTheBoundsOfEachRange_Succeeds(double annual, int children, double hours, double weeks)
    {
        var input = new SimulationInput((decimal)annual, children, true, (decimal)hours, (decimal)weeks, 1m, 100m);

        Assert.True(CostSimulator.Simulate(input, Shipped(June2026)).IsSuccess);
    }
}
