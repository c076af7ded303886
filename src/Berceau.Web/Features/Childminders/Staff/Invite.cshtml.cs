using Berceau.Data;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Childminders.Staff;

/// <summary>The relais invites the assistant·e maternel·le of a facility to create their account (a single-use link by e-mail).</summary>
public sealed class InviteModel(CurrentStaff staff, BerceauDbContext db, ChildminderAccounts accounts) : PageModel
{
    public sealed record InviteInput
    {
        public string? Email { get; init; }
    }

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public Facility Facility { get; private set; } = null!;

    [TempData]
    public string? Sent { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        Input = new InviteInput { Email = Facility.Email };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var outcome = await accounts.InviteAsync(await FacilityAccess.CurrentAsync(staff, ct), Facility, Input.Email, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, nameof(Input));
            return Page();
        }
        Sent = outcome.Value.Email;
        return Redirect($"{ChildmindersFeature.StaffPath}/{id}/inviter");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        var facility = await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == new FacilityId(id), ct);
        if (facility is null || !ChildminderAccounts.IsChildminderMode(facility.Mode)) return NotFound();
        if (!ChildminderAccounts.CanManage(user, facility.CommuneCode)) return Forbid();
        Facility = facility;
        return null;
    }
}
