using System.Text.Json;
using Berceau.Data;
using Berceau.Domain.Careers;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Training;

/// <summary>
/// The public training map (/formations): the published offers, filtered by diploma, route and commune, as a list (which says
/// everything) and a Leaflet map of the same offers (progressive enhancement, tiles from Map:TileUrl only when configured).
/// An unknown value in the address filters nothing.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(BerceauDbContext db, TimeProvider clock, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Diplome { get; set; }
    [BindProperty(SupportsGet = true)] public string? Voie { get; set; }
    [BindProperty(SupportsGet = true)] public string? Commune { get; set; }

    public IReadOnlyList<TrainingOffer> Offers { get; private set; } = [];
    public IReadOnlyDictionary<string, string> CommuneNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<SelectListItem> CommuneItems { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string? TileUrl { get; } = string.IsNullOrWhiteSpace(configuration["Map:TileUrl"]) ? null : configuration["Map:TileUrl"];
    public string? TileAttribution { get; } = string.IsNullOrWhiteSpace(configuration["Map:TileAttribution"]) ? null : configuration["Map:TileAttribution"];

    public static IReadOnlyList<SelectListItem> DiplomaItems { get; } = [.. TrainingLabels.Diplomas.Select(d => new SelectListItem(d.Label(), d.ToString()))];
    public static IReadOnlyList<SelectListItem> RouteItems { get; } = [.. TrainingLabels.Routes.Select(r => new SelectListItem(r.Label(), r.ToString()))];

    public bool Filtered => Diplome is not null || Voie is not null || Commune is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ParisTime.DayOf(clock.GetUtcNow());
        var codes = await db.TrainingOffers.AsNoTracking().Where(t => !t.Withdrawn).Select(t => t.CommuneCode).Distinct().ToListAsync(ct);
        var communes = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)).OrderBy(c => c.Name).Select(c => new { c.Code, c.Name }).ToListAsync(ct);
        CommuneNames = communes.ToDictionary(c => c.Code, c => c.Name);
        CommuneItems = [.. communes.Select(c => new SelectListItem(c.Name, c.Code))];
        Diploma? diploma = Enum.TryParse<Diploma>(Diplome, out var d) && Enum.IsDefined(d) ? d : null;
        if (diploma is null) Diplome = null;
        TrainingRoute? route = Enum.TryParse<TrainingRoute>(Voie, out var r) && Enum.IsDefined(r) ? r : null;
        if (route is null) Voie = null;
        if (Commune is not null && !CommuneNames.ContainsKey(Commune)) Commune = null;

        var query = db.TrainingOffers.AsNoTracking().Where(t => !t.Withdrawn);
        if (diploma is { } dd) query = query.Where(t => t.Diploma == dd);
        if (route is { } rr) query = query.Where(t => t.Route == rr);
        if (Commune is { } cc) query = query.Where(t => t.CommuneCode == cc);
        Offers = await query.OrderBy(t => t.Diploma).ThenBy(t => t.School).ThenBy(t => t.Id).ToListAsync(ct);
    }

    /// <summary>The offers as map points (the same as the list): where, what, and the anchor of the list item.</summary>
    public string PointsJson() => JsonSerializer.Serialize(Offers.Select(t => new
    {
        id = t.Id, lat = t.Latitude, lon = t.Longitude, school = t.School, label = t.Diploma.Label(), route = t.Route.Label(),
    }));

    /// <summary>Boundaries of the départements of the offers listed, drawn as the land under the markers.</summary>
    public string CommunesUrl() => "/carte/communes.geojson?" + string.Join("&",
        Offers.Select(t => Domain.Access.TerritoryScope.DepartementOf(t.CommuneCode)).Distinct().Order(StringComparer.Ordinal).Select(d => "departement=" + d));
}
