using System.Globalization;
using Berceau.Web.Tests.Features.Portal;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// The maps are progressive enhancement: with JavaScript they draw every result (from the open-data API) over the commune
/// boundaries, and nothing is fetched from outside 127.0.0.1; without JavaScript the list alone says it all.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Browser")]
public sealed class MapTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task ResultsMap_DrawsAMarkerPerResult_WithoutLeavingTheLoopback()
    {
        await Page.GotoAsync("/?Where=Montreuil");

        var map = Page.GetByRole(AriaRole.Region, new() { Name = "Carte des résultats" });
        await Expect(map).ToHaveAttributeAsync("data-state", "ready");
        var heading = await Page.Locator("#resultats").InnerTextAsync();
        var total = int.Parse(new string([.. heading.TakeWhile(c => !char.IsLetter(c)).Where(char.IsAsciiDigit)]), CultureInfo.InvariantCulture);
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), await map.GetAttributeAsync("data-markers"));
        Assert.Equal(total, await map.Locator("path.leaflet-interactive").CountAsync());
        // Commune boundaries are drawn too (not interactive), and the text alternative is shown.
        Assert.True(await map.Locator("path:not(.leaflet-interactive)").CountAsync() > 0);
        await Expect(Page.GetByText("La carte reprend les résultats de la liste")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Légende de la carte")).ToBeVisibleAsync();
        await Expect(map.GetByRole(AriaRole.Button, new() { Name = "Zoomer", Exact = true })).ToBeVisibleAsync();

        await map.Locator("path.leaflet-interactive").First.DispatchEventAsync("click");
        var popupLink = map.Locator(".leaflet-popup a[href^='/structures/']");
        await Expect(popupLink).ToBeVisibleAsync();

        Assert.Empty(OutsideRequests);
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task StructureMap_ShowsThePlace()
    {
        var creche = await App.SaveAsync(PortalTestData.Creche(PortalTestData.Bondy, PortalTestData.UniqueName("Crèche carte"), ("Tous", 3, 36, 20)));

        await Page.GotoAsync($"/structures/{creche.Id}");

        var map = Page.Locator("#carte");
        await Expect(map).ToHaveAttributeAsync("data-state", "ready");
        Assert.Equal(1, await map.Locator("path.leaflet-interactive").CountAsync());
        Assert.Empty(OutsideRequests);
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task OutsideRequests_AreCaughtByTheGuard()
    {
        // The guard itself works: a request to another host is recorded and aborted. (A page's own fetch to another host
        // is refused earlier by the Content Security Policy, connect-src 'self': the guard is the second line.)
        await Assert.ThrowsAsync<PlaywrightException>(() => Page.GotoAsync("https://tiles.example.org/1/2/3.png"));

        Assert.Contains("https://tiles.example.org/1/2/3.png", OutsideRequests);
    }
}

/// <summary>Without JavaScript the search still works: the form is a plain GET and the list holds everything the map would show.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Browser")]
public sealed class NoScriptTests(BerceauApp app) : BrowserTest(app)
{
    protected override BrowserNewContextOptions ContextOptions
    {
        get
        {
            var options = base.ContextOptions;
            options.JavaScriptEnabled = false;
            return options;
        }
    }

    [Fact]
    public async Task Search_WithoutJavaScript_ListsTheResultsAndHidesTheMap()
    {
        await Page.GotoAsync("/");
        await Page.GetByLabel("Commune, code postal ou adresse").FillAsync("93100");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();

        await Expect(Page.Locator("#resultats")).ToContainTextAsync("à Montreuil");
        Assert.True(await Page.Locator(".berceau-results > li").CountAsync() > 0);
        await Expect(Page.Locator("#carte")).ToBeHiddenAsync();
        await Expect(Page.Locator("#carte-aide")).ToBeHiddenAsync();
    }
}
