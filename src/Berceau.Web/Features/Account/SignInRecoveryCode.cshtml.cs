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

/// <summary>Second step with one of the 10 recovery codes, for someone who lost their phone. Each code works once.</summary>
[AllowAnonymous]
public sealed class SignInRecoveryCodeModel(
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

    public string CodeUrl => AccountFeature.SignInCodePath + SignInModel.ReturnQuery(ReturnUrl);

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RestartSignIn() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return RestartSignIn();

        var code = AuthenticatorSetup.NormaliseRecoveryCode(Input.Code);
        if (code.Length == 0)
            return Invalid(Messages.Get("recovery-code-required"));

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            var left = await users.CountRecoveryCodesAsync(user);
            audit.Record("connexion", AccountAudit.UserEntity, user.Id, $"mot de passe et code de secours ({left} restants)");
            await db.SaveChangesAsync();
            // With few codes left, the person should print new ones before being locked out of their account.
            var home = left <= 3 ? AccountFeature.TwoFactorSetupPath : await SignInModel.HomeOfAsync(users, user);
            return LocalRedirect(AccountFeature.SafeReturnUrl(Url, left <= 3 ? null : ReturnUrl, home));
        }
        audit.Record("connexion-refusee", AccountAudit.UserEntity, user.Id, result.IsLockedOut ? "compte verrouillé" : "code de secours incorrect");
        await db.SaveChangesAsync();
        return result.IsLockedOut
            ? Invalid(AccountFeature.LockedOutMessage(identity.Value))
            : Invalid(Messages.Get("recovery-code-invalid"));
    }

    private IActionResult RestartSignIn() => Redirect(AccountFeature.SignInPath + SignInModel.ReturnQuery(ReturnUrl));

    private IActionResult Invalid(string message)
    {
        ModelState.AddModelError("Input.Code", message);
        return Page();
    }
}
