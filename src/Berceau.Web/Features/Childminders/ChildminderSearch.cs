using Berceau.Data;
using Berceau.Domain.Childminders;
using Berceau.Domain.Offer;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Childminders;

public sealed record ChildminderSearchCriteria(IReadOnlyList<string> Communes, int? ChildAgeMonths, WeekDays Days, bool AtypicalHours, int Page);

/// <summary>One childminder as a family sees it: no telephone, no e-mail, the address only as the childminder allows.</summary>
public sealed record ChildminderResult(
    Guid Id, string Name, CareMode Mode, string Street, string PostalCode, string CommuneName, Agrement? Agrement,
    WeekDays OpeningDays, TimeOnly? OpensAt, TimeOnly? ClosesAt, bool AtypicalHours, string? AtypicalHoursDetail,
    bool DisabilityInclusion, string? Languages, string? Description, IReadOnlyList<Vacancy> Availability);

/// <summary>A result on the map: the position is rounded (about 1 km), <paramref name="Places"/> the free places that fit.</summary>
public sealed record ChildminderMapPoint(Guid Id, string Name, CareMode Mode, double Latitude, double Longitude, int Places);

public sealed record ChildminderSearchResult(IReadOnlyList<ChildminderResult> Rows, int Total, int Page, int PageCount);

/// <summary>
/// The families' search of assistants maternels and MAM: open ones of the communes asked, whose agrément takes the child's
/// age, with atypical hours when asked; the fresh declarations that fit (age, days) are shown, and those with places come first.
/// </summary>
public sealed class ChildminderSearch(BerceauDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<ChildminderSearchResult> SearchAsync(ChildminderSearchCriteria criteria, CancellationToken ct)
    {
        var rows = await MatchesAsync(criteria, ct);
        var communes = criteria.Communes.ToList();
        var pageCount = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(criteria.Page, 1, pageCount);
        var shown = rows.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var ids = shown.Select(r => r.Facility.Id).ToList();
        var profiles = await db.ChildminderProfiles.AsNoTracking().Where(p => ids.Contains(p.FacilityId)).ToDictionaryAsync(p => p.FacilityId, ct);
        var names = await db.Communes.AsNoTracking().Where(c => communes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        return new ChildminderSearchResult([.. shown.Select(r => Result(r.Facility, profiles.GetValueOrDefault(r.Facility.Id), names, r.Fits))],
            rows.Count, page, pageCount);
    }

    /// <summary>
    /// Every result of the search (not one page) for the map: a position rounded to about a kilometre (a childminder works
    /// at home; MAM alike, as the list shows them), never the address.
    /// </summary>
    public async Task<IReadOnlyList<ChildminderMapPoint>> MapAsync(ChildminderSearchCriteria criteria, CancellationToken ct) =>
        [.. (await MatchesAsync(criteria, ct)).Select(r => new ChildminderMapPoint(r.Facility.Id.Value, r.Facility.Name, r.Facility.Mode,
            OpenData.OfferLabels.Blur(r.Facility.Latitude), OpenData.OfferLabels.Blur(r.Facility.Longitude), r.Fits.Sum(v => v.Places)))];

    private async Task<List<(Facility Facility, List<Vacancy> Fits)>> MatchesAsync(ChildminderSearchCriteria criteria, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var freshSince = Vacancy.FreshSince(now);
        var communes = criteria.Communes.ToList();
        var query = db.Facilities.AsNoTracking()
            .Where(f => communes.Contains(f.CommuneCode) && (f.Mode == CareMode.AssistantMaternel || f.Mode == CareMode.Mam)
                && (f.ClosedOn == null || f.ClosedOn > today));
        if (criteria.AtypicalHours) query = query.Where(f => f.AtypicalHours);
        if (criteria.ChildAgeMonths is { } age)
            query = query.Where(f => f.Agrement == null || (f.Agrement.MinAgeMonths <= age && f.Agrement.MaxAgeMonths >= age));
        var facilities = await query.Include(f => f.Vacancies).OrderBy(f => f.Name).ToListAsync(ct);

        var rows = facilities
            .Select(f => (Facility: f, Fits: f.Vacancies.Where(v => v.Places > 0 && v.DeclaredAt >= freshSince && Fits(v, f, criteria)).OrderBy(v => v.From).ToList()))
            .Where(r => criteria.Days == WeekDays.None || r.Fits.Count > 0 || (r.Facility.OpeningDays & criteria.Days) == criteria.Days)
            .OrderByDescending(r => r.Fits.Count > 0).ThenBy(r => r.Facility.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))
            .ToList();
        return rows;
    }

    /// <summary>A facility as a family reads it, with its fresh declarations (the detail page shows them all).</summary>
    public async Task<ChildminderResult?> FindAsync(FacilityId id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var f = await db.Facilities.AsNoTracking().Include(x => x.Vacancies)
            .FirstOrDefaultAsync(x => x.Id == id && (x.Mode == CareMode.AssistantMaternel || x.Mode == CareMode.Mam) && (x.ClosedOn == null || x.ClosedOn > today), ct);
        if (f is null) return null;
        var profile = await db.ChildminderProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.FacilityId == id, ct);
        var names = await db.Communes.AsNoTracking().Where(c => c.Code == f.CommuneCode).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        return Result(f, profile, names, [.. f.Vacancies.Where(v => v.IsFresh(now)).OrderBy(v => v.From)]);
    }

    private static bool Fits(Vacancy v, Facility f, ChildminderSearchCriteria criteria)
    {
        if (criteria.ChildAgeMonths is { } age && (age < v.MinAgeMonths || age > v.MaxAgeMonths)) return false;
        var days = v.Days == WeekDays.None ? f.OpeningDays : v.Days;
        return criteria.Days == WeekDays.None || (days & criteria.Days) == criteria.Days;
    }

    private static ChildminderResult Result(Facility f, ChildminderProfile? profile, IReadOnlyDictionary<string, string> names, IReadOnlyList<Vacancy> availability) =>
        new(f.Id.Value, f.Name, f.Mode, ChildminderProfile.StreetForFamilies(f.Street, profile?.ShowFullAddress == true), f.PostalCode,
            names.GetValueOrDefault(f.CommuneCode, f.CommuneCode), f.Agrement, f.OpeningDays, f.OpensAt, f.ClosesAt, f.AtypicalHours,
            profile?.AtypicalHoursDetail, f.DisabilityInclusion, f.Languages, f.Description, availability);
}
