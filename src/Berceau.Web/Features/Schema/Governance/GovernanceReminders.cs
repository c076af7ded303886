using Berceau.Domain.Governance;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Schema.Governance;

/// <summary>Configuration section <c>GovernanceReminders</c>.</summary>
public sealed class GovernanceReminderOptions
{
    public const string Section = "GovernanceReminders";

    /// <summary>Runs the worker in this process (off in tests, which call <see cref="GovernanceReminderJob.RunOnceAsync"/>).</summary>
    public bool RunWorker { get; set; } = true;
    /// <summary>How many days before a meeting its members are reminded (the CDSF's partners plan their weeks ahead).</summary>
    public int DaysBefore { get; set; } = 3;
    public int PollMinutes { get; set; } = 60;
    public int LeaseMinutes { get; set; } = 30;
}

/// <summary>What one pass did; <see cref="Ran"/> false when another node held the job.</summary>
public sealed record GovernanceReminderPass(bool Ran, int Reminded);

/// <summary>
/// Reminds the members of an instance <see cref="GovernanceReminderOptions.DaysBefore"/> days before a planned meeting they were
/// invited to (from that day to the meeting's day, so that a pass missed one day is caught up the next). Once: one node at a time
/// holds the job (<see cref="JobLeases"/>), and the reminder's idempotency key (meeting, sequence, address) is unique in the
/// outbox, so passes may run as often as wanted; a meeting moved (a new sequence) is reminded again.
/// </summary>
public sealed class GovernanceReminderJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<GovernanceReminderOptions> options,
    ILogger<GovernanceReminderJob> logger)
{
    public const string LeaseName = "rappel-instances";

    public async Task<GovernanceReminderPass> RunOnceAsync(CancellationToken ct = default) =>
        await JobLeases.RunExclusiveAsync(scopes, clock, LeaseName, options.Value.LeaseMinutes, async (services, db, now) =>
        {
            var mail = services.GetRequiredService<GovernanceMail>();
            var today = ParisTime.DayOf(now);
            var until = today.AddDays(options.Value.DaysBefore);
            var meetings = await db.GovernanceMeetings.AsNoTracking().Include(m => m.Agenda)
                .Where(m => m.Status == GovernanceMeetingStatus.Planned && m.InvitedSequence != null && m.Date >= today && m.Date <= until)
                .OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync(ct);
            var bodyIds = meetings.Select(m => m.BodyId).Distinct().ToList();
            var bodies = await db.GovernanceBodies.AsNoTracking().Include(b => b.Members).Where(b => bodyIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
            var reminded = 0;
            foreach (var meeting in meetings)
                reminded += await mail.QueueAsync(MeetingMessage.Reminder, meeting, bodies[meeting.BodyId], ct);
            await db.SaveChangesAsync(ct);
            if (reminded > 0) logger.LogInformation("Instances du schéma : {Reminded} rappel(s) de réunion", reminded);
            return new GovernanceReminderPass(true, reminded);
        }, ct) ?? new GovernanceReminderPass(false, 0);
}

/// <summary>Runs <see cref="GovernanceReminderJob"/> every <see cref="GovernanceReminderOptions.PollMinutes"/> (see <see cref="JobLoop"/>).</summary>
public sealed class GovernanceReminderWorker(GovernanceReminderJob job, IOptions<GovernanceReminderOptions> options, ILogger<GovernanceReminderWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        JobLoop.RunAsync(ct => job.RunOnceAsync(ct), options.Value.PollMinutes, logger,
            "Rappels des réunions d’instances impossibles pour le moment", stoppingToken);
}
