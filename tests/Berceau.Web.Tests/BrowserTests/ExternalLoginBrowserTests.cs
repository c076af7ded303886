using Berceau.Web.Tests.Features.Account.External;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>A parent's first FranceConnect sign-in in a real browser, through the test provider, every page of ours checked by axe.</summary>
[Collection(ExternalLoginCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ExternalLoginBrowserTests(ExternalLoginApp external) : BrowserTest(external.App)
{
    [Fact]
    public async Task Parent_SignsInWithFranceConnectForTheFirstTime_AndGetsTheirFamilyAccount()
    {
        var person = external.NewPerson();
        await Page.GotoAsync("/compte/connexion");
        await AssertNoAxeViolationAsync("la page de connexion avec FranceConnect et ProConnect");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter avec FranceConnect" }).ClickAsync();
        await Page.GetByLabel("Identifiant").FillAsync(person.Login);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Créer votre compte famille" })).ToBeVisibleAsync();
        await Expect(Page.GetByText(person.Email)).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la création du compte famille par FranceConnect");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Cochez la case pour confirmer que vous avez lu la notice d’information sur vos données personnelles." })).ToBeVisibleAsync();
        await Page.GetByLabel("J’ai lu la notice d’information sur mes données personnelles").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/famille/demandes$"));
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task Agent_WithAnExistingAccount_ConfirmsTheirPasswordOnceToLinkProConnect()
    {
        var (email, password) = await Support.Accounts.CreateStaffWithoutTwoFactorAsync(App, Domain.Access.Roles.Agent, commune: "93048");
        var person = external.NewPerson(mfa: true, email: email);
        await Page.GotoAsync("/compte/connexion");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter avec ProConnect" }).ClickAsync();
        await Page.GetByLabel("Identifiant").FillAsync(person.Login);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Associer ProConnect à votre compte" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la liaison d’un compte à ProConnect");
        await Page.GetByLabel("Mot de passe du compte").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Associer et me connecter" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/pro$"));
        Assert.Empty(ScriptErrors);
    }
}
