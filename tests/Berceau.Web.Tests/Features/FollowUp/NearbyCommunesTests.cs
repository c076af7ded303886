using Berceau.Domain.Territories;
using Berceau.Web.Features.FollowUp.Solutions;

namespace Berceau.Web.Tests.Features.FollowUp;

/// <summary>The communes around the family's, for the childminders of the letter: touching boundaries, same département, nearest first.</summary>
public sealed class NearbyCommunesTests
{
    private static Commune Square(string code, double lon, double lat, string departement = "93", string? ept = null) => new()
    {
        Code = code, Name = code, DepartementCode = departement, EptCode = ept,
        BoundaryGeoJson = FormattableString.Invariant($$"""{"type":"Polygon","coordinates":[[[{{lon}},{{lat}}],[{{lon + 0.02}},{{lat}}],[{{lon + 0.02}},{{lat + 0.02}}],[{{lon}},{{lat + 0.02}}],[{{lon}},{{lat}}]]]}"""),
    };

    [Fact]
    public void TouchingCommunesOfTheSameDepartement_AreNear_NearestFirst_AndFarOnesAreNot()
    {
        var home = Square("93001", 2.30, 48.90);
        var east = Square("93002", 2.32, 48.90);               // shares the eastern border
        var corner = Square("93003", 2.321, 48.921);           // touches a corner, 100 m apart once simplified
        var far = Square("93004", 2.40, 48.90);
        var otherDepartement = Square("95001", 2.30, 48.92, departement: "95");

        var near = NearbyCommunes.Of(home, [home, corner, east, far, otherDepartement]);

        Assert.Equal(["93002", "93003"], near);
    }

    [Fact]
    public void ACommuneWhoseBoxOnlyTouchesDiagonally_ButWhoseOutlineIsFar_IsNotNear()
    {
        var home = Square("93001", 2.30, 48.90);
        // Its box touches the north-east corner of home's, but the triangle keeps to the far side: about 600 m away.
        var diagonal = new Commune
        {
            Code = "93005", Name = "93005", DepartementCode = "93",
            BoundaryGeoJson = """{"type":"Polygon","coordinates":[[[2.34,48.92],[2.34,48.94],[2.32,48.94],[2.34,48.92]]]}""",
        };
        var east = Square("93002", 2.32, 48.90);

        Assert.Equal(["93002"], NearbyCommunes.Of(home, [diagonal, east]));
    }

    [Fact]
    public void SharedBorder_IsAtNoDistance_AndAGapIsMeasuredInMetres()
    {
        static GeoBoundary Box(double lon, double lat) => GeoBoundary.Parse(FormattableString.Invariant(
            $$"""{"type":"Polygon","coordinates":[[[{{lon}},{{lat}}],[{{lon + 0.02}},{{lat}}],[{{lon + 0.02}},{{lat + 0.02}}],[{{lon}},{{lat + 0.02}}],[{{lon}},{{lat}}]]]}"""));

        Assert.Equal(0, Box(2.30, 48.90).DistanceMetres(Box(2.32, 48.90)), 3);
        // 0.01° of latitude ≈ 1,113 m.
        Assert.InRange(Box(2.30, 48.90).DistanceMetres(Box(2.30, 48.93)), 1100, 1125);
    }

    [Fact]
    public void WithoutBoundaries_TheCommunesOfTheSameTerritorialEstablishment_AreNear()
    {
        Commune Bare(string code, string? ept) => new() { Code = code, Name = code, DepartementCode = "93", EptCode = ept };

        Assert.Equal(["93002"], NearbyCommunes.Of(Bare("93001", "T6"), [Bare("93002", "T6"), Bare("93003", "T7")]));
        Assert.Empty(NearbyCommunes.Of(Bare("93001", null), [Bare("93002", "T6")]));
    }
}
