using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Domain.Common;
using Berceau.Web.Features.Shared;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Account;

/// <summary>
/// Setting up two-factor authentication with an authenticator app: the person adds the shared key to their app, types
/// a first code to prove it works, and receives 10 recovery codes, shown this once. Staff are sent here until done.
/// </summary>
[Authorize]
public sealed class TwoFactorModel(
    UserManager<BerceauUser> users,
    SignInManager<BerceauUser> signIn,
    IOptions<DeploymentOptions> deployment,
    AuditLog audit,
    BerceauDbContext db) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool IsEnabled { get; private set; }
    public bool IsStaff { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Set only in the response that creates them: never stored in clear, never shown again.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public string ContinueUrl => AccountFeature.SafeReturnUrl(Url, ReturnUrl, IsStaff ? AccountFeature.StaffHomePath : "/");

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled)
        {
            await LoadAsync(user);
            return Page();
        }

        var code = AuthenticatorSetup.NormaliseCode(Input.Code);
        var valid = code.Length == 6 && code.All(char.IsAsciiDigit)
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError("Input.Code", Messages.Get(code.Length == 0 ? "totp-required" : "totp-invalid"));
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        audit.Record("double-authentification-activee", AccountAudit.UserEntity, user.Id);
        await db.SaveChangesAsync();
        // Enabling two-factor changes the security stamp: refresh the cookie so that the session stays valid.
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        NewRecoveryCodes = [.. codes ?? []];
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        ModelState.Clear();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled)
        {
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
            audit.Record("codes-de-secours-regeneres", AccountAudit.UserEntity, user.Id);
            await db.SaveChangesAsync();
            NewRecoveryCodes = [.. codes ?? []];
        }
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(BerceauUser user)
    {
        IsEnabled = user.TwoFactorEnabled;
        IsStaff = (await users.GetRolesAsync(user)).Any(Roles.IsStaff);
        if (IsEnabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp: refresh the cookie, else the session would end at its next check.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = AuthenticatorSetup.FormatKey(key);
        AuthenticatorUri = AuthenticatorSetup.Uri(deployment.Value.Name, user.Email ?? user.UserName ?? user.Id, key);
    }
}
