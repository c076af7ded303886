namespace Berceau.Domain.Observatory;

/// <summary>
/// Where a number of children under 3 comes from, from the most to the least reliable; anything but <see cref="Insee"/>
/// is an estimate.
/// </summary>
public enum ChildrenSource
{
    /// <summary>INSEE population estimate, imported.</summary>
    Insee,

    /// <summary>Recovered from the Cnaf file: the denominator that gives back every published rate of the row (<see cref="CnafDenominator"/>).</summary>
    CnafDerived,

    /// <summary>Three years of INSEE domiciled births (a commune the Cnaf does not publish, under 10,000 inhabitants).</summary>
    Births,

    /// <summary>The figure of an earlier year, carried forward because the year has none of its own.</summary>
    EarlierYear,
}

/// <summary>Children under 3 of a territory for a year: the denominator of the coverage rate.</summary>
public sealed record ChildrenUnder3(decimal Count, ChildrenSource Source)
{
    public bool IsEstimate => Source != ChildrenSource.Insee;
}
