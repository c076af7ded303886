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
        return instance.LinkedGroups is { Count: > 0 } ? [.. errors.Concat(Linked.LinkedValidation.Check(instance)).Take(InstanceErrors.MaxListed)] : errors;
    }

    /// <exception cref="InvalidInstanceException">The instance breaks the contract (see <see cref="Validate"/>).</exception>
    public static Result Solve(Instance instance)
    {
        if (instance.LinkedGroups is { Count: > 0 }) return Linked.LinkedAllocation.Solve(instance);
        var clock = Stopwatch.StartNew();
        var index = IndexedInstance.Build(instance, out var errors) ?? throw new InvalidInstanceException(errors);
        var proposals = DeferredAcceptance(index, index.Capacity);
        return ResultBuilder.Build(index, proposals, index.Capacity, InstanceHash.Of(instance, index.Table, index.ById, index.Capacity), clock);
    }

    /// <summary>
    /// Validates and indexes the instance once, for a commission that will ask several "what if" questions about seats
    /// (<see cref="PreparedInstance.Solve(IReadOnlyDictionary{string, int})"/>).
    /// </summary>
    /// <exception cref="InvalidInstanceException">The instance breaks the contract.</exception>
    /// <exception cref="NotSupportedException">The instance has linked groups: "what if" questions ignore them, so they are refused.</exception>
    public static PreparedInstance Prepare(Instance instance) => instance.LinkedGroups is { Count: > 0 }
        ? throw new NotSupportedException("Linked groups are solved by Solve only (docs/allocation-linked.md).")
        : new(IndexedInstance.Build(instance, out var errors) ?? throw new InvalidInstanceException(errors));

    /// <summary>Applications proposing at the same time (<see cref="DeferredAcceptance"/>).</summary>
    private const int Lanes = 16;

    /// <summary>Runs the proposals.</summary>
    internal static Proposals DeferredAcceptance(IndexedInstance index, int[] capacities)
    {
        var seats = new SectionSeats(index, capacities);
        var applications = index.Applications;
        var wishes = index.Wishes;
        var current = FreshMemory.Uninitialized<int>(applications);
        Array.Copy(index.WishStart, current, applications);
        var keyLow = index.KeyLow;
        // Each wish is rejected at most once: an application proposes to each of its sections at most once. Rejections are
        // written in sequence with what the waitlists need, so that building them later reads memory in order.
        var rejectedSection = GC.AllocateUninitializedArray<int>(wishes.Length);
        var rejectedKey = GC.AllocateUninitializedArray<ulong>(wishes.Length);
        var rejectedCount = 0;

        // The order in which free applications propose does not change the result (the choice rules are substitutable). Most of
        // the time goes in reading the next wish of an application a section has just let go: a random place among millions. So
        // several applications propose in turn, one step each, and the wish a lane will read next is loaded while the other
        // lanes work: the waits overlap instead of adding up.
        Span<int> lane = stackalloc int[Lanes];
        var next = 0;
        var active = 0;
        for (var k = 0; k < Lanes; k++)
        {
            lane[k] = next < applications ? next++ : -1;
            if (lane[k] >= 0) active++;
        }
        while (active > 0)
        {
            for (var k = 0; k < Lanes; k++)
            {
                var r = lane[k];
                if (r < 0) continue;
                var w = current[r];
                while (wishes[w].Section == WishEntry.NotEligible) w++;
                current[r] = w;
                var (score, section) = wishes[w];
                var loser = section == WishEntry.End ? SectionSeats.None : seats.Propose(section, IndexedInstance.Key(score, keyLow[r]));
                if (loser == SectionSeats.None)
                {
                    // Held (or out of wishes): the lane takes the next application that has not proposed yet.
                    if (next < applications)
                    {
                        lane[k] = next++;
                        // Applications start in rank order, their wishes in sequence; the section one of them will ask a
                        // little later is at a random place, loaded now.
                        if (next + Lanes < applications && wishes[index.WishStart[next + Lanes]].Section is >= 0 and var ahead) seats.Prefetch(ahead);
                    }
                    else (lane[k], active) = (-1, active - 1);
                    continue;
                }
                (rejectedSection[rejectedCount], rejectedKey[rejectedCount++]) = (section, loser);
                r = index.RankOfKey(loser);
                MemoryHint.Prefetch(ref wishes[++current[r]]);
                MemoryHint.Prefetch(ref keyLow[r]);
                lane[k] = r;
            }
        }
        return new Proposals(seats, current, rejectedSection, rejectedKey, rejectedCount);
    }
}

/// <summary>
/// The final state of deferred acceptance: what each section holds, and <see cref="Current"/>[r] (by rank) on the wish that holds
/// the application of rank r, or on its end marker when none does; the first <see cref="RejectedCount"/> rejections, in the order
/// they happened, as (section, key) — arrays as long as the instance's wishes, which <see cref="Waitlists.Of"/> then reuses.
/// </summary>
internal sealed record Proposals(SectionSeats Seats, int[] Current, int[] RejectedSection, ulong[] RejectedKey, int RejectedCount);
