using Berceau.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Account.External;

/// <summary>
/// A step after the provider's answer (linking, account creation): the identity is read again from Identity's external
/// cookie on every request, never from the form, and without it (expired, or never started) the person starts again.
/// </summary>
[AllowAnonymous]
public abstract class ExternalStepPageModel(ExternalProviders providers, SignInManager<BerceauUser> signIn, UserManager<BerceauUser> users)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    protected ExternalIdentity Person { get; private set; } = null!;

    public string ProviderName => Person.Provider.DisplayName;
    public string Email => Person.Email ?? "";
    public string DisplayName => Person.DisplayName;
    public bool IsStaff => Person.Provider.Audience == ExternalAudience.Staff;

    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync() ? Page() : Redirect(ExternalLoginFeature.ReturnPath);

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        return await LoadAsync() ? await PostAsync() : Redirect(ExternalLoginFeature.ReturnPath);
    }

    protected abstract Task<IActionResult> PostAsync();

    protected Task<IActionResult> NextAsync(ExternalOutcome outcome, Func<string, IActionResult> refused) =>
        ReturnModel.NextAsync(this, users, outcome, ReturnUrl, refused);

    private async Task<bool> LoadAsync()
    {
        if (await ReturnModel.ReadAsync(providers, signIn) is not { } person) return false;
        Person = person;
        return true;
    }
}
