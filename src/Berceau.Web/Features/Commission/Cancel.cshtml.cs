using Berceau.Domain.Commission;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// Calls a session off (/pro/commissions/{id}/annuler), in preparation or frozen, with a written reason; the applications the
/// freeze put « en commission » go back (<see cref="SessionManagement.CancelAsync"/>). Who may prepare a session of the commune.
/// </summary>
public sealed class CancelModel(CommissionAccess access, CommissionQueries queries, SessionManagement management) : SessionPageModel(queries)
{
    [BindProperty]
    public CancelInput Input { get; set; } = new();

    public bool CanCancel => CommissionStatuses.CanMove(Session.Status, CommissionStatus.Cancelled);

    protected override Task<bool> MayUseAsync(CommissionSession session, CancellationToken ct) => access.CanManageAsync(session, ct);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, tracked: false, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: true, ct) is { } denied) return denied;
        ModelState.Clear();
        return Done(await management.CancelAsync(Session, Input, ct), nameof(Input), "La commission est annulée.",
            $"/pro/commissions/{id}/annuler") ?? Page();
    }
}
