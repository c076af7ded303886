using Berceau.Data;
using Berceau.Domain.Grid;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Grid;

/// <summary>Reads of a commune's points grid, public (the version in force) and staff (every version).</summary>
public sealed class GridQueries(BerceauDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public Task<Commune?> CommuneAsync(string code, CancellationToken ct) =>
        db.Communes.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);

    public async Task<GridVersions> VersionsAsync(string communeCode, CancellationToken ct)
    {
        var stored = await db.PointsGrids.AsNoTracking().Where(g => g.CommuneCode == communeCode).ToListAsync(ct);
        return new GridVersions([.. stored.Select(g => g.ToGrid())]);
    }
}
