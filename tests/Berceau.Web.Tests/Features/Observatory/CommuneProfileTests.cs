using System.Net;
using Berceau.Web.Tests.BrowserTests;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.Features.Observatory;

/// <summary>/observatoire/communes/{code}: the commune's coverage by mode and year beside its département's.</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class CommuneProfileTests(BerceauApp app)
{
    [Fact]
    public async Task Montreuil_ShowsEveryYear_WithThePublishedRateBesideTheComputedOne()
    {
        var response = await app.Client().GetAsync("/observatoire/communes/93048");
        var html = await Forms.TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Montreuil</h1>", html);
        foreach (var year in new[] { 2017, 2018, 2019, 2020, 2021, 2022, 2026 })
            Assert.Contains($">{year}", html);
        Assert.Contains("Seine-Saint-Denis", html);
        Assert.Contains(">50,1<", html);   // 2021, computed and published
    }

    [Theory]
    [InlineData("93999")]
    [InlineData("abc")]
    public async Task UnknownCommune_Is404(string code)
    {
        var response = await app.Client().GetAsync($"/observatoire/communes/{code}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

[Collection(AppCollection2.Name)]
[Trait("Category", "Browser")]
public sealed class CommuneProfileBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task CommuneProfile_HasNoAxeViolation_AndItsTableHasACaption()
    {
        await Page.GotoAsync("/observatoire/communes/93048");

        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Données : Taux de couverture par mode d’accueil et par année : Montreuil (places pour 100 enfants de moins de 3 ans)" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le profil de Montreuil");
    }
}
