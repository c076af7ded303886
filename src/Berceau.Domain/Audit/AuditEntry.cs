namespace Berceau.Domain.Audit;

/// <summary>One append-only line of the audit log: who did what to which record, when and why.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public string? UserId { get; init; }
    public string? UserName { get; init; }
    public required string Action { get; init; }
    public required string EntityType { get; init; }
    public string? EntityId { get; init; }
    public string? Details { get; init; }
}
