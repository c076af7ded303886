using System.Net;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Security;

/// <summary>
/// ASVS 8.1.1: pages and files read by a signed-in person are not kept in a browser's or a proxy's cache; ASVS 14.3.3: no
/// answer names the server software.
/// </summary>
[Collection(SecurityCollection.Name)]
[Trait("Category", "Database")]
public sealed class CachingTests(BerceauApp app)
{
    [Fact]
    public async Task WhatASignedInPersonReads_IsNotStored_WhileStaticFilesKeepTheirCaching()
    {
        var world = await VictimWorld.OfAsync(app);
        var family = world.Filed.Family;

        using var page = await family.GetAsync($"/famille/demandes/{world.Filed.Id}");
        using var proof = await family.GetAsync(world.Urls["famille/demandes/{id:guid}/pieces/{documentId:guid}"]);
        using var api = await family.GetAsync($"/api/v1/demandes/{world.Filed.Id}");
        using var theme = await family.GetAsync("/css/theme.css");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore, "page");
        Assert.True(proof.Headers.CacheControl?.NoStore, "pièce");
        Assert.True(api.Headers.CacheControl?.NoStore, "API");
        Assert.False(theme.Headers.CacheControl?.NoStore ?? false, "feuille de style");
    }

    [Fact]
    public async Task NoAnswerNamesTheServerSoftware()
    {
        using var response = await app.Client().GetAsync("/");

        Assert.False(response.Headers.Contains("Server"), string.Join(",", response.Headers.Server));
    }
}
