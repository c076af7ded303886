using Berceau.Data;
using Berceau.Domain.Childminders;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Childminders.Staff;

/// <summary>
/// The relais's page of the assistants maternels and MAM of a commune of its territory: which have an account, the
/// invitation to send, the registrations to check and the families' contact requests.
/// </summary>
public sealed class IndexModel(CurrentStaff staff, BerceauDbContext db, ChildminderQueries queries) : PageModel
{
    public const int MaxRows = 200;

    public sealed record Row(Guid Id, string Name, CareMode Mode, string? AgrementNumber, int Accounts, bool Closed);

    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<SelectListItem> Communes { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PendingRegistrations { get; private set; }
    public string? CommuneName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        if (!user.ManagesTerritory) return Forbid();
        var communes = await queries.CommunesAsync(user.Scope, ct);
        Communes = [.. communes.Select(c => new SelectListItem(c.Name, c.Code, c.Code == Commune))];
        var codes = communes.Select(c => c.Code).ToList();
        PendingRegistrations = await db.ChildminderRegistrations.CountAsync(r => codes.Contains(r.CommuneCode) && r.Status == RegistrationStatus.Pending, ct);
        var chosen = communes.FirstOrDefault(c => c.Code == Commune);
        if (chosen is null) return Page();
        CommuneName = chosen.Name;

        var facilities = db.Facilities.AsNoTracking()
            .Where(f => f.CommuneCode == chosen.Code && (f.Mode == CareMode.AssistantMaternel || f.Mode == CareMode.Mam));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            facilities = facilities.Where(f => f.Name.Contains(q) || (f.Agrement != null && f.Agrement.Number == q));
        }
        Total = await facilities.CountAsync(ct);
        var rows = await facilities.OrderBy(f => f.Name).Take(MaxRows)
            .Select(f => new { f.Id, f.Name, f.Mode, Number = f.Agrement == null ? null : f.Agrement.Number, f.ClosedOn })
            .ToListAsync(ct);
        var ids = rows.Select(r => (Guid?)r.Id.Value).ToList();
        var accounts = await db.UserGrants.AsNoTracking().Where(g => ids.Contains(g.FacilityId))
            .GroupBy(g => g.FacilityId).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync(ct);
        Rows = [.. rows.Select(r => new Row(r.Id.Value, r.Name, r.Mode, r.Number,
            accounts.FirstOrDefault(a => a.Id == r.Id.Value)?.Count ?? 0, r.ClosedOn is not null))];
        return Page();
    }
}
