namespace Berceau.Web.Infrastructure;

/// <summary>
/// The loop of a background worker: one pass, a pause, again, until the host stops. A failed pass (the database briefly
/// unreachable) is logged and the worker stays alive. The pause uses the system clock on purpose: it is how often to look;
/// the jobs' dates come from the injected clock.
/// </summary>
public static class JobLoop
{
    public static async Task RunAsync(Func<CancellationToken, Task> pass, int pauseMinutes, ILogger logger, string failure, CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromMinutes(Math.Max(1, pauseMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pass(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "{Failure}", failure);
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
