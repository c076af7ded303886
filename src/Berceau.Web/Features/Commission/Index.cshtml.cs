using Berceau.Domain.Commission;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Commission;

/// <summary>The sessions the staff member may see: of their territory, including their crèche, or where they sit.</summary>
public sealed class IndexModel(CommissionAccess access, CommissionQueries queries) : PageModel
{
    public IReadOnlyList<CommissionSession> Sessions { get; private set; } = [];
    public IReadOnlyDictionary<string, string> CommuneNames { get; private set; } = new Dictionary<string, string>();
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Sessions = await access.VisibleSessionsAsync(ct);
        CommuneNames = await queries.CommuneNamesAsync(Sessions.Select(s => s.CommuneCode), ct);
        CanCreate = (await access.PreparableCommunesAsync(ct)).Count > 0;
        return Page();
    }
}
