using Berceau.Domain.Staffing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Jobs;

/// <summary>One offer as candidates read it; a closed or expired offer is not found.</summary>
[AllowAnonymous]
public sealed class DetailsModel(JobQueries queries) : PageModel
{
    public JobPosting Job { get; private set; } = null!;
    public string CommuneName { get; private set; } = "";
    public DateOnly Today => queries.Today;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var job = await queries.VisibleAsync(id, ct);
        if (job is null) return NotFound();
        Job = job;
        CommuneName = (await queries.CommuneNamesAsync([job.CommuneCode], ct)).GetValueOrDefault(job.CommuneCode, job.CommuneCode);
        return Page();
    }
}
