using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.Common;
using Berceau.Web.Features.Applications;
using Berceau.Web.Features.Commission;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Decisions;

/// <summary>The publication form: the days families have to answer, and how released seats are offered again.</summary>
public sealed record PublishInput
{
    public string? OfferDays { get; set; } = CommissionSession.DefaultOfferDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public string? Mode { get; set; } = nameof(ReattributionMode.Automatic);
}

/// <summary>What publishing would do (or did): offers made, families put on the waiting list.</summary>
public sealed record PublicationCount(int Offers, int Waitlisted);

/// <summary>
/// Publication of a validated session: every application the validated run placed gets a <see cref="PlaceOffer"/> (seats
/// numbered per section) and moves to « proposée »; every other one moves to « liste d’attente » with the engine's explanation
/// in plain French. Each family is told through its application's events (e-mail and notification in its space). Everything —
/// offers, moves, the session's status, the audit line — is saved at once, or nothing.
/// </summary>
public sealed class PublishDecisions(BerceauDbContext db, CommissionQueries queries, ApplicationEvents events, AuditLog audit, TimeProvider clock)
{
    public static Outcome<(int Days, ReattributionMode Mode)> Read(PublishInput input)
    {
        var read = new Offer.Staff.InputReader();
        var days = read.Integer(input.OfferDays, nameof(input.OfferDays), int.MinValue, int.MaxValue, required: true);
        // The range is said in the commission's words (« un délai de réponse entre 1 et 60 jours »), not the generic one.
        if (days is < 1 or > CommissionSession.MaxOfferDays) read.Add("commission-offer-days", nameof(input.OfferDays), CommissionSession.MaxOfferDays);
        ReattributionMode? mode = Enum.TryParse<ReattributionMode>(input.Mode, out var m) && Enum.IsDefined(m) && !int.TryParse(input.Mode, out _) ? m : null;
        if (mode is null) read.Add("commission-reattribution-mode", nameof(input.Mode));
        if (read.Problems.Count > 0) return Outcome<(int, ReattributionMode)>.Failure(read.Problems);
        return (days!.Value, mode!.Value);
    }

    /// <summary>The count shown before publishing.</summary>
    public static PublicationCount Count(PublishedRun published) =>
        new(published.Entries.Count(e => published.Run.Placements.ContainsKey(e.InstanceId)),
            published.Entries.Count(e => !published.Run.Placements.ContainsKey(e.InstanceId)));

    public async Task<Outcome<PublicationCount>> PublishAsync(CommissionSession session, PublishInput input, string by, CancellationToken ct)
    {
        var settings = Read(input);
        if (!settings.IsSuccess) return Outcome<PublicationCount>.Failure(settings.Problems);
        if (session.Status != CommissionStatus.Validated) return Problem.Of("commission-not-validated", "", session.Status.Label());
        var published = await PublishedRun.LoadAsync(db, queries, session, ct);
        if (published is null) return Problem.Of("commission-not-validated", "", session.Status.Label());

        var now = clock.GetUtcNow();
        var today = ParisTime.DayOf(now);
        var (days, mode) = settings.Value;
        var publishedOk = session.Publish(days, mode, now, by);
        if (!publishedOk.IsSuccess) return Outcome<PublicationCount>.Failure(publishedOk.Problems);

        var ids = published.Entries.Select(e => e.ApplicationId).ToList();
        var applications = (await db.Applications.Include(a => a.StatusChanges).Include(a => a.Events).AsSplitQuery()
            .Where(a => ids.Contains(a.Id)).ToListAsync(ct)).ToDictionary(a => a.Id);
        var seats = new Dictionary<string, int>(StringComparer.Ordinal);
        int offers = 0, waitlisted = 0;
        // Forced placements first, then the engine's by wish rank: seat numbers follow the order the commission decided them.
        var placed = published.Run.Placements.OrderBy(p => p.Value.Forced is null).ThenBy(p => p.Value.WishRank).ThenBy(p => p.Key, StringComparer.Ordinal);
        foreach (var (instanceId, placement) in placed)
        {
            if (published.ApplicationOf(instanceId) is not { } id || !applications.TryGetValue(id, out var application)) continue;
            // Withdrawn by the family while the commission sat: its seat stays free and is offered again like a released one.
            if (application.Status != ApplicationStatus.InCommittee) continue;
            if (!published.Names.Sections.TryGetValue(placement.Section, out var where)) continue;
            var seat = seats[placement.Section] = seats.GetValueOrDefault(placement.Section) + 1;
            var sentence = DecisionText.Offer(where.Facility.Name, where.Section.Name, published.AvailableOn(where.Section.Id), today.AddDays(days));
            var proposed = PlaceOffer.Propose(session.Id, application, where.Facility.Id, where.Section.Id, seat, round: 0, days, sentence, today, now, by);
            if (!proposed.IsSuccess) return Outcome<PublicationCount>.Failure(proposed.Problems);
            db.PlaceOffers.Add(proposed.Value.Offer);
            await events.ChangedAsync(application, proposed.Value.Change, ct);
            offers++;
        }
        foreach (var entry in published.Entries.Where(e => !published.Run.Placements.ContainsKey(e.InstanceId)))
        {
            if (!applications.TryGetValue(entry.ApplicationId, out var application) || application.Status != ApplicationStatus.InCommittee) continue;
            var reason = DecisionText.WaitlistReason(DecisionText.Waitlist(published.Run, entry.InstanceId, published.Names.Structure));
            var moved = application.Move(ApplicationStatus.Waitlisted, now, by, reason);
            if (!moved.IsSuccess) return Outcome<PublicationCount>.Failure(moved.Problems);
            await events.ChangedAsync(application, moved.Value, ct);
            waitlisted++;
        }
        audit.Record(DecisionAudit.Published, DecisionAudit.SessionType, session.Id.ToString(),
            $"{offers} propositions (réponse sous {days} jours), {waitlisted} demandes en liste d’attente ; réattribution : {mode.Label()}");
        try
        {
            await db.SaveChangesAsync(ct);
            return new PublicationCount(offers, waitlisted);
        }
        catch (DbUpdateException)
        {
            // Published by someone else at the same moment (the session's version), or an application changed meanwhile.
            return Problem.Of("commission-concurrency", "");
        }
    }

    /// <summary>Switches between automatic reattribution and confirmation by an agent.</summary>
    public async Task<Outcome<bool>> ChangeModeAsync(CommissionSession session, string? mode, CancellationToken ct)
    {
        if (!Enum.TryParse<ReattributionMode>(mode, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(mode, out _))
            return Problem.Of("commission-reattribution-mode", "Mode");
        var changed = session.ChangeReattribution(parsed);
        if (!changed.IsSuccess) return changed;
        audit.Record(DecisionAudit.ModeChanged, DecisionAudit.SessionType, session.Id.ToString(), parsed.Label());
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return Problem.Of("commission-concurrency", "");
        }
    }
}
