using Berceau.Data.Identity;
using Berceau.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Account.External;

public sealed record LinkInput
{
    public string? Password { get; init; }
}

/// <summary>
/// An account already has the provider's e-mail: its owner proves it is theirs by typing its password, once. Without
/// that, whoever controls an address at a provider could take over the Berceau account of that address.
/// </summary>
[AllowAnonymous]
public sealed class LinkModel(ExternalProviders providers, SignInManager<BerceauUser> signIn, UserManager<BerceauUser> users,
    ExternalAccounts accounts) : PageModel
{
    [BindProperty]
    public LinkInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string ProviderName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool IsStaff { get; private set; }

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
        if (string.IsNullOrEmpty(Input.Password))
            return Invalid(Messages.Get("password-required"));
        var outcome = await accounts.LinkAsync(person, Input.Password);
        return await ReturnModel.NextAsync(this, users, outcome, ReturnUrl, Invalid);
    }

    private void Show(ExternalIdentity person)
    {
        ProviderName = person.Provider.DisplayName;
        Email = person.Email ?? "";
        IsStaff = person.Provider.Audience == ExternalAudience.Staff;
    }

    private PageResult Invalid(string message)
    {
        ModelState.AddModelError("Input.Password", message);
        Input = new LinkInput();
        return Page();
    }
}
