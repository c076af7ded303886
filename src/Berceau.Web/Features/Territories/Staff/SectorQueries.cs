using System.Globalization;
using System.Text;
using System.Text.Json;
using Berceau.Data;
using Berceau.Domain.Access;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Territories.Staff;

public sealed record CommuneChoice(string Code, string Name);

public sealed record SectorRow(Guid Id, string CommuneCode, string Name, bool HasBoundary, int Facilities);

/// <summary>Reads of the sector pages, always within a territory the caller has already narrowed to what the user may see.</summary>
public sealed class SectorQueries(BerceauDbContext db)
{
    private static readonly StringComparer FrenchOrder = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

    /// <summary>The communes the scope covers as a whole, in French alphabetical order.</summary>
    public async Task<IReadOnlyList<CommuneChoice>> CommunesAsync(TerritoryScope scope, CancellationToken ct)
    {
        var codes = scope.Communes.ToList();
        var departements = scope.Departements.ToList();
        if (codes.Count == 0 && departements.Count == 0) return [];
        var communes = await db.Communes.AsNoTracking()
            .Where(c => codes.Contains(c.Code) || departements.Contains(c.DepartementCode))
            .Select(c => new CommuneChoice(c.Code, c.Name))
            .ToListAsync(ct);
        return [.. communes.OrderBy(c => c.Name, FrenchOrder)];
    }

    /// <summary>The sectors of these communes with the number of facilities attached to each.</summary>
    public async Task<IReadOnlyList<SectorRow>> ListAsync(IReadOnlyCollection<string> communeCodes, CancellationToken ct)
    {
        var codes = communeCodes.ToList();
        var rows = await db.Sectors.AsNoTracking()
            .Where(s => codes.Contains(s.CommuneCode))
            .Select(s => new SectorRow(s.Id, s.CommuneCode, s.Name, s.BoundaryGeoJson != null,
                db.Facilities.Count(f => f.SectorId == s.Id)))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Name, FrenchOrder)];
    }

    public Task<Sector?> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var sectors = tracked ? db.Sectors : db.Sectors.AsNoTracking();
        return sectors.FirstOrDefaultAsync(s => s.Id == id, ct);
    }

    public Task<Commune?> CommuneAsync(string code, CancellationToken ct) =>
        db.Communes.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);

    /// <summary>
    /// The drawn sectors of the commune but <paramref name="exceptId"/>, as a GeoJSON FeatureCollection (property "nom"),
    /// so that the drawing map shows where the neighbouring sectors are; null when there is none.
    /// </summary>
    public async Task<string?> OtherSectorsGeoJsonAsync(string communeCode, Guid? exceptId, CancellationToken ct)
    {
        var sectors = await db.Sectors.AsNoTracking()
            .Where(s => s.CommuneCode == communeCode && s.Id != exceptId && s.BoundaryGeoJson != null)
            .OrderBy(s => s.Name)
            .Select(s => new { s.Name, s.BoundaryGeoJson })
            .ToListAsync(ct);
        if (sectors.Count == 0) return null;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var sector in sectors)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteStartObject("properties");
                json.WriteString("nom", sector.Name);
                json.WriteEndObject();
                // Stored by GeoBoundary.ToGeoJson after the domain's checks: written as it is.
                json.WritePropertyName("geometry");
                json.WriteRawValue(sector.BoundaryGeoJson!);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public Task<int> FacilityCountAsync(Guid sectorId, CancellationToken ct) =>
        db.Facilities.CountAsync(f => f.SectorId == sectorId, ct);
}
