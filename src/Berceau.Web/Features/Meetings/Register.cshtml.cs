using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Domain.Meetings;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Meetings;

/// <summary>
/// Registering to a meeting: a signed-in family gives only the number of people (its account's name and address are used
/// and the registration shows in its space); anyone else gives a name, an e-mail and their consent.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(BerceauDbContext db, MeetingRegistrations registrations, MeetingQueries queries, CurrentStaff account,
    UserManager<BerceauUser> users) : PageModel
{
    public const string DoneKey = "reunion-inscrite";

    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public InfoMeeting Meeting { get; private set; } = null!;
    public BerceauUser? Family { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        ModelState.Clear();
        var who = Family is null ? new Registrant(null, null, null) : new Registrant(Family.Id, Family.DisplayName, Family.Email);
        var outcome = await registrations.RegisterAsync(id, who, Input, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, nameof(Input));
            // The seats may have gone meanwhile: show the count as it is now.
            Meeting = await db.InfoMeetings.AsNoTracking().FirstAsync(m => m.Id == id, ct);
            return Page();
        }
        if (Family is not null) return Redirect(MeetingsFeature.FamilyPath);
        TempData[DoneKey] = id.ToString();
        return Redirect($"{MeetingsFeature.PublicPath}/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var meeting = await db.InfoMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null || !meeting.IsOpenOn(queries.Today)) return NotFound();
        Meeting = meeting;
        if (account.User.IsInRole(Roles.Family) && account.UserId is { } userId)
            Family = await users.FindByIdAsync(userId);
        return null;
    }
}
