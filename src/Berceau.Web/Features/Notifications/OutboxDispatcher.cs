using System.Linq.Expressions;
using Berceau.Data;
using Berceau.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Notifications;

/// <summary>
/// Sends the messages that are due. Several web nodes may run it at once: a node first CLAIMS a batch with one
/// conditional UPDATE (lease id and expiry written only on rows still pending, due and unleased), then reads back the rows
/// carrying its lease. The database applies each row's UPDATE once, so two nodes never hold the same message. A lease (not
/// a row lock held during the send) keeps no transaction open while talking to the mail server, and a node that dies with
/// a claimed message only delays it until the lease expires. Delivery is therefore at least once: a crash between the
/// server's acceptance and the "sent" mark sends the message again (the pickup folder then rewrites the same file).
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger)
{
    private OutboxOptions Settings => options.Value;

    /// <summary>Sends one batch of due messages; returns how many were attempted (0: nothing was due).</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
        var lease = Guid.NewGuid();
        var claimed = await ClaimAsync(db, lease, ct);
        foreach (var message in claimed)
        {
            try
            {
                await transport.SendAsync(message, ct);
                await MarkSentAsync(db, message, lease, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                await MarkFailedAsync(db, message, lease, e, ct);
            }
        }
        return claimed.Count;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(BerceauDbContext db, Guid lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.OutboxMessages.AsNoTracking().Where(Due(now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(Settings.BatchSize).ToListAsync(ct);
        if (candidates.Count == 0) return [];

        // The conditions are repeated in the UPDATE: a row another node claimed since the SELECT no longer matches.
        var until = now.AddMinutes(Settings.LeaseMinutes);
        await db.OutboxMessages.Where(m => candidates.Contains(m.Id)).Where(Due(now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseId, lease)
                .SetProperty(m => m.LeasedUntil, until)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        // Found by their keys: no index holds the lease, and a commission's freeze leaves tens of thousands of notices to scan
        // for each batch (30,000 took five minutes of half a core on SQLite, docs/performance.md).
        return await db.OutboxMessages.AsNoTracking().Include(m => m.Attachments).Where(m => candidates.Contains(m.Id) && m.LeaseId == lease)
            .OrderBy(m => m.Id).AsSplitQuery().ToListAsync(ct);
    }

    private static Expression<Func<OutboxMessage, bool>> Due(DateTimeOffset now) => m =>
        m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.LeasedUntil == null || m.LeasedUntil < now);

    private async Task MarkSentAsync(BerceauDbContext db, OutboxMessage message, Guid lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var updated = await db.OutboxMessages.Where(m => m.Id == message.Id && m.LeaseId == lease)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LeaseId, (Guid?)null)
                .SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (updated == 0)
            logger.LogWarning("Message {Id} envoyé après l’expiration de sa réservation : un autre nœud a pu l’envoyer aussi", message.Id);
    }

    private async Task MarkFailedAsync(BerceauDbContext db, OutboxMessage message, Guid lease, Exception error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Read back after the claim: it already counts this attempt.
        var attempts = message.Attempts;
        var givingUp = attempts >= Settings.MaxAttempts;
        var text = $"{error.GetType().Name}: {error.Message}";
        if (error.InnerException is { } inner) text += $" ({inner.Message})";
        if (text.Length > OutboxMessage.MaxErrorLength) text = text[..OutboxMessage.MaxErrorLength];
        var next = now + OutboxRetry.DelayAfter(attempts, TimeSpan.FromMinutes(Settings.MaxDelayMinutes));
        DateTimeOffset? failedAt = givingUp ? now : null;

        // Not cancelled with the host: the outcome of an attempt that happened must be recorded.
        await db.OutboxMessages.Where(m => m.Id == message.Id && m.LeaseId == lease)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LastError, text)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.FailedAt, failedAt)
                .SetProperty(m => m.LeaseId, (Guid?)null)
                .SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (givingUp)
            logger.LogError(error, "Message {Id} ({Kind}) abandonné après {Attempts} essais", message.Id, message.Kind, attempts);
        else
            logger.LogWarning(error, "Message {Id} ({Kind}) non envoyé (essai {Attempts}), nouvel essai à {Next}", message.Id, message.Kind, attempts, next);
    }
}
