using Berceau.Data;
using Berceau.Domain.Newsletter;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Newsletter.Public;

/// <summary>An issue of the archive, as it was sent (without anyone's unsubscription link).</summary>
[AllowAnonymous]
public sealed class IssueModel(BerceauDbContext db) : PageModel
{
    public NewsletterIssue Issue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string departement, int number, CancellationToken ct)
    {
        var issue = await db.NewsletterIssues.AsNoTracking().FirstOrDefaultAsync(i => i.DepartementCode == departement && i.Number == number, ct);
        if (issue is null) return NotFound();
        Issue = issue;
        return Page();
    }
}
