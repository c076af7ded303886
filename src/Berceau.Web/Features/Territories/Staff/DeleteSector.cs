using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Territories;
using Berceau.Web.Features.Offer;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Territories.Staff;

/// <summary>
/// Deletes a sector. Its facilities stay, without sector: each gets an audit line of the change, and the sector one
/// line with what it was. The page has checked that the user covers the sector's commune.
/// </summary>
public sealed class DeleteSector(BerceauDbContext db, AuditLog audit)
{
    /// <summary>Deletes a tracked sector; returns the number of facilities left without sector.</summary>
    public async Task<Outcome<int>> DeleteAsync(Sector sector, int version, CancellationToken ct)
    {
        if (version != sector.Version) return Problem.Of("sector-concurrency", "");
        var facilities = await db.Facilities.Where(f => f.SectorId == sector.Id).ToListAsync(ct);
        foreach (var facility in facilities)
        {
            var before = FacilityAudit.Snapshot(facility);
            facility.MoveToSector(null);
            audit.Record(FacilityAudit.Updated, FacilityAudit.EntityType, facility.Id.ToString(),
                FacilityAudit.Diff(before, FacilityAudit.Snapshot(facility)));
        }
        audit.Record(SectorAudit.Deleted, SectorAudit.EntityType, sector.Id.ToString(),
            SectorAudit.Removed(sector));
        db.Sectors.Remove(sector);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Of("sector-concurrency", "");
        }
        return facilities.Count;
    }
}
