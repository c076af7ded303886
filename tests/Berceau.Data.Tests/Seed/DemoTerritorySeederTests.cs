using Berceau.Data.Import;
using Berceau.Data.Seed;
using Berceau.Domain.Offer;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Berceau.Data.Tests.Seed;

public class DemoTerritorySeederTests(SeededTerritory seeded, ITestOutputHelper output) : IClassFixture<SeededTerritory>
{
    private static readonly string[] SmallCommunes93 = ["93015", "93033", "93039", "93074"];
    private static readonly string[] SmallCommunes92 = ["92047", "92076"];

    [Theory]
    [InlineData("93", 39)]
    [InlineData("92", 36)]
    public void Seed_InsertsEveryCurrentCommune(string departement, int count)
    {
        var communes = seeded.Communes.Where(c => c.DepartementCode == departement).ToList();

        Assert.Equal(count, communes.Count);
        Assert.All(communes, c =>
        {
            Assert.Equal("200054781", c.EpciCode);
            Assert.NotNull(c.EptCode);
            Assert.True(c.Population > 0);
            Assert.NotEmpty(c.PostalCodeList);
            Assert.StartsWith("{\"type\":\"Polygon\"", c.BoundaryGeoJson);
        });
    }

    [Fact]
    public void Seed_InsertsTheEptsAndTheMetropoleOnce()
    {
        var metropole = Assert.Single(seeded.Intercommunalities, i => i.Kind == IntercommunalityKind.Epci);
        Assert.Equal("200054781", metropole.Code);
        Assert.Equal("Métropole du Grand Paris", metropole.Name);
        Assert.Equal(seeded.Communes.Select(c => c.EptCode).Distinct().Order(),
            seeded.Intercommunalities.Where(i => i.Kind == IntercommunalityKind.Ept).Select(i => i.Code).Order());
        int Epts(string departement) => seeded.Communes.Where(c => c.DepartementCode == departement).Select(c => c.EptCode).Distinct().Count();
        Assert.Equal(1 + Epts("93"), seeded.Report93.Intercommunalities);
        Assert.Equal(Epts("92"), seeded.Report92.Intercommunalities);
    }

    [Fact]
    public void Seed_KeepsEveryCnafRowAsPublished_Pierrefitte93059UnderSaintDenis93066()
    {
        var raw = TestData.RawRows(DataFiles.CnafCoverage).Where(r => r["annee"] == "2022" && r["code_commune"] is "93059" or "93066").ToList();

        var saintDenis = seeded.Coverages.Where(c => c.CommuneCode == "93066" && c.Year == 2022).OrderBy(c => c.SourceCommuneCode).ToList();

        Assert.Equal(["93059", "93066"], saintDenis.Select(c => c.SourceCommuneCode));
        Assert.Equal(raw.OrderBy(r => r["code_commune"]).Select(r => int.Parse(r["places_total"])), saintDenis.Select(c => c.PlacesTotal));
        Assert.Equal(raw.OrderBy(r => r["code_commune"]).Select(r => (decimal?)decimal.Parse(r["taux_global"], System.Globalization.CultureInfo.InvariantCulture)),
            saintDenis.Select(c => c.GlobalRate));
        Assert.Equal(6 * 36 + 6 * 34, seeded.Coverages.Count);
        Assert.Equal(75, seeded.Births.Count);
    }

    [Theory]
    [InlineData("93")]
    [InlineData("92")]
    public void Seed_PlacesPerCategory_EqualCnaf2022_OrTheDepartementRatioForSmallCommunes(string departement)
    {
        var communes = seeded.Communes.Where(c => c.DepartementCode == departement).ToList();
        // Saint-Denis (93066) adds up its own row and Pierrefitte's (93059).
        var cnaf2022 = seeded.Coverages.Where(c => c.Year == 2022 && c.CommuneCode.StartsWith(departement))
            .GroupBy(c => c.CommuneCode)
            .ToDictionary(g => g.Key, g => new CnafCoverage
            {
                Year = 2022, SourceCommuneCode = g.Key, CommuneCode = g.Key,
                PlacesEajePsu = g.Sum(c => c.PlacesEajePsu), PlacesEajeNonPsu = g.Sum(c => c.PlacesEajeNonPsu), PlacesChildminders = g.Sum(c => c.PlacesChildminders),
            });
        decimal populationWithCnaf = communes.Where(c => cnaf2022.ContainsKey(c.Code)).Sum(c => c.Population);
        int Ratio(Commune commune, Func<CnafCoverage, int> places) =>
            (int)Math.Round(cnaf2022.Values.Sum(places) * commune.Population / populationWithCnaf, MidpointRounding.AwayFromZero);

        Assert.Equal(departement == "93" ? SmallCommunes93 : SmallCommunes92, communes.Select(c => c.Code).Where(c => !cnaf2022.ContainsKey(c)).Order());
        foreach (var commune in communes)
        {
            var offer = seeded.Facilities.Where(f => f.CommuneCode == commune.Code).ToList();
            var psu = offer.Where(f => f.IsPsu).Sum(f => f.Capacity);
            var nonPsu = offer.Where(f => f.Mode == CareMode.MicroCreche && !f.IsPsu).Sum(f => f.Capacity);
            var childminders = offer.Where(f => f.Mode is CareMode.AssistantMaternel or CareMode.Mam).Sum(f => f.Capacity);
            var expected = cnaf2022.TryGetValue(commune.Code, out var c)
                ? (c.PlacesEajePsu, c.PlacesEajeNonPsu, c.PlacesChildminders)
                : (Ratio(commune, x => x.PlacesEajePsu), Ratio(commune, x => x.PlacesEajeNonPsu), Ratio(commune, x => x.PlacesChildminders));

            Assert.True(expected == (psu, nonPsu, childminders), $"{commune.Code} {commune.Name}: expected {expected}, generated {(psu, nonPsu, childminders)}");
            Assert.True(expected.Item1 + expected.Item2 + expected.Item3 > 0, commune.Code);
        }
        var report = departement == "93" ? seeded.Report93 : seeded.Report92;
        output.WriteLine($"{departement} seeded in {(departement == "93" ? seeded.Elapsed93 : seeded.Elapsed92).TotalSeconds:F2} s: {report}");
    }

    [Fact]
    public void Seed_EveryFacility_LiesInsideItsCommuneBoundary()
    {
        var boundaries = seeded.Communes.ToDictionary(c => c.Code, c => GeoBoundary.Parse(c.BoundaryGeoJson!));

        Assert.All(seeded.Facilities, f => Assert.True(boundaries[f.CommuneCode].Contains(f.Longitude, f.Latitude), $"{f.Name} ({f.CommuneCode}) at {f.Latitude}, {f.Longitude}"));
    }

    [Fact]
    public void Seed_CollectiveSections_SumToTheCapacity_WithoutOverlappingAges()
    {
        var collective = seeded.Facilities.Where(f => f.Mode.IsCollective()).ToList();

        Assert.NotEmpty(collective);
        Assert.All(collective, f =>
        {
            Assert.NotEmpty(f.Sections);
            Assert.All(f.Sections, s => Assert.True(s.Places >= 1 && s.MinAgeMonths <= s.MaxAgeMonths, f.Name));
            var ordered = f.Sections.OrderBy(s => s.MinAgeMonths).ToList();
            for (var i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i].MinAgeMonths > ordered[i - 1].MaxAgeMonths, $"{f.Name}: {ordered[i - 1].Name} and {ordered[i].Name} overlap");
            Assert.Equal(f.Capacity, f.Sections.Sum(s => s.Places));
            Assert.Equal(f.Capacity <= 12 ? 1 : 3, f.Sections.Count);
            Assert.Null(f.Agrement);
        });
    }

    [Fact]
    public void Seed_Facilities_AreDemoWithFictionalContactsAndPlausibleAttributes()
    {
        var facilities = seeded.Facilities;

        Assert.All(facilities, f =>
        {
            Assert.True(f.IsDemo);
            Assert.Matches(@"^01 99 00 \d\d \d\d$", f.Phone);
            Assert.Matches(@"^\d+ \S", f.Street);
            Assert.Contains(f.PostalCode, seeded.Communes.Single(c => c.Code == f.CommuneCode).PostalCodeList);
            Assert.NotNull(f.OpensAt);
        });
        var childminders = facilities.Where(f => f.Mode == CareMode.AssistantMaternel).ToList();
        Assert.All(childminders, f =>
        {
            Assert.Matches(@"^\p{L}+ [A-Z]\.$", f.Name);
            Assert.Null(f.Email);
            Assert.Empty(f.Sections);
            Assert.NotNull(f.Agrement);
            Assert.InRange(f.Agrement!.Children, 1, 4);
            Assert.Contains(f.Agrement.MinAgeMonths, new[] { 0, 3 });
            Assert.Equal(48, f.Agrement.MaxAgeMonths);
            Assert.InRange(f.Agrement.ValidUntil!.Value, DateOnly.FromDateTime(TestData.Now.UtcDateTime).AddYears(1), DateOnly.FromDateTime(TestData.Now.UtcDateTime).AddYears(5));
            Assert.Matches(@"^DEMO-9[23]-\d{5}$", f.Agrement.Number);
        });
        Assert.InRange(childminders.Count(f => f.Agrement!.Children >= 3) / (double)childminders.Count, 0.7, 0.95);
        Assert.InRange(childminders.Count(f => f.Languages is not null) / (double)childminders.Count, 0.10, 0.20);
        Assert.Equal(childminders.Count + facilities.Count(f => f.Mode == CareMode.Mam),
            facilities.Where(f => f.Agrement is not null).Select(f => f.Agrement!.Number).Distinct().Count());
        Assert.All(facilities.Where(f => f.Mode == CareMode.Mam), f => Assert.InRange(f.Capacity, 8, 16));
        Assert.All(facilities.Where(f => f.Mode == CareMode.MicroCreche), f => Assert.InRange(f.Capacity, 1, 12));
        Assert.All(facilities.Where(f => f.Mode == CareMode.MicroCreche && !f.IsPsu), f => Assert.Equal(ManagerType.Private, f.ManagerType));
        Assert.InRange(facilities.Count(f => f.DisabilityInclusion) / (double)facilities.Count(f => !f.Mode.IsService()), 0.15, 0.25);
        Assert.InRange(facilities.Count(f => f.AtypicalHours) / (double)facilities.Count, 0.03, 0.07);
        Assert.Contains(facilities, f => f.Mode == CareMode.CrecheFamiliale);
        Assert.Contains(facilities, f => f.Mode == CareMode.CrecheParentale);
        Assert.Contains(facilities, f => f.Mode == CareMode.MicroCreche && f.IsPsu);
        Assert.All(facilities.Where(f => f.Mode != CareMode.AssistantMaternel).GroupBy(f => f.CommuneCode), g =>
            Assert.Equal(g.Count(), g.Select(f => f.Name).Distinct().Count()));
    }

    [Fact]
    public void Seed_RpeInEveryCommuneOf10000_AndLaepInAboutHalf()
    {
        var rpe = seeded.Facilities.Where(f => f.Mode == CareMode.Rpe).Select(f => f.CommuneCode).Order().ToList();
        var laep = seeded.Facilities.Count(f => f.Mode == CareMode.Laep);

        Assert.Equal(seeded.Communes.Where(c => c.Population >= 10_000).Select(c => c.Code).Order(), rpe);
        Assert.InRange(laep, seeded.Communes.Count * 0.3, seeded.Communes.Count * 0.7);
        Assert.All(seeded.Facilities.Where(f => f.Mode.IsService()), f =>
        {
            Assert.Equal(0, f.Capacity);
            Assert.Empty(f.Sections);
            Assert.Null(f.Agrement);
        });
    }

    [Fact]
    public void Seed_Vacancies_AreRecentAndWithinTheFacilitysAges()
    {
        var now = TestData.Now;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var collective = seeded.Facilities.Where(f => f.Mode.IsCollective()).ToList();
        var childminders = seeded.Facilities.Where(f => f.Mode == CareMode.AssistantMaternel).ToList();

        Assert.InRange(collective.Count(f => f.Vacancies.Count > 0) / (double)collective.Count, 0.10, 0.20);
        Assert.InRange(childminders.Count(f => f.Vacancies.Count > 0) / (double)childminders.Count, 0.20, 0.30);
        Assert.All(seeded.Facilities.Where(f => f.Vacancies.Count > 0), f =>
        {
            var vacancy = Assert.Single(f.Vacancies);
            Assert.InRange(vacancy.From, today.AddDays(-15), today.AddDays(60));
            Assert.InRange(vacancy.DeclaredAt, now.AddDays(-30), now);
            if (f.Mode.IsCollective())
            {
                var section = Assert.Single(f.Sections, s => s.Id == vacancy.SectionId);
                Assert.InRange(vacancy.Places, 1, Math.Min(3, section.Places));
                Assert.Equal((section.MinAgeMonths, section.MaxAgeMonths), (vacancy.MinAgeMonths, vacancy.MaxAgeMonths));
            }
            else
            {
                Assert.Null(vacancy.SectionId);
                Assert.InRange(vacancy.Places, 1, Math.Min(2, f.Agrement!.Children));
                Assert.Equal((f.Agrement.MinAgeMonths, f.Agrement.MaxAgeMonths), (vacancy.MinAgeMonths, vacancy.MaxAgeMonths));
            }
        });
    }

    [Fact]
    public async Task Seed_Twice_AddsNothingTheSecondTime()
    {
        using var database = new TestDatabase();
        await using (var db = database.Open())
            await DemoTerritorySeeder.SeedAsync(db, TestData.DataFolder, ["93"], TestData.Now);
        int facilities;
        await using (var db = database.Open())
            facilities = await db.Facilities.CountAsync();

        SeedReport second;
        await using (var db = database.Open())
            second = await DemoTerritorySeeder.SeedAsync(db, TestData.DataFolder, ["93"], TestData.Now.AddDays(3));

        Assert.False(second.AddedAnything);
        Assert.Equal(["93"], second.DepartementsSkipped);
        Assert.Equal(0, second.Facilities);
        await using var check = database.Open();
        Assert.Equal(facilities, await check.Facilities.CountAsync());
        Assert.Equal(39, await check.Communes.CountAsync());
        Assert.Equal(1, await check.Departements.CountAsync());
    }

    [Fact]
    public async Task Seed_IntoTwoFiles_GivesIdenticalIdsNamesAndCapacities()
    {
        using var first = new TestDatabase();
        using var second = new TestDatabase();
        await using (var db = first.Open())
            await DemoTerritorySeeder.SeedAsync(db, TestData.DataFolder, ["92"], TestData.Now);
        await using (var db = second.Open())
            await DemoTerritorySeeder.SeedAsync(db, TestData.DataFolder, ["92"], TestData.Now.AddDays(10));

        var a = await Snapshot(first);
        var b = await Snapshot(second);

        Assert.NotEmpty(a);
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task Seed_92Alone_GivesTheSameFacilitiesAsIntoADatabaseThatHasThe93()
    {
        using var database = new TestDatabase();
        await using (var db = database.Open())
            await DemoTerritorySeeder.SeedAsync(db, TestData.DataFolder, ["92"], TestData.Now);

        var alone = await Snapshot(database);

        Assert.Equal(seeded.Facilities.Where(f => f.CommuneCode.StartsWith("92")).Select(f => (f.Id.Value, f.Name, f.Capacity)).OrderBy(x => x.Value), alone);
    }

    [Fact]
    public async Task Seed_BrokenCsv_NamesFileLineAndColumn_AndWritesNothing()
    {
        using var database = new TestDatabase();
        var data = TestData.CopyDataTo(database.Folder);
        var communes = Path.Combine(data, "communes_93.csv");
        var lines = File.ReadAllLines(communes);
        lines[4] = lines[4].Replace(",62376,", ",6 2376,");   // Le Blanc-Mesnil, line 5
        File.WriteAllLines(communes, lines);

        await using var db = database.Open();
        var e = await Assert.ThrowsAsync<ImportException>(() => DemoTerritorySeeder.SeedAsync(db, data, ["92", "93"], TestData.Now));

        Assert.Equal("communes_93.csv", e.File);
        Assert.Equal(5, e.Line);
        Assert.Equal("4 (population)", e.Column);
        Assert.StartsWith("communes_93.csv, ligne 5, colonne 4 (population) :", e.Message);
        Assert.Equal(0, await db.Departements.CountAsync());
        Assert.Equal(0, await db.Communes.CountAsync());
    }

    [Fact]
    public async Task Seed_BrokenCnafFile_NamesFileLineAndColumn()
    {
        using var database = new TestDatabase();
        var data = TestData.CopyDataTo(database.Folder);
        var cnaf = Path.Combine(data, DataFiles.CnafCoverage);
        var lines = File.ReadAllLines(cnaf);
        lines[9] = "\"" + lines[9];
        File.WriteAllLines(cnaf, lines);

        await using var db = database.Open();
        var e = await Assert.ThrowsAsync<ImportException>(() => DemoTerritorySeeder.SeedAsync(db, data, ["93"], TestData.Now));

        Assert.Equal(DataFiles.CnafCoverage, e.File);
        Assert.Equal(10, e.Line);
        Assert.Equal("1", e.Column);
    }

    [Fact]
    public async Task Seed_UnknownDepartement_IsRefused()
    {
        using var database = new TestDatabase();
        await using var db = database.Open();

        await Assert.ThrowsAsync<ArgumentException>(() => DemoTerritorySeeder.SeedAsync(db, TestData.DataFolder, ["75"], TestData.Now));
    }

    private static async Task<List<(Guid, string, int)>> Snapshot(TestDatabase database)
    {
        await using var db = database.Open();
        var facilities = await db.Facilities.AsNoTracking().Include(f => f.Sections).ToListAsync();
        return [.. facilities.Select(f => (f.Id.Value, f.Name, f.Capacity)).OrderBy(x => x.Value)];
    }
}
