using Berceau.Data.Identity;
using Berceau.Domain.Applications;
using Berceau.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Data.Retention;

/// <summary>What a purge deleted, or would delete (<see cref="DryRun"/>).</summary>
public sealed record RetentionReport(bool DryRun, int Applications, int Documents, int IdempotencyKeys, IReadOnlyList<string> References,
    int Messages = 0, int Notifications = 0, int ExternalSessions = 0);

/// <summary>
/// Deletes what <see cref="RetentionPolicy"/> says has been kept long enough: applications ended without admission (with
/// their guardians, wishes, history, events and proofs), the stored API answers, including those of the deleted
/// applications, the e-mails of the outbox sent or given up on long ago, the in-app notifications read long ago, and the records of provider sessions opened long ago. The dry run counts the same rows and deletes nothing. The audit log keeps one line per real purge (the
/// audit lines of the applications hold no personal details and stay, as the log is append-only).
/// </summary>
public static class RetentionPurge
{
    public static async Task<RetentionReport> RunAsync(BerceauDbContext db, RetentionPolicy policy, DateTimeOffset now, bool dryRun, CancellationToken ct = default)
    {
        List<ApplicationStatus> ended = [.. RetentionPolicy.EndedWithoutAdmission];
        // Ended applications are a small share; their end date is read from the history in memory (one rule for every provider).
        var candidates = await db.Applications.AsNoTracking().Include(a => a.StatusChanges)
            .Where(a => ended.Contains(a.Status)).ToListAsync(ct);
        var due = candidates.Where(a => policy.IsDue(a.Status, a.StatusChanges.Max(c => (DateTimeOffset?)c.At) ?? a.CreatedAt, now))
            .OrderBy(a => a.Reference, StringComparer.Ordinal).ToList();
        var ids = due.Select(a => a.Id).ToList();
        var guids = ids.Select(i => (Guid?)i.Value).ToList();
        var keysBefore = policy.KeysCreatedBefore(now);
        var keys = db.IdempotentRequests.Where(r => r.CreatedAt < keysBefore || guids.Contains(r.ApplicationId));
        var documents = await db.ApplicationDocuments.CountAsync(d => ids.Contains(d.ApplicationId), ct);
        var messagesBefore = policy.MessagesDoneBefore(now);
        var messages = db.OutboxMessages.Where(m => m.SentAt < messagesBefore || m.FailedAt < messagesBefore);
        var readBefore = policy.NotificationsReadBefore(now);
        var notifications = db.Notifications.Where(n => n.ReadAt < readBefore);
        var openedBefore = ExternalSessionTokens.Value(policy.ExternalSessionsOpenedBefore(now));
        var sessions = db.UserTokens.Where(t => t.Name.StartsWith(ExternalSessionTokens.NamePrefix) && string.Compare(t.Value, openedBefore) < 0);
        var report = new RetentionReport(dryRun, due.Count, documents, await keys.CountAsync(ct), [.. due.Select(a => a.Reference)],
            await messages.CountAsync(ct), await notifications.CountAsync(ct), await sessions.CountAsync(ct));
        if (dryRun) return report;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await keys.ExecuteDeleteAsync(ct);
        await messages.ExecuteDeleteAsync(ct);
        await notifications.ExecuteDeleteAsync(ct);
        await sessions.ExecuteDeleteAsync(ct);
        await db.ApplicationDocuments.Where(d => ids.Contains(d.ApplicationId)).ExecuteDeleteAsync(ct);
        // Loaded and removed through the model, so that EF deletes the owned rows (guardians, wishes, history, events) too.
        db.Applications.RemoveRange(await db.Applications.Include(a => a.Wishes).Include(a => a.StatusChanges).Include(a => a.Events)
            .Where(a => ids.Contains(a.Id)).ToListAsync(ct));
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserName = "berceau purge",
            Action = "purge",
            EntityType = "Application",
            Details = $"{report.Applications} demande(s) terminée(s) sans admission depuis plus de {policy.EndedApplicationMonths} mois, "
                + $"{report.Documents} pièce(s), {report.IdempotencyKeys} réponse(s) d’API conservée(s), "
                + $"{report.Messages} e-mail(s) envoyé(s) ou abandonné(s) depuis plus de {policy.MessageDays} jours, "
                + $"{report.Notifications} notification(s) lue(s) depuis plus de {policy.ReadNotificationDays} jours, "
                + $"{report.ExternalSessions} session(s) FranceConnect ou ProConnect ouverte(s) depuis plus de {policy.ExternalSessionDays} jours",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return report;
    }
}
