using Berceau.Data;
using Berceau.Domain.OccasionalCare;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.OccasionalCare.Staff;

/// <summary>The families' files of the user's communes: those to check first, then the others, oldest first.</summary>
public sealed class FilesModel(OccasionalAccess access, BerceauDbContext db) : PageModel
{
    public IReadOnlyList<OccasionalChild> Files { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var communes = (await access.ReviewableCommunesAsync(ct)).ToList();
        if (communes.Count == 0) return Forbid();
        var files = await db.OccasionalChildren.AsNoTracking().Where(c => communes.Contains(c.CommuneCode))
            .OrderBy(c => c.CreatedAt).Take(500).ToListAsync(ct);
        Files = [.. files.OrderBy(c => c.Status == OccasionalFileStatus.Pending ? 0 : 1).ThenBy(c => c.CreatedAt)];
        return Page();
    }
}
