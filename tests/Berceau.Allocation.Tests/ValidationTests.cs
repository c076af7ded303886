using Berceau.Allocation.Tests.Support;
using static Berceau.Allocation.Tests.Support.Make;

namespace Berceau.Allocation.Tests;

public class ValidationTests
{
    private static Instance Valid() => Instance([Section("S1", 2), Section("S2", 1)], App("A1", 1, ("S1", 1)), App("A2", 2, ("S2", 1)));

    private static void AssertFirstError(Instance instance, string path, string code)
    {
        var errors = AllocationEngine.Validate(instance);
        Assert.NotEmpty(errors);
        Assert.Equal((path, code), (errors[0].Path, errors[0].Code));
        var thrown = Assert.Throws<InvalidInstanceException>(() => AllocationEngine.Solve(instance));
        Assert.Equal(path, thrown.Errors[0].Path);
    }

    private static Instance WithSection(int i, Func<Section, Section> change)
    {
        var instance = Valid();
        var sections = instance.Sections.ToArray();
        sections[i] = change(sections[i]);
        return instance with { Sections = sections };
    }

    private static Instance WithApplication(int i, Func<Application, Application> change)
    {
        var instance = Valid();
        var applications = instance.Applications.ToArray();
        applications[i] = change(applications[i]);
        return instance with { Applications = applications };
    }

    [Fact]
    public void AValidInstance_HasNoError() => Assert.Empty(AllocationEngine.Validate(Valid()));

    [Fact]
    public void UnsupportedVersion() => AssertFirstError(Valid() with { Version = 2 }, "version", "unsupported-version");

    [Fact]
    public void MissingSeed_WhenATieBreakMustBeDrawn() =>
        AssertFirstError(WithApplication(1, a => a with { TieBreak = null }) with { Seed = null }, "seed", "seed-required");

    [Fact]
    public void DuplicateSectionId() => AssertFirstError(WithSection(1, s => s with { Id = "S1-s" }), "sections[1].id", "duplicate");

    [Fact]
    public void NegativeCapacity() => AssertFirstError(WithSection(0, s => s with { Capacity = -1 }), "sections[0].capacity", "negative");

    [Fact]
    public void InvertedAgeRange() => AssertFirstError(WithSection(0, s => s with { MinAgeMonths = 12, MaxAgeMonths = 6 }), "sections[0].maxAgeMonths", "age-range");

    [Fact]
    public void ReservesOverCapacity() =>
        AssertFirstError(WithSection(0, s => s with { Reserves = [new("poverty", 1), new("insertion", 2)] }), "sections[0].reserves", "reserves-over-capacity");

    [Fact]
    public void NegativeReserve() => AssertFirstError(WithSection(0, s => s with { Reserves = [new("poverty", -1)] }), "sections[0].reserves[0].seats", "negative");

    [Fact]
    public void DuplicateApplicationId_IsReportedOnTheLaterOne() =>
        AssertFirstError(WithApplication(1, a => a with { Id = "A1" }), "applications[1].id", "duplicate");

    [Fact]
    public void DuplicateTieBreak() => AssertFirstError(WithApplication(1, a => a with { TieBreak = 1 }), "applications[1].tieBreak", "duplicate");

    [Fact]
    public void NegativeTieBreak() => AssertFirstError(WithApplication(1, a => a with { TieBreak = -3 }), "applications[1].tieBreak", "negative");

    [Fact]
    public void NegativeAge() => AssertFirstError(WithApplication(0, a => a with { AgeMonthsAtStart = -1 }), "applications[0].ageMonthsAtStart", "negative");

    [Fact]
    public void NoWish() => AssertFirstError(WithApplication(0, a => a with { Wishes = [] }), "applications[0].wishes", "no-wish");

    [Fact]
    public void TheSameStructureTwiceInTheWishes() =>
        AssertFirstError(WithApplication(0, a => a with { Wishes = [new("S1", 1), new("S2", 1), new("S1", 3)] }), "applications[0].wishes[2].structure", "duplicate");

    [Fact]
    public void AWishToAnUnknownStructure_NamesItsPath()
    {
        var applications = Enumerable.Range(0, 13).Select(i => App($"A{i}", i + 1, ("S1", 1))).ToArray();
        applications[12] = applications[12] with { Wishes = [new("S1", 1), new("S2", 1), new("S1x", 1), new("S9", 1)] };

        AssertFirstError(Instance([Section("S1", 1), Section("S2", 1)], applications), "applications[12].wishes[2].structure", "unknown-structure");
        Assert.Equal("applications[12].wishes[3].structure", AllocationEngine.Validate(Instance([Section("S1", 1), Section("S2", 1)], applications))[1].Path);
    }

    [Fact]
    public void AtMostTwentyErrors_AreListedInDocumentOrder()
    {
        var applications = Enumerable.Range(0, 30).Select(i => App($"A{i}", i + 1, ("nowhere", 1))).Reverse().ToArray();

        var errors = AllocationEngine.Validate(Instance([Section("S1", 1)], applications));

        Assert.Equal(20, errors.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"applications[{i}].wishes[0].structure"), errors.Select(e => e.Path));
    }

    [Fact]
    public void ErrorsOfSectionsAndApplications_ComeInDocumentOrder()
    {
        var instance = WithApplication(0, a => a with { Id = null! }) with
        {
            Sections = [Section("S1", -1), Section("S2", 1)],
        };

        var errors = AllocationEngine.Validate(instance);

        Assert.Equal(["sections[0].capacity", "applications[0].id"], errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void NullSectionsOrApplications_AreReportedNotThrown()
    {
        var instance = Valid() with { Sections = [null!, Section("S2", 1)], Applications = [App("A1", 1, ("S2", 1)), null!] };

        Assert.Equal(["sections[0]", "applications[1]"], AllocationEngine.Validate(instance).Select(e => e.Path));
    }

    [Theory]
    [InlineData("""{"seed":1,"sections":[],"applications":[]}""", "version")]
    [InlineData("""{"version":1,"seed":1,"applications":[]}""", "sections")]
    [InlineData("""{"version":1,"seed":1,"sections":[{"id":"a","capacity":1,"minAgeMonths":0,"maxAgeMonths":9}],"applications":[]}""", "sections[0].structure")]
    [InlineData("""{"version":1,"seed":1,"sections":[{"id":"a","structure":"S","capacity":"ten","minAgeMonths":0,"maxAgeMonths":9}],"applications":[]}""", "sections[0].capacity")]
    [InlineData("""{"version":1,"seed":1,"sections":[{"id":"a","structure":"S","capacity":1,"minAgeMonths":0,"maxAgeMonths":9,"reserves":[{"seats":1}]}],"applications":[]}""", "sections[0].reserves[0].category")]
    [InlineData("""{"version":1,"seed":1,"sections":[],"applications":[{"id":"A","ageMonthsAtStart":3,"submitted":"2026-13-01","wishes":[]}]}""", "applications[0].submitted")]
    [InlineData("""{"version":1,"seed":1,"sections":[],"applications":[{"id":"A","ageMonthsAtStart":3,"submitted":"2026-01-01","wishes":[{"structure":"S"}]}]}""", "applications[0].wishes[0].score")]
    [InlineData("""{"version":1,"seed":1,"sections":[],"applications":[{"ageMonthsAtStart":3,"submitted":"2026-01-01","wishes":[]}]}""", "applications[0].id")]
    [InlineData("""{"version":1,"seed":1,"sections":[],"applications":[{"id":"A","ageMonthsAtStart":3,"submitted":"2026-01-01","wishes":[{"structure":"S","score":1},{"score":2}]}]}""", "applications[0].wishes[1].structure")]
    [InlineData("""{"version":1,"seed":1,"sections":[],"applications":[{"id":"A","ageMonthsAtStart":3,"submitted":"2026-01-01","wishes":[{"structure":7,"score":1}]}]}""", "applications[0].wishes[0].structure")]
    [InlineData("""{"version":1,"seed":1,"sections":[],"applications":[{"id":"A","ageMonthsAtStart":3,"submitted":"2026-01-01","categories":[1],"wishes":[]}]}""", "applications[0].categories[0]")]
    [InlineData("""{"version":1,"seed":1,"sections":[],"applications":[{"id":"A","ageMonthsAtStart":3.5,"submitted":"2026-01-01","wishes":[]}]}""", "applications[0].ageMonthsAtStart")]
    public void JsonErrors_NameTheirPath(string json, string path)
    {
        var reading = JsonText.Read(json);

        Assert.Null(reading.Instance);
        Assert.Equal(path, reading.Errors[0].Path);
    }

    [Fact]
    public void MalformedJson_IsReportedWithItsPosition()
    {
        var reading = JsonText.Read("""{"version":1,"seed":1,"sections":[ """);

        Assert.Equal("invalid-json", reading.Errors.Single().Code);
        Assert.Contains("ligne 1", reading.Errors[0].Message);
    }

    [Fact]
    public void UnknownJsonFields_AreIgnored()
    {
        var reading = JsonText.Read("""
            {"version":1,"seed":1,"comment":"x","sections":[{"id":"a","structure":"S","capacity":1,"minAgeMonths":0,"maxAgeMonths":9,"colour":"red"}],
             "applications":[{"id":"A","ageMonthsAtStart":3,"submitted":"2026-01-01","wishes":[{"structure":"S","score":2,"note":null}],"extra":{"a":[1]}}]}
            """);

        Assert.Empty(reading.Errors);
        Assert.Equal("S", StructureOf(AllocationEngine.Solve(reading.Instance!), "A"));
    }
}
