using Berceau.Domain.Commission;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Domain.FollowUp;

public readonly record struct FollowUpCaseId(Guid Value)
{
    public static FollowUpCaseId New() => new(Guid.NewGuid());
    public override string ToString() => Value.ToString();
}

/// <summary>Who opened the case: a commission that left the family without a place, or an agent of the guichet.</summary>
public enum FollowUpOrigin { Commission, Agent }

/// <summary>Only « open » for now: the worklist that follows a case up and closes it is issue 7's.</summary>
public enum FollowUpStatus { Open }

/// <summary>
/// A « dossier de suivi » of the « zéro sans solution » practice (RULES §5): a family left without a place is not left alone,
/// the guichet follows it until it has a solution (an assistant maternel, occasional care, the next commission…). One open case
/// per application at a time (a unique index says so), whatever opened it.
/// </summary>
public sealed class FollowUpCase
{
    public FollowUpCaseId Id { get; init; } = FollowUpCaseId.New();
    public required ApplicationId ApplicationId { get; init; }
    /// <summary>The application's commune: the guichet that follows the case up.</summary>
    public required string CommuneCode { get; init; }
    public FollowUpOrigin Origin { get; init; }
    /// <summary>The session that left the family without a place, when a commission opened the case.</summary>
    public CommissionSessionId? SessionId { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public required string OpenedBy { get; init; }
    public FollowUpStatus Status { get; private set; } = FollowUpStatus.Open;

    /// <summary>Opened by the validation of a session, for an application its validated run left without a place.</summary>
    public static FollowUpCase FromCommission(ApplicationId application, string communeCode, CommissionSessionId session, DateTimeOffset at, string by) => new()
    {
        ApplicationId = application, CommuneCode = communeCode, Origin = FollowUpOrigin.Commission, SessionId = session, OpenedAt = at, OpenedBy = by,
    };

    /// <summary>Opened by an agent of the guichet, for a family that needs help without waiting for a commission.</summary>
    public static FollowUpCase ByAgent(ApplicationId application, string communeCode, DateTimeOffset at, string by) => new()
    {
        ApplicationId = application, CommuneCode = communeCode, Origin = FollowUpOrigin.Agent, OpenedAt = at, OpenedBy = by,
    };
}
