using Berceau.Data;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Portal;

/// <summary>
/// The communes' names and postcodes, kept in memory: every search starts by resolving what the parent typed, and
/// reading the commune rows (with their boundaries) on each request cost more than the search itself. Communes change
/// only through an import, so a copy at most five minutes old is right.
/// </summary>
public sealed class CommuneDirectory(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private (IReadOnlyList<Entry> Entries, DateTimeOffset LoadedAt)? _cache;

    public sealed record Entry(Commune Commune, string NormalisedName, IReadOnlySet<string> PostalCodes);

    public async Task<IReadOnlyList<Entry>> AllAsync(CancellationToken ct)
    {
        if (_cache is { } cache && clock.GetUtcNow() - cache.LoadedAt < Lifetime) return cache.Entries;
        await _loading.WaitAsync(ct);
        try
        {
            if (_cache is { } again && clock.GetUtcNow() - again.LoadedAt < Lifetime) return again.Entries;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
            var rows = await db.Communes.AsNoTracking()
                .OrderBy(c => c.Name)
                .Select(c => new Commune
                {
                    Code = c.Code, Name = c.Name, DepartementCode = c.DepartementCode, EpciCode = c.EpciCode,
                    EptCode = c.EptCode, Population = c.Population, PostalCodes = c.PostalCodes,
                })
                .ToListAsync(ct);
            var entries = rows.Select(c => new Entry(c, FacilitySearch.Normalise(c.Name), c.PostalCodeList.ToHashSet())).ToList();
            _cache = (entries, clock.GetUtcNow());
            return entries;
        }
        finally
        {
            _loading.Release();
        }
    }
}
