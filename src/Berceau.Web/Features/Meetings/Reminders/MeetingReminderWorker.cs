using Berceau.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Meetings;

/// <summary>Runs <see cref="MeetingReminderJob"/> every <see cref="MeetingReminderOptions.PollMinutes"/> (see <see cref="JobLoop"/>).</summary>
public sealed class MeetingReminderWorker(MeetingReminderJob job, IOptions<MeetingReminderOptions> options, ILogger<MeetingReminderWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        JobLoop.RunAsync(ct => job.RunOnceAsync(ct), options.Value.PollMinutes, logger,
            "Rappels des réunions d’information impossibles pour le moment", stoppingToken);
}
