using System.Globalization;
using System.Text.Json;
using Berceau.Domain.Observatory;

namespace Berceau.Web.Features.Observatory.Dashboard;

/// <summary>One class of the legend: values from <see cref="From"/> (included) up to <see cref="To"/> (excluded, null = no limit).</summary>
public sealed record LegendClass(decimal From, decimal? To, string Colour, string Label);

/// <summary>
/// The choropleth of the communes for one indicator of the <see cref="DashboardTables.Communes"/> table: five classes
/// (quintiles of the communes' values, rounded), a colour per class, and the value of each commune. Computed here so
/// that the legend is plain HTML and the script only paints; the table of the same figures is the map's alternative.
/// </summary>
public sealed record ChoroplethMap(string Layer, string Label, string Unit, IReadOnlyList<LegendClass> Classes, IReadOnlyDictionary<string, decimal?> Values,
    IReadOnlyDictionary<string, string> Names, int Decimals)
{
    /// <summary>The layers a user can choose, by query value.</summary>
    public static IReadOnlyDictionary<string, (string Label, int Column, string Unit)> Layers { get; } = new Dictionary<string, (string, int, string)>(StringComparer.Ordinal)
    {
        ["couverture"] = ("Taux de couverture", DashboardTables.RateColumn, "places pour 100 enfants de moins de 3 ans"),
        ["enfants"] = ("Enfants de moins de 3 ans", DashboardTables.ChildrenColumn, "enfants"),
        ["naissances"] = ("Naissances domiciliées", DashboardTables.BirthsColumn, "naissances"),
        ["pression"] = ("Pression sur les crèches", DashboardTables.PressureColumn, "premiers vœux par place"),
    };

    public const string DefaultLayer = "couverture";

    /// <summary>Light to dark blue (ColorBrewer « Blues », readable by colour-blind people); no data is hatched grey.</summary>
    public static readonly string[] Palette = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];

    public const string NoDataColour = "#b1b4b6";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static ChoroplethMap From(IndicatorTable communes, string layer)
    {
        var (label, column, unit) = Layers[layer];
        var decimals = communes.Columns[column].Decimals;
        var values = communes.Rows.ToDictionary(r => r.Key!, r => r.Cells[column].Number, StringComparer.Ordinal);
        var names = communes.Rows.ToDictionary(r => r.Key!, r => r.Cells[0].Text ?? r.Key!, StringComparer.Ordinal);
        return new ChoroplethMap(layer, label, unit, Quintiles(values.Values.OfType<decimal>().Order().ToList(), decimals), values, names, decimals);
    }

    /// <summary>
    /// The step the legend's limits are rounded to: tens above 1,000, whole numbers otherwise, tenths for a figure shown with two
    /// decimals below 10 (a pressure of 0.4 to 3 first wishes per place would otherwise fall into one or two classes).
    /// </summary>
    private static decimal StepOf(decimal raw, int decimals) => raw >= 1000 ? 10m : decimals >= 2 && raw < 10 ? 0.1m : 1m;

    /// <summary>Quintile limits rounded (<see cref="StepOf"/>), duplicates merged.</summary>
    private static List<LegendClass> Quintiles(List<decimal> sorted, int decimals)
    {
        if (sorted.Count == 0)
            return [];
        var limits = new List<decimal>();
        for (var q = 1; q < Palette.Length; q++)
        {
            var raw = sorted[(int)Math.Floor(q * sorted.Count / (double)Palette.Length)];
            var step = StepOf(raw, decimals);
            var limit = Math.Round(raw / step, MidpointRounding.AwayFromZero) * step;
            if (limit > sorted[0] && (limits.Count == 0 || limit > limits[^1]))
                limits.Add(limit);
        }
        var classes = new List<LegendClass>();
        var from = 0m;
        for (var i = 0; i <= limits.Count; i++)
        {
            decimal? to = i < limits.Count ? limits[i] : null;
            var label = to is null ? $"{Number(from, decimals)} ou plus" : i == 0 ? $"moins de {Number(to.Value, decimals)}" : $"de {Number(from, decimals)} à moins de {Number(to.Value, decimals)}";
            classes.Add(new LegendClass(from, to, Palette[Palette.Length - 1 - limits.Count + i], label));
            from = to ?? from;
        }
        return classes;
    }

    public LegendClass? ClassOf(decimal? value) =>
        value is { } v ? Classes.LastOrDefault(c => v >= c.From) ?? Classes.FirstOrDefault() : null;

    /// <summary>A legend limit: whole, or to the tenth for a two-decimal figure (« 0,8 »).</summary>
    private static string Number(decimal value, int decimals) => value.ToString(decimals >= 2 && value != decimal.Truncate(value) ? "N1" : "N0", French);

    public string ValueText(decimal? value) => value is { } v ? v.ToString("N" + Decimals.ToString(CultureInfo.InvariantCulture), French) + " " + Unit : "pas de données";

    /// <summary>What the script needs: per commune its colour and the sentence read on focus or hover.</summary>
    public string ToJson() => JsonSerializer.Serialize(Values.ToDictionary(v => v.Key, v => new
    {
        colour = ClassOf(v.Value)?.Colour ?? NoDataColour,
        text = $"{Names[v.Key]} : {ValueText(v.Value)}",
        hasData = v.Value is not null,
    }));
}
