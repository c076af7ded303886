using Berceau.Domain.Staffing;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.Jobs.Staff;

/// <summary>The gestionnaire's list: the offers they manage, online, expired or closed.</summary>
public sealed class IndexModel(JobForms forms, JobQueries queries) : JobFormPage
{
    public IReadOnlyList<JobPosting> Jobs { get; private set; } = [];
    public IReadOnlyDictionary<string, string> CommuneNames { get; private set; } = new Dictionary<string, string>();
    public DateOnly Today => queries.Today;
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await forms.PosterAsync(ct) is not { } poster) return Forbid();
        Jobs = await queries.ManagedAsync(poster.User.Scope, poster.User.ManagesTerritory, ct);
        CommuneNames = await queries.CommuneNamesAsync(Jobs.Select(j => j.CommuneCode), ct);
        Message = TempData[EditModel.MessageKey] as string;
        return Page();
    }
}
