using Berceau.Domain.Staffing;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.Jobs.Staff;

/// <summary>Correcting an offer (version-checked), or closing it when the job is filled.</summary>
public sealed class EditModel(JobForms forms, JobQueries queries) : JobFormPage
{
    public const string MessageKey = "Jobs.Message";

    public JobPosting Job { get; private set; } = null!;
    public DateOnly Today => queries.Today;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: false, ct) is { } denied) return denied;
        Input = JobInput.From(Job);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: true, ct) is { } denied) return denied;
        ModelState.Clear();
        var problems = await forms.UpdateAsync(Job, Choices, Input, ct);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Input));
            return Page();
        }
        TempData[MessageKey] = "L’offre d’emploi a été modifiée.";
        return Redirect(JobsFeature.StaffPath);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, int version, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: true, ct) is { } denied) return denied;
        ModelState.Clear();
        var problems = await forms.CloseAsync(Job, version, ct);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Input));
            Input = JobInput.From(Job);
            return Page();
        }
        TempData[MessageKey] = "L’offre d’emploi est close : elle n’apparaît plus sur le site.";
        return Redirect(JobsFeature.StaffPath);
    }

    /// <summary>404 for an offer the gestionnaire does not manage (as for one that does not exist), 403 for who may not post at all.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        if (await forms.PosterAsync(ct) is not { } poster) return Forbid();
        if (await forms.FindAsync(id, tracked, ct) is not { } job) return NotFound();
        (Job, Choices) = (job, poster.Choices);
        return null;
    }
}
