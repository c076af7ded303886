using System.Globalization;
using Berceau.Data.Import;
using Berceau.Data.Seed;

namespace Berceau.Data.Tests.Import;

public class OpenDataReaderTests
{
    private static string File(string name) => Path.Combine(TestData.DataFolder, name);

    [Theory]
    [InlineData("93", 39)]
    [InlineData("92", 36)]
    public void Communes_HaveTheCog2026Count_AndABoundaryEach(string departement, int count)
    {
        var communes = CommuneCsvReader.Read(File(DataFiles.Communes(departement)));
        var boundaries = CommuneBoundaryReader.Read(File(DataFiles.Boundaries(departement)));

        Assert.Equal(count, communes.Count);
        Assert.Equal(communes.Select(c => c.Code).Order(), boundaries.Keys.Order());
        Assert.All(boundaries.Values, b => Assert.StartsWith("{\"type\":\"Polygon\"", b.GeometryJson));
    }

    [Fact]
    public void Cnaf_Pierrefitte_KeepsItsPublishedRow_UnderTheCurrentCommuneSaintDenis()
    {
        var raw = TestData.RawRows(DataFiles.CnafCoverage).Single(r => r["annee"] == "2022" && r["code_commune"] == "93059");

        var pierrefitte = Assert.Single(CnafCoverageReader.Read(File(DataFiles.CnafCoverage)),
            c => c.Coverage.SourceCommuneCode == "93059" && c.Coverage.Year == 2022).Coverage;

        Assert.Equal("93066", pierrefitte.CommuneCode);
        Assert.Equal(int.Parse(raw["places_total"], CultureInfo.InvariantCulture), pierrefitte.PlacesTotal);
        Assert.Equal(decimal.Parse(raw["taux_global"], CultureInfo.InvariantCulture), pierrefitte.GlobalRate);
        Assert.Equal(decimal.Parse(raw["taux_assistantes_maternelles"], CultureInfo.InvariantCulture), pierrefitte.RateChildminders);
    }

    [Fact]
    public void Cnaf_EveryRow_GetsTheChildrenUnder3ThatGiveBackItsRates()
    {
        var rows = CnafCoverageReader.Read(File(DataFiles.CnafCoverage)).Select(c => c.Coverage).ToList();

        Assert.All(rows, c =>
        {
            Assert.NotNull(c.ChildrenUnder3);
            Assert.Empty(Berceau.Domain.Observatory.CnafDenominator.Mismatches(c.Places, c.ChildrenUnder3!.Value, c.Rates));
        });
    }

    [Fact]
    public void Cnaf_Has36CommunesOfThe93And34OfThe92_ForEachYear2017To2022()
    {
        var coverages = CnafCoverageReader.Read(File(DataFiles.CnafCoverage)).Select(c => c.Coverage).ToList();

        Assert.Equal(Enumerable.Range(2017, 6), coverages.Select(c => c.Year).Distinct().Order());
        Assert.All(coverages.GroupBy(c => c.Year), year =>
        {
            Assert.Equal(36, year.Count(c => c.SourceCommuneCode.StartsWith("93")));
            Assert.Equal(35, year.Select(c => c.CommuneCode).Distinct().Count(c => c.StartsWith("93")));   // 93059 belongs to 93066
            Assert.Equal(34, year.Count(c => c.CommuneCode.StartsWith("92")));
        });
    }

    [Fact]
    public void Births_SaintDenis2020_SumsPierrefitteAndOldSaintDenis()
    {
        var raw = TestData.RawRows(DataFiles.Births).Where(r => r["code_insee_actuel"] == "93066")
            .Sum(r => int.Parse(r["naissances_domiciliees_2020"], CultureInfo.InvariantCulture));

        var births = BirthsReader.Read(File(DataFiles.Births));

        var saintDenis = Assert.Single(births, b => b.Births.CommuneCode == "93066");
        Assert.Equal(2020, saintDenis.Births.Year);
        Assert.Equal(raw, saintDenis.Births.Births);
        Assert.Equal(75, births.Count);
    }

    [Fact]
    public void Boundaries_BrokenJson_NamesFileLineAndColumn()
    {
        using var db = new TestDatabase();
        var path = Path.Combine(db.Folder, "communes_93.geojson");
        System.IO.File.WriteAllText(path, "{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\",\"properties\":{\"code\":\"93001\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[2.3,48.9],[2.4,48.9],]]}}]}");

        var e = Assert.Throws<ImportException>(() => CommuneBoundaryReader.Read(path));

        Assert.Equal("communes_93.geojson", e.File);
        Assert.Equal(3, e.Line);
        Assert.NotNull(e.Column);
        Assert.StartsWith("communes_93.geojson, ligne 3, colonne ", e.Message);
    }

    [Fact]
    public void Boundaries_FeatureWithoutCode_IsReportedAtTheFeature()
    {
        using var db = new TestDatabase();
        var path = Path.Combine(db.Folder, "communes_93.geojson");
        System.IO.File.WriteAllText(path, "{\"type\":\"FeatureCollection\",\"features\":[\n  {\"type\":\"Feature\",\"properties\":{},\"geometry\":null}]}");

        var e = Assert.Throws<ImportException>(() => CommuneBoundaryReader.Read(path));

        Assert.Equal(2, e.Line);
        Assert.Equal("3", e.Column);
        Assert.Contains("code", e.Detail);
    }
}
