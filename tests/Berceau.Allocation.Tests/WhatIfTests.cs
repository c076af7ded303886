using Berceau.Allocation.Tests.Support;
using FsCheck.Xunit;

namespace Berceau.Allocation.Tests;

/// <summary>
/// The commission's "what if" on seats: a prepared instance solved with other capacities gives, byte for byte, the result of the
/// instance rewritten with those capacities (hash included), and a bad change is refused whole.
/// </summary>
public class WhatIfTests
{
    [Property(MaxTest = 1000)]
    public void SolvingWithOtherCapacities_IsSolvingTheInstanceWithThem(int seed)
    {
        var instance = RandomInstances.Create(seed);
        var random = new Random(seed);
        var changes = new Dictionary<string, int>();
        foreach (var section in instance.Sections)
        {
            if (random.Next(3) != 0) continue;
            var reserved = section.Reserves.Sum(r => r.Seats);
            changes[section.Id] = Math.Max(reserved, section.Capacity + random.Next(-2, 3));
        }
        var rewritten = instance with
        {
            Sections = instance.Sections
                .Select(s => changes.TryGetValue(s.Id, out var seats) ? s with { Capacity = seats } : s).ToList(),
        };

        var prepared = AllocationEngine.Prepare(instance);

        Assert.Equal(JsonText.Stable(AllocationEngine.Solve(rewritten)), JsonText.Stable(prepared.Solve(changes)));
        Assert.Equal(JsonText.Stable(AllocationEngine.Solve(instance)), JsonText.Stable(prepared.Solve()));
    }

    [Property(MaxTest = 1000)]
    public void OneMoreSeatAnywhere_LeavesNoFamilyWorseOff(int seed)
    {
        var instance = RandomInstances.Create(seed);
        if (instance.Sections.Count == 0) return;
        var section = instance.Sections[new Random(seed).Next(instance.Sections.Count)];
        var prepared = AllocationEngine.Prepare(instance);

        var before = prepared.Solve().Assignments.ToDictionary(a => a.Application, a => a.WishRank);
        var after = prepared.Solve(new Dictionary<string, int> { [section.Id] = section.Capacity + 1 })
            .Assignments.ToDictionary(a => a.Application, a => a.WishRank);

        foreach (var (application, rank) in before) Assert.True(after.TryGetValue(application, out var now) && now <= rank);
    }

    [Fact]
    public void OneMoreSeat_GoesToTheBestApplicationTheSectionTurnedDown()
    {
        var instance = Make.WithTieBreaksInOrder(Make.Instance([Make.Section("a", 1)],
            Make.App("d1", null, ("a", 30)), Make.App("d2", null, ("a", 20)), Make.App("d3", null, ("a", 10))));
        var prepared = AllocationEngine.Prepare(instance);

        var before = prepared.Solve();
        var after = prepared.Solve(new Dictionary<string, int> { ["a-s"] = 2 });

        Assert.Equal(["d1"], before.Assignments.Select(a => a.Application));
        Assert.Equal(["d1", "d2"], after.Assignments.Select(a => a.Application));
        Assert.NotEqual(before.InstanceHash, after.InstanceHash);
    }

    [Fact]
    public void AnUnknownSection_ANegativeCapacity_OrFewerSeatsThanReserved_AreRefusedWithTheirPath()
    {
        var instance = Make.Instance([Make.Section("a", 3, new Reserve("insertion", 2))], Make.App("d1", ("a", 30)));
        var prepared = AllocationEngine.Prepare(instance);

        var error = Assert.Throws<InvalidInstanceException>(() => prepared.Solve(new Dictionary<string, int>
        {
            ["zz-inconnue"] = 1, ["a-s"] = 1,
        }));

        Assert.Equal(["capacities[a-s]", "capacities[zz-inconnue]"], error.Errors.Select(e => e.Path));
        Assert.Equal(["reserves-over-capacity", "unknown-section"], error.Errors.Select(e => e.Code));
        Assert.Equal("negative", Assert.Throws<InvalidInstanceException>(() =>
            prepared.Solve(new Dictionary<string, int> { ["a-s"] = -1 })).Errors.Single().Code);
        Assert.Single(prepared.Solve().Assignments);
    }
}
