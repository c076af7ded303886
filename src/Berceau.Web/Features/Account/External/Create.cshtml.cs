using Berceau.Data.Identity;
using Berceau.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Account.External;

public sealed record CreateInput
{
    public bool AcceptsNotice { get; init; }
}

/// <summary>
/// First FranceConnect sign-in of someone without an account: as with the registration form, the account exists only
/// once the person has read the information notice.
/// </summary>
[AllowAnonymous]
public sealed class CreateModel(ExternalProviders providers, SignInManager<BerceauUser> signIn, UserManager<BerceauUser> users,
    ExternalAccounts accounts) : PageModel
{
    [BindProperty]
    public CreateInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string ProviderName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var person = await ReturnModel.ReadAsync(providers, signIn);
        if (person is null)
            return Redirect(ExternalLoginFeature.ReturnPath);
        Show(person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var person = await ReturnModel.ReadAsync(providers, signIn);
        if (person is null)
            return Redirect(ExternalLoginFeature.ReturnPath);
        Show(person);
        if (!Input.AcceptsNotice)
        {
            ModelState.AddModelError("Input.AcceptsNotice", Messages.Get("notice-required"));
            return Page();
        }
        var outcome = await accounts.CreateFamilyAsync(person);
        return await ReturnModel.NextAsync(this, users, outcome, ReturnUrl, message =>
        {
            ModelState.AddModelError("Input.AcceptsNotice", message);
            return Page();
        });
    }

    private void Show(ExternalIdentity person)
    {
        ProviderName = person.Provider.DisplayName;
        DisplayName = person.DisplayName;
        Email = person.Email ?? "";
    }
}
