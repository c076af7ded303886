using Berceau.Domain.Territories;

namespace Berceau.Web.Features.FollowUp.Solutions;

/// <summary>
/// The communes around a family's one, for the childminders' section of the letter: the communes of the same département whose
/// drawn boundary touches or comes within about 300 m of it (boxes compared, which is enough to say « near »), nearest first.
/// Without boundaries, the communes of the same territorial establishment (EPT) or EPCI.
/// </summary>
public static class NearbyCommunes
{
    /// <summary>About 300 m in degrees at the latitude of France: the gap two touching boundaries may show once simplified.</summary>
    public const double Margin = 0.003;

    public static IReadOnlyList<string> Of(Commune home, IEnumerable<Commune> candidates)
    {
        var others = candidates.Where(c => c.Code != home.Code && c.DepartementCode == home.DepartementCode).ToList();
        if (Boundary(home) is { } box)
        {
            return [.. others.Select(c => (c.Code, Box: Boundary(c)))
                .Where(c => c.Box is { } b && b.MinLon <= box.MaxLon + Margin && b.MaxLon >= box.MinLon - Margin
                    && b.MinLat <= box.MaxLat + Margin && b.MaxLat >= box.MinLat - Margin)
                .OrderBy(c => Distance(c.Box!.Value, box)).ThenBy(c => c.Code, StringComparer.Ordinal).Select(c => c.Code)];
        }
        var group = home.EptCode ?? home.EpciCode;
        return group is null ? [] : [.. others.Where(c => (c.EptCode ?? c.EpciCode) == group).Select(c => c.Code).Order(StringComparer.Ordinal)];
    }

    private readonly record struct Box(double MinLon, double MaxLon, double MinLat, double MaxLat);

    private static Box? Boundary(Commune c) =>
        c.BoundaryGeoJson is { } json && GeoBoundary.TryParse(json, out var b, out _)
            ? new Box(b!.MinLongitude, b.MaxLongitude, b.MinLatitude, b.MaxLatitude) : null;

    private static double Distance(Box a, Box b)
    {
        var (ax, ay) = ((a.MinLon + a.MaxLon) / 2, (a.MinLat + a.MaxLat) / 2);
        var (bx, by) = ((b.MinLon + b.MaxLon) / 2, (b.MinLat + b.MaxLat) / 2);
        return (ax - bx) * (ax - bx) + (ay - by) * (ay - by);
    }
}
