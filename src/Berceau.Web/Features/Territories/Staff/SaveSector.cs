using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Territories;
using Berceau.Web.Features.Offer;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Territories.Staff;

/// <summary>What the sector form posts, as typed. Never the entity.</summary>
public sealed record SectorInput
{
    /// <summary>The version the user started from, so that a concurrent change is detected instead of overwritten.</summary>
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? BoundaryGeoJson { get; set; }
    /// <summary>Put every facility of the commune that stands inside the boundary in this sector.</summary>
    public bool AssignFacilities { get; set; }
}

/// <summary>A sector saved: its id, whether anything changed, and how many facilities were put in it by the same save.</summary>
public sealed record SectorSaved(Guid Id, bool Changed, int FacilitiesAttached);

/// <summary>
/// Creates and updates sectors: checks the shape (domain) and the name's uniqueness in the commune, attaches the
/// facilities inside the boundary when asked, and writes the audit lines, all in one SaveChanges. The page has checked
/// that the user covers the commune.
/// </summary>
public sealed class SaveSector(BerceauDbContext db, AuditLog audit)
{
    public async Task<Outcome<SectorSaved>> CreateAsync(Commune commune, SectorInput input, CancellationToken ct)
    {
        var checkedShape = await CheckAsync(commune, input, sectorId: null, ct);
        if (!checkedShape.IsSuccess) return Outcome<SectorSaved>.Failure(checkedShape.Problems);
        var shape = checkedShape.Value;

        var sector = Sector.Create(commune.Code, shape);
        db.Sectors.Add(sector);
        audit.Record(SectorAudit.Created, SectorAudit.EntityType, sector.Id.ToString(),
            FacilityAudit.Diff(SectorAudit.None, SectorAudit.Snapshot(sector)));
        var attached = input.AssignFacilities && shape.Boundary is { } boundary ? await AttachAsync(sector, boundary, ct) : 0;
        return await SaveAsync(commune, sector, new SectorSaved(sector.Id, true, attached), ct);
    }

    /// <summary>Updates a tracked sector; nothing is written when it changed since the form was opened, or when the form is invalid.</summary>
    public async Task<Outcome<SectorSaved>> UpdateAsync(Commune commune, Sector sector, SectorInput input, CancellationToken ct)
    {
        if (input.Version != sector.Version) return Problem.Of("sector-concurrency", "");
        var checkedShape = await CheckAsync(commune, input, sector.Id, ct);
        if (!checkedShape.IsSuccess) return Outcome<SectorSaved>.Failure(checkedShape.Problems);
        var shape = checkedShape.Value;

        var before = SectorAudit.Snapshot(sector);
        var changed = shape.Name != sector.Name || shape.Boundary?.ToGeoJson() != sector.BoundaryGeoJson;
        if (changed)
        {
            sector.Redraw(shape);
            audit.Record(SectorAudit.Updated, SectorAudit.EntityType, sector.Id.ToString(),
                FacilityAudit.Diff(before, SectorAudit.Snapshot(sector)));
        }
        var attached = input.AssignFacilities && shape.Boundary is { } boundary ? await AttachAsync(sector, boundary, ct) : 0;
        if (!changed && attached == 0) return new SectorSaved(sector.Id, false, 0);
        return await SaveAsync(commune, sector, new SectorSaved(sector.Id, changed, attached), ct);
    }

    private async Task<Outcome<SectorShape>> CheckAsync(Commune commune, SectorInput input, Guid? sectorId, CancellationToken ct)
    {
        var shape = Sector.Check(input.Name, input.BoundaryGeoJson, commune);
        if (!shape.IsSuccess) return shape;
        // "Centre" and "centre" are the same sector to the people who read the list.
        var name = shape.Value.Name.ToLower();
        var taken = await db.Sectors.AnyAsync(s => s.CommuneCode == commune.Code && s.Id != sectorId && s.Name.ToLower() == name, ct);
        return taken ? Problem.Of("sector-name-taken", nameof(SectorInput.Name), commune.Name, shape.Value.Name) : shape;
    }

    /// <summary>
    /// Puts every facility of the sector's commune whose position is inside the boundary in the sector, including those
    /// that were in another sector; the others stay where they are. One audit line per facility moved.
    /// </summary>
    private async Task<int> AttachAsync(Sector sector, GeoBoundary boundary, CancellationToken ct)
    {
        var candidates = await db.Facilities.AsNoTracking()
            .Where(f => f.CommuneCode == sector.CommuneCode && (f.SectorId == null || f.SectorId != sector.Id))
            .Select(f => new { f.Id, f.Latitude, f.Longitude })
            .ToListAsync(ct);
        var inside = candidates.Where(f => boundary.Contains(f.Longitude, f.Latitude)).Select(f => f.Id).ToList();
        if (inside.Count == 0) return 0;
        var facilities = await db.Facilities.Where(f => inside.Contains(f.Id)).ToListAsync(ct);
        foreach (var facility in facilities)
        {
            var before = FacilityAudit.Snapshot(facility);
            if (facility.MoveToSector(sector.Id))
                audit.Record(FacilityAudit.Updated, FacilityAudit.EntityType, facility.Id.ToString(),
                    FacilityAudit.Diff(before, FacilityAudit.Snapshot(facility)));
        }
        return facilities.Count;
    }

    private async Task<Outcome<SectorSaved>> SaveAsync(Commune commune, Sector sector, SectorSaved saved, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The sector or one of the facilities changed between our read and our write: nothing was saved.
            return Problem.Of("sector-concurrency", "");
        }
        catch (DbUpdateException)
        {
            // Two people created the same name at once: the unique index refused the second. Anything else is a bug.
            if (!await NameTakenByAnotherAsync(commune.Code, sector, ct)) throw;
            return Problem.Of("sector-name-taken", nameof(SectorInput.Name), commune.Name, sector.Name);
        }
    }

    private Task<bool> NameTakenByAnotherAsync(string communeCode, Sector sector, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return db.Sectors.AnyAsync(s => s.CommuneCode == communeCode && s.Name == sector.Name && s.Id != sector.Id, ct);
    }
}
