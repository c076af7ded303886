using Berceau.Domain.Observatory;

namespace Berceau.Domain.Tests.Observatory;

/// <summary>Hand-checked cases of the coverage rate and of the Cnaf denominator.</summary>
public class CoverageTests
{
    // Montreuil (93048) in 2021, as the Cnaf publishes it.
    private static readonly CoveragePlaces Montreuil2021 = new(1223, 166, 67, 675, 420, 2551);
    private static readonly CoverageRates Montreuil2021Rates = new(24.0m, 3.3m, 27.3m, 1.3m, 13.3m, 8.2m, 21.5m, 50.1m);

    [Fact]
    public void Rates_ArePlacesPerHundredChildren_RoundedToOneDecimal()
    {
        // 2,551 places for 5,092 children: 50.0982… → 50.1; 1,223 EAJE PSU places: 24.018… → 24.0.
        var rates = Coverage.Rates(Montreuil2021, 5092);
        Assert.Equal(50.1m, rates.Global);
        Assert.Equal(24.0m, rates.EajePsu);
        Assert.Equal(3.3m, rates.EajeNonPsu);
        Assert.Equal(27.3m, rates.Eaje);
        Assert.Equal(21.5m, rates.Individual);
    }

    [Fact]
    public void Rate_RoundsHalfAwayFromZero()
    {
        Assert.Equal(28.3m, Coverage.Rate(565, 2000));   // 28.25 exactly
        Assert.Equal(28.2m, Coverage.Rate(5649, 20000)); // 28.245
        Assert.Equal(0.1m, Coverage.Rate(1, 2000));      // 0.05 exactly
    }

    [Fact]
    public void Rate_CanExceedAHundred()
    {
        Assert.Equal(125.0m, Coverage.Rate(250, 200));
    }

    [Fact]
    public void Rates_WithoutChildren_IsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Coverage.Rates(Montreuil2021, 0));
    }

    [Fact]
    public void Derive_Montreuil2021_IsTheWholeNumberInsideEveryRatesBounds_NearestTheNaiveEstimate()
    {
        // Global rate alone: 2,551 × 100 ÷ 50.1 = 5,091.8, D ∈ (5,086.7, 5,096.9]. The eight published rates together
        // bound D to (5,090.9, 5,094.3]: the whole numbers 5,091 to 5,094; the nearest to 5,091.8 is 5,092.
        Assert.Equal(5092m, CnafDenominator.Derive(Montreuil2021, Montreuil2021Rates));
    }

    [Fact]
    public void Derive_OneMode_IsTheWholeNumberInsideTheRatesBounds()
    {
        var places = new CoveragePlaces(100, 0, 0, 0, 0, 100);
        var rates = new CoverageRates(33.4m, 0m, 33.4m, 0m, 0m, 0m, 0m, 33.4m);
        var d = CnafDenominator.Derive(places, rates)!.Value;
        Assert.Empty(CnafDenominator.Mismatches(places, d, rates));
        Assert.Equal(299m, d); // D ∈ (10,000 ÷ 33.45, 10,000 ÷ 33.35] = (298.95, 299.85]; 10,000 ÷ 299 = 33.44 → 33.4
    }

    [Fact]
    public void Derive_WithoutAGlobalRateOrPlaces_HasNoDenominator()
    {
        Assert.Null(CnafDenominator.Derive(Montreuil2021, Montreuil2021Rates with { Global = null }));
        Assert.Null(CnafDenominator.Derive(Montreuil2021, Montreuil2021Rates with { Global = 0m }));
        Assert.Null(CnafDenominator.Derive(CoveragePlaces.None, Montreuil2021Rates));
    }

    [Fact]
    public void Derive_WhenTheRatesContradictEachOther_StillGivesBackTheGlobalRate()
    {
        // A positive rate for 0 places cannot be reproduced: the other rates are set aside, the global one is kept.
        var places = new CoveragePlaces(0, 0, 0, 0, 0, 500);
        var rates = new CoverageRates(10m, null, null, null, null, null, null, 50m);
        var d = CnafDenominator.Derive(places, rates)!.Value;
        Assert.Equal(1000m, d);
        Assert.Equal(50m, Coverage.Rates(places, d).Global);
    }

    [Fact]
    public void Aggregate_IsTheSumOfPlacesOverTheSumOfChildren_NotTheMeanOfRates()
    {
        // A large commune at 20 % and a small one at 80 %: the mean of rates says 50, the territory has 25.5.
        var large = new TerritoryCoverage(new CoveragePlaces(1000, 0, 0, 0, 0), new ChildrenUnder3(5000, ChildrenSource.Insee));
        var small = new TerritoryCoverage(new CoveragePlaces(80, 0, 0, 0, 0), new ChildrenUnder3(100, ChildrenSource.Insee));
        var both = Coverage.Aggregate([large, small]);
        Assert.Equal(21.2m, both.Rates.Global); // 1,080 ÷ 5,100
        Assert.NotEqual((large.Rates.Global + small.Rates.Global) / 2, both.Rates.Global);
        Assert.False(both.Children.IsEstimate);
    }

    [Fact]
    public void Aggregate_IsAnEstimate_AsSoonAsOnePartIs_WithTheLeastReliableSource()
    {
        var insee = new TerritoryCoverage(new CoveragePlaces(10, 0, 0, 0, 0), new ChildrenUnder3(50, ChildrenSource.Insee));
        var births = new TerritoryCoverage(new CoveragePlaces(10, 0, 0, 0, 0), new ChildrenUnder3(50, ChildrenSource.Births));
        var derived = new TerritoryCoverage(new CoveragePlaces(10, 0, 0, 0, 0), new ChildrenUnder3(50, ChildrenSource.CnafDerived));
        var all = Coverage.Aggregate([insee, births, derived]);
        Assert.True(all.Children.IsEstimate);
        Assert.Equal(ChildrenSource.Births, all.Children.Source);
    }

    [Fact]
    public void Aggregate_KeepsThePublishedTotals()
    {
        var a = new TerritoryCoverage(new CoveragePlaces(10, 0, 0, 0, 0, 11), new ChildrenUnder3(50, ChildrenSource.CnafDerived));
        var b = new TerritoryCoverage(new CoveragePlaces(20, 0, 0, 0, 0), new ChildrenUnder3(50, ChildrenSource.Insee));
        Assert.Equal(31m, Coverage.Aggregate([a, b]).Places.Total);
    }
}
