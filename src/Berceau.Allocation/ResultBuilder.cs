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
                    viaReserve[IndexedInstance.RankOfKey(key)] = index.ReserveCategory[r];
                }
            }
            Cutoff? cutoff = null;
            if (seats.Filled(s) > 0)
            {
                var app = index.AppOfRank[IndexedInstance.RankOfKey(lowest)];
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

        var explanations = new ExplanationList(index, current, cutoffScore, WaitlistPositions(index, rejected));
        var tieBreaks = new SortedTieBreaks(drawnIds.ToArray(), drawnValues.ToArray());
        var stats = new Stats(index.Applications, assignments.Count, firstWish, seatsOffered, seatsFilled,
            Math.Round(clock.Elapsed.TotalMilliseconds, 3));
        return new Result(Instance.CurrentVersion, instance.Seed, hash, assignments, unassigned, sectionResults, explanations, tieBreaks, stats);
    }

    /// <summary>
    /// For each rejected wish, 1 + the number of applications rejected by the same section that rank above it: the rejected wishes
    /// are grouped by section (counting sort) and each group sorted by priority.
    /// </summary>
    private static int[] WaitlistPositions(IndexedInstance index, ArraySegment<int> rejected)
    {
        var sections = index.Sections;
        var start = new int[sections + 1];
        foreach (var w in rejected) start[index.WishSection[w] + 1]++;
        for (var s = 0; s < sections; s++) start[s + 1] += start[s];
        var fill = start[..^1];
        var keys = GC.AllocateUninitializedArray<ulong>(rejected.Count);
        var wishes = GC.AllocateUninitializedArray<int>(rejected.Count);
        foreach (var w in rejected)
        {
            var p = fill[index.WishSection[w]]++;
            keys[p] = index.WishKey[w];
            wishes[p] = w;
        }
        var position = new int[index.WishSection.Length];
        for (var s = 0; s < sections; s++)
        {
            var count = start[s + 1] - start[s];
            if (count == 0) continue;
            keys.AsSpan(start[s], count).Sort(wishes.AsSpan(start[s], count));
            for (var p = 0; p < count; p++) position[wishes[start[s] + p]] = count - p;
        }
        return position;
    }
}
