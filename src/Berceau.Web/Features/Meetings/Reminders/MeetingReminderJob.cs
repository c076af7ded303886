using Berceau.Data;
using Berceau.Domain.Meetings;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Meetings;

/// <summary>What one pass did; <see cref="Ran"/> false when another node held the job.</summary>
public sealed record MeetingReminderPass(bool Ran, int Reminded, int Purged = 0);

/// <summary>
/// Reminds every registrant the day before a published meeting (the day of Paris, whatever the server's zone). One reminder
/// per registration: the notification's key holds the registration and its version, so a pass may run as often as wanted,
/// and someone who cancels then registers again is reminded again. Cancelled meetings and registrations get nothing.
/// The same pass (same lease) erases the names and e-mails of the registrations to meetings older than
/// <see cref="MeetingReminderOptions.RegistrationRetentionMonths"/>.
/// </summary>
public sealed class MeetingReminderJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<MeetingReminderOptions> options,
    ILogger<MeetingReminderJob> logger)
{
    public const string LeaseName = "rappel-reunions";

    public async Task<MeetingReminderPass> RunOnceAsync(CancellationToken ct = default) =>
        await JobLeases.RunExclusiveAsync(scopes, clock, LeaseName, options.Value.LeaseMinutes, async (services, db, now) =>
        {
            var notifier = services.GetRequiredService<Notifier>();
            var tomorrow = ParisTime.DayOf(now).AddDays(1);
            var meetings = await db.InfoMeetings.AsNoTracking()
                .Where(m => m.Status == MeetingStatus.Published && m.Date == tomorrow).ToListAsync(ct);
            var ids = meetings.Select(m => m.Id).ToList();
            var registrations = await db.MeetingRegistrations.AsNoTracking()
                .Where(r => ids.Contains(r.MeetingId) && r.Status == MeetingRegistrationStatus.Registered)
                .Select(r => new { r.Id, r.MeetingId, r.Email, r.UserId, r.Version }).ToListAsync(ct);
            var byId = meetings.ToDictionary(m => m.Id);
            var reminded = await notifier.QueueManyAsync([.. registrations.Select(r => (new Recipient(r.Email, r.UserId),
                MeetingEmails.Reminder(byId[r.MeetingId]), $"{MeetingEmails.ReminderKind}:{r.Id}:{r.Version}"))], ct);
            await db.SaveChangesAsync(ct);
            if (reminded > 0) logger.LogInformation("Réunions d’information : {Reminded} rappel(s) pour demain", reminded);
            var purged = await PurgeAsync(db, services.GetRequiredService<AuditLog>(), now, ct);
            return new MeetingReminderPass(true, reminded, purged);
        }, ct) ?? new MeetingReminderPass(false, 0, 0);

    private const int PurgeBatch = 500;

    /// <summary>Erases who registered to the meetings held more than N months ago, by batches; one audit line per pass that erased some.</summary>
    private async Task<int> PurgeAsync(BerceauDbContext db, AuditLog audit, DateTimeOffset now, CancellationToken ct)
    {
        var before = ParisTime.DayOf(now).AddMonths(-options.Value.RegistrationRetentionMonths);
        var old = db.InfoMeetings.Where(m => m.Date < before).Select(m => m.Id);
        var total = 0;
        while (true)
        {
            var batch = await db.MeetingRegistrations.Where(r => r.PurgedAt == null && old.Contains(r.MeetingId)).Take(PurgeBatch).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var r in batch) r.Purge(now);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += batch.Count;
        }
        if (total > 0)
        {
            audit.Record(MeetingAudit.Purged, MeetingAudit.RegistrationEntity, "", $"{total} inscription(s) à des réunions d’avant le {before:yyyy-MM-dd}");
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Réunions d’information : {Purged} inscription(s) anciennes effacées", total);
        }
        return total;
    }
}
