namespace Berceau.Domain.Observatory.Indicators;

/// <summary>
/// A numerator and a denominator kept apart, so that territories add up as Σ numerators ÷ Σ denominators (<see cref="Sum"/>)
/// and never as a mean of rates, which would give a small commune the weight of a large one.
/// </summary>
public readonly record struct Ratio(decimal Numerator, decimal Denominator)
{
    public static Ratio Zero => new(0, 0);

    /// <summary>100 × numerator ÷ denominator, to one decimal, half away from zero; null when the denominator is zero.</summary>
    public decimal? Percent => Denominator == 0 ? null : Math.Round(100m * Numerator / Denominator, 1, MidpointRounding.AwayFromZero);

    /// <summary>Numerator ÷ denominator, to two decimals (a pressure: first wishes per place); null when the denominator is zero.</summary>
    public decimal? Quotient => Denominator == 0 ? null : Math.Round(Numerator / Denominator, 2, MidpointRounding.AwayFromZero);

    public static Ratio operator +(Ratio a, Ratio b) => new(a.Numerator + b.Numerator, a.Denominator + b.Denominator);

    public static Ratio Sum(IEnumerable<Ratio> parts) => parts.Aggregate(Zero, (a, b) => a + b);
}
