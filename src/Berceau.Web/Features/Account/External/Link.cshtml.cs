using Berceau.Data.Identity;
using Berceau.Domain.Common;
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
public sealed class LinkModel(ExternalProviders providers, SignInManager<BerceauUser> signIn, UserManager<BerceauUser> users,
    ExternalAccounts accounts) : ExternalStepPageModel(providers, signIn, users)
{
    [BindProperty]
    public LinkInput Input { get; set; } = new();

    protected override async Task<IActionResult> PostAsync()
    {
        if (string.IsNullOrEmpty(Input.Password))
            return Invalid(Messages.Get("password-required"));
        return await NextAsync(await accounts.LinkAsync(Person, Input.Password), Invalid);
    }

    private PageResult Invalid(string message)
    {
        ModelState.AddModelError("Input.Password", message);
        // A password is never sent back to the browser.
        Input = new LinkInput();
        return Page();
    }
}
