using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Berceau.Domain.Common;

namespace Berceau.Web.Features.Applications.Api;

/// <summary>
/// An amount in euros that the form types as text (<c>"850,50"</c>, shown back as typed) and the API sends as a JSON
/// number (<c>850.5</c>), as the API returns it. The number is handed to the form's parser as invariant text, so the checks
/// and messages are the form's; anything but a number or null is refused with a message naming the field.
/// </summary>
public sealed class AmountInEurosConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetDecimal(out var amount) => amount.ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Number => throw new JsonFieldException(Messages.Get("api-amount-range")),
        _ => throw new JsonFieldException(Messages.Get("api-amount-number")),
    };

    /// <summary>OpenAPI schema transformer: a property read by this converter is described as a number of euros.</summary>
    public static Task DescribeAsync(Microsoft.OpenApi.OpenApiSchema schema, Microsoft.AspNetCore.OpenApi.OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonPropertyInfo?.CustomConverter is AmountInEurosConverter)
        {
            schema.Type = Microsoft.OpenApi.JsonSchemaType.Number | Microsoft.OpenApi.JsonSchemaType.Null;
            schema.Format = "decimal";
            schema.Description = "Montant en euros (nombre JSON, point décimal, 2 décimales au plus), par exemple 850 ou 912.4.";
        }
        return Task.CompletedTask;
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)) writer.WriteNumberValue(amount);
        else writer.WriteNullValue();
    }
}

/// <summary>A field of the body that cannot be read, with the French message for the client (the path names the field).</summary>
public sealed class JsonFieldException(string message) : JsonException(message);
