using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berceau.Web.Features.OpenData;

// The shapes of the open-data API (/api/v1). They are the public contract: property names are French and stable,
// so they are spelt out with JsonPropertyName rather than derived from the C# names.

public sealed record CommuneRef(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("nom")] string Name);

public sealed record IntercommunalityRef(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("nom")] string Name);

public sealed record CommuneItem(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("nom")] string Name,
    [property: JsonPropertyName("departement")] string Departement,
    [property: JsonPropertyName("population")] int Population,
    [property: JsonPropertyName("codesPostaux")] IReadOnlyList<string> PostalCodes,
    [property: JsonPropertyName("ept")] IntercommunalityRef? Ept,
    [property: JsonPropertyName("structures")] int Facilities,
    [property: JsonPropertyName("places")] int Places);

public sealed record FacilityItem(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("nom")] string Name,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("modeLibelle")] string ModeLabel,
    [property: JsonPropertyName("gestion")] string Manager,
    [property: JsonPropertyName("gestionLibelle")] string ManagerLabel,
    [property: JsonPropertyName("commune")] CommuneRef Commune,
    [property: JsonPropertyName("adresse")] string? Street,
    [property: JsonPropertyName("codePostal")] string PostalCode,
    [property: JsonPropertyName("latitude")] double Latitude,
    [property: JsonPropertyName("longitude")] double Longitude,
    [property: JsonPropertyName("psu")] bool IsPsu,
    [property: JsonPropertyName("places")] int Places,
    [property: JsonPropertyName("placesDisponibles")] int FreePlaces,
    [property: JsonPropertyName("horairesAtypiques")] bool AtypicalHours,
    [property: JsonPropertyName("handicap")] bool DisabilityInclusion,
    [property: JsonPropertyName("accueil")] IReadOnlyList<string> Reception,
    [property: JsonPropertyName("demonstration")] bool IsDemo,
    [property: JsonPropertyName("lien")] string Link);

public sealed record PageLinks(
    [property: JsonPropertyName("suivant")] string? Next,
    [property: JsonPropertyName("precedent")] string? Previous);

public sealed record FacilityPage(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("parPage")] int PageSize,
    [property: JsonPropertyName("pages")] int Pages,
    [property: JsonPropertyName("communes")] IReadOnlyList<CommuneRef> Communes,
    [property: JsonPropertyName("resultats")] IReadOnlyList<FacilityItem> Items,
    [property: JsonPropertyName("liens")] PageLinks Links);

/// <summary>GeoJSON (RFC 7946) point: coordinates are [longitude, latitude].</summary>
public sealed record GeoPoint(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("coordinates")] double[] Coordinates);

public sealed record GeoFeature(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("geometry")] GeoPoint Geometry,
    [property: JsonPropertyName("properties")] FacilityItem Properties);

/// <summary>A FeatureCollection; paging members are GeoJSON "foreign members", ignored by map libraries.</summary>
public sealed record GeoFeatureCollection(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("features")] IReadOnlyList<GeoFeature> Features,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("parPage")] int PageSize,
    [property: JsonPropertyName("pages")] int Pages,
    [property: JsonPropertyName("liens")] PageLinks Links);

public sealed record SectionItem(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("nom")] string Name,
    [property: JsonPropertyName("ageMinMois")] int MinAgeMonths,
    [property: JsonPropertyName("ageMaxMois")] int MaxAgeMonths,
    [property: JsonPropertyName("places")] int Places,
    [property: JsonPropertyName("placesDisponibles")] int FreePlaces);

public sealed record VacancyItem(
    [property: JsonPropertyName("sectionId")] Guid? SectionId,
    [property: JsonPropertyName("section")] string? SectionName,
    [property: JsonPropertyName("places")] int Places,
    [property: JsonPropertyName("aPartirDu")] DateOnly From,
    [property: JsonPropertyName("ageMinMois")] int MinAgeMonths,
    [property: JsonPropertyName("ageMaxMois")] int MaxAgeMonths,
    [property: JsonPropertyName("declareeLe")] DateOnly DeclaredOn);

public sealed record AgrementItem(
    [property: JsonPropertyName("enfants")] int Children,
    [property: JsonPropertyName("ageMinMois")] int MinAgeMonths,
    [property: JsonPropertyName("ageMaxMois")] int MaxAgeMonths,
    [property: JsonPropertyName("valableJusquau")] DateOnly? ValidUntil);

public sealed record ContactItem(
    [property: JsonPropertyName("telephone")] string? Phone,
    [property: JsonPropertyName("siteWeb")] string? Website);

public sealed record FacilityDetail(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("nom")] string Name,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("modeLibelle")] string ModeLabel,
    [property: JsonPropertyName("gestion")] string Manager,
    [property: JsonPropertyName("gestionLibelle")] string ManagerLabel,
    [property: JsonPropertyName("gestionnaire")] string? ManagerName,
    [property: JsonPropertyName("commune")] CommuneRef Commune,
    [property: JsonPropertyName("adresse")] string? Street,
    [property: JsonPropertyName("codePostal")] string PostalCode,
    [property: JsonPropertyName("latitude")] double Latitude,
    [property: JsonPropertyName("longitude")] double Longitude,
    [property: JsonPropertyName("psu")] bool IsPsu,
    [property: JsonPropertyName("places")] int Places,
    [property: JsonPropertyName("placesDisponibles")] int FreePlaces,
    [property: JsonPropertyName("horairesAtypiques")] bool AtypicalHours,
    [property: JsonPropertyName("handicap")] bool DisabilityInclusion,
    [property: JsonPropertyName("avip")] bool IsAvip,
    [property: JsonPropertyName("accueil")] IReadOnlyList<string> Reception,
    [property: JsonPropertyName("jours")] IReadOnlyList<string> OpeningDays,
    [property: JsonPropertyName("ouverture")] string? OpensAt,
    [property: JsonPropertyName("fermeture")] string? ClosesAt,
    [property: JsonPropertyName("langues")] IReadOnlyList<string> Languages,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("contact")] ContactItem? Contact,
    [property: JsonPropertyName("agrement")] AgrementItem? Agrement,
    [property: JsonPropertyName("sections")] IReadOnlyList<SectionItem> Sections,
    [property: JsonPropertyName("disponibilites")] IReadOnlyList<VacancyItem> Vacancies,
    [property: JsonPropertyName("demonstration")] bool IsDemo,
    [property: JsonPropertyName("secteur")] string? Sector);

public sealed record PsuEstimate(
    [property: JsonPropertyName("tarifHoraire")] decimal HourlyRate,
    [property: JsonPropertyName("coutMensuel")] decimal MonthlyCost,
    [property: JsonPropertyName("resteACharge")] decimal RemainingCost,
    [property: JsonPropertyName("ressourcesMensuellesRetenues")] decimal MonthlyResourcesUsed,
    [property: JsonPropertyName("tauxEffort")] decimal EffortRate);

public sealed record CmgEstimateItem(
    [property: JsonPropertyName("coutMensuel")] decimal MonthlyCost,
    [property: JsonPropertyName("cmg")] decimal Cmg,
    [property: JsonPropertyName("resteACharge")] decimal RemainingCost,
    [property: JsonPropertyName("salaireHoraire")] decimal HourlyWage,
    [property: JsonPropertyName("salaireHorairePrisEnCompte")] decimal CountedHourlyWage,
    [property: JsonPropertyName("tauxEffort")] decimal EffortRate);

public sealed record ParameterItem(
    [property: JsonPropertyName("cle")] string Key,
    [property: JsonPropertyName("valeur")] decimal Value,
    [property: JsonPropertyName("depuis")] DateOnly ValidFrom,
    [property: JsonPropertyName("jusquau")] DateOnly? ValidTo,
    [property: JsonPropertyName("source")] string Source);

public sealed record SimulationResponse(
    [property: JsonPropertyName("psu")] PsuEstimate Psu,
    [property: JsonPropertyName("assistantMaternel")] CmgEstimateItem AssistantMaternel,
    [property: JsonPropertyName("gardeDomicile")] CmgEstimateItem GardeDomicile,
    [property: JsonPropertyName("parametres")] IReadOnlyList<ParameterItem> Parameters,
    [property: JsonPropertyName("date")] DateOnly Date,
    [property: JsonPropertyName("avertissement")] string Warning);

/// <summary>
/// Source-generated serialisation of the responses: no reflection on the hot path of the open-data API.
/// Registered first in the HTTP JSON options' resolver chain (see <see cref="OpenDataApi.AddOpenDataFeature"/>).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<CommuneItem>))]
[JsonSerializable(typeof(FacilityPage))]
[JsonSerializable(typeof(GeoFeatureCollection))]
[JsonSerializable(typeof(FacilityDetail))]
[JsonSerializable(typeof(SimulationResponse))]
internal sealed partial class OpenDataJsonContext : JsonSerializerContext;
