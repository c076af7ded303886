using Berceau.Domain.Territories;

namespace Berceau.Domain.Tests.Territories;

public class SectorTests
{
    // A commune shaped as the square (0,0)–(10,10).
    private static readonly Commune Commune = new()
    {
        Code = "93999",
        Name = "Villetest",
        DepartementCode = "93",
        BoundaryGeoJson = GeoBoundaryTests.Square(0, 0, 10, 10),
    };

    [Fact]
    public void Check_WhenNameAndBoundaryAreValid_ReturnsTheTrimmedNameAndTheShape()
    {
        var outcome = Sector.Check("  Centre-ville ", GeoBoundaryTests.Square(2, 2, 4, 4), Commune);

        Assert.True(outcome.IsSuccess);
        Assert.Equal("Centre-ville", outcome.Value.Name);
        Assert.True(outcome.Value.Boundary!.Contains(3, 3));
    }

    [Fact]
    public void Check_WithoutBoundary_IsValid()
    {
        var outcome = Sector.Check("Nord", "  ", Commune);

        Assert.True(outcome.IsSuccess);
        Assert.Null(outcome.Value.Boundary);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Check_WhenNameIsMissing_AsksForIt(string? name)
    {
        var problem = Assert.Single(Sector.Check(name, null, Commune).Problems);

        Assert.Equal(("sector-name-required", "Name", "Saisissez le nom du secteur."), (problem.Code, problem.Field, problem.Message));
    }

    [Fact]
    public void Check_WhenNameIsTooLong_SaysTheLimit()
    {
        var problem = Assert.Single(Sector.Check(new string('a', Sector.MaxNameLength + 1), null, Commune).Problems);

        Assert.Equal(("too-long", "Name"), (problem.Code, problem.Field));
        Assert.Contains("100 caractères", problem.Message);
    }

    [Fact]
    public void Check_WhenBoundaryIsMalformed_NamesTheFieldAndTheReason()
    {
        var problem = Assert.Single(Sector.Check("Nord", """{"type":"Polygon","coordinates":[[[1,1],[2,1],[2,2]]]}""", Commune).Problems);

        Assert.Equal(("sector-boundary-invalid", "BoundaryGeoJson"), (problem.Code, problem.Field));
        Assert.StartsWith("Le contour n’est pas un polygone GeoJSON valide : un anneau de polygone doit avoir au moins 4 positions", problem.Message);
    }

    [Fact]
    public void Check_WhenBoundaryIsOutsideTheCommune_RefusesIt()
    {
        var problem = Assert.Single(Sector.Check("Ailleurs", GeoBoundaryTests.Square(20, 20, 21, 21), Commune).Problems);

        Assert.Equal(("sector-boundary-outside", "BoundaryGeoJson"), (problem.Code, problem.Field));
        Assert.Contains("Villetest", problem.Message);
    }

    [Fact]
    public void Check_WhenBoundaryIsPartlyOnTheCommune_AcceptsIt()
    {
        Assert.True(Sector.Check("Frontière", GeoBoundaryTests.Square(8, 8, 12, 12), Commune).IsSuccess);
    }

    [Fact]
    public void Check_WhenTheCommuneHasNoKnownBoundary_CannotTellOutsideAndAccepts()
    {
        var unknown = new Commune { Code = "93998", Name = "Sans contour", DepartementCode = "93" };

        Assert.True(Sector.Check("Nord", GeoBoundaryTests.Square(20, 20, 21, 21), unknown).IsSuccess);
    }

    [Fact]
    public void Check_ReportsNameAndBoundaryProblemsTogether()
    {
        var problems = Sector.Check("", "pas du json", Commune).Problems;

        Assert.Equal(["Name", "BoundaryGeoJson"], problems.Select(p => p.Field));
    }

    [Fact]
    public void CreateAndRedraw_StoreTheCompactBoundaryAndCountVersions()
    {
        var sector = Sector.Create(Commune.Code, Sector.Check("Nord", GeoBoundaryTests.Square(2, 2, 4, 4), Commune).Value);
        var version = sector.Version;

        sector.Redraw(Sector.Check("Nord", null, Commune).Value);

        Assert.Null(sector.BoundaryGeoJson);
        Assert.Equal(version + 1, sector.Version);
    }
}
