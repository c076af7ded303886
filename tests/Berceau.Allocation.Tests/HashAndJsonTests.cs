using Berceau.Allocation.Tests.Support;
using static Berceau.Allocation.Tests.Support.Make;

namespace Berceau.Allocation.Tests;

public class HashAndJsonTests
{
    private static string Hash(Instance instance) => AllocationEngine.Solve(instance).InstanceHash;

    [Fact]
    public void AnInstanceWrittenAndReadBack_IsTheSameInstance()
    {
        var instance = InstanceGenerator.Generate(200, 15, 4, 9);

        var read = JsonText.Read(JsonText.Of(instance)).Instance!;

        Assert.Equal(JsonText.Stable(AllocationEngine.Solve(instance)), JsonText.Stable(AllocationEngine.Solve(read)));
    }

    [Fact]
    public void TheHash_IsTheSha256OfTheCanonicalForm()
    {
        var instance = new Instance(1, 42, [Section("S1-bebes", "S1", 10, 2, 18, new Reserve("poverty", 1))],
            [new Application("A1", 7, new DateOnly(2026, 3, 2), ["poverty", "insertion", "poverty"], 1834, [new Wish("S1", 37)])]);
        const string canonical = """{"version":1,"seed":42,"sections":[{"id":"S1-bebes","structure":"S1","capacity":10,"minAgeMonths":2,"maxAgeMonths":18,"reserves":[{"category":"poverty","seats":1}]}],"applications":[{"id":"A1","ageMonthsAtStart":7,"submitted":"2026-03-02","categories":["insertion","poverty"],"tieBreak":1834,"wishes":[{"structure":"S1","score":37}]}]}""";

        var expected = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));

        Assert.Equal(expected, Hash(instance));
    }

    [Fact]
    public void TheHash_EscapesStringsAsRfc8785()
    {
        var instance = new Instance(1, null, [Section("é\"\\\n\u0001", "S", 1, 0, 9)], []);
        const string canonical = "{\"version\":1,\"sections\":[{\"id\":\"é\\\"\\\\\\n\\u0001\",\"structure\":\"S\",\"capacity\":1,\"minAgeMonths\":0,\"maxAgeMonths\":9,\"reserves\":[]}],\"applications\":[]}";

        var expected = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));

        Assert.Equal(expected, Hash(instance));
    }

    [Fact]
    public void TheHash_IgnoresLayoutUnknownFieldsAndTheOrderOfApplications()
    {
        var a = JsonText.Read("""{"version":1,"seed":3,"sections":[{"id":"a","structure":"S","capacity":1,"minAgeMonths":0,"maxAgeMonths":9}],"applications":[{"id":"A","ageMonthsAtStart":3,"submitted":"2026-01-01","wishes":[{"structure":"S","score":2}]},{"id":"B","ageMonthsAtStart":3,"submitted":"2026-01-01","wishes":[{"structure":"S","score":2}]}]}""").Instance!;
        var b = JsonText.Read("""
            { "applications": [ { "wishes": [ { "score": 2, "structure": "S" } ], "id": "B", "ageMonthsAtStart": 3, "submitted": "2026-01-01", "x": 1 },
                                { "id": "A", "ageMonthsAtStart": 3, "submitted": "2026-01-01", "categories": [], "wishes": [ { "structure": "S", "score": 2 } ] } ],
              "sections": [ { "id": "a", "structure": "S", "capacity": 1, "minAgeMonths": 0, "maxAgeMonths": 9, "reserves": [] } ], "seed": 3, "version": 1 }
            """).Instance!;

        Assert.Equal(Hash(a), Hash(b));
        Assert.Equal(JsonText.Stable(AllocationEngine.Solve(a)), JsonText.Stable(AllocationEngine.Solve(b)));
    }

    [Fact]
    public void TheHash_ChangesWithAnyMeaningfulValue()
    {
        var instance = Instance([Section("S1", 2), Section("S2", 1)], App("A1", 1, ("S1", 1), ("S2", 1)));
        var hashes = new[]
        {
            Hash(instance),
            Hash(instance with { Seed = 8 }),
            Hash(instance with { Applications = [instance.Applications[0] with { Wishes = [new("S2", 1), new("S1", 1)] }] }),
            Hash(instance with { Applications = [instance.Applications[0] with { Wishes = [new("S1", 2), new("S2", 1)] }] }),
            Hash(instance with { Applications = [instance.Applications[0] with { Categories = ["poverty"] }] }),
            Hash(instance with { Sections = [instance.Sections[1], instance.Sections[0]] }),
        };

        Assert.Equal(hashes.Length, hashes.Distinct().Count());
    }
}
