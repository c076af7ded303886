using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Domain.Commission;

/// <summary>
/// An application as a commission's freeze reads it: what the engine instance, the points grid and the move to « en commission »
/// need, and nothing more. A département's freeze examines tens of thousands of applications; read whole, each would bring its
/// timeline's events, proofs' details and guardians' names, which the freeze never reads (docs/performance.md, « Le gel »).
/// Nor the status history: the move is checked by the rule of <see cref="Application.Move"/> from the status and the instant of
/// the last change, which every move writes with its change, in one transaction.
/// </summary>
public sealed record ExaminedApplication
{
    public required ApplicationId Id { get; init; }
    public required string Reference { get; init; }
    public string? FamilyUserId { get; init; }
    public required string CommuneCode { get; init; }
    public ApplicationStatus Status { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? ErasedAt { get; init; }
    public string? ChildFirstName { get; init; }
    public DateOnly? ChildBirthDate { get; init; }
    public DateOnly? ChildExpectedBirthDate { get; init; }
    public Guid? SectorId { get; init; }
    /// <summary>The guardians' situations, in their order on the form (null: not given).</summary>
    public IReadOnlyList<GuardianSituation?> GuardianSituations { get; init; } = [];
    public bool DisabledMemberInHousehold { get; init; }
    public bool ReceivesSocialMinimum { get; init; }
    public decimal? QuotientFamilial { get; init; }
    public bool SocialSupport { get; init; }
    public IReadOnlyList<FacilityId> SiblingFacilities { get; init; } = [];
    public IReadOnlyList<FacilityId> PartnerEmployerFacilities { get; init; } = [];
    /// <summary>The wishes in the family's order: a crèche, or null for « any crèche of my sector ».</summary>
    public IReadOnlyList<FacilityId?> Wishes { get; init; } = [];
    /// <summary>The instant of the last status change (null: none): a move is never dated before it.</summary>
    public DateTimeOffset? LastStatusChangeAt { get; init; }

    /// <summary>The same application read whole (the tests build applications through their verbs).</summary>
    public static ExaminedApplication Of(Application a) => new()
    {
        Id = a.Id, Reference = a.Reference, FamilyUserId = a.FamilyUserId, CommuneCode = a.CommuneCode, Status = a.Status, Version = a.Version,
        CreatedAt = a.CreatedAt, SubmittedAt = a.SubmittedAt, ErasedAt = a.ErasedAt,
        ChildFirstName = a.ChildFirstName, ChildBirthDate = a.ChildBirthDate, ChildExpectedBirthDate = a.ChildExpectedBirthDate,
        SectorId = a.SectorId, GuardianSituations = [.. a.Guardians.OrderBy(g => g.Rank).Select(g => g.Situation)],
        DisabledMemberInHousehold = a.DisabledMemberInHousehold, ReceivesSocialMinimum = a.ReceivesSocialMinimum,
        QuotientFamilial = a.QuotientFamilial, SocialSupport = a.SocialSupport,
        SiblingFacilities = a.SiblingFacilities, PartnerEmployerFacilities = a.PartnerEmployerFacilities,
        Wishes = [.. a.RankedWishes.Select(w => w.FacilityId)], LastStatusChangeAt = a.StatusChanges.Count == 0 ? null : a.StatusChanges.Max(c => c.At),
    };

    /// <summary>
    /// The change to « en commission » that <see cref="Application.Move"/> would record on the application, checked by the same
    /// rule; the caller writes it (the freeze writes all of them set-based, matching each application at <see cref="Version"/>).
    /// </summary>
    public Outcome<StatusChange> MoveToCommittee(DateTimeOffset at, string by) =>
        ErasedAt is not null
            ? Problem.Of("erasure-already-done", "")
            : ApplicationStatusHistory.Next(Status, LastStatusChangeAt, ApplicationStatus.InCommittee, at, by);
}
