using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Domain.Commission;

public readonly record struct PlaceOfferId(Guid Value)
{
    public static PlaceOfferId New() => new(Guid.NewGuid());
    public override string ToString() => Value.ToString();
}

/// <summary>
/// Where an offer stands: proposed to the family, then accepted, refused, expired (no answer by the deadline) or withdrawn (by
/// the guichet, or because the family withdrew its application), or replaced (accepted, then given up for a seat at a better-ranked
/// wish the family accepted). Refused, expired, withdrawn and replaced release the seat.
/// </summary>
/// <remarks>Stored by name in 16 characters at most.</remarks>
public enum OfferStatus { Proposed, Accepted, Refused, Expired, Withdrawn, Replaced }

/// <summary>How a released seat finds its next family: offered by the job at once, or by an agent from the list of released seats.</summary>
public enum ReattributionMode { Automatic, AgentConfirms }

public static class OfferStatuses
{
    /// <summary>The offer holds its seat: nobody else may be offered it.</summary>
    public static bool HoldsSeat(this OfferStatus status) => status is OfferStatus.Proposed or OfferStatus.Accepted;

    public static string Label(this OfferStatus status) => status switch
    {
        OfferStatus.Proposed => "Proposée",
        OfferStatus.Accepted => "Acceptée",
        OfferStatus.Refused => "Refusée",
        OfferStatus.Expired => "Expirée",
        OfferStatus.Withdrawn => "Retirée",
        OfferStatus.Replaced => "Remplacée",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Label(this ReattributionMode mode) => mode switch
    {
        ReattributionMode.Automatic => "Automatique : la place libérée est proposée aussitôt à la famille suivante",
        ReattributionMode.AgentConfirms => "Un agent confirme chaque nouvelle proposition",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}

/// <summary>
/// A seat of a section offered to one application (proposition de place), after a commission's publication (round 0) or when a
/// released seat is offered again (round 1, 2…). Seats of a section are numbered 1..n within the session; <see cref="SeatKey"/>
/// names the seat while the offer holds it and is emptied when the seat is released, so that a unique index in the database
/// refuses a second offer of the same seat, whoever makes it and however many at once. Every verb moves the application
/// through its own verb in the same step, so the offer and the application never disagree.
/// </summary>
public sealed class PlaceOffer
{
    public const int MaxReasonLength = 500;
    public const int MinWithdrawReasonLength = 10;
    public const string RefusedWithoutReason = "Refusée par la famille, sans motif indiqué.";
    /// <summary>After a refusal, under <see cref="DeclinedOfferRule.KeepOnWaitlist"/>.</summary>
    public const string BackOnWaitlistAfterRefusal = "Conformément au règlement de la commune, votre demande reste sur la liste d’attente : "
        + "une place qui se libère dans une autre crèche que vous avez demandée pourra vous être proposée, et la prochaine commission l’examinera.";
    /// <summary>After no answer, under <see cref="DeclinedOfferRule.KeepOnWaitlist"/>: the next commission only (see <see cref="DeclinedOfferRule"/>).</summary>
    public const string BackOnWaitlistAfterExpiry = "Conformément au règlement de la commune, votre demande reste sur la liste d’attente "
        + "et la prochaine commission l’examinera. Pensez à confirmer votre demande dans votre espace famille.";
    public const string LapsedAfterExpiry = "Conformément au règlement de la commune, votre demande est caduque. Vous pouvez déposer une nouvelle demande.";
    public const string KeepsAcceptedPlace = "Vous gardez la place que vous aviez acceptée.";
    public const string ReplacedReason = "La famille a accepté une place à un vœu mieux classé.";

    public PlaceOfferId Id { get; init; } = PlaceOfferId.New();
    public required CommissionSessionId SessionId { get; init; }
    public required ApplicationId ApplicationId { get; init; }
    public required FacilityId FacilityId { get; init; }
    public required Guid SectionId { get; init; }
    /// <summary>The seat's number in the section, 1-based, within the session.</summary>
    public required int Seat { get; init; }
    /// <summary>0: the commission's decision; 1 and more: a released seat offered again.</summary>
    public int Round { get; init; }
    public OfferStatus Status { get; private set; } = OfferStatus.Proposed;
    public DateTimeOffset OfferedAt { get; init; }
    public required string OfferedBy { get; init; }
    /// <summary>The last day (in the territory) the family may answer.</summary>
    public DateOnly Deadline { get; init; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? AnsweredBy { get; private set; }
    /// <summary>Why it was refused (the family's words, optional) or withdrawn (the guichet's, required).</summary>
    public string? Reason { get; private set; }
    /// <summary>« session/section/seat » while the offer holds the seat, null once released (unique in the database).</summary>
    public string? SeatKey { get; private set; }
    /// <summary>Optimistic concurrency: the family answering while the job expires the offer, one of them is refused.</summary>
    public int Version { get; set; }

    public bool IsOpenOn(DateOnly today) => Status == OfferStatus.Proposed && today <= Deadline;

    public static string KeyOf(CommissionSessionId session, Guid section, int seat) => $"{session.Value:N}/{section:N}/{seat}";

    /// <summary>
    /// Offers seat <paramref name="seat"/> of a section to an application, which moves to « proposée » with
    /// <paramref name="sentence"/> as its reason (the family reads it). The answer is due <paramref name="offerDays"/> days after today.
    /// An application that already accepted a place (<paramref name="held"/>, at a wish it ranked lower) may be offered a seat at a
    /// better wish: it keeps the held place until it accepts the new one, and keeps it if it refuses or does not answer.
    /// </summary>
    public static Outcome<(PlaceOffer Offer, StatusChange Change)> Propose(CommissionSessionId session, Application application,
        FacilityId facility, Guid section, int seat, int round, int offerDays, string sentence, DateOnly today, DateTimeOffset at, string by,
        PlaceOffer? held = null)
    {
        if (seat < 1) throw new ArgumentOutOfRangeException(nameof(seat), seat, "Seats are numbered from 1.");
        if (held is not null && (held.ApplicationId != application.Id || held.Status != OfferStatus.Accepted))
            throw new ArgumentException("Only the application's own accepted offer is kept while a better one is proposed.", nameof(held));
        // An accepted place is given up only for a better one, never lost to a second offer nobody keeps track of.
        if (application.Status == ApplicationStatus.Accepted && held is null) return Problem.Of("offer-holds-place", "");
        var moved = application.Move(ApplicationStatus.Offered, at, by, sentence);
        if (!moved.IsSuccess) return Outcome<(PlaceOffer, StatusChange)>.Failure(moved.Problems);
        var offer = new PlaceOffer
        {
            SessionId = session, ApplicationId = application.Id, FacilityId = facility, SectionId = section, Seat = seat, Round = round,
            OfferedAt = at, OfferedBy = by, Deadline = today.AddDays(offerDays), SeatKey = KeyOf(session, section, seat),
        };
        return (offer, moved.Value);
    }

    /// <summary>
    /// The family says yes. When it held a place accepted at a lower-ranked wish (<paramref name="held"/>), that place is
    /// given up in the same step (« remplacée ») and its seat is released for the next family.
    /// </summary>
    public Outcome<StatusChange> Accept(Application application, DateOnly today, DateTimeOffset at, string by, PlaceOffer? held = null)
    {
        var open = CheckOpen(application, today, held);
        if (!open.IsSuccess) return Outcome<StatusChange>.Failure(open.Problems);
        var moved = application.Move(ApplicationStatus.Accepted, at, by);
        if (!moved.IsSuccess) return moved;
        Answer(OfferStatus.Accepted, null, at, by);
        held?.Answer(OfferStatus.Replaced, ReplacedReason, at, by);
        return moved;
    }

    /// <summary>
    /// The family says no; its reason is optional. The seat is released. The application keeps its accepted place when it had
    /// one (<paramref name="held"/>); otherwise the commune's <paramref name="rule"/> puts it back on the waiting list or ends it.
    /// </summary>
    public Outcome<StatusChange> Refuse(Application application, string? reason, DateOnly today, DateTimeOffset at, string by,
        DeclinedOfferRule rule = DeclinedOfferRule.KeepOnWaitlist, PlaceOffer? held = null)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why is { Length: > MaxReasonLength }) return Problem.Of("too-long", "Reason", MaxReasonLength);
        var open = CheckOpen(application, today, held);
        if (!open.IsSuccess) return Outcome<StatusChange>.Failure(open.Problems);
        var refused = "Place refusée" + (why is null ? "." : " : " + why.TrimEnd('.') + ".");
        var moved = (held, rule) switch
        {
            ({ }, _) => application.Move(ApplicationStatus.Accepted, at, by, refused + " " + KeepsAcceptedPlace),
            (null, DeclinedOfferRule.KeepOnWaitlist) => application.Move(ApplicationStatus.Waitlisted, at, by, refused + " " + BackOnWaitlistAfterRefusal),
            _ => application.Move(ApplicationStatus.Declined, at, by, why ?? RefusedWithoutReason),
        };
        if (moved.IsSuccess) Answer(OfferStatus.Refused, why, at, by);
        return moved;
    }

    /// <summary>
    /// No answer by the deadline: the offer expires and the seat is released. The application keeps its accepted place when it
    /// had one (<paramref name="held"/>); otherwise the commune's <paramref name="rule"/> puts it back on the waiting list (for the
    /// next commission) or lapses it. <paramref name="reason"/> says what happened; the rule's sentence is added to it.
    /// </summary>
    public Outcome<StatusChange> Expire(Application application, string reason, DateOnly today, DateTimeOffset at, string by,
        DeclinedOfferRule rule = DeclinedOfferRule.KeepOnWaitlist, PlaceOffer? held = null)
    {
        if (Status != OfferStatus.Proposed || today <= Deadline) return Problem.Of("offer-not-expired", "", Deadline);
        CheckHeld(application, held);
        var moved = (held, rule) switch
        {
            ({ }, _) => application.Move(ApplicationStatus.Accepted, at, by, reason + " " + KeepsAcceptedPlace),
            (null, DeclinedOfferRule.KeepOnWaitlist) => application.Move(ApplicationStatus.Waitlisted, at, by, reason + " " + BackOnWaitlistAfterExpiry),
            _ => application.Move(ApplicationStatus.Lapsed, at, by, reason + " " + LapsedAfterExpiry),
        };
        if (moved.IsSuccess) Answer(OfferStatus.Expired, null, at, by);
        return moved;
    }

    /// <summary>
    /// The guichet takes the offer back, proposed or accepted, with a written reason (the family moved, gave up…): the
    /// application is cancelled with that reason and the seat is released. When the family had already withdrawn its
    /// application, only the offer changes (no status change: null).
    /// </summary>
    public Outcome<StatusChange?> Withdraw(Application application, string? reason, DateTimeOffset at, string by)
    {
        if (!Status.HoldsSeat()) return Problem.Of("offer-not-active", "", Status.Label());
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why) || why.Length < MinWithdrawReasonLength) return Problem.Of("offer-withdraw-reason", "Reason", MinWithdrawReasonLength);
        if (why.Length > MaxReasonLength) return Problem.Of("too-long", "Reason", MaxReasonLength);
        StatusChange? change = null;
        if (application.Status is ApplicationStatus.Offered or ApplicationStatus.Accepted)
        {
            var moved = application.Move(ApplicationStatus.Cancelled, at, by, why);
            if (!moved.IsSuccess) return Outcome<StatusChange?>.Failure(moved.Problems);
            change = moved.Value;
        }
        Answer(OfferStatus.Withdrawn, why, at, by);
        return change;
    }

    private Outcome<bool> CheckOpen(Application application, DateOnly today, PlaceOffer? held)
    {
        CheckHeld(application, held);
        if (Status != OfferStatus.Proposed) return Problem.Of("offer-answered", "", Status.Label());
        if (today > Deadline) return Problem.Of("offer-deadline-passed", "", Deadline);
        return true;
    }

    private void CheckHeld(Application application, PlaceOffer? held)
    {
        if (application.Id != ApplicationId) throw new ArgumentException("The offer belongs to another application.", nameof(application));
        if (held is not null && (held.ApplicationId != ApplicationId || held.Id == Id || held.Status != OfferStatus.Accepted))
            throw new ArgumentException("The held place is another accepted offer of the same application.", nameof(held));
    }

    private void Answer(OfferStatus status, string? reason, DateTimeOffset at, string by)
    {
        Status = status;
        (AnsweredAt, AnsweredBy, Reason) = (at, by, reason);
        if (!status.HoldsSeat()) SeatKey = null;
        Version++;
    }
}
