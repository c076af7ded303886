using Berceau.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Difficulty.Staff;

/// <summary>
/// The alert list (/pro/structures-en-difficulte): the crèches and MAM of the advisor's territory with at least one alert, each
/// alert with its cause, and the accompaniment in progress. Filters: commune, and « toutes les structures » (with those without
/// alert, to record a signal or open an accompaniment at a structure's request). Each read is audited.
/// </summary>
public sealed class IndexModel(DifficultyQueries queries, DifficultyActions actions, BerceauDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Commune { get; set; }
    [BindProperty(SupportsGet = true)] public bool Toutes { get; set; }

    public IReadOnlyList<StructureStatus> Rows { get; private set; } = [];
    public IReadOnlyList<SelectListItem> CommuneItems { get; private set; } = [];
    public Domain.Difficulty.DifficultyThresholds Thresholds => queries.Thresholds;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var codes = await queries.CommunesAsync(ct);
        CommuneItems = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)).OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Code)).ToListAsync(ct);
        if (Commune is not null && !codes.Contains(Commune))
            ModelState.AddModelError(nameof(Commune), Domain.Common.Messages.Get("followup-filter-commune"));
        var all = await queries.StructuresAsync(ModelState.IsValid ? Commune : null, ct);
        Rows = Toutes ? all : [.. all.Where(s => s.Assessment.InDifficulty).OrderByDescending(s => s.Assessment.Alerts.Count).ThenBy(s => s.Name)];
        await actions.RecordReadAsync(DifficultyAudit.ListRead, DifficultyAudit.StructureType, null,
            $"{Rows.Count} structures{(Toutes ? " (toutes)" : " en alerte")}{(Commune is null ? "" : ", commune " + Commune)}", ct);
    }
}
