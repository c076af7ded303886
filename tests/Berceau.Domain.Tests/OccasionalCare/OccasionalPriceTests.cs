using Berceau.Domain.Fees;
using Berceau.Domain.OccasionalCare;
using Berceau.Domain.Tests.Fees;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berceau.Domain.Tests.OccasionalCare;

/// <summary>A half-day of occasional care costs the family its PSU hourly fee × the hours booked (RULES §2).</summary>
public class OccasionalPriceTests
{
    private static readonly PsuParameters Psu = FeeTestData.Psu();

    [Fact]
    public void Price_OfTheRulesExample_IsCheckedByHand()
    {
        // 36,000 €/yr → 3,000 €/month; 1 child, collectif: 3,000 × 0.0619 % = 1.857 → 1.86 €/h; 8:30 to 12:00 = 3.5 h → 6.51 €.
        var quote = OccasionalPrice.Compute(36_000m, 1, false, PsuCareMode.Collective, OccasionalPrice.Hours(new(8, 30), new(12, 0)), Psu).Value;

        Assert.Equal(3000m, quote.MonthlyResourcesUsed);
        Assert.Equal(0.000619m, quote.EffortRate);
        Assert.Equal(1.86m, quote.HourlyFee);
        Assert.Equal(3.5m, quote.Hours);
        Assert.Equal(6.51m, quote.Price);
    }

    [Fact]
    public void Price_UsesTheRateOfTheHouseholdSize_AndOneBandMoreForAChildReceivingTheAeeh()
    {
        // 3 children: 3,000 × 0.0413 % = 1.239 → 1.24 €/h × 4 h = 4.96 €; with AEEH, band 4: 3,000 × 0.0310 % = 0.93 €/h × 4 h = 3.72 €.
        var three = OccasionalPrice.Compute(36_000m, 3, false, PsuCareMode.Collective, 4m, Psu).Value;
        var aeeh = OccasionalPrice.Compute(36_000m, 3, true, PsuCareMode.Collective, 4m, Psu).Value;
        // Crèche familiale, 1 child: 3,000 × 0.0516 % = 1.548 → 1.55 €/h × 4 h = 6.20 €.
        var familiale = OccasionalPrice.Compute(36_000m, 1, false, PsuCareMode.FamilyOrParental, 4m, Psu).Value;

        Assert.Equal((1.24m, 4.96m, 3), (three.HourlyFee, three.Price, three.Band));
        Assert.Equal((0.93m, 3.72m, 4), (aeeh.HourlyFee, aeeh.Price, aeeh.Band));
        Assert.Equal((1.55m, 6.20m), (familiale.HourlyFee, familiale.Price));
    }

    [Fact]
    public void Price_ClampsResourcesToTheFloorAndTheCeiling()
    {
        // No resources: floor 814.62 × 0.0619 % = 0.5042… → 0.50 €/h × 3 h = 1.50 €. Very high: ceiling 8,500 × 0.0619 % = 5.2615 → 5.26 €/h × 3 h = 15.78 €.
        var floor = OccasionalPrice.Compute(0m, 1, false, PsuCareMode.Collective, 3m, Psu).Value;
        var ceiling = OccasionalPrice.Compute(1_000_000m, 1, false, PsuCareMode.Collective, 3m, Psu).Value;

        Assert.Equal((814.62m, 0.50m, 1.50m), (floor.MonthlyResourcesUsed, floor.HourlyFee, floor.Price));
        Assert.Equal((8500m, 5.26m, 15.78m), (ceiling.MonthlyResourcesUsed, ceiling.HourlyFee, ceiling.Price));
    }

    [Fact]
    public void Price_RefusesImpossibleInput_NamingTheField()
    {
        var outcome = OccasionalPrice.Compute(-1m, 0, false, PsuCareMode.Collective, 0m, Psu);

        Assert.False(outcome.IsSuccess);
        Assert.Equal(["ressourcesAnnuelles", "enfants", "heures"], outcome.Problems.Select(p => p.Field));
    }

    [Property]
    public Property Price_IsTheHourlyFeeTimesTheHours_AndNeverNegative() =>
        Prop.ForAll(
            (from resources in Gen.Choose(0, 1_000_000_000).Select(c => c / 100m)
             from children in Gen.Choose(1, 15)
             from disabled in Gen.Elements(true, false)
             from mode in Gen.Elements(PsuCareMode.Collective, PsuCareMode.FamilyOrParental)
             from quarters in Gen.Choose(1, 48)
             select (resources, children, disabled, mode, hours: quarters / 4m)).ToArbitrary(),
            x =>
            {
                var quote = OccasionalPrice.Compute(x.resources, x.children, x.disabled, x.mode, x.hours, Psu).Value;
                var expectedHourly = Money.Round(PsuFee.MonthlyResources(x.resources, Psu) * Psu.Rate(x.mode, PsuFee.Band(x.children, x.disabled)).Value);
                return quote.HourlyFee == expectedHourly
                    && quote.Price == Money.Round(quote.HourlyFee * x.hours)
                    && quote.Price >= 0m
                    && quote.HourlyFee >= Money.Round(Psu.Floor.Value * Psu.Rates(x.mode)[^1].Value);
            });
}
