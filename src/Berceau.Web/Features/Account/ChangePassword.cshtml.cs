using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Common;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Account;

public sealed record ChangePasswordInput
{
    public string? CurrentPassword { get; init; }
    public string? NewPassword { get; init; }
    public string? ConfirmPassword { get; init; }
}

[Authorize]
public sealed class ChangePasswordModel(
    UserManager<BerceauUser> users,
    SignInManager<BerceauUser> signIn,
    AuditLog audit,
    BerceauDbContext db) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public bool Changed { get; private set; }

    public int MinimumLength => users.Options.Password.RequiredLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();

        if (string.IsNullOrEmpty(Input.CurrentPassword))
            ModelState.AddModelError("Input.CurrentPassword", Messages.Get("password-required"));
        if (string.IsNullOrEmpty(Input.NewPassword))
            ModelState.AddModelError("Input.NewPassword", Messages.Get("new-password-required"));
        else if (Input.NewPassword != Input.ConfirmPassword)
            ModelState.AddModelError("Input.ConfirmPassword", Messages.Get("password-confirmation-mismatch"));
        if (!ModelState.IsValid)
            return Page();

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(field, error.Description);
            }
            return Page();
        }
        audit.Record("mot-de-passe-modifie", AccountAudit.UserEntity, user.Id);
        await db.SaveChangesAsync();
        // Changing the password changes the security stamp: other sessions end, this one is renewed.
        await signIn.RefreshSignInAsync(user);
        Changed = true;
        Input = new ChangePasswordInput();
        return Page();
    }
}
