using Berceau.Data;
using Berceau.Domain.Childminders;
using Berceau.Web.Features.Offer;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Childminders.Staff;

/// <summary>The agents' worklist of self-registered childminders of their communes: pending oldest first, then the last decided.</summary>
public sealed class RegistrationsModel(CurrentStaff staff, BerceauDbContext db, ChildminderQueries queries) : PageModel
{
    public const int MaxDecided = 50;

    public sealed record Row(Guid Id, string Name, string AgrementNumber, string Commune, DateTimeOffset CreatedAt, RegistrationStatus Status, DateTimeOffset? DecidedAt);

    public IReadOnlyList<Row> Pending { get; private set; } = [];
    public IReadOnlyList<Row> Decided { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        if (!user.ManagesTerritory) return Forbid();
        var communes = (await queries.CommunesAsync(user.Scope, ct)).ToDictionary(c => c.Code, c => c.Name);
        var codes = communes.Keys.ToList();
        var rows = db.ChildminderRegistrations.AsNoTracking().Where(r => codes.Contains(r.CommuneCode));
        Pending = [.. (await rows.Where(r => r.Status == RegistrationStatus.Pending).OrderBy(r => r.CreatedAt).ToListAsync(ct)).Select(Map)];
        Decided = [.. (await rows.Where(r => r.Status != RegistrationStatus.Pending).OrderByDescending(r => r.DecidedAt).Take(MaxDecided).ToListAsync(ct)).Select(Map)];
        return Page();

        Row Map(ChildminderRegistration r) => new(r.Id, r.Name, r.AgrementNumber, communes[r.CommuneCode], r.CreatedAt, r.Status, r.DecidedAt);
    }
}
