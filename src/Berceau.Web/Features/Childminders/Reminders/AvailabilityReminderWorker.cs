using Berceau.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Childminders;

/// <summary>Runs <see cref="AvailabilityReminderJob"/> every <see cref="AvailabilityReminderOptions.PollMinutes"/> (see <see cref="JobLoop"/>).</summary>
public sealed class AvailabilityReminderWorker(AvailabilityReminderJob job, IOptions<AvailabilityReminderOptions> options, ILogger<AvailabilityReminderWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        JobLoop.RunAsync(ct => job.RunOnceAsync(ct), options.Value.PollMinutes, logger,
            "Rappels de mise à jour des places des assistants maternels impossibles pour le moment", stoppingToken);
}
