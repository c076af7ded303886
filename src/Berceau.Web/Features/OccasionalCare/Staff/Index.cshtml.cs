using Berceau.Data;
using Berceau.Domain.Offer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.OccasionalCare.Staff;

/// <summary>A commune's free-cancellation notice, as the staff home lists it.</summary>
public sealed record CommuneNotice(string Code, string Name, int Hours);

/// <summary>
/// The crèches whose occasional-care slots the user manages, the families' files they check, and — for agents and admins — the
/// free-cancellation notice of the communes of those crèches.
/// </summary>
public sealed class IndexModel(OccasionalAccess access, CancellationNotices notices, BerceauDbContext db) : PageModel
{
    public IReadOnlyList<Facility> Facilities { get; private set; } = [];
    public bool ReviewsFiles { get; private set; }
    public IReadOnlyList<CommuneNotice> Notices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Facilities = await access.ManagedFacilitiesAsync(ct);
        ReviewsFiles = (await access.ReviewableCommunesAsync(ct)).Count > 0;
        if (Facilities.Count == 0 && !ReviewsFiles) return Forbid();
        var user = await access.MemberAsync(ct);
        if (user.ManagesTerritory)
        {
            var codes = Facilities.Select(f => f.CommuneCode).Where(user.Scope.CoversCommune).Distinct().ToList();
            var hours = await notices.HoursAsync(codes, ct);
            var names = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
            Notices = [.. codes.Where(names.ContainsKey).Select(c => new CommuneNotice(c, names[c], hours[c]))
                .OrderBy(n => n.Name, StringComparer.Create(OccasionalDisplay.French, true))];
        }
        return Page();
    }
}
