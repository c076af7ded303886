namespace Berceau.Domain.OccasionalCare;

/// <summary>
/// A commune's rules of occasional care. Today one: how many hours before a slot a family may still cancel free of charge.
/// A commune that never set it uses the installation's default (configuration).
/// </summary>
public sealed class OccasionalCareSettings
{
    public required string CommuneCode { get; init; }
    public int FreeCancellationHours { get; private set; }
    public DateTimeOffset? ChangedAt { get; private set; }
    public string? ChangedBy { get; private set; }
    public int Version { get; private set; }

    public static OccasionalCareSettings Default(string communeCode, int freeCancellationHours) =>
        new() { CommuneCode = communeCode, FreeCancellationHours = freeCancellationHours };

    /// <summary>False when the value is outside the bounds (the caller says why) or unchanged.</summary>
    public bool ChangeFreeCancellationHours(int hours, DateTimeOffset at, string by)
    {
        if (hours is < CancellationPolicy.MinFreeCancellationHours or > CancellationPolicy.MaxFreeCancellationHours) return false;
        if (hours == FreeCancellationHours && ChangedAt is not null) return false;
        FreeCancellationHours = hours;
        ChangedAt = at;
        ChangedBy = by;
        Version++;
        return true;
    }
}
