using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berceau.Web.Features.Observatory;

/// <summary>GET /api/v1/indicateurs/couverture: a territory's coverage rate for a year, computed and as published by the Cnaf.</summary>
public sealed record CoverageResponse(
    [property: JsonPropertyName("territoire")] TerritoryItem Territory,
    [property: JsonPropertyName("annee")] int Year,
    [property: JsonPropertyName("calcule")] decimal? Computed,
    [property: JsonPropertyName("publie")] decimal? Published,
    [property: JsonPropertyName("places")] PlacesItem Places,
    [property: JsonPropertyName("enfantsMoinsDe3Ans")] decimal ChildrenUnder3,
    [property: JsonPropertyName("estimation")] bool Estimate);

public sealed record TerritoryItem(
    [property: JsonPropertyName("type")] string Kind,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("nom")] string Name);

/// <summary>Places by Cnaf mode; <see cref="Total"/> is the global rate's numerator (the Cnaf's own total for its years).</summary>
public sealed record PlacesItem(
    [property: JsonPropertyName("eajePsu")] decimal EajePsu,
    [property: JsonPropertyName("eajeHorsPsu")] decimal EajeNonPsu,
    [property: JsonPropertyName("assistantsMaternels")] decimal Childminders,
    [property: JsonPropertyName("salariesADomicile")] decimal HomeCare,
    [property: JsonPropertyName("prescolarisation")] decimal Preschool,
    [property: JsonPropertyName("total")] decimal Total);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CoverageResponse))]
internal sealed partial class ObservatoryJsonContext : JsonSerializerContext;
