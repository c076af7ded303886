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
        var instance = new Instance(1, 42, [Section("S1-bébés", "S1", 10, 2, 18, new Reserve("poverty", 1))],
            [new Application("A1", 7, new DateOnly(2026, 3, 2), ["poverty", "insertion", "poverty"], null, [new Wish("S1", -37)])]);
        // The canonical form written by hand from its definition (InstanceHash, docs/allocation.md).
        using var bytes = new MemoryStream();
        using (var w = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            void Text(string s) { var b = System.Text.Encoding.UTF8.GetBytes(s); w.Write(b.Length); w.Write(b); }
            w.Write(1); w.Write((byte)1); w.Write(42L);
            w.Write(1); Text("S1-bébés"); Text("S1"); w.Write(10); w.Write(2); w.Write(18); w.Write(1); Text("poverty"); w.Write(1);
            w.Write(1); Text("A1"); w.Write(7); w.Write(20260302); w.Write(2); Text("insertion"); Text("poverty"); w.Write((byte)0);
            w.Write(1); Text("S1"); w.Write(-37);
        }

        var expected = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray()));

        Assert.Equal(expected, Hash(instance));
    }

    [Fact]
    public void TheHash_OfNonAsciiAndHugeStrings_IsTheSha256OfTheCanonicalForm()
    {
        // The hash writes an application at once into room reserved for it: non-ASCII text goes through the UTF-8 encoder,
        // and an application larger than the writer's buffer through the checked path. Both must give the same bytes.
        var huge = "A" + new string('é', 600_000);
        var instance = new Instance(1, null, [Section("Sé-1", "Sé", 1, 0, 48)],
            [new Application("Aé", 7, new DateOnly(2026, 3, 2), ["précarité"], 5, [new Wish("Sé", 3)]),
             new Application(huge, 8, new DateOnly(2025, 12, 31), [], 9, [new Wish("Sé", 4)])]);
        using var bytes = new MemoryStream();
        using (var w = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            void Text(string s) { var b = System.Text.Encoding.UTF8.GetBytes(s); w.Write(b.Length); w.Write(b); }
            w.Write(1); w.Write((byte)0);
            w.Write(1); Text("Sé-1"); Text("Sé"); w.Write(1); w.Write(0); w.Write(48); w.Write(0);
            w.Write(2);
            Text("Aé"); w.Write(7); w.Write(20260302); w.Write(1); Text("précarité"); w.Write((byte)1); w.Write(5L); w.Write(1); Text("Sé"); w.Write(3);
            Text(huge); w.Write(8); w.Write(20251231); w.Write(0); w.Write((byte)1); w.Write(9L); w.Write(1); Text("Sé"); w.Write(4);
        }

        var expected = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray()));

        Assert.Equal(expected, Hash(instance));
    }

    [Fact]
    public void TheHash_OfRandomCategoryLists_IsTheSha256OfTheCanonicalForm()
    {
        // Categories are sorted in .NET's ordinal order (UTF-16 units: a character beyond U+FFFF sorts before U+E000), repeats
        // dropped; the hash keeps a fast path for a few categories and a checked one for many: both must give these bytes.
        string[] pool = ["poverty", "insertion", "précarité", "\U0001F600x", "\uE000y", "a", "A", "zz", "handicap"];
        var random = new Random(5);
        for (var trial = 0; trial < 200; trial++)
        {
            var applications = Enumerable.Range(0, random.Next(1, 6)).Select(i => new Application(
                $"A{trial}-{i}", 7, new DateOnly(2026, 3, 2),
                Enumerable.Range(0, random.Next(0, random.Next(2) == 0 ? 4 : 24)).Select(_ => pool[random.Next(pool.Length)]).ToArray(),
                i + 1, [new Wish("S1", random.Next(-5, 40))])).ToArray();
            var instance = new Instance(1, null, [Section("S1-a", "S1", 1, 0, 48)], applications);

            using var bytes = new MemoryStream();
            using (var w = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                void Text(string s) { var b = System.Text.Encoding.UTF8.GetBytes(s); w.Write(b.Length); w.Write(b); }
                w.Write(1); w.Write((byte)0);
                w.Write(1); Text("S1-a"); Text("S1"); w.Write(1); w.Write(0); w.Write(48); w.Write(0);
                w.Write(applications.Length);
                foreach (var a in applications.OrderBy(a => a.Id, StringComparer.Ordinal))
                {
                    Text(a.Id); w.Write(7); w.Write(20260302);
                    var categories = a.Categories.Distinct().Order(StringComparer.Ordinal).ToArray();
                    w.Write(categories.Length);
                    foreach (var c in categories) Text(c);
                    w.Write((byte)1); w.Write(a.TieBreak!.Value); w.Write(1); Text("S1"); w.Write(a.Wishes[0].Score);
                }
            }

            Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray())), Hash(instance));
        }
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

    [Fact]
    public void LongNamesAndManyWishes_AreWrittenAsTheGeneratedSerialiserWrites()
    {
        // The writers copy short fragments (names, ranks) 32 bytes at a time and longer ones by their length: both kinds here,
        // with ranks beyond the precomputed ones and names that need escaping.
        var structures = Enumerable.Range(0, 40).Select(s => s % 3 == 0 ? $"Crèche « {s} » {new string('x', 30 + s)}" : $"S{s}").ToArray();
        var sections = structures.Select((name, s) => Section(s % 4 == 0 ? $"{name}-section-{new string('y', 40)}" : $"{name}-a", name, s % 5, 0, 48)).ToArray();
        var applications = Enumerable.Range(0, 60).Select(a => new Application(
            a % 7 == 0 ? $"dossier-{a}-{new string('z', 50)}" : $"A{a}", a % 50, new DateOnly(2026, 1, 1).AddDays(a % 9), [], a + 1,
            structures.Select((name, s) => new Wish(name, (a * 7 + s * 3) % 11)).OrderBy(w => (w.Score * 13 + a) % 17).ToArray())).ToArray();
        var result = AllocationEngine.Solve(new Instance(1, null, sections, applications));
        var materialised = result with
        {
            Assignments = result.Assignments.ToArray(), Unassigned = result.Unassigned.ToArray(),
            Explanations = result.Explanations.ToArray(), TieBreaks = result.TieBreaks.ToDictionary(),
        };

        Assert.Contains("\"rank\":40", JsonText.Of(result));
        Assert.NotEmpty(result.Assignments);
        Assert.Equal(JsonText.Stable(materialised), JsonText.Stable(result));
    }

    [Fact]
    public void ResultListsWrittenFromTheSolverArrays_AreTheBytesOfTheGeneratedSerialiser()
    {
        var generated = InstanceGenerator.Generate(400, 25, 6, 11);
        // Ids and names that need escaping, and one beyond U+FFFF to check the id order.
        // (.NET orders strings by UTF-16 unit: a character beyond U+FFFF sorts before U+E000, unlike in UTF-8.)
        string Odd(string id, int i) => (i % 4) switch { 0 => id, 1 => $"é\"{id}<", 2 => $"\U0001F600{id}", _ => $"\uE000{id}" };
        var result = AllocationEngine.Solve(generated with
        {
            Sections = generated.Sections.Select((s, i) => i % 7 == 0 ? s with { Capacity = 0, Reserves = [] } : i % 5 == 1 ? s with { MinAgeMonths = s.MaxAgeMonths } : s).ToArray(),
            Applications = generated.Applications.Select((a, i) => a with { Id = Odd(a.Id, i) }).ToArray(),
        });
        var materialised = result with
        {
            Assignments = result.Assignments.ToArray(), Unassigned = result.Unassigned.ToArray(),
            Explanations = result.Explanations.ToArray(), TieBreaks = result.TieBreaks.ToDictionary(),
        };

        var ids = result.Explanations.Select(e => e.Application).ToArray();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(result.Unassigned.Order(StringComparer.Ordinal), result.Unassigned);
        Assert.Contains("\"outcome\":\"full\"", JsonText.Of(result));
        Assert.Contains("\"outcome\":\"not-eligible-age\"", JsonText.Of(result));
        Assert.Equal(JsonText.Stable(materialised), JsonText.Stable(result));
    }
}
