using Berceau.Domain.Fees;

namespace Berceau.Domain.Tests.Fees;

public class CmgEstimateTests
{
    // 40 h a week, 45 weeks a year: 150 hours a month.
    private static CmgInput Household(decimal annualResources = 36_000m, int children = 1, bool disabled = false, decimal? wage = null) =>
        new(annualResources, children, disabled, 40m, 45m, wage);

    private static CmgResult Am(CmgInput input, FeeParameterSet? parameters = null) =>
        CmgEstimate.ForAssistantMaternel(input, parameters ?? FeeTestData.Set()).Value;

    private static CmgResult Gad(CmgInput input, FeeParameterSet? parameters = null) =>
        CmgEstimate.ForGardeDomicile(input, parameters ?? FeeTestData.Set()).Value;

    [Fact]
    public void ForAssistantMaternel_HandExample()
    {
        // 3,000 €/month × 0.000619 = 1.857; 150 h × 8.09 € = 1,213.50 €; CMG = 1,213.50 × (1 − 1.857 ÷ 4.91) = 754.5449…
        var am = Am(Household(wage: 8.09m));

        Assert.Equal(1213.50m, am.MonthlyCost);
        Assert.Equal(754.54m, am.Cmg);
        Assert.Equal(458.96m, am.RemainingCost);
        Assert.Equal(8.09m, am.HourlyWage);
        Assert.Equal(0.000619m, am.EffortRate);
    }

    [Fact]
    public void ForGardeDomicile_HandExample_WithTheRateDoubled()
    {
        // 3,000 × 0.000619 × 2 = 3.714; 150 h × 12 € = 1,800 €; CMG = 1,800 × (1 − 3.714 ÷ 10.50) = 1,163.3142…
        var gad = Gad(Household(wage: 12m));

        Assert.Equal(0.001238m, gad.EffortRate);
        Assert.Equal(1800m, gad.MonthlyCost);
        Assert.Equal(1163.31m, gad.Cmg);
        Assert.Equal(636.69m, gad.RemainingCost);
    }

    [Fact]
    public void ForGardeDomicile_TheMultiplierIsAParameter()
    {
        var parameters = FeeTestData.Set((FeeParameterKeys.CmgGardeDomicileRateMultiplier, 3m));

        Assert.Equal(0.000619m * 3m, Gad(Household(), parameters).EffortRate);
    }

    [Fact]
    public void ForGardeDomicile_LowersTheAidMoreThanTheSameRateWouldWithoutMultiplier()
    {
        var doubled = Gad(Household(wage: 12m));
        var single = Gad(Household(wage: 12m), FeeTestData.Set((FeeParameterKeys.CmgGardeDomicileRateMultiplier, 1m)));

        Assert.True(doubled.Cmg < single.Cmg);
    }

    [Fact]
    public void ForAssistantMaternel_WhenWageAboveCap_CountsTheCapButTheFamilyPaysTheWage()
    {
        var am = Am(Household(wage: 10m));

        Assert.Equal(10m, am.HourlyWage);
        Assert.Equal(8.09m, am.CountedHourlyWage);
        Assert.Equal(1500m, am.MonthlyCost);
        Assert.Equal(754.54m, am.Cmg);
        Assert.Equal(745.46m, am.RemainingCost);
    }

    [Fact]
    public void ForAssistantMaternel_WhenWageBelowCap_CountsTheWage()
    {
        var am = Am(Household(wage: 5m));

        Assert.Equal(5m, am.CountedHourlyWage);
        Assert.Equal(750m, am.MonthlyCost);
    }

    [Fact]
    public void ForGardeDomicile_HasNoWageCap()
    {
        var gad = Gad(Household(wage: 20m));

        Assert.Equal(20m, gad.CountedHourlyWage);
        Assert.Equal(3000m, gad.MonthlyCost);
    }

    [Fact]
    public void WithoutWage_UsesTheDefaultWageAndListsItAmongTheParametersUsed()
    {
        var set = FeeTestData.Set((FeeParameterKeys.SimulatorAmDefaultHourlyWage, 7.5m), (FeeParameterKeys.SimulatorGardeDomicileDefaultHourlyWage, 13m));

        var am = Am(Household(), set);
        var gad = Gad(Household(), set);

        Assert.Equal(7.5m, am.HourlyWage);
        Assert.Equal(13m, gad.HourlyWage);
        Assert.Contains(am.ParametersUsed, p => p.Key == FeeParameterKeys.SimulatorAmDefaultHourlyWage);
        Assert.Contains(gad.ParametersUsed, p => p.Key == FeeParameterKeys.SimulatorGardeDomicileDefaultHourlyWage);
    }

    [Fact]
    public void WithAWage_DoesNotListTheDefaultWage()
    {
        Assert.DoesNotContain(Am(Household(wage: 8m)).ParametersUsed, p => p.Key == FeeParameterKeys.SimulatorAmDefaultHourlyWage);
        Assert.DoesNotContain(Gad(Household(wage: 8m)).ParametersUsed, p => p.Key == FeeParameterKeys.SimulatorGardeDomicileDefaultHourlyWage);
    }

    [Fact]
    public void ForAssistantMaternel_WhenTheFormulaGivesMoreThan85Percent_TheFamilyStillPays15Percent()
    {
        // Resources at the floor: 1 − 814.62 × 0.000619 ÷ 4.91 = 0.897 > 0.85. 15 % of 1,213.50 = 182.025, rounded up.
        var am = Am(Household(annualResources: 0m, wage: 8.09m));

        Assert.Equal(1213.50m, am.MonthlyCost);
        Assert.Equal(182.03m, am.RemainingCost);
        Assert.Equal(1031.47m, am.Cmg);
    }

    [Fact]
    public void MinimumFamilyShare_IsAParameter()
    {
        var am = Am(Household(annualResources: 0m, wage: 8m), FeeTestData.Set((FeeParameterKeys.CmgMinimumFamilyShare, 0.20m)));

        Assert.Equal(1200m, am.MonthlyCost);
        Assert.Equal(240m, am.RemainingCost);
    }

    [Theory]
    [InlineData(102_000)]
    [InlineData(1_000_000)]
    public void WhenResourcesTimesRateExceedTheReferenceCost_CmgIsZeroNotNegative(double annual)
    {
        // 8,500 × 0.000619 = 5.26 > 4.91; 8,500 × 0.001238 = 10.52 > 10.50.
        var am = Am(Household(annualResources: (decimal)annual, wage: 8m));
        var gad = Gad(Household(annualResources: (decimal)annual, wage: 12m));

        Assert.Equal(0m, am.Cmg);
        Assert.Equal(am.MonthlyCost, am.RemainingCost);
        Assert.Equal(0m, gad.Cmg);
        Assert.Equal(gad.MonthlyCost, gad.RemainingCost);
    }

    [Fact]
    public void WithADisabledChild_UsesTheNextBandOfTheCollectiveBarème()
    {
        Assert.Equal(0.000516m, Am(Household(children: 1, disabled: true)).EffortRate);
        Assert.Equal(0.000206m, Am(Household(children: 10, disabled: true)).EffortRate);
    }

    [Fact]
    public void MoreChildren_MeanMoreAid()
    {
        Assert.True(Am(Household(children: 3)).Cmg > Am(Household(children: 1)).Cmg);
    }

    [Fact]
    public void ForAssistantMaternel_ListsTheParametersUsed()
    {
        Assert.Equal(
            [
                FeeParameterKeys.PsuFloor, FeeParameterKeys.PsuCeiling, FeeParameterKeys.PsuCollectiveRate(2),
                FeeParameterKeys.CmgAmHourlyWageCap, FeeParameterKeys.CmgAmReferenceHourlyCost, FeeParameterKeys.CmgMinimumFamilyShare,
            ],
            Am(Household(children: 2, wage: 8m)).ParametersUsed.Select(p => p.Key));
    }

    [Fact]
    public void ForGardeDomicile_ListsTheParametersUsed()
    {
        Assert.Equal(
            [
                FeeParameterKeys.PsuFloor, FeeParameterKeys.PsuCeiling, FeeParameterKeys.PsuCollectiveRate(1),
                FeeParameterKeys.CmgGardeDomicileReferenceHourlyCost, FeeParameterKeys.CmgGardeDomicileRateMultiplier,
                FeeParameterKeys.CmgMinimumFamilyShare,
            ],
            Gad(Household(wage: 12m)).ParametersUsed.Select(p => p.Key));
    }

    [Theory]
    [InlineData(0.99)]
    [InlineData(100.01)]
    public void WithAnImplausibleWage_ReturnsAProblemOnTheWageFieldOfTheMode(double wage)
    {
        var am = CmgEstimate.ForAssistantMaternel(Household(wage: (decimal)wage), FeeTestData.Set());
        var gad = CmgEstimate.ForGardeDomicile(Household(wage: (decimal)wage), FeeTestData.Set());

        Assert.Equal(FeeFields.AmHourlyWage, Assert.Single(am.Problems).Field);
        Assert.Equal(FeeFields.GardeDomicileHourlyWage, Assert.Single(gad.Problems).Field);
    }

    [Fact]
    public void WithBadHouseholdInputs_ReturnsAProblemPerField()
    {
        var outcome = CmgEstimate.ForAssistantMaternel(new CmgInput(-1m, 0, false, 61m, 53m), FeeTestData.Set());

        Assert.Equal(
            [FeeFields.AnnualResources, FeeFields.Children, FeeFields.HoursPerWeek, FeeFields.WeeksPerYear],
            outcome.Problems.Select(p => p.Field));
    }
}
