using Berceau.Data;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Childminders.Family;

/// <summary>A signed-in family writes to a childminder through the platform: child's age, days, start date, a message.</summary>
public sealed class ContactModel(CurrentStaff account, BerceauDbContext db, ChildminderSearch search, ContactRequests requests, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public ChildminderResult Childminder { get; private set; } = null!;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await search.FindAsync(new FacilityId(id), ct);
        if (found is null) return NotFound();
        Childminder = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var found = await search.FindAsync(new FacilityId(id), ct);
        var facility = await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == new FacilityId(id), ct);
        if (found is null || facility is null) return NotFound();
        Childminder = found;
        ModelState.Clear();
        var outcome = await requests.SendAsync(account.UserId!, facility, Input, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, nameof(Input));
            return Page();
        }
        return Redirect($"{ContactRequests.FamilyPath}/{outcome.Value.Id}");
    }
}
