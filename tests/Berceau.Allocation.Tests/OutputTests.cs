using Berceau.Allocation.Tests.Support;
using static Berceau.Allocation.Tests.Support.Make;

namespace Berceau.Allocation.Tests;

public class OutputTests
{
    [Fact]
    public void Lists_AreSortedByApplicationIdInOrdinalOrder_SectionsKeepTheirInputOrder()
    {
        var result = AllocationEngine.Solve(Instance([Section("Z", 2), Section("B", 0)],
            App("a", 1, ("Z", 1)), App("A10", 2, ("Z", 1)), App("A2", 3, ("Z", 1)), App("B", 4, ("B", 1)), App("A1", 5, ("B", 1))));

        Assert.Equal(["A10", "a"], result.Assignments.Select(a => a.Application));
        Assert.Equal(["A1", "A2", "B"], result.Unassigned);
        Assert.Equal(["A1", "A10", "A2", "B", "a"], result.Explanations.Select(e => e.Application));
        Assert.Equal(["Z-s", "B-s"], result.Sections.Select(s => s.Id));
    }

    [Fact]
    public void NoApplications_GivesAnEmptyButValidResult()
    {
        var result = AllocationEngine.Solve(Instance([Section("S1", 2)]));

        Assert.Empty(result.Assignments);
        Assert.Equal(new Stats(0, 0, 0, 2, 0, result.Stats.ElapsedMs), result.Stats);
    }

    [Fact]
    public void TheSameInstance_GivesByteIdenticalJson()
    {
        var instance = InstanceGenerator.Generate(300, 20, 4, 5);

        Assert.Equal(JsonText.Stable(AllocationEngine.Solve(instance)), JsonText.Stable(AllocationEngine.Solve(instance)));
    }

    [Fact]
    public void ResultJson_FollowsTheContract()
    {
        var instance = new Instance(1, 42, [Section("S1-bebes", "S1", 1, 2, 18, new Reserve("insertion", 1)), Section("S4", 0)],
        [
            App("A1", null, ("S1", 37), ("S4", 35)) with { Categories = ["insertion"], AgeMonthsAtStart = 7 },
            App("A9", null, ("S1", 22)),
        ]);

        var json = JsonText.Stable(AllocationEngine.Solve(instance));

        Assert.StartsWith("{\"version\":1,\"seed\":42,\"instanceHash\":\"sha256:", json);
        Assert.Contains("\"assignments\":[{\"application\":\"A1\",\"structure\":\"S1\",\"section\":\"S1-bebes\",\"wishRank\":1,\"viaReserve\":\"insertion\"}]", json);
        Assert.Contains("\"unassigned\":[\"A9\"]", json);
        Assert.Contains("\"sections\":[{\"id\":\"S1-bebes\",\"capacity\":1,\"filled\":1,\"cutoff\":{\"score\":37,\"submitted\":\"2026-03-02\",\"tieBreak\":", json);
        Assert.Contains("{\"id\":\"S4-s\",\"capacity\":0,\"filled\":0,\"cutoff\":null}", json);
        Assert.Contains("{\"application\":\"A1\",\"wishes\":[{\"rank\":1,\"structure\":\"S1\",\"outcome\":\"assigned\"},{\"rank\":2,\"structure\":\"S4\",\"outcome\":\"not-needed\"}]}", json);
        Assert.Contains("{\"application\":\"A9\",\"wishes\":[{\"rank\":1,\"structure\":\"S1\",\"outcome\":\"full\",\"yourScore\":22,\"cutoffScore\":37,\"waitlistPosition\":1}]}", json);
        Assert.Matches("\"tieBreaks\":\\{\"A1\":[12],\"A9\":[12]\\}", json);
        Assert.EndsWith("\"stats\":{\"applications\":2,\"assigned\":1,\"firstWish\":1,\"seatsOffered\":1,\"seatsFilled\":1,\"elapsedMs\":0}}", json);
    }

    [Fact]
    public void Solving_IsThreadSafe()
    {
        var instance = InstanceGenerator.Generate(2000, 50, 6, 3);
        var expected = JsonText.Stable(AllocationEngine.Solve(instance));

        var results = Enumerable.Range(0, 8).AsParallel().Select(_ => JsonText.Stable(AllocationEngine.Solve(instance))).ToList();

        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
