using Berceau.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Account;

public sealed record ResendInput
{
    public string? Email { get; init; }
}

/// <summary>A new confirmation e-mail for an account not confirmed yet. Same answer for every address (no enumeration).</summary>
[AllowAnonymous]
public sealed class ResendConfirmationModel(RegisterFamily register) : PageModel
{
    [BindProperty]
    public ResendInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var email = Input.Email?.Trim() ?? "";
        if (email.Length == 0)
            ModelState.AddModelError("Input.Email", Messages.Get("email-required"));
        else if (email.Length > EmailAddress.MaxLength || !EmailAddress.IsValid(email))
            ModelState.AddModelError("Input.Email", Messages.Get("email-invalid"));
        if (!ModelState.IsValid)
            return Page();
        await register.ResendConfirmationAsync(email, ct);
        return Redirect(AccountFeature.RegistrationSentPath);
    }
}
