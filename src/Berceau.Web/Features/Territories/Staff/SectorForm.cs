using Berceau.Domain.Territories;
using Microsoft.Extensions.Configuration;

namespace Berceau.Web.Features.Territories.Staff;

/// <summary>What the shared form partial needs from the "new" and "edit" pages.</summary>
public interface ISectorFormPage
{
    SectorInput Input { get; }
    CommuneChoice SectorCommune { get; }
    string CancelHref { get; }
    SectorMapSettings Map { get; }
    /// <summary>The other drawn sectors of the commune (GeoJSON FeatureCollection), shown on the map; null when none.</summary>
    string? OtherSectorsGeoJson { get; }
}

/// <summary>The tile layer of the drawing map: the portal's configuration (Map:TileUrl), none by default.</summary>
public sealed record SectorMapSettings(string? TileUrl, string? TileAttribution)
{
    public static SectorMapSettings From(IConfiguration configuration) => new(
        string.IsNullOrWhiteSpace(configuration["Map:TileUrl"]) ? null : configuration["Map:TileUrl"],
        string.IsNullOrWhiteSpace(configuration["Map:TileAttribution"]) ? null : configuration["Map:TileAttribution"]);
}

public static class SectorForm
{
    /// <summary>TempData key of the confirmation shown on the list after a change.</summary>
    public const string MessageKey = "Territories.Message";

    /// <summary>The keyboard alternative to the map, explained: what to type in the GeoJSON field.</summary>
    public const string BoundaryHint =
        "Un objet GeoJSON de type Polygon ou MultiPolygon, en degrés décimaux [longitude, latitude] (WGS84) : au moins 3 sommets, "
        + "le dernier point répétant le premier, par exemple "
        + """{"type":"Polygon","coordinates":[[[2.44,48.86],[2.45,48.86],[2.45,48.87],[2.44,48.86]]]}. """
        + "Le contour doit être au moins en partie sur la commune. Laissez vide pour un secteur sans contour.";

    public static string ListHref(string communeCode) => "/pro/secteurs?commune=" + Uri.EscapeDataString(communeCode);

    /// <summary>A blank form: facilities are attached by default, which is what a commune drawing its sectors wants.</summary>
    public static SectorInput Blank() => new() { AssignFacilities = true };

    public static SectorInput From(Sector s) => new()
    {
        Version = s.Version,
        Name = s.Name,
        BoundaryGeoJson = s.BoundaryGeoJson,
        AssignFacilities = true,
    };

    /// <summary>The confirmation shown after a save, in plain French.</summary>
    public static string Confirmation(string verb, SectorSaved saved) => saved.FacilitiesAttached switch
    {
        0 => $"Le secteur a été {verb}.",
        1 => $"Le secteur a été {verb} : 1 structure y a été rattachée.",
        var n => $"Le secteur a été {verb} : {n} structures y ont été rattachées.",
    };
}
