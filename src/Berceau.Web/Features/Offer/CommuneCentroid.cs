using System.Text.Json;

namespace Berceau.Web.Features.Offer;

/// <summary>
/// The centroid (centre of mass) of a commune's boundary, where a facility is placed on the map when its exact position
/// is not known. Planar math on degrees: at the scale of a commune the distortion is far below a street's width.
/// </summary>
public static class CommuneCentroid
{
    /// <summary>(latitude, longitude) of the centroid of a GeoJSON Polygon or MultiPolygon, or null if it has no area.</summary>
    public static (double Latitude, double Longitude)? Of(string? geometryJson)
    {
        if (string.IsNullOrWhiteSpace(geometryJson))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(geometryJson);
            var root = document.RootElement;
            var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (!root.TryGetProperty("coordinates", out var coordinates)) return null;
            IEnumerable<JsonElement> polygons = type switch
            {
                "Polygon" => [coordinates],
                "MultiPolygon" => coordinates.EnumerateArray(),
                _ => [],
            };
            double area = 0, x = 0, y = 0;
            foreach (var polygon in polygons)
            {
                // Rings after the first are holes: their area is subtracted, whatever the orientation the file gave them.
                var first = true;
                foreach (var ring in polygon.EnumerateArray())
                {
                    var (a, cx, cy) = Ring(ring);
                    var weight = first ? Math.Abs(a) : -Math.Abs(a);
                    area += weight;
                    x += weight * cx;
                    y += weight * cy;
                    first = false;
                }
            }
            if (Math.Abs(area) < 1e-12) return null;
            return (y / area, x / area);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            // A malformed boundary is an import problem, not the form's: the caller falls back to another position.
            return null;
        }
    }

    /// <summary>Shoelace formula: signed area and centroid of one ring (longitude = x, latitude = y).</summary>
    private static (double Area, double X, double Y) Ring(JsonElement ring)
    {
        var points = ring.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        double twiceArea = 0, cx = 0, cy = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var (x0, y0) = points[i];
            var (x1, y1) = points[(i + 1) % points.Count];
            var cross = x0 * y1 - x1 * y0;
            twiceArea += cross;
            cx += (x0 + x1) * cross;
            cy += (y0 + y1) * cross;
        }
        if (Math.Abs(twiceArea) < 1e-15) return (0, 0, 0);
        return (twiceArea / 2, cx / (3 * twiceArea), cy / (3 * twiceArea));
    }
}
