using System.Text.Json;

namespace Berceau.Data.Import;

/// <summary>
/// A GeoJSON Polygon or MultiPolygon (WGS84, longitude first) reduced to what point placement needs: a bounding box and
/// a point-in-polygon test that respects holes. Planar math on degrees is fine at the scale of a commune.
/// </summary>
public sealed class GeoBoundary
{
    // polygon → rings (first = outer, others = holes) → vertices
    private readonly (double X, double Y)[][][] polygons;

    private GeoBoundary((double X, double Y)[][][] polygons)
    {
        this.polygons = polygons;
        var all = polygons.SelectMany(p => p[0]).ToArray();
        MinLongitude = all.Min(v => v.X);
        MaxLongitude = all.Max(v => v.X);
        MinLatitude = all.Min(v => v.Y);
        MaxLatitude = all.Max(v => v.Y);
    }

    public double MinLongitude { get; }
    public double MaxLongitude { get; }
    public double MinLatitude { get; }
    public double MaxLatitude { get; }

    /// <summary>Parses a geometry object; <see cref="FormatException"/> says what is wrong (the caller adds where).</summary>
    public static GeoBoundary Parse(string geometryJson)
    {
        using var document = JsonDocument.Parse(geometryJson);
        return From(document.RootElement);
    }

    public static GeoBoundary From(JsonElement geometry)
    {
        if (geometry.ValueKind != JsonValueKind.Object)
            throw new FormatException("la géométrie doit être un objet GeoJSON.");
        var type = geometry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
            throw new FormatException("la géométrie n’a pas de tableau « coordinates ».");
        return type switch
        {
            "Polygon" => new GeoBoundary([Polygon(coordinates)]),
            "MultiPolygon" when coordinates.GetArrayLength() > 0 => new GeoBoundary([.. coordinates.EnumerateArray().Select(Polygon)]),
            "MultiPolygon" => throw new FormatException("le MultiPolygon n’a aucun polygone."),
            _ => throw new FormatException($"type de géométrie « {type} » non pris en charge : Polygon ou MultiPolygon attendu."),
        };
    }

    public bool Contains(double longitude, double latitude)
    {
        if (longitude < MinLongitude || longitude > MaxLongitude || latitude < MinLatitude || latitude > MaxLatitude)
            return false;
        foreach (var rings in polygons)
        {
            if (!InRing(rings[0], longitude, latitude))
                continue;
            var inHole = false;
            for (var h = 1; h < rings.Length && !inHole; h++)
                inHole = InRing(rings[h], longitude, latitude);
            if (!inHole)
                return true;
        }
        return false;
    }

    /// <summary>Even-odd ray casting towards +X.</summary>
    private static bool InRing((double X, double Y)[] ring, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var (xi, yi) = ring[i];
            var (xj, yj) = ring[j];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
                inside = !inside;
        }
        return inside;
    }

    private static (double X, double Y)[][] Polygon(JsonElement rings)
    {
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
            throw new FormatException("un polygone doit avoir au moins un anneau.");
        return [.. rings.EnumerateArray().Select(Ring)];
    }

    private static (double X, double Y)[] Ring(JsonElement ring)
    {
        if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4)
            throw new FormatException("un anneau de polygone doit avoir au moins 4 positions.");
        return [.. ring.EnumerateArray().Select(position =>
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
                throw new FormatException("une position doit être [longitude, latitude].");
            var (x, y) = (position[0].GetDouble(), position[1].GetDouble());
            if (x is < -180 or > 180 || y is < -90 or > 90)
                throw new FormatException($"position [{x}, {y}] hors des bornes WGS84.");
            return (x, y);
        })];
    }
}
