using Berceau.Data;
using Berceau.Data.Grid;
using Berceau.Domain.Common;
using Berceau.Domain.Grid;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Grid.Staff;

/// <summary>Publishes a new version of a commune's grid: the previous one is closed the day before, both in one save, audited.</summary>
public sealed class PublishGrid(BerceauDbContext db, GridQueries queries, AuditLog audit, TimeProvider clock, CurrentStaff staff)
{
    public async Task<Outcome<PointsGrid>> PublishAsync(string communeCode, PointsGrid grid, CancellationToken ct)
    {
        var versions = await queries.VersionsAsync(communeCode, ct);
        var change = versions.Add(grid with { CommuneCode = communeCode }, queries.Today);
        if (!change.IsSuccess) return Outcome<PointsGrid>.Failure(change.Problems);

        var (closed, added) = (change.Value.Closed, change.Value.Added);
        if (closed is not null)
        {
            var stored = await db.PointsGrids.SingleAsync(g => g.CommuneCode == communeCode && g.Version == closed.Version, ct);
            stored.Close(closed);
        }
        db.PointsGrids.Add(StoredGrid.From(added, clock.GetUtcNow(), staff.UserId ?? ""));
        audit.Record("grille.publication", "Grille", $"{communeCode}/{added.Version}",
            $"Version {added.Version} en vigueur à partir du {added.ValidFrom:dd/MM/yyyy}");
        try
        {
            await db.SaveChangesAsync(ct);
            return added;
        }
        catch (DbUpdateException)
        {
            // Someone published a version meanwhile: the unique (commune, version) index refused this one.
            return Problem.Of("concurrency", "");
        }
    }
}
