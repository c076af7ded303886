using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Applications.Confirmation;

/// <summary>
/// Runs <see cref="ConfirmationJob"/> every <see cref="ConfirmationOptions.PollMinutes"/>. The pause uses the system clock
/// on purpose: it is how often to look; the job's dates come from the injected clock.
/// </summary>
public sealed class ConfirmationWorker(ConfirmationJob job, IOptions<ConfirmationOptions> options, ILogger<ConfirmationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromMinutes(Math.Max(1, options.Value.PollMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await job.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unreachable: keep the worker alive and look again after the pause.
                logger.LogError(e, "Rappels et caducité des demandes impossibles pour le moment");
            }
            try
            {
                await Task.Delay(pause, TimeProvider.System, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
