namespace Berceau.Domain.Observatory;

/// <summary>
/// The Cnaf coverage rate (« taux de couverture », RULES §4): places offered to children under 3 ÷ children under 3 × 100,
/// by mode and global. Pure arithmetic on decimals: the quotient of two decimals is exact to 28 digits, so rounding it to
/// one decimal never differs from rounding the exact fraction.
/// </summary>
public static class Coverage
{
    /// <summary>The precision at which the Cnaf publishes its rates: one decimal.</summary>
    public const int Decimals = 1;

    /// <summary>Rates of one territory. <paramref name="children"/> must be positive.</summary>
    public static CoverageRates Rates(CoveragePlaces places, decimal children)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(children);
        return new CoverageRates(
            Rate(places.EajePsu, children),
            Rate(places.EajeNonPsu, children),
            Rate(places.Eaje, children),
            Rate(places.Preschool, children),
            Rate(places.Childminders, children),
            Rate(places.HomeCare, children),
            Rate(places.Individual, children),
            Rate(places.Total, children));
    }

    /// <summary>One rate, rounded as the Cnaf publishes it: to one decimal, half away from zero (28.25 → 28.3).</summary>
    public static decimal Rate(decimal places, decimal children) =>
        Math.Round(places * 100m / children, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Places and children of several territories (communes of an EPT, of a département) added up, so that the
    /// aggregate's rate is Σ places ÷ Σ children: never a mean of the communes' rates, which would give a small commune
    /// the weight of a large one. The children's source is the least reliable of the parts' (<see cref="ChildrenSource"/>
    /// is ordered from the most to the least reliable), so the result is an estimate as soon as one part is.
    /// </summary>
    public static TerritoryCoverage Aggregate(IEnumerable<TerritoryCoverage> parts)
    {
        var places = CoveragePlaces.None;
        var children = 0m;
        var source = ChildrenSource.Insee;
        var count = 0;
        foreach (var part in parts)
        {
            places += part.Places;
            children += part.Children.Count;
            source = (ChildrenSource)Math.Max((int)source, (int)part.Children.Source);
            count++;
        }
        if (count == 0)
            throw new ArgumentException("Un agrégat a besoin d’au moins un territoire.", nameof(parts));
        return new TerritoryCoverage(places, new ChildrenUnder3(children, source));
    }
}

/// <summary>Places and children under 3 of a territory for a year, and the rates they give.</summary>
public sealed record TerritoryCoverage(CoveragePlaces Places, ChildrenUnder3 Children)
{
    public CoverageRates Rates => Coverage.Rates(Places, Children.Count);
}
