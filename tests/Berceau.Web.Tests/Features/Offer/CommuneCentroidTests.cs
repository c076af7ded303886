using Berceau.Web.Features.Offer;

namespace Berceau.Web.Tests.Features.Offer;

public sealed class CommuneCentroidTests
{
    [Fact]
    public void Of_WhenSquare_ReturnsItsCentre()
    {
        var centroid = CommuneCentroid.Of("""{"type":"Polygon","coordinates":[[[2,48],[3,48],[3,49],[2,49],[2,48]]]}""");

        Assert.Equal((48.5, 2.5), centroid);
    }

    [Fact]
    public void Of_WhenSquareHasAHoleOnItsLeft_MovesRight()
    {
        var centroid = CommuneCentroid.Of("""
            {"type":"MultiPolygon","coordinates":[[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[0,0],[0,4],[2,4],[2,0],[0,0]]]]}
            """)!.Value;

        Assert.Equal(2, centroid.Latitude, 9);
        Assert.Equal(3, centroid.Longitude, 9);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pas du json")]
    [InlineData("""{"type":"Point","coordinates":[2,48]}""")]
    public void Of_WhenNoArea_ReturnsNull(string? geometry) => Assert.Null(CommuneCentroid.Of(geometry));
}
