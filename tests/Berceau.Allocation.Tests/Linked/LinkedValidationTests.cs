using Berceau.Allocation.Linked;
using Berceau.Allocation.Tests.Support;
using static Berceau.Allocation.Tests.Support.Make;

namespace Berceau.Allocation.Tests.Linked;

/// <summary>The rules of <c>linkedGroups</c>: each broken one is named by its JSON path, after those of version 1.</summary>
public class LinkedValidationTests
{
    private static Instance Valid(params LinkedGroup[] groups) => Instance([Section("S1", 2), Section("S2", 2)],
            App("A1", 1, ("S1", 1), ("S2", 1)), App("A2", 2, ("S1", 3), ("S2", 0)), App("A3", 3, ("S2", 1), ("S1", 1)), App("A4", 4, ("S1", 1), ("S2", 1)))
        with { LinkedGroups = groups.Length == 0 ? [new LinkedGroup("G1", ["A1", "A2"])] : groups };

    private static void AssertFirstError(Instance instance, string path, string code)
    {
        var errors = AllocationEngine.Validate(instance);
        Assert.NotEmpty(errors);
        Assert.Equal((path, code), (errors[0].Path, errors[0].Code));
        var thrown = Assert.Throws<InvalidInstanceException>(() => AllocationEngine.Solve(instance));
        Assert.Equal(path, thrown.Errors[0].Path);
    }

    [Fact]
    public void MembersWithTheSameStructuresInTheSameOrder_ButTheirOwnScores_AreValid() => Assert.Empty(AllocationEngine.Validate(Valid()));

    [Fact]
    public void AnUnknownApplication() =>
        AssertFirstError(Valid(new LinkedGroup("G1", ["A1", "A9"])), "linkedGroups[0].applications[1]", "unknown-application");

    [Fact]
    public void AnApplicationInTwoGroups() =>
        AssertFirstError(Valid(new LinkedGroup("G1", ["A1", "A2"]), new LinkedGroup("G2", ["A4", "A1"])), "linkedGroups[1].applications[1]", "already-linked");

    [Fact]
    public void AnApplicationTwiceInItsGroup() =>
        AssertFirstError(Valid(new LinkedGroup("G1", ["A1", "A2", "A1"])), "linkedGroups[0].applications[2]", "already-linked");

    [Fact]
    public void AGroupOfOne() => AssertFirstError(Valid(new LinkedGroup("G1", ["A1"])), "linkedGroups[0].applications", "group-too-small");

    [Fact]
    public void MembersWishingTheSameStructuresInAnotherOrder() =>
        AssertFirstError(Valid(new LinkedGroup("G1", ["A1", "A3"])), "linkedGroups[0].applications[1]", "wishes-differ");

    [Fact]
    public void ADuplicateGroupId() =>
        AssertFirstError(Valid(new LinkedGroup("G1", ["A1", "A2"]), new LinkedGroup("G1", ["A3", "A4"])), "linkedGroups[1].id", "duplicate");

    [Fact]
    public void ErrorsOfVersion1ComeFirst_ThenThoseOfTheGroups()
    {
        var instance = Valid(new LinkedGroup("G1", ["A1"]));
        instance = instance with { Sections = [instance.Sections[0] with { Capacity = -1 }, instance.Sections[1]] };

        Assert.Equal(["sections[0].capacity", "linkedGroups[0].applications"], AllocationEngine.Validate(instance).Select(e => e.Path));
    }

    [Fact]
    public void FromJson_AGroupMissingItsFields_IsNamedByPath()
    {
        var reading = JsonText.Read("""
            {"version":1,"seed":1,"sections":[{"id":"a","structure":"S1","capacity":1,"minAgeMonths":0,"maxAgeMonths":9}],
             "applications":[{"id":"A","ageMonthsAtStart":3,"submitted":"2026-01-01","wishes":[{"structure":"S1","score":1}]}],
             "linkedGroups":[{"applications":["A"]},{"id":"G2"},{"id":"G3","applications":["A",null]}]}
            """);

        Assert.Null(reading.Instance);
        Assert.Equal(["linkedGroups[0].id", "linkedGroups[1].applications", "linkedGroups[2].applications[1]"], reading.Errors.Select(e => e.Path));
    }

    [Fact]
    public void FromJson_TheGroupsAreRead()
    {
        var reading = JsonText.Read("""
            {"version":1,"seed":1,"sections":[{"id":"a","structure":"S1","capacity":2,"minAgeMonths":0,"maxAgeMonths":9}],
             "applications":[{"id":"A","ageMonthsAtStart":3,"submitted":"2026-01-01","wishes":[{"structure":"S1","score":1}]},
                             {"id":"B","ageMonthsAtStart":3,"submitted":"2026-01-01","wishes":[{"structure":"S1","score":2}]}],
             "linkedGroups":[{"id":"G1","applications":["B","A"],"note":"ignored"}]}
            """);

        var group = Assert.Single(reading.Instance!.LinkedGroups!);
        Assert.Equal("G1", group.Id);
        Assert.Equal(["B", "A"], group.Applications);
    }
}
