using System.Diagnostics;
using System.Text;

namespace Berceau.Web.Infrastructure;

/// <summary>
/// The time each step of a long request took (a département's commission freeze, run, review page), written as one Debug line:
/// <c>freeze 30000 demandes: load 812 ms (cpu 1020 ms), snapshot 410 ms (cpu 415 ms), …</c>. The process's CPU time is given
/// beside the elapsed time because the machines we measure on are shared: it moves less with the load (it also counts the
/// garbage collector's threads, and any other request running meanwhile); and the time the garbage collector held every
/// thread still, when it did, and the megabytes the whole process allocated meanwhile (what the young collections will have to
/// sort through; counted exactly, which costs a little: only when measuring). Off unless the category logs at Debug
/// (<c>Logging__LogLevel__Berceau.Web.Infrastructure.StepTimes=Debug</c>, see docs/performance.md): then nothing is measured.
/// </summary>
public sealed class StepTimes(ILogger<StepTimes> logger)
{
    private readonly Stopwatch clock = new();
    private readonly StringBuilder line = new();
    private TimeSpan cpu;
    private TimeSpan paused;
    private int fullCollections;
    private long allocated;
    private bool on;

    public void Start(string what)
    {
        on = logger.IsEnabled(LogLevel.Debug);
        if (!on) return;
        line.Clear().Append(what).Append(':');
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        (paused, fullCollections, allocated) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2), GC.GetTotalAllocatedBytes(precise: true));
        clock.Restart();
    }

    /// <summary>Ends the current step, named <paramref name="step"/>, and starts the next.</summary>
    public void Step(string step)
    {
        if (!on) return;
        var (now, pausedNow, full, allocatedNow) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalPauseDuration(), GC.CollectionCount(2),
            GC.GetTotalAllocatedBytes(precise: true));
        line.Append(' ').Append(step).Append(' ').Append(clock.ElapsedMilliseconds).Append(" ms (cpu ")
            .Append((long)(now - cpu).TotalMilliseconds).Append(" ms");
        if (pausedNow > paused) line.Append(", gc pauses ").Append((long)(pausedNow - paused).TotalMilliseconds).Append(" ms");
        // A full (generation 2) collection pauses for as long as it takes to mark everything alive, unless it runs in the background.
        if (full > fullCollections) line.Append(", gen2 ×").Append(full - fullCollections);
        line.Append(", ").Append((allocatedNow - allocated) >> 20).Append(" MB allocated),");
        (cpu, paused, fullCollections, allocated) = (now, pausedNow, full, allocatedNow);
        clock.Restart();
    }

    public void Done()
    {
        if (!on) return;
        logger.LogDebug("{Steps}", line.ToString().TrimEnd(','));
        on = false;
    }
}
