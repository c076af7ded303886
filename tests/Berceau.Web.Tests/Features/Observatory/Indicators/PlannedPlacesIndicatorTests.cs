using System.Text.Json;
using Berceau.Domain.Offer;
using Berceau.Domain.Schema;
using Berceau.Web.Tests.Features.Observatory.Dashboard;
using Berceau.Web.Tests.Features.OpenData;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Features.Observatory.Indicators;

/// <summary>
/// « Professionnels nécessaires pour ouvrir les places prévues par le schéma » (issue 10) on a schéma of the 93 built once for
/// the class, for 2026-2027: it starts later than the demo's SDSF 2024-2026, so it is the schéma in force in 2026 (today is
/// 23 November 2026 on the test clock). No other test creates a schéma starting in 2026 (the schéma tests use 2001 onwards,
/// SchemaFormTests 2027); the assertions check first that the note names this one. Figures by hand (1 for 5 / 1 for 8, one
/// place in three for children who do not walk):
/// <list type="bullet">
/// <item>fiche 1.1, published: 12 places of crèche in Montreuil in 2026 → 4 and 8 → ⌈(8 × 4 + 5 × 8) ÷ 40⌉ = ⌈1.8⌉ = 2;
/// 8 MAM places in Montreuil in 2026 (not counted: the EAJE rule does not apply); 60 places in Montreuil in 2027 (another year);
/// 30 places for the whole département in 2026 → 10 and 20 → ⌈(80 + 100) ÷ 40⌉ = ⌈4.5⌉ = 5;</item>
/// <item>fiche 1.2, a draft: 60 places in Montreuil in 2026 (a draft never counts).</item>
/// </list>
/// 2026: Montreuil 2 (12 places counted), EPT Est Ensemble 2, département 2 + 5 = 7 (42 places counted). 2027 is not a past year:
/// the API refuses it; 2023 has the SDPEP 2020-2024 of the demo, which plans no place: « non disponible ».
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class PlannedPlacesIndicatorTests(BerceauApp app)
{
    private const string Code = "personnel-pour-places-prevues";
    private const string Montreuil = "93048";
    private const string EstEnsemble = "200057875";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? title;

    private async Task<string> BuildAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (title is not null) return title;
            var name = $"Schéma des places prévues {Guid.NewGuid():N}"[..36];
            var schema = Sdsf.Create("93", name, 2026, 2027, "Données de test", BerceauApp.Now).Value;
            var axis = schema.AddAxis(1, "Créer des places").Value;
            var communes = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Communes.Where(c => c.DepartementCode == "93").Select(c => c.Code)));
            var scope = PlanningScope.Of(schema, communes);
            var published = ActionSheet.Create(schema.Id, axis.Id, "1.1", [], new ActionSheetContent("Créer des places", null, null, null, null, null, []), BerceauApp.Now).Value;
            Assert.True(published.PlanPlaces(
            [
                new(Montreuil, 2026, 12, CareMode.EajeCollectif, "Crèche de test"), new(Montreuil, 2026, 8, CareMode.Mam, null),
                new(Montreuil, 2027, 60, CareMode.EajeCollectif, null), new(null, 2026, 30, CareMode.EajeCollectif, null),
            ], scope).IsSuccess);
            published.Publish();
            var draft = ActionSheet.Create(schema.Id, axis.Id, "1.2", ["1.1"], new ActionSheetContent("Brouillon", null, null, null, null, null, []), BerceauApp.Now).Value;
            Assert.True(draft.PlanPlaces([new(Montreuil, 2026, 60, CareMode.EajeCollectif, null)], scope).IsSuccess);
            await app.WithDbAsync(async db =>
            {
                db.Schemas.Add(schema);
                db.ActionSheets.AddRange(published, draft);
                return await db.SaveChangesAsync();
            });
            // The observatory serves its snapshots: refreshed as the worker would after this change.
            await app.RefreshIndicatorsAsync();
            return title = name;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<JsonElement> IndicatorAsync(string territory, int year = 2026)
    {
        await BuildAsync();
        var json = await app.Client().GetJsonAsync($"/api/v1/indicateurs?territoire={territory}&annee={year}");
        return json.GetProperty("indicateurs").EnumerateArray().Single(i => i.GetProperty("code").GetString() == Code);
    }

    private static decimal? Num(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Number ? e.GetProperty(name).GetDecimal() : null;

    private static List<JsonElement> Rows(JsonElement indicator, string dimension) =>
        [.. indicator.GetProperty("ventilations").EnumerateArray().Single(v => v.GetProperty("dimension").GetString() == dimension).GetProperty("lignes").EnumerateArray()];

    [Theory]
    [InlineData(Montreuil, 2, 12)]
    [InlineData(EstEnsemble, 2, 12)]
    [InlineData("93", 7, 42)]
    public async Task TheApi_GivesTheStaffForThePlacesOfTheSchemaInForce_PublishedFichesOnly(string territory, int staff, int places)
    {
        var indicator = await IndicatorAsync(territory);
        var name = await BuildAsync();

        Assert.Contains($"« {name} » (2026-2027)", indicator.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(("disponible", (decimal?)staff, (decimal?)places), (indicator.GetProperty("etat").GetString(), Num(indicator, "valeur"), Num(indicator, "effectif")));
        Assert.Equal("professionnels", indicator.GetProperty("unite").GetString());
        Assert.Contains("un tiers des places", indicator.GetProperty("definition").GetString(), StringComparison.Ordinal);
        var montreuil = Rows(indicator, "commune").Single(r => r.GetProperty("cle").GetString() == Montreuil);
        Assert.Equal(2m, Num(montreuil, "valeur"));
        var lines = Rows(indicator, "ligne").Select(r => (r.GetProperty("libelle").GetString()!, Num(r, "valeur"))).ToList();
        Assert.Contains(("Fiche 1.1 : 12 place(s), Crèche collective / multi-accueil, Montreuil (Crèche de test)", 2m), lines);
        Assert.Contains(("Fiche 1.1 : 8 place(s), Maison d’assistants maternels (MAM), Montreuil : non comptée", null), lines);
        Assert.DoesNotContain(lines, l => l.Item1.Contains("60 place(s)", StringComparison.Ordinal));
        Assert.Equal(territory == "93", lines.Contains(("Fiche 1.1 : 30 place(s), Crèche collective / multi-accueil, tout le département", 5m)));
    }

    [Fact]
    public async Task AYearWithoutPlannedPlaces_IsNonDisponible_WithTheReason()
    {
        var indicator = await IndicatorAsync("93", 2023);

        Assert.Equal(("non disponible", JsonValueKind.Null), (indicator.GetProperty("etat").GetString(), indicator.GetProperty("valeur").ValueKind));
        // The demo's SDPEP 2020-2024 is in force in 2023 and plans no place.
        Assert.Contains("ne prévoit pas de places pour ce territoire en 2023", indicator.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDashboard_ShowsIt_WithItsDefinitionAndTable_AndExportsIt()
    {
        await BuildAsync();
        var client = app.Client();
        var query = $"departement=93&commune={Montreuil}&annee=2026";
        var html = await client.GetStringAsync($"/observatoire?{query}");

        var offer = DashboardPage.Table(html, "indicateurs-offre");
        var row = DashboardPage.RowOf(offer, "Professionnels nécessaires pour ouvrir les places prévues par le schéma");
        Assert.Equal(("2", "disponible"), (row[DashboardPage.Column(offer, "Valeur")], row[DashboardPage.Column(offer, "État")]));
        Assert.Contains($"id=\"fiche-{Code}\"", html, StringComparison.Ordinal);
        Assert.Contains("hypothèse d’âge", html, StringComparison.Ordinal);
        var table = DashboardPage.Table(html, "indicateur-" + Code);
        Assert.Contains(table, r => r.Contains("Fiche 1.1 : 12 place(s), Crèche collective / multi-accueil, Montreuil (Crèche de test)") && r.Contains("2"));

        var csv = DashboardPage.Csv(await client.GetByteArrayAsync($"/observatoire/export?tableau=indicateur-{Code}&format=csv&{query}"));
        Assert.Equal(table.Count, csv.Count);
        Assert.Contains(csv, r => r.Contains("Fiche 1.1 : 12 place(s), Crèche collective / multi-accueil, Montreuil (Crèche de test)") && r.Contains("2"));
        var themes = DashboardPage.Csv(await client.GetByteArrayAsync($"/observatoire/export?tableau=indicateurs-offre&format=csv&{query}"));
        Assert.Contains(themes, r => r.Contains("Professionnels nécessaires pour ouvrir les places prévues par le schéma") && r.Contains("2"));
        var xlsx = await client.GetAsync($"/observatoire/export?tableau=indicateur-{Code}&format=xlsx&{query}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }
}
