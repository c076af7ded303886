using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>
/// One proof: the agent downloads it (written to the access log) and accepts it, or rejects it with a reason the family
/// reads next to the proof asked again.
/// </summary>
public sealed class ProofModel(CaseworkAccess access, CaseworkActions actions, BerceauDbContext db) : PageModel
{
    [BindProperty]
    public ReviewInput Review { get; set; } = new();

    public Application Application { get; private set; } = null!;
    public StaffDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        var application = await access.FindAsync(id, tracked: false, ct);
        if (application is null || !await ShowAsync(application, documentId, ct)) return NotFound();
        Review = new ReviewInput { Version = application.Version, DocumentId = documentId };
        return Page();
    }

    /// <summary>As an attachment with the type found at upload and nosniff: a file is never rendered as something else.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        var application = await access.FindAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        var document = await db.ApplicationDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.ApplicationId == application.Id, ct);
        if (document is null) return NotFound();
        await access.RecordReadAsync(application, ApplicationAccessKind.ProofDownloaded, document.Id.ToString(), ct);
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(document.Content, document.ContentType, document.FileName);
    }

    public Task<IActionResult> OnPostValidateAsync(Guid id, Guid documentId, CancellationToken ct) => ReviewAsync(id, documentId, valid: true, ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, Guid documentId, CancellationToken ct) => ReviewAsync(id, documentId, valid: false, ct);

    private async Task<IActionResult> ReviewAsync(Guid id, Guid documentId, bool valid, CancellationToken ct)
    {
        var application = await access.FindAsync(id, tracked: true, ct);
        if (application is null) return NotFound();
        ModelState.Clear();
        // The document comes from the route, never from the form: the form cannot point at another application's file.
        Review.DocumentId = documentId;
        var outcome = await actions.ReviewAsync(application, Review, valid, ct);
        if (outcome.IsSuccess)
        {
            TempData[DetailsModel.MessageKey] = valid ? "La pièce est acceptée." : "La pièce est refusée : la famille voit le motif et peut en envoyer une autre.";
            return Redirect(DetailsModel.PathOf(id));
        }
        if (outcome.Problems.Any(p => p.Code == "not-found")) return NotFound();
        ModelState.AddProblems(outcome.Problems, nameof(Review));
        await ShowAsync(application, documentId, ct);
        return Page();
    }

    private async Task<bool> ShowAsync(Application application, Guid documentId, CancellationToken ct)
    {
        var document = await db.ApplicationDocuments.AsNoTracking().Where(d => d.Id == documentId && d.ApplicationId == application.Id)
            .Select(d => new StaffDocument(d.Id, d.Kind, d.FileName, d.Size, d.UploadedAt, d.Review, d.RejectionReason)).FirstOrDefaultAsync(ct);
        if (document is null) return false;
        (Application, Document) = (application, document);
        return true;
    }
}
