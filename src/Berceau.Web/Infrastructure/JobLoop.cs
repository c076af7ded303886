namespace Berceau.Web.Infrastructure;

/// <summary>
/// The loop of a background worker: one pass, a pause, again, until the host stops. A failed pass (the database briefly
/// unreachable) is logged and the worker stays alive. The pause uses the system clock on purpose: it is how often to look;
/// the jobs' dates come from the injected clock. With a <see cref="JobSignal"/>, the pause ends as soon as it is woken.
/// </summary>
public static class JobLoop
{
    public static Task RunAsync(Func<CancellationToken, Task> pass, int pauseMinutes, ILogger logger, string failure, CancellationToken stoppingToken) =>
        RunAsync(pass, TimeSpan.FromMinutes(Math.Max(1, pauseMinutes)), null, logger, failure, stoppingToken);

    public static async Task RunAsync(Func<CancellationToken, Task> pass, TimeSpan pause, JobSignal? signal, ILogger logger, string failure,
        CancellationToken stoppingToken)
    {
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
                if (signal is null) await Task.Delay(pause, TimeProvider.System, stoppingToken);
                else await signal.WaitAsync(pause, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>Wakes a worker of this process before its next poll (several wakes before it runs make one pass).</summary>
public class JobSignal
{
    private readonly SemaphoreSlim wake = new(0, 1);

    public void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: the next pass does everything pending.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => wake.WaitAsync(timeout, ct);
}
