using Berceau.Domain.Applications;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Applications.Family;

/// <summary>
/// The family follows its application: status and next step, confirmation when due, wishes, proofs (given and missing),
/// the timeline of every event, and its data as JSON and as a PDF summary.
/// </summary>
public sealed class DetailsModel(FamilyApplicationQueries queries, ApplicationFileQueries file, ChangeApplication change, AuditLog audit, Berceau.Data.BerceauDbContext db,
    ApplicationSummaryPdf summary, Erasures erasures, ApplicationScores scores, NextCommissions commissions) : PageModel
{
    public const string MessageKey = "demande-message";
    public const string SubmittedMessage = "Votre demande est déposée. Le guichet de votre commune va l’étudier.";
    public const string DraftMessage = "Votre brouillon est enregistré. Il n’est pas transmis au guichet tant que vous ne l’avez pas déposé.";

    public Application Application { get; private set; } = null!;
    public string CommuneName { get; private set; } = "";
    public string? SectorName { get; private set; }
    public IReadOnlyDictionary<FacilityId, string> FacilityNames { get; private set; } = new Dictionary<FacilityId, string>();
    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];
    public IReadOnlyList<ProofKind> MissingProofs { get; private set; } = [];
    public IReadOnlyList<AccessSummary> Accesses { get; private set; } = [];
    public IReadOnlyList<TimelineItem> Timeline { get; private set; } = [];
    public ConfirmationStep? Step { get; private set; }
    /// <summary>Its points under the grid in force, per wish; null once the application is over (final) or erased.</summary>
    public ApplicationScoreView? Scores { get; private set; }
    /// <summary>The commune's next commission, while the application waits for a place; null otherwise or when none is called.</summary>
    public NextCommission? NextCommission { get; private set; }
    /// <summary>The family's last erasure request, pending or answered, if it made one.</summary>
    public ErasureRequest? Erasure { get; private set; }

    [TempData(Key = MessageKey)]
    public string? Message { get; set; }

    public static string PathOf(Guid id) => $"/famille/demandes/{id}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await queries.FindMineAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        await LoadAsync(application, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, int version, CancellationToken ct)
    {
        var application = await queries.FindMineAsync(id, tracked: true, ct);
        if (application is null) return NotFound();
        var outcome = await change.ConfirmAsync(application, version, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, "");
            await LoadAsync(application, ct);
            return Page();
        }
        Message = $"Votre demande est confirmée. Prochaine confirmation à partir du {OfferDisplay.Date(application.ConfirmationDueOn)}.";
        return Redirect(PathOf(id));
    }

    /// <summary>Everything the application holds about the family, as JSON (the proofs are listed, their content is downloaded one by one).</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        var application = await queries.FindMineAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        var documents = await file.DocumentsAsync(id, ct);
        var names = await file.FacilityNamesAsync(GridAnswersDisplay.FacilityIds(application), ct);
        audit.Record(ApplicationAudit.Exported, ApplicationAudit.EntityType, application.Id.ToString());
        await db.SaveChangesAsync(ct);
        var json = ApplicationExport.ToJson(application, queries.UserId, documents, names, await queries.AccessesAsync(id, ct));
        return File(json, "application/json; charset=utf-8", $"{application.Reference}.json");
    }

    /// <summary>The same application as a readable PDF (to print, to keep, to show at the counter); audited like the JSON.</summary>
    public async Task<IActionResult> OnGetSummaryAsync(Guid id, CancellationToken ct)
    {
        var application = await queries.FindMineAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        var pdf = await summary.BuildAsync(application, ct);
        audit.Record(ApplicationAudit.Exported, ApplicationAudit.EntityType, application.Id.ToString(), ApplicationAudit.SummaryFormat);
        await db.SaveChangesAsync(ct);
        return File(pdf, "application/pdf", ApplicationSummaryPdf.FileName(application));
    }

    public bool ShowsWishes => Application.Wishes.Count > 0;

    /// <summary>Why the guichet refused the last proof of this kind, when it did: shown next to the proof asked again.</summary>
    public string? RejectionOf(ProofKind kind) =>
        Documents.LastOrDefault(d => d.Kind == kind) is { Review: ProofReview.Rejected } d ? d.RejectionReason : null;

    public string WishName(Wish wish) => wish.FacilityId is { } id
        ? FacilityNames.TryGetValue(id, out var name) ? name : "Crèche qui n’existe plus"
        : "Toute crèche de mon secteur";

    private async Task LoadAsync(Application application, CancellationToken ct)
    {
        Application = application;
        CommuneName = await file.CommuneNameAsync(application.CommuneCode, ct);
        SectorName = await file.SectorNameAsync(application.SectorId, ct);
        FacilityNames = await file.FacilityNamesAsync(GridAnswersDisplay.FacilityIds(application), ct);
        Scores = application.ErasedAt is null && !ApplicationStatuses.IsFinal(application.Status)
            ? await scores.ForAsync(application, CommuneName, FacilityNames, "Toute crèche de mon secteur", ct) : null;
        Documents = await file.DocumentsAsync(application.Id.Value, ct);
        MissingProofs = ApplicationStatuses.IsFinal(application.Status) ? []
            : Proofs.Missing(application, Documents.Where(d => d.Review != ProofReview.Rejected).Select(d => d.Kind));
        Accesses = await queries.AccessesAsync(application.Id.Value, ct);
        Timeline = ApplicationDisplay.Timeline(application, queries.UserId);
        Step = application.ConfirmationStepOn(queries.Today);
        Erasure = await erasures.LatestAsync(application.Id, ct);
        NextCommission = application.AwaitsPlace ? await commissions.ForAsync(application.CommuneCode, ct) : null;
    }

    /// <summary>The « Modifier mes choix » link: while the status allows it and the freeze date has not passed.</summary>
    public bool CanChangeWishes => Application.WishesEditable && Application.Status != ApplicationStatus.Draft && NextCommission?.ChangesClosed != true;
}
