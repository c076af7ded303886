using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Account;

/// <summary>
/// The link of the confirmation e-mail. Opening it confirms the address (a GET, as in every mail client: a robot that
/// scans links in the mailbox only proves what is true, that the e-mail arrived). Opening it again says it is done.
/// </summary>
[AllowAnonymous]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ConfirmEmailModel(UserManager<BerceauUser> users, BerceauDbContext db, AuditLog audit) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? utilisateur, string? code, CancellationToken ct)
    {
        // The address bar holds a secret: no link of this page (the footer's go to other sites) may pass it on as Referer.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        var token = AccountEmails.TokenOf(code);
        var user = string.IsNullOrEmpty(utilisateur) ? null : await users.FindByIdAsync(utilisateur);
        if (user is null || token is null || user.IsDisabled)
            return Invalid();
        if (user.EmailConfirmed)
        {
            Confirmed = true;
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.ConfirmEmailAsync(user, token);
        if (!result.Succeeded)
            return Invalid();
        audit.Record("adresse-confirmee", AccountAudit.UserEntity, user.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Confirmed = true;
        return Page();
    }

    private PageResult Invalid()
    {
        Confirmed = false;
        return Page();
    }
}
