using Berceau.Domain.Observatory;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berceau.Domain.Tests.Observatory;

/// <summary>Properties of the coverage rate and of its aggregates over random territories.</summary>
public class CoveragePropertyTests
{
    private static readonly Gen<TerritoryCoverage> Commune =
        from psu in Gen.Choose(0, 3000)
        from nonPsu in Gen.Choose(0, 500)
        from preschool in Gen.Choose(0, 300)
        from childminders in Gen.Choose(0, 2000)
        from homeCare in Gen.Choose(0, 800)
        from children in Gen.Choose(50, 12_000)
        select new TerritoryCoverage(new CoveragePlaces(psu, nonPsu, preschool, childminders, homeCare), new ChildrenUnder3(children, ChildrenSource.Insee));

    private static readonly Gen<List<TerritoryCoverage>> Communes = Gen.ListOf(Commune).Where(l => l.Count > 0).Select(l => l.ToList());

    private static decimal Exact(TerritoryCoverage t) => t.Places.Total * 100m / t.Children.Count;

    [Property]
    public Property AggregateRate_LiesBetweenTheLowestAndHighestCommuneRates() =>
        Prop.ForAll(Communes.ToArbitrary(), communes =>
        {
            var rate = Coverage.Aggregate(communes).Rates.Global!.Value;
            // Rounded to 0.1 like the communes' rates; the exact ratio is a weighted mean, so it lies between them.
            return communes.Min(c => c.Rates.Global!.Value) <= rate && rate <= communes.Max(c => c.Rates.Global!.Value);
        });

    [Property]
    public Property AggregateRate_IsTheWeightedMean_NotTheMeanOfRates() =>
        Prop.ForAll(Communes.ToArbitrary(), communes =>
        {
            var aggregate = Coverage.Aggregate(communes);
            var weighted = communes.Sum(c => Exact(c) * c.Children.Count) / communes.Sum(c => c.Children.Count);
            return aggregate.Rates.Global == Math.Round(weighted, 1, MidpointRounding.AwayFromZero);
        });

    [Fact]
    public void AggregateRate_DiffersFromTheMeanOfRates_WhenCommunesDifferInSize()
    {
        // The property above would hold for a mean of rates too when all communes have the same children: this one does not.
        var communes = new List<TerritoryCoverage>
        {
            new(new CoveragePlaces(100, 0, 0, 0, 0), new ChildrenUnder3(1000, ChildrenSource.Insee)),
            new(new CoveragePlaces(90, 0, 0, 0, 0), new ChildrenUnder3(100, ChildrenSource.Insee)),
        };
        Assert.Equal(17.3m, Coverage.Aggregate(communes).Rates.Global);           // 190 ÷ 1,100
        Assert.Equal(50.0m, communes.Average(c => c.Rates.Global!.Value));         // (10 + 90) ÷ 2
    }

    [Property]
    public Property Rates_AreUnchanged_WhenPlacesAndChildrenAreScaledTogether() =>
        Prop.ForAll(Commune.ToArbitrary(), Gen.Choose(2, 50).ToArbitrary(), (commune, factor) =>
        {
            var scaled = new TerritoryCoverage(commune.Places.Scale(factor), commune.Children with { Count = commune.Children.Count * factor });
            return scaled.Rates == commune.Rates;
        });

    [Property]
    public Property AggregateOfOne_IsTheCommune() =>
        Prop.ForAll(Commune.ToArbitrary(), commune => Coverage.Aggregate([commune]).Rates == commune.Rates);

    [Property]
    public Property AggregateRate_DoesNotDependOnTheOrderOfCommunes() =>
        Prop.ForAll(Communes.ToArbitrary(), communes =>
            Coverage.Aggregate(communes).Rates == Coverage.Aggregate(Enumerable.Reverse(communes)).Rates);

    [Property]
    public Property Derive_GivesBackEveryRate_OfAnyComputedRow() =>
        // Any row we compute ourselves is a row the Cnaf could have published: its denominator is recovered.
        Prop.ForAll(Commune.Where(c => c.Places.Total > 0).ToArbitrary(), commune =>
        {
            var d = CnafDenominator.Derive(commune.Places, commune.Rates);
            return d is { } children && CnafDenominator.Mismatches(commune.Places, children, commune.Rates).Count == 0;
        });

    [Property]
    public Property GlobalRate_IsNeverBelowAnyModeRate() =>
        Prop.ForAll(Commune.ToArbitrary(), commune =>
        {
            var r = commune.Rates;
            return new[] { r.EajePsu, r.EajeNonPsu, r.Eaje, r.Preschool, r.Childminders, r.HomeCare, r.Individual }.All(x => x <= r.Global);
        });
}
