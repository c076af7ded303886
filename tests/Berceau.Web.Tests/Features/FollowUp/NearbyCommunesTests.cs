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
    public void WithoutBoundaries_TheCommunesOfTheSameTerritorialEstablishment_AreNear()
    {
        Commune Bare(string code, string? ept) => new() { Code = code, Name = code, DepartementCode = "93", EptCode = ept };

        Assert.Equal(["93002"], NearbyCommunes.Of(Bare("93001", "T6"), [Bare("93002", "T6"), Bare("93003", "T7")]));
        Assert.Empty(NearbyCommunes.Of(Bare("93001", null), [Bare("93002", "T6")]));
    }
}
