using Berceau.Domain.Commission;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// Calls a session off (/pro/commissions/{id}/annuler), in preparation or frozen, with a written reason; the applications the
/// freeze put « en commission » go back (<see cref="SessionManagement.CancelAsync"/>). Who may prepare a session of the commune.
/// </summary>
public sealed class CancelModel(CommissionAccess access, CommissionQueries queries, SessionManagement management) : PageModel
{
    [BindProperty]
    public CancelInput Input { get; set; } = new();

    public CommissionSession Session { get; private set; } = null!;

    /// <summary>What the last action did (the page redirects to itself: who keeps the minutes may not see the review screen).</summary>
    public string? Message => TempData[DetailsModel.MessageKey] as string;

    public bool CanCancel => CommissionStatuses.CanMove(Session.Status, CommissionStatus.Cancelled);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, tracked: false, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: true, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var cancelled = await management.CancelAsync(Session, Input, ct);
        if (!cancelled.IsSuccess)
        {
            ModelState.AddProblems(cancelled.Problems, nameof(Input));
            return Page();
        }
        TempData[DetailsModel.MessageKey] = "La commission est annulée.";
        return Redirect($"/pro/commissions/{id}/annuler");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var session = await queries.FindAsync(id, tracked, ct);
        if (session is null) return NotFound();
        if (!await access.CanManageAsync(session, ct)) return Forbid();
        Session = session;
        return null;
    }
}
