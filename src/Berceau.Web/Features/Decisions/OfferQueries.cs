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
    /// The section's waiting list (<see cref="SectionWaitlist"/>) without the families that no longer wait for it: they hold an
    /// offer (or accepted a place at a wish they ranked higher), refused a seat of this crèche or let an offer of this session
    /// expire, withdrew their application or went to another session. A family that accepted a place of this session at a wish
    /// it ranked lower stays in line: as the engine's deferred acceptance would, the better seat is offered to it in its turn,
    /// and its accepted place is released when it accepts (<see cref="OfferActions.AnswerAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<NextFamily>> EligibleAsync(PublishedRun published, Guid sectionId, CancellationToken ct)
    {
        if (published.SectionOf(sectionId) is not { } where) return [];
        var waiting = SectionWaitlist.Of(published.Instance, published.Run, InstanceSnapshot.SectionId(sectionId));
        var ids = waiting.Select(w => published.ApplicationOf(w.InstanceId)).OfType<ApplicationId>().ToList();
        ApplicationStatus[] inLine = [ApplicationStatus.Waitlisted, ApplicationStatus.Accepted];
        var rows = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id) && inLine.Contains(a.Status))
            .Select(a => new { a.Id, a.Reference, a.ChildFirstName, a.ChildLastName, a.Status }).ToListAsync(ct);
        var offers = await db.PlaceOffers.AsNoTracking().Where(o => ids.Contains(o.ApplicationId))
            .Select(o => new { o.ApplicationId, o.SessionId, o.FacilityId, o.Status, o.SeatKey }).ToListAsync(ct);
        var session = published.Session.Id;
        var facility = where.Facility.Id;
        var movedOn = await MovedToALaterSessionAsync(published.Session.Id, rows.Select(r => r.Id).ToList(), ct);
        var byId = rows.Where(r =>
        {
            if (movedOn.Contains(r.Id)) return false;
            var mine = offers.Where(o => o.ApplicationId == r.Id).ToList();
            var here = mine.Where(o => o.SessionId == session).ToList();
            if (here.Any(o => o.Status == OfferStatus.Expired || (o.Status == OfferStatus.Refused && o.FacilityId == facility))) return false;
            var holding = mine.Where(o => o.SeatKey != null).ToList();
            if (r.Status == ApplicationStatus.Waitlisted) return holding.Count == 0;
            // Accepted: one place, of this session, at a wish ranked after this crèche.
            return holding is [{ Status: OfferStatus.Accepted } held] && held.SessionId == session
                && published.WishRankOf(r.Id, held.FacilityId) > published.WishRankOf(r.Id, facility);
        }).ToDictionary(r => r.Id);
        return [.. waiting.Select(w => published.ApplicationOf(w.InstanceId) is { } id && byId.TryGetValue(id, out var a)
                ? new NextFamily(id, a.Reference, ApplicationDisplay.ChildName(a.ChildFirstName, a.ChildLastName), w.Position, w.Score) : null)
            .OfType<NextFamily>()];
    }

    /// <summary>
    /// The applications that a later session (not cancelled) examined: they went on to another commission, whose waiting list
    /// is now theirs; back on the waiting list after it, they are no longer in this session's line (docs/commission.md, « La
    /// réattribution des places libérées »). « Later » is read from the entries' ids, written in freeze order, and not from the
    /// freeze instants, which two sessions may share to the second.
    /// </summary>
    private async Task<HashSet<ApplicationId>> MovedToALaterSessionAsync(CommissionSessionId session, List<ApplicationId> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var entries = await (from e in db.CommissionEntries.AsNoTracking()
                             join s in db.CommissionSessions.AsNoTracking() on e.SessionId equals s.Id
                             where ids.Contains(e.ApplicationId) && s.Status != CommissionStatus.Cancelled
                             select new { e.Id, e.ApplicationId, e.SessionId }).ToListAsync(ct);
        var here = entries.Where(e => e.SessionId == session).GroupBy(e => e.ApplicationId).ToDictionary(g => g.Key, g => g.Max(e => e.Id));
        return [.. entries.Where(e => e.SessionId != session && here.TryGetValue(e.ApplicationId, out var mine) && e.Id > mine).Select(e => e.ApplicationId)];
    }

    /// <summary>
    /// The offer a family deals with now among its offers of a session (newest first): the one awaiting its answer, else the place
    /// it holds, else the latest.
    /// </summary>
    public static PlaceOffer? Current(IReadOnlyList<PlaceOffer> offers) =>
        offers.FirstOrDefault(o => o.Status == OfferStatus.Proposed) ?? offers.FirstOrDefault(o => o.Status == OfferStatus.Accepted) ?? offers.FirstOrDefault();

    /// <summary>The place the application accepted and keeps while it is offered a better one (tracked: the answer may release it).</summary>
    public Task<PlaceOffer?> HeldAsync(ApplicationId application, PlaceOfferId except, CancellationToken ct) =>
        db.PlaceOffers.FirstOrDefaultAsync(o => o.ApplicationId == application && o.Status == OfferStatus.Accepted && o.Id != except, ct);

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
