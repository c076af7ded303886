using Berceau.Domain.Offer;

namespace Berceau.Domain.Childminders;

public enum RegistrationStatus { Pending, Accepted, Refused }

/// <summary>
/// An assistant·e maternel·le who created their account themselves, with their agrément number. The account opens nothing
/// until an agent of the commune checks the agrément and attaches it (accept) or refuses with a reason.
/// </summary>
public sealed class ChildminderRegistration
{
    public const int MaxReasonLength = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string UserId { get; init; }
    public required string Name { get; init; }
    public required string AgrementNumber { get; init; }
    public required string CommuneCode { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public RegistrationStatus Status { get; private set; } = RegistrationStatus.Pending;
    public FacilityId? FacilityId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? RefusalReason { get; private set; }
    public int Version { get; private set; }

    public bool Accept(FacilityId facility, string by, DateTimeOffset at)
    {
        if (Status != RegistrationStatus.Pending) return false;
        Status = RegistrationStatus.Accepted;
        FacilityId = facility;
        DecidedBy = by;
        DecidedAt = at;
        Version++;
        return true;
    }

    public bool Refuse(string reason, string by, DateTimeOffset at)
    {
        if (Status != RegistrationStatus.Pending) return false;
        Status = RegistrationStatus.Refused;
        RefusalReason = reason;
        DecidedBy = by;
        DecidedAt = at;
        Version++;
        return true;
    }
}
