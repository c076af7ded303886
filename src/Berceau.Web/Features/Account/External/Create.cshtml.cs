using Berceau.Data.Identity;
using Berceau.Domain.Common;
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
public sealed class CreateModel(ExternalProviders providers, SignInManager<BerceauUser> signIn, UserManager<BerceauUser> users,
    ExternalAccounts accounts) : ExternalStepPageModel(providers, signIn, users)
{
    [BindProperty]
    public CreateInput Input { get; set; } = new();

    protected override async Task<IActionResult> PostAsync()
    {
        if (!Input.AcceptsNotice)
            return Invalid(Messages.Get("notice-required"));
        return await NextAsync(await accounts.CreateFamilyAsync(Person), Invalid);
    }

    private PageResult Invalid(string message)
    {
        ModelState.AddModelError("Input.AcceptsNotice", message);
        return Page();
    }
}
