using Berceau.Allocation.Tests.Support;
using static Berceau.Allocation.Tests.Support.Make;

namespace Berceau.Allocation.Tests;

public class AgeSectionTests
{
    private static Application Child(string id, int age, params (string, int)[] wishes) => App(id, null, wishes) with { AgeMonthsAtStart = age };

    [Fact]
    public void TheFirstListedSectionTakingTheAge_IsUsed()
    {
        Section[] sections = [Section("S1-a", "S1", 1, 0, 24), Section("S1-b", "S1", 1, 12, 36)];

        var result = AllocationEngine.Solve(Instance(sections, Child("A", 15, ("S1", 1))));

        Assert.Equal("S1-a", AssignmentOf(result, "A")!.Section);
    }

    [Fact]
    public void TheOrderOfSectionsWithinAStructure_Matters()
    {
        Section[] sections = [Section("S1-b", "S1", 1, 12, 36), Section("S1-a", "S1", 1, 0, 24)];

        var result = AllocationEngine.Solve(Instance(sections, Child("A", 15, ("S1", 1))));

        Assert.Equal("S1-b", AssignmentOf(result, "A")!.Section);
    }

    [Fact]
    public void AFullSection_DoesNotSendTheChildToAnotherSectionOfTheStructure()
    {
        Section[] sections = [Section("S1-a", "S1", 0, 0, 24), Section("S1-b", "S1", 5, 0, 36)];

        var result = AllocationEngine.Solve(Instance(sections, Child("A", 15, ("S1", 1))));

        Assert.Equal(["A"], result.Unassigned);
        Assert.Equal(WishOutcome.Full, Line(result, "A", 1).Outcome);
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    [InlineData(24, true)]
    [InlineData(25, false)]
    public void AgeBounds_AreInclusive(int age, bool eligible)
    {
        var result = AllocationEngine.Solve(Instance([Section("S1-a", "S1", 1, 12, 24)], Child("A", age, ("S1", 1))));

        Assert.Equal(eligible ? WishOutcome.Assigned : WishOutcome.NotEligibleAge, Line(result, "A", 1).Outcome);
    }

    [Fact]
    public void AWishWithNoSectionForTheAge_IsSkipped()
    {
        Section[] sections = [Section("S1-a", "S1", 1, 0, 11), Section("S2-a", "S2", 1, 0, 36)];

        var result = AllocationEngine.Solve(Instance(sections, Child("A", 20, ("S1", 1), ("S2", 1))));

        Assert.Equal(WishOutcome.NotEligibleAge, Line(result, "A", 1).Outcome);
        Assert.Null(Line(result, "A", 1).YourScore);
        Assert.Equal("S2-a", AssignmentOf(result, "A")!.Section);
        Assert.Equal(2, AssignmentOf(result, "A")!.WishRank);
    }

    [Fact]
    public void NobodyEligible_LeavesEveryoneUnassignedAndEverySectionEmpty()
    {
        var result = AllocationEngine.Solve(Instance([Section("S1-a", "S1", 3, 0, 11)], Child("A", 20, ("S1", 1)), Child("B", 30, ("S1", 1))));

        Assert.Empty(result.Assignments);
        Assert.Equal(["A", "B"], result.Unassigned);
        Assert.Equal(0, result.Sections[0].Filled);
        Assert.Null(result.Sections[0].Cutoff);
        Assert.All(result.Explanations, e => Assert.Equal(WishOutcome.NotEligibleAge, e.Wishes[0].Outcome));
    }
}
