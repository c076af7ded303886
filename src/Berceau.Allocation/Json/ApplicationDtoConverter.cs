using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berceau.Allocation.Json;

/// <summary>
/// Reads an application, and its wishes, by hand: a national instance holds a million applications and six million wishes, and
/// the generated metadata-driven reader spent most of the reading time on them. Same behaviour as the generated reader: unknown
/// properties skipped, a missing one left null (reported with its path by <see cref="InstanceMapping"/>), a value of the wrong
/// type is a <see cref="FieldException"/> naming the field, so that the error path goes down to it.
/// </summary>
internal sealed class ApplicationDtoConverter : JsonConverter<ApplicationDto>
{
    public override ApplicationDto? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException();
        var application = new ApplicationDto();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) application.Id = ReadString(ref reader, "id");
            else if (reader.ValueTextEquals("ageMonthsAtStart"u8)) application.AgeMonthsAtStart = ReadInt32(ref reader, "ageMonthsAtStart");
            else if (reader.ValueTextEquals("submitted"u8)) application.Submitted = ReadDate(ref reader, "submitted");
            else if (reader.ValueTextEquals("categories"u8)) application.Categories = ReadStrings(ref reader, "categories");
            else if (reader.ValueTextEquals("tieBreak"u8)) application.TieBreak = ReadInt64(ref reader, "tieBreak");
            else if (reader.ValueTextEquals("wishes"u8)) application.Wishes = ReadWishes(ref reader, application);
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return application;
    }

    private static string? ReadString(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new FieldException(field),
        };
    }

    private static int? ReadInt32(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt32(out var value) => value,
            JsonTokenType.Null => null,
            _ => throw new FieldException(field),
        };
    }

    private static long? ReadInt64(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt64(out var value) => value,
            JsonTokenType.Null => null,
            _ => throw new FieldException(field),
        };
    }

    private static DateOnly? ReadDate(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return null;
        Span<char> text = stackalloc char[10];
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length == 10
            && reader.CopyString(text) == 10
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        throw new FieldException(field);
    }

    private static List<string?>? ReadStrings(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartArray) throw new FieldException(field);
        var list = new List<string?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Null => null,
                _ => throw new FieldException($"{field}[{list.Count}]"),
            });
        }
        return list;
    }

    /// <summary>Wishes go straight into the contract's array (one allocation); a missing score is noted for the mapping to report.</summary>
    private static Wish[]? ReadWishes(ref Utf8JsonReader reader, ApplicationDto application)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartArray) throw new FieldException("wishes");
        var buffer = _wishes ??= new List<Wish>(16);
        buffer.Clear();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new FieldException($"wishes[{buffer.Count}]");
            string? structure = null;
            int? score = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("structure"u8)) structure = ReadName(ref reader, buffer.Count);
                else if (reader.ValueTextEquals("score"u8)) score = ReadInt32(ref reader, $"wishes[{buffer.Count}].score");
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            if (score is null) (application.WishesWithoutScore ??= []).Add(buffer.Count);
            buffer.Add(new Wish(structure!, score ?? 0));
        }
        return buffer.ToArray();
    }

    [ThreadStatic] private static List<Wish>? _wishes;

    /// <summary>
    /// Structure names of wishes, read into one shared string per name: six million wishes name a few thousand structures, and a
    /// string each would be a quarter of a gigabyte for the collector to move. The cache lives for one read on one thread
    /// (<see cref="AllocationJson.ReadInstance"/> clears it), as deserialising from a stream runs on the calling thread.
    /// </summary>
    [ThreadStatic] private static Dictionary<string, string>? _names;

    public static void ClearNames() => _names = null;

    private static string? ReadName(ref Utf8JsonReader reader, int wish)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length <= 128)
        {
            Span<char> chars = stackalloc char[128];
            var length = System.Text.Encoding.UTF8.GetChars(reader.ValueSpan, chars);
            var names = _names ??= new Dictionary<string, string>(StringComparer.Ordinal);
            var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(chars[..length], out var known)) return known;
            var name = new string(chars[..length]);
            names.Add(name, name);
            return name;
        }
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new FieldException($"wishes[{wish}].structure"),
        };
    }

    public override void Write(Utf8JsonWriter writer, ApplicationDto value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Applications are written from the contract type Application.");
}

/// <summary>A value of the wrong type inside a hand-read object: <see cref="Field"/> completes the JSON path of the object.</summary>
internal sealed class FieldException(string field) : JsonException
{
    public string Field { get; } = field;
}
