using System.Text.Json;

namespace Berceau.Allocation.Json;

/// <summary>
/// The contract's JSON: instances in and out (the generator writes them), results out. Streams both ways. Everything goes through
/// the source-generated <see cref="AllocationJsonContext"/>, except what repeats millions of times at national scale: instances are
/// read by <see cref="PlainInstanceReader"/> (or <see cref="InstanceReader"/>), and the result's long lists are written as bytes
/// from the solver's arrays by <see cref="ExplanationsWriter"/> and <see cref="ResultListsWriter"/> (a test holds those bytes equal
/// to the generated serialiser's).
/// </summary>
public static class AllocationJson
{
    private const int FlushAt = 1 << 16;

    /// <summary>
    /// Reads an instance. Malformed JSON, a value of the wrong type or a missing required field gives errors with their JSON path;
    /// the rules between fields (duplicates, unknown structures, capacities) are checked by <see cref="AllocationEngine.Validate"/>.
    /// </summary>
    public static InstanceReading ReadInstance(Stream utf8Json)
    {
        // The plain reader is tried first where the stream can be read again; anything it does not expect, errors included, is
        // read again from the same place by the reader that knows every rule and message.
        if (!utf8Json.CanSeek) return InstanceReader.Read(utf8Json);
        var start = utf8Json.Position;
        if (PlainInstanceReader.TryRead(utf8Json) is { } instance) return new InstanceReading(instance, []);
        utf8Json.Position = start;
        return InstanceReader.Read(utf8Json);
    }

    public static void WriteResult(Result result, Stream utf8Json)
    {
        var context = AllocationJsonContext.Default;
        var buffer = new StreamBufferWriter(utf8Json);
        // Validation checks the writer's own calls, not the data: this code always writes well-formed JSON (the tests read it back).
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        writer.WriteStartObject();
        writer.WriteNumber("version", result.Version);
        if (result.Seed is { } seed) writer.WriteNumber("seed", seed);
        writer.WriteString("instanceHash", result.InstanceHash);
        if (result.Assignments is AssignmentList assignments)
        {
            writer.Flush();
            ResultListsWriter.WriteAssignments(buffer, assignments);
        }
        else
        {
            WriteArray(writer, "assignments", result.Assignments, (w, a) => JsonSerializer.Serialize(w, a, context.Assignment));
        }
        if (result.Unassigned is IdList unassigned)
        {
            writer.Flush();
            ResultListsWriter.WriteUnassigned(buffer, unassigned);
        }
        else
        {
            WriteArray(writer, "unassigned", result.Unassigned, (w, id) => w.WriteStringValue(id));
        }
        WriteArray(writer, "sections", result.Sections, (w, s) => JsonSerializer.Serialize(w, s, context.SectionResult));
        if (result.Explanations is ExplanationList explanations)
        {
            writer.Flush();
            ExplanationsWriter.Write(buffer, explanations);
        }
        else
        {
            WriteArray(writer, "explanations", result.Explanations, (w, e) => JsonSerializer.Serialize(w, e, context.Explanation));
        }
        if (result.TieBreaks is SortedTieBreaks drawn)
        {
            writer.Flush();
            ResultListsWriter.WriteTieBreaks(buffer, drawn);
        }
        else
        {
            writer.WriteStartObject("tieBreaks");
            foreach (var (id, value) in result.TieBreaks)
            {
                writer.WriteNumber(id, value);
                if (writer.BytesPending > FlushAt) writer.Flush();  // commits to the buffer, not to the stream
            }
            writer.WriteEndObject();
        }
        if (result.Linked is { } linked) LinkedGroupsJson.Write(writer, linked);
        writer.WritePropertyName("stats");
        JsonSerializer.Serialize(writer, result.Stats, context.Stats);
        writer.WriteEndObject();
        writer.Flush();
        buffer.Complete();
    }

    public static void WriteInstance(Instance instance, Stream utf8Json)
    {
        var context = AllocationJsonContext.Default;
        var buffer = new StreamBufferWriter(utf8Json);
        using var writer = new Utf8JsonWriter(buffer);
        writer.WriteStartObject();
        writer.WriteNumber("version", instance.Version);
        if (instance.Seed is { } seed) writer.WriteNumber("seed", seed);
        WriteArray(writer, "sections", instance.Sections, (w, s) => JsonSerializer.Serialize(w, s, context.Section));
        WriteArray(writer, "applications", instance.Applications, (w, a) => JsonSerializer.Serialize(w, a, context.Application));
        if (instance.LinkedGroups is { Count: > 0 } groups) WriteArray(writer, "linkedGroups", groups, (w, g) => JsonSerializer.Serialize(w, g, context.LinkedGroup));
        writer.WriteEndObject();
        writer.Flush();
        buffer.Complete();
    }

    private static void WriteArray<T>(Utf8JsonWriter writer, string name, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        writer.WriteStartArray(name);
        for (var i = 0; i < items.Count; i++)
        {
            write(writer, items[i]);
            if (writer.BytesPending > FlushAt) writer.Flush();
        }
        writer.WriteEndArray();
    }
}

/// <summary>Either an instance (still to be validated by the engine) or the reasons it could not be read.</summary>
public sealed record InstanceReading(Instance? Instance, IReadOnlyList<InstanceError> Errors);
