using Berceau.Domain.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Applications.Family;

/// <summary>
/// The family sends a pièce justificative (PDF, JPEG or PNG, checked by content) for its application. The request may carry
/// twice the file limit — a 6 MB file still gets the French « moins de 5 Mo » — and no more: the server cuts a bigger one
/// (413) before reading the form, instead of Kestrel's default of 30 MB buffered per request.
/// </summary>
[RequestSizeLimit(2 * Proofs.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * Proofs.MaxBytes)]
public sealed class ProofsModel(FamilyApplicationQueries queries, AddProof add) : PageModel
{
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";

    public IReadOnlyList<SelectListItem> Kinds { get; } =
        [.. Enum.GetValues<ProofKind>().Select(k => new SelectListItem(k.Label(), k.ToString()))];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await queries.FindMineAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        if (ApplicationStatuses.IsFinal(application.Status)) return Redirect(DetailsModel.PathOf(id));
        (Id, Reference) = (id, application.Reference);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var application = await queries.FindMineAsync(id, tracked: true, ct);
        if (application is null) return NotFound();
        ModelState.Clear();
        var outcome = await add.AddAsync(application, Kind, Upload, ct);
        if (outcome.IsSuccess)
        {
            TempData[DetailsModel.MessageKey] = "Votre pièce justificative est envoyée.";
            return Redirect(DetailsModel.PathOf(id));
        }
        foreach (var problem in outcome.Problems) ModelState.AddModelError(problem.Field, problem.Message);
        (Id, Reference) = (id, application.Reference);
        return Page();
    }
}
