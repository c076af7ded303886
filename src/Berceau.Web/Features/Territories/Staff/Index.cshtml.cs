using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Territories.Staff;

public sealed record CommuneSectors(CommuneChoice Commune, IReadOnlyList<SectorRow> Sectors);

/// <summary>The sectors of the communes the user may draw, with the number of facilities in each; filter by commune.</summary>
public sealed class IndexModel(SectorAccess access, SectorQueries queries) : PageModel
{
    public IReadOnlyList<CommuneChoice> Communes { get; private set; } = [];
    public string? Commune { get; private set; }
    public IReadOnlyList<CommuneSectors> Groups { get; private set; } = [];
    public string? Message { get; private set; }

    public IEnumerable<SelectListItem> CommuneItems => Communes.Select(c => new SelectListItem($"{c.Name} ({c.Code})", c.Code));

    public string NewHref => Commune is null && Communes.Count > 1 ? "/pro/secteurs/nouveau" : "/pro/secteurs/nouveau?commune=" + (Commune ?? Communes[0].Code);

    public async Task<IActionResult> OnGetAsync([FromQuery] string? commune, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        Communes = await queries.CommunesAsync(scope, ct);
        if (Communes.Count == 0)
        {
            return Forbid();
        }
        Commune = string.IsNullOrWhiteSpace(commune) ? null : commune.Trim();
        var shown = Commune is null ? Communes : [.. Communes.Where(c => c.Code == Commune)];
        if (shown.Count == 0)
        {
            // Someone else's commune, or none at all: the same answer, so that codes cannot be probed.
            return Forbid();
        }
        var rows = await queries.ListAsync([.. shown.Select(c => c.Code)], ct);
        var byCommune = rows.ToLookup(r => r.CommuneCode);
        // One commune asked for (or the only one): shown even without sectors, so that the page says so.
        Groups = [.. shown
            .Where(c => shown.Count == 1 || byCommune[c.Code].Any())
            .Select(c => new CommuneSectors(c, [.. byCommune[c.Code]]))];
        Message = TempData[SectorForm.MessageKey] as string;
        return Page();
    }
}
