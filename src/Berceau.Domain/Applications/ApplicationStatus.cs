namespace Berceau.Domain.Applications;

/// <summary>Where an application (demande d'accueil) stands, from the family's draft to the child's admission.</summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,
    Incomplete,
    Complete,
    InCommittee,
    Offered,
    Accepted,
    Declined,
    Admitted,
    Waitlisted,
    Lapsed,
    Cancelled,
}

public static class ApplicationStatuses
{
    /// <summary>
    /// Every move the guichet unique allows. Anything else is refused by <see cref="ApplicationStatusHistory.Move"/>, so
    /// an application can never, say, be admitted without an accepted offer or come back to life after it lapsed.
    /// </summary>
    private static readonly Dictionary<ApplicationStatus, ApplicationStatus[]> Moves = new()
    {
        [ApplicationStatus.Draft] = [ApplicationStatus.Submitted, ApplicationStatus.Cancelled],
        [ApplicationStatus.Submitted] = [ApplicationStatus.Incomplete, ApplicationStatus.Complete, ApplicationStatus.Lapsed, ApplicationStatus.Cancelled],
        [ApplicationStatus.Incomplete] = [ApplicationStatus.Complete, ApplicationStatus.Lapsed, ApplicationStatus.Cancelled],
        [ApplicationStatus.Complete] = [ApplicationStatus.Incomplete, ApplicationStatus.InCommittee, ApplicationStatus.Lapsed, ApplicationStatus.Cancelled],
        // Back to Complete when a session is called off or the application is taken out of it before the decision.
        [ApplicationStatus.InCommittee] = [ApplicationStatus.Offered, ApplicationStatus.Waitlisted, ApplicationStatus.Complete, ApplicationStatus.Cancelled],
        // A refused or unanswered offer: back on the waiting list, or the end (refused, lapsed), as the commune's rule says
        // (GuichetSettings.AfterDeclinedOffer); back to Accepted when the offer was a better wish and the family keeps its place.
        [ApplicationStatus.Offered] = [ApplicationStatus.Accepted, ApplicationStatus.Declined, ApplicationStatus.Waitlisted, ApplicationStatus.Lapsed, ApplicationStatus.Cancelled],
        // Offered again: a seat freed at a better-ranked wish (the family keeps its accepted place until it accepts the better one).
        [ApplicationStatus.Accepted] = [ApplicationStatus.Offered, ApplicationStatus.Admitted, ApplicationStatus.Cancelled],
        // A refused offer ends the application unless the commune's rules keep it on the waiting list (with a reason).
        [ApplicationStatus.Declined] = [ApplicationStatus.Waitlisted],
        // From the waiting list: the next session, a released place offered directly (reattribution), an expired proof.
        [ApplicationStatus.Waitlisted] = [ApplicationStatus.InCommittee, ApplicationStatus.Offered, ApplicationStatus.Incomplete, ApplicationStatus.Lapsed, ApplicationStatus.Cancelled],
        [ApplicationStatus.Admitted] = [],
        [ApplicationStatus.Lapsed] = [],
        [ApplicationStatus.Cancelled] = [],
    };

    public static bool CanMove(ApplicationStatus from, ApplicationStatus to) => Moves[from].Contains(to);

    public static IReadOnlyList<ApplicationStatus> NextOf(ApplicationStatus from) => Moves[from];

    /// <summary>Nothing can happen to the application any more.</summary>
    public static bool IsFinal(ApplicationStatus status) => Moves[status].Length == 0;

    /// <summary>These moves are explained to the family, so the person making them must say why.</summary>
    public static bool NeedsReason(ApplicationStatus to, ApplicationStatus from) =>
        to is ApplicationStatus.Incomplete or ApplicationStatus.Lapsed or ApplicationStatus.Cancelled
        || (from is ApplicationStatus.Declined or ApplicationStatus.Offered && to == ApplicationStatus.Waitlisted)
        || (from == ApplicationStatus.Accepted && to == ApplicationStatus.Offered)
        || (from == ApplicationStatus.InCommittee && to == ApplicationStatus.Complete);

    /// <summary>The word families and staff read (feminine: « la demande est … »).</summary>
    public static string Label(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "Brouillon",
        ApplicationStatus.Submitted => "Déposée",
        ApplicationStatus.Incomplete => "Incomplète",
        ApplicationStatus.Complete => "Complète",
        ApplicationStatus.InCommittee => "En commission",
        ApplicationStatus.Offered => "Proposée",
        ApplicationStatus.Accepted => "Acceptée",
        ApplicationStatus.Declined => "Refusée",
        ApplicationStatus.Admitted => "Admise",
        ApplicationStatus.Waitlisted => "Liste d’attente",
        ApplicationStatus.Lapsed => "Caduque",
        ApplicationStatus.Cancelled => "Annulée",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
