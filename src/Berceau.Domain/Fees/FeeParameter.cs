namespace Berceau.Domain.Fees;

/// <summary>
/// One value of a fee parameter (plancher, taux d'effort, CMG reference cost…) with its validity period.
/// <paramref name="ValidTo"/> is inclusive (the last day the value applies); <c>null</c> means still in force.
/// Rates are fractions (0.000619 for 0.0619 %), amounts are euros. <paramref name="Source"/> names the text, in French.
/// </summary>
public sealed record FeeParameter(string Key, DateOnly ValidFrom, DateOnly? ValidTo, decimal Value, string Source)
{
    public bool IsInForceOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo.Value);

    public bool Overlaps(FeeParameter other) =>
        Key == other.Key
        && ValidFrom <= (other.ValidTo ?? DateOnly.MaxValue)
        && other.ValidFrom <= (ValidTo ?? DateOnly.MaxValue);
}
