using Berceau.Data;
using Berceau.Domain.Practices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Practices.Public;

/// <summary>A published fiche. A submission waiting for moderation, refused or withdrawn is not found (404), like one that never existed.</summary>
[AllowAnonymous]
public sealed class PracticeModel(BerceauDbContext db) : PageModel
{
    public GoodPractice Practice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var practice = await db.GoodPractices.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.Status == PracticeStatus.Published, ct);
        if (practice is null) return NotFound();
        Practice = practice;
        return Page();
    }
}
