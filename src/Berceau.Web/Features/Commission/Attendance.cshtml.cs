using Berceau.Domain.Commission;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// Records who attended the meeting (/pro/commissions/{id}/presences), for the minutes: from the freeze until the publication.
/// Who keeps the minutes: the members, and the guichet of the commune (<see cref="CommissionAccess.CanKeepMinutesAsync"/>).
/// </summary>
public sealed class AttendanceModel(CommissionAccess access, CommissionQueries queries, SessionManagement management) : PageModel
{
    [BindProperty]
    public List<string> Present { get; set; } = [];

    public CommissionSession Session { get; private set; } = null!;

    /// <summary>What the last action did (the page redirects to itself: who keeps the minutes may not see the review screen).</summary>
    public string? Message => TempData[DetailsModel.MessageKey] as string;
    public IReadOnlyList<SelectListItem> Members { get; private set; } = [];

    public bool Open => Session.Status is CommissionStatus.Frozen or CommissionStatus.Validated;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: false, ct);
        if (denied is not null) return denied;
        Present = [.. Session.Members.Where(m => m.Present == true).Select(m => m.UserId)];
        await ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: true, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var recorded = await management.RecordAttendanceAsync(Session, Present, ct);
        if (!recorded.IsSuccess)
        {
            ModelState.AddProblems(recorded.Problems, "");
            await ListAsync(ct);
            return Page();
        }
        TempData[DetailsModel.MessageKey] = "Les présences sont enregistrées : elles figurent au procès-verbal.";
        return Redirect($"/pro/commissions/{id}/presences");
    }

    private async Task ListAsync(CancellationToken ct)
    {
        var names = await queries.NamesAsync(Session.Members.Select(m => m.UserId), ct);
        Members = [.. Session.Members.OrderBy(m => m.Role).Select(m => new SelectListItem(
            $"{names.GetValueOrDefault(m.UserId, "Compte supprimé")} ({m.Role.Label()})", m.UserId, Present.Contains(m.UserId)))];
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var session = await queries.FindAsync(id, tracked, ct);
        if (session is null) return NotFound();
        if (!await access.CanKeepMinutesAsync(session, ct)) return Forbid();
        Session = session;
        return null;
    }
}
