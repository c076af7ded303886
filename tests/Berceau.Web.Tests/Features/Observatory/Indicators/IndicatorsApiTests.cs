using System.Net;
using System.Text.Json;
using Berceau.Domain.Observatory.Indicators;
using Berceau.Web.Tests.Features.OpenData;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Observatory.Indicators;

/// <summary>GET /api/v1/indicateurs over the seeded 93: shape, Σ/Σ of the aggregates on the real data, and bad input.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class IndicatorsApiTests(BerceauApp app)
{
    private const string Url = "/api/v1/indicateurs";

    [Fact]
    public async Task Departement_AnswersEveryIndicator_InTheDocumentedShape()
    {
        await app.RefreshIndicatorsAsync();
        var json = await app.Client().GetJsonAsync($"{Url}?territoire=93&annee=2021");

        Assert.Equal(["territoire", "annee", "jourDeReference", "calculeLe", "actualisationEnCours", "indicateurs"], json.EnumerateObject().Select(p => p.Name));
        // Served from its snapshot, just refreshed: when it was computed, and not being refreshed.
        Assert.Equal(JsonValueKind.String, json.GetProperty("calculeLe").ValueKind);
        Assert.False(json.GetProperty("actualisationEnCours").GetBoolean());
        Assert.Equal(("departement", "93", "Seine-Saint-Denis"), (Str(json.GetProperty("territoire"), "type"), Str(json.GetProperty("territoire"), "code"), Str(json.GetProperty("territoire"), "nom")));
        Assert.Equal("2021-12-31", json.GetProperty("jourDeReference").GetString());
        var indicators = json.GetProperty("indicateurs").EnumerateArray().ToList();
        Assert.Equal(IndicatorCatalog.All.Select(d => d.Code), indicators.Select(i => Str(i, "code")));
        Assert.Equal(["code", "theme", "sdsf", "libelle", "etat", "valeur", "unite", "numerateur", "denominateur", "effectif", "estimation", "note",
            "source", "definition", "formule", "ventilations"], indicators[0].EnumerateObject().Select(p => p.Name));
        Assert.All(indicators, i => Assert.Contains(Str(i, "etat"), new[] { "disponible", "non disponible" }));
        var coverage = indicators.Single(i => Str(i, "code") == "taux-couverture");
        Assert.Equal(("disponible", "places pour 100 enfants", true), (Str(coverage, "etat"), Str(coverage, "unite"), coverage.GetProperty("sdsf").GetBoolean()));
        var occupancy = indicators.Single(i => Str(i, "code") == "taux-occupation-eaje");
        Assert.Equal((JsonValueKind.Null, "non disponible"), (occupancy.GetProperty("valeur").ValueKind, Str(occupancy, "etat")));
    }

    [Fact]
    public async Task Departement_Coverage_IsTheSameAsTheCoverageEndpoint_AndSumOverSumOfItsCommunes()
    {
        // The coverage endpoint computes live: the snapshots are refreshed first, as the worker would after other tests' changes.
        await app.RefreshIndicatorsAsync();
        var client = app.Client();
        foreach (var year in new[] { 2021, 2026 })
        {
            var all = await client.GetJsonAsync($"{Url}?territoire=93&annee={year}");
            var couverture = await client.GetJsonAsync($"/api/v1/indicateurs/couverture?departement=93&annee={year}");
            var rate = Indicator(all, "taux-couverture");

            Assert.Equal(couverture.GetProperty("calcule").GetDecimal(), rate.GetProperty("valeur").GetDecimal());
            Assert.Equal(couverture.GetProperty("enfantsMoinsDe3Ans").GetDecimal(), rate.GetProperty("denominateur").GetDecimal());
            Assert.Equal(couverture.GetProperty("places").GetProperty("total").GetDecimal(), rate.GetProperty("numerateur").GetDecimal());
            var communes = Rows(rate, "commune").Where(r => r.GetProperty("denominateur").ValueKind == JsonValueKind.Number).ToList();
            Assert.Equal(rate.GetProperty("numerateur").GetDecimal(), communes.Sum(r => r.GetProperty("numerateur").GetDecimal()));
            Assert.Equal(rate.GetProperty("denominateur").GetDecimal(), communes.Sum(r => r.GetProperty("denominateur").GetDecimal()));
        }
    }

    /// <summary>Whatever other tests put in the database: every ratio of the département is Σ numerators ÷ Σ denominators of its communes.</summary>
    [Fact]
    public async Task Departement_EveryRatio_IsSumOverSumOfItsCommunes()
    {
        await app.RefreshIndicatorsAsync();
        var json = await app.Client().GetJsonAsync($"{Url}?territoire=93");
        var communes = await app.WithDbAsync(db => db.Communes.CountAsync(c => c.DepartementCode == "93"));

        var ratios = json.GetProperty("indicateurs").EnumerateArray()
            .Where(i => Str(i, "etat") == "disponible" && i.GetProperty("denominateur").ValueKind == JsonValueKind.Number && Str(i, "code") != "taux-couverture")
            .ToList();
        Assert.Contains(ratios, i => Str(i, "code") == "taux-placement-commission");
        foreach (var indicator in ratios)
        {
            var rows = Rows(indicator, "commune");
            Assert.Equal(communes, rows.Count);
            var numerator = rows.Sum(r => r.GetProperty("numerateur").GetDecimal());
            var denominator = rows.Sum(r => r.GetProperty("denominateur").GetDecimal());
            Assert.Equal((numerator, denominator), (indicator.GetProperty("numerateur").GetDecimal(), indicator.GetProperty("denominateur").GetDecimal()));
            if (denominator > 0)
            {
                // A rate in %, a pressure per place, or a count (families without solution) whose denominator is the cases opened.
                var expected = Str(indicator, "unite") switch
                {
                    "%" => Math.Round(100m * numerator / denominator, 1, MidpointRounding.AwayFromZero),
                    "premiers vœux par place" => Math.Round(numerator / denominator, 2, MidpointRounding.AwayFromZero),
                    _ => numerator,
                };
                Assert.Equal(expected, indicator.GetProperty("valeur").GetDecimal());
            }
        }
        // A count of the département is the sum of its communes.
        var pending = Indicator(json, "demandes-en-attente");
        Assert.Equal(pending.GetProperty("valeur").GetDecimal(), Rows(pending, "commune").Sum(r => r.GetProperty("valeur").GetDecimal()));
        Assert.Equal(pending.GetProperty("valeur").GetDecimal(), Rows(pending, "age").Sum(r => r.GetProperty("valeur").GetDecimal()));
    }

    [Theory]
    [InlineData("", "territoire", "Indiquez un territoire")]
    [InlineData("?annee=2021", "territoire", "Indiquez un territoire")]
    [InlineData("?territoire=9304", "territoire", "Le territoire est le code INSEE")]
    [InlineData("?territoire=abc", "territoire", "Le territoire est le code INSEE")]
    [InlineData("?territoire=93&annee=deux-mille", "annee", "nombre entier")]
    [InlineData("?territoire=93&annee=1999", "annee", "entre 2000 et 2100")]
    [InlineData("?territoire=93&annee=2027", "annee", "L’année 2027 n’est pas encore passée")]
    public async Task BadInput_Is400ProblemJson_NamingTheParameter_InFrench(string query, string parameter, string message)
    {
        var response = await app.Client().GetAsync(Url + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var errors = problem.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("93999")]
    [InlineData("200000000")]
    [InlineData("94")]
    public async Task UnknownTerritory_Is404ProblemJson(string code)
    {
        var response = await app.Client().GetAsync($"{Url}?territoire={code}&annee=2021");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Territoire introuvable", problem.GetProperty("title").GetString());
        Assert.Contains(code, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheEndpoint_AndItsParameters()
    {
        var json = await app.Client().GetJsonAsync("/openapi/v1.json");

        var get = json.GetProperty("paths").GetProperty(Url).GetProperty("get");
        Assert.Equal("ConsulterIndicateurs", get.GetProperty("operationId").GetString());
        Assert.Equal(["territoire", "annee"], get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Contains("D214-2", get.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(get.GetProperty("responses").TryGetProperty("404", out _));
    }

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).GetString();

    private static JsonElement Indicator(JsonElement json, string code) =>
        json.GetProperty("indicateurs").EnumerateArray().Single(i => Str(i, "code") == code);

    private static List<JsonElement> Rows(JsonElement indicator, string dimension) =>
        indicator.GetProperty("ventilations").EnumerateArray().Single(v => Str(v, "dimension") == dimension).GetProperty("lignes").EnumerateArray().ToList();
}
