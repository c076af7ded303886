using Berceau.Data;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Childminders;

/// <summary>What one pass did; <see cref="Ran"/> false when another node held the job.</summary>
public sealed record ReminderPass(bool Ran, int Reminded);

/// <summary>
/// Reminds the assistants maternels and MAM whose declaration of free places turned stale (older than 2 months, the national
/// obligation's rhythm, <see cref="Vacancy.FreshSince"/>): families no longer see it. One reminder per declaration: the
/// notification's key holds the declaration's instant, so a pass may run as often as wanted, and a new declaration that
/// turns stale in its turn gets its own reminder. A childminder who withdrew their places has nothing to refresh.
/// </summary>
public sealed class AvailabilityReminderJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AvailabilityReminderOptions> options,
    ILogger<AvailabilityReminderJob> logger)
{
    public const string LeaseName = "rappel-disponibilites-am";

    public async Task<ReminderPass> RunOnceAsync(CancellationToken ct = default) =>
        await JobLeases.RunExclusiveAsync(scopes, clock, LeaseName, options.Value.LeaseMinutes, async (services, db, now) =>
        {
            var notifier = services.GetRequiredService<Notifier>();
            var queries = services.GetRequiredService<ChildminderQueries>();
            var staleBefore = Vacancy.FreshSince(now);
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            // The last declaration of each open AM or MAM; stale when even the latest is older than 2 months.
            var stale = await db.Facilities.AsNoTracking()
                .Where(f => (f.Mode == CareMode.AssistantMaternel || f.Mode == CareMode.Mam) && (f.ClosedOn == null || f.ClosedOn > today)
                    && f.Vacancies.Any() && f.Vacancies.Max(v => v.DeclaredAt) < staleBefore)
                .Select(f => new { f.Id, f.Name, f.CommuneCode, Latest = f.Vacancies.Max(v => v.DeclaredAt) })
                .ToListAsync(ct);
            var reminded = 0;
            foreach (var facility in stale)
            {
                foreach (var (userId, email) in await queries.AccountsOfAsync(facility.Id, ct))
                {
                    var what = ChildminderEmails.StaleReminder(facility.Name, DateOnly.FromDateTime(facility.Latest.UtcDateTime), facility.CommuneCode);
                    if (await notifier.QueueAsync(new Recipient(email, userId), what,
                            $"{ChildminderEmails.ReminderKind}:{facility.Id}:{userId}:{facility.Latest.UtcTicks}", ct))
                        reminded++;
                }
            }
            await db.SaveChangesAsync(ct);
            if (reminded > 0) logger.LogInformation("Places des assistants maternels : {Reminded} rappel(s) de mise à jour", reminded);
            return new ReminderPass(true, reminded);
        }, ct) ?? new ReminderPass(false, 0);
}
