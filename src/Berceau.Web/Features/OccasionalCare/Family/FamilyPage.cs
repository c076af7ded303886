using System.Security.Claims;
using Berceau.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.OccasionalCare.Family;

/// <summary>A family page: the signed-in family's id and e-mail. Every query of these pages filters on that id.</summary>
public abstract class FamilyPage : PageModel
{
    protected string FamilyUserId => User.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("Family pages are only reached signed in.");

    protected async Task<string> FamilyEmailAsync(BerceauDbContext db, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == FamilyUserId).Select(u => u.Email).FirstOrDefaultAsync(ct) ?? "";
}
