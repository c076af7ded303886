using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Applications.Family;

/// <summary>The family's applications, newest first, each with its status and what comes next.</summary>
public sealed class IndexModel(FamilyApplicationQueries queries) : PageModel
{
    public IReadOnlyList<ApplicationSummary> Applications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Applications = await queries.MineAsync(ct);
}
