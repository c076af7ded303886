using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>A parent creates an account, makes a mistake, confirms the address from the e-mail and signs in: axe-clean at every step.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Browser")]
public sealed class FamilyAccountBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Parent_CreatesAnAccount_ConfirmsTheAddress_AndSignsIn()
    {
        var email = $"parent.{Guid.NewGuid():N}@exemple.fr";
        const string password = "une girafe mange des pommes";

        await Page.GotoAsync("/compte/connexion");
        await Page.GetByRole(AriaRole.Link, new() { Name = "créez votre compte famille" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Créer votre compte famille" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la création de compte famille");

        await FillRegistrationAsync(email, password, acceptsNotice: false);
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la création de compte refusée (notice non cochée)");

        await FillRegistrationAsync(email, password, acceptsNotice: true);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Consultez votre messagerie" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la page « consultez votre messagerie »");

        var mail = await Mail.SingleReceivedAsync(App, email);
        await Page.GotoAsync(Mail.LinkTo(mail, "/compte/confirmer"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Adresse e-mail confirmée" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la confirmation de l’adresse");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Page.GetByLabel("Adresse e-mail").FillAsync(email);
        await Page.GetByLabel("Mot de passe").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Page.WaitForURLAsync(url => url.EndsWith("/famille/demandes", StringComparison.Ordinal));

        await Page.GetByRole(AriaRole.Link, new() { Name = "Mes notifications" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Mes notifications" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les notifications d’une famille");
    }

    [Fact]
    public async Task UnconfirmedParent_IsToldWhy_AndCanAskForANewEmail()
    {
        var email = $"parent.{Guid.NewGuid():N}@exemple.fr";
        const string password = "une girafe mange des poires";
        await Page.GotoAsync("/compte/creer");
        await FillRegistrationAsync(email, password, acceptsNotice: true);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Consultez votre messagerie" })).ToBeVisibleAsync();

        await Page.GotoAsync("/compte/connexion");
        await Page.GetByLabel("Adresse e-mail").FillAsync(email);
        await Page.GetByLabel("Mot de passe").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "pas encore confirmée" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la connexion refusée d’un compte non confirmé");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Recevoir un nouvel e-mail de confirmation" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Recevoir un nouvel e-mail de confirmation" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la demande d’un nouvel e-mail de confirmation");
    }

    /// <summary>Fills the registration form as a parent would (the page keeps the e-mail but never the password after an error).</summary>
    private async Task FillRegistrationAsync(string email, string password, bool acceptsNotice)
    {
        await Page.GetByLabel("Adresse e-mail").FillAsync(email);
        await Page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("Confirmez le mot de passe").FillAsync(password);
        if (acceptsNotice)
            await Page.GetByLabel("J’ai lu la notice d’information sur mes données personnelles").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
    }
}
