using Berceau.Web.Tests.BrowserTests;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.Features.OpenData;

/// <summary>The browsable API documentation runs entirely from this site: no CDN, no font server, no telemetry.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Browser")]
public sealed class ApiDocsBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task ApiDocs_ShowTheEndpointsWithoutAnyRequestOutsideTheSite()
    {
        // Scalar's bundle is large (about 5 MB of script): give a busy test machine time to parse it.
        Context.SetDefaultTimeout(60_000);
        var visible = new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 };
        await Page.GotoAsync("/api/docs");

        await Expect(Page.GetByText("Lister les communes").First).ToBeVisibleAsync(visible);
        await Expect(Page.GetByText("Rechercher des modes d’accueil").First).ToBeVisibleAsync(visible);
        await Expect(Page.GetByText("Estimer le coût d’un mode d’accueil").First).ToBeVisibleAsync(visible);
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(OutsideRequests);
        Assert.Empty(ScriptErrors);
    }
}
