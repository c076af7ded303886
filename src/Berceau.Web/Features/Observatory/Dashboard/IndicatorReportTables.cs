using System.Globalization;
using Berceau.Domain.Observatory;
using Berceau.Domain.Observatory.Indicators;
using Berceau.Web.Features.Observatory.Indicators;
using Row = Berceau.Domain.Observatory.IndicatorRow;

namespace Berceau.Web.Features.Observatory.Dashboard;

/// <summary>
/// The indicators of <see cref="TerritoryIndicators"/> (the figures of <c>GET /api/v1/indicateurs</c>) as <see cref="IndicatorTable"/>s,
/// so that the dashboard draws them and the exports write them like the coverage tables: one summary table per theme (demand,
/// supply, the D214-2 common indicators), one row per indicator with its value, state, numerator and denominator; and one table
/// per indicator with its breakdowns (by commune, age, structure, commission, mode, profession). Nothing is computed here.
/// </summary>
public static class IndicatorReportTables
{
    public const string ThemePrefix = "indicateurs-";
    public const string IndicatorPrefix = "indicateur-";

    /// <summary>The themes of the page, in order: (code, title, the indicators it lists).</summary>
    public static IReadOnlyList<(string Code, string Title, IReadOnlyList<IndicatorDefinition> Definitions)> Themes { get; } =
    [
        (IndicatorTheme.Demand.Code(), IndicatorTheme.Demand.Label(), [.. IndicatorCatalog.All.Where(d => d.Theme == IndicatorTheme.Demand)]),
        (IndicatorTheme.Supply.Code(), IndicatorTheme.Supply.Label(), [.. IndicatorCatalog.All.Where(d => d.Theme == IndicatorTheme.Supply)]),
        (IndicatorTheme.Sdsf.Code(), IndicatorTheme.Sdsf.Label(), [.. IndicatorCatalog.All.Where(d => d.Sdsf)]),
    ];

    /// <summary>Every table id this class answers: the three themes, then one per indicator of the catalogue.</summary>
    public static IReadOnlyList<string> Ids { get; } =
        [.. Themes.Select(t => ThemePrefix + t.Code), .. IndicatorCatalog.All.Select(d => IndicatorPrefix + d.Code)];

    /// <summary>The id of an indicator's « définition et données » block on the page (the table inside has the table's id).</summary>
    public static string DetailsAnchor(string code) => "fiche-" + code;

    public static bool Handles(string id) => Ids.Contains(id, StringComparer.Ordinal);

    public static IndicatorTable? Find(TerritoryIndicatorReport report, string id)
    {
        if (id.StartsWith(ThemePrefix, StringComparison.Ordinal) && Themes.FirstOrDefault(t => ThemePrefix + t.Code == id) is { Code: not null } theme)
            return ThemeTable(report, theme.Code);
        if (id.StartsWith(IndicatorPrefix, StringComparison.Ordinal) && IndicatorCatalog.All.Any(d => IndicatorPrefix + d.Code == id))
            return IndicatorTable(report, report[id[IndicatorPrefix.Length..]]);
        return null;
    }

    /// <summary>One row per indicator of the theme: value (with the indicator's decimals), unit, state, numerator, denominator, cases, note.</summary>
    public static IndicatorTable ThemeTable(TerritoryIndicatorReport report, string theme)
    {
        var (code, title, definitions) = Themes.Single(t => t.Code == theme);
        var rows = definitions.Select(d => report[d.Code]).Select(i => new Row(
        [
            IndicatorCell.Of(i.Definition.Label, "#" + DetailsAnchor(i.Code)),
            new IndicatorCell(null, i.Value, Decimals: ValueDecimals(i)),
            IndicatorCell.Of(i.Definition.Unit),
            IndicatorCell.Of(i.State.Label() + (i.Estimate ? " (estimation)" : "")),
            Natural(i.Numerator), Natural(i.Denominator),
            IndicatorCell.Of(i.Observations),
            i.Note is null ? IndicatorCell.Missing : IndicatorCell.Of(i.Note),
        ], i.Code)).ToList();
        return new IndicatorTable(ThemePrefix + code, $"{title} : {report.Territory.Name}, {YearText(report)}",
            "unité propre à chaque indicateur (colonne « Unité »)",
            "Indicateurs de l’observatoire Berceau (les mêmes que GET /api/v1/indicateurs) ; la source de chaque indicateur est dans sa définition.",
            $"Jour de référence : {report.ReferenceDay.ToString("d MMMM yyyy", French)}. Un rapport d’un EPT ou du département est la somme des "
            + "numérateurs divisée par la somme des dénominateurs de ses communes, jamais une moyenne de taux ; une médiane réunit les cas "
            + "de toutes ses communes. « non disponible » : la donnée n’existe pas (la note dit pourquoi).",
            [
                IndicatorColumn.Text("Indicateur"), IndicatorColumn.Count("Valeur"), IndicatorColumn.Text("Unité"), IndicatorColumn.Text("État"),
                IndicatorColumn.Count("Numérateur"), IndicatorColumn.Count("Dénominateur"), IndicatorColumn.Count("Effectif"), IndicatorColumn.Text("Note"),
            ],
            rows);
    }

    /// <summary>
    /// The lines of a breakdown the dashboard shows of a long one (the pressure of each of thousands of structures): the first ones
    /// in the breakdown's order (the most demanded structures first), every line being in the CSV and XLSX files. The breakdown by
    /// commune is always shown whole (a département has a few dozen).
    /// </summary>
    public const int PageRowsPerBreakdown = 20;

    /// <summary>
    /// The table of an indicator as the dashboard shows it: at most <see cref="PageRowsPerBreakdown"/> lines of each breakdown other
    /// than the communes, and, when lines were left out, the sentence that says so (the download links give them all).
    /// </summary>
    public static (IndicatorTable Table, string? Partial) PageTable(TerritoryIndicatorReport report, Indicator indicator)
    {
        var cut = indicator.Breakdowns.Where(b => b.Dimension != "commune" && b.Rows.Count > PageRowsPerBreakdown).ToList();
        var table = IndicatorTable(report, indicator, PageRowsPerBreakdown);
        if (cut.Count == 0) return (table, null);
        var parts = cut.Select(b => $"les {PageRowsPerBreakdown} premières lignes « {b.Label} » sur {b.Rows.Count.ToString("N0", French)}");
        return (table, $"Cette page montre {string.Join(" et ", parts)}. Téléchargez le tableau complet en CSV ou en XLSX (liens ci-dessous).");
    }

    /// <summary>An indicator's breakdowns, one row per line (« Par commune », « Par âge »…); no row when it is not available.</summary>
    public static IndicatorTable IndicatorTable(TerritoryIndicatorReport report, Indicator indicator) => IndicatorTable(report, indicator, null);

    private static IndicatorTable IndicatorTable(TerritoryIndicatorReport report, Indicator indicator, int? rowsPerBreakdown)
    {
        var d = indicator.Definition;
        var rows = indicator.Breakdowns.SelectMany(b => (rowsPerBreakdown is { } n && b.Dimension != "commune" ? b.Rows.Take(n) : b.Rows)
            .Select(r => (Breakdown: b, Row: r))).ToList();
        var ratio = rows.Any(x => x.Row.Numerator is not null || x.Row.Denominator is not null);
        var columns = new List<IndicatorColumn>
        {
            IndicatorColumn.Text("Libellé"), IndicatorColumn.Text("Ventilation"), new("Valeur", IndicatorValueKind.Number, ValueDecimals(d)),
        };
        if (ratio)
            columns.AddRange([IndicatorColumn.Count("Numérateur"), IndicatorColumn.Count("Dénominateur")]);
        var tableRows = rows.Select(x =>
        {
            var cells = new List<IndicatorCell> { IndicatorCell.Of(x.Row.Label), IndicatorCell.Of(x.Breakdown.Label), IndicatorCell.Of(x.Row.Value) };
            if (ratio)
                cells.AddRange([Natural(x.Row.Numerator), Natural(x.Row.Denominator)]);
            return new Row(cells, x.Breakdown.Dimension == "commune" ? x.Row.Key : null);
        }).ToList();
        return new IndicatorTable(IndicatorPrefix + d.Code, $"{d.Label} : {report.Territory.Name}, {YearText(report)}", d.Unit, d.Source,
            $"Définition : {d.Definition} Formule : {d.Formula}" + (indicator.Note is null ? "" : $" Note : {indicator.Note}"),
            columns, tableRows);
    }

    /// <summary>The decimals of a value of this indicator: those of its unit, one more for an estimated number of children (5 091,8).</summary>
    public static int ValueDecimals(Indicator i) => Math.Max(ValueDecimals(i.Definition), i.Value is { } v ? NaturalDecimals(v) : 0);

    /// <summary>The decimals of an indicator's value: a rate or a percentage to the tenth, a pressure to the hundredth, a median of days to the half day, counts whole.</summary>
    public static int ValueDecimals(IndicatorDefinition d) => d.Unit switch
    {
        "%" or "places pour 100 enfants" or "jours" => 1,
        "premiers vœux par place" => 2,
        _ => 0,
    };

    /// <summary>The indicators whose « définition et données » block a theme holds: all of its own (the D214-2 theme repeats « places créées », shown with the supply).</summary>
    public static IEnumerable<IndicatorDefinition> DetailedIn(string theme) =>
        Themes.Single(t => t.Code == theme).Definitions.Where(d => theme != IndicatorTheme.Sdsf.Code() || d.Theme == IndicatorTheme.Sdsf);

    /// <summary>« 0,17 premiers vœux par place (2 sur 12), effectif 1 »: the value with its numerator, denominator and cases.</summary>
    public static string DetailedValueText(Indicator i) =>
        ValueText(i)
        + (i.Numerator is { } n && i.Denominator is { } d ? $" ({DashboardTables.Format(n, NaturalDecimals(n))} sur {DashboardTables.Format(d, NaturalDecimals(d))})" : "")
        + (i.Observations is { } o ? $", effectif {o.ToString(French)}" : "");

    private static int NaturalDecimals(decimal v) => v == decimal.Truncate(v) ? 0 : 1;

    /// <summary>The figure of a card: the value alone, « non disponible », or « pas de valeur » when there is nothing to divide.</summary>
    public static string FigureText(Indicator i) =>
        i.Value is { } v ? DashboardTables.Format(v, ValueDecimals(i)) : i.IsAvailable ? "pas de valeur" : "non disponible";

    /// <summary>The value of a report's indicator as the page shows it, with its unit; « non disponible » when so.</summary>
    public static string ValueText(Indicator i) =>
        i.Value is { } v ? $"{DashboardTables.Format(v, ValueDecimals(i))} {i.Definition.Unit}"
            : i.IsAvailable ? "pas de valeur" : "non disponible";

    /// <summary>A count with its own decimals: whole numbers without, an estimated number of children with one.</summary>
    private static IndicatorCell Natural(decimal? value) =>
        value is { } v ? new IndicatorCell(null, v, Decimals: NaturalDecimals(v)) : IndicatorCell.Missing;

    private static string YearText(TerritoryIndicatorReport report) =>
        report.ReferenceDay.Year == report.Year && report.ReferenceDay != new DateOnly(report.Year, 12, 31)
            ? $"{report.Year} (au {report.ReferenceDay.ToString("d MMMM yyyy", French)})"
            : report.Year.ToString(CultureInfo.InvariantCulture);

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
}
