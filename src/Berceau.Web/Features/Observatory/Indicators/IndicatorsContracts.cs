using System.Text.Json;
using System.Text.Json.Serialization;
using Berceau.Domain.Observatory.Indicators;

namespace Berceau.Web.Features.Observatory.Indicators;

/// <summary>
/// GET /api/v1/indicateurs: every indicator of a territory for a year (field names as /api/v1/indicateurs/couverture).
/// <c>calculeLe</c>: when the figures were computed (they are served from a snapshot); <c>actualisationEnCours</c>: the data
/// have changed since and the figures are being computed again (the next answer will have them).
/// </summary>
public sealed record IndicatorsResponse(
    [property: JsonPropertyName("territoire")] TerritoryItem Territory,
    [property: JsonPropertyName("annee")] int Year,
    [property: JsonPropertyName("jourDeReference")] DateOnly ReferenceDay,
    [property: JsonPropertyName("calculeLe")] DateTimeOffset ComputedAt,
    [property: JsonPropertyName("actualisationEnCours")] bool Refreshing,
    [property: JsonPropertyName("indicateurs")] IReadOnlyList<IndicatorItem> Indicators)
{
    public static IndicatorsResponse Of(ServedReport served)
    {
        var report = served.Report;
        return new(new TerritoryItem(KindCode(report.Territory.Kind), report.Territory.Code, report.Territory.Name),
            report.Year, report.ReferenceDay, served.ComputedAt.ToUniversalTime(), served.Refreshing, [.. report.Indicators.Select(IndicatorItem.Of)]);
    }

    public static string KindCode(TerritoryKind kind) => kind switch
    {
        TerritoryKind.Commune => "commune",
        TerritoryKind.Ept => "ept",
        _ => "departement",
    };
}

/// <summary>
/// One indicator: <c>valeur</c> in <c>unite</c>, <c>etat</c> « disponible » or « non disponible » (then <c>valeur</c> is null and
/// <c>note</c> says why); for a ratio, <c>numerateur</c> and <c>denominateur</c> (sums over the communes); <c>effectif</c>, the
/// cases behind a median.
/// </summary>
public sealed record IndicatorItem(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("theme")] string Theme,
    [property: JsonPropertyName("sdsf")] bool Sdsf,
    [property: JsonPropertyName("libelle")] string Label,
    [property: JsonPropertyName("etat")] string State,
    [property: JsonPropertyName("valeur")] decimal? Value,
    [property: JsonPropertyName("unite")] string Unit,
    [property: JsonPropertyName("numerateur")] decimal? Numerator,
    [property: JsonPropertyName("denominateur")] decimal? Denominator,
    [property: JsonPropertyName("effectif")] int? Observations,
    [property: JsonPropertyName("estimation")] bool Estimate,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("definition")] string Definition,
    [property: JsonPropertyName("formule")] string Formula,
    [property: JsonPropertyName("ventilations")] IReadOnlyList<BreakdownItem> Breakdowns)
{
    public static IndicatorItem Of(Indicator i) => new(
        i.Code, i.Definition.Theme.Code(), i.Definition.Sdsf, i.Definition.Label, i.State.Label(), i.Value, i.Definition.Unit,
        i.Numerator, i.Denominator, i.Observations, i.Estimate, i.Note, i.Definition.Source, i.Definition.Definition, i.Definition.Formula,
        [.. i.Breakdowns.Select(b => new BreakdownItem(b.Dimension, b.Label,
            [.. b.Rows.Select(r => new BreakdownRowItem(r.Key, r.Label, r.Value, r.Numerator, r.Denominator))]))]);
}

public sealed record BreakdownItem(
    [property: JsonPropertyName("dimension")] string Dimension,
    [property: JsonPropertyName("libelle")] string Label,
    [property: JsonPropertyName("lignes")] IReadOnlyList<BreakdownRowItem> Rows);

public sealed record BreakdownRowItem(
    [property: JsonPropertyName("cle")] string Key,
    [property: JsonPropertyName("libelle")] string Label,
    [property: JsonPropertyName("valeur")] decimal? Value,
    [property: JsonPropertyName("numerateur")] decimal? Numerator,
    [property: JsonPropertyName("denominateur")] decimal? Denominator);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IndicatorsResponse))]
internal sealed partial class IndicatorsJsonContext : JsonSerializerContext;
