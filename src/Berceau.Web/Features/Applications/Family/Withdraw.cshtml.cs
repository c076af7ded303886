using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Applications.Family;

/// <summary>The family withdraws its application (annulée), after a page that asks for confirmation.</summary>
public sealed class WithdrawModel(FamilyApplicationQueries queries, ChangeApplication change) : PageModel
{
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await queries.FindMineAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        if (!application.CanWithdraw) return Redirect(DetailsModel.PathOf(id));
        (Id, Reference, Version) = (id, application.Reference, application.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var application = await queries.FindMineAsync(id, tracked: true, ct);
        if (application is null) return NotFound();
        ModelState.Clear();
        var outcome = await change.WithdrawAsync(application, Version, Reason, ct);
        if (outcome.IsSuccess)
        {
            TempData[DetailsModel.MessageKey] = "Votre demande est retirée.";
            return Redirect(DetailsModel.PathOf(id));
        }
        foreach (var problem in outcome.Problems) ModelState.AddModelError(problem.Field, problem.Message);
        (Id, Reference) = (id, application.Reference);
        return Page();
    }
}
