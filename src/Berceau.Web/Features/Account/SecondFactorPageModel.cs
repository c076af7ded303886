using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Common;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Berceau.Web.Features.Account;

public sealed record CodeInput
{
    public string? Code { get; init; }
}

/// <summary>
/// Second step of signing in, by the authenticator app's code or by a recovery code. Identity keeps who passed the
/// first step in its short-lived two-factor cookie; without it, the person starts again from the first step. Wrong
/// codes count towards the lockout like wrong passwords, and every attempt is audited.
/// </summary>
[AllowAnonymous]
public abstract class SecondFactorPageModel(
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

    /// <summary>How the code is named in the audit log ("code d’authentification", "code de secours").</summary>
    protected abstract string Factor { get; }

    /// <summary>Code of the message shown for a wrong code.</summary>
    protected abstract string WrongCodeMessage { get; }

    protected UserManager<BerceauUser> Users => users;

    protected SignInManager<BerceauUser> SignInManager => signIn;

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RestartSignIn() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return RestartSignIn();

        var code = Normalise(Input.Code);
        if (FormatProblem(code) is { } problem)
            return Invalid(Messages.Get(problem));

        // The first factor: a password, or an external provider (Identity keeps its name in the two-factor cookie).
        var firstFactor = (await HttpContext.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme)).Principal
            ?.FindFirst(System.Security.Claims.ClaimTypes.AuthenticationMethod)?.Value ?? "mot de passe";
        var result = await SignInWithAsync(code);
        if (result.Succeeded)
        {
            var (details, destination) = await AfterSignInAsync(user);
            audit.Record("connexion", AccountAudit.UserEntity, user.Id, $"{firstFactor} et {Factor}{details}");
            await db.SaveChangesAsync();
            return LocalRedirect(destination);
        }
        audit.Record("connexion-refusee", AccountAudit.UserEntity, user.Id, result.IsLockedOut ? "compte verrouillé" : Factor + " incorrect");
        await db.SaveChangesAsync();
        return Invalid(result.IsLockedOut ? AccountFeature.LockedOutMessage(identity.Value) : Messages.Get(WrongCodeMessage));
    }

    protected abstract string Normalise(string? code);

    /// <summary>Code of the message for a code that cannot be right whatever the account (empty, wrong length), or null.</summary>
    protected abstract string? FormatProblem(string code);

    protected abstract Task<SignInResult> SignInWithAsync(string code);

    /// <summary>Extra audit details and where to go once signed in: the page asked for, or the person's home.</summary>
    protected virtual async Task<(string Details, string Destination)> AfterSignInAsync(BerceauUser user) =>
        ("", AccountFeature.SafeReturnUrl(Url, ReturnUrl, await SignInModel.HomeOfAsync(users, user)));

    private IActionResult RestartSignIn() => Redirect(AccountFeature.SignInPath + SignInModel.ReturnQuery(ReturnUrl));

    private IActionResult Invalid(string message)
    {
        ModelState.AddModelError("Input.Code", message);
        return Page();
    }
}
