namespace Berceau.Domain.Applications;

/// <summary>
/// How long personal data stays (RULES §7, CNIL early-childhood norm): an application that ended without an admission
/// (caduque or annulée) is deleted <see cref="EndedApplicationMonths"/> months after it ended — long enough for the
/// family's appeal and the guichet's questions; the stored answers of API retries (which repeat the child's name) after
/// <see cref="IdempotencyKeyDays"/> days, far beyond any client's retry. E-mails of the outbox (a copy of what was said to
/// the person, with their address) once sent, or given up on, for <see cref="MessageDays"/> days, and in-app notifications
/// once read for <see cref="ReadNotificationDays"/> days: one year by default, which covers the appeal period of any
/// decision they announced (2 months) and a family's questions about "was I warned before my application lapsed?"; unread
/// notifications stay until read. The record of a session opened through FranceConnect or ProConnect (kept so that the
/// provider can end it) after <see cref="ExternalSessionDays"/> days: a session lasts 8 hours after its last request, so
/// such a row belongs to a session long over (one kept open every day for a month just asks to sign in again). Admitted children's records are kept (the "3 years after the child leaves" rule applies
/// once placements exist).
/// </summary>
public sealed record RetentionPolicy(
    int EndedApplicationMonths = RetentionPolicy.DefaultEndedApplicationMonths,
    int IdempotencyKeyDays = RetentionPolicy.DefaultIdempotencyKeyDays,
    int MessageDays = RetentionPolicy.DefaultMessageDays,
    int ReadNotificationDays = RetentionPolicy.DefaultReadNotificationDays,
    int ExternalSessionDays = RetentionPolicy.DefaultExternalSessionDays)
{
    public const int DefaultEndedApplicationMonths = 6;
    public const int DefaultIdempotencyKeyDays = 30;
    public const int DefaultMessageDays = 365;
    public const int DefaultReadNotificationDays = 365;
    public const int DefaultExternalSessionDays = 30;

    public static IReadOnlyList<ApplicationStatus> EndedWithoutAdmission { get; } = [ApplicationStatus.Lapsed, ApplicationStatus.Cancelled];

    /// <summary>True when the application ended without admission before the retention cut-off.</summary>
    public bool IsDue(ApplicationStatus status, DateTimeOffset endedAt, DateTimeOffset now) =>
        EndedWithoutAdmission.Contains(status) && endedAt <= now.AddMonths(-EndedApplicationMonths);

    public DateTimeOffset KeysCreatedBefore(DateTimeOffset now) => now.AddDays(-IdempotencyKeyDays);

    /// <summary>Outbox messages sent (or given up on) before this instant are deleted; pending ones never are.</summary>
    public DateTimeOffset MessagesDoneBefore(DateTimeOffset now) => now.AddDays(-MessageDays);

    /// <summary>Notifications read before this instant are deleted; unread ones stay until the person reads them.</summary>
    public DateTimeOffset NotificationsReadBefore(DateTimeOffset now) => now.AddDays(-ReadNotificationDays);

    /// <summary>Provider sessions opened before this instant are forgotten.</summary>
    public DateTimeOffset ExternalSessionsOpenedBefore(DateTimeOffset now) => now.AddDays(-ExternalSessionDays);
}
