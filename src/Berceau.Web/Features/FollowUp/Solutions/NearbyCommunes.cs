using Berceau.Domain.Territories;

namespace Berceau.Web.Features.FollowUp.Solutions;

/// <summary>
/// The communes around a family's one, for the childminders' section of the letter: the communes of the same département that
/// share a border with it — their drawn outlines come within <see cref="AdjacencyMetres"/> of each other — nearest first.
/// Boxes first (cheap), then the outlines of the few left. In the Seine-Saint-Denis data, 88 pairs of communes share a border
/// exactly (0 m); the next closest pair is 86 m apart (a corner, once the outlines were simplified), then 206 m: 150 m keeps
/// touching communes and leaves the diagonal ones that boxes took. Without boundaries, the communes of the same territorial
/// establishment (EPT) or EPCI.
/// </summary>
public static class NearbyCommunes
{
    /// <summary>About 300 m in degrees at the latitude of France: the gap two touching boundaries may show once simplified.</summary>
    public const double Margin = 0.003;

    /// <summary>Two outlines this close share a border (simplified outlines leave small gaps).</summary>
    public const double AdjacencyMetres = 150;

    public static IReadOnlyList<string> Of(Commune home, IEnumerable<Commune> candidates)
    {
        var others = candidates.Where(c => c.Code != home.Code && c.DepartementCode == home.DepartementCode).ToList();
        if (Outline(home) is { } outline)
        {
            var box = BoxOf(outline);
            return [.. others.Select(c => (c.Code, Outline: Outline(c)))
                .Where(c => c.Outline is { } o && BoxOf(o) is var b && b.MinLon <= box.MaxLon + Margin && b.MaxLon >= box.MinLon - Margin
                    && b.MinLat <= box.MaxLat + Margin && b.MaxLat >= box.MinLat - Margin
                    && outline.DistanceMetres(o) <= AdjacencyMetres)
                .OrderBy(c => Distance(BoxOf(c.Outline!), box)).ThenBy(c => c.Code, StringComparer.Ordinal).Select(c => c.Code)];
        }
        var group = home.EptCode ?? home.EpciCode;
        return group is null ? [] : [.. others.Where(c => (c.EptCode ?? c.EpciCode) == group).Select(c => c.Code).Order(StringComparer.Ordinal)];
    }

    private readonly record struct Box(double MinLon, double MaxLon, double MinLat, double MaxLat);

    private static GeoBoundary? Outline(Commune c) =>
        c.BoundaryGeoJson is { } json && GeoBoundary.TryParse(json, out var b, out _) ? b : null;

    private static Box BoxOf(GeoBoundary b) => new(b.MinLongitude, b.MaxLongitude, b.MinLatitude, b.MaxLatitude);

    private static double Distance(Box a, Box b)
    {
        var (ax, ay) = ((a.MinLon + a.MaxLon) / 2, (a.MinLat + a.MaxLat) / 2);
        var (bx, by) = ((b.MinLon + b.MaxLon) / 2, (b.MinLat + b.MaxLat) / 2);
        return (ax - bx) * (ax - bx) + (ay - by) * (ay - by);
    }
}
