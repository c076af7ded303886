using Berceau.Domain.Applications;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>
/// The agent moves the application (complete, incomplete with what is missing, cancelled, back on the waiting list) through
/// the domain, which refuses an illegal move; the family is notified. The version read with the form guards against a
/// colleague's change meanwhile.
/// </summary>
public sealed class StatusModel(CaseworkAccess access, CaseworkActions actions) : PageModel
{
    [BindProperty]
    public MoveInput Move { get; set; } = new();

    public Application Application { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Moves { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ProofKinds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await access.FindAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        if (CaseworkActions.MovesFrom(application.Status).Count == 0) return Redirect(DetailsModel.PathOf(id));
        Move = new MoveInput { Version = application.Version, Missing = [.. (await MissingAsync(application, ct)).Select(k => k.ToString())] };
        Show(application);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var application = await access.FindAsync(id, tracked: true, ct);
        if (application is null) return NotFound();
        ModelState.Clear();
        var outcome = await actions.MoveAsync(application, Move, ct);
        if (outcome.IsSuccess)
        {
            TempData[DetailsModel.MessageKey] = $"La demande est maintenant « {outcome.Value.To.Label()} ». La famille en est informée.";
            return Redirect(DetailsModel.PathOf(id));
        }
        ModelState.AddProblems(outcome.Problems, nameof(Move));
        Show(application);
        return Page();
    }

    /// <summary>The proofs still to give (none sent, or the one sent was rejected), ticked in advance for "incomplete".</summary>
    private async Task<IReadOnlyList<ProofKind>> MissingAsync(Application application, CancellationToken ct) =>
        Proofs.Missing(application, await access.DocumentKindsAsync(application, ct));

    private void Show(Application application)
    {
        Application = application;
        Moves = [.. CaseworkActions.MovesFrom(application.Status).Select(s => new SelectListItem(Label(s), s.ToString()))];
        ProofKinds = [.. Enum.GetValues<ProofKind>().Select(k => new SelectListItem(k.Label(), k.ToString()))];
    }

    private static string Label(ApplicationStatus to) => to switch
    {
        ApplicationStatus.Complete => "Complète : prête pour la commission",
        ApplicationStatus.Incomplete => "Incomplète : il manque une pièce ou une information",
        ApplicationStatus.Cancelled => "Annulée",
        ApplicationStatus.Waitlisted => "Remise sur liste d’attente",
        _ => to.Label(),
    };
}
