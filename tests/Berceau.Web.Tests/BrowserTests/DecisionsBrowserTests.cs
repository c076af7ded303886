using Berceau.Domain.Access;
using Berceau.Domain.Commission;
using Berceau.Web.Tests.Features.Decisions;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>An agent publishes a validated session and follows the offers; a family refuses its offer. Axe on each page.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Browser")]
public sealed class DecisionsBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task TheAgentPublishes_TheFamilyRefuses_TheSeatIsFreeForTheNext_EveryPageAccessible()
    {
        var scene = await Scene.ValidatedAsync(App);
        await SignInAsStaffAsync(Roles.Agent, commune: Scene.Commune);

        await Page.GotoAsync($"/pro/commissions/{scene.Session}/publication");
        await AssertNoAxeViolationAsync("la page de publication");
        await Page.GetByLabel(ReattributionMode.AgentConfirms.Label()).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publier les décisions" }).ClickAsync();
        await Expect(Page.GetByText("Les décisions sont publiées : 2 propositions de place")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la page des propositions");

        await Context.ClearCookiesAsync();
        await Page.GotoAsync("/compte/connexion");
        await Page.GetByLabel("Adresse e-mail").FillAsync(scene.High.Email);
        await Page.GetByLabel("Mot de passe").FillAsync(scene.High.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));
        await Page.GotoAsync($"/famille/demandes/{scene.High.Id}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Voir la décision de la commission" }).ClickAsync();
        await Expect(Page.GetByText("Votre réponse, au plus tard le 03/12/2026")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la décision de la famille");
        await Page.GetByLabel("Si vous refusez, pourquoi ? (facultatif)").FillAsync("Nous déménageons.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Refuser la place" }).ClickAsync();
        await Expect(Page.GetByText("Vous avez refusé la place.")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Lire et imprimer le courrier de décision" }).ClickAsync();
        await Expect(Page.GetByText("Vous avez refusé cette place le")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le courrier de décision");
    }
}
