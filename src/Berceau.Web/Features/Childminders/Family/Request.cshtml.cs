using Berceau.Data;
using Berceau.Domain.Childminders;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Childminders.Family;

/// <summary>One of the family's requests and the answer; the childminder's details appear only once they accepted, as they chose.</summary>
public sealed class RequestModel(CurrentStaff account, BerceauDbContext db) : PageModel
{
    public ContactRequest Contact { get; private set; } = null!;
    public string Name { get; private set; } = "";


    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var me = account.UserId;
        var request = await db.ContactRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.FamilyUserId == me, ct);
        // Another family's request is "not found": its existence is not disclosed either.
        if (request is null) return NotFound();
        Contact = request;
        Name = await db.Facilities.Where(f => f.Id == request.FacilityId).Select(f => f.Name).FirstAsync(ct);
        return Page();
    }
}
