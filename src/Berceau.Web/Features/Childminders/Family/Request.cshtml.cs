using Berceau.Data;
using Berceau.Domain.Childminders;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Childminders.Family;

/// <summary>One of the family's requests and the answer; the childminder's details appear only once they accepted, as they chose.</summary>
public sealed class RequestModel(CurrentStaff account, BerceauDbContext db, ContactRequests requests) : PageModel
{
    public ContactRequest Contact { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public bool JustWithdrawn { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: false, ct)) return NotFound();
        JustWithdrawn = TempData["am-demande-retiree"] is string done && done == id.ToString();
        return Page();
    }

    /// <summary>The family takes back a request still waiting for an answer.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: true, ct)) return NotFound();
        var problems = await requests.WithdrawAsync(Contact, ct);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, "");
            return Page();
        }
        TempData["am-demande-retiree"] = id.ToString();
        return Redirect($"{ContactRequests.FamilyPath}/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var me = account.UserId;
        var requestsOfMine = tracked ? db.ContactRequests : db.ContactRequests.AsNoTracking();
        var request = await requestsOfMine.FirstOrDefaultAsync(r => r.Id == id && r.FamilyUserId == me, ct);
        // Another family's request is "not found": its existence is not disclosed either.
        if (request is null) return false;
        Contact = request;
        Name = await db.Facilities.Where(f => f.Id == request.FacilityId).Select(f => f.Name).FirstAsync(ct);
        return true;
    }
}
