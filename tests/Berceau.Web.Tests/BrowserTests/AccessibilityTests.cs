using System.Net;
using Berceau.Web.Tests.Features.Portal;
using Berceau.Web.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// axe (WCAG 2.0 and 2.1, levels A and AA) finds no violation on the public pages, in the states a parent meets them:
/// empty, with results, with errors. The message lists each violation with its rule, help and the elements concerned.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Browser")]
public sealed class AccessibilityTests(BerceauApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/?Where=Montreuil")]
    [InlineData("/?Where=Saint-Denis&CollectiveModes=EAJE_COLLECTIF&Options=places&BirthDate=15/03/2026")]
    [InlineData("/?Where=Nullepart&BirthDate=31/02/2026")]
    [InlineData("/simulateur")]
    [InlineData("/simulateur?AnnualResources=beaucoup&Children=0&HoursPerWeek=80&WeeksPerYear=")]
    [InlineData("/mentions-legales")]
    [InlineData("/accessibilite")]
    [InlineData("/donnees-personnelles")]
    [InlineData("/compte/connexion")]
    [InlineData("/compte/creer")]
    [InlineData("/compte/confirmer?utilisateur=inconnu&code=abc")]
    [InlineData("/une-page-qui-n-existe-pas")]
    public async Task PublicPage_HasNoAxeViolation(string path)
    {
        await Page.GotoAsync(path);

        await AssertNoAxeViolationAsync(path);
    }

    [Fact]
    public async Task OpenDataPage_WhenItExists_HasNoAxeViolation()
    {
        var response = await Page.GotoAsync("/api");
        // The open-data documentation page belongs to another feature; only an HTML page is checked here.
        if (response is null || response.Status != (int)HttpStatusCode.OK
            || !(await response.HeaderValueAsync("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal))
            return;

        await AssertNoAxeViolationAsync("/api");
    }

    [Fact]
    public async Task SimulatorResult_WithItsParametersOpen_HasNoAxeViolation()
    {
        await Page.GotoAsync($"/simulateur?{StructurePageTests.SimulatorQuery}");
        await Page.GetByText("Paramètres utilisés, leurs dates et leurs sources").ClickAsync();

        await AssertNoAxeViolationAsync("le résultat du simulateur");
    }

    [Fact]
    public async Task StructurePages_HaveNoAxeViolation_WithOrWithoutTheFamilysCost()
    {
        var creche = PortalTestData.Creche(PortalTestData.Bondy, PortalTestData.UniqueName("Crèche axe"), ("Bébés", 2, 17, 12), ("Grands", 18, 36, 20));
        creche.Vacancies.Add(PortalTestData.Vacancy(creche.Sections[0].Id, 2, new DateOnly(2027, 1, 5)));
        var childminder = PortalTestData.Childminder(PortalTestData.Bondy, PortalTestData.UniqueName("Assistante axe"));
        childminder.Vacancies.Add(PortalTestData.Vacancy(null, 1, new DateOnly(2026, 12, 1)));
        await App.SaveAsync(creche);
        await App.SaveAsync(childminder);

        await Page.GotoAsync($"/structures/{creche.Id}");
        await AssertNoAxeViolationAsync("une fiche de crèche");
        await Page.GotoAsync($"/structures/{childminder.Id}");
        await AssertNoAxeViolationAsync("une fiche d’assistante maternelle");

        await Page.GotoAsync($"/simulateur?{StructurePageTests.SimulatorQuery}");
        await Page.GotoAsync($"/structures/{creche.Id}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Coût estimé pour votre famille" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("une fiche de crèche avec le coût pour la famille");
        await Page.GotoAsync($"/structures/{childminder.Id}");
        await AssertNoAxeViolationAsync("une fiche d’assistante maternelle avec le coût pour la famille");
    }

    [Fact]
    public async Task NotFoundPage_OfAnUnknownStructure_HasNoAxeViolation()
    {
        var response = await Page.GotoAsync($"/structures/{Guid.NewGuid()}");

        Assert.Equal((int)HttpStatusCode.NotFound, response?.Status);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Page introuvable" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la page 404");
    }
}
