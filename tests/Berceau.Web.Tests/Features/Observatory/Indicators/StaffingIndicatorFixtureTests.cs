using System.Net;
using System.Text.Json;
using Berceau.Domain.Observatory.Indicators;
using Berceau.Domain.Offer;
using Berceau.Domain.Staffing;
using Berceau.Web.Tests.Features.Observatory.Dashboard;
using Berceau.Web.Tests.Features.OpenData;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Observatory.Indicators;

/// <summary>
/// Issue 10's indicators of the observatory on a hand-built Romainville (93063, EPT Est Ensemble), and the dashboard's indicator
/// tables (issue 8): the same figures as <c>GET /api/v1/indicateurs</c>, with their exports. Built once for the class; today is
/// 23 November 2026 (the test clock). Figures by hand:
/// <list type="bullet">
/// <item>Crèche A, rule 1 for 5 / 1 for 8: « Bébés » (2–18 months, 10 places, not walking) with 5 frozen, « Grands » (18–36 months,
/// 16 places) with 8 frozen. Every place taken needs ⌈(8 × 10 + 5 × 16) ÷ 40⌉ = 4 professionals; the open ones (5 and 8)
/// ⌈(40 + 40) ÷ 40⌉ = 2: 2 more to reopen. Staffing table: EJE 2 filled 1 vacant, auxiliaires 4 and 2, direction 1 and 0.</item>
/// <item>Crèche B, rule 1 for 6, no staffing table: « Multi-âges » (2–36 months, 12 places) with 10 frozen: ⌈12 ÷ 6⌉ = 2 against
/// ⌈2 ÷ 6⌉ = 1 (two children: no minimum of two adults): 1 more.</item>
/// <item>Crèche C, rule 1 for 6: « Moyens » (12–30 months, 20 places), nothing frozen today (a freeze of 6 places starts tomorrow);
/// staffing table: CAP AEPE 3 filled 1 vacant.</item>
/// </list>
/// Romainville today: vacant positions 1 + 2 + 1 = 4 of 3 + 6 + 1 + 4 = 14 (2 structures with a table); frozen places 5 + 8 + 10 = 23
/// (2 structures) of every agreed place of its open collective structures (the demo ones too: read from the database); staff to
/// reopen 2 + 1 = 3. No demo structure has a staffing table or a freeze, and no other test uses Romainville.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class StaffingIndicatorFixtureTests(BerceauApp app)
{
    private const string Romainville = "93063";
    private const string EstEnsemble = "200057875";
    private const string Url = "/api/v1/indicateurs";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool built;

    private async Task BuildAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (built) return;
            var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
            var a = await app.SaveAsync(TestData.Creche(Romainville, UniqueName("Crèche A"), "93230", 48.885, 2.435, ("Bébés", 2, 18, 10), ("Grands", 18, 36, 16)));
            var b = await app.SaveAsync(TestData.Creche(Romainville, UniqueName("Crèche B"), "93230", 48.886, 2.436, ("Multi-âges", 2, 36, 12)));
            var c = await app.SaveAsync(TestData.Creche(Romainville, UniqueName("Crèche C"), "93230", 48.887, 2.437, ("Moyens", 12, 30, 20)));
            await app.WithDbAsync(async db =>
            {
                db.PlaceFreezes.AddRange(
                    Freeze(a, 0, 5, today), Freeze(a, 1, 8, today), Freeze(b, 0, 10, today), Freeze(c, 0, 6, today.AddDays(1)));
                db.FacilityStaffings.AddRange(
                    Staffing(a, EncadrementRule.FiveAndEight, (Profession.Eje, 2, 1), (Profession.AuxiliairePuericulture, 4, 2), (Profession.Direction, 1, 0)),
                    Staffing(b, EncadrementRule.OneForSix),
                    Staffing(c, EncadrementRule.OneForSix, (Profession.CapAepe, 3, 1)));
                return await db.SaveChangesAsync();
            });
            built = true;
        }
        finally
        {
            Gate.Release();
        }

        PlaceFreeze Freeze(Facility f, int section, int places, DateOnly from) =>
            PlaceFreeze.Record(f, f.Sections[section].Id, places, from, null, "Postes d’auxiliaire vacants", [], DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime),
                BerceauApp.Now, "test").Value;
    }

    private static FacilityStaffing Staffing(Facility f, EncadrementRule rule, params (Profession, int, int)[] positions)
    {
        var staffing = new FacilityStaffing { FacilityId = f.Id };
        Assert.True(staffing.Update(rule, positions, BerceauApp.Now, "test").IsSuccess);
        return staffing;
    }

    private static string UniqueName(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    private Task<int> AgreedPlacesAsync() => app.WithDbAsync(db => db.Facilities
        .Where(f => f.CommuneCode == Romainville && (f.ClosedOn == null || f.ClosedOn > new DateOnly(2026, 11, 23))
            && (f.Mode == CareMode.EajeCollectif || f.Mode == CareMode.MicroCreche || f.Mode == CareMode.CrecheFamiliale || f.Mode == CareMode.CrecheParentale || f.Mode == CareMode.CrecheEntreprise))
        .SelectMany(f => f.Sections).SumAsync(s => s.Places));

    private async Task<JsonElement> ApiAsync(string territory, int? year = null)
    {
        await BuildAsync();
        await app.RefreshIndicatorsAsync();
        return await app.Client().GetJsonAsync($"{Url}?territoire={territory}" + (year is null ? "" : $"&annee={year}"));
    }

    private static JsonElement Indicator(JsonElement json, string code) =>
        json.GetProperty("indicateurs").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    private static List<JsonElement> Rows(JsonElement indicator, string dimension) =>
        [.. indicator.GetProperty("ventilations").EnumerateArray().Single(v => v.GetProperty("dimension").GetString() == dimension).GetProperty("lignes").EnumerateArray()];

    private static decimal? Num(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Number ? e.GetProperty(name).GetDecimal() : null;

    [Fact]
    public async Task Romainville_HasItsVacantPositions_FrozenPlaces_AndTheStaffToReopenThem()
    {
        var json = await ApiAsync(Romainville);
        var agreed = await AgreedPlacesAsync();

        var vacant = Indicator(json, "postes-vacants");
        Assert.Equal((4m, 4m, 14m, 2m), (Num(vacant, "valeur"), Num(vacant, "numerateur"), Num(vacant, "denominateur"), Num(vacant, "effectif")));
        Assert.Equal([("EJE", 1m), ("AUXILIAIRE_PUERICULTURE", 2m), ("CAP_AEPE", 1m), ("DIRECTION", 0m)],
            Rows(vacant, "metier").Select(r => (r.GetProperty("cle").GetString(), Num(r, "valeur")!.Value)));
        var frozen = Indicator(json, "places-gelees");
        Assert.Equal((23m, 23m, (decimal)agreed, 2m), (Num(frozen, "valeur"), Num(frozen, "numerateur"), Num(frozen, "denominateur"), Num(frozen, "effectif")));
        Assert.Equal([13m, 10m], Rows(frozen, "structure").Select(r => Num(r, "valeur")!.Value));
        Assert.Equal([26m, 12m], Rows(frozen, "structure").Select(r => Num(r, "denominateur")!.Value));
        var staff = Indicator(json, "personnel-pour-rouvrir");
        Assert.Equal((3m, 2m), (Num(staff, "valeur"), Num(staff, "effectif")));
        Assert.Contains("gelées", staff.GetProperty("definition").GetString(), StringComparison.Ordinal);
        Assert.Contains("schéma", staff.GetProperty("definition").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffingIndicators_OfAPastYear_AreNonDisponible_WithTheReason()
    {
        var json = await ApiAsync(Romainville, 2025);

        foreach (var code in new[] { "postes-vacants", "places-gelees", "personnel-pour-rouvrir" })
        {
            var indicator = Indicator(json, code);
            Assert.Equal(("non disponible", JsonValueKind.Null), (indicator.GetProperty("etat").GetString(), indicator.GetProperty("valeur").ValueKind));
            Assert.Contains("année en cours seulement (2026)", indicator.GetProperty("note").GetString(), StringComparison.Ordinal);
        }
    }

    /// <summary>Whatever else the database holds, the EPT and the département add up their communes (Σ/Σ), Romainville's figures included.</summary>
    [Fact]
    public async Task EptAndDepartement_AreSumsOfTheirCommunes()
    {
        foreach (var territory in new[] { EstEnsemble, "93" })
        {
            var json = await ApiAsync(territory);
            foreach (var code in new[] { "postes-vacants", "places-gelees", "personnel-pour-rouvrir" })
            {
                var indicator = Indicator(json, code);
                var communes = Rows(indicator, "commune");
                Assert.Equal(Num(indicator, "valeur"), communes.Sum(r => Num(r, "valeur")));
                if (code != "personnel-pour-rouvrir")
                {
                    Assert.Equal(Num(indicator, "numerateur"), communes.Sum(r => Num(r, "numerateur")));
                    Assert.Equal(Num(indicator, "denominateur"), communes.Sum(r => Num(r, "denominateur")));
                }
                var romainville = communes.Single(r => r.GetProperty("cle").GetString() == Romainville);
                Assert.Equal(code switch { "postes-vacants" => 4m, "places-gelees" => 23m, _ => 3m }, Num(romainville, "valeur"));
                Assert.True(Num(indicator, "valeur") >= Num(romainville, "valeur"));
            }
        }
    }

    [Fact]
    public async Task Dashboard_ShowsEveryIndicatorOfTheApi_WithItsValue_DefinitionAndData()
    {
        var api = await ApiAsync(Romainville);
        var html = await app.Client().GetStringAsync($"/observatoire?departement=93&commune={Romainville}");

        foreach (var theme in new[] { "demande", "offre", "sdsf" })
        {
            var table = DashboardPage.Table(html, "indicateurs-" + theme);
            var value = DashboardPage.Column(table, "Valeur");
            var state = DashboardPage.Column(table, "État");
            foreach (var d in IndicatorCatalog.All.Where(d => theme == "sdsf" ? d.Sdsf : d.Theme.Code() == theme))
            {
                var row = DashboardPage.RowOf(table, d.Label);
                var indicator = Indicator(api, d.Code);
                Assert.StartsWith(indicator.GetProperty("etat").GetString()!, row[state], StringComparison.Ordinal);
                if (Num(indicator, "valeur") is { } v)
                {
                    // Shown with the indicator's decimals (a rate to the tenth, a pressure to the hundredth, a count whole).
                    var decimals = row[value].Contains(',', StringComparison.Ordinal) ? row[value].Length - row[value].IndexOf(',', StringComparison.Ordinal) - 1 : 0;
                    Assert.Equal(Math.Round(v, decimals, MidpointRounding.AwayFromZero), DashboardPage.Number(row[value]));
                }
                else
                    Assert.Equal("non disponible", row[value]);
                Assert.Contains($"id=\"fiche-{d.Code}\"", html, StringComparison.Ordinal);
            }
        }
        var offer = DashboardPage.Table(html, "indicateurs-offre");
        Assert.Equal(["23", "23", (await AgreedPlacesAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture)],
            [.. new[] { "Valeur", "Numérateur", "Dénominateur" }.Select(h => DashboardPage.AsCsv(DashboardPage.RowOf(offer, "Places gelées faute de personnel")[DashboardPage.Column(offer, h)]))]);
        // The indicator's own table: its structures, then the commune; the definition says which places the staff is for.
        var frozen = DashboardPage.Table(html, "indicateur-places-gelees");
        Assert.Equal(["13", "10", "23"], frozen.Skip(1).Select(r => r[DashboardPage.Column(frozen, "Valeur")]));
        Assert.Contains("L’indicateur porte sur la réouverture des places gelées", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("indicateur-places-gelees")]
    [InlineData("indicateur-postes-vacants")]
    [InlineData("indicateurs-offre")]
    [InlineData("indicateurs-demande")]
    public async Task IndicatorTables_AreExported_AsThePageShowsThem(string id)
    {
        await BuildAsync();
        await app.RefreshIndicatorsAsync();
        var client = app.Client();
        var query = $"departement=93&commune={Romainville}&annee=2026";
        var html = await client.GetStringAsync($"/observatoire?{query}");
        var page = DashboardPage.Table(html, id);
        Assert.Contains($"/observatoire/export?tableau={id}&amp;format=csv&amp;{query.Replace("&", "&amp;", StringComparison.Ordinal)}", html, StringComparison.Ordinal);

        var csv = DashboardPage.Csv(await client.GetByteArrayAsync($"/observatoire/export?tableau={id}&format=csv&{query}"));
        Assert.Equal(page.Count, csv.Count);
        // « non disponible » is a text in the « État » column (kept as is), an empty field elsewhere (a missing number).
        var state = page[0].IndexOf("État");
        for (var r = 0; r < page.Count; r++)
            Assert.Equal(page[r].Select((cell, i) => i == state ? cell : DashboardPage.AsCsv(cell)), csv[r]);
        var xlsx = await client.GetAsync($"/observatoire/export?tableau={id}&format=xlsx&{query}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PastYear_Dashboard_SaysNonDisponible_ForWhatIsNotKept()
    {
        await BuildAsync();
        await app.RefreshIndicatorsAsync();
        var html = await app.Client().GetStringAsync($"/observatoire?departement=93&commune={Romainville}&annee=2021");

        var offer = DashboardPage.Table(html, "indicateurs-offre");
        foreach (var label in new[] { "Postes vacants dans les crèches", "Places gelées faute de personnel", "Taux d’occupation des crèches (EAJE)" })
        {
            var row = DashboardPage.RowOf(offer, label);
            Assert.Equal(("non disponible", "non disponible"), (row[DashboardPage.Column(offer, "Valeur")], row[DashboardPage.Column(offer, "État")]));
        }
    }

    [Fact]
    public async Task PressureMap_ColoursEachCommune_ByTheApisFirstWishesPerPlace_WithItsLegendAndTable()
    {
        var api = await ApiAsync("93");
        var html = await app.Client().GetStringAsync("/observatoire?departement=93&carte=pression");

        Assert.Contains("Légende : Pression sur les crèches (premiers vœux par place)", html, StringComparison.Ordinal);
        Assert.Contains("Carte des communes : pression sur les crèches", html, StringComparison.Ordinal);
        var communes = DashboardPage.Table(html, "communes");
        var column = DashboardPage.Column(communes, "Pression (premiers vœux par place)");
        foreach (var row in Rows(Indicator(api, "pression-premiers-voeux"), "commune"))
        {
            var cell = DashboardPage.RowOf(communes, row.GetProperty("libelle").GetString()!)[column];
            Assert.Equal(Num(row, "valeur") is { } v ? v.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) : "", DashboardPage.AsCsv(cell));
        }
        // A past year has no pressure (wishes are not kept in history): every commune is « non disponible ».
        var past = DashboardPage.Table(await app.Client().GetStringAsync("/observatoire?departement=93&annee=2021&carte=pression"), "communes");
        Assert.All(past.Skip(1), r => Assert.Equal("non disponible", r[column]));
    }
}
