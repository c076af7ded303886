using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Childminders.Onboarding;

/// <summary>The link of the relais's invitation: the childminder chooses a name and a password, and the account is attached to the agrément.</summary>
[AllowAnonymous]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class InvitationModel(ChildminderAccounts accounts, BerceauDbContext db, SignInManager<BerceauUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    [BindProperty]
    public ChildminderAccountInput Input { get; set; } = new();

    public bool Valid { get; private set; }
    public string Email { get; private set; } = "";
    public string FacilityName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The address bar holds a secret: no link of this page may pass it on as Referer.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        // The relais knows the childminder by the name on their agrément: offered as a start, which they may correct.
        if (await LoadAsync(ct) && string.IsNullOrWhiteSpace(Input.Name)) Input = Input with { Name = FacilityName };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        ModelState.Clear();
        if (!await LoadAsync(ct)) return Page();
        var outcome = await accounts.AcceptInvitationAsync(Code, Input, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, nameof(Input));
            Input = Input with { Password = null, ConfirmPassword = null };
            return Page();
        }
        await signIn.SignInAsync(outcome.Value, isPersistent: false);
        return Redirect(Offer.Childminder.ProfileModel.Path);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var invitation = await accounts.FindUsableInvitationAsync(Code, ct);
        Valid = invitation is not null;
        if (invitation is null) return false;
        Email = invitation.Email;
        FacilityName = await db.Facilities.Where(f => f.Id == invitation.FacilityId).Select(f => f.Name).FirstAsync(ct);
        return true;
    }
}
