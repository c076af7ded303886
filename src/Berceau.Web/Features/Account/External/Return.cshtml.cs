using Berceau.Data.Identity;
using Berceau.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Account.External;

/// <summary>
/// Where the browser lands once the provider's answer was checked (state, nonce, code, ID token) and turned into
/// Identity's short-lived external cookie: signs in, or goes on to linking or account creation, or says why not.
/// </summary>
[AllowAnonymous]
public sealed class ReturnModel(ExternalProviders providers, SignInManager<BerceauUser> signIn, UserManager<BerceauUser> users,
    ExternalAccounts accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string Message { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? echec)
    {
        if (echec is not null)
            return Refused(Problem.Of("external-failed", "", providers.BySlug(echec)?.DisplayName ?? "le service d’identité").Message);
        var person = await ReadAsync(providers, signIn);
        if (person is null)
            return Refused(Messages.Get("external-expired"));
        return await NextAsync(this, users, await accounts.ContinueAsync(person), ReturnUrl, m => Refused(m));
    }

    /// <summary>The identity in Identity's external cookie, or null when there is none (expired, or never started here).</summary>
    internal static async Task<ExternalIdentity?> ReadAsync(ExternalProviders providers, SignInManager<BerceauUser> signIn)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        return info is not null && providers.ByScheme(info.LoginProvider) is { } provider ? ExternalIdentity.From(info, provider) : null;
    }

    /// <summary>Turns an outcome into the next page; <paramref name="refused"/> shows a refusal on the current page.</summary>
    internal static async Task<IActionResult> NextAsync(PageModel page, UserManager<BerceauUser> users, ExternalOutcome outcome, string? returnUrl,
        Func<string, IActionResult> refused)
    {
        var query = SignInModel.ReturnQuery(returnUrl);
        return outcome.Next switch
        {
            ExternalNext.SignedIn => new LocalRedirectResult(AccountFeature.SafeReturnUrl(page.Url, returnUrl, await SignInModel.HomeOfAsync(users, outcome.User!))),
            ExternalNext.TwoFactor => new RedirectResult(AccountFeature.SignInCodePath + query),
            ExternalNext.Link => new RedirectResult(ExternalLoginFeature.LinkPath + query),
            ExternalNext.Create => new RedirectResult(ExternalLoginFeature.CreatePath + query),
            _ => refused(outcome.Message ?? ""),
        };
    }

    private PageResult Refused(string message)
    {
        Message = message;
        return Page();
    }
}
