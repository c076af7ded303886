namespace Berceau.Domain.Applications;

/// <summary>
/// How long personal data stays (RULES §7, CNIL early-childhood norm): an application that ended without an admission
/// (caduque or annulée) is deleted <see cref="EndedApplicationMonths"/> months after it ended — long enough for the
/// family's appeal and the guichet's questions; the stored answers of API retries (which repeat the child's name) after
/// <see cref="IdempotencyKeyDays"/> days, far beyond any client's retry. Admitted children's records are kept (the "3 years
/// after the child leaves" rule applies once placements exist).
/// </summary>
public sealed record RetentionPolicy(int EndedApplicationMonths = RetentionPolicy.DefaultEndedApplicationMonths, int IdempotencyKeyDays = RetentionPolicy.DefaultIdempotencyKeyDays)
{
    public const int DefaultEndedApplicationMonths = 6;
    public const int DefaultIdempotencyKeyDays = 30;

    public static IReadOnlyList<ApplicationStatus> EndedWithoutAdmission { get; } = [ApplicationStatus.Lapsed, ApplicationStatus.Cancelled];

    /// <summary>True when the application ended without admission before the retention cut-off.</summary>
    public bool IsDue(ApplicationStatus status, DateTimeOffset endedAt, DateTimeOffset now) =>
        EndedWithoutAdmission.Contains(status) && endedAt <= now.AddMonths(-EndedApplicationMonths);

    public DateTimeOffset KeysCreatedBefore(DateTimeOffset now) => now.AddDays(-IdempotencyKeyDays);
}
