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

    private static readonly Domain.Offer.CareMode[] Creches =
    [
        Domain.Offer.CareMode.EajeCollectif, Domain.Offer.CareMode.MicroCreche, Domain.Offer.CareMode.CrecheFamiliale,
        Domain.Offer.CareMode.CrecheParentale, Domain.Offer.CareMode.CrecheEntreprise,
    ];

    /// <summary>The crèches of the commune a bonus may name, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> StructuresAsync(string communeCode, CancellationToken ct)
    {
        var rows = await db.Facilities.AsNoTracking().Where(f => f.CommuneCode == communeCode && Creches.Contains(f.Mode))
            .Select(f => new { f.Id, f.Name }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id.Value, r.Name)).OrderBy(r => r.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))];
    }

    public async Task<GridVersions> VersionsAsync(string communeCode, CancellationToken ct)
    {
        var stored = await db.PointsGrids.AsNoTracking().Where(g => g.CommuneCode == communeCode).ToListAsync(ct);
        return new GridVersions([.. stored.Select(g => g.ToGrid())]);
    }
}
