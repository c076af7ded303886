using Berceau.Data;
using Berceau.Domain.Childminders;
using Berceau.Web.Features.Childminders;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Offer.Childminder;

/// <summary>The families' requests to the childminder's own agréments: waiting ones first, then the answered.</summary>
public sealed class RequestsModel(CurrentStaff account, BerceauDbContext db, ChildminderQueries queries) : PageModel
{
    public const string Path = ContactRequests.ChildminderPath;

    public sealed record Row(Guid Id, string Facility, int ChildAgeMonths, DateOnly StartOn, DateTimeOffset CreatedAt, ContactRequestStatus Status);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var own = await queries.OwnFacilitiesAsync(await account.ScopeAsync(ct), ct);
        Rows = await (from r in db.ContactRequests.AsNoTracking()
                      join f in db.Facilities on r.FacilityId equals f.Id
                      where own.Contains(r.FacilityId)
                      orderby r.Status == ContactRequestStatus.Pending descending, r.CreatedAt descending
                      select new Row(r.Id, f.Name, r.ChildAgeMonths, r.StartOn, r.CreatedAt, r.Status)).ToListAsync(ct);
    }
}
