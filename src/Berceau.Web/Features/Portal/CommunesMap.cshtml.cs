using System.Text;
using System.Text.Json;
using Berceau.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Portal;

/// <summary>
/// Commune boundaries as a GeoJSON FeatureCollection, the background of the portal's maps:
/// <c>/carte/communes.geojson?departement=93</c> (one or more départements) or <c>?code=93048</c> (one or more communes).
/// Public open data (COG and IGN boundaries), cached by browsers for an hour.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 3600, Location = ResponseCacheLocation.Any)]
public sealed class CommunesMapModel(BerceauDbContext db) : PageModel
{
    public const string ContentType = "application/geo+json";

    public async Task<IActionResult> OnGetAsync([FromQuery] string[] departement, [FromQuery] string[] code, CancellationToken ct)
    {
        var departements = departement.Select(d => d.Trim().ToUpperInvariant()).Where(d => d.Length is > 0 and <= 3).Distinct().ToList();
        var codes = code.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length == 5).Distinct().ToList();

        var query = db.Communes.AsNoTracking().Where(c => c.BoundaryGeoJson != null);
        if (departements.Count > 0 || codes.Count > 0)
            query = query.Where(c => departements.Contains(c.DepartementCode) || codes.Contains(c.Code));
        var communes = await query.OrderBy(c => c.Code)
            .Select(c => new { c.Code, c.Name, c.DepartementCode, c.BoundaryGeoJson })
            .ToListAsync(ct);

        // The boundaries are stored as GeoJSON geometries already: they are written as they are, not parsed again.
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var commune in communes)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteString("id", commune.Code);
                json.WriteStartObject("properties");
                json.WriteString("code", commune.Code);
                json.WriteString("nom", commune.Name);
                json.WriteString("departement", commune.DepartementCode);
                json.WriteEndObject();
                json.WritePropertyName("geometry");
                json.WriteRawValue(commune.BoundaryGeoJson!, skipInputValidation: false);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Content(Encoding.UTF8.GetString(buffer.ToArray()), ContentType, Encoding.UTF8);
    }
}
