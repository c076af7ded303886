using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Berceau.Domain.Common;

namespace Berceau.Web.Features.Applications.Api;

/// <summary>
/// A count (children in the household) that the form types as text and the API sends as a JSON whole number (<c>2</c>), as
/// the API returns it. Like <see cref="AmountInEurosConverter"/>, the number goes to the form's parser as invariant text, so
/// the range and its message are the form's; a string, a decimal or a boolean is refused with a message naming the field.
/// </summary>
public sealed class WholeNumberConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetInt32(out var count) => count.ToString(CultureInfo.InvariantCulture),
        _ => throw new JsonFieldException(Messages.Get("api-whole-number")),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)) writer.WriteNumberValue(count);
        else writer.WriteNullValue();
    }

    /// <summary>OpenAPI schema transformer: a property read by this converter is described as a whole number.</summary>
    public static Task DescribeAsync(Microsoft.OpenApi.OpenApiSchema schema, Microsoft.AspNetCore.OpenApi.OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonPropertyInfo?.CustomConverter is WholeNumberConverter)
        {
            schema.Type = Microsoft.OpenApi.JsonSchemaType.Integer | Microsoft.OpenApi.JsonSchemaType.Null;
            schema.Format = "int32";
            schema.Description = "Nombre entier JSON, sans guillemets, par exemple 2.";
        }
        return Task.CompletedTask;
    }
}
