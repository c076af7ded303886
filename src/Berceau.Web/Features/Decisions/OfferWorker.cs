using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Decisions;

/// <summary>
/// Runs <see cref="OfferJob"/> every <see cref="OfferOptions.PollMinutes"/>. The pause uses the system clock on purpose: it is
/// how often to look; the deadlines come from the injected clock.
/// </summary>
public sealed class OfferWorker(OfferJob job, IOptions<OfferOptions> options, ILogger<OfferWorker> logger) : BackgroundService
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
                logger.LogError(e, "Expiration et réattribution des propositions de place impossibles pour le moment");
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
