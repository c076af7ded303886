using Berceau.Web.Tests.BrowserTests;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.Features.Observatory.Dashboard;

/// <summary>
/// The dashboard in a browser: every chart drawn beside its table, the choropleth drawn from local files only (no tile
/// server), each commune reachable with Tab and reading its value, the form usable with the keyboard, axe clean.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Browser")]
public sealed class DashboardBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Dashboard_DrawsChartsAndMap_WithoutLeavingTheLoopback_AndHasNoAxeViolation()
    {
        await Page.GotoAsync("/observatoire?departement=93&annee=2021");

        var map = Page.GetByRole(AriaRole.Region, new() { Name = "Carte des communes : taux de couverture" });
        await Expect(map).ToHaveAttributeAsync("data-state", "ready");
        Assert.Equal("39", await map.GetAttributeAsync("data-communes"));
        Assert.Equal(39, await map.Locator("path[tabindex='0']").CountAsync());
        // Each chart has been drawn by Chart.js (it sizes the canvas) and is followed by its data table.
        var canvases = Page.Locator("canvas[data-chart]");
        Assert.Equal(4, await canvases.CountAsync());
        for (var i = 0; i < 4; i++)
            Assert.True(await canvases.Nth(i).EvaluateAsync<bool>("c => window.Chart.getChart(c) !== undefined"));
        await Expect(Page.GetByText("Légende : Taux de couverture")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le tableau de bord de l’observatoire");
        await ScreenshotAsync("observatoire");
        Assert.Empty(OutsideRequests);
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task Map_EachCommuneIsReachedWithTab_AndSaysItsValue()
    {
        await Page.GotoAsync("/observatoire?departement=93&annee=2021&carte=enfants");
        var map = Page.GetByRole(AriaRole.Region, new() { Name = "Carte des communes : enfants de moins de 3 ans" });
        await Expect(map).ToHaveAttributeAsync("data-state", "ready");

        var clichy = map.Locator("path[aria-label^='Clichy-sous-Bois : ']");
        await TabToAsync(clichy, max: 200);

        var tooltip = map.Locator(".leaflet-tooltip", new() { HasText = "Clichy-sous-Bois : " });
        await Expect(tooltip).ToBeVisibleAsync();
        await Expect(tooltip).ToContainTextAsync(" enfants");
        await Expect(Page.GetByText("Légende : Enfants de moins de 3 ans")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la carte des enfants");
    }

    [Fact]
    public async Task Indicators_AndThePressureMap_AreReadWithTheKeyboard_AndHaveNoAxeViolation()
    {
        await Page.GotoAsync("/observatoire?departement=93&carte=pression");

        var map = Page.GetByRole(AriaRole.Region, new() { Name = "Carte des communes : pression sur les crèches" });
        await Expect(map).ToHaveAttributeAsync("data-state", "ready");
        await Expect(Page.GetByText("Légende : Pression sur les crèches (premiers vœux par place)")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Offre d’accueil", Level = 2 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Places gelées faute de personnel", Level = 3 })).ToBeVisibleAsync();

        // The indicator's definition and data open from the keyboard (a details element), with its table and downloads.
        var summary = Page.Locator("#fiche-places-gelees summary");
        await TabToAsync(summary, max: 400);
        await Page.Keyboard.PressAsync("Enter");
        var details = Page.Locator("#fiche-places-gelees");
        await Expect(details).ToHaveAttributeAsync("open", "");
        await Expect(details.GetByText("Places ouvertes = places agréées − places gelées", new() { Exact = false }).First).ToBeVisibleAsync();
        await Expect(details.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await Expect(details.GetByRole(AriaRole.Link, new() { Name = "en CSV", Exact = false })).ToBeVisibleAsync();
        // A figure the service does not receive says so.
        await Expect(Page.Locator("[data-indicator='taux-occupation-eaje']")).ToContainTextAsync("non disponible");
        await AssertNoAxeViolationAsync("les indicateurs et la carte de la pression");
        Assert.Empty(OutsideRequests);
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task Form_ChoosesACommune_WithTheKeyboard()
    {
        await Page.GotoAsync("/observatoire");

        await TabToAsync(Page.GetByLabel("Commune", new() { Exact = true }));
        await Page.GetByLabel("Commune", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Clichy-sous-Bois" });
        await TabToAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }));
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Clichy-sous-Bois", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Télécharger « Clichy-sous-Bois comparé à son territoire et à la France en 2026 (registre) » en CSV" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le tableau de bord d’une commune");
    }

    [Fact]
    public async Task BadParameter_ShowsTheErrorSummary_AndHasNoAxeViolation()
    {
        await Page.GotoAsync("/observatoire?annee=2010");

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Pas de données pour 2010.");
        await AssertNoAxeViolationAsync("le tableau de bord avec une année sans données");
    }

    [Fact]
    public async Task CommuneProfile_ComparesWithEptDepartementAndFrance_AndHasNoAxeViolation()
    {
        await Page.GotoAsync("/observatoire/communes/93014");

        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Données : Clichy-sous-Bois comparé à son territoire et à la France en 2022 (places pour 100 enfants de moins de 3 ans)" })).ToBeVisibleAsync();
        await Expect(Page.Locator("#tableau-comparaison")).ToContainTextAsync("France* (2022)");
        await AssertNoAxeViolationAsync("le profil de Clichy-sous-Bois");
        Assert.Empty(ScriptErrors);
    }
}
