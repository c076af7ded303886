using System.Buffers;
using System.Text;
using System.Text.Json;
using Berceau.Data.Commission;
using Berceau.Domain.Grid;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// An entry's score breakdowns as stored (<see cref="CommissionEntry.ScoresJson"/>). A family's own lines (its parents, its
/// quotient, its seniority) are the same at every structure it wishes: each distinct line is written once, and each structure
/// lists its lines by position, in their order. A département's freeze writes about a quarter of the bytes it would write with
/// every line repeated (30,000 applications × 6 wishes), and reads back exactly the same breakdowns:
/// <code>{"lines":[["Parent 1 : en emploi",30,1],…],"structures":[["3fa85f64-…",62,[0,1,4]],…]}</code>
/// Entries frozen before this format (a JSON array of <see cref="StructureScore"/>) are read as they were written.
/// </summary>
public static class StoredScores
{
    /// <summary>
    /// Stored, never written into a page as is: accented letters stay letters (« Ancienneté » is 10 bytes, not 20), which weighs
    /// on a département's freeze (tens of thousands of applications × their scores at each wished structure).
    /// </summary>
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IReadOnlyList<StructureScore> scores) => new Writer().Write(scores);

    /// <summary>
    /// Writes the scores of many entries with one buffer, one JSON writer and one table of lines (a département's freeze writes
    /// tens of thousands): the same text as <see cref="StoredScores.Write"/>. Not thread-safe.
    /// </summary>
    public sealed class Writer
    {
        private readonly ArrayBufferWriter<byte> buffer = new(4_096);
        private readonly Utf8JsonWriter json;
        // The distinct lines of the entry being written, and each occurrence's position among them: an entry has a handful of
        // distinct lines (its family's, shared by reference, and each structure's), so a list searched by reference first is
        // cheaper than hashing every occurrence's label (docs/performance.md).
        private readonly List<StoredScoreLine> lines = [];
        private readonly List<int> positions = [];

        public Writer() => json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder });

        public string Write(IReadOnlyList<StructureScore> scores)
        {
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            lines.Clear();
            positions.Clear();
            json.WriteStartObject();
            json.WriteStartArray("lines");
            foreach (var score in scores)
            {
                foreach (var line in score.Lines)
                {
                    var position = PositionOf(line);
                    positions.Add(position < 0 ? lines.Count : position);
                    if (position >= 0) continue;
                    lines.Add(line);
                    json.WriteStartArray();
                    json.WriteStringValue(line.Label);
                    json.WriteNumberValue(line.Points);
                    if (line.Criterion is { } criterion) json.WriteNumberValue((int)criterion);
                    else json.WriteNullValue();
                    json.WriteEndArray();
                }
            }
            json.WriteEndArray();
            json.WriteStartArray("structures");
            var next = 0;
            foreach (var score in scores)
            {
                json.WriteStartArray();
                json.WriteStringValue(score.Facility);
                json.WriteNumberValue(score.Total);
                json.WriteStartArray();
                for (var i = 0; i < score.Lines.Count; i++) json.WriteNumberValue(positions[next++]);
                json.WriteEndArray();
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        /// <summary>The position of a line equal to <paramref name="line"/> among those written, or -1 (equal: same label, points, criterion).</summary>
        private int PositionOf(StoredScoreLine line)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                if (ReferenceEquals(lines[i], line)) return i;
            }
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].Equals(line)) return i;
            }
            return -1;
        }
    }

    public static List<StructureScore> Read(string json)
    {
        if (json.AsSpan().TrimStart().StartsWith("["))
            return JsonSerializer.Deserialize<List<StructureScore>>(json, Options) ?? [];
        using var document = JsonDocument.Parse(json);
        var lines = document.RootElement.GetProperty("lines").EnumerateArray()
            .Select(l => new StoredScoreLine(l[0].GetString()!, l[1].GetInt32(), l[2].ValueKind == JsonValueKind.Null ? null : (Criterion)l[2].GetInt32()))
            .ToList();
        return [.. document.RootElement.GetProperty("structures").EnumerateArray()
            .Select(s => new StructureScore(s[0].GetGuid(), s[1].GetInt32(), [.. s[2].EnumerateArray().Select(i => lines[i.GetInt32()])]))];
    }
}
