using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Domain.Commission;

/// <summary>
/// Force: the commission gives the application a seat of a section, whatever the engine says (an emergency, a PMI request).
/// Exclude: the application will not get a seat at that structure (the wish is taken out of the engine's input).
/// </summary>
public enum OverrideKind { Force, Exclude }

/// <summary>
/// A human decision over the engine (RULES §5: the algorithm proposes, the commission decides), always with a written reason.
/// Active until withdrawn; every run stores the overrides it applied, so a withdrawn override stays readable in the runs it shaped.
/// </summary>
public sealed class CommissionOverride
{
    public const int MinReasonLength = 10;
    public const int MaxReasonLength = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required CommissionSessionId SessionId { get; init; }
    public OverrideKind Kind { get; init; }
    public required ApplicationId ApplicationId { get; init; }
    public required FacilityId FacilityId { get; init; }
    /// <summary>The section forced into; null for an exclusion (it concerns the whole structure).</summary>
    public Guid? SectionId { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset At { get; init; }
    public required string By { get; init; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawnBy { get; private set; }

    public bool IsActive => WithdrawnAt is null;

    /// <summary>Checks the reason (written, at least a sentence) and builds the override; the session must accept runs.</summary>
    public static Outcome<CommissionOverride> Create(CommissionSession session, OverrideKind kind, ApplicationId application,
        FacilityId facility, Guid? section, string? reason, DateTimeOffset at, string by)
    {
        if (!session.AcceptsRuns) return Problem.Of("commission-not-frozen", "", session.Status.Label());
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why) || why.Length < MinReasonLength) return Problem.Of("commission-override-reason", "Reason", MinReasonLength);
        if (why.Length > MaxReasonLength) return Problem.Of("too-long", "Reason", MaxReasonLength);
        if (kind == OverrideKind.Force && section is null) return Problem.Of("commission-override-section", "SectionId");
        return new CommissionOverride
        {
            SessionId = session.Id, Kind = kind, ApplicationId = application, FacilityId = facility,
            SectionId = kind == OverrideKind.Force ? section : null, Reason = why, At = at, By = by,
        };
    }

    public Outcome<bool> Withdraw(CommissionSession session, DateTimeOffset at, string by)
    {
        if (!session.AcceptsRuns) return Problem.Of("commission-not-frozen", "", session.Status.Label());
        if (!IsActive) return Problem.Of("commission-override-withdrawn", "");
        (WithdrawnAt, WithdrawnBy) = (at, by);
        return true;
    }
}
