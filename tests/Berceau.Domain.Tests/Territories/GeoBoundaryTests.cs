using Berceau.Domain.Territories;

namespace Berceau.Domain.Tests.Territories;

public class GeoBoundaryTests
{
    // A 10 × 10 square with a 2 × 2 hole in the middle, and a second square far away.
    private const string SquareWithHole =
        """{"type":"MultiPolygon","coordinates":[[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[6,4],[6,6],[4,6],[4,4]]],[[[20,20],[21,20],[21,21],[20,21],[20,20]]]]}""";

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(9.5, 2, true)]
    [InlineData(5, 5, false)]     // in the hole
    [InlineData(11, 5, false)]
    [InlineData(15, 15, false)]   // in the bounding box, between the two polygons
    [InlineData(20.5, 20.5, true)]
    public void Contains_RespectsHolesAndEveryPolygon(double x, double y, bool expected)
    {
        var boundary = GeoBoundary.Parse(SquareWithHole);

        Assert.Equal(expected, boundary.Contains(x, y));
    }

    [Fact]
    public void Parse_Point_IsRefused()
    {
        var e = Assert.Throws<FormatException>(() => GeoBoundary.Parse("""{"type":"Point","coordinates":[2.4,48.9]}"""));

        Assert.Contains("Point", e.Message);
    }

    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}""", "fermé")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}""", "au moins 4 positions")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[200,0],[1,1],[0,0]]]}""", "hors des bornes WGS84")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,95],[0,0]]]}""", "hors des bornes WGS84")]
    [InlineData("""{"type":"Polygon","coordinates":[[["0","0"],[1,0],[1,1],[0,0]]]}""", "[longitude, latitude]")]
    [InlineData("""{"type":"Polygon","coordinates":[]}""", "au moins un anneau")]
    [InlineData("""{"type":"Polygon"}""", "coordinates")]
    [InlineData("""{"type":"MultiPolygon","coordinates":[]}""", "aucun polygone")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]""", "pas du JSON valide")]
    [InlineData("""[1,2]""", "objet GeoJSON")]
    public void TryParse_WhenNotAClosedPolygon_SaysWhatIsWrongInFrench(string json, string expected)
    {
        Assert.False(GeoBoundary.TryParse(json, out var boundary, out var error));

        Assert.Null(boundary);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void ToGeoJson_WritesTypeAndCoordinatesOnly_RoundedTo6Decimals()
    {
        var boundary = GeoBoundary.Parse(
            """{ "type": "Polygon", "bbox": [0, 0, 1, 1], "coordinates": [[[2.123456789, 48.1], [2.2, 48.1], [2.2, 48.2], [2.123456789, 48.1]]] }""");

        Assert.Equal("""{"type":"Polygon","coordinates":[[[2.123457,48.1],[2.2,48.1],[2.2,48.2],[2.123457,48.1]]]}""", boundary.ToGeoJson());
    }

    [Fact]
    public void ToGeoJson_OfAMultiPolygon_ParsesBackToTheSameShape()
    {
        var text = GeoBoundary.Parse(SquareWithHole).ToGeoJson();

        Assert.StartsWith("""{"type":"MultiPolygon","coordinates":[[[[0,0],""", text);
        Assert.Equal(text, GeoBoundary.Parse(text).ToGeoJson());
        Assert.False(GeoBoundary.Parse(text).Contains(5, 5));
    }

    [Theory]
    [InlineData(2, 2, 3, 3, true)]       // a small square inside the big one
    [InlineData(9, 9, 12, 12, true)]     // across the border
    [InlineData(-5, -5, 15, 15, true)]   // around it entirely: no vertex of it inside, every vertex of the square inside it
    [InlineData(4.5, 4.5, 5.5, 5.5, false)] // in the hole
    [InlineData(11, 11, 12, 12, false)]  // outside, within the bounding box of the MultiPolygon
    [InlineData(30, 30, 31, 31, false)]  // far away
    public void Overlaps_TellsWhetherTwoShapesShareSomeArea(double minX, double minY, double maxX, double maxY, bool expected)
    {
        var shape = GeoBoundary.Parse(SquareWithHole);
        var square = GeoBoundary.Parse(Square(minX, minY, maxX, maxY));

        Assert.Equal(expected, shape.Overlaps(square));
        Assert.Equal(expected, square.Overlaps(shape));
    }

    [Fact]
    public void Overlaps_TwoRectanglesCrossingLikeAPlus_Overlap()
    {
        // No vertex of either is inside the other: only their edges cross.
        var horizontal = GeoBoundary.Parse(Square(0, 4, 10, 6));
        var vertical = GeoBoundary.Parse(Square(4, 0, 6, 10));

        Assert.True(horizontal.Overlaps(vertical));
    }

    internal static string Square(double minX, double minY, double maxX, double maxY) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $$"""{"type":"Polygon","coordinates":[[[{{minX}},{{minY}}],[{{maxX}},{{minY}}],[{{maxX}},{{maxY}}],[{{minX}},{{maxY}}],[{{minX}},{{minY}}]]]}""");
}
