using Berceau.Allocation.Linked;
using Berceau.Allocation.Tests.Support;
using static Berceau.Allocation.Tests.Support.Make;

namespace Berceau.Allocation.Tests.Linked;

/// <summary>The exclusion rounds on cases small enough to follow by hand (docs/allocation-linked.md).</summary>
public class LinkedHandTests
{
    private static Instance WithGroups(Instance instance, params LinkedGroup[] groups) => instance with { LinkedGroups = groups };

    private static LinkedGroup Group(string id, params string[] applications) => new(id, applications);

    private static LinkedGroupResult GroupResult(Result result, string id) => result.Linked!.Groups.Single(g => g.Id == id);

    [Fact]
    public void Twins_WhoFitTogether_AreServedAsInVersion1_InOneRound()
    {
        var instance = WithGroups(Instance([Section("S1", 2)], App("A1", 1, ("S1", 5)), App("A2", 2, ("S1", 5))), Group("G1", "A1", "A2"));

        var result = AllocationEngine.Solve(instance);

        Assert.Equal("S1", StructureOf(result, "A1"));
        Assert.Equal("S1", StructureOf(result, "A2"));
        Assert.Equal(1, result.Linked!.Rounds);
        Assert.Equal("S1", GroupResult(result, "G1").Structure);
        Assert.Empty(GroupResult(result, "G1").Excluded);
        Assert.Empty(GroupResult(result, "G1").BlockingAt);
        Assert.Equal(AllocationEngine.Solve(instance with { LinkedGroups = null }).Assignments, result.Assignments);
    }

    [Fact]
    public void TwinsSplitByTheLastSeat_AreWithdrawnFromThatCreche_AndPlacedTogetherAtTheirNextWish()
    {
        // S1 has two seats: A1 (score 9) and X (score 7) beat A2 (score 5), so the first run splits the twins.
        var instance = WithGroups(
            Instance([Section("S1", 2), Section("S2", 2)],
                App("A1", 1, ("S1", 9), ("S2", 9)), App("A2", 2, ("S1", 5), ("S2", 5)), App("X", 3, ("S1", 7))),
            Group("G1", "A1", "A2"));

        var result = AllocationEngine.Solve(instance);

        Assert.Equal(("S2", 2), (AssignmentOf(result, "A1")!.Structure, AssignmentOf(result, "A1")!.WishRank));
        Assert.Equal(("S2", 2), (AssignmentOf(result, "A2")!.Structure, AssignmentOf(result, "A2")!.WishRank));
        Assert.Equal("S1", StructureOf(result, "X"));
        Assert.Equal(new WishExplanation(1, "S1", WishOutcome.NotTogether), Line(result, "A1", 1));
        Assert.Equal(new WishExplanation(2, "S2", WishOutcome.Assigned), Line(result, "A1", 2));
        Assert.Equal(new WishExplanation(1, "S1", WishOutcome.NotTogether), Line(result, "A2", 1));
        Assert.Equal(2, result.Linked!.Rounds);
        Assert.Equal(["S1"], GroupResult(result, "G1").Excluded);
        Assert.Equal("S2", GroupResult(result, "G1").Structure);
        Assert.Empty(GroupResult(result, "G1").BlockingAt);
        Assert.Equal((3, 3, 1), (result.Stats.Applications, result.Stats.Assigned, result.Stats.FirstWish));
    }

    [Fact]
    public void TwinsForWhomNoCrecheHasTwoSeats_AreBothUnassigned_AndTheSeatGoesToSomeoneElse()
    {
        var instance = WithGroups(
            Instance([Section("S1", 1)], App("A1", 1, ("S1", 9)), App("A2", 2, ("S1", 9)), App("X", 3, ("S1", 1))),
            Group("G1", "A2", "A1"));

        var result = AllocationEngine.Solve(instance);

        Assert.Equal(["A1", "A2"], result.Unassigned);
        Assert.Equal("S1", StructureOf(result, "X"));
        Assert.Equal(new WishExplanation(1, "S1", WishOutcome.NotTogether), Line(result, "A1", 1));
        Assert.Equal(new WishExplanation(1, "S1", WishOutcome.NotTogether), Line(result, "A2", 1));
        Assert.Equal(1, result.Linked!.Rounds);
        Assert.Equal(new[] { "A1", "A2" }, GroupResult(result, "G1").Applications);
        Assert.Null(GroupResult(result, "G1").Structure);
        Assert.Equal(["S1"], GroupResult(result, "G1").Excluded);
    }

    [Fact]
    public void ACrecheWithoutASectionForTheOlderSibling_IsNotEligibleForHim_AndNotTogetherForTheBaby()
    {
        var instance = WithGroups(
            Instance([Section("S1-bebes", "S1", 3, 0, 18), Section("S2-tous", "S2", 3, 0, 48)],
                new Application("Bebe", 6, Day, [], 1, [new("S1", 5), new("S2", 5)]),
                new Application("Aine", 30, Day, [], 2, [new("S1", 5), new("S2", 5)])),
            Group("G1", "Bebe", "Aine"));

        var result = AllocationEngine.Solve(instance);

        Assert.Equal("S2", StructureOf(result, "Bebe"));
        Assert.Equal("S2", StructureOf(result, "Aine"));
        Assert.Equal(WishOutcome.NotTogether, Line(result, "Bebe", 1).Outcome);
        Assert.Equal(WishOutcome.NotEligibleAge, Line(result, "Aine", 1).Outcome);
        Assert.Equal(1, result.Linked!.Rounds);
    }

    [Fact]
    public void TwoGroupsWithdrawnTogetherFromTheSameCreche_OneIsGivenItBack_AndNobodyIsLeftBlocking()
    {
        // X has two seats; priorities there A > C > B > D. The first run splits both pairs, both are withdrawn from X in the same
        // round, and X is left empty: each pair could now take it whole. Pair {A, B}, whose weaker member B outranks D, gets X back.
        var instance = WithGroups(
            Instance([Section("X", 2), Section("Y", 4)],
                App("A", 1, ("X", 9), ("Y", 1)), App("B", 3, ("X", 7), ("Y", 1)),
                App("C", 2, ("X", 8), ("Y", 1)), App("D", 4, ("X", 6), ("Y", 1))),
            Group("G1", "A", "B"), Group("G2", "C", "D"));

        var result = AllocationEngine.Solve(instance);

        Assert.Equal(3, result.Linked!.Rounds);
        Assert.Equal(("X", 0), (GroupResult(result, "G1").Structure, GroupResult(result, "G1").Excluded.Count));
        Assert.Equal(("Y", "X"), (GroupResult(result, "G2").Structure, GroupResult(result, "G2").Excluded.Single()));
        Assert.All(result.Linked.Groups, g => Assert.Empty(g.BlockingAt));
        var reference = new LinkedReference(instance, result);
        Assert.Null(reference.WhyUnstable(result.Assignments.ToDictionary(a => a.Application, a => a.Section)));
    }

    /// <summary>
    /// One crèche, two sections of two seats, three sibling pairs and one single baby: every way of placing them leaves someone
    /// with a better claim (docs/allocation-linked.md, "No stable allocation"). Without the pairs, version 1 has its stable answer.
    /// </summary>
    internal static Instance NoStableAllocation() => WithGroups(
        Instance([Section("C-bebes", "C", 2, 0, 11), Section("C-grands", "C", 2, 12, 36)],
            Child("P1-bebe", 3, 10), Child("P1-grand", 20, 40),
            Child("P2-grand-a", 20, 30), Child("P2-grand-b", 25, 25),
            Child("P3-bebe", 3, 40), Child("P3-grand", 20, 10),
            Child("S-bebe", 3, 30)),
        Group("P1", "P1-bebe", "P1-grand"), Group("P2", "P2-grand-a", "P2-grand-b"), Group("P3", "P3-bebe", "P3-grand"));

    private static Application Child(string id, int age, int score) => new(id, age, Day, [], null, [new("C", score)]);

    [Fact]
    public void WithLinkedPairs_AStableAllocationMayNotExist_AndTheResultSaysWhichGroupBlocks()
    {
        var instance = NoStableAllocation();

        var result = AllocationEngine.Solve(instance);

        var reference = new LinkedReference(instance, result);
        Assert.Empty(reference.AllStableMatchings());
        var matching = result.Assignments.ToDictionary(a => a.Application, a => a.Section);
        Assert.StartsWith("P", reference.WhyUnstable(matching));
        Assert.Contains(result.Linked!.Groups, g => g.BlockingAt.SequenceEqual(["C"]));
        foreach (var group in result.Linked.Groups)
        {
            Assert.Equal(reference.BlockingAt(instance.LinkedGroups!.Single(g => g.Id == group.Id), matching), group.BlockingAt);
        }
        var plain = instance with { LinkedGroups = null };
        Assert.NotEmpty(new Reference(plain, AllocationEngine.Solve(plain)).AllStableMatchings());
    }

    [Fact]
    public void InstanceHash_CoversTheGroups_ButNotTheirOrderNorTheOrderOfMembers()
    {
        var instance = NoStableAllocation();
        var plain = instance with { LinkedGroups = null };
        var reordered = instance with
        {
            LinkedGroups = instance.LinkedGroups!.Reverse().Select(g => g with { Applications = g.Applications.Reverse().ToArray() }).ToArray(),
        };
        var other = instance with { LinkedGroups = instance.LinkedGroups!.Take(2).ToArray() };

        var hash = AllocationEngine.Solve(instance).InstanceHash;

        Assert.Equal(hash, AllocationEngine.Solve(reordered).InstanceHash);
        Assert.NotEqual(hash, AllocationEngine.Solve(other).InstanceHash);
        Assert.NotEqual(hash, AllocationEngine.Solve(plain).InstanceHash);
        Assert.Equal(hash, ByTheSpec(AllocationEngine.Solve(plain).InstanceHash, instance.LinkedGroups!));
    }

    /// <summary>The extension's hash as docs/allocation-linked.md writes it, computed independently.</summary>
    private static string ByTheSpec(string v1Hash, IEnumerable<LinkedGroup> groups)
    {
        var bytes = new List<byte>();
        void Int(int value) => bytes.AddRange(BitConverter.GetBytes(value));
        void Text(string value)
        {
            var utf8 = System.Text.Encoding.UTF8.GetBytes(value);
            Int(utf8.Length);
            bytes.AddRange(utf8);
        }
        Text(v1Hash);
        var sorted = groups.OrderBy(g => g.Id, StringComparer.Ordinal).ToList();
        Int(sorted.Count);
        foreach (var group in sorted)
        {
            Text(group.Id);
            Int(group.Applications.Count);
            foreach (var application in group.Applications.Order(StringComparer.Ordinal)) Text(application);
        }
        return "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray()));
    }

    [Fact]
    public void TheLotteryIsDrawnOnTheWholeInstance_AndReportedAsInVersion1()
    {
        var instance = NoStableAllocation();
        var plain = instance with { LinkedGroups = null };

        Assert.Equal(AllocationEngine.Solve(plain).TieBreaks, AllocationEngine.Solve(instance).TieBreaks);
    }

    [Fact]
    public void AnEmptyListOfGroups_IsPlainVersion1_ByteForByte()
    {
        var instance = RandomInstances.Create(11);

        Assert.Equal(JsonText.Stable(AllocationEngine.Solve(instance)), JsonText.Stable(AllocationEngine.Solve(instance with { LinkedGroups = [] })));
        Assert.Null(AllocationEngine.Solve(instance with { LinkedGroups = [] }).Linked);
    }

    [Fact]
    public void WhatIfQuestions_RefuseLinkedGroups_RatherThanIgnoreThem() =>
        Assert.Throws<NotSupportedException>(() => AllocationEngine.Prepare(NoStableAllocation()));
}
