using System.Globalization;
using System.Net;
using System.Text.Json;
using Berceau.Domain.Observatory;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Features.OpenData;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Observatory;

/// <summary>GET /api/v1/indicateurs/couverture over the seeded 93 (Cnaf 2017–2022 imported at seed, registry for 2026).</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class CoverageApiTests(BerceauApp app)
{
    private const string Url = "/api/v1/indicateurs/couverture";

    [Fact]
    public async Task Montreuil2021_AnswersTheDocumentedShape_WithThePublishedRate()
    {
        var json = await app.Client().GetJsonAsync($"{Url}?commune=93048&annee=2021");

        Assert.Equal(["territoire", "annee", "calcule", "publie", "places", "enfantsMoinsDe3Ans", "estimation"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("commune", json.GetProperty("territoire").GetProperty("type").GetString());
        Assert.Equal("93048", json.GetProperty("territoire").GetProperty("code").GetString());
        Assert.Equal("Montreuil", json.GetProperty("territoire").GetProperty("nom").GetString());
        Assert.Equal(2021, json.GetProperty("annee").GetInt32());
        Assert.Equal(50.1m, json.GetProperty("calcule").GetDecimal());
        Assert.Equal(50.1m, json.GetProperty("publie").GetDecimal());
        var places = json.GetProperty("places");
        Assert.Equal(1223, places.GetProperty("eajePsu").GetDecimal());
        Assert.Equal(166, places.GetProperty("eajeHorsPsu").GetDecimal());
        Assert.Equal(675, places.GetProperty("assistantsMaternels").GetDecimal());
        Assert.Equal(420, places.GetProperty("salariesADomicile").GetDecimal());
        Assert.Equal(67, places.GetProperty("prescolarisation").GetDecimal());
        Assert.Equal(2551, places.GetProperty("total").GetDecimal());
        Assert.Equal(5092, json.GetProperty("enfantsMoinsDe3Ans").GetDecimal());
        // The children come from the Cnaf file (no INSEE estimate imported): an estimate.
        Assert.True(json.GetProperty("estimation").GetBoolean());
    }

    [Fact]
    public async Task EveryCommuneOfThe93_EveryHistoricalYear_ComputedEqualsPublished()
    {
        // Every commune-year with a single Cnaf row (all but the new Saint-Denis, which has no published rate), and the
        // former commune 93059 under its own code; years whose children were replaced by an imported INSEE estimate are
        // left to the import tests.
        var rows = await app.WithDbAsync(async db =>
        {
            var insee = await db.CommuneChildrenUnder3.Select(c => new { c.CommuneCode, c.Year }).ToListAsync();
            var all = await db.CnafCoverages.AsNoTracking().Where(c => c.CommuneCode.StartsWith("93") && c.Year < 2026).ToListAsync();
            return all.GroupBy(c => (c.CommuneCode, c.Year))
                .Where(g => !insee.Any(i => i.CommuneCode == g.Key.CommuneCode && i.Year == g.Key.Year))
                .SelectMany(g => g.Count() == 1 ? g : g.Where(r => r.SourceCommuneCode != r.CommuneCode))
                .ToList();
        });
        Assert.True(rows.Count >= 6 * 35 - 3, rows.Count.ToString(CultureInfo.InvariantCulture));

        var client = app.Client();
        var mismatches = new List<string>();
        foreach (var row in rows)
        {
            var json = await client.GetJsonAsync($"{Url}?commune={row.SourceCommuneCode}&annee={row.Year}");
            var computed = json.GetProperty("calcule").GetDecimal();
            var published = json.GetProperty("publie");
            if (published.ValueKind != JsonValueKind.Number || published.GetDecimal() != row.GlobalRate || computed != row.GlobalRate)
                mismatches.Add($"{row.SourceCommuneCode} {row.Year}: publié Cnaf {row.GlobalRate}, publie {published}, calcule {computed}");
        }
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public async Task SaintDenis2022_AddsUpItsTwoFormerCommunes_AndHasNoPublishedRate()
    {
        var rows = await app.WithDbAsync(db => db.CnafCoverages.AsNoTracking().Where(c => c.CommuneCode == "93066" && c.Year == 2022).ToListAsync());
        Assert.Equal(2, rows.Count);

        var json = await app.Client().GetJsonAsync($"{Url}?commune=93066&annee=2022");

        Assert.Equal(JsonValueKind.Null, json.GetProperty("publie").ValueKind);
        Assert.Equal(rows.Sum(r => r.PlacesTotal), json.GetProperty("places").GetProperty("total").GetDecimal());
        Assert.Equal(rows.Sum(r => r.ChildrenUnder3!.Value), json.GetProperty("enfantsMoinsDe3Ans").GetDecimal());
        Assert.Equal(Coverage.Rate(rows.Sum(r => r.PlacesTotal), rows.Sum(r => r.ChildrenUnder3!.Value)), json.GetProperty("calcule").GetDecimal());
    }

    [Fact]
    public async Task Pierrefitte_UnderItsFormerCode_GivesItsPublishedYears()
    {
        var json = await app.Client().GetJsonAsync($"{Url}?commune=93059&annee=2020");

        Assert.Contains("Saint-Denis", json.GetProperty("territoire").GetProperty("nom").GetString());
        Assert.Equal(json.GetProperty("publie").GetDecimal(), json.GetProperty("calcule").GetDecimal());
        await app.Client().AssertProblemAsync($"{Url}?commune=93059&annee=2026", HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Departement93_2021_IsTheSumOfPlacesOverTheSumOfChildren_NotTheMeanOfRates()
    {
        var rows = await app.WithDbAsync(db => db.CnafCoverages.AsNoTracking().Where(c => c.CommuneCode.StartsWith("93") && c.Year == 2021).ToListAsync());
        var insee = await app.WithDbAsync(db => db.CommuneChildrenUnder3.AsNoTracking().Where(c => c.Year == 2021 && c.CommuneCode.StartsWith("93")).ToListAsync());
        Assert.Empty(insee); // the import tests use other years

        var json = await app.Client().GetJsonAsync($"{Url}?departement=93&annee=2021");

        var places = rows.Sum(r => r.PlacesTotal);
        var children = rows.Sum(r => r.ChildrenUnder3!.Value);
        Assert.Equal("Seine-Saint-Denis", json.GetProperty("territoire").GetProperty("nom").GetString());
        Assert.Equal(places, json.GetProperty("places").GetProperty("total").GetDecimal());
        Assert.Equal(children, json.GetProperty("enfantsMoinsDe3Ans").GetDecimal());
        Assert.Equal(Coverage.Rate(places, children), json.GetProperty("calcule").GetDecimal());
        Assert.NotEqual(Math.Round(rows.Average(r => r.GlobalRate!.Value), 1), json.GetProperty("calcule").GetDecimal());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("publie").ValueKind);
        // Four small communes have no Cnaf figures: left out, so the figure is flagged.
        Assert.True(json.GetProperty("estimation").GetBoolean());
    }

    [Fact]
    public async Task EstEnsemble2021_AddsUpItsCommunes()
    {
        var (places, children) = await app.WithDbAsync(async db =>
        {
            var codes = await db.Communes.Where(c => c.EptCode == "200057875").Select(c => c.Code).ToListAsync();
            var rows = await db.CnafCoverages.AsNoTracking().Where(c => codes.Contains(c.CommuneCode) && c.Year == 2021).ToListAsync();
            return (rows.Sum(r => r.PlacesTotal), rows.Sum(r => r.ChildrenUnder3!.Value));
        });

        var json = await app.Client().GetJsonAsync($"{Url}?ept=200057875&annee=2021");

        Assert.Equal("ept", json.GetProperty("territoire").GetProperty("type").GetString());
        Assert.Equal("Est Ensemble", json.GetProperty("territoire").GetProperty("nom").GetString());
        Assert.Equal(Coverage.Rate(places, children), json.GetProperty("calcule").GetDecimal());
    }

    [Fact]
    public async Task CurrentYear_IsComputedFromTheRegistry_WithoutAPublishedRate()
    {
        // Bobigny's open facilities today, by Cnaf mode; préscolarisation and home care carried from the Cnaf 2022 row.
        var today = DateOnly.FromDateTime(BerceauApp.Now.UtcDateTime);
        var (psu, nonPsu, childminders, cnaf) = await app.WithDbAsync(async db =>
        {
            var open = (await db.Facilities.AsNoTracking().Include(f => f.Sections).Where(f => f.CommuneCode == "93008").ToListAsync())
                .Where(f => f.IsOpenOn(today)).ToList();
            var row = await db.CnafCoverages.AsNoTracking().SingleAsync(c => c.SourceCommuneCode == "93008" && c.Year == 2022);
            return (open.Where(f => f.Mode.IsCollective() && f.IsPsu).Sum(f => f.Capacity),
                open.Where(f => f.Mode.IsCollective() && !f.IsPsu).Sum(f => f.Capacity),
                open.Where(f => f.Mode is CareMode.AssistantMaternel or CareMode.Mam).Sum(f => f.Capacity),
                row);
        });

        var json = await app.Client().GetJsonAsync($"{Url}?commune=93008");

        Assert.Equal(2026, json.GetProperty("annee").GetInt32());
        var places = json.GetProperty("places");
        Assert.Equal(psu, places.GetProperty("eajePsu").GetDecimal());
        Assert.Equal(nonPsu, places.GetProperty("eajeHorsPsu").GetDecimal());
        Assert.Equal(childminders, places.GetProperty("assistantsMaternels").GetDecimal());
        Assert.Equal(cnaf.PlacesPreschool, places.GetProperty("prescolarisation").GetDecimal());
        Assert.Equal(cnaf.PlacesHomeCare, places.GetProperty("salariesADomicile").GetDecimal());
        Assert.Equal(cnaf.ChildrenUnder3, json.GetProperty("enfantsMoinsDe3Ans").GetDecimal());
        Assert.Equal(Coverage.Rate(places.GetProperty("total").GetDecimal(), cnaf.ChildrenUnder3!.Value), json.GetProperty("calcule").GetDecimal());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("publie").ValueKind);
        Assert.True(json.GetProperty("estimation").GetBoolean());
    }

    [Fact]
    public async Task CurrentYear_OfTheDepartement_CountsTheSmallCommunes_WithChildrenFromBirths()
    {
        var json = await app.Client().GetJsonAsync($"{Url}?departement=93&annee=2026");
        var births = await app.WithDbAsync(db => db.CommuneBirths.AsNoTracking().SingleAsync(b => b.CommuneCode == "93015"));
        var coubron = await app.Client().GetJsonAsync($"{Url}?commune=93015&annee=2026");

        Assert.Equal(3 * births.Births, coubron.GetProperty("enfantsMoinsDe3Ans").GetDecimal());
        Assert.True(coubron.GetProperty("estimation").GetBoolean());
        Assert.True(json.GetProperty("calcule").GetDecimal() > 0);
    }

    [Theory]
    [InlineData("", "commune")]
    [InlineData("?annee=2021", "commune")]
    [InlineData("?commune=93048&departement=93", "commune")]
    [InlineData("?commune=93048&ept=200057875", "ept")]
    [InlineData("?commune=9304", "commune")]
    [InlineData("?commune=abcde", "commune")]
    [InlineData("?ept=Est", "ept")]
    [InlineData("?departement=20", "departement")]
    [InlineData("?commune=93048&annee=deux-mille", "annee")]
    [InlineData("?commune=93048&annee=1990", "annee")]
    [InlineData("?commune=93048&annee=2027", "annee")]
    public async Task BadParameters_Return400_NamingTheParameter_InFrench(string query, string parameter)
    {
        var problem = await app.Client().AssertProblemAsync(Url + query, HttpStatusCode.BadRequest, parameter);

        Assert.Equal("Paramètres invalides", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("?commune=93999&annee=2021", "Territoire introuvable")]
    [InlineData("?ept=200000000&annee=2021", "Territoire introuvable")]
    [InlineData("?departement=75&annee=2021", "Territoire introuvable")]
    [InlineData("?commune=93048&annee=2024", "Pas de données pour cette année")]
    [InlineData("?commune=93048&annee=2005", "Pas de données pour cette année")]
    public async Task UnknownTerritoryOrYear_Returns404(string query, string title)
    {
        var problem = await app.Client().AssertProblemAsync(Url + query, HttpStatusCode.NotFound, null);

        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task TheEndpoint_IsInTheOpenApiDocument_WithItsParameters()
    {
        var document = await app.Client().GetJsonAsync("/openapi/v1.json");

        var get = document.GetProperty("paths").GetProperty("/api/v1/indicateurs/couverture").GetProperty("get");
        Assert.Equal("ConsulterTauxDeCouverture", get.GetProperty("operationId").GetString());
        Assert.Equal(["commune", "ept", "departement", "annee"], get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(get.GetProperty("responses").TryGetProperty("404", out _));
    }
}
