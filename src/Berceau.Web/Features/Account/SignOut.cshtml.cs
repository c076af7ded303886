using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Account;

/// <summary>
/// Signing out is a POST protected by the anti-forgery token (the header's button): a GET link could be triggered by
/// any other site. A GET shows a page with the same button.
/// </summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<BerceauUser> signIn, AuditLog audit, BerceauDbContext db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            audit.Record("deconnexion", AccountAudit.UserEntity, signIn.UserManager.GetUserId(User));
            await db.SaveChangesAsync();
            await signIn.SignOutAsync();
        }
        return LocalRedirect("/");
    }
}
