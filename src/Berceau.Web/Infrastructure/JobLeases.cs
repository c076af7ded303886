using Berceau.Data;
using Berceau.Data.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Infrastructure;

/// <summary>
/// Runs a background job on one node at a time (see <see cref="JobLease"/>): the conditional UPDATE is applied once by the
/// database, so when two nodes claim the same job at the same instant only one gets a row back.
/// </summary>
public static class JobLeases
{
    /// <summary>Claims <paramref name="name"/> until <paramref name="until"/>; null when another node holds it.</summary>
    public static async Task<Guid?> ClaimAsync(BerceauDbContext db, string name, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        if (!await db.JobLeases.AnyAsync(j => j.Name == name, ct))
        {
            db.JobLeases.Add(new JobLease { Name = name });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node created the row first: claim it like any other time.
            }
            db.ChangeTracker.Clear();
        }
        var lease = Guid.NewGuid();
        var claimed = await db.JobLeases.Where(j => j.Name == name && (j.LeasedUntil == null || j.LeasedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseId, lease).SetProperty(j => j.LeasedUntil, until), ct);
        return claimed == 1 ? lease : null;
    }

    /// <summary>
    /// Runs one pass of a job in its own scope while holding the lease <paramref name="name"/> for at most
    /// <paramref name="leaseMinutes"/>; null when another node holds it (the pass did not run).
    /// </summary>
    public static async Task<T?> RunExclusiveAsync<T>(IServiceScopeFactory scopes, TimeProvider clock, string name, int leaseMinutes,
        Func<IServiceProvider, BerceauDbContext, DateTimeOffset, Task<T>> pass, CancellationToken ct) where T : class
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
        var lease = await ClaimAsync(db, name, now, now.AddMinutes(leaseMinutes), ct);
        if (lease is null) return null;
        try
        {
            return await pass(scope.ServiceProvider, db, now);
        }
        finally
        {
            await ReleaseAsync(db, name, lease.Value, clock.GetUtcNow());
        }
    }

    public static Task ReleaseAsync(BerceauDbContext db, string name, Guid lease, DateTimeOffset now) =>
        // Not cancelled with the host: a pass that ran must free its lease, or the next waits for the expiry.
        db.JobLeases.Where(j => j.Name == name && j.LeaseId == lease)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseId, (Guid?)null).SetProperty(j => j.LeasedUntil, (DateTimeOffset?)null)
                .SetProperty(j => j.LastRunAt, now), CancellationToken.None);
}
