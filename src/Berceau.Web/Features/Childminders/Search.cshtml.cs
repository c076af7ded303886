using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Portal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Childminders;

/// <summary>
/// Families look for an assistant·e maternel·le or a MAM near home: commune, child's age, days, atypical hours; the
/// declared free places are shown. Public; writing to a childminder needs a family account.
/// </summary>
[AllowAnonymous]
public sealed class SearchModel(FacilitySearch places, ChildminderSearch search, TimeProvider clock, IConfiguration configuration) : PageModel
{
    public const string Path = "/assistants-maternels";

    [BindProperty(SupportsGet = true)] public string? Where { get; set; }
    [BindProperty(SupportsGet = true)] public string? Age { get; set; }
    [BindProperty(SupportsGet = true)] public List<string> Days { get; set; } = [];
    [BindProperty(SupportsGet = true)] public bool Atypical { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public ChildminderSearchResult? Result { get; private set; }
    public string? CommuneNames { get; private set; }

    public string? TileUrl => string.IsNullOrWhiteSpace(configuration["Map:TileUrl"]) ? null : configuration["Map:TileUrl"];
    public string? TileAttribution => string.IsNullOrWhiteSpace(configuration["Map:TileAttribution"]) ? null : configuration["Map:TileAttribution"];
    public IReadOnlyList<string> MatchedCommunes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Where) && string.IsNullOrWhiteSpace(Age)) return Page();
        if (await CriteriaAsync(ct) is not { } criteria) return Page();
        Result = await search.SearchAsync(criteria, ct);
        return Page();
    }

    /// <summary>
    /// The same search as GeoJSON for the map (every result, positions rounded to about 1 km): the map shows what the list
    /// shows, and the list stays the accessible way to read it.
    /// </summary>
    public async Task<IActionResult> OnGetMapAsync(CancellationToken ct)
    {
        if (await CriteriaAsync(ct) is not { } criteria) return BadRequest();
        var points = await search.MapAsync(criteria, ct);
        return new JsonResult(new
        {
            type = "FeatureCollection",
            features = points.Select(p => new
            {
                type = "Feature",
                id = p.Id,
                geometry = new { type = "Point", coordinates = new[] { p.Longitude, p.Latitude } },
                properties = new { id = p.Id, nom = p.Name, mode = p.Mode.Code(), placesDisponibles = p.Places },
            }),
        }) { ContentType = "application/geo+json" };
    }

    /// <summary>The map's data: this page's criteria with the Map handler.</summary>
    public string MapUrl() => PageHref().Replace("p={page}", "handler=Map", StringComparison.Ordinal);

    public string CommunesUrl() => "/carte/communes.geojson?" + string.Join("&", MatchedCommunes.Select(TerritoryScopeDepartement).Distinct().Select(d => "departement=" + d));

    private static string TerritoryScopeDepartement(string commune) => Domain.Access.TerritoryScope.DepartementOf(commune);

    private async Task<ChildminderSearchCriteria?> CriteriaAsync(CancellationToken ct)
    {
        var read = new InputReader();
        var communes = await places.ResolveWhereAsync(Where, null, ct);
        if (string.IsNullOrWhiteSpace(Where)) read.Add("required", nameof(Where));
        else if (communes.Count == 0) read.Add("unknown-commune", nameof(Where), Where.Trim());
        var age = read.Integer(Age, nameof(Age), 0, ContactRequests.MaxAgeMonths);
        var days = read.Days(Days, nameof(Days));
        foreach (var problem in read.Problems) ModelState.AddModelError(problem.Field, problem.Message);
        if (read.Problems.Count > 0) return null;
        CommuneNames = string.Join(", ", communes.Select(c => c.Name));
        MatchedCommunes = [.. communes.Select(c => c.Code)];
        return new ChildminderSearchCriteria(MatchedCommunes, age, days, Atypical, PageNumber);
    }

    public string PageHref() =>
        Path + "?" + string.Join("&", new[] { ("Where", Where), ("Age", Age), ("Atypical", Atypical ? "true" : null) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}")
            .Concat(Days.Select(d => $"Days={Uri.EscapeDataString(d)}")).Append("p={page}"));

    public string Availability(Vacancy v) => ChildminderText.Availability(v, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
}
