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
public sealed class SignOutModel(SignInManager<BerceauUser> signIn, AuditLog audit, BerceauDbContext db, External.ExternalSignOut external,
    External.ExternalSessions sessions) : PageModel
{
    public void OnGet()
    {
    }

    /// <summary>Ends Berceau's session, then, for a session opened through FranceConnect or ProConnect, the provider's.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return LocalRedirect("/");
        var provider = await external.ForAsync(User, ct);
        audit.Record("deconnexion", AccountAudit.UserEntity, signIn.UserManager.GetUserId(User),
            provider is { } p ? $"et fin de session {p.Provider.DisplayName}" : null);
        await db.SaveChangesAsync(ct);
        await sessions.ForgetAsync(User, ct);
        await signIn.SignOutAsync();
        return provider is { } end ? SignOut(end.Properties, end.Provider.Scheme) : LocalRedirect("/");
    }
}
