using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Domain.Common;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Account;

public sealed record SignInInput
{
    public string? Email { get; init; }
    public string? Password { get; init; }
}

/// <summary>First step of signing in: e-mail and password. Staff with two-factor on are then asked their code.</summary>
[AllowAnonymous]
public sealed class SignInModel(
    SignInManager<BerceauUser> signIn,
    UserManager<BerceauUser> users,
    IOptions<IdentityOptions> identity,
    AuditLog audit,
    BerceauDbContext db) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public int LockoutMinutes => (int)identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes;
    public int MaxFailedAttempts => identity.Value.Lockout.MaxFailedAccessAttempts;

    /// <summary>The password was right but the address is not confirmed yet: the page offers a new confirmation e-mail.</summary>
    public bool NeedsConfirmation { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var email = Input.Email?.Trim();
        if (string.IsNullOrEmpty(email))
            ModelState.AddModelError("Input.Email", Messages.Get("email-required"));
        if (string.IsNullOrEmpty(Input.Password))
            ModelState.AddModelError("Input.Password", Messages.Get("password-required"));
        if (!ModelState.IsValid)
            return Page();

        var user = await users.FindByEmailAsync(email!);
        if (user is null)
        {
            // The typed address is not kept: it may be a password typed in the wrong field.
            await RecordAsync("connexion-refusee", null, "adresse e-mail inconnue");
            return Failed(Messages.Get("sign-in-failed"));
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await RecordAsync("connexion", user.Id, "mot de passe");
            return LocalRedirect(AccountFeature.SafeReturnUrl(Url, ReturnUrl, await HomeOfAsync(user)));
        }
        if (result.RequiresTwoFactor)
            return Redirect(AccountFeature.SignInCodePath + ReturnQuery(ReturnUrl));
        if (result.IsLockedOut)
        {
            await RecordAsync("connexion-refusee", user.Id, "compte verrouillé");
            return Failed(AccountFeature.LockedOutMessage(identity.Value));
        }
        if (result.IsNotAllowed)
        {
            // Identity refuses a disabled or unconfirmed account before looking at the password: say why only to whoever
            // knows the password, and count a wrong one as a failure, so that the state of an account is not revealed to guessers.
            if (await users.CheckPasswordAsync(user, Input.Password!))
            {
                if (user.IsDisabled)
                {
                    await RecordAsync("connexion-refusee", user.Id, "compte désactivé");
                    return Failed(Messages.Get("account-disabled"));
                }
                await RecordAsync("connexion-refusee", user.Id, "adresse e-mail non confirmée");
                NeedsConfirmation = true;
                return Failed(Messages.Get("account-unconfirmed"));
            }
            await users.AccessFailedAsync(user);
        }
        await RecordAsync("connexion-refusee", user.Id, "mot de passe incorrect");
        return Failed(Messages.Get("sign-in-failed"));
    }

    internal static string ReturnQuery(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl);

    /// <summary>
    /// Staff land on their home page (which sends them to set up two-factor if needed), childminders on their free places,
    /// families on their applications, others on the portal.
    /// </summary>
    internal static async Task<string> HomeOfAsync(UserManager<BerceauUser> users, BerceauUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return roles.Any(Roles.IsStaff) ? AccountFeature.StaffHomePath
            : roles.Contains(Roles.Childminder) ? Features.Offer.Childminder.AvailabilityModel.Path
            : roles.Contains(Roles.Family) ? AccountFeature.FamilyHomePath
            : "/";
    }

    private Task<string> HomeOfAsync(BerceauUser user) => HomeOfAsync(users, user);

    private IActionResult Failed(string message)
    {
        ModelState.AddModelError("Input.Email", message);
        return Page();
    }

    private async Task RecordAsync(string action, string? userId, string details)
    {
        audit.Record(action, AccountAudit.UserEntity, userId, details);
        await db.SaveChangesAsync();
    }
}

/// <summary>The names under which account events appear in the audit log.</summary>
public static class AccountAudit
{
    public const string UserEntity = "utilisateur";
}
