using Berceau.Allocation.Tests.Support;
using static Berceau.Allocation.Tests.Support.Make;

namespace Berceau.Allocation.Tests;

public class ReserveTests
{
    private static Application Person(string id, int score, params string[] categories) =>
        App(id, null, ("S1", score)) with { Categories = categories };

    private static Result Solve(Section section, params Application[] applications) =>
        AllocationEngine.Solve(WithTieBreaksInOrder(Instance([section], applications)));

    [Fact]
    public void AReserveSeat_GoesToItsCategoryBeforeHigherScores()
    {
        var result = Solve(Section("S1", 2, new Reserve("poverty", 1)), Person("A", 10), Person("B", 9), Person("C", 1, "poverty"));

        Assert.Null(AssignmentOf(result, "A")!.ViaReserve);
        Assert.Equal("poverty", AssignmentOf(result, "C")!.ViaReserve);
        Assert.Equal(["B"], result.Unassigned);
        // The cut-off is the lowest-priority application held, here the one on the reserved seat.
        Assert.Equal(new WishExplanation(1, "S1", WishOutcome.Full, 9, 1, 1), Line(result, "B", 1));
    }

    [Fact]
    public void AnUnfilledReserve_GoesBackToEveryone()
    {
        var result = Solve(Section("S1", 2, new Reserve("poverty", 1)), Person("A", 10), Person("B", 9), Person("C", 8));

        Assert.Equal(["C"], result.Unassigned);
        Assert.All(result.Assignments, a => Assert.Null(a.ViaReserve));
        Assert.Equal(2, result.Sections[0].Filled);
    }

    [Fact]
    public void AReservePartlyFilled_GivesOnlyItsEmptySeatsBack()
    {
        var result = Solve(Section("S1", 3, new Reserve("insertion", 2)), Person("A", 10), Person("B", 9), Person("C", 8), Person("D", 1, "insertion"));

        Assert.Equal("insertion", AssignmentOf(result, "D")!.ViaReserve);
        Assert.Equal(["C"], result.Unassigned);
    }

    [Fact]
    public void AMemberWhoWouldGetInAnyway_StillTakesTheReservedSeat()
    {
        // The rule fills reserves first: the best member of the category takes the reserved seat, leaving the general ones to others.
        var result = Solve(Section("S1", 2, new Reserve("poverty", 1)), Person("A", 10, "poverty"), Person("B", 9), Person("C", 1, "poverty"));

        Assert.Equal("poverty", AssignmentOf(result, "A")!.ViaReserve);
        Assert.Null(AssignmentOf(result, "B")!.ViaReserve);
        Assert.Equal(["C"], result.Unassigned);
    }

    [Fact]
    public void Reserves_AreFilledInTheirListedOrder()
    {
        // X belongs to both categories and is taken by the first reserve listed.
        Application[] people = [Person("X", 10, "poverty", "insertion"), Person("Y", 5, "insertion"), Person("Z", 8)];

        var povertyFirst = Solve(Section("S1", 2, new Reserve("poverty", 1), new Reserve("insertion", 1)), people);
        var insertionFirst = Solve(Section("S1", 2, new Reserve("insertion", 1), new Reserve("poverty", 1)), people);

        Assert.Equal("poverty", AssignmentOf(povertyFirst, "X")!.ViaReserve);
        Assert.Equal("insertion", AssignmentOf(povertyFirst, "Y")!.ViaReserve);
        Assert.Equal(["Z"], povertyFirst.Unassigned);
        Assert.Equal("insertion", AssignmentOf(insertionFirst, "X")!.ViaReserve);
        Assert.Null(AssignmentOf(insertionFirst, "Z")!.ViaReserve);
        Assert.Equal(["Y"], insertionFirst.Unassigned);
    }

    [Theory]
    [InlineData(3, "P1")]  // the displaced reserve holder ranks below G on the general seat: it loses
    [InlineData(6, "G")]   // it ranks above G: it keeps a general seat and G loses
    public void AReserveHolderDisplacedByABetterMember_StillCompetesForTheGeneralSeats(int firstScore, string loser)
    {
        var result = Solve(Section("S1", 2, new Reserve("poverty", 1)),
            Person("P1", firstScore, "poverty"), Person("G", 5), Person("P2", 9, "poverty"));

        Assert.Equal("poverty", AssignmentOf(result, "P2")!.ViaReserve);
        Assert.Equal([loser], result.Unassigned);
    }

    [Fact]
    public void TwoReservesOfTheSameCategory_AreBothUsed()
    {
        var result = Solve(Section("S1", 2, new Reserve("poverty", 1), new Reserve("poverty", 1)),
            Person("A", 10), Person("B", 2, "poverty"), Person("C", 1, "poverty"));

        Assert.Equal(["A"], result.Unassigned);
    }

    [Fact]
    public void ReservesAsLargeAsTheCapacity_CloseTheSectionToOthersOnlyWhileMembersApply()
    {
        var result = Solve(Section("S1", 1, new Reserve("poverty", 1)), Person("A", 10), Person("B", 1, "poverty"));

        Assert.Equal("S1", StructureOf(result, "B"));
        Assert.Equal(["A"], result.Unassigned);
    }

    [Fact]
    public void ManyCategories_TooManyToPackInThePriorityKey_StillWork()
    {
        // 40 categories do not fit in the key's spare bits: membership is then read from the per-application bit table.
        var reserves = Enumerable.Range(0, 40).Select(c => new Reserve($"c{c}", 1)).ToArray();

        var result = Solve(Section("S1", 41, reserves), Person("A", 10), Person("B", 1, "c39"), Person("C", 2, "c0", "c39"));

        Assert.Equal("c39", AssignmentOf(result, "B")!.ViaReserve);
        Assert.Equal("c0", AssignmentOf(result, "C")!.ViaReserve);
        Assert.Null(AssignmentOf(result, "A")!.ViaReserve);
    }

    [Fact]
    public void ManyCategories_TheReserveOrderStillDecides()
    {
        var many = Section("S9", 40, Enumerable.Range(0, 40).Select(c => new Reserve($"c{c}", 1)).ToArray());
        var two = Section("S1", 2, new Reserve("c39", 1), new Reserve("c0", 1));
        Application[] people = [Person("A", 10), Person("B", 1, "c39"), Person("C", 2, "c0", "c39")];

        var result = AllocationEngine.Solve(WithTieBreaksInOrder(Instance([many, two], people)));

        Assert.Equal("c39", AssignmentOf(result, "C")!.ViaReserve);
        Assert.Null(AssignmentOf(result, "A")!.ViaReserve);
        Assert.Equal(["B"], result.Unassigned);
    }
}
