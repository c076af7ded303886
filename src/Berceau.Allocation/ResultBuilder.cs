using System.Diagnostics;

namespace Berceau.Allocation;

/// <summary>
/// Turns the final state of deferred acceptance into the contract's result: assignments, cut-offs, explanations. Only what is
/// small (sections, counts) is built as objects; the per-application lists are views over compact arrays (<see cref="ResultLists"/>),
/// so that a national result costs a few arrays instead of millions of objects the collector would have to copy.
/// </summary>
internal static class ResultBuilder
{
    public static Result Build(IndexedInstance index, Proposals proposals, int[] capacities, string hash, Stopwatch clock)
    {
        var instance = index.Instance;
        var sections = instance.Sections;
        var seats = proposals.Seats;
        var current = proposals.Current;

        var viaReserve = FreshMemory.Uninitialized<int>(index.Applications);
        Array.Fill(viaReserve, -1);
        var sectionResults = new SectionResult[sections.Count];
        var cutoffScore = new int?[sections.Count];
        long seatsOffered = 0, seatsFilled = 0;
        for (var s = 0; s < sections.Count; s++)
        {
            var lowest = ulong.MaxValue;
            foreach (var key in seats.General(s)) lowest = Math.Min(lowest, key);
            for (var r = index.ReserveStart[s]; r < index.ReserveStart[s + 1]; r++)
            {
                foreach (var key in seats.InReserve(r))
                {
                    lowest = Math.Min(lowest, key);
                    viaReserve[index.RankOfKey(key)] = index.ReserveCategory[r];
                }
            }
            Cutoff? cutoff = null;
            if (seats.Filled(s) > 0)
            {
                var app = index.AppOfRank[index.RankOfKey(lowest)];
                cutoffScore[s] = IndexedInstance.ScoreOfKey(lowest);
                cutoff = new Cutoff(cutoffScore[s]!.Value, DateOnly.FromDayNumber(index.Table.Day[app]), index.TieBreak[app]);
            }
            sectionResults[s] = new SectionResult(sections[s].Id, capacities[s], seats.Filled(s), cutoff);
            seatsOffered += capacities[s];
            seatsFilled += seats.Filled(s);
        }

        // Positions in id order of the applications assigned, unassigned, and with a drawn tieBreak.
        var count = index.Applications;
        var assigned = GC.AllocateUninitializedArray<int>(count);
        var unassigned = GC.AllocateUninitializedArray<int>(count);
        var drawn = GC.AllocateUninitializedArray<int>(count);
        int assignedCount = 0, unassignedCount = 0, drawnCount = 0, firstWish = 0;
        const int ahead = 16;
        for (var k = 0; k < count; k++)
        {
            if (k + 2 * ahead < count)
            {
                // Where each application is held is at a random place (by rank): loaded ahead, in two steps.
                var later = index.RankOfApp[index.ById[k + 2 * ahead]];
                MemoryHint.Prefetch(ref current[later]);
                MemoryHint.Prefetch(ref index.WishStart[later]);
                MemoryHint.Prefetch(ref index.Wishes[current[index.RankOfApp[index.ById[k + ahead]]]]);
            }
            var i = index.ById[k];
            var r = index.RankOfApp[i];
            var held = current[r];
            if (!index.Wishes[held].IsEnd)
            {
                assigned[assignedCount++] = k;
                if (held == index.WishStart[r]) firstWish++;
            }
            else
            {
                unassigned[unassignedCount++] = k;
            }
            if (index.Drawn[i]) drawn[drawnCount++] = k;
        }

        var explanations = new ExplanationList(index, current, cutoffScore, Waitlists.Of(index, proposals));
        var stats = new Stats(count, assignedCount, firstWish, seatsOffered, seatsFilled, Math.Round(clock.Elapsed.TotalMilliseconds, 3));
        return new Result(Instance.CurrentVersion, instance.Seed, hash,
            new AssignmentList(index, current, viaReserve, assigned.AsMemory(0, assignedCount)),
            new IdList(index, unassigned.AsMemory(0, unassignedCount)),
            sectionResults, explanations, new SortedTieBreaks(index, drawn.AsMemory(0, drawnCount)), stats);
    }
}

/// <summary>
/// For each section, the priority keys of the applications it rejected, in increasing order: <paramref name="keys"/>[start[s] ..
/// start[s + 1]]. <paramref name="spare"/> is memory the waitlists no longer need, as long as the instance has wishes, lent to
/// <see cref="ByWish"/>.
/// </summary>
internal sealed class Waitlists(int[] start, ulong[] keys, int[] spare)
{
    /// <summary>
    /// The rejections grouped by section (counting sort) and sorted within each group, so that a waitlist position is one binary
    /// search away. (Grouping them in place instead, to touch no new memory, was measured slower: the moves jump around.)
    /// </summary>
    public static Waitlists Of(IndexedInstance index, Proposals proposals)
    {
        var sections = index.Sections;
        var count = proposals.RejectedCount;
        var rejectedSection = proposals.RejectedSection.AsSpan(0, count);
        var rejectedKey = proposals.RejectedKey.AsSpan(0, count);
        var start = new int[sections + 1];
        foreach (var s in rejectedSection) start[s + 1]++;
        for (var s = 0; s < sections; s++) start[s + 1] += start[s];
        var fill = start[..^1];
        var keys = FreshMemory.Uninitialized<ulong>(count);
        for (var k = 0; k < count; k++) keys[fill[rejectedSection[k]]++] = rejectedKey[k];
        for (var s = 0; s < sections; s++) keys.AsSpan(start[s], start[s + 1] - start[s]).Sort();
        // The rejections themselves are no longer needed: their section array, as long as the instance's wishes, is lent to ByWish.
        return new Waitlists(start, keys, proposals.RejectedSection);
    }

    /// <summary>
    /// The waitlist position of every rejected wish, by wish (in the by-rank layout of <see cref="IndexedInstance.Wishes"/>; other
    /// entries are left as they were): for a writer going through all explanations, one read each instead of a binary search.
    /// Written in the spare memory, so to be called once (<see cref="ExplanationList.PrepareToReadAll"/>).
    /// </summary>
    public int[] ByWish(IndexedInstance index)
    {
        var positions = spare;
        var total = start[^1];
        const int ahead = 16;
        for (int j = 0, s = 0; j < total; j++)
        {
            while (j >= start[s + 1]) s++;
            if (j + 2 * ahead < total)
            {
                // Each rejected application's wishes are at a random place (by rank): loaded ahead, in two steps.
                MemoryHint.Prefetch(ref index.WishStart[index.RankOfKey(keys[j + 2 * ahead])]);
                var soon = index.WishStart[index.RankOfKey(keys[j + ahead])];
                MemoryHint.Prefetch(ref index.Wishes[soon]);
                MemoryHint.Prefetch(ref positions[soon]);
            }
            var w = index.WishStart[index.RankOfKey(keys[j])];
            while (index.Wishes[w].Section != s) w++;  // a section appears once among an application's wishes
            positions[w] = start[s + 1] - j;
        }
        return positions;
    }

    /// <summary>1 + the number of applications rejected by the section that rank above this key (a key it rejected).</summary>
    public int Position(int section, ulong key)
    {
        var from = start[section];
        var count = start[section + 1] - from;
        var at = keys.AsSpan(from, count).BinarySearch(key);
        return count - at;
    }
}
