using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Notifications;

/// <summary>
/// Runs the dispatcher in the background: batch after batch while messages are due, then a pause. The pause uses the
/// system clock on purpose: it is how often to look, not a business date (the dispatcher's due dates use the injected clock).
/// </summary>
public sealed class OutboxWorker(OutboxDispatcher dispatcher, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await dispatcher.DispatchDueAsync(stoppingToken) > 0 && !stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unreachable: keep the worker alive and look again after the pause.
                logger.LogError(e, "Envoi des messages en attente impossible pour le moment");
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
