using Berceau.Web.Features.Territories;
using Berceau.Web.Features.Territories.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Grid.Staff;

/// <summary>The communes whose grid the user may publish; with only one, straight to it.</summary>
public sealed class IndexModel(SectorAccess access, SectorQueries communes) : PageModel
{
    public IReadOnlyList<CommuneChoice> Communes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Communes = await communes.CommunesAsync(await access.ScopeAsync(ct), ct);
        return Communes.Count switch
        {
            0 => Forbid(),
            1 => Redirect($"/pro/grilles/{Communes[0].Code}"),
            _ => Page(),
        };
    }
}
