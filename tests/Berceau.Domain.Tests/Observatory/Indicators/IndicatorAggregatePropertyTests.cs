using Berceau.Domain.Observatory.Indicators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berceau.Domain.Tests.Observatory.Indicators;

/// <summary>Over random territories: every ratio of a territory is Σ numerators ÷ Σ denominators of its communes' rows.</summary>
public class IndicatorAggregatePropertyTests
{
    private static readonly string[] Codes = ["93001", "93005", "93013", "93039", "93048"];
    private static readonly IReadOnlyList<CommuneName> Communes = [.. Codes.Select(c => new CommuneName(c, "Commune " + c))];

    private static readonly Gen<string> Commune = Gen.Elements(Codes);

    private static readonly Gen<List<SessionFact>> Sessions =
        Gen.ListOf(from c in Commune from examined in Gen.Choose(0, 400) from offered in Gen.Choose(0, 400)
                   select new SessionFact(Guid.NewGuid().ToString(), "Commission", c, examined, Math.Min(offered, examined))).Select(l => l.ToList());

    private static readonly Gen<List<StructureDemandFact>> Structures =
        Gen.ListOf(from c in Commune from wishes in Gen.Choose(0, 300) from places in Gen.Choose(0, 80)
                   select new StructureDemandFact(Guid.NewGuid().ToString(), "Crèche", c, wishes, places)).Select(l => l.ToList());

    private static readonly Gen<List<PlacementFact>> Placements =
        Gen.ListOf(from c in Commune from days in Gen.Choose(0, 900) from d in Gen.Elements(true, false) from p in Gen.Elements(true, false) from i in Gen.Elements(true, false)
                   select new PlacementFact(c, days, d, p, i)).Select(l => l.ToList());

    private static bool IsSumOfCommunes(Indicator indicator, Func<Ratio, decimal?> value)
    {
        var rows = indicator.Breakdown("commune")!.Rows;
        var sum = Ratio.Sum(rows.Select(r => new Ratio(r.Numerator!.Value, r.Denominator!.Value)));
        return indicator.Numerator == sum.Numerator && indicator.Denominator == sum.Denominator && indicator.Value == value(sum);
    }

    [Property]
    public Property CommissionShare_IsSumOverSum() =>
        Prop.ForAll(Sessions.ToArbitrary(), s => IsSumOfCommunes(DemandIndicators.Commissions(s, Communes), r => r.Percent));

    [Property]
    public Property Pressure_IsSumOverSum() =>
        Prop.ForAll(Structures.ToArbitrary(), s => IsSumOfCommunes(DemandIndicators.Pressure(s, Communes), r => r.Quotient));

    [Property]
    public Property AccessShares_AreSumOverSum() =>
        Prop.ForAll(Placements.ToArbitrary(), p => DemandIndicators.Access(p, Communes).All(i => IsSumOfCommunes(i, r => r.Percent)));

    [Property]
    public Property ShareOfAnAggregate_LiesBetweenItsCommunes() =>
        Prop.ForAll(Sessions.ToArbitrary(), s =>
        {
            var indicator = DemandIndicators.Commissions(s, Communes);
            var rates = indicator.Breakdown("commune")!.Rows.Where(r => r.Denominator > 0).Select(r => r.Value!.Value).ToList();
            return rates.Count == 0 || (rates.Min() <= indicator.Value && indicator.Value <= rates.Max());
        });

    [Property]
    public Property PooledMedian_LiesBetweenTheCommunesMedians() =>
        Prop.ForAll(Placements.ToArbitrary(), p =>
        {
            var (median, _) = DemandIndicators.Waits(p, Communes);
            var medians = median.Breakdown("commune")!.Rows.Where(r => r.Value is not null).Select(r => r.Value!.Value).ToList();
            return medians.Count == 0 || (medians.Min() <= median.Value && median.Value <= medians.Max());
        });
}
