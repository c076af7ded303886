namespace Berceau.Web.Infrastructure;

/// <summary>
/// Work on tens of thousands of independent items (a département's commission) spread over the cores, in ranges of
/// consecutive indexes: each range gets its own scratch state, and each item's result goes into its own slot, so the output's
/// order never depends on the number of cores.
/// </summary>
public static class ParallelRanges
{
    /// <summary>Calls <paramref name="range"/> with [from, to) ranges of at most <paramref name="size"/> that cover [0, count).</summary>
    public static void For(int count, int size, Action<int, int> range)
    {
        if (count <= 0) return;
        if (count <= size)
        {
            range(0, count);
            return;
        }
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, count, size), r => range(r.Item1, r.Item2));
    }
}
