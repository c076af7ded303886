using System.Globalization;
using System.Text.Json;
using Berceau.Domain.Territories;

namespace Berceau.Data.Import;

/// <summary>The boundary of one commune: the GeoJSON geometry kept verbatim for maps, and its parsed form.</summary>
public sealed record CommuneBoundary(int Line, string CommuneCode, string GeometryJson, GeoBoundary Shape);

/// <summary>
/// Reads data/communes_93.geojson, data/communes_92.geojson (FeatureCollection, property "code" = current INSEE code).
/// The file is walked with <see cref="Utf8JsonReader"/> so that a bad feature is reported at its own line and column.
/// </summary>
public static class CommuneBoundaryReader
{
    public static IReadOnlyDictionary<string, CommuneBoundary> Read(string path)
    {
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
            throw new ImportException(fileName, null, null, $"fichier introuvable dans « {Path.GetDirectoryName(Path.GetFullPath(path))} ».");
        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var json = bytes.AsMemory(start);
        try
        {
            return ReadFeatures(fileName, json);
        }
        catch (JsonException e)
        {
            var column = e.BytePositionInLine is { } b ? (b + 1).ToString(CultureInfo.InvariantCulture) : null;
            throw new ImportException(fileName, e.LineNumber is { } l ? (int)l + 1 : null, column,
                "JSON invalide : " + (e.Message.Split(" Path:", 2)[0]));
        }
    }

    private static Dictionary<string, CommuneBoundary> ReadFeatures(string fileName, ReadOnlyMemory<byte> json)
    {
        var result = new Dictionary<string, CommuneBoundary>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw Error(fileName, json.Span, 0, "un objet GeoJSON FeatureCollection est attendu.");

        var sawFeatures = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("features"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }
            sawFeatures = true;
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
                throw Error(fileName, json.Span, reader.TokenStartIndex, "« features » doit être un tableau.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var position = reader.TokenStartIndex;
                using var feature = JsonDocument.ParseValue(ref reader);
                var boundary = Feature(feature.RootElement, out var problem);
                if (boundary is null)
                    throw Error(fileName, json.Span, position, problem!);
                var line = LineAndColumn(json.Span, position).Line;
                if (result.TryGetValue(boundary.CommuneCode, out var previous))
                    throw Error(fileName, json.Span, position, $"la commune {boundary.CommuneCode} a déjà une géométrie (ligne {previous.Line}).");
                result[boundary.CommuneCode] = boundary with { Line = line };
            }
        }
        if (!sawFeatures)
            throw Error(fileName, json.Span, 0, "le tableau « features » est absent.");
        return result;
    }

    /// <summary>The boundary, or null with the problem in French.</summary>
    private static CommuneBoundary? Feature(JsonElement feature, out string? problem)
    {
        problem = null;
        if (feature.ValueKind != JsonValueKind.Object)
        {
            problem = "chaque élément de « features » doit être un objet Feature.";
            return null;
        }
        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
            || !properties.TryGetProperty("code", out var codeElement) || codeElement.ValueKind != JsonValueKind.String)
        {
            problem = "la propriété « code » (code INSEE de la commune) est absente.";
            return null;
        }
        var code = codeElement.GetString()!;
        if (!CommuneCsvReader.CommuneCodePattern().IsMatch(code))
        {
            problem = $"« {code} » n’est pas un code commune INSEE.";
            return null;
        }
        if (!feature.TryGetProperty("geometry", out var geometry))
        {
            problem = $"la commune {code} n’a pas de « geometry ».";
            return null;
        }
        try
        {
            return new CommuneBoundary(0, code, geometry.GetRawText(), GeoBoundary.From(geometry));
        }
        catch (FormatException e)
        {
            problem = $"commune {code} : {e.Message}";
            return null;
        }
    }

    private static ImportException Error(string fileName, ReadOnlySpan<byte> json, long offset, string detail)
    {
        var (line, column) = LineAndColumn(json, offset);
        return new ImportException(fileName, line, column.ToString(CultureInfo.InvariantCulture), detail);
    }

    /// <summary>1-based line and column (in bytes, which is characters for the ASCII of the coordinates) of an offset.</summary>
    private static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> json, long offset)
    {
        var before = json[..(int)offset];
        var line = before.Count((byte)'\n') + 1;
        var lastBreak = before.LastIndexOf((byte)'\n');
        return (line, (int)offset - lastBreak);
    }
}
