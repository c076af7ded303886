using Berceau.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Applications.Confirmation;

/// <summary>Runs <see cref="ConfirmationJob"/> every <see cref="ConfirmationOptions.PollMinutes"/> (see <see cref="JobLoop"/>).</summary>
public sealed class ConfirmationWorker(ConfirmationJob job, IOptions<ConfirmationOptions> options, ILogger<ConfirmationWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        JobLoop.RunAsync(ct => job.RunOnceAsync(ct), options.Value.PollMinutes, logger,
            "Rappels et caducité des demandes impossibles pour le moment", stoppingToken);
}
