using Berceau.Domain.Offer;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Offer.Staff;

/// <summary>The facilities of the user's territory (a director: their own), filtered and paged.</summary>
public sealed class IndexModel(CurrentStaff staff, FacilityQueries queries) : PageModel
{
    public string? Commune { get; private set; }
    public string? Mode { get; private set; }
    public string? Etat { get; private set; }
    public string? Q { get; private set; }
    public FacilityList List { get; private set; } = null!;
    public bool CanCreate { get; private set; }
    public DateOnly Today => queries.Today;

    public IReadOnlyList<SelectListItem> Modes { get; } =
        [.. CareModes.All.Select(m => new SelectListItem(m.Label(), m.Code()))];

    public IReadOnlyList<SelectListItem> States { get; } =
        [new("Ouvertes", FacilityStates.Open), new("Fermées", FacilityStates.Closed)];

    // "page" is also Razor Pages' own route value: the page number is read from the query string only.
    public async Task<IActionResult> OnGetAsync(
        [FromQuery] string? commune, [FromQuery] string? mode, [FromQuery] string? etat, [FromQuery] string? q,
        [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        if (user.Scope.IsEmpty)
        {
            return Forbid();
        }
        (Commune, Mode, Etat, Q) = (commune, mode, etat, q);
        CanCreate = FacilityAccess.CanCreate(user);
        List = await queries.ListAsync(user.Scope, new FacilityListFilter(commune, mode, etat, q, pageNumber ?? 1), ct);
        return Page();
    }

    /// <summary>The current filters with a page number placeholder, for the pagination links.</summary>
    public string PageHref()
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["commune"] = Commune,
            ["mode"] = Mode,
            ["etat"] = Etat,
            ["q"] = Q,
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
        return "/pro/structures" + query.Add("page", "{page}").ToUriComponent();
    }
}
