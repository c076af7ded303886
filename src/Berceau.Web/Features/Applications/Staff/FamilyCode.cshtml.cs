using Berceau.Domain.Applications;
using Berceau.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>
/// The agent hands a counter application's code to the family: shown once on this page (to print or copy), and e-mailed
/// when the family gives an address. Issuing a new code revokes the previous one.
/// </summary>
public sealed class FamilyCodeModel(CaseworkAccess access, AttachCodes codes) : PageModel
{
    public static string PathOf(Guid id) => $"/pro/demandes/{id}/code-famille";

    [BindProperty]
    public string? Email { get; set; }

    public Application Application { get; private set; } = null!;

    /// <summary>The code just issued; null until the agent asks for one.</summary>
    public string? Code { get; private set; }

    [TempData(Key = DetailsModel.MessageKey)]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await access.FindAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        if (application.FamilyUserId is not null) return Redirect(DetailsModel.PathOf(id));
        Application = application;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var application = await access.FindAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        if (application.FamilyUserId is not null) return Redirect(DetailsModel.PathOf(id));
        Application = application;
        ModelState.Clear();
        var email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        if (email is not null && (email.Length > EmailAddress.MaxLength || !EmailAddress.IsValid(email)))
        {
            ModelState.AddModelError(nameof(Email), Domain.Common.Messages.Get("attach-email"));
            return Page();
        }
        Code = await codes.IssueAsync(application, access.UserId, email, ct);
        // The page holds a secret: not kept by the browser's cache or history, not sent as Referer.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return Page();
    }

    public DateTimeOffset ExpiresOn => access.Now.AddDays(AttachCode.ValidDays);
}
