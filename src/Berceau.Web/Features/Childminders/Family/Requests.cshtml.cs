using Berceau.Data;
using Berceau.Domain.Childminders;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Childminders.Family;

/// <summary>A family's own contact requests to childminders, newest first.</summary>
public sealed class RequestsModel(CurrentStaff account, BerceauDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, DateTimeOffset CreatedAt, ContactRequestStatus Status);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = account.UserId;
        Rows = await (from r in db.ContactRequests.AsNoTracking()
                      join f in db.Facilities on r.FacilityId equals f.Id
                      where r.FamilyUserId == me
                      orderby r.CreatedAt descending
                      select new Row(r.Id, f.Name, r.CreatedAt, r.Status)).ToListAsync(ct);
    }
}
