using Berceau.Domain.Fees;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berceau.Domain.Tests.Fees;

/// <summary>Properties checked on the shipped parameters, at dates from the CMG reform on.</summary>
public class FeePropertyTests
{
    private static readonly FeeParameterSet[] Sets =
    [
        .. new[] { new DateOnly(2025, 9, 1), new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 1), new DateOnly(2027, 6, 15) }
            .Select(d => FeeParameterSet.Resolve(FeeTestData.Shipped, d).Value),
    ];

    private static readonly Gen<FeeParameterSet> AnySet = Gen.Elements(Sets);

    /// <summary>0 to 10,000,000 € with cents, weighted towards the barème's range.</summary>
    private static readonly Gen<decimal> Resources = Gen.OneOf(
        Gen.Choose(0, 150_000).Select(e => (decimal)e),
        Gen.Choose(0, 200_000_000).Select(c => c / 100m),
        Gen.Choose(0, 1_000_000_000).Select(c => c / 100m));

    private static readonly Gen<int> Children = Gen.Choose(1, 15);
    private static readonly Gen<decimal> Hours = Gen.Choose(100, 6000).Select(h => h / 100m);
    private static readonly Gen<decimal> Weeks = Gen.Choose(100, 5200).Select(w => w / 100m);
    private static readonly Gen<decimal> Wage = Gen.Choose(100, 10_000).Select(w => w / 100m);
    private static readonly Gen<PsuCareMode> Mode = Gen.Elements(PsuCareMode.Collective, PsuCareMode.FamilyOrParental);

    private static PsuFeeResult Psu(FeeParameterSet set, decimal resources, int children, bool disabled, PsuCareMode mode) =>
        PsuFee.Compute(new PsuFeeInput(resources, children, disabled, mode, 40m, 45m), set.Psu).Value;

    [Property]
    public Property HourlyFee_IsNonDecreasingInResources() =>
        Prop.ForAll(
            (from set in AnySet
             from a in Resources
             from b in Resources
             from children in Children
             from disabled in Gen.Elements(true, false)
             from mode in Mode
             select (set, Low: Math.Min(a, b), High: Math.Max(a, b), children, disabled, mode)).ToArbitrary(),
            x => Psu(x.set, x.Low, x.children, x.disabled, x.mode).HourlyRate
                 <= Psu(x.set, x.High, x.children, x.disabled, x.mode).HourlyRate);

    [Property]
    public Property HourlyFee_StaysBetweenFloorTimesRateAndCeilingTimesRate() =>
        Prop.ForAll(
            (from set in AnySet
             from resources in Resources
             from children in Children
             from disabled in Gen.Elements(true, false)
             from mode in Mode
             select (set, resources, children, disabled, mode)).ToArbitrary(),
            x =>
            {
                var fee = Psu(x.set, x.resources, x.children, x.disabled, x.mode);
                return Money.Round(x.set.Psu.Floor.Value * fee.EffortRate) <= fee.HourlyRate
                       && fee.HourlyRate <= Money.Round(x.set.Psu.Ceiling.Value * fee.EffortRate);
            });

    [Property]
    public Property HourlyFee_NeverIncreasesWithMoreChildren() =>
        Prop.ForAll(
            (from set in AnySet
             from resources in Resources
             from children in Gen.Choose(1, 14)
             from disabled in Gen.Elements(true, false)
             from mode in Mode
             select (set, resources, children, disabled, mode)).ToArbitrary(),
            x => Psu(x.set, x.resources, x.children + 1, x.disabled, x.mode).HourlyRate
                 <= Psu(x.set, x.resources, x.children, x.disabled, x.mode).HourlyRate);

    [Property]
    public Property HourlyFee_WithADisabledChild_NeverExceedsTheFeeWithout() =>
        Prop.ForAll(
            (from set in AnySet
             from resources in Resources
             from children in Children
             from mode in Mode
             select (set, resources, children, mode)).ToArbitrary(),
            x => Psu(x.set, x.resources, x.children, true, x.mode).HourlyRate
                 <= Psu(x.set, x.resources, x.children, false, x.mode).HourlyRate);

    [Property]
    public Property Cmg_LeavesTheFamilyAtLeastItsMinimumShareAndNeverMoreThanTheCost() =>
        Prop.ForAll(
            (from set in AnySet
             from resources in Resources
             from children in Children
             from disabled in Gen.Elements(true, false)
             from hours in Hours
             from weeks in Weeks
             from wage in Wage
             from homeCare in Gen.Elements(true, false)
             select (set, input: new CmgInput(resources, children, disabled, hours, weeks, wage), homeCare)).ToArbitrary(),
            x =>
            {
                var result = x.homeCare
                    ? CmgEstimate.ForGardeDomicile(x.input, x.set).Value
                    : CmgEstimate.ForAssistantMaternel(x.input, x.set).Value;
                return result.Cmg >= 0m
                       && result.RemainingCost >= x.set.Cmg.MinimumFamilyShare.Value * result.MonthlyCost
                       && result.RemainingCost <= result.MonthlyCost
                       && result.Cmg + result.RemainingCost == result.MonthlyCost;
            });

    [Property]
    public Property Cmg_IsNonIncreasingInResources() =>
        Prop.ForAll(
            (from set in AnySet
             from a in Resources
             from b in Resources
             from children in Children
             from wage in Wage
             select (set, Low: Math.Min(a, b), High: Math.Max(a, b), children, wage)).ToArbitrary(),
            x =>
                CmgEstimate.ForAssistantMaternel(new CmgInput(x.High, x.children, false, 40m, 45m, x.wage), x.set).Value.Cmg
                <= CmgEstimate.ForAssistantMaternel(new CmgInput(x.Low, x.children, false, 40m, 45m, x.wage), x.set).Value.Cmg);
}
