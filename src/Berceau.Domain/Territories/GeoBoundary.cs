using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Berceau.Domain.Territories;

/// <summary>
/// A GeoJSON Polygon or MultiPolygon (WGS84, longitude first): the boundary of a commune or of a sector. Parsing checks what
/// RFC 7946 asks of a polygon (closed rings of at least 4 positions, valid longitudes and latitudes); the shape answers
/// point-in-polygon (holes respected) and whether it overlaps another shape. Planar math on degrees is fine at the scale
/// of a commune.
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
        try
        {
            using var document = JsonDocument.Parse(geometryJson);
            return From(document.RootElement);
        }
        catch (JsonException)
        {
            throw new FormatException("le texte n’est pas du JSON valide (vérifiez les crochets, les virgules et les guillemets).");
        }
    }

    /// <summary>Like <see cref="Parse"/>, with the reason as a value: for text typed by a person.</summary>
    public static bool TryParse(string geometryJson, out GeoBoundary? boundary, out string? error)
    {
        try
        {
            boundary = Parse(geometryJson);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            boundary = null;
            error = e.Message;
            return false;
        }
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

    /// <summary>
    /// True when the two shapes share some area: a vertex of one lies inside the other, or two of their edges cross.
    /// Shapes that only touch along a border may answer either way, which is all a "drawn on the commune" check needs.
    /// </summary>
    public bool Overlaps(GeoBoundary other)
    {
        if (other.MaxLongitude < MinLongitude || other.MinLongitude > MaxLongitude
            || other.MaxLatitude < MinLatitude || other.MinLatitude > MaxLatitude)
            return false;
        if (Rings().Any(r => r.Any(v => other.Contains(v.X, v.Y))) || other.Rings().Any(r => r.Any(v => Contains(v.X, v.Y))))
            return true;
        // No vertex inside the other shape, yet they may still cross (two long thin rectangles forming a "+").
        foreach (var ring in Rings())
            foreach (var otherRing in other.Rings())
                for (var i = 1; i < ring.Length; i++)
                    for (var j = 1; j < otherRing.Length; j++)
                        if (Cross(ring[i - 1], ring[i], otherRing[j - 1], otherRing[j]))
                            return true;
        return false;
    }

    /// <summary>
    /// The geometry written back as compact GeoJSON (type and coordinates only, 6 decimals ≈ 10 cm): what is stored,
    /// whatever spacing or extra members the text had.
    /// </summary>
    public string ToGeoJson()
    {
        var json = new StringBuilder(64 + polygons.Sum(p => p.Sum(r => r.Length)) * 24);
        var multi = polygons.Length > 1;
        json.Append(multi ? """{"type":"MultiPolygon","coordinates":[""" : """{"type":"Polygon","coordinates":""");
        for (var p = 0; p < polygons.Length; p++)
        {
            if (p > 0) json.Append(',');
            json.Append('[');
            for (var r = 0; r < polygons[p].Length; r++)
            {
                if (r > 0) json.Append(',');
                json.Append('[');
                var ring = polygons[p][r];
                for (var v = 0; v < ring.Length; v++)
                {
                    if (v > 0) json.Append(',');
                    json.Append('[').Append(Number(ring[v].X)).Append(',').Append(Number(ring[v].Y)).Append(']');
                }
                json.Append(']');
            }
            json.Append(']');
        }
        json.Append(multi ? "]}" : "}");
        return json.ToString();
    }

    /// <summary>
    /// The shortest distance between the two outlines, in metres (each vertex against each edge of the other, on a local flat
    /// projection: exact enough at a commune's scale). 0 when they share a border.
    /// </summary>
    public double DistanceMetres(GeoBoundary other)
    {
        // Metres per degree at the shapes' latitude; longitudes shrink with the cosine of the latitude.
        const double metresPerDegree = 111_320;
        var cos = Math.Cos((MinLatitude + MaxLatitude + other.MinLatitude + other.MaxLatitude) / 4 * Math.PI / 180);
        (double X, double Y) Flat((double X, double Y) v) => (v.X * metresPerDegree * cos, v.Y * metresPerDegree);
        var mine = Rings().Select(r => r.Select(Flat).ToArray()).ToList();
        var theirs = other.Rings().Select(r => r.Select(Flat).ToArray()).ToList();
        var best = double.MaxValue;
        foreach (var a in mine)
            foreach (var b in theirs)
                best = Math.Min(best, Math.Min(VertexToEdges(a, b), VertexToEdges(b, a)));
        return best;
    }

    private static double VertexToEdges((double X, double Y)[] vertices, (double X, double Y)[] ring)
    {
        var best = double.MaxValue;
        foreach (var p in vertices)
            for (var i = 1; i < ring.Length; i++)
            {
                var (a, b) = (ring[i - 1], ring[i]);
                var (dx, dy) = (b.X - a.X, b.Y - a.Y);
                var length = dx * dx + dy * dy;
                var t = length == 0 ? 0 : Math.Clamp(((p.X - a.X) * dx + (p.Y - a.Y) * dy) / length, 0, 1);
                var (ex, ey) = (p.X - a.X - t * dx, p.Y - a.Y - t * dy);
                best = Math.Min(best, Math.Sqrt(ex * ex + ey * ey));
            }
        return best;
    }

    private IEnumerable<(double X, double Y)[]> Rings() => polygons.SelectMany(p => p);

    private static string Number(double value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);

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

    /// <summary>Segments ab and cd cross at a point inside both (orientation test; collinear overlaps are not counted).</summary>
    private static bool Cross((double X, double Y) a, (double X, double Y) b, (double X, double Y) c, (double X, double Y) d)
    {
        static double Orientation((double X, double Y) p, (double X, double Y) q, (double X, double Y) r) =>
            (q.X - p.X) * (r.Y - p.Y) - (q.Y - p.Y) * (r.X - p.X);
        var (o1, o2) = (Orientation(a, b, c), Orientation(a, b, d));
        var (o3, o4) = (Orientation(c, d, a), Orientation(c, d, b));
        return ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0));
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
            throw new FormatException("un anneau de polygone doit avoir au moins 4 positions (3 sommets, puis le premier répété pour le fermer).");
        (double X, double Y)[] vertices = [.. ring.EnumerateArray().Select(position =>
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
                throw new FormatException("une position doit être [longitude, latitude].");
            var (x, y) = (position[0].GetDouble(), position[1].GetDouble());
            if (!double.IsFinite(x) || !double.IsFinite(y) || x is < -180 or > 180 || y is < -90 or > 90)
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"position [{x}, {y}] hors des bornes WGS84 (longitude de -180 à 180, latitude de -90 à 90)."));
            return (x, y);
        })];
        // RFC 7946 §3.1.6: the last position repeats the first. An open ring is a drawing left unfinished.
        if (vertices[0] != vertices[^1])
            throw new FormatException("un anneau de polygone doit être fermé : sa dernière position doit répéter la première.");
        return vertices;
    }
}
