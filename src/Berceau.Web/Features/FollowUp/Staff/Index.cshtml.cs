using Berceau.Domain.FollowUp;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.FollowUp.Staff;

/// <summary>
/// The worklist of the families without solution (/pro/suivi): open cases of the agent's communes with their age, origin, the
/// child's age, the wanted start and the next action; filters (commune, origin, overdue, closed) and sorts in the query string.
/// </summary>
public sealed class IndexModel(FollowUpWorklist worklist, AuditLog audit, Berceau.Data.BerceauDbContext db, TimeProvider clock) : PageModel
{
    public static IReadOnlyList<(WorklistSort Sort, string Value, string Label)> Sorts { get; } =
    [
        (WorklistSort.Oldest, "anciennete", "Les plus anciens d’abord"), (WorklistSort.NextDue, "echeance", "Prochaine action la plus proche"),
        (WorklistSort.Start, "entree", "Entrée souhaitée la plus proche"),
    ];

    [BindProperty(SupportsGet = true)] public string? Commune { get; set; }
    [BindProperty(SupportsGet = true)] public string? Origine { get; set; }
    [BindProperty(SupportsGet = true)] public bool EnRetard { get; set; }
    [BindProperty(SupportsGet = true)] public bool Clos { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tri { get; set; }

    public WorklistPage List { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> CommuneItems { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public static IReadOnlyList<SelectListItem> OriginItems { get; } = [.. Enum.GetValues<FollowUpOrigin>().Select(o => new SelectListItem(o.Label(), o.ToString()))];
    public static IReadOnlyList<SelectListItem> SortItems { get; } = [.. Sorts.Select(s => new SelectListItem(s.Label, s.Value))];

    // "page" is also Razor Pages' own route value: the page number is read from the query string only.
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        var communes = await worklist.CommunesAsync(ct);
        CommuneItems = [.. communes.Select(c => new SelectListItem(c.Name, c.Code))];
        if (Commune is not null && !communes.Any(c => c.Code == Commune))
            ModelState.AddModelError(nameof(Commune), Domain.Common.Messages.Get("followup-filter-commune"));
        FollowUpOrigin? origin = Enum.TryParse<FollowUpOrigin>(Origine, out var o) && Enum.IsDefined(o) ? o : null;
        var sort = Sorts.FirstOrDefault(s => s.Value == Tri) is { Value: not null } chosen ? chosen.Sort : WorklistSort.Oldest;
        var commune = ModelState.IsValid ? Commune : null;
        List = await worklist.ListAsync(new WorklistFilter(commune, origin, EnRetard, Clos, sort, pageNumber ?? 1), ct);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        audit.Record(FollowUpAudit.ListRead, FollowUpAudit.EntityType, null, $"{List.Total} suivis, page {List.Page}");
        await db.SaveChangesAsync(ct);
    }

    public string PageHref()
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["Commune"] = Commune, ["Origine"] = Origine, ["EnRetard"] = EnRetard ? "true" : null, ["Clos"] = Clos ? "true" : null, ["Tri"] = Tri,
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
        return FollowUpFeature.WorklistPath + query.Add("page", "{page}").ToUriComponent().Replace("%7Bpage%7D", "{page}", StringComparison.Ordinal);
    }
}
