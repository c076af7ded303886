using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Observatory;
using Berceau.Web.Features.Observatory.Indicators;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Observatory.Dashboard;

/// <summary>
/// /observatoire: the dashboard of a territory (département, EPT or commune) for a year: summary cards, each indicator
/// table with its chart and downloads, and the choropleth of the communes. Public, like every anonymous statistic. A
/// wrong parameter answers 400 with the form and a French message naming it; nothing else is shown.
/// </summary>
public sealed class IndexModel(BerceauDbContext db, CoverageQueries queries, IndicatorSnapshots snapshots) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Departement { get; set; }
    [BindProperty(SupportsGet = true)] public string? Ept { get; set; }
    [BindProperty(SupportsGet = true)] public string? Commune { get; set; }
    [BindProperty(SupportsGet = true)] public string? Annee { get; set; }
    [BindProperty(SupportsGet = true)] public string? Carte { get; set; }

    public DashboardSelection? Selection { get; private set; }
    public IReadOnlyList<IndicatorTable> Tables { get; private set; } = [];
    public IReadOnlyList<SummaryCard> Cards { get; private set; } = [];
    public ChoroplethMap? Map { get; private set; }

    /// <summary>The demand, supply and D214-2 indicators of the territory and year (those of GET /api/v1/indicateurs).</summary>
    public TerritoryIndicatorReport? Report => Served?.Report;

    /// <summary>The report as served from its snapshot: when it was computed, whether it is being refreshed.</summary>
    public ServedReport? Served { get; private set; }

    public List<SelectListItem> Departements { get; } = [];
    public List<SelectListItem> Epts { get; } = [];
    public List<SelectListItem> Communes { get; } = [];
    public List<SelectListItem> Years { get; } = [];
    public List<SelectListItem> Layers { get; } = [.. ChoroplethMap.Layers.Select(l => new SelectListItem(l.Value.Label, l.Key))];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await DashboardSelections.ResolveAsync(new DashboardQuery(Departement, Ept, Commune, Annee), db, queries, ct);
        var layer = string.IsNullOrWhiteSpace(Carte) ? ChoroplethMap.DefaultLayer : Carte.Trim().ToLowerInvariant();
        var problems = outcome.Problems.ToList();
        if (!ChoroplethMap.Layers.ContainsKey(layer))
            problems.Add(Problem.Of("obs-map-layer", "carte"));

        foreach (var d in await db.Departements.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct))
            Departements.Add(new SelectListItem($"{d.Code} – {d.Name}", d.Code));
        if (problems.Count > 0)
        {
            foreach (var p in problems)
                ModelState.AddModelError(char.ToUpperInvariant(p.Field[0]) + p.Field[1..], p.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            if (outcome.IsSuccess)
                FillLists(outcome.Value);
            return Page();
        }

        var s = Selection = outcome.Value;
        FillLists(s);
        Departement = s.Figures.Departement.Code;
        Ept = s.Kind == TerritoryKind.Ept ? s.Code : s.Kind == TerritoryKind.Commune ? null : Ept;
        Commune = s.Kind == TerritoryKind.Commune ? s.Code : null;
        Annee = s.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Carte = layer;
        Served = await snapshots.GetAsync(s.Code, s.Year, ct);
        s = Selection = await s.WithPressureAsync(snapshots, Report, ct);
        Tables = DashboardTables.For(s);
        Cards = DashboardTables.Cards(s);
        Map = ChoroplethMap.From(Tables.Single(t => t.Id == DashboardTables.Communes), layer);
        return Page();
    }

    private void FillLists(DashboardSelection s)
    {
        Epts.AddRange(s.Figures.Epts.Select(e => new SelectListItem(e.Name, e.Code)));
        Communes.AddRange(s.Figures.Communes.Select(c => new SelectListItem(c.Name, c.Code)));
        Years.AddRange(s.Figures.Years.Reverse().Select(y => new SelectListItem(DashboardTables.YearLabel(s, y), y.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>« calculés le 23 novembre 2026 à 10 h 05 » (Paris time).</summary>
    public string ComputedAtText => Served is null ? "" : ParisTime.Of(Served.ComputedAt).ToString("'le' d MMMM yyyy 'à' H 'h' mm", French);

    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The query of the current selection, for the export links.</summary>
    public string ExportQuery => Selection?.QueryString() ?? "";

    /// <summary>The commune codes of the territory shown, outlined on the map.</summary>
    public string Highlight => Selection is null || Selection.Kind == TerritoryKind.Departement ? "" : string.Join(",", Selection.Communes.Select(c => c.Code));
}
