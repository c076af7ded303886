using Berceau.Domain.Applications;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>
/// The file of one application as the guichet reads it: everything the family gave, the timeline, wishes, proofs, internal
/// notes and the contact log. Every GET is written to the access log the family reads.
/// </summary>
public sealed class DetailsModel(CaseworkAccess access, CaseworkFiles files, CaseworkActions actions, ApplicationSummaryPdf summary, Erasures erasures,
    ApplicationScores scores, NextCommissions commissions, FollowUp.FollowUpCases followUps) : PageModel
{
    public const string MessageKey = "guichet-message";

    public static string PathOf(Guid id) => $"/pro/demandes/{id}";

    public CaseworkFileView View { get; private set; } = null!;
    public Application Application => View.Application;
    /// <summary>Its points under the grid in force, per wish; null once the application is over (final) or erased.</summary>
    public ApplicationScoreView? Scores { get; private set; }
    /// <summary>The family's erasure request waiting for an answer, if any: the file links to it.</summary>
    public ErasureRequest? PendingErasure { get; private set; }
    /// <summary>The « zéro sans solution » case open for this family, if any (opened by a commission or an agent).</summary>
    public FollowUp.OpenFollowUp? FollowUp { get; private set; }

    /// <summary>The commune's next commission, while the application waits for a place; null otherwise or when none is called.</summary>
    public NextCommission? NextCommission { get; private set; }

    [BindProperty]
    public NoteInput Note { get; set; } = new();

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    [TempData(Key = MessageKey)]
    public string? Message { get; set; }

    public IReadOnlyList<SelectListItem> ContactKinds { get; } =
        [.. Enum.GetValues<ContactKind>().Select(k => new SelectListItem(k.Label(), k.ToString()))];

    public IReadOnlyList<SelectListItem> ContactOutcomes { get; } =
        [.. Enum.GetValues<ContactOutcome>().Select(o => new SelectListItem(o.Label(), o.ToString()))];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await access.FindAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        await access.RecordReadAsync(application, ApplicationAccessKind.FileViewed, null, ct);
        return await ShowAsync(application, ct);
    }

    /// <summary>
    /// The family's PDF summary, for the agent to print and hand over at the counter; written to the access log the family
    /// reads, like every read of its file.
    /// </summary>
    public async Task<IActionResult> OnGetSummaryAsync(Guid id, CancellationToken ct)
    {
        var application = await access.FindAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        var pdf = await summary.BuildAsync(application, ct);
        await access.RecordReadAsync(application, ApplicationAccessKind.SummaryDownloaded, ApplicationAudit.SummaryFormat, ct);
        return File(pdf, "application/pdf", ApplicationSummaryPdf.FileName(application));
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken ct)
    {
        var application = await access.FindAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        ModelState.Clear();
        var outcome = await actions.AddNoteAsync(application, Note, ct);
        if (!outcome.IsSuccess) return await ProblemsAsync(application, outcome.Problems, nameof(Note), ct);
        Message = "La note est enregistrée.";
        return Redirect(PathOf(id));
    }

    public async Task<IActionResult> OnPostContactAsync(Guid id, CancellationToken ct)
    {
        var application = await access.FindAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        ModelState.Clear();
        var outcome = await actions.AddContactAsync(application, Contact, ct);
        if (!outcome.IsSuccess) return await ProblemsAsync(application, outcome.Problems, nameof(Contact), ct);
        Message = "Le contact est enregistré.";
        return Redirect(PathOf(id));
    }

    public string WishName(Wish wish) => wish.FacilityId is { } id
        ? View.FacilityNames.TryGetValue(id, out var name) ? name : "Crèche qui n’existe plus"
        : "Toute crèche du secteur de la famille";

    public string Today => InputReader.Format(access.Today);

    private async Task<IActionResult> ProblemsAsync(Application application, IEnumerable<Domain.Common.Problem> problems, string prefix, CancellationToken ct)
    {
        ModelState.AddProblems(problems, prefix);
        return await ShowAsync(application, ct);
    }

    private async Task<IActionResult> ShowAsync(Application application, CancellationToken ct)
    {
        View = await files.LoadAsync(application, ct);
        Scores = application.ErasedAt is null && !ApplicationStatuses.IsFinal(application.Status)
            ? await scores.ForAsync(application, View.CommuneName, View.FacilityNames, "Toute crèche du secteur de la famille", ct) : null;
        PendingErasure = await erasures.LatestAsync(application.Id, ct) is { State: ErasureState.Pending } pending ? pending : null;
        NextCommission = application.AwaitsPlace ? await commissions.ForAsync(application.CommuneCode, ct) : null;
        FollowUp = await followUps.OpenCaseAsync(application.Id, ct);
        if (string.IsNullOrEmpty(Contact.On)) Contact.On = Today;
        return Page();
    }
}
