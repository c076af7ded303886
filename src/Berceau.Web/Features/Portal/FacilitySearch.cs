using Berceau.Data;
using Berceau.Domain.Offer;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Portal;

/// <summary>What a parent asks: where (commune name, INSEE code or postcode), for which child, and which kind of care.</summary>
public sealed record FacilitySearchCriteria
{
    public string? Where { get; init; }
    public string? Departement { get; init; }
    public IReadOnlyList<CareMode> Modes { get; init; } = [];
    public ReceptionTypes Reception { get; init; } = ReceptionTypes.None;
    public bool VacanciesOnly { get; init; }
    public bool AtypicalHours { get; init; }
    public bool DisabilityInclusion { get; init; }
    /// <summary>Age of the child in months at the start date; filters by section or agrément ages.</summary>
    public int? ChildAgeMonths { get; init; }
    public DateOnly? StartDate { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

public sealed record FacilitySummary(
    Guid Id,
    string Name,
    CareMode Mode,
    ManagerType ManagerType,
    string CommuneCode,
    string CommuneName,
    string Street,
    string PostalCode,
    double Latitude,
    double Longitude,
    bool IsPsu,
    int Capacity,
    int FreePlaces,
    bool AtypicalHours,
    bool DisabilityInclusion,
    ReceptionTypes ReceptionTypes,
    bool IsDemo,
    /// <summary>Places gelées faute de personnel on the search day: <see cref="Capacity"/> less these are the places ouvertes.</summary>
    int FrozenPlaces = 0)
{
    public int OpenPlaces => Math.Max(0, Capacity - FrozenPlaces);
}

public sealed record FacilitySearchResult(
    IReadOnlyList<FacilitySummary> Items,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<Commune> MatchedCommunes)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>
/// The public search of the offer, shared by the portal and the open-data API so both always answer the same.
/// Only open facilities are listed; vacancies count when declared in the last 2 months.
/// </summary>
public sealed class FacilitySearch(BerceauDbContext db, CommuneDirectory communes, PublicOfferCache cache, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public async Task<IReadOnlyList<Commune>> ResolveWhereAsync(string? where, string? departement, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(where)) return [];
        var all = (await communes.AllAsync(ct))
            .Where(c => string.IsNullOrWhiteSpace(departement) || c.Commune.DepartementCode == departement)
            .ToList();
        var text = where.Trim();
        if (text.Length == 5 && text.All(char.IsAsciiDigit) || text.Length == 5 && text[..2] is "2A" or "2B")
        {
            // An INSEE code or a postcode: both are five characters.
            var byCode = all.Where(c => c.Commune.Code == text || c.PostalCodes.Contains(text)).Select(c => c.Commune).ToList();
            if (byCode.Count > 0) return byCode;
        }
        var normalised = Normalise(text);
        var exact = all.Where(c => c.NormalisedName == normalised).ToList();
        var matches = exact.Count > 0 ? exact : all.Where(c => c.NormalisedName.Contains(normalised)).ToList();
        if (matches.Count == 0)
        {
            // An address typed in full ("12 rue X, 93200 Saint-Denis"): keep the commune or postcode it contains.
            matches = all.Where(c => normalised.Contains(c.NormalisedName)).OrderByDescending(c => c.Commune.Name.Length).Take(1).ToList();
            var postcode = System.Text.RegularExpressions.Regex.Match(text, @"\b\d{5}\b");
            // Only when the postcode is part of a longer text: a lone unknown code would recurse for ever.
            if (matches.Count == 0 && postcode.Success && postcode.Value != text)
                return await ResolveWhereAsync(postcode.Value, departement, ct);
        }
        return matches.Select(c => c.Commune).ToList();
    }

    /// <summary>Largest page a map may ask for (GeoJSON of the open-data API): a whole commune in one request.</summary>
    public const int MaxMapPageSize = 5000;

    public Task<FacilitySearchResult> SearchAsync(FacilitySearchCriteria criteria, CancellationToken ct = default) =>
        SearchAsync(criteria, MaxPageSize, ct);

    /// <summary>The same search with a larger page allowed (up to <see cref="MaxMapPageSize"/>), for maps.</summary>
    public async Task<FacilitySearchResult> SearchAsync(FacilitySearchCriteria criteria, int maxPageSize, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var freshSince = Vacancy.FreshSince(now);
        var day = criteria.StartDate is { } start && start > today ? start : today;
        var pageSize = Math.Clamp(criteria.PageSize, 1, Math.Clamp(maxPageSize, 1, MaxMapPageSize));
        var page = Math.Max(1, criteria.Page);
        var key = new SearchKey(criteria.Where, criteria.Departement, string.Join(',', criteria.Modes.Select(m => (int)m).Order()),
            criteria.Reception, criteria.VacanciesOnly, criteria.AtypicalHours, criteria.DisabilityInclusion, criteria.ChildAgeMonths,
            today, day, page, pageSize);
        return await cache.GetOrLoadAsync(key, () => LoadAsync(criteria, today, freshSince, day, page, pageSize, ct));
    }

    /// <summary>Every input of a search's answer: the cache key.</summary>
    private readonly record struct SearchKey(
        string? Where, string? Departement, string Modes, ReceptionTypes Reception, bool VacanciesOnly, bool AtypicalHours,
        bool DisabilityInclusion, int? ChildAgeMonths, DateOnly Today, DateOnly Day, int Page, int PageSize);

    private async Task<FacilitySearchResult> LoadAsync(
        FacilitySearchCriteria criteria, DateOnly today, DateTimeOffset freshSince, DateOnly day, int page, int pageSize, CancellationToken ct)
    {

        var matched = await ResolveWhereAsync(criteria.Where, criteria.Departement, ct);
        var query = db.Facilities.AsNoTracking().Where(f => f.ClosedOn == null || f.ClosedOn > today);
        if (!string.IsNullOrWhiteSpace(criteria.Where))
        {
            var codes = matched.Select(c => c.Code).ToList();
            // One commune is the usual case (and the open-data API's hot path): EF executes an equality noticeably
            // faster than a list parameter (about a fifth of the page query's cost, measured on SQLite).
            if (codes.Count == 1)
            {
                var code = codes[0];
                query = query.Where(f => f.CommuneCode == code);
            }
            else
            {
                query = query.Where(f => codes.Contains(f.CommuneCode));
            }
        }
        else if (!string.IsNullOrWhiteSpace(criteria.Departement))
        {
            query = query.Where(f => f.CommuneCode.StartsWith(criteria.Departement));
        }
        if (criteria.Modes.Count > 0)
        {
            var modes = criteria.Modes.ToList();
            query = query.Where(f => modes.Contains(f.Mode));
        }
        if (criteria.Reception != ReceptionTypes.None)
        {
            var wanted = criteria.Reception;
            query = query.Where(f => (f.ReceptionTypes & wanted) == wanted);
        }
        if (criteria.AtypicalHours) query = query.Where(f => f.AtypicalHours);
        if (criteria.DisabilityInclusion) query = query.Where(f => f.DisabilityInclusion);
        if (criteria.ChildAgeMonths is { } age)
        {
            query = query.Where(f =>
                f.Sections.Any(s => s.MinAgeMonths <= age && s.MaxAgeMonths >= age)
                || (f.Agrement != null && f.Agrement.MinAgeMonths <= age && f.Agrement.MaxAgeMonths >= age));
        }
        if (criteria.VacanciesOnly)
        {
            var vacancyAge = criteria.ChildAgeMonths;
            query = query.Where(f => f.Vacancies.Any(v => v.Places > 0 && v.DeclaredAt >= freshSince && v.From <= day
                && (vacancyAge == null || (v.MinAgeMonths <= vacancyAge && v.MaxAgeMonths >= vacancyAge))));
        }

        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(f => f.Mode == CareMode.Rpe || f.Mode == CareMode.Laep)
            .ThenBy(f => f.Name).ThenBy(f => f.Id)
            // In long arithmetic: a page number typed by hand (?page=999999999) must give an empty page, not an overflow.
            .Skip((int)Math.Min((long)(page - 1) * pageSize, int.MaxValue)).Take(pageSize)
            .Join(db.Communes, f => f.CommuneCode, c => c.Code, (f, c) => new FacilitySummary(
                f.Id.Value, f.Name, f.Mode, f.ManagerType, f.CommuneCode, c.Name, f.Street, f.PostalCode,
                f.Latitude, f.Longitude, f.IsPsu,
                f.Sections.Any() ? f.Sections.Sum(s => s.Places) : f.Agrement != null ? f.Agrement.Children : 0,
                f.Vacancies.Where(v => v.Places > 0 && v.DeclaredAt >= freshSince && v.From <= day).Sum(v => (int?)v.Places) ?? 0,
                f.AtypicalHours, f.DisabilityInclusion, f.ReceptionTypes, f.IsDemo,
                // Places gelées faute de personnel that day (docs/staffing.md); a section never freezes more than it holds.
                db.PlaceFreezes.Where(p => p.FacilityId == f.Id && p.From <= day && (p.To == null || p.To >= day)).Sum(p => (int?)p.Places) ?? 0))
            .ToListAsync(ct);
        return new FacilitySearchResult(items, total, page, pageSize, matched);
    }

    /// <summary>Lower-case, no accents, hyphens and apostrophes as spaces: "L'Île-Saint-Denis" matches "ile saint denis".</summary>
    public static string Normalise(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var category = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            builder.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
