using System.Diagnostics;
using System.Runtime.InteropServices;
using Berceau.Allocation;

/// <summary>
/// `dotnet run -c Release --project bench/Berceau.Bench -- phases [applications] [structures] [runs]`: where a solve spends its time
/// (indexing and validation, deferred acceptance, instance hash, result) and a "what if" on a prepared instance, best of several runs, in CPU time of the solving thread,
/// which other processes on a shared machine disturb less than the wall clock.
/// </summary>
internal static class AllocationPhases
{
    public static void Run(string[] args)
    {
        var applications = args.Length > 1 ? int.Parse(args[1]) : 1_000_000;
        var structures = args.Length > 2 ? int.Parse(args[2]) : 20_000;
        var runs = args.Length > 3 ? int.Parse(args[3]) : 5;
        var instance = InstanceGenerator.Generate(applications, structures, 6, 1);
        string[] names = ["indexing", "deferred acceptance", "hash", "result", "Solve (sum)"];
        var best = new double[names.Length];
        Array.Fill(best, double.MaxValue);
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            var t0 = ThreadCpu.Now();
            var index = IndexedInstance.Build(instance, out _)!;
            var t1 = ThreadCpu.Now();
            var proposals = AllocationEngine.DeferredAcceptance(index, index.Capacity);
            var t2 = ThreadCpu.Now();
            var hash = InstanceHash.Of(instance, index.Table, index.ById, index.Capacity);
            var t3 = ThreadCpu.Now();
            ResultBuilder.Build(index, proposals, index.Capacity, hash, Stopwatch.StartNew());
            var t4 = ThreadCpu.Now();
            double[] spent = [t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0];
            for (var k = 0; k < names.Length; k++) best[k] = Math.Min(best[k], spent[k] / 1e6);
        }
        // A "what if": one more seat in the section of the most wanted structure, on an instance prepared once.
        var prepared = AllocationEngine.Prepare(instance);
        var busiest = instance.Applications.GroupBy(a => a.Wishes[0].Structure).MaxBy(g => g.Count())!.Key;
        var section = instance.Sections.First(s => s.Structure == busiest);
        var change = new Dictionary<string, int> { [section.Id] = section.Capacity + 1 };
        var whatIf = double.MaxValue;
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            var t0 = ThreadCpu.Now();
            prepared.Solve(change);
            whatIf = Math.Min(whatIf, (ThreadCpu.Now() - t0) / 1e6);
        }
        Console.WriteLine($"{applications:N0} applications × 6 over {structures:N0} structures, best of {runs} runs (thread CPU ms):");
        for (var k = 0; k < names.Length; k++) Console.WriteLine($"  {names[k],-20} {best[k],9:F1}");
        Console.WriteLine($"  {"what if (+1 seat)",-20} {whatIf,9:F1}");
    }

    private static class ThreadCpu
    {
        private const int ThreadCpuTimeClock = 3;  // CLOCK_THREAD_CPUTIME_ID on Linux

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds, Nanoseconds;
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, out TimeSpec time);

        public static long Now() => ClockGetTime(ThreadCpuTimeClock, out var t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds
            : throw new PlatformNotSupportedException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) is needed (Linux).");
    }
}
