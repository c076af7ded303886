namespace Berceau.Domain.Commission;

/// <summary>
/// Where a commission session stands: prepared, frozen (applications snapshotted), validated by its president, published; or
/// called off before its validation (<see cref="Cancelled"/>).
/// </summary>
public enum CommissionStatus { Preparation, Frozen, Validated, Published, Cancelled }

public static class CommissionStatuses
{
    /// <summary>
    /// The only moves: forward, one step at a time. A frozen session never thaws (its snapshot is what runs and replays read),
    /// and a validated one is never re-opened: a new session is called instead. A session is called off only before its
    /// validation: after it, the decisions exist and are withdrawn one by one, not by cancelling the session.
    /// </summary>
    public static bool CanMove(CommissionStatus from, CommissionStatus to) => (from, to) switch
    {
        (CommissionStatus.Preparation, CommissionStatus.Frozen) => true,
        (CommissionStatus.Frozen, CommissionStatus.Validated) => true,
        (CommissionStatus.Validated, CommissionStatus.Published) => true,
        (CommissionStatus.Preparation or CommissionStatus.Frozen, CommissionStatus.Cancelled) => true,
        _ => false,
    };

    public static string Label(this CommissionStatus status) => status switch
    {
        CommissionStatus.Preparation => "En préparation",
        CommissionStatus.Frozen => "Demandes gelées",
        CommissionStatus.Validated => "Validée",
        CommissionStatus.Published => "Publiée",
        CommissionStatus.Cancelled => "Annulée",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>What a member is in the session: the president (président·e) alone validates.</summary>
public enum CommissionRole { President, Member }

public static class CommissionRoles
{
    public static string Label(this CommissionRole role) => role switch
    {
        CommissionRole.President => "Président·e",
        CommissionRole.Member => "Membre",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
