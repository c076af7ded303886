using System.Globalization;
using Berceau.Domain.Audit;
using Berceau.Domain.Offer;
using Berceau.Domain.Territories;
using Berceau.Web.Features.Territories;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Offer.OfferTestData;

namespace Berceau.Web.Tests.Features.Territories;

/// <summary>Sectors, places and forms built by the sector tests themselves: unique names, never the demo data.</summary>
internal static class SectorTestData
{
    /// <summary>A point well inside Montreuil, away from where the other tests put their facilities (2.4432, 48.8611).</summary>
    public const double InsideLongitude = 2.455;
    public const double InsideLatitude = 48.863;

    /// <summary>A square of about 400 m × 700 m around <see cref="InsideLongitude"/>, <see cref="InsideLatitude"/>.</summary>
    public static string SquareInMontreuil => Square(InsideLongitude - 0.003, InsideLatitude - 0.003, InsideLongitude + 0.003, InsideLatitude + 0.003);

    public static string Square(double minLon, double minLat, double maxLon, double maxLat) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"type":"Polygon","coordinates":[[[{{minLon}},{{minLat}}],[{{maxLon}},{{minLat}}],[{{maxLon}},{{maxLat}}],[{{minLon}},{{maxLat}}],[{{minLon}},{{minLat}}]]]}""");

    public static Facility CrecheAt(string commune, string name, double longitude, double latitude) =>
        TestData.Creche(commune, name, commune == SaintDenis ? "93200" : "93100", latitude, longitude, ("Tous", 3, 36, 12));

    public static async Task<Sector> SaveSectorAsync(this BerceauApp app, string commune, string name, string? boundary = null)
    {
        var sector = new Sector { CommuneCode = commune, Name = name, BoundaryGeoJson = boundary, Version = 1 };
        await app.WithDbAsync(async db =>
        {
            db.Sectors.Add(sector);
            return await db.SaveChangesAsync();
        });
        return sector;
    }

    public static async Task PutInSectorAsync(this BerceauApp app, Facility facility, Sector sector)
    {
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Facilities.FirstAsync(f => f.Id == facility.Id);
            stored.MoveToSector(sector.Id);
            return await db.SaveChangesAsync();
        });
    }

    public static Task<Sector?> StoredSectorAsync(this BerceauApp app, Guid id) =>
        app.WithDbAsync(db => db.Sectors.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id));

    public static Task<List<Sector>> SectorsNamedAsync(this BerceauApp app, string name) =>
        app.WithDbAsync(db => db.Sectors.AsNoTracking().Where(s => s.Name == name).ToListAsync());

    public static Task<Guid?> SectorOfAsync(this BerceauApp app, Facility facility) =>
        app.WithDbAsync(db => db.Facilities.Where(f => f.Id == facility.Id).Select(f => f.SectorId).FirstAsync());

    public static Task<List<AuditEntry>> SectorAuditAsync(this BerceauApp app, Guid id)
    {
        var entityId = id.ToString();
        return app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == SectorAudit.EntityType && a.EntityId == entityId).OrderBy(a => a.Id).ToListAsync());
    }

    /// <summary>The sector form as a browser posts it; the checkbox is sent only when ticked.</summary>
    public static List<KeyValuePair<string, string>> SectorForm(string name, string? boundary, bool assign = true, int version = 0)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Version", version.ToString(CultureInfo.InvariantCulture)),
            new("Input.Name", name),
            new("Input.BoundaryGeoJson", boundary ?? ""),
        };
        if (assign) fields.Add(new("Input.AssignFacilities", "true"));
        return fields;
    }
}
