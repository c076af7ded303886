using Berceau.Domain.Commission;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// Changes the members of a session while it is prepared (/pro/commissions/{id}/membres): add, remove, change the president;
/// exactly one president. Who may prepare a session of the commune (<see cref="CommissionAccess.CanManageAsync"/>).
/// </summary>
public sealed class MembersModel(CommissionAccess access, CommissionQueries queries, MemberDirectory directory, SessionManagement management)
    : SessionPageModel(queries)
{
    [BindProperty]
    public MembersInput Input { get; set; } = new();

    protected override Task<bool> MayUseAsync(CommissionSession session, CancellationToken ct) => access.CanManageAsync(session, ct);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: false, ct) is { } denied) return denied;
        var (president, members) = await directory.EmailsAsync(Session, ct);
        Input = new MembersInput { President = president, Members = members };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: true, ct) is { } denied) return denied;
        ModelState.Clear();
        return Done(await management.ChangeMembersAsync(Session, Input, ct), nameof(Input), "Les membres de la commission sont enregistrés.",
            $"/pro/commissions/{id}/membres") ?? Page();
    }
}
