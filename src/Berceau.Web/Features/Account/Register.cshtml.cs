using Berceau.Domain.Access;
using Berceau.Web.Features.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Account;

/// <summary>A parent creates their family account (e-mail and password), then confirms the address from the e-mail.</summary>
[AllowAnonymous]
public sealed class RegisterModel(RegisterFamily register, IOptions<IdentityOptions> identity) : PageModel
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public int MinimumLength => identity.Value.Password.RequiredLength;

    /// <summary>A family already signed in goes to its applications rather than creating a second account.</summary>
    public IActionResult OnGet() =>
        User.IsInRole(Roles.Family) ? LocalRedirect(AccountFeature.FamilyHomePath) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var problems = await register.RegisterAsync(Input, ct);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems);
            // A password is never sent back to the browser, even when the form is shown again.
            Input = Input with { Password = null, ConfirmPassword = null };
            return Page();
        }
        return Redirect(AccountFeature.RegistrationSentPath);
    }
}
