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
}
