using Berceau.Data;
using Berceau.Domain.Childminders;
using Berceau.Web.Features.Offer;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Childminders.Staff;

/// <summary>
/// The relais follows the families' contact requests of its communes and their outcome (to see who is left without an
/// answer), without the messages or anyone's contact details. Each reading is audited.
/// </summary>
public sealed class RequestsModel(CurrentStaff staff, BerceauDbContext db, ChildminderQueries queries, AuditLog audit) : PageModel
{
    public const int MaxRows = 200;

    public sealed record Row(DateTimeOffset CreatedAt, string Facility, string Commune, int ChildAgeMonths, DateOnly StartOn, ContactRequestStatus Status, DateTimeOffset? AnsweredAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Pending { get; private set; }
    public int Accepted { get; private set; }
    public int Declined { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        if (!user.ManagesTerritory) return Forbid();
        var communes = (await queries.CommunesAsync(user.Scope, ct)).ToDictionary(c => c.Code, c => c.Name);
        var codes = communes.Keys.ToList();
        var requests = db.ContactRequests.AsNoTracking().Where(r => codes.Contains(r.CommuneCode));
        var counts = await requests.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Pending = counts.FirstOrDefault(c => c.Key == ContactRequestStatus.Pending)?.Count ?? 0;
        Accepted = counts.FirstOrDefault(c => c.Key == ContactRequestStatus.Accepted)?.Count ?? 0;
        Declined = counts.FirstOrDefault(c => c.Key == ContactRequestStatus.Declined)?.Count ?? 0;
        var rows = await (from r in requests
                          join f in db.Facilities on r.FacilityId equals f.Id
                          orderby r.CreatedAt descending
                          select new { r.CreatedAt, f.Name, r.CommuneCode, r.ChildAgeMonths, r.StartOn, r.Status, r.AnsweredAt }).Take(MaxRows).ToListAsync(ct);
        Rows = [.. rows.Select(r => new Row(r.CreatedAt, r.Name, communes[r.CommuneCode], r.ChildAgeMonths, r.StartOn, r.Status, r.AnsweredAt))];
        await audit.RecordReadAsync(ChildminderAudit.ContactRequestEntity, "liste", ct);
        return Page();
    }
}
