using System.Text;
using Berceau.Allocation.Json;

namespace Berceau.Allocation.Tests;

/// <summary>
/// The plain reader is a shortcut: whatever it accepts, the full reader must read the same way, and whatever it gives up on, the
/// full reader answers. Held on generated instances, on documents crossing the buffer's edge, and on thousands of mutated
/// documents, valid or not.
/// </summary>
public class PlainReaderTests
{
    [Theory]
    [InlineData(50, 5, 3, 1)]
    [InlineData(3000, 120, 6, 2)]
    [InlineData(20000, 600, 6, 3)]  // several megabytes: units cross the one-megabyte buffer's edge
    public void AGeneratedInstance_IsReadPlainly_AsTheFullReaderReadsIt(int applications, int structures, int wishes, int seed)
    {
        var json = Bytes(InstanceGenerator.Generate(applications, structures, wishes, seed));

        var plain = PlainInstanceReader.TryRead(new MemoryStream(json));

        Assert.NotNull(plain);
        Assert.Equal(Canonical(Full(json).Instance!), Canonical(plain));
    }

    [Fact]
    public void AnApplicationLargerThanTheBuffer_IsReadWhole()
    {
        var wishes = Enumerable.Range(0, 60000).Select(k => new Wish($"S{k % 50:D3}", k % 97)).ToArray();
        var instance = new Instance(1, 4, [new Section("S000-a", "S000", 2, 0, 40, [])],
            [new Application("A1", 10, new DateOnly(2026, 1, 5), ["poverty"], 3, wishes), new Application("A2", 11, new DateOnly(2026, 1, 6), [], null, [new Wish("S000", 1)])]);
        var json = Bytes(instance);
        Assert.True(json.Length > 1 << 20);

        var plain = PlainInstanceReader.TryRead(new MemoryStream(json));

        Assert.NotNull(plain);
        Assert.Equal(Canonical(instance), Canonical(plain));
    }

    [Fact]
    public void WhitespaceAnywhereBetweenTokens_IsPlain()
    {
        var json = """
             {  "seed" : -3 ,"version":1,
            	"applications" : [ { "wishes" : [ { "score" : 0 , "structure" : "S1" } ] , "submitted" : "2024-02-29" , "ageMonthsAtStart" : 12 , "id" : "A1" , "tieBreak" : 9223372036854775 } ] ,
              "sections" : [ { "reserves" : [ ] , "maxAgeMonths" : 40 , "minAgeMonths" : 0 , "capacity" : 1 , "structure" : "S1" , "id" : "S1-a" } ]
            }
            """u8.ToArray();

        var plain = PlainInstanceReader.TryRead(new MemoryStream(json));

        Assert.NotNull(plain);
        Assert.Equal(Canonical(Full(json).Instance!), Canonical(plain));
    }

    [Theory]
    [InlineData("""{"version":1,"sections":[],"applications":[{"id":"A\u00e9","ageMonthsAtStart":1,"submitted":"2026-01-01","wishes":[]}]}""")]
    [InlineData("""{"version":1,"sections":[],"applications":[{"id":"Aé","ageMonthsAtStart":1,"submitted":"2026-01-01","wishes":[]}]}""")]
    [InlineData("""{"version":1,"sections":[],"applications":[{"id":"A1","ageMonthsAtStart":1,"submitted":"2026-01-01","wishes":[],"note":"x"}]}""")]
    [InlineData("""{"version":1,"sections":[],"applications":[{"id":"A1","ageMonthsAtStart":1.0,"submitted":"2026-01-01","wishes":[]}]}""")]
    [InlineData("""{"version":1,"sections":[],"applications":[{"id":"A1","ageMonthsAtStart":1,"submitted":"2026-02-30","wishes":[]}]}""")]
    [InlineData("""{"version":1,"sections":[],"applications":[{"id":"A1","id":"A2","ageMonthsAtStart":1,"submitted":"2026-01-01","wishes":[]}]}""")]
    [InlineData("""{"version":1,"sections":[],"applications":[{"id":null,"ageMonthsAtStart":1,"submitted":"2026-01-01","wishes":[]}]}""")]
    [InlineData("""{"version":1,"sections":[],"applications":[{"ageMonthsAtStart":1,"submitted":"2026-01-01","wishes":[]}]}""")]
    [InlineData("""{"version":1,"sections":[],"applications":[],}""")]
    [InlineData("""{"version":1,"sections":[],"applications":[],"linkedGroups":[]}""")]
    [InlineData("""{"version":1,"sections":[],"applications":[]} x""")]
    [InlineData("""{"version":1,"sections":[],"applications":[{"id":"A1","ageMonthsAtStart":99999999999,"submitted":"2026-01-01","wishes":[]}]}""")]
    public void AnythingUnusual_IsLeftToTheFullReader(string json)
    {
        Assert.Null(PlainInstanceReader.TryRead(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.Equal(Describe(Full(bytes)), Describe(AllocationJson.ReadInstance(new MemoryStream(bytes))));
    }

    [Fact]
    public void MutatedDocuments_AreReadAsTheFullReaderReadsThem()
    {
        var instance = InstanceGenerator.Generate(4, 2, 2, 5);
        var original = Encoding.UTF8.GetString(Bytes(instance with
        {
            Applications = [.. instance.Applications, new Application("A-x", 0, new DateOnly(2025, 12, 31), [], -5, [])],
        }));
        var random = new Random(20261123);
        string[] pieces = ["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u00e9", "0", "7", "-", ".", "e", "1e3", " ", "\n", "é", "null", "true",
            "\"x\"", "\"id\":\"B\",", "\"score\":1,", "\u0001", "99999999999", "\"2024-02-29\"", "\"2023-02-29\""];
        var plainlyRead = 0;

        for (var n = 0; n < 6000; n++)
        {
            var text = new StringBuilder(original);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(4))
                {
                    case 0: text.Remove(at, 1); break;
                    case 1: text.Insert(at, pieces[random.Next(pieces.Length)]); break;
                    case 2: text.Remove(at, 1).Insert(at, pieces[random.Next(pieces.Length)]); break;
                    default:
                        var length = Math.Min(random.Next(1, 30), text.Length - at);
                        text.Insert(random.Next(text.Length), text.ToString(at, length));
                        break;
                }
            }
            var bytes = Encoding.UTF8.GetBytes(text.ToString());

            var plain = PlainInstanceReader.TryRead(new MemoryStream(bytes));
            var full = Full(bytes);

            if (plain is not null)
            {
                plainlyRead++;
                Assert.True(full.Instance is not null, $"read plainly, refused by the full reader: {text}");
                Assert.Equal(Canonical(full.Instance!), Canonical(plain));
            }
            Assert.Equal(Describe(full), Describe(AllocationJson.ReadInstance(new MemoryStream(bytes))));
        }
        Assert.True(plainlyRead > 100, $"only {plainlyRead} mutated documents were plain: the test would prove little");
    }

    private static InstanceReading Full(byte[] json) => InstanceReader.Read(new MemoryStream(json));

    private static byte[] Bytes(Instance instance)
    {
        var stream = new MemoryStream();
        AllocationJson.WriteInstance(instance, stream);
        return stream.ToArray();
    }

    /// <summary>The instance as written back, which shows every value read, in order.</summary>
    private static string Canonical(Instance instance) => Encoding.UTF8.GetString(Bytes(instance));

    private static string Describe(InstanceReading reading) => reading.Instance is { } instance
        ? Canonical(instance)
        : string.Join("\n", reading.Errors.Select(e => $"{e.Path} {e.Code} {e.Message}"));
}
