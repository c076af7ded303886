using System.Globalization;
using Berceau.Data;
using Berceau.Domain.Access;
using Berceau.Domain.Audit;
using Berceau.Domain.Offer;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Offer.Staff;

/// <summary>The filters of the staff list, as they come from the query string.</summary>
public sealed record FacilityListFilter(string? Commune, string? Mode, string? State, string? Search, int Page);

public static class FacilityStates
{
    public const string Open = "ouvertes";
    public const string Closed = "fermees";
}

/// <summary>One line of the staff list. Init properties (not a constructor) so that EF can compose queries over it.</summary>
public sealed record FacilityRow
{
    public FacilityId Id { get; init; }
    public string Name { get; init; } = "";
    public CareMode Mode { get; init; }
    public string CommuneCode { get; init; } = "";
    public string? CommuneName { get; init; }
    public int Places { get; init; }
    public int FreePlaces { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public bool IsDemo { get; init; }
}

public sealed record FacilityList(
    IReadOnlyList<FacilityRow> Rows,
    int Total,
    int Page,
    int PageCount,
    int OpenCount,
    int ClosedCount,
    int Places,
    int FreePlaces,
    IReadOnlyList<SelectListItem> Communes);

public sealed record FacilityDetail(Facility Facility, string CommuneName, string? SectorName, IReadOnlyList<AuditEntry> History);

/// <summary>Reads of the offer registry for staff. Every read goes through <see cref="FacilityAccess.InScope"/> or a check of the caller.</summary>
public sealed class FacilityQueries(BerceauDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;
    public const int HistoryLength = 20;

    private static readonly StringComparer FrenchOrder = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Declarations older than this are stale and no longer count as free places (as on the public portal).</summary>
    public DateTimeOffset FreshSince => Vacancy.FreshSince(Now);

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<FacilityList> ListAsync(TerritoryScope scope, FacilityListFilter filter, CancellationToken ct)
    {
        var today = Today;
        var freshSince = FreshSince;
        var query = db.Facilities.AsNoTracking().InScope(scope);
        if (!string.IsNullOrWhiteSpace(filter.Commune))
        {
            query = query.Where(f => f.CommuneCode == filter.Commune);
        }
        if (CareModes.TryParse(filter.Mode, out var mode))
        {
            query = query.Where(f => f.Mode == mode);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Lower-cased on both sides: SQLite and PostgreSQL do not agree on the case sensitivity of LIKE.
            var search = filter.Search.Trim().ToLowerInvariant();
            query = query.Where(f => f.Name.ToLower().Contains(search));
        }

        var openCount = await query.CountAsync(f => f.ClosedOn == null || f.ClosedOn > today, ct);
        var closedCount = await query.CountAsync(f => f.ClosedOn != null && f.ClosedOn <= today, ct);
        query = filter.State switch
        {
            FacilityStates.Open => query.Where(f => f.ClosedOn == null || f.ClosedOn > today),
            FacilityStates.Closed => query.Where(f => f.ClosedOn != null && f.ClosedOn <= today),
            _ => query,
        };
        var total = filter.State switch
        {
            FacilityStates.Open => openCount,
            FacilityStates.Closed => closedCount,
            _ => openCount + closedCount,
        };
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);

        var pageRows = await Rows(query.OrderBy(f => f.Name).ThenBy(f => f.Id).Skip((page - 1) * PageSize).Take(PageSize), today, freshSince)
            .ToListAsync(ct);
        // Totals of places over the whole filtered list, not the page: two numbers per facility.
        var counts = await Rows(query, today, freshSince).Select(r => new { r.Places, r.FreePlaces }).ToListAsync(ct);

        return new FacilityList(pageRows, total, page, pageCount, openCount, closedCount,
            counts.Sum(c => c.Places), counts.Sum(c => c.FreePlaces), await CommuneChoicesAsync(scope, ct));
    }

    private IQueryable<FacilityRow> Rows(IQueryable<Facility> facilities, DateOnly today, DateTimeOffset freshSince) =>
        facilities.Select(f => new FacilityRow
        {
            Id = f.Id,
            Name = f.Name,
            Mode = f.Mode,
            CommuneCode = f.CommuneCode,
            CommuneName = db.Communes.Where(c => c.Code == f.CommuneCode).Select(c => c.Name).FirstOrDefault(),
            Places = f.Sections.Any() ? f.Sections.Sum(s => s.Places) : f.Agrement != null ? f.Agrement.Children : 0,
            FreePlaces = f.Vacancies.Where(v => v.Places > 0 && v.DeclaredAt >= freshSince && v.From <= today).Sum(v => (int?)v.Places) ?? 0,
            ClosedOn = f.ClosedOn,
            IsDemo = f.IsDemo,
        });

    /// <summary>The communes where the user has facilities, for the list's filter.</summary>
    private async Task<IReadOnlyList<SelectListItem>> CommuneChoicesAsync(TerritoryScope scope, CancellationToken ct)
    {
        var codes = db.Facilities.InScope(scope).Select(f => f.CommuneCode).Distinct();
        var communes = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => new { c.Code, c.Name }).ToListAsync(ct);
        return [.. communes.OrderBy(c => c.Name, FrenchOrder).Select(c => new SelectListItem($"{c.Name} ({c.Code})", c.Code))];
    }

    /// <summary>A facility with its sections and vacancies; tracked when the caller is going to change it.</summary>
    public Task<Facility?> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var facilities = tracked ? db.Facilities : db.Facilities.AsNoTracking();
        var facilityId = new FacilityId(id);
        return facilities.Include(f => f.Sections).Include(f => f.Vacancies).AsSplitQuery().FirstOrDefaultAsync(f => f.Id == facilityId, ct);
    }

    public async Task<FacilityDetail> DetailAsync(Facility facility, CancellationToken ct)
    {
        var communeName = await db.Communes.Where(c => c.Code == facility.CommuneCode).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? facility.CommuneCode;
        var sectorName = facility.SectorId is { } sectorId
            ? await db.Sectors.Where(s => s.Id == sectorId).Select(s => s.Name).FirstOrDefaultAsync(ct)
            : null;
        var entityId = facility.Id.ToString();
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == FacilityAudit.EntityType && a.EntityId == entityId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(HistoryLength)
            .ToListAsync(ct);
        return new FacilityDetail(facility, communeName, sectorName, history);
    }
}
