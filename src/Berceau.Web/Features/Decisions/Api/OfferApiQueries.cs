using Berceau.Data;
using Berceau.Domain.Commission;
using Berceau.Web.Features.Applications.Api;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Decisions.Api;

/// <summary>
/// Which offers the caller may read: those of the applications it may read (<see cref="ApplicationApiQueries.VisibleAsync"/>),
/// so a family sees its own and an agent or an admin those of the communes of their territory. An offer the caller may not
/// read is not found (404), exactly like one that does not exist.
/// </summary>
public sealed class OfferApiQueries(BerceauDbContext db, ApplicationApiQueries applications, TimeProvider clock)
{
    private sealed record Row(PlaceOffer Offer, string Reference);

    public bool IsFamily => applications.IsFamily;

    public Task<IReadOnlyList<string>> StaffCommunesAsync(CancellationToken ct) => applications.StaffCommunesAsync(ct);

    public async Task<OfferListPage> ListAsync(OfferStatus? status, string? commune, int page, int pageSize, CancellationToken ct)
    {
        var visible = await applications.VisibleAsync(ct);
        if (commune is not null) visible = visible.Where(a => a.CommuneCode == commune);
        var query = from o in db.PlaceOffers.AsNoTracking()
                    join a in visible on o.ApplicationId equals a.Id
                    select new { Offer = o, a.Reference };
        if (status is { } only) query = query.Where(x => x.Offer.Status == only);
        var total = await query.CountAsync(ct);
        // Newest first; the id breaks ties so that pages never overlap.
        var rows = await query.OrderByDescending(x => x.Offer.OfferedAt).ThenBy(x => x.Offer.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new OfferListPage(total, page, pageSize, await ResourcesAsync([.. rows.Select(r => new Row(r.Offer, r.Reference))], ct));
    }

    public async Task<OfferResource?> FindAsync(Guid id, CancellationToken ct)
    {
        var key = new PlaceOfferId(id);
        var visible = await applications.VisibleAsync(ct);
        var row = await (from o in db.PlaceOffers.AsNoTracking()
                         join a in visible on o.ApplicationId equals a.Id
                         where o.Id == key
                         select new { Offer = o, a.Reference }).FirstOrDefaultAsync(ct);
        return row is null ? null : (await ResourcesAsync([new Row(row.Offer, row.Reference)], ct))[0];
    }

    /// <summary>Names of crèches and sections, and the day the seat is free, read once for the whole page.</summary>
    private async Task<IReadOnlyList<OfferResource>> ResourcesAsync(IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var facilityIds = rows.Select(r => r.Offer.FacilityId).Distinct().ToList();
        var facilities = await db.Facilities.AsNoTracking().Include(f => f.Sections).Where(f => facilityIds.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, ct);
        var sessionIds = rows.Select(r => r.Offer.SessionId).Distinct().ToList();
        var seats = (await db.CommissionSessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id)).ToListAsync(ct))
            .SelectMany(s => s.Seats.Select(d => (s.Id, d.SectionId, d.AvailableOn)))
            .ToDictionary(x => (x.Id, x.SectionId), x => x.AvailableOn);
        var today = ParisTime.DayOf(clock.GetUtcNow());
        return [.. rows.Select(r =>
        {
            var o = r.Offer;
            var facility = facilities.GetValueOrDefault(o.FacilityId);
            var section = facility?.Sections.FirstOrDefault(s => s.Id == o.SectionId);
            return new OfferResource(o.Id.Value, o.ApplicationId.Value, r.Reference, o.SessionId.Value, o.FacilityId.Value,
                facility?.Name ?? "Structure inconnue", o.SectionId, section?.Name ?? "Section inconnue", o.Seat, o.Round,
                o.Status.ToString(), o.Status.Label(), seats.TryGetValue((o.SessionId, o.SectionId), out var from) ? from : null,
                o.Deadline, o.IsOpenOn(today), o.OfferedAt, o.AnsweredAt, o.Reason);
        })];
    }
}
