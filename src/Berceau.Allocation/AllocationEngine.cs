using System.Diagnostics;

namespace Berceau.Allocation;

/// <summary>
/// Applicant-proposing deferred acceptance with the reserves-first choice rule of each section (docs/allocation.md).
/// Pure: no I/O, no clock but the elapsed time it reports, no shared state; safe to call from several threads at once.
/// </summary>
public static class AllocationEngine
{
    /// <summary>Every reason the instance is invalid, in document order, at most 20; empty when it is valid.</summary>
    public static IReadOnlyList<InstanceError> Validate(Instance instance)
    {
        IndexedInstance.Build(instance, out var errors);
        return errors;
    }

    /// <exception cref="InvalidInstanceException">The instance breaks the contract (see <see cref="Validate"/>).</exception>
    public static Result Solve(Instance instance)
    {
        var clock = Stopwatch.StartNew();
        var index = IndexedInstance.Build(instance, out var errors) ?? throw new InvalidInstanceException(errors);
        var (seats, current, rejected) = DeferredAcceptance(index);
        return ResultBuilder.Build(index, seats, current, rejected, InstanceHash.Of(instance, index.ById), clock);
    }

    /// <summary>
    /// Runs the proposals. <c>current[i]</c> (by input index) ends on the wish that holds the application, or on its end of wishes when none does.
    /// Returns also the wishes rejected, in the order of rejection.
    /// </summary>
    internal static (SectionSeats Seats, int[] Current, ArraySegment<int> Rejected) DeferredAcceptance(IndexedInstance index)
    {
        var seats = new SectionSeats(index);
        var applications = index.Applications;
        var wishStart = index.WishStart;
        var wishSection = index.WishSection;
        var wishKey = index.WishKey;
        var current = GC.AllocateUninitializedArray<int>(applications);
        Array.Copy(wishStart, current, applications);
        // Each wish is rejected at most once: an application proposes to each of its sections at most once.
        var rejected = GC.AllocateUninitializedArray<int>(wishSection.Length);
        var rejectedCount = 0;

        // The order in which free applications propose does not change the result (the choice rules are substitutable),
        // so each one proposes in turn and the one it displaces, if any, proposes next (McVitie and Wilson).
        var appOfRank = index.AppOfRank;
        for (var start = 0; start < applications; start++)
        {
            var i = start;
            while (true)
            {
                var w = current[i];
                var end = wishStart[i + 1];
                while (w < end && wishSection[w] < 0) w++;
                current[i] = w;
                if (w == end) break;
                var loser = seats.Propose(wishSection[w], wishKey[w]);
                if (loser == SectionSeats.None) break;
                i = appOfRank[index.RankOfKey(loser)];
                rejected[rejectedCount++] = current[i]++;
            }
        }
        return (seats, current, new ArraySegment<int>(rejected, 0, rejectedCount));
    }
}
