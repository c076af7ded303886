using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Web.Features.Applications.Family;
using Berceau.Web.Features.Commission;
using Microsoft.EntityFrameworkCore;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Features.Decisions;

/// <summary>A family of a section's waiting list that may receive a released seat now.</summary>
public sealed record NextFamily(ApplicationId ApplicationId, string Reference, string Child, int Position, int Score);

/// <summary>A seat of a section that no offer holds: released (refused, expired, withdrawn) or never taken; and who would get it.</summary>
public sealed record FreeSeat(Guid FacilityId, string Facility, Guid SectionId, string Section, int Seat, bool WasOffered, NextFamily? Next);

/// <summary>An offer as the staff list shows it.</summary>
public sealed record OfferRow(PlaceOffer Offer, string Reference, string Child, string Facility, string Section);

/// <summary>Reads of offers, free seats and waiting lists.</summary>
public sealed class OfferQueries(BerceauDbContext db)
{
    /// <summary>
    /// The section's waiting list (<see cref="SectionWaitlist"/>) without the families that no longer wait: they got another
    /// offer, refused one, withdrew their application or went to another session.
    /// </summary>
    public async Task<IReadOnlyList<NextFamily>> EligibleAsync(PublishedRun published, Guid sectionId, CancellationToken ct)
    {
        var waiting = SectionWaitlist.Of(published.Instance, published.Run, InstanceSnapshot.SectionId(sectionId));
        var ids = waiting.Select(w => published.ApplicationOf(w.InstanceId)).OfType<ApplicationId>().ToList();
        var rows = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id) && a.Status == ApplicationStatus.Waitlisted)
            .Select(a => new { a.Id, a.Reference, a.ChildFirstName, a.ChildLastName }).ToListAsync(ct);
        var holding = await db.PlaceOffers.AsNoTracking().Where(o => ids.Contains(o.ApplicationId) && o.SeatKey != null).Select(o => o.ApplicationId).ToListAsync(ct);
        var byId = rows.Where(r => !holding.Contains(r.Id)).ToDictionary(r => r.Id);
        return [.. waiting.Select(w => published.ApplicationOf(w.InstanceId) is { } id && byId.TryGetValue(id, out var a)
                ? new NextFamily(id, a.Reference, ApplicationDisplay.ChildName(a.ChildFirstName, a.ChildLastName), w.Position, w.Score) : null)
            .OfType<NextFamily>()];
    }

    /// <summary>Every seat the session offers that no offer holds now, with the family it would go to (in line order, one each).</summary>
    public async Task<IReadOnlyList<FreeSeat>> FreeSeatsAsync(PublishedRun published, CancellationToken ct)
    {
        var session = published.Session.Id;
        var offers = await db.PlaceOffers.AsNoTracking().Where(o => o.SessionId == session)
            .Select(o => new { o.SectionId, o.Seat, o.SeatKey }).ToListAsync(ct);
        var free = new List<FreeSeat>();
        foreach (var declared in published.Session.Seats.Where(s => s.Seats > 0))
        {
            if (published.SectionOf(declared.SectionId) is not { } where) continue;
            var held = offers.Where(o => o.SectionId == declared.SectionId && o.SeatKey != null).Select(o => o.Seat).ToHashSet();
            var seats = Enumerable.Range(1, declared.Seats).Where(n => !held.Contains(n)).ToList();
            if (seats.Count == 0) continue;
            var next = await EligibleAsync(published, declared.SectionId, ct);
            free.AddRange(seats.Select((n, i) => new FreeSeat(where.Facility.Id.Value, where.Facility.Name, declared.SectionId, where.Section.Name, n,
                offers.Any(o => o.SectionId == declared.SectionId && o.Seat == n), i < next.Count ? next[i] : null)));
        }
        return [.. free.OrderBy(f => f.Facility, CommissionDisplay.FrenchOrder).ThenBy(f => f.Section).ThenBy(f => f.Seat)];
    }

    public async Task<IReadOnlyList<OfferRow>> OffersAsync(PublishedRun published, CancellationToken ct)
    {
        var session = published.Session.Id;
        var offers = await db.PlaceOffers.AsNoTracking().Where(o => o.SessionId == session).ToListAsync(ct);
        var ids = offers.Select(o => o.ApplicationId).Distinct().ToList();
        var applications = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Reference, a.ChildFirstName, a.ChildLastName }).ToDictionaryAsync(a => a.Id, ct);
        return [.. offers.OrderBy(o => published.FacilityName(o.FacilityId), CommissionDisplay.FrenchOrder).ThenBy(o => o.SectionId).ThenBy(o => o.Seat)
            .ThenBy(o => o.Round).Select(o =>
            {
                var a = applications[o.ApplicationId];
                return new OfferRow(o, a.Reference, ApplicationDisplay.ChildName(a.ChildFirstName, a.ChildLastName), published.FacilityName(o.FacilityId),
                    published.SectionOf(o.SectionId)?.Section.Name ?? "");
            })];
    }

    /// <summary>The latest published session that examined the application, or null.</summary>
    public async Task<CommissionSession?> PublishedSessionOfAsync(ApplicationId application, CancellationToken ct)
    {
        var sessions = await (from e in db.CommissionEntries.AsNoTracking()
                              join s in db.CommissionSessions.AsNoTracking() on e.SessionId equals s.Id
                              where e.ApplicationId == application && s.Status == CommissionStatus.Published
                              select s).ToListAsync(ct);
        // Sorted here: SQLite does not order instants.
        return sessions.OrderByDescending(s => s.PublishedAt).FirstOrDefault();
    }

    /// <summary>The application's offers in that session, newest first (a reattributed seat comes after the publication).</summary>
    public async Task<IReadOnlyList<PlaceOffer>> OffersOfAsync(CommissionSessionId session, ApplicationId application, bool tracked, CancellationToken ct)
    {
        var query = db.PlaceOffers.Where(o => o.SessionId == session && o.ApplicationId == application);
        var list = await (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
        return [.. list.OrderByDescending(o => o.OfferedAt).ThenByDescending(o => o.Round)];
    }
}
