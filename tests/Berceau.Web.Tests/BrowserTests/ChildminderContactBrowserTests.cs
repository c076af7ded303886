using Berceau.Web.Tests.Features.Childminders;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// Issue 7's journey: an assistante maternelle declares her places, a family finds her and writes, she accepts and the family
/// reads the details she chose to give. Axe-clean on every page visited.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Browser")]
public sealed class ChildminderContactBrowserTests(BerceauApp app) : BrowserTest(app)
{
    private async Task SignInAsync(string email, string password)
    {
        await Context.ClearCookiesAsync();
        await Page.GotoAsync("/compte/connexion");
        await Page.GetByLabel("Adresse e-mail").FillAsync(email);
        await Page.GetByLabel("Mot de passe").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
    }

    [Fact]
    public async Task Childminder_DeclaresPlaces_FamilyFindsHerAndWrites_SheAccepts()
    {
        var facility = await App.SaveAsync(ChildminderTestData.Childminder(ChildminderTestData.UniqueName("Assistante des Docks")));
        var (amEmail, amPassword) = await Accounts.CreateChildminderAsync(App, facility.Id.Value);
        var (familyEmail, familyPassword) = await Accounts.CreateFamilyAsync(App);

        // The childminder declares two places on Mondays and Sundays (Sunday: the demo childminders of the commune do not open then).
        await SignInAsync(amEmail, amPassword);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Mes places disponibles" })).ToBeVisibleAsync();
        await Page.GetByLabel("Nombre de places disponibles").FillAsync("2");
        await Page.GetByLabel("Lundi").CheckAsync();
        await Page.GetByLabel("Dimanche").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mes places disponibles" }).ClickAsync();
        await Expect(Page.GetByText("Vos places disponibles ont été enregistrées")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les places déclarées par l’assistante maternelle");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Mon profil" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Mon profil" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le profil de l’assistante maternelle");

        // A family finds her and writes.
        await SignInAsync(familyEmail, familyPassword);
        await Page.GotoAsync("/assistants-maternels");
        await AssertNoAxeViolationAsync("la recherche d’assistants maternels");
        await Page.GetByLabel("Commune ou code postal").FillAsync("Saint-Ouen-sur-Seine");
        await Page.GetByLabel("Âge de l’enfant à l’arrivée, en mois").FillAsync("12");
        await Page.GetByLabel("Dimanche").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = facility.Name })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les résultats de la recherche d’assistants maternels");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Écrire à " + facility.Name }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Demander un contact" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la demande de contact refusée");
        await Page.GetByLabel("Âge de l’enfant à l’arrivée, en mois").FillAsync("12");
        await Page.GetByLabel("Lundi").CheckAsync();
        await Page.GetByLabel("Date d’arrivée souhaitée").FillAsync("2027-01-04");
        await Page.GetByLabel("Votre message").FillAsync("Bonjour, nous cherchons un accueil le lundi pour notre fils.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();
        await Expect(Page.GetByText("En attente de réponse")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la demande de contact envoyée");

        // The childminder accepts and gives her e-mail only.
        await SignInAsync(amEmail, amPassword);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Demandes des familles" }).ClickAsync();
        await AssertNoAxeViolationAsync("les demandes reçues par l’assistante maternelle");
        await Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(Page.GetByText("nous cherchons un accueil le lundi")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("une demande reçue par l’assistante maternelle");
        await Page.GetByLabel("Accepter").CheckAsync();
        await Page.GetByLabel("Mon téléphone").UncheckAsync();
        await Page.GetByLabel("Mon adresse e-mail").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma réponse" }).ClickAsync();
        await Expect(Page.GetByText("Vous avez accepté la demande")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la réponse de l’assistante maternelle");

        // The family reads what she gave, and nothing else.
        await SignInAsync(familyEmail, familyPassword);
        await Page.GotoAsync("/famille/contacts");
        await AssertNoAxeViolationAsync("les demandes de contact de la famille");
        await Page.GetByRole(AriaRole.Link, new() { Name = facility.Name }).ClickAsync();
        await Expect(Page.GetByText(facility.Email!)).ToBeVisibleAsync();
        await Expect(Page.GetByText("01 02 03 04 05")).ToHaveCountAsync(0);
        await AssertNoAxeViolationAsync("la réponse lue par la famille");
    }
}
