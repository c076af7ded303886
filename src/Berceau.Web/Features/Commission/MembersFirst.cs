namespace Berceau.Web.Features.Commission;

/// <summary>
/// The commission's requests in flight on this node (its pages under /pro/commissions), so that the families' notices of a
/// freeze wait for the members: on a server of two cores, the notices of a département's freeze (about 5 s of CPU for 30,000
/// families) took a core from the run and the review page the members ask for right after the freeze (docs/performance.md).
/// The job writes its next batch when no such request has been in flight for <see cref="FreezeNoticeOptions.QuietMilliseconds"/>,
/// or after <see cref="FreezeNoticeOptions.MaxWaitSeconds"/> at most, so that a stream of requests never holds the families'
/// notices back for long. The quiet time is for the member who asks, right after the freeze, for the run and then its review:
/// between two of those requests, the job would otherwise start a batch (a few hundred milliseconds of CPU) that the next
/// request shares the cores with.
/// </summary>
public sealed class MembersFirst
{
    private int inFlight;
    // When the last request ended (Stopwatch's timestamp); 0 before any.
    private long lastEnded;

    /// <summary>True while a commission request runs on this node.</summary>
    public bool Busy => Volatile.Read(ref inFlight) > 0;

    /// <summary>Marks a request in flight until the returned value is disposed.</summary>
    public IDisposable Enter()
    {
        Interlocked.Increment(ref inFlight);
        return new Exit(this);
    }

    /// <summary>
    /// Returns when no request has been in flight for <paramref name="quiet"/>, or after <paramref name="max"/>. Real time, not the
    /// application's clock (which tests may hold still): it is the machine's cores that are shared.
    /// </summary>
    public async Task WaitAsync(TimeSpan max, TimeSpan quiet, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((Busy || System.Diagnostics.Stopwatch.GetElapsedTime(Volatile.Read(ref lastEnded)) < quiet) && waited.Elapsed < max)
            await Task.Delay(TimeSpan.FromMilliseconds(25), ct);
    }

    private sealed class Exit(MembersFirst owner) : IDisposable
    {
        private int done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) != 0) return;
            Volatile.Write(ref owner.lastEnded, System.Diagnostics.Stopwatch.GetTimestamp());
            Interlocked.Decrement(ref owner.inFlight);
        }
    }
}

/// <summary>Marks the commission's pages in flight (<see cref="MembersFirst"/>).</summary>
public static class MembersFirstMiddleware
{
    public static IApplicationBuilder UseCommissionMembersFirst(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/pro/commissions"), branch => branch.Use(async (context, next) =>
        {
            using var _ = context.RequestServices.GetRequiredService<MembersFirst>().Enter();
            await next(context);
        }));
}
