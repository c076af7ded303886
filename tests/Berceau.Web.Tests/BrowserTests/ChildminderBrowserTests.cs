using Berceau.Web.Tests.Features.Portal;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>A childminder signs in, lands on their free places, makes a mistake, corrects it: axe-clean at every step.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Browser")]
public sealed class ChildminderBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Childminder_DeclaresFreePlaces_FromTheirAccount()
    {
        var childminder = await App.SaveAsync(PortalTestData.Childminder(PortalTestData.Bondy, PortalTestData.UniqueName("Assistante du parc")));
        var (email, password) = await Accounts.CreateChildminderAsync(App, childminder.Id.Value);

        await Page.GotoAsync("/compte/connexion");
        await Page.GetByLabel("Adresse e-mail").FillAsync(email);
        await Page.GetByLabel("Mot de passe").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Mes places disponibles" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la page des places disponibles d’une assistante maternelle");

        await Page.GetByLabel("Nombre de places disponibles").FillAsync("9");
        await Page.GetByLabel("Nombre de places disponibles").PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la déclaration refusée d’une assistante maternelle");

        await Page.GetByLabel("Nombre de places disponibles").FillAsync("1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mes places disponibles" }).ClickAsync();
        await Expect(Page.GetByText("Vos places disponibles ont été enregistrées")).ToBeVisibleAsync();
        await Expect(Page.GetByText("1 place à partir du")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la déclaration enregistrée d’une assistante maternelle");
    }
}
