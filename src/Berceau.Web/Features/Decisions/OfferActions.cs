using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.Common;
using Berceau.Web.Features.Applications;
using Berceau.Web.Features.Commission;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Decisions;

/// <summary>
/// What happens to offers after the publication: the family accepts or refuses, the guichet withdraws, the job expires the
/// unanswered ones, and a released seat is offered to the next family of its section's waiting list. Each verb goes through
/// <see cref="PlaceOffer"/> (which moves the application), tells the family, writes its audit line and saves once. The callers
/// check who may act (<see cref="DecisionAccess"/>, or the family's ownership).
/// </summary>
public sealed class OfferActions(BerceauDbContext db, CommissionQueries queries, OfferQueries offers, ApplicationEvents events, AuditLog audit,
    TimeProvider clock)
{
    public const string Accept = "accepter";
    public const string Refuse = "refuser";

    private DateTimeOffset Now => clock.GetUtcNow();
    private DateOnly Today => ParisTime.DayOf(Now);

    /// <summary>The family's answer, before the deadline: <see cref="Accept"/> or <see cref="Refuse"/> (with an optional reason).</summary>
    /// <remarks>
    /// When the offer is a seat at a better wish of a family that had accepted a place (<see cref="OfferQueries.HeldAsync"/>),
    /// accepting gives that place up (« remplacée ») and releases its seat for the next family, in the same save: the chain goes
    /// on from there. Refusing keeps it. Otherwise a refusal follows the commune's rule (<see cref="DeclinedOfferRule"/>).
    /// </remarks>
    public async Task<Outcome<OfferStatus>> AnswerAsync(PlaceOffer offer, Application application, string? choice, string? reason, string by,
        CancellationToken ct)
    {
        var held = await offers.HeldAsync(application.Id, offer.Id, ct);
        var moved = choice switch
        {
            Accept => offer.Accept(application, Today, Now, by, held),
            Refuse => offer.Refuse(application, reason, Today, Now, by, await RuleAsync(application.CommuneCode, ct), held),
            _ => Problem.Of("offer-choice", "Choice"),
        };
        if (!moved.IsSuccess) return Outcome<OfferStatus>.Failure(moved.Problems);
        await events.ChangedAsync(application, moved.Value, ct);
        audit.Record(offer.Status == OfferStatus.Accepted ? DecisionAudit.Accepted : DecisionAudit.Refused, DecisionAudit.OfferType, offer.Id.ToString(),
            $"demande {application.Reference}, place n° {offer.Seat}" + (offer.Reason is null ? "" : " : " + offer.Reason) + " ; demande « " + application.Status.Label() + " »");
        if (held is { Status: OfferStatus.Replaced })
            audit.Record(DecisionAudit.Replaced, DecisionAudit.OfferType, held.Id.ToString(), $"demande {application.Reference}, place n° {held.Seat} libérée : {held.Reason}");
        return await SaveAsync(offer.Status, "offer-concurrency", ct);
    }

    /// <summary>The commune's rule for a refused or expired offer (<see cref="GuichetSettings.AfterDeclinedOffer"/>), the default without settings.</summary>
    private async Task<DeclinedOfferRule> RuleAsync(string commune, CancellationToken ct) =>
        await db.GuichetSettings.AsNoTracking().Where(s => s.CommuneCode == commune).Select(s => (DeclinedOfferRule?)s.AfterDeclinedOffer).FirstOrDefaultAsync(ct)
            ?? GuichetSettings.Default(commune).AfterDeclinedOffer;

    /// <summary>The guichet takes an offer back (proposed or accepted) with a written reason; the application is cancelled.</summary>
    public async Task<Outcome<bool>> WithdrawAsync(CommissionSession session, Guid offerId, string? reason, string by, CancellationToken ct)
    {
        var offer = await db.PlaceOffers.FirstOrDefaultAsync(o => o.Id == new PlaceOfferId(offerId) && o.SessionId == session.Id, ct);
        if (offer is null) return Problem.Of("not-found", "");
        var application = await LoadApplicationAsync(offer.ApplicationId, ct);
        var withdrawn = offer.Withdraw(application, reason, Now, by);
        if (!withdrawn.IsSuccess) return Outcome<bool>.Failure(withdrawn.Problems);
        if (withdrawn.Value is { } change) await events.ChangedAsync(application, change, ct);
        audit.Record(DecisionAudit.Withdrawn, DecisionAudit.OfferType, offer.Id.ToString(), $"demande {application.Reference}, place n° {offer.Seat} : {offer.Reason}");
        return await SaveAsync(true, "offer-concurrency", ct);
    }

    /// <summary>
    /// Offers a free seat of a section to the first family of the section's waiting list that still waits (status « liste
    /// d’attente », no other offer; or a place accepted at a wish ranked lower, see <see cref="OfferQueries.EligibleAsync"/>). Called by an agent or by the automatic job, possibly at the same moment for the same seat:
    /// the seat's unique key and the application's version make the database accept one of them, the others are told.
    /// </summary>
    public async Task<Outcome<PlaceOffer>> OfferSeatAsync(CommissionSession session, Guid sectionId, int seat, string by, CancellationToken ct)
    {
        if (session.Status != CommissionStatus.Published) return Problem.Of("commission-not-validated", "", session.Status.Label());
        var published = await PublishedRun.LoadAsync(db, queries, session, ct);
        if (published?.SectionOf(sectionId) is not { } where || seat < 1 || seat > published.SeatsOf(sectionId)) return Problem.Of("seat-unknown", "");
        var key = PlaceOffer.KeyOf(session.Id, sectionId, seat);
        if (await db.PlaceOffers.AnyAsync(o => o.SeatKey == key, ct)) return Problem.Of("seat-not-released", "");
        var next = (await offers.EligibleAsync(published, sectionId, ct)).FirstOrDefault();
        // Between these reads another actor may have offered the seat (its family no longer waits): say so, not « nobody waits ».
        if (next is null) return Problem.Of(await db.PlaceOffers.AnyAsync(o => o.SeatKey == key, ct) ? "seat-taken" : "seat-no-family", "");

        var application = await LoadApplicationAsync(next.ApplicationId, ct);
        var before = application.Status;
        if (before is not (ApplicationStatus.Waitlisted or ApplicationStatus.Accepted)) return Problem.Of("seat-taken", "");
        var held = before == ApplicationStatus.Accepted ? await offers.HeldAsync(application.Id, default, ct) : null;
        if (before == ApplicationStatus.Accepted && held is null) return Problem.Of("seat-taken", "");
        var round = 1 + (await db.PlaceOffers.Where(o => o.SessionId == session.Id && o.SectionId == sectionId && o.Seat == seat)
            .MaxAsync(o => (int?)o.Round, ct) ?? 0);
        var sentence = DecisionText.Offer(where.Facility.Name, where.Section.Name, published.AvailableOn(sectionId), Today.AddDays(session.OfferDays));
        if (held is not null) sentence = DecisionText.BetterWish(published.FacilityName(held.FacilityId)) + " " + sentence;
        var proposed = PlaceOffer.Propose(session.Id, application, where.Facility.Id, sectionId, seat, round, session.OfferDays, sentence, Today, Now, by, held);
        if (!proposed.IsSuccess)
        {
            // The application and its history are read in two queries: another actor's offer may have landed in between.
            var moved = await db.Applications.AsNoTracking().Where(a => a.Id == application.Id).Select(a => a.Status).SingleAsync(ct) != before;
            return moved || await db.PlaceOffers.AnyAsync(o => o.SeatKey == key, ct) ? Problem.Of("seat-taken", "") : Outcome<PlaceOffer>.Failure(proposed.Problems);
        }
        db.PlaceOffers.Add(proposed.Value.Offer);
        await events.ChangedAsync(application, proposed.Value.Change, ct);
        audit.Record(DecisionAudit.Reattributed, DecisionAudit.SessionType, session.Id.ToString(),
            $"{where.Facility.Name} – {where.Section.Name}, place n° {seat} (tour {round}) : demande {application.Reference}, {RunView.Ordinal(next.Position)} sur la liste d’attente"
            + (held is null ? "" : $", qui garde sa place acceptée à {published.FacilityName(held.FacilityId)} jusqu’à sa réponse") + $" ; par {by}");
        return await SaveAsync(proposed.Value.Offer, "seat-taken", ct);
    }

    /// <summary>The job: an offer unanswered after its deadline expires, and its seat is released.</summary>
    public async Task<bool> ExpireAsync(PlaceOfferId id, CancellationToken ct)
    {
        var offer = await db.PlaceOffers.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null) return false;
        var application = await LoadApplicationAsync(offer.ApplicationId, ct);
        var held = await offers.HeldAsync(application.Id, offer.Id, ct);
        var expired = offer.Expire(application, DecisionText.Expired(offer.Deadline), Today, Now, DecisionAudit.JobActor,
            await RuleAsync(application.CommuneCode, ct), held);
        if (!expired.IsSuccess) return false;
        await events.ChangedAsync(application, expired.Value, ct);
        audit.Record(DecisionAudit.Expired, DecisionAudit.OfferType, offer.Id.ToString(),
            $"demande {application.Reference}, sans réponse au {offer.Deadline:dd/MM/yyyy} ; demande « {application.Status.Label()} »");
        return (await SaveAsync(true, "offer-concurrency", ct)).IsSuccess;
    }

    public const string ApplicationGoneReason = "La famille a retiré sa demande.";

    /// <summary>The job: an offer whose application the family withdrew (annulée) no longer holds its seat.</summary>
    public async Task<bool> ReleaseWithdrawnAsync(PlaceOfferId id, CancellationToken ct)
    {
        var offer = await db.PlaceOffers.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null) return false;
        var application = await LoadApplicationAsync(offer.ApplicationId, ct);
        if (application.Status is ApplicationStatus.Offered or ApplicationStatus.Accepted) return false;
        var withdrawn = offer.Withdraw(application, ApplicationGoneReason, Now, DecisionAudit.JobActor);
        if (!withdrawn.IsSuccess) return false;
        audit.Record(DecisionAudit.Withdrawn, DecisionAudit.OfferType, offer.Id.ToString(), $"demande {application.Reference} : {ApplicationGoneReason}");
        return (await SaveAsync(true, "offer-concurrency", ct)).IsSuccess;
    }

    private Task<Application> LoadApplicationAsync(Domain.Applications.ApplicationId id, CancellationToken ct) =>
        db.Applications.Include(a => a.StatusChanges).Include(a => a.Events).AsSplitQuery().SingleAsync(a => a.Id == id, ct);

    private async Task<Outcome<T>> SaveAsync<T>(T result, string conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return result;
        }
        catch (DbUpdateException)
        {
            // The seat's unique key, or the version of the offer or the application: someone else acted first. Nothing is kept.
            db.ChangeTracker.Clear();
            return Problem.Of(conflict, "");
        }
    }
}
