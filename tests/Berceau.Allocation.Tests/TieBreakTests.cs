using Berceau.Allocation.Tests.Support;
using static Berceau.Allocation.Tests.Support.Make;

namespace Berceau.Allocation.Tests;

public class TieBreakTests
{
    private static Instance Five(long? seed, params long?[] tieBreaks) => new(1, seed, [Section("S1", 1)],
        tieBreaks.Select((t, i) => App($"A{i}", t, ("S1", 1))).ToArray());

    [Fact]
    public void Absent_TheyAreAPermutationDrawnFromTheSeedAndReported()
    {
        var result = AllocationEngine.Solve(Five(42, null, null, null, null, null));

        Assert.Equal([1L, 2, 3, 4, 5], result.TieBreaks.Values.Order());
        Assert.Equal(["A0", "A1", "A2", "A3", "A4"], result.TieBreaks.Keys);
        var winner = result.TieBreaks.Single(t => t.Value == 1).Key;
        Assert.Equal(winner, result.Assignments.Single().Application);
    }

    [Fact]
    public void TheDraw_IsFixedForASeed_AndChangesWithIt()
    {
        // Pinned values: the lottery must replay identically on every machine and every future version.
        Assert.Equal([5L, 4, 3, 2, 1], TieBreakDraw.Draw(5, 42, 0));  // checked against an independent Python implementation
        Assert.Equal([107L, 101, 103, 104, 105, 108, 102, 106], TieBreakDraw.Draw(8, 7, 100));
        Assert.Equal(TieBreakDraw.Draw(50, 42, 0), TieBreakDraw.Draw(50, 42, 0));
        Assert.NotEqual(TieBreakDraw.Draw(50, 42, 0), TieBreakDraw.Draw(50, 43, 0));
    }

    [Fact]
    public void Prng_IsXoshiro256StarStarSeededBySplitMix64()
    {
        // Reference values of xoshiro256** from SplitMix64(0), as in Vigna's C code.
        var rng = new Prng(0);

        Assert.Equal(0x99EC5F36CB75F2B4UL, rng.Next());
        Assert.Equal(0xBF6E1F784956452AUL, rng.Next());
    }

    [Fact]
    public void Mixed_DrawnValuesComeAfterTheLargestGiven()
    {
        var result = AllocationEngine.Solve(Five(1, 10, null, 4, null, null));

        Assert.Equal(["A1", "A3", "A4"], result.TieBreaks.Keys);
        Assert.Equal([11L, 12, 13], result.TieBreaks.Values.Order());
        Assert.Equal("A2", result.Assignments.Single().Application);
    }

    [Fact]
    public void AllGiven_NothingIsDrawnAndNoSeedIsNeeded()
    {
        var result = AllocationEngine.Solve(Five(null, 5, 4, 3, 2, 1));

        Assert.Empty(result.TieBreaks);
        Assert.Equal("A4", result.Assignments.Single().Application);
        Assert.Null(result.Seed);
    }

    [Fact]
    public void TheDraw_DoesNotDependOnTheOrderOfApplicationsInTheFile()
    {
        var instance = Five(42, null, null, null, null, null);
        var reversed = instance with { Applications = instance.Applications.Reverse().ToArray() };

        Assert.Equal(AllocationEngine.Solve(instance).TieBreaks, AllocationEngine.Solve(reversed).TieBreaks);
    }
}
