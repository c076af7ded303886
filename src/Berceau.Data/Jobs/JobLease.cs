namespace Berceau.Data.Jobs;

/// <summary>
/// Which node runs a background job right now. Several web nodes run the same workers: a node runs a pass only after it
/// has CLAIMED the job's row with one conditional UPDATE (lease id and expiry written only when no lease is current), the
/// same pattern as the outbox. A node that dies during its pass only delays the next one until the lease expires.
/// </summary>
public sealed class JobLease
{
    public const int MaxNameLength = 64;

    public required string Name { get; init; }
    public Guid? LeaseId { get; set; }
    public DateTimeOffset? LeasedUntil { get; set; }
    /// <summary>When the last pass ended, for the administrators (and the logs).</summary>
    public DateTimeOffset? LastRunAt { get; set; }
}
