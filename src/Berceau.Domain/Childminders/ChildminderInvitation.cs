using Berceau.Domain.Offer;

namespace Berceau.Domain.Childminders;

/// <summary>
/// An invitation sent by the relais (an agent of the commune) to an assistant·e maternel·le to create the account attached
/// to their agrément. Only the hash of the link's secret is stored; the link works once, before it expires.
/// </summary>
public sealed class ChildminderInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public Guid Id { get; init; } = Guid.NewGuid();
    public required FacilityId FacilityId { get; init; }
    public required string CommuneCode { get; init; }
    public required string Email { get; init; }
    /// <summary>SHA-256 of the secret, hexadecimal.</summary>
    public required string SecretHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required string InvitedBy { get; init; }
    public DateTimeOffset? UsedAt { get; private set; }
    public string? UserId { get; private set; }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    /// <summary>Spends the invitation on the account just created; false when it was spent or expired already.</summary>
    public bool Use(string userId, DateTimeOffset now)
    {
        if (!IsUsable(now)) return false;
        UsedAt = now;
        UserId = userId;
        return true;
    }
}
