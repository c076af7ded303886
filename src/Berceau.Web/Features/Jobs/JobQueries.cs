using Berceau.Data;
using Berceau.Domain.Access;
using Berceau.Domain.Staffing;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Jobs;

/// <summary>The board's filters; null means any.</summary>
public sealed record JobFilter(Profession? Profession, string? Commune, ContractType? Contract);

public sealed record JobPage(IReadOnlyList<JobPosting> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>Reads of job offers: the public board and feed (visible offers only), and a gestionnaire's list.</summary>
public sealed class JobQueries(BerceauDbContext db, TimeProvider clock)
{
    public const int PageSize = 100;
    public const int MaxStaffListed = 300;

    public DateOnly Today => ParisTime.DayOf(clock.GetUtcNow());

    /// <summary>Offers visible today that match the filter, newest first.</summary>
    public async Task<JobPage> VisibleAsync(JobFilter filter, int page, CancellationToken ct)
    {
        var query = db.JobPostings.AsNoTracking().Where(JobPosting.VisibleOn(Today));
        if (filter.Profession is { } profession) query = query.Where(j => j.Profession == profession);
        if (filter.Contract is { } contract) query = query.Where(j => j.Contract == contract);
        if (!string.IsNullOrEmpty(filter.Commune)) query = query.Where(j => j.CommuneCode == filter.Commune);
        var total = await query.CountAsync(ct);
        page = Math.Max(1, page);
        var items = await query.OrderByDescending(j => j.PostedAt).ThenBy(j => j.Id)
            .Skip((int)Math.Min((long)(page - 1) * PageSize, int.MaxValue)).Take(PageSize).ToListAsync(ct);
        return new JobPage(items, total, page, PageSize);
    }

    /// <summary>One offer as candidates see it; null when it does not exist, is closed or has expired.</summary>
    public Task<JobPosting?> VisibleAsync(Guid id, CancellationToken ct) =>
        db.JobPostings.AsNoTracking().Where(JobPosting.VisibleOn(Today)).FirstOrDefaultAsync(j => j.Id == id, ct);

    /// <summary>The communes that have an offer online today, by name: the choices of the board's commune filter.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> CommunesWithOffersAsync(CancellationToken ct)
    {
        var codes = await db.JobPostings.AsNoTracking().Where(JobPosting.VisibleOn(Today)).Select(j => j.CommuneCode).Distinct().ToListAsync(ct);
        var communes = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => new { c.Code, c.Name }).ToListAsync(ct);
        return [.. communes.OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).Select(c => (c.Code, c.Name))];
    }

    public async Task<IReadOnlyDictionary<string, string>> CommuneNamesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var list = codes.Distinct().ToList();
        return await db.Communes.AsNoTracking().Where(c => list.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
    }

    /// <summary>
    /// The offers a gestionnaire manages, in every state (online, expired, closed), newest first: those of the communes their
    /// territory covers (agents, admins) and those of the structures granted to them (directors).
    /// </summary>
    public async Task<IReadOnlyList<JobPosting>> ManagedAsync(TerritoryScope scope, bool managesTerritory, CancellationToken ct)
    {
        var facilities = scope.Facilities.Select(id => new Domain.Offer.FacilityId(id)).ToList();
        var communes = managesTerritory ? await CoveredCommunesAsync(scope, ct) : [];
        var query = db.JobPostings.AsNoTracking().Where(j =>
            (j.FacilityId != null && facilities.Contains(j.FacilityId.Value)) || communes.Contains(j.CommuneCode));
        return await query.OrderByDescending(j => j.PostedAt).Take(MaxStaffListed).ToListAsync(ct);
    }

    /// <summary>The codes of the communes a scope covers as a whole (commune grants, and the communes of granted départements).</summary>
    public async Task<List<string>> CoveredCommunesAsync(TerritoryScope scope, CancellationToken ct)
    {
        var departements = scope.Departements.ToList();
        var codes = await db.Communes.AsNoTracking().Where(c => departements.Contains(c.DepartementCode)).Select(c => c.Code).ToListAsync(ct);
        return [.. codes.Concat(scope.Communes).Distinct()];
    }

    /// <summary>The communes a scope covers as a whole, by name: where an agent may post offers.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> CommunesAsync(TerritoryScope scope, CancellationToken ct)
    {
        var all = await db.Communes.AsNoTracking().Select(c => new { c.Code, c.Name }).ToListAsync(ct);
        return [.. all.Where(c => scope.CoversCommune(c.Code))
            .OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).Select(c => (c.Code, c.Name))];
    }
}
