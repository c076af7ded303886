using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.Grid;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>An agent publishes the grid with the keyboard-usable form; a parent reads it and computes its points. Axe on each page.</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Browser")]
public sealed class GridBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task AnAgentPublishes_AParentComputesItsPoints_EveryPageAccessible()
    {
        const string aulnay = "93005";
        await SignInAsStaffAsync(Roles.Agent, commune: aulnay);
        await Page.GotoAsync("/pro/grilles");
        await AssertNoAxeViolationAsync("la page de la grille (sans version)");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Publier cette version" }).ClickAsync();
        await Expect(Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la grille avec ses erreurs");
        foreach (var (name, value) in GridPagesTests.GridForm())
            await Page.Locator($"[name='{name}']").FillAsync(value);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publier cette version" }).ClickAsync();
        await Expect(Page.GetByText("Version 1 publiée")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la grille publiée");

        await Page.GotoAsync($"/grille/{aulnay}");
        await AssertNoAxeViolationAsync("la grille publique");
        await Page.GetByRole(AriaRole.Group, new() { Name = "Situation du premier parent" }).GetByLabel("En formation").CheckAsync();
        await Page.GetByRole(AriaRole.Group, new() { Name = "Situation du second parent" }).GetByLabel("Pas de second parent dans le foyer").CheckAsync();
        await Page.GetByLabel("Votre quotient familial CAF, en euros (facultatif)").FillAsync("650");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Calculer mes points" }).ClickAsync();

        await Expect(Page.GetByText("Vos points : 60 points")).ToBeVisibleAsync();  // 25 + 20 (monoparentale) + 15 (QF)
        await AssertNoAxeViolationAsync("le résultat du calcul de points");
    }
}
