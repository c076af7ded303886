using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Childminders;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Childminders;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Offer.Childminder;

/// <summary>A family's request, read and answered by the childminder: accept (ticking the details to share) or decline.</summary>
public sealed class RequestModel(CurrentStaff account, BerceauDbContext db, ChildminderQueries queries, ContactRequests requests,
    UserManager<BerceauUser> users) : PageModel
{
    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public ContactRequest Contact { get; private set; } = null!;
    public Facility Facility { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Choices { get; } = [new("Accepter : la famille voit les coordonnées cochées ci-dessous", "accept"), new("Décliner", "decline")];

    [TempData(Key = AvailabilityModel.MessageKey)]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var missing = await LoadAsync(id, tracked: false, ct);
        if (missing is not null) return missing;
        Input = new AnswerInput { Version = Contact.Version, SharePhone = Facility.Phone is not null, ShareEmail = true };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var missing = await LoadAsync(id, tracked: true, ct);
        if (missing is not null) return missing;
        ModelState.Clear();
        var family = await users.FindByIdAsync(Contact.FamilyUserId);
        var problems = await requests.AnswerAsync(Facility, Contact, Input, account.User.Identity?.Name ?? "", family?.Email ?? "", ct);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Input));
            return Page();
        }
        Message = Contact.Status == ContactRequestStatus.Accepted
            ? "Vous avez accepté la demande : la famille voit les coordonnées que vous avez choisies."
            : "Vous avez décliné la demande : la famille est prévenue.";
        return Redirect($"{RequestsModel.Path}/{id}");
    }

    /// <summary>A request to another childminder is "not found", as if it did not exist.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var own = await queries.OwnFacilitiesAsync(await account.ScopeAsync(ct), ct);
        var query = tracked ? db.ContactRequests : db.ContactRequests.AsNoTracking();
        var contact = await query.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (contact is null || !own.Contains(contact.FacilityId)) return NotFound();
        Contact = contact;
        Facility = await db.Facilities.AsNoTracking().FirstAsync(f => f.Id == contact.FacilityId, ct);
        return null;
    }
}
