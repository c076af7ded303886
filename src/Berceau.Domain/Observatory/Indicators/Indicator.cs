namespace Berceau.Domain.Observatory.Indicators;

/// <summary>Whether a figure could be computed: « disponible », or « non disponible » with the reason (<see cref="Indicator.Note"/>).</summary>
public enum IndicatorState { Available, Unavailable }

/// <summary>The three families of indicators of issue 8: demand, supply, and the common SDSF indicators of D214-2 CASF.</summary>
public enum IndicatorTheme { Demand, Supply, Sdsf }

public static class IndicatorStates
{
    /// <summary>The words of the API and of the pages: « disponible » or « non disponible ».</summary>
    public static string Label(this IndicatorState state) => state == IndicatorState.Available ? "disponible" : "non disponible";

    public static string Code(this IndicatorTheme theme) => theme switch
    {
        IndicatorTheme.Demand => "demande",
        IndicatorTheme.Supply => "offre",
        _ => "sdsf",
    };

    public static string Label(this IndicatorTheme theme) => theme switch
    {
        IndicatorTheme.Demand => "Demande des familles",
        IndicatorTheme.Supply => "Offre d’accueil",
        _ => "Indicateurs communs des schémas départementaux (article D214-2 du CASF)",
    };
}

/// <summary>
/// What an indicator is, independent of any territory: its code (stable, used by the API and the exports), its French label,
/// unit, source and definition. <see cref="Sdsf"/> marks the common SDSF indicators of D214-2 CASF (RULES §6), whatever their theme.
/// The list is <see cref="IndicatorCatalog"/>.
/// </summary>
public sealed record IndicatorDefinition(
    string Code, IndicatorTheme Theme, string Label, string Unit, string Source, string Definition, string Formula, bool Sdsf = false);

/// <summary>One line of a breakdown (a commune, an age band, a structure, a commission…), with its own numerator and denominator.</summary>
public sealed record IndicatorRow(string Key, string Label, decimal? Value, decimal? Numerator = null, decimal? Denominator = null);

/// <summary>The indicator split along one dimension (« commune », « age », « structure », « commission », « mode »).</summary>
public sealed record IndicatorBreakdown(string Dimension, string Label, IReadOnlyList<IndicatorRow> Rows);

/// <summary>
/// One indicator of one territory and year. <see cref="Value"/> is null when <see cref="State"/> is unavailable (or when there is
/// nothing to divide, e.g. no family placed in the year: then the state stays available and the note says why). For a ratio,
/// <see cref="Numerator"/> and <see cref="Denominator"/> are the sums over the territory's communes, so that an aggregate is
/// always Σ numerators ÷ Σ denominators. <see cref="Observations"/> is the number of cases behind a median or a percentile.
/// </summary>
public sealed record Indicator(
    IndicatorDefinition Definition,
    IndicatorState State,
    decimal? Value,
    decimal? Numerator = null,
    decimal? Denominator = null,
    int? Observations = null,
    string? Note = null,
    bool Estimate = false)
{
    public IReadOnlyList<IndicatorBreakdown> Breakdowns { get; init; } = [];

    public string Code => Definition.Code;

    public bool IsAvailable => State == IndicatorState.Available;

    public static Indicator Unavailable(IndicatorDefinition definition, string reason) =>
        new(definition, IndicatorState.Unavailable, null, Note: reason);

    public static Indicator Count(IndicatorDefinition definition, decimal value, string? note = null, bool estimate = false) =>
        new(definition, IndicatorState.Available, value, Note: note, Estimate: estimate);

    /// <summary>A percentage (one decimal) from a numerator and a denominator; no value when the denominator is zero.</summary>
    public static Indicator Percent(IndicatorDefinition definition, Ratio ratio, string? whenEmpty = null) =>
        new(definition, IndicatorState.Available, ratio.Percent, ratio.Numerator, ratio.Denominator,
            Note: ratio.Denominator == 0 ? whenEmpty : null);

    public Indicator With(params IndicatorBreakdown[] breakdowns) => this with { Breakdowns = breakdowns };

    public IndicatorBreakdown? Breakdown(string dimension) => Breakdowns.FirstOrDefault(b => b.Dimension == dimension);
}
