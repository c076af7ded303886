using Berceau.Domain.Commission;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// Changes the members of a session while it is prepared (/pro/commissions/{id}/membres): add, remove, change the president;
/// exactly one president. Who may prepare a session of the commune (<see cref="CommissionAccess.CanManageAsync"/>).
/// </summary>
public sealed class MembersModel(CommissionAccess access, CommissionQueries queries, MemberDirectory directory, SessionManagement management) : PageModel
{
    [BindProperty]
    public MembersInput Input { get; set; } = new();

    public CommissionSession Session { get; private set; } = null!;

    /// <summary>What the last action did (the page redirects to itself: who keeps the minutes may not see the review screen).</summary>
    public string? Message => TempData[DetailsModel.MessageKey] as string;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: false, ct);
        if (denied is not null) return denied;
        var (president, members) = await directory.EmailsAsync(Session, ct);
        Input = new MembersInput { President = president, Members = members };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: true, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var changed = await management.ChangeMembersAsync(Session, Input, ct);
        if (!changed.IsSuccess)
        {
            ModelState.AddProblems(changed.Problems, nameof(Input));
            return Page();
        }
        TempData[DetailsModel.MessageKey] = "Les membres de la commission sont enregistrés.";
        return Redirect($"/pro/commissions/{id}/membres");
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
