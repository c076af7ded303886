using System.Globalization;
using System.Net;
using Berceau.Domain.Observatory;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Features.OpenData;
using Berceau.Web.Tests.Support;
using Berceau.Web.Features.Observatory.Dashboard;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Observatory.Dashboard;

/// <summary>
/// /observatoire over the seeded 93: the figures are those of the database (Cnaf rows, the France reference, the
/// registry), never a mean of rates, the same as the coverage API; the exports are the tables; bad parameters are refused
/// in French. Test communes: 93014 (Clichy-sous-Bois, published by the Cnaf) and 93015 (Coubron, not published).
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class DashboardTests(BerceauApp app)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static string Rate(decimal value) => value.ToString("0.0", French);

    [Fact]
    public async Task Departement93_2021_IsSumOfPlacesOverSumOfChildren_AsTheApiSays()
    {
        var (places, children) = await app.WithDbAsync(async db =>
        {
            var rows = await db.CnafCoverages.AsNoTracking().Where(c => c.CommuneCode.StartsWith("93") && c.Year == 2021).ToListAsync();
            Assert.False(await db.CommuneChildrenUnder3.AnyAsync(c => c.Year == 2021 && c.CommuneCode.StartsWith("93")));
            return (rows.Sum(r => r.PlacesTotal), rows.Sum(r => r.ChildrenUnder3!.Value));
        });
        var expected = Coverage.Rate(places, children);
        var api = await app.Client().GetJsonAsync("/api/v1/indicateurs/couverture?departement=93&annee=2021");
        Assert.Equal(expected, api.GetProperty("calcule").GetDecimal());

        var response = await app.Client().GetAsync("/observatoire?departement=93&annee=2021");
        var html = await Forms.TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var comparison = DashboardPage.Table(html, "comparaison");
        var row = DashboardPage.RowOf(comparison, "Seine-Saint-Denis");
        Assert.Equal(Rate(expected), row[DashboardPage.Column(comparison, "Taux de couverture")]);
        Assert.Equal(places, DashboardPage.Number(row[DashboardPage.Column(comparison, "Places")]));
        Assert.Equal(Math.Round(children), DashboardPage.Number(row[DashboardPage.Column(comparison, "Enfants de moins de 3 ans")]));
        var byYear = DashboardPage.Table(html, "couverture-par-annee");
        Assert.Equal(Rate(expected), DashboardPage.RowOf(byYear, "2021")[DashboardPage.Column(byYear, "Global")]);
        Assert.Contains($">{Rate(expected)}</p>", html);   // the summary card
    }

    [Fact]
    public async Task France_IsTheNationalFileSummed_AndShownBesideTheDepartement()
    {
        var france = await app.WithDbAsync(db => db.CnafNationalCoverages.AsNoTracking().SingleAsync(n => n.Year == 2021));
        // Every 2021 row of the national file is counted, kept or left out for want of a denominator.
        var rowsInFile = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "cnaf_taux_couverture_communes_france.csv")).Count(l => l.StartsWith("2021,"));
        Assert.Equal(rowsInFile, france.Communes + france.RowsLeftOut);
        Assert.True(france.Communes > 1000);

        var html = await Forms.TextAsync(await app.Client().GetAsync("/observatoire?departement=93&annee=2021"));

        var comparison = DashboardPage.Table(html, "comparaison");
        var row = DashboardPage.RowOf(comparison, "France* (2021)");
        Assert.Equal(Rate(Coverage.Rate(france.PlacesTotal, france.ChildrenUnder3)), row[DashboardPage.Column(comparison, "Taux de couverture")]);
        Assert.Contains("ce n’est pas le taux national de la Cnaf", html);
    }

    [Fact]
    public async Task Communes_Table_GivesClichyItsPublishedRate_AndCoubronNoData()
    {
        var clichy = await app.WithDbAsync(db => db.CnafCoverages.AsNoTracking().SingleAsync(c => c.CommuneCode == "93014" && c.Year == 2021));

        var html = await Forms.TextAsync(await app.Client().GetAsync("/observatoire?departement=93&annee=2021"));

        var communes = DashboardPage.Table(html, "communes");
        Assert.Equal(39 + 1, communes.Count);
        var row = DashboardPage.RowOf(communes, "Clichy-sous-Bois");
        Assert.Equal(Rate(clichy.GlobalRate!.Value), row[DashboardPage.Column(communes, "Taux de couverture")]);
        Assert.Equal(clichy.PlacesTotal, DashboardPage.Number(row[DashboardPage.Column(communes, "Places")]));
        Assert.Equal(Math.Round(clichy.ChildrenUnder3!.Value), DashboardPage.Number(row[DashboardPage.Column(communes, "Enfants de moins de 3 ans")]));
        var coubron = DashboardPage.RowOf(communes, "Coubron");
        Assert.Equal("non disponible", coubron[DashboardPage.Column(communes, "Taux de couverture")]);
        Assert.StartsWith("pas de données", coubron[DashboardPage.Column(communes, "Enfants de moins de 3 ans : source")]);
        // The map colours every commune from the same figures.
        Assert.Contains("data-values=", html);
        Assert.Contains("Clichy-sous-Bois : " + Rate(clichy.GlobalRate!.Value), WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task Coubron_CurrentYear_CountsARegistryCreche_AsTheApiDoes()
    {
        var before = await app.Client().GetJsonAsync("/api/v1/indicateurs/couverture?commune=93015");
        await app.SaveAsync(TestData.Creche("93015", "Crèche de l’observatoire " + Guid.NewGuid().ToString("N")[..6], "93470", 48.8876, 2.5712, ("Tous", 3, 36, 17)));
        var after = await app.Client().GetJsonAsync("/api/v1/indicateurs/couverture?commune=93015");
        Assert.Equal(before.GetProperty("places").GetProperty("total").GetDecimal() + 17, after.GetProperty("places").GetProperty("total").GetDecimal());

        var html = await Forms.TextAsync(await app.Client().GetAsync("/observatoire?commune=93015"));

        Assert.Contains("<h1 class=\"govuk-heading-l\">Coubron</h1>", html);
        var comparison = DashboardPage.Table(html, "comparaison");
        var row = DashboardPage.RowOf(comparison, "Coubron");
        Assert.Equal(Rate(after.GetProperty("calcule").GetDecimal()), row[DashboardPage.Column(comparison, "Taux de couverture")]);
        Assert.Equal(after.GetProperty("places").GetProperty("total").GetDecimal(), DashboardPage.Number(row[DashboardPage.Column(comparison, "Places")]));
        Assert.Equal("oui", row[DashboardPage.Column(comparison, "Estimation")]);
        // Its EPT and département come next, each as the API computes them.
        var ept = await app.WithDbAsync(db => db.Communes.Where(c => c.Code == "93015").Select(c => c.EptCode).SingleAsync());
        var eptApi = await app.Client().GetJsonAsync($"/api/v1/indicateurs/couverture?ept={ept}");
        var eptRow = DashboardPage.RowOf(comparison, eptApi.GetProperty("territoire").GetProperty("nom").GetString()!);
        Assert.Equal(Rate(eptApi.GetProperty("calcule").GetDecimal()), eptRow[DashboardPage.Column(comparison, "Taux de couverture")]);
    }

    [Fact]
    public async Task Ept_ShowsOnlyItsCommunes_InItsAggregate()
    {
        var ept = await app.WithDbAsync(db => db.Communes.Where(c => c.Code == "93014").Select(c => c.EptCode).SingleAsync());
        var api = await app.Client().GetJsonAsync($"/api/v1/indicateurs/couverture?ept={ept}&annee=2020");

        var html = await Forms.TextAsync(await app.Client().GetAsync($"/observatoire?departement=93&ept={ept}&annee=2020"));

        var byYear = DashboardPage.Table(html, "couverture-par-annee");
        Assert.Equal(Rate(api.GetProperty("calcule").GetDecimal()), DashboardPage.RowOf(byYear, "2020")[DashboardPage.Column(byYear, "Global")]);
        Assert.Contains(">Seine-Saint-Denis<", html);   // the département's column
    }

    [Theory]
    [InlineData(DashboardTables.CoverageByYear)]
    [InlineData(DashboardTables.PlacesByYear)]
    [InlineData(DashboardTables.Comparison)]
    [InlineData(DashboardTables.Communes)]
    public async Task Exports_AreTheTablesOfThePage(string id)
    {
        var client = app.Client();
        var html = await Forms.TextAsync(await client.GetAsync("/observatoire?departement=93&commune=93014&annee=2022"));
        var page = DashboardPage.Table(html, id);
        var link = $"/observatoire/export?tableau={id}&format=csv&departement=93&commune=93014&annee=2022";
        var at = html.IndexOf($"tableau={id}", StringComparison.Ordinal);
        Assert.True(html.Contains(link, StringComparison.Ordinal), at < 0 ? "pas de lien" : html.Substring(Math.Max(0, at - 40), 200));

        var csvResponse = await client.GetAsync($"/observatoire/export?tableau={id}&format=csv&departement=93&commune=93014&annee=2022");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{id}-93014-2022.csv", csvResponse.Content.Headers.ContentDisposition!.FileNameStar ?? csvResponse.Content.Headers.ContentDisposition.FileName);
        var csv = DashboardPage.Csv(await csvResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(page.Select(r => r.Select(DashboardPage.AsCsv).ToList()).ToList(), csv);

        var xlsxResponse = await client.GetAsync($"/observatoire/export?tableau={id}&format=xlsx&departement=93&commune=93014&annee=2022");
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet("Données");
        for (var r = 0; r < csv.Count; r++)
        {
            for (var c = 0; c < csv[r].Count; c++)
            {
                var cell = sheet.Cell(r + 1, c + 1);
                var expected = csv[r][c];
                // Numbers are numbers (with the column's decimals); texts, years of the first column included, are texts.
                if (cell.DataType == XLDataType.Number)
                    Assert.Equal(decimal.Parse(expected.Replace(',', '.'), CultureInfo.InvariantCulture), cell.GetValue<decimal>());
                else
                    Assert.Equal(expected, cell.GetString());
            }
        }
        // The rate columns are numbers, not texts.
        Assert.Contains(Enumerable.Range(1, csv[0].Count), c => sheet.Cell(2, c).DataType == XLDataType.Number);
        Assert.Contains("Cnaf", workbook.Worksheet("Source").Cell(3, 2).GetString());
    }

    [Theory]
    [InlineData("departement=75", "Departement", "Le département « 75 » n’est pas suivi par ce service")]
    [InlineData("annee=deux-mille", "Annee", "L’année doit être un nombre")]
    [InlineData("annee=2010", "Annee", "Pas de données pour 2010. Années disponibles : 2017, 2018, 2019, 2020, 2021, 2022, 2026.")]
    [InlineData("departement=93&commune=92012", "Commune", "La commune 92012 n’est pas dans le département Seine-Saint-Denis")]
    [InlineData("commune=abc", "Commune", "Le code INSEE d’une commune a 5 caractères")]
    [InlineData("ept=12", "Ept", "numéro SIREN à 9 chiffres")]
    [InlineData("ept=200054781", "Ept", "L’établissement public territorial 200054781 n’est pas dans le département")]
    [InlineData("carte=bruit", "Carte", "Choisissez l’indicateur de la carte")]
    public async Task BadParameters_Are400_WithAFrenchMessageOnTheField(string query, string field, string message)
    {
        var response = await app.Client().GetAsync("/observatoire?" + query);
        var html = await Forms.TextAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Forms.ErrorSummary(html), e => e.Contains(message, StringComparison.Ordinal));
        Assert.Contains($"href=\"#{field}\"", html);
        Assert.DoesNotContain("tableau-communes", html);
    }

    [Fact]
    public async Task BadExport_Is400_NamingEachParameter()
    {
        var response = await app.Client().GetAsync("/observatoire/export?tableau=secret&format=pdf&departement=93&annee=1999");
        var html = await Forms.TextAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Le tableau « secret » n’existe pas. Tableaux disponibles : couverture-par-annee, places-par-annee, comparaison, communes, "
            + "indicateurs-demande, indicateurs-offre, indicateurs-sdsf, indicateur-demandes-en-attente, ", html);
        Assert.Contains("Le format « pdf » n’est pas proposé : choisissez csv ou xlsx.", html);
        Assert.Contains("Pas de données pour 1999.", html);
    }

    [Fact]
    public async Task Default_IsTheDepartement93_InTheCurrentYear()
    {
        var response = await app.Client().GetAsync("/observatoire");
        var html = await Forms.TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Seine-Saint-Denis</h1>", html);
        Assert.Contains("Les communes de Seine-Saint-Denis en 2026 (registre)", html);
    }
}
