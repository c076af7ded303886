using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berceau.Allocation.Json;

/// <summary>
/// Reads a wish by hand: a national instance holds six million of them, and the generated metadata-driven reader spends most of
/// its time on them. Same behaviour: unknown properties skipped, a value of the wrong type is a JsonException (reported with
/// its path), a missing one stays null and is reported by <see cref="InstanceMapping"/>.
/// </summary>
internal sealed class WishDtoConverter : JsonConverter<WishDto>
{
    private static ReadOnlySpan<byte> StructureName => "structure"u8;
    private static ReadOnlySpan<byte> ScoreName => "score"u8;

    public override WishDto Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException();
        var wish = new WishDto();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(StructureName))
            {
                reader.Read();
                wish.Structure = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Null => null,
                    _ => throw new JsonException(),
                };
            }
            else if (reader.ValueTextEquals(ScoreName))
            {
                reader.Read();
                wish.Score = reader.TokenType switch
                {
                    JsonTokenType.Number when reader.TryGetInt32(out var score) => score,
                    JsonTokenType.Null => null,
                    _ => throw new JsonException(),
                };
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject) throw new JsonException();
        return wish;
    }

    public override void Write(Utf8JsonWriter writer, WishDto value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Wishes are written from the contract type Wish.");
}
