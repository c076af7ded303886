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
    public void Cnaf_SaintDenis_IsTheSumOfPierrefitteAndOldSaintDenis_WithoutARate()
    {
        var raw = TestData.RawRows(DataFiles.CnafCoverage).Where(r => r["annee"] == "2022" && r["code_commune"] is "93059" or "93066").ToList();
        int Sum(string column) => raw.Sum(r => int.Parse(r[column], CultureInfo.InvariantCulture));

        var saintDenis = Assert.Single(CnafCoverageReader.Read(File(DataFiles.CnafCoverage)),
            c => c.Coverage.CommuneCode == "93066" && c.Coverage.Year == 2022);

        Assert.Equal(2, raw.Count);
        Assert.Equal(2, saintDenis.SourceRows);
        Assert.Equal(Sum("places_eaje_psu"), saintDenis.Coverage.PlacesEajePsu);
        Assert.Equal(Sum("places_eaje_hors_psu"), saintDenis.Coverage.PlacesEajeNonPsu);
        Assert.Equal(Sum("places_assistantes_maternelles"), saintDenis.Coverage.PlacesChildminders);
        Assert.Equal(Sum("places_total"), saintDenis.Coverage.PlacesTotal);
        Assert.Null(saintDenis.Coverage.GlobalRate);
    }

    [Fact]
    public void Cnaf_UnmergedCommune_KeepsThePublishedRate()
    {
        var raw = TestData.RawRows(DataFiles.CnafCoverage).Single(r => r["annee"] == "2022" && r["code_commune"] == "93008");

        var bobigny = CnafCoverageReader.Read(File(DataFiles.CnafCoverage)).Single(c => c.Coverage.CommuneCode == "93008" && c.Coverage.Year == 2022);

        Assert.Equal(decimal.Parse(raw["taux_global"], CultureInfo.InvariantCulture), bobigny.Coverage.GlobalRate);
        Assert.Equal(1, bobigny.SourceRows);
    }

    [Fact]
    public void Cnaf_Has36CommunesOfThe93And34OfThe92_ForEachYear2017To2022()
    {
        var coverages = CnafCoverageReader.Read(File(DataFiles.CnafCoverage)).Select(c => c.Coverage).ToList();

        Assert.Equal(Enumerable.Range(2017, 6), coverages.Select(c => c.Year).Distinct().Order());
        Assert.All(coverages.GroupBy(c => c.Year), year =>
        {
            Assert.Equal(35, year.Count(c => c.CommuneCode.StartsWith("93")));   // 36 Cnaf rows, 93059 merged into 93066
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
