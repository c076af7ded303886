using System.Buffers;
using System.Text;
using System.Text.Json;
using Berceau.Data.Commission;
using Berceau.Data;
using Berceau.Domain.Commission;
using Berceau.Domain.Grid;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// An entry's score breakdowns as stored (<see cref="CommissionEntry.ScoresJson"/>). The labels of the lines and the structures'
/// ids are the same across a session (« Parent 1 : en emploi », 30 points, at tens of thousands of families): each distinct line
/// and each structure is written once, in the session's table (<see cref="ScoreTable"/>, kept with the snapshot), and an entry
/// lists, for each structure it wishes, the structure's position in the table, its total and its lines' positions, in order:
/// <code>[[12,62,[0,1,4]],[40,52,[0,1,5]]]</code>
/// A département's freeze writes about 6 MB of entries instead of 23 (30,000 applications × 6 wishes), and every reader gets back
/// exactly the same breakdowns (docs/performance.md). Entries frozen before the table are read as they were written: one table
/// per entry (<c>{"lines":[…],"structures":[["3fa85f64-…",62,[0,1,4]],…]}</c>), or before that a JSON array of <see cref="StructureScore"/>.
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

    /// <summary>How the entries and the session's table are written (the same encoder as <see cref="Options"/>).</summary>
    internal static readonly JsonWriterOptions Writing = new() { Encoder = Options.Encoder };

    /// <summary>
    /// The entries' text of a session's scores (one per entry, in order) and the session's table they point into, written on
    /// every core. The table lists the lines and structures in the order of their first appearance in the entries, so the same
    /// scores always give the same text, whatever the number of cores.
    /// </summary>
    public static (string[] Entries, ScoreTable Table) WriteSession(IReadOnlyList<IReadOnlyList<StructureScore>> scores)
    {
        const int Size = 2_048;
        var ranges = new (List<StoredScoreLine> Lines, List<Guid> Structures)[(scores.Count + Size - 1) / Size];
        Infrastructure.ParallelRanges.For(scores.Count, Size, (from, to) =>
        {
            var (lines, structures) = (new List<StoredScoreLine>(), new List<Guid>());
            var (seenLines, seenStructures) = (new HashSet<StoredScoreLine>(), new HashSet<Guid>());
            var entry = new List<StoredScoreLine>();
            for (var i = from; i < to; i++)
            {
                entry.Clear();
                foreach (var score in scores[i])
                {
                    if (seenStructures.Add(score.Facility)) structures.Add(score.Facility);
                    // Only the entry's distinct lines are hashed (a handful, against tens of occurrences).
                    foreach (var line in score.Lines)
                    {
                        if (IndexOf(entry, line) >= 0) continue;
                        entry.Add(line);
                        if (seenLines.Add(line)) lines.Add(line);
                    }
                }
            }
            ranges[from / Size] = (lines, structures);
        });
        var builder = new TableBuilder();
        foreach (var (lines, structures) in ranges)
        {
            foreach (var line in lines) builder.Add(line);
            foreach (var structure in structures) builder.Add(structure);
        }
        var entries = new string[scores.Count];
        Infrastructure.ParallelRanges.For(scores.Count, Size, (from, to) =>
        {
            var writer = new EntryWriter(builder);
            for (var i = from; i < to; i++) entries[i] = writer.Write(scores[i]);
        });
        return (entries, builder.Table);
    }

    /// <summary>
    /// The position of a line equal to <paramref name="line"/> among an entry's distinct lines, or -1: by reference first (a
    /// family's own lines are one object at each structure it wishes), then by value (a structure's lines are new objects).
    /// </summary>
    private static int IndexOf(List<StoredScoreLine> lines, StoredScoreLine line)
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

    /// <summary>The positions of a session's lines and structures, read by every core once built.</summary>
    private sealed class TableBuilder
    {
        private readonly Dictionary<StoredScoreLine, int> lineIds = [];
        private readonly Dictionary<Guid, int> structureIds = [];
        private readonly List<StoredScoreLine> lines = [];
        private readonly List<Guid> structures = [];

        public void Add(StoredScoreLine line)
        {
            if (lineIds.TryAdd(line, lines.Count)) lines.Add(line);
        }

        public void Add(Guid structure)
        {
            if (structureIds.TryAdd(structure, structures.Count)) structures.Add(structure);
        }

        public int Line(StoredScoreLine line) => lineIds[line];
        public int Structure(Guid structure) => structureIds[structure];
        public ScoreTable Table => new([.. structures], [.. lines]);
    }

    /// <summary>Writes entries against the session's table with one buffer and one JSON writer. Not thread-safe.</summary>
    private sealed class EntryWriter
    {
        private readonly TableBuilder table;
        private readonly ArrayBufferWriter<byte> buffer = new(1_024);
        private readonly Utf8JsonWriter json;
        // The entry's distinct lines and their positions in the table: each hashed once per entry.
        private readonly List<StoredScoreLine> lines = [];
        private readonly List<int> positions = [];

        public EntryWriter(TableBuilder table)
        {
            this.table = table;
            json = new Utf8JsonWriter(buffer, Writing);
        }

        public string Write(IReadOnlyList<StructureScore> scores)
        {
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            lines.Clear();
            positions.Clear();
            json.WriteStartArray();
            foreach (var score in scores)
            {
                json.WriteStartArray();
                json.WriteNumberValue(table.Structure(score.Facility));
                json.WriteNumberValue(score.Total);
                json.WriteStartArray();
                foreach (var line in score.Lines) json.WriteNumberValue(PositionOf(line));
                json.WriteEndArray();
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        private int PositionOf(StoredScoreLine line)
        {
            var known = IndexOf(lines, line);
            if (known >= 0) return positions[known];
            var position = table.Line(line);
            lines.Add(line);
            positions.Add(position);
            return position;
        }
    }

    /// <summary>
    /// Reads an entry's scores, in any of the stored formats. <paramref name="table"/> is the session's
    /// (<see cref="ScoreTable.Parse"/>); null for a session frozen before the table, whose entries carry their own lines.
    /// </summary>
    public static List<StructureScore> Read(string json, ScoreTable? table)
    {
        var text = json.AsSpan().TrimStart();
        if (text.StartsWith("[["))
            return ReadAgainst(json, table ?? throw new InvalidDataException("Scores stored against a session's table, read without it."));
        // The first format (an array of objects), or an entry without any structure ("[]", the same in every format).
        if (text.StartsWith("["))
            return JsonSerializer.Deserialize<List<StructureScore>>(json, Options) ?? [];
        using var document = JsonDocument.Parse(json);
        var lines = document.RootElement.GetProperty("lines").EnumerateArray().Select(ReadLine).ToList();
        return [.. document.RootElement.GetProperty("structures").EnumerateArray()
            .Select(s => new StructureScore(s[0].GetGuid(), s[1].GetInt32(), [.. s[2].EnumerateArray().Select(i => lines[i.GetInt32()])]))];
    }

    /// <summary>The table of a session's scores, or null for a session frozen before tables were stored (or not frozen).</summary>
    public static async Task<ScoreTable?> TableAsync(BerceauDbContext db, CommissionSessionId session, CancellationToken ct) =>
        ScoreTable.Parse(await db.CommissionSnapshots.Where(s => s.SessionId == session).Select(s => s.ScoreTableJson).FirstOrDefaultAsync(ct));

    /// <summary>A line as the tables write it: <c>["label",points,criterion or null]</c>.</summary>
    internal static StoredScoreLine ReadLine(JsonElement line) =>
        new(line[0].GetString()!, line[1].GetInt32(), line[2].ValueKind == JsonValueKind.Null ? null : (Criterion)line[2].GetInt32());

    private static List<StructureScore> ReadAgainst(string json, ScoreTable table)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var scores = new List<StructureScore>(6);
        var lines = new List<StoredScoreLine>(10);
        reader.Read(); // the entry's array
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            var structure = table.Structures[reader.GetInt32()];
            reader.Read();
            var total = reader.GetInt32();
            reader.Read(); // the lines' array
            lines.Clear();
            while (reader.Read() && reader.TokenType == JsonTokenType.Number) lines.Add(table.Lines[reader.GetInt32()]);
            reader.Read(); // the structure's end
            scores.Add(new StructureScore(structure, total, [.. lines]));
        }
        return scores;
    }
}

/// <summary>
/// A session's distinct score lines and structures, which its entries name by position (<see cref="StoredScores"/>), stored
/// with the snapshot (<see cref="CommissionSnapshot.ScoreTableJson"/>):
/// <code>{"structures":["3fa85f64-…",…],"lines":[["Parent 1 : en emploi",30,0],…]}</code>
/// </summary>
public sealed record ScoreTable(IReadOnlyList<Guid> Structures, IReadOnlyList<StoredScoreLine> Lines)
{
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1_024);
        using (var json = new Utf8JsonWriter(buffer, StoredScores.Writing))
        {
            json.WriteStartObject();
            json.WriteStartArray("structures");
            foreach (var structure in Structures) json.WriteStringValue(structure);
            json.WriteEndArray();
            json.WriteStartArray("lines");
            foreach (var line in Lines)
            {
                json.WriteStartArray();
                json.WriteStringValue(line.Label);
                json.WriteNumberValue(line.Points);
                if (line.Criterion is { } criterion) json.WriteNumberValue((int)criterion);
                else json.WriteNullValue();
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The table stored with a snapshot, or null for a session frozen before tables were stored.</summary>
    public static ScoreTable? Parse(string? json)
    {
        if (json is null) return null;
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new([.. root.GetProperty("structures").EnumerateArray().Select(s => s.GetGuid())],
            [.. root.GetProperty("lines").EnumerateArray().Select(StoredScores.ReadLine)]);
    }
}
