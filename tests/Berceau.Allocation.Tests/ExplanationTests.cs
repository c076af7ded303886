using Berceau.Allocation.Tests.Support;
using FsCheck.Xunit;
using static Berceau.Allocation.Tests.Support.Make;

namespace Berceau.Allocation.Tests;

public class ExplanationTests
{
    [Property(MaxTest = 500)]
    public void ExplanationOf_FindsEachApplicationsOwnLines_AndNothingForAnUnknownId(int seed)
    {
        var instance = RandomInstances.Create(seed);
        var result = AllocationEngine.Solve(instance);

        foreach (var application in instance.Applications)
        {
            var found = result.ExplanationOf(application.Id);
            Assert.NotNull(found);
            Assert.Equal(application.Id, found.Application);
            Assert.Equal(result.Explanations.Single(e => e.Application == application.Id).Wishes, found.Wishes);
        }
        Assert.Null(result.ExplanationOf("absente"));
    }

    [Fact]
    public void EveryWish_SaysWhatHappenedToIt()
    {
        Section[] sections = [Section("S1", 1), Section("S2", 1), Section("S3", 1), Section("S4-a", "S4", 1, 30, 40)];
        var result = AllocationEngine.Solve(Instance(sections,
            App("Top", 1, ("S1", 9)), App("A", 2, ("S1", 5), ("S2", 5), ("S4", 5), ("S3", 5))));

        Assert.Equal(
            [
                new WishExplanation(1, "S1", WishOutcome.Full, 5, 9, 1),
                new WishExplanation(2, "S2", WishOutcome.Assigned),
                new WishExplanation(3, "S4", WishOutcome.NotEligibleAge),
                new WishExplanation(4, "S3", WishOutcome.NotNeeded),
            ],
            result.Explanations.Single(e => e.Application == "A").Wishes);
    }

    [Fact]
    public void WaitlistPosition_CountsTheRejectedWhoRankAbove()
    {
        var result = AllocationEngine.Solve(Instance([Section("S1", 1), Section("S2", 5)],
            App("A", 1, ("S1", 9)), App("B", 2, ("S1", 3)), App("C", 3, ("S1", 2), ("S2", 1)), App("D", 4, ("S1", 1))));

        Assert.Equal(1, Line(result, "B", 1).WaitlistPosition);
        Assert.Equal(2, Line(result, "C", 1).WaitlistPosition);
        Assert.Equal(3, Line(result, "D", 1).WaitlistPosition);
        Assert.Equal(9, Line(result, "D", 1).CutoffScore);
    }

    [Fact]
    public void WaitlistPosition_IgnoresThoseWhoNeverAskedBecauseTheyGotBetter()
    {
        // E ranks first at S1 but got S2, its first wish: it is not waiting for S1 and does not count.
        var result = AllocationEngine.Solve(Instance([Section("S1", 1), Section("S2", 1)],
            App("A", 1, ("S1", 5)), App("B", 2, ("S1", 3)), App("E", 3, ("S2", 1), ("S1", 9))));

        Assert.Equal(WishOutcome.NotNeeded, Line(result, "E", 2).Outcome);
        Assert.Equal(1, Line(result, "B", 1).WaitlistPosition);
    }

    [Fact]
    public void ZeroCapacity_EveryoneIsWaitlistedWithNoCutoff()
    {
        var result = AllocationEngine.Solve(Instance([Section("S1", 0)], App("A", 1, ("S1", 5)), App("B", 2, ("S1", 7))));

        Assert.Equal(new WishExplanation(1, "S1", WishOutcome.Full, 7, null, 1), Line(result, "B", 1));
        Assert.Equal(new WishExplanation(1, "S1", WishOutcome.Full, 5, null, 2), Line(result, "A", 1));
        Assert.Equal(new SectionResult("S1-s", 0, 0, null), result.Sections[0]);
    }

    [Fact]
    public void Cutoff_IsTheLowestPriorityApplicationHeld()
    {
        var low = App("B", 8, ("S1", 4)) with { Submitted = new DateOnly(2026, 1, 15) };
        var result = AllocationEngine.Solve(Instance([Section("S1", 2)], App("A", 1, ("S1", 6)), low, App("C", 2, ("S1", 4))));

        Assert.Equal(new Cutoff(4, new DateOnly(2026, 1, 15), 8), result.Sections[0].Cutoff);
        Assert.Equal(2, result.Sections[0].Filled);
        Assert.Equal(["C"], result.Unassigned);
    }

    [Fact]
    public void Stats_CountApplicationsSeatsAndFirstWishes()
    {
        var result = AllocationEngine.Solve(Instance([Section("S1", 1), Section("S2", 3)],
            App("A", 1, ("S1", 9)), App("B", 2, ("S1", 3), ("S2", 1)), App("C", 3, ("S1", 2))));

        Assert.Equal(new Stats(3, 2, 1, 4, 2, result.Stats.ElapsedMs), result.Stats);
        Assert.True(result.Stats.ElapsedMs >= 0);
    }
}
