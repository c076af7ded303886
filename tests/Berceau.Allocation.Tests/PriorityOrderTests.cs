using Berceau.Allocation.Tests.Support;
using static Berceau.Allocation.Tests.Support.Make;

namespace Berceau.Allocation.Tests;

public class PriorityOrderTests
{
    [Fact]
    public void HigherScore_TakesTheSeat()
    {
        var result = AllocationEngine.Solve(Instance([Section("S1", 1)], App("A", 1, ("S1", 5)), App("B", 2, ("S1", 7))));

        Assert.Equal("S1", StructureOf(result, "B"));
        Assert.Equal(["A"], result.Unassigned);
    }

    [Fact]
    public void EqualScores_EarlierSubmittedWins()
    {
        var late = App("A", 1, ("S1", 5));
        var early = App("B", 2, ("S1", 5)) with { Submitted = Day.AddDays(-1) };

        var result = AllocationEngine.Solve(Instance([Section("S1", 1)], late, early));

        Assert.Equal("S1", StructureOf(result, "B"));
    }

    [Fact]
    public void EqualScoresAndDates_SmallerTieBreakWins()
    {
        var result = AllocationEngine.Solve(Instance([Section("S1", 1)], App("A", 9, ("S1", 5)), App("B", 3, ("S1", 5))));

        Assert.Equal("S1", StructureOf(result, "B"));
    }

    [Fact]
    public void ScoreAtTheStructure_IsTheOneThatCounts()
    {
        // Both want S1 first; B's score there is higher, although A has the better tieBreak and the higher score elsewhere.
        var result = AllocationEngine.Solve(Instance([Section("S1", 1), Section("S2", 1)],
            App("A", 1, ("S1", 1), ("S2", 9)), App("B", 2, ("S1", 8), ("S2", 2))));

        Assert.Equal("S2", StructureOf(result, "A"));
        Assert.Equal("S1", StructureOf(result, "B"));
        Assert.Equal(WishOutcome.Full, Line(result, "A", 1).Outcome);
    }

    [Fact]
    public void ApplicantsProposeInWishOrder_AndKeepTheBestTheyCanHold()
    {
        // Classic deferred acceptance: B is displaced from S1 by A and then takes S2 from C, who ranks below B there.
        var result = AllocationEngine.Solve(Instance([Section("S1", 1), Section("S2", 1)],
            App("A", 1, ("S1", 9)), App("B", 2, ("S1", 5), ("S2", 5)), App("C", 3, ("S2", 4))));

        Assert.Equal("S1", StructureOf(result, "A"));
        Assert.Equal("S2", StructureOf(result, "B"));
        Assert.Equal(["C"], result.Unassigned);
        Assert.Equal(2, AssignmentOf(result, "B")!.WishRank);
    }
}
