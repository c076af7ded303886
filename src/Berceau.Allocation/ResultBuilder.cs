using System.Diagnostics;

namespace Berceau.Allocation;

/// <summary>Turns the final state of deferred acceptance into the contract's result: assignments, cut-offs, explanations.</summary>
internal static class ResultBuilder
{
    public static Result Build(IndexedInstance index, SectionSeats seats, int[] current, ArraySegment<int> rejected, string hash, Stopwatch clock)
    {
        var instance = index.Instance;
        var sections = instance.Sections;
        var applications = instance.Applications;

        var viaReserve = new int[index.Applications];
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
                cutoff = new Cutoff(cutoffScore[s]!.Value, applications[app].Submitted, index.TieBreak[app]);
            }
            sectionResults[s] = new SectionResult(sections[s].Id, sections[s].Capacity, seats.Filled(s), cutoff);
            seatsOffered += sections[s].Capacity;
            seatsFilled += seats.Filled(s);
        }

        var assignments = new List<Assignment>((int)Math.Min(seatsFilled, index.Applications));
        var unassigned = new List<string>();
        var drawnIds = new List<string>();
        var drawnValues = new List<long>();
        var firstWish = 0;
        for (var k = 0; k < index.ById.Length; k++)
        {
            var i = index.ById[k];
            var application = applications[i];
            var held = current[i];
            if (held < index.WishStart[i + 1])
            {
                var section = index.WishSection[held];
                var via = viaReserve[index.RankOfApp[i]];
                var wishRank = held - index.WishStart[i] + 1;
                assignments.Add(new Assignment(application.Id, sections[section].Structure, sections[section].Id, wishRank,
                    via < 0 ? null : index.CategoryNames[via]));
                if (wishRank == 1) firstWish++;
            }
            else
            {
                unassigned.Add(application.Id);
            }
            if (index.Drawn[i])
            {
                drawnIds.Add(application.Id);
                drawnValues.Add(index.TieBreak[i]);
            }
        }

        var explanations = new ExplanationList(index, current, cutoffScore, RejectedBySection(index, rejected));
        var tieBreaks = new SortedTieBreaks(drawnIds.ToArray(), drawnValues.ToArray());
        var stats = new Stats(index.Applications, assignments.Count, firstWish, seatsOffered, seatsFilled,
            Math.Round(clock.Elapsed.TotalMilliseconds, 3));
        return new Result(Instance.CurrentVersion, instance.Seed, hash, assignments, unassigned, sectionResults, explanations, tieBreaks, stats);
    }

    /// <summary>
    /// The keys of the applications each section rejected, grouped by section (counting sort) and sorted within each group, so that
    /// a waitlist position is one binary search away (see <see cref="Waitlists.Position"/>).
    /// </summary>
    private static Waitlists RejectedBySection(IndexedInstance index, ArraySegment<int> rejected)
    {
        var sections = index.Sections;
        var start = new int[sections + 1];
        foreach (var w in rejected) start[index.WishSection[w] + 1]++;
        for (var s = 0; s < sections; s++) start[s + 1] += start[s];
        var fill = start[..^1];
        var keys = GC.AllocateUninitializedArray<ulong>(rejected.Count);
        foreach (var w in rejected) keys[fill[index.WishSection[w]]++] = index.WishKey[w];
        for (var s = 0; s < sections; s++) keys.AsSpan(start[s], start[s + 1] - start[s]).Sort();
        return new Waitlists(start, keys);
    }
}

/// <summary>For each section, the priority keys of the applications it rejected, in increasing order.</summary>
internal sealed class Waitlists(int[] start, ulong[] keys)
{
    /// <summary>1 + the number of applications rejected by the section that rank above this key (a key it rejected).</summary>
    public int Position(int section, ulong key)
    {
        var from = start[section];
        var count = start[section + 1] - from;
        var at = keys.AsSpan(from, count).BinarySearch(key);
        return count - at;
    }
}
