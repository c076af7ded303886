using Berceau.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Account.External;

/// <summary>
/// The button "Se connecter avec …" posts here (a POST with the anti-forgery token, so that another site cannot start a
/// sign-in in the person's name); the handler sends the browser to the provider.
/// </summary>
[AllowAnonymous]
public sealed class StartModel(ExternalProviders providers, SignInManager<BerceauUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => Redirect(AccountFeature.SignInPath);

    public IActionResult OnPost(string provider)
    {
        if (providers.BySlug(provider) is not { } known)
            return NotFound();
        var back = ExternalLoginFeature.ReturnPath + SignInModel.ReturnQuery(ReturnUrl);
        var properties = signIn.ConfigureExternalAuthenticationProperties(known.Scheme, back);
        return Challenge(properties, known.Scheme);
    }
}
