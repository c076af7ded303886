using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Common;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Account;

public sealed record CodeInput
{
    public string? Code { get; init; }
}

/// <summary>
/// Second step of signing in: the 6-digit code of the authenticator app. Identity keeps who passed the first step in
/// its short-lived two-factor cookie; without it, the person starts again from the first step.
/// </summary>
[AllowAnonymous]
public sealed class SignInCodeModel(
    SignInManager<BerceauUser> signIn,
    UserManager<BerceauUser> users,
    IOptions<IdentityOptions> identity,
    AuditLog audit,
    BerceauDbContext db) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string RecoveryUrl => AccountFeature.SignInRecoveryCodePath + SignInModel.ReturnQuery(ReturnUrl);

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RestartSignIn() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return RestartSignIn();

        var code = AuthenticatorSetup.NormaliseCode(Input.Code);
        if (code.Length == 0)
            return Invalid(Messages.Get("totp-required"));
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            return Invalid(Messages.Get("totp-invalid"));

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            audit.Record("connexion", AccountAudit.UserEntity, user.Id, "mot de passe et code d’authentification");
            await db.SaveChangesAsync();
            return LocalRedirect(AccountFeature.SafeReturnUrl(Url, ReturnUrl, await SignInModel.HomeOfAsync(users, user)));
        }
        audit.Record("connexion-refusee", AccountAudit.UserEntity, user.Id, result.IsLockedOut ? "compte verrouillé" : "code d’authentification incorrect");
        await db.SaveChangesAsync();
        return result.IsLockedOut
            ? Invalid(AccountFeature.LockedOutMessage(identity.Value))
            : Invalid(Messages.Get("totp-invalid"));
    }

    private IActionResult RestartSignIn() => Redirect(AccountFeature.SignInPath + SignInModel.ReturnQuery(ReturnUrl));

    private IActionResult Invalid(string message)
    {
        ModelState.AddModelError("Input.Code", message);
        return Page();
    }
}
