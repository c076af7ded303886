using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Portal;

/// <summary>
/// The public search: where, for which child, which kind of care. A GET form, so that the URL of the results is the link
/// to share. Every field is bound as text and checked here (French messages on the field, what was typed shown back).
/// Without a commune the page lists the communes instead of thousands of facilities.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(
    FacilitySearch search, BerceauDbContext db, PublicOfferCache cache, TimeProvider clock, IConfiguration configuration) : PageModel
{
    public const int PageSize = 20;

    /// <summary>Above this age a child goes to school: the offer listed here is for children under 6.</summary>
    public const int MaxAgeMonths = 72;

    [BindProperty(SupportsGet = true)]
    public string? Where { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? BirthDate { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? StartDate { get; set; }

    [BindProperty(SupportsGet = true)]
    public List<string> CollectiveModes { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public List<string> IndividualModes { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public List<string> Services { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public List<string> Reception { get; set; } = [];

    /// <summary>"places", "atypiques", "inclusif": the yes/no filters, as one group of checkboxes.</summary>
    [BindProperty(SupportsGet = true)]
    public List<string> Options { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? PageNumber { get; set; }

    public const string VacanciesOption = "places";
    public const string AtypicalOption = "atypiques";
    public const string InclusionOption = "inclusif";

    /// <summary>Results of a valid search; null on the start page and when a field is wrong.</summary>
    public FacilitySearchResult? Result { get; private set; }

    public int? ChildAgeMonths { get; private set; }
    public DateOnly? AgeOn { get; private set; }
    public IReadOnlyList<DepartementCommunes> StartCommunes { get; private set; } = [];
    public string? TileUrl { get; } = NullIfBlank(configuration["Map:TileUrl"]);
    public string? TileAttribution { get; } = NullIfBlank(configuration["Map:TileAttribution"]);

    public IEnumerable<SelectListItem> CollectiveItems => ModeItems(CareModes.IsCollective);
    public IEnumerable<SelectListItem> IndividualItems => ModeItems(CareModes.IsIndividual);
    public IEnumerable<SelectListItem> ServiceItems => ModeItems(CareModes.IsService);

    public IEnumerable<SelectListItem> ReceptionItems =>
        PortalText.ReceptionChoices.Select(r => new SelectListItem(r.Label, r.Value));

    public IEnumerable<SelectListItem> OptionItems =>
    [
        new("Places disponibles uniquement", VacanciesOption),
        new("Horaires atypiques (tôt le matin, tard le soir, week-end)", AtypicalOption),
        new("Accueil inclusif (enfants en situation de handicap)", InclusionOption),
    ];

    public bool IsSearch => Request.Query.ContainsKey(nameof(Where));

    public string MatchedCommuneNames => Result is null ? "" : string.Join(", ", Result.MatchedCommunes.Select(c => c.Name));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!IsSearch)
        {
            StartCommunes = await CommunesAsync(today, ct);
            return;
        }

        var (start, ageOn, age) = ReadChild(today);
        if (string.IsNullOrWhiteSpace(Where))
            AddError(Problem.Of("commune-required", nameof(Where)));

        _criteria = Criteria(start, age);
        FacilitySearchResult? result = null;
        if (!string.IsNullOrWhiteSpace(Where))
        {
            result = await search.SearchAsync(_criteria, ct);
            if (result.MatchedCommunes.Count == 0)
                AddError(Problem.Of("commune-unknown", nameof(Where)));
        }

        if (!ModelState.IsValid)
        {
            StartCommunes = await CommunesAsync(today, ct);
            return;
        }
        Result = result;
        ChildAgeMonths = age;
        AgeOn = age is null ? null : ageOn;
    }

    private FacilitySearchCriteria _criteria = new();

    private FacilitySearchCriteria Criteria(DateOnly? start, int? age) => new()
    {
        Where = Where?.Trim(),
        Modes = SelectedModes(),
        Reception = SelectedReception(),
        VacanciesOnly = Options.Contains(VacanciesOption),
        AtypicalHours = Options.Contains(AtypicalOption),
        DisabilityInclusion = Options.Contains(InclusionOption),
        ChildAgeMonths = age,
        StartDate = start,
        Page = int.TryParse(PageNumber, out var page) && page > 0 ? page : 1,
        PageSize = PageSize,
    };

    /// <summary>Reads the two dates; the age is taken on the start date (or today when it is past or not given).</summary>
    private (DateOnly? Start, DateOnly AgeOn, int? Age) ReadChild(DateOnly today)
    {
        DateOnly? birth = null, start = null;
        if (!string.IsNullOrWhiteSpace(BirthDate))
        {
            if (PortalInput.TryDate(BirthDate, out var b)) birth = b;
            else AddError(Problem.Of("portal-date-invalid", nameof(BirthDate), "La date de naissance", "15/03/2026"));
        }
        if (!string.IsNullOrWhiteSpace(StartDate))
        {
            if (PortalInput.TryDate(StartDate, out var s)) start = s;
            else AddError(Problem.Of("portal-date-invalid", nameof(StartDate), "La date de début", "01/09/2027"));
        }
        var on = start is { } d && d > today ? d : today;
        if (birth is null) return (start, on, null);

        var age = PortalInput.AgeInMonths(birth.Value, on);
        if (age < 0)
        {
            // A child still to be born with no start date given: nothing to filter on yet, nothing wrong either.
            if (start is not null) AddError(Problem.Of("start-before-birth", nameof(StartDate)));
            return (start, on, null);
        }
        if (age > MaxAgeMonths)
        {
            AddError(Problem.Of("child-too-old", nameof(BirthDate)));
            return (start, on, null);
        }
        return (start, on, age);
    }

    private IReadOnlyList<CareMode> SelectedModes() =>
        [.. CollectiveModes.Concat(IndividualModes).Concat(Services)
            .Select(code => CareModes.TryParse(code, out var mode) ? mode : (CareMode?)null)
            .OfType<CareMode>()
            .Distinct()];

    private ReceptionTypes SelectedReception() =>
        PortalText.ReceptionChoices.Where(r => Reception.Contains(r.Value)).Aggregate(ReceptionTypes.None, (all, r) => all | r.Type);

    /// <summary>
    /// The open-data API's GeoJSON for the same criteria (every result, not one page): the map shows what the list shows.
    /// </summary>
    public string GeoJsonUrl()
    {
        var criteria = _criteria;
        var query = new QueryBuilder { { "format", "geojson" } };
        if (!string.IsNullOrWhiteSpace(criteria.Where)) query.Add("commune", criteria.Where);
        if (criteria.Modes.Count > 0) query.Add("mode", string.Join(',', criteria.Modes.Select(m => m.Code())));
        if (criteria.ChildAgeMonths is { } age) query.Add("age", age.ToString(PortalText.French));
        if (criteria.Reception != ReceptionTypes.None)
            query.Add("accueil", string.Join(',', PortalText.ReceptionChoices.Where(r => criteria.Reception.HasFlag(r.Type)).Select(r => r.Value)));
        if (criteria.VacanciesOnly) query.Add("placesDisponibles", "true");
        if (criteria.StartDate is { } start) query.Add("debut", start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (criteria.AtypicalHours) query.Add("horairesAtypiques", "true");
        if (criteria.DisabilityInclusion) query.Add("handicap", "true");
        query.Add("parPage", FacilitySearch.MaxMapPageSize.ToString(PortalText.French));
        return "/api/v1/structures" + query.ToQueryString();
    }

    /// <summary>Boundaries of the départements of the communes found (their neighbours give the map its context).</summary>
    public string CommunesUrl()
    {
        var query = new QueryBuilder();
        foreach (var departement in Result?.MatchedCommunes.Select(c => c.DepartementCode).Distinct() ?? [])
            query.Add("departement", departement);
        return "/carte/communes.geojson" + query.ToQueryString();
    }

    /// <summary>Mode codes, labels and marker colours, for the map's markers and legend (one source for both).</summary>
    public static string MapLegendJson { get; } = System.Text.Json.JsonSerializer.Serialize(
        CareModes.All.Select(m => new { code = m.Code(), label = m.Label(), colour = PortalText.MapColour(m) }));

    public string HighlightedCommunes => string.Join(',', Result?.MatchedCommunes.Select(c => c.Code) ?? []);

    /// <summary>This page's URL with another page number: the pagination keeps every criterion.</summary>
    public string PageHrefTemplate()
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in Request.Query)
        {
            if (string.Equals(key, nameof(PageNumber), StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var value in values) query.Add(key, value ?? "");
        }
        query.Add(nameof(PageNumber), "{page}");
        return "/" + query.ToQueryString();
    }

    public static string SearchHref(string where) => "/?" + nameof(Where) + "=" + Uri.EscapeDataString(where);

    private sealed record StartCommunesKey(DateOnly Today);

    /// <summary>The communes offered on the home page, with their count of open places of care: the same for every visitor.</summary>
    private Task<IReadOnlyList<DepartementCommunes>> CommunesAsync(DateOnly today, CancellationToken ct) =>
        cache.GetOrLoadAsync(new StartCommunesKey(today), () => LoadCommunesAsync(today, ct));

    private async Task<IReadOnlyList<DepartementCommunes>> LoadCommunesAsync(DateOnly today, CancellationToken ct)
    {
        // One query: the communes and how many open places of care each has (a correlated count, no N+1).
        var communes = await db.Communes.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new
            {
                c.Code,
                c.Name,
                c.DepartementCode,
                Count = db.Facilities.Count(f => f.CommuneCode == c.Code && (f.ClosedOn == null || f.ClosedOn > today)),
            })
            .ToListAsync(ct);
        var names = await db.Departements.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return [.. communes
            .GroupBy(c => c.DepartementCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DepartementCommunes(
                g.Key, names.GetValueOrDefault(g.Key, g.Key),
                [.. g.Select(c => new CommuneLink(c.Name, SearchHref(c.Name), c.Count))]))];
    }

    private IEnumerable<SelectListItem> ModeItems(Func<CareMode, bool> family) =>
        CareModes.All.Where(family).Select(m => new SelectListItem(m.Label(), m.Code()));

    private void AddError(Problem problem) => ModelState.AddModelError(problem.Field, problem.Message);

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

public sealed record DepartementCommunes(string Code, string Name, IReadOnlyList<CommuneLink> Communes);

public sealed record CommuneLink(string Name, string Href, int Facilities);
