using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Features.Applications.Confirmation;

/// <summary>What one pass did; <see cref="Ran"/> false when another node held the job.</summary>
public sealed record ConfirmationPass(bool Ran, int Reminded, int Warned, int Lapsed);

/// <summary>
/// Applies <see cref="ConfirmationSchedule"/> to every waiting application: a reminder when the confirmation is due, a
/// warning (and its date) two weeks later, the lapse (caduque) when the schedule says so. The steps are dates and every
/// action is idempotent (keyed notifications, the version check on the application), so a pass may run as often as wanted,
/// be interrupted, or race a family confirming at that very moment: the family's confirmation wins, nothing is done twice.
/// </summary>
public sealed class ConfirmationJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ConfirmationOptions> options, ILogger<ConfirmationJob> logger)
{
    public const string LeaseName = "confirmation-des-demandes";
    /// <summary>The author of the job's changes in the history and the audit (the family reads « Le guichet »).</summary>
    public const string Actor = "tâche de confirmation";

    private enum Done { Nothing, Reminded, Warned, Lapsed }

    public async Task<ConfirmationPass> RunOnceAsync(CancellationToken ct = default) =>
        await JobLeases.RunExclusiveAsync(scopes, clock, LeaseName, options.Value.LeaseMinutes, async (services, db, now) =>
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var done = new List<Done>();
            foreach (var id in await CandidatesAsync(db, today, ct))
            {
                done.Add(await ProcessAsync(id, today, now, ct));
            }
            var pass = new ConfirmationPass(true, done.Count(d => d == Done.Reminded), done.Count(d => d == Done.Warned), done.Count(d => d == Done.Lapsed));
            if (pass.Reminded + pass.Warned + pass.Lapsed > 0)
                logger.LogInformation("Confirmation des demandes : {Reminded} rappel(s), {Warned} avertissement(s), {Lapsed} demande(s) caduque(s)",
                    pass.Reminded, pass.Warned, pass.Lapsed);
            return pass;
        }, ct) ?? new ConfirmationPass(false, 0, 0, 0);

    /// <summary>
    /// Waiting applications confirmed about three months ago or earlier. The SQL filter is a little wide (months have unequal
    /// lengths); the domain's schedule decides for each one.
    /// </summary>
    private static Task<List<ApplicationId>> CandidatesAsync(BerceauDbContext db, DateOnly today, CancellationToken ct)
    {
        ApplicationStatus[] waiting = [ApplicationStatus.Submitted, ApplicationStatus.Incomplete, ApplicationStatus.Complete, ApplicationStatus.Waitlisted];
        var confirmedBefore = today.AddMonths(-ConfirmationSchedule.IntervalMonths).AddDays(3);
        return db.Applications.AsNoTracking()
            .Where(a => waiting.Contains(a.Status) && a.LastConfirmedOn != null && a.LastConfirmedOn <= confirmedBefore)
            .OrderBy(a => a.LastConfirmedOn).Select(a => a.Id).ToListAsync(ct);
    }

    /// <summary>One application in its own unit of work: a failure or a concurrent change skips it, not the whole pass.</summary>
    private async Task<Done> ProcessAsync(ApplicationId id, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<BerceauDbContext>();
        var application = await db.Applications.Include(a => a.StatusChanges).Include(a => a.Events).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application?.ConfirmationDueOn is not { } due) return Done.Nothing;
        var family = new FamilyNotices(db, services.GetRequiredService<Notifier>(), application, due);
        var audit = services.GetRequiredService<AuditLog>();
        Done done;
        switch (application.ConfirmationStepOn(today))
        {
            case ConfirmationStep.Due:
                if (!await family.RemindAsync(ct)) return Done.Nothing;
                done = Done.Reminded;
                break;
            case ConfirmationStep.Warned when application.NeedsWarningOn(today):
                application.Warn(today, now, Actor);
                audit.Record(ApplicationAudit.Warned, ApplicationAudit.EntityType, id.ToString(), Actor);
                await family.WarnAsync(LapsesOn(due, today), ct);
                done = Done.Warned;
                break;
            case ConfirmationStep.Lapses:
                var moved = application.Move(ApplicationStatus.Lapsed, now, Actor, Messages.Get("application-lapsed-reason"));
                if (!moved.IsSuccess) return Done.Nothing;
                audit.Record(ApplicationAudit.StatusChanged, ApplicationAudit.EntityType, id.ToString(), ApplicationAudit.Describe(moved.Value));
                await services.GetRequiredService<ApplicationEvents>().ChangedAsync(application, moved.Value, ct);
                done = Done.Lapsed;
                break;
            default:
                return Done.Nothing;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return done;
        }
        catch (DbUpdateException e)
        {
            // The family confirmed (or another node acted) meanwhile: the version check refused this change; the next pass re-reads.
            logger.LogInformation(e, "Demande {Id} modifiée pendant la tâche de confirmation : reprise au prochain passage", id);
            return Done.Nothing;
        }
    }

    /// <summary>The day the application lapses if the family, warned today, still does not answer.</summary>
    private static DateOnly LapsesOn(DateOnly due, DateOnly warnedOn)
    {
        var byDue = due.AddDays(ConfirmationSchedule.LapseAfterDays);
        var byNotice = warnedOn.AddDays(ConfirmationSchedule.NoticeDays);
        return byDue > byNotice ? byDue : byNotice;
    }
}
