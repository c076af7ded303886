using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Web.Features.Commission;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Decisions;

/// <summary>What one pass did; <see cref="Ran"/> false when another node held the job.</summary>
public sealed record OfferPass(bool Ran, int Released, int Expired, int Reattributed);

/// <summary>
/// Keeps the seats of published sessions moving: an offer whose application the family withdrew releases its seat; an offer
/// unanswered after its deadline (a day in the territory, from the injected clock) expires; and in sessions in automatic
/// mode, every free seat is offered to the next family of its section's waiting list. Each change is its own unit of work
/// through <see cref="OfferActions"/>, so a pass may run as often as wanted and race agents or families: the database keeps
/// one offer per seat, the losers are skipped and looked at again next time.
/// </summary>
public sealed class OfferJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<OfferOptions> options, ILogger<OfferJob> logger)
{
    public const string LeaseName = "propositions-de-place";

    public async Task<OfferPass> RunOnceAsync(CancellationToken ct = default) =>
        await JobLeases.RunExclusiveAsync(scopes, clock, LeaseName, options.Value.LeaseMinutes, async (services, db, now) =>
        {
            var today = ParisTime.DayOf(now);
            ApplicationStatus[] holding = [ApplicationStatus.Offered, ApplicationStatus.Accepted];
            var gone = await (from o in db.PlaceOffers.AsNoTracking()
                              join a in db.Applications.AsNoTracking() on o.ApplicationId equals a.Id
                              where o.SeatKey != null && !holding.Contains(a.Status)
                              select o.Id).ToListAsync(ct);
            var released = await EachAsync(gone, (actions, id) => actions.ReleaseWithdrawnAsync(id, ct));
            var overdue = await db.PlaceOffers.AsNoTracking().Where(o => o.Status == OfferStatus.Proposed && o.Deadline < today).Select(o => o.Id).ToListAsync(ct);
            var expired = await EachAsync(overdue, (actions, id) => actions.ExpireAsync(id, ct));
            var reattributed = await ReattributeAsync(db, ct);
            var pass = new OfferPass(true, released, expired, reattributed);
            if (released + expired + reattributed > 0)
                logger.LogInformation("Propositions de place : {Released} libérée(s), {Expired} expirée(s), {Reattributed} réattribuée(s)", released, expired, reattributed);
            return pass;
        }, ct) ?? new OfferPass(false, 0, 0, 0);

    /// <summary>Every free seat of every published session in automatic mode that has a family waiting.</summary>
    private async Task<int> ReattributeAsync(BerceauDbContext db, CancellationToken ct)
    {
        var sessions = await db.CommissionSessions.AsNoTracking()
            .Where(s => s.Status == CommissionStatus.Published && s.Reattribution == ReattributionMode.Automatic).Select(s => s.Id).ToListAsync(ct);
        var done = 0;
        foreach (var id in sessions)
        {
            IReadOnlyList<FreeSeat> free;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var services = scope.ServiceProvider;
                var session = await services.GetRequiredService<CommissionQueries>().FindAsync(id.Value, tracked: false, ct);
                var published = session is null ? null : await PublishedRun.LoadAsync(services.GetRequiredService<BerceauDbContext>(), services.GetRequiredService<CommissionQueries>(), session, ct);
                free = published is null ? [] : await services.GetRequiredService<OfferQueries>().FreeSeatsAsync(published, ct);
            }
            foreach (var seat in free.Where(f => f.Next is not null))
            {
                await using var scope = scopes.CreateAsyncScope();
                var services = scope.ServiceProvider;
                var session = await services.GetRequiredService<CommissionQueries>().FindAsync(id.Value, tracked: false, ct);
                if (session is null) break;
                var offered = await services.GetRequiredService<OfferActions>().OfferSeatAsync(session, seat.SectionId, seat.Seat, DecisionAudit.JobActor, ct);
                if (offered.IsSuccess) done++;
                else logger.LogInformation("Place {Seat} de la section {Section} non réattribuée : {Why}", seat.Seat, seat.SectionId, offered.Problems[0].Message);
            }
        }
        return done;
    }

    /// <summary>One offer per unit of work: a failure or a concurrent change skips it, not the whole pass.</summary>
    private async Task<int> EachAsync(IEnumerable<PlaceOfferId> ids, Func<OfferActions, PlaceOfferId, Task<bool>> act)
    {
        var done = 0;
        foreach (var id in ids)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                if (await act(scope.ServiceProvider.GetRequiredService<OfferActions>(), id)) done++;
            }
            catch (DbUpdateException e)
            {
                logger.LogInformation(e, "Proposition {Id} modifiée pendant la tâche : reprise au prochain passage", id);
            }
        }
        return done;
    }
}
