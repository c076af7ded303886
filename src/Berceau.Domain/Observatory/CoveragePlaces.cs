namespace Berceau.Domain.Observatory;

/// <summary>
/// Places offered to children under 3 in a territory, by the five modes of the Cnaf coverage rate (RULES §4).
/// <para>
/// <see cref="PublishedTotal"/> is the Cnaf's own total when the places come from its file. The Cnaf counts fractional
/// places (an assistant·e maternel·le's capacity is weighted by the share used for children under 3), rounds each mode and,
/// separately, the total: so its total differs from the sum of its rounded modes by one place in a fifth of the 92/93
/// rows, and its global rate is computed from the total. Places we count ourselves (the registry) are whole and have no
/// published total: the total is then the sum.
/// </para>
/// </summary>
public sealed record CoveragePlaces(
    decimal EajePsu, decimal EajeNonPsu, decimal Preschool, decimal Childminders, decimal HomeCare, decimal? PublishedTotal = null)
{
    public static CoveragePlaces None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Places in EAJE, PSU-funded or not (the Cnaf's « EAJE - ensemble »).</summary>
    public decimal Eaje => EajePsu + EajeNonPsu;

    /// <summary>Places in individual care: assistants maternels and salariés à domicile (« accueil individuel - ensemble »).</summary>
    public decimal Individual => Childminders + HomeCare;

    /// <summary>Numerator of the global rate: the published total when there is one, else the sum of the modes.</summary>
    public decimal Total => PublishedTotal ?? Eaje + Preschool + Individual;

    /// <summary>
    /// Places of two territories together. The totals add up as totals: a published total stays the more precise figure,
    /// so the sum of two territories uses each one's <see cref="Total"/>.
    /// </summary>
    public static CoveragePlaces operator +(CoveragePlaces a, CoveragePlaces b) => new(
        a.EajePsu + b.EajePsu, a.EajeNonPsu + b.EajeNonPsu, a.Preschool + b.Preschool, a.Childminders + b.Childminders,
        a.HomeCare + b.HomeCare,
        a.PublishedTotal is null && b.PublishedTotal is null ? null : a.Total + b.Total);

    public CoveragePlaces Scale(decimal factor) => new(
        EajePsu * factor, EajeNonPsu * factor, Preschool * factor, Childminders * factor, HomeCare * factor, PublishedTotal * factor);
}
