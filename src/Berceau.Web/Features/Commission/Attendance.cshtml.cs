using Berceau.Domain.Commission;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// Records who attended the meeting (/pro/commissions/{id}/presences), for the minutes: from the freeze until the publication.
/// Who keeps the minutes: the members, and the guichet of the commune (<see cref="CommissionAccess.CanKeepMinutesAsync"/>).
/// </summary>
public sealed class AttendanceModel(CommissionAccess access, CommissionQueries queries, SessionManagement management) : SessionPageModel(queries)
{
    [BindProperty]
    public List<string> Present { get; set; } = [];

    public IReadOnlyList<SelectListItem> Members { get; private set; } = [];

    public bool Open => Session.Status is CommissionStatus.Frozen or CommissionStatus.Validated;

    protected override Task<bool> MayUseAsync(CommissionSession session, CancellationToken ct) => access.CanKeepMinutesAsync(session, ct);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: false, ct) is { } denied) return denied;
        Present = [.. Session.Members.Where(m => m.Present == true).Select(m => m.UserId)];
        return await ListedPageAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: true, ct) is { } denied) return denied;
        ModelState.Clear();
        return Done(await management.RecordAttendanceAsync(Session, Present, ct), "", "Les présences sont enregistrées : elles figurent au procès-verbal.",
            $"/pro/commissions/{id}/presences") ?? await ListedPageAsync(ct);
    }

    private async Task<IActionResult> ListedPageAsync(CancellationToken ct)
    {
        var names = await Queries.NamesAsync(Session.Members.Select(m => m.UserId), ct);
        Members = [.. Session.Members.OrderBy(m => m.Role).Select(m => new SelectListItem(
            $"{names.GetValueOrDefault(m.UserId, "Compte supprimé")} ({m.Role.Label()})", m.UserId, Present.Contains(m.UserId)))];
        return Page();
    }
}
