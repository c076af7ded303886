using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Web.Features.Applications;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Commission;

/// <summary>What one batch of a session's notices did.</summary>
/// <param name="Entries">The entries the batch covered (families without an account or an address get no notice).</param>
/// <param name="Done">No entry of the session is left to notify.</param>
/// <param name="Claimed">False when another pass had moved the session's cursor first: this one wrote nothing.</param>
public sealed record NoticeBatch(int Entries, bool Done, bool Claimed);

/// <summary>
/// The notices of a freeze (docs/commission.md, « Les avis du gel »): each family whose application the freeze moved « en
/// commission » is told by e-mail and in its account (<see cref="ApplicationEvents.Notice"/>: the same text and the same
/// idempotency key as any status change). They are written after the freeze commits, by <see cref="FreezeNoticeJob"/>, in
/// batches of entries in the order of their ids; the session's snapshot keeps the id of the last entry notified
/// (<see cref="Data.Commission.CommissionSnapshot.NoticedUpTo"/>). A batch first moves that cursor, only from the value it read,
/// then inserts its notices, in one transaction: two passes at once cannot both write a batch (the second moves nothing and
/// writes nothing), and a pass that dies leaves its batch to the next one (nothing committed, the cursor where it was).
/// </summary>
public sealed class FreezeNotices(BerceauDbContext db, Notifier notifier, TimeProvider clock)
{
    /// <summary>
    /// Writes the notices of the next <paramref name="max"/> entries of the session not notified yet, in the caller's open
    /// transaction (the rows go in bulk, <see cref="Notifier.InsertManyAsync"/>).
    /// </summary>
    public async Task<NoticeBatch> WriteNextAsync(CommissionSessionId session, int max, CancellationToken ct)
    {
        var state = await db.CommissionSnapshots.AsNoTracking().Where(s => s.SessionId == session)
            .Select(s => new { s.NoticedUpTo, s.NoticesQueuedAt, s.FrozenAt, s.FrozenBy }).SingleOrDefaultAsync(ct);
        if (state is null || state.NoticesQueuedAt is not null) return new NoticeBatch(0, Done: true, Claimed: false);
        var rows = await (from e in db.CommissionEntries.AsNoTracking()
                          join a in db.Applications.AsNoTracking() on e.ApplicationId equals a.Id
                          where e.SessionId == session && e.Id > state.NoticedUpTo
                          orderby e.Id
                          select new
                          {
                              e.Id, e.ApplicationId, e.StatusBefore, a.FamilyUserId, a.ChildFirstName, a.CommuneCode,
                              Email = db.Users.Where(u => u.Id == a.FamilyUserId).Select(u => u.Email).FirstOrDefault(),
                          }).Take(max).ToListAsync(ct);
        var done = rows.Count < max;
        var last = rows.Count > 0 ? rows[^1].Id : state.NoticedUpTo;
        DateTimeOffset? queuedAt = done ? clock.GetUtcNow() : null;
        var claimed = await db.CommissionSnapshots
            .Where(s => s.SessionId == session && s.NoticedUpTo == state.NoticedUpTo && s.NoticesQueuedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NoticedUpTo, last).SetProperty(x => x.NoticesQueuedAt, queuedAt), ct);
        if (claimed == 0) return new NoticeBatch(0, Done: false, Claimed: false);
        // The change the freeze wrote: from the status the entry kept, at the freeze's instant (the key names that instant).
        var notices = rows
            .Select(r => ApplicationEvents.Notice(r.ApplicationId, r.FamilyUserId, r.ChildFirstName, r.CommuneCode,
                new StatusChange(r.StatusBefore, ApplicationStatus.InCommittee, state.FrozenAt, state.FrozenBy, null), r.Email))
            .OfType<(Recipient, OutgoingNotification, string)>().ToList();
        await notifier.InsertManyAsync(notices, ct);
        return new NoticeBatch(rows.Count, done, Claimed: true);
    }

    /// <summary>
    /// Every notice of the session not written yet, in the caller's open transaction: before the session is called off, so that
    /// a family is told « en commission » before it is told its application is back.
    /// </summary>
    public async Task CatchUpAsync(CommissionSessionId session, CancellationToken ct)
    {
        while (await WriteNextAsync(session, FreezeNoticeOptions.DefaultBatch, ct) is { Claimed: true, Done: false })
        {
        }
    }
}

/// <summary>Configuration section <c>FreezeNotices</c>.</summary>
public sealed class FreezeNoticeOptions
{
    public const int DefaultBatch = 2_000;

    /// <summary>Runs the worker in this process (off in tests, which call <see cref="FreezeNoticeJob.RunOnceAsync"/>).</summary>
    public bool RunWorker { get; set; } = true;
    /// <summary>How often to look for notices left to write when no freeze wakes the worker (another node's freeze, a crash).</summary>
    public int PollSeconds { get; set; } = 30;
    /// <summary>How long a node keeps the job before another may take it over.</summary>
    public int LeaseMinutes { get; set; } = 10;
    /// <summary>Entries notified per transaction.</summary>
    public int Batch { get; set; } = DefaultBatch;
    /// <summary>
    /// The pause between two batches of a session, in milliseconds. SQLite lets one connection write at a time, and a writer that
    /// finds the database busy tries again every 150 ms (Microsoft.Data.Sqlite): without a pause longer than that, the job takes
    /// the lock back before a member's run or decision can, and the member waits for every batch (docs/performance.md).
    /// </summary>
    public int PauseMilliseconds { get; set; } = 200;
    /// <summary>
    /// Before each batch, how long the job waits at most for the commission's requests in flight on this node to end
    /// (<see cref="MembersFirst"/>); 0 to not wait.
    /// </summary>
    public int MaxWaitSeconds { get; set; } = 10;
    /// <summary>How long no commission request must have been in flight before a batch (<see cref="MembersFirst"/>).</summary>
    public int QuietMilliseconds { get; set; } = 1_000;
}

/// <summary>What one pass did; <see cref="Ran"/> false when another node held the job.</summary>
public sealed record FreezeNoticePass(bool Ran, int Sessions, int Entries);

/// <summary>
/// Writes the notices of every frozen session whose notices are not all written (<see cref="FreezeNotices"/>), on one node at a
/// time (<see cref="JobLeases"/>), one batch per transaction. Woken by each freeze (<see cref="FreezeNoticeSignal"/>), and
/// every <see cref="FreezeNoticeOptions.PollSeconds"/> for the freezes of other nodes and those a stopped process left behind.
/// </summary>
public sealed class FreezeNoticeJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<FreezeNoticeOptions> options, MembersFirst members,
    ILogger<FreezeNoticeJob> logger)
{
    public const string LeaseName = "avis-du-gel";

    public async Task<FreezeNoticePass> RunOnceAsync(CancellationToken ct = default) =>
        await JobLeases.RunExclusiveAsync(scopes, clock, LeaseName, options.Value.LeaseMinutes, async (_, db, _) =>
        {
            var pending = await db.CommissionSnapshots.AsNoTracking().Where(s => s.NoticesQueuedAt == null)
                .Select(s => s.SessionId).ToListAsync(ct);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var entries = 0;
            foreach (var session in pending)
            {
                NoticeBatch batch;
                do
                {
                    if (options.Value.MaxWaitSeconds > 0) await members.WaitAsync(TimeSpan.FromSeconds(options.Value.MaxWaitSeconds),
                        TimeSpan.FromMilliseconds(options.Value.QuietMilliseconds), ct);
                    // A scope per batch: the notifier's rows are inserted untracked, but nothing accumulates across batches.
                    await using var scope = scopes.CreateAsyncScope();
                    var batchDb = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
                    await using var transaction = await batchDb.Database.BeginTransactionAsync(ct);
                    batch = await scope.ServiceProvider.GetRequiredService<FreezeNotices>().WriteNextAsync(session, Math.Max(1, options.Value.Batch), ct);
                    await transaction.CommitAsync(ct);
                    entries += batch.Entries;
                    if (batch is { Claimed: true, Done: false } && options.Value.PauseMilliseconds > 0)
                        await Task.Delay(options.Value.PauseMilliseconds, ct);
                } while (batch is { Claimed: true, Done: false });
            }
            // With the time it took (and the process's CPU meanwhile): the bench reports it beside the freeze (docs/performance.md).
            if (entries > 0)
                logger.LogInformation("Avis du gel : {Entries} demande(s) de {Sessions} commission(s) en {Elapsed} ms (cpu {Cpu} ms)", entries, pending.Count,
                    started.ElapsedMilliseconds, (long)(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            return new FreezeNoticePass(true, pending.Count, entries);
        }, ct) ?? new FreezeNoticePass(false, 0, 0);
}

/// <summary>A freeze tells the worker of its process that notices wait, so that families need not wait for the next poll.</summary>
public sealed class FreezeNoticeSignal : JobSignal;

/// <summary>Runs <see cref="FreezeNoticeJob"/> when a freeze wakes it, and every <see cref="FreezeNoticeOptions.PollSeconds"/>.</summary>
public sealed class FreezeNoticeWorker(FreezeNoticeJob job, FreezeNoticeSignal signal, IOptions<FreezeNoticeOptions> options,
    ILogger<FreezeNoticeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await job.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The batches committed stay written; the next pass starts from the session's cursor.
                logger.LogError(e, "Avis du gel impossibles à écrire pour le moment");
            }
            try
            {
                await signal.WaitAsync(pause, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
