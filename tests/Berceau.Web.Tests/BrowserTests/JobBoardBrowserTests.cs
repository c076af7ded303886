using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.Staffing;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// Issue 10 end to end: a gestionnaire posts a job that a candidate finds on the public board; a crèche's staffing pages, used with
/// the keyboard. Axe-clean on every page visited. Data in Noisy-le-Grand (93051) and Villepinte (93078).
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Browser")]
public sealed class JobBoardBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task AGestionnairePostsAJob_AndACandidateFindsIt()
    {
        var title = $"Auxiliaire bébés {Guid.NewGuid():N}"[..24];
        var expires = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddMonths(1).ToString("yyyy-MM-dd");

        await SignInAsStaffAsync(Roles.Agent, commune: StaffingTestData.NoisyLeGrand);
        await Page.GotoAsync("/pro/emplois");
        await AssertNoAxeViolationAsync("les offres d’emploi du gestionnaire");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publier une offre" }).ClickAsync();
        await Page.GetByLabel("En ligne jusqu’au (inclus)").FillAsync("");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publier l’offre" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le formulaire d’offre refusé");
        await Page.GetByLabel("Intitulé du poste").FillAsync(title);
        await Page.GetByLabel("Employeur").FillAsync("Ville de Noisy-le-Grand – crèche Les Lucioles");
        await Page.GetByLabel("Métier").SelectOptionAsync(new SelectOptionValue { Label = "Auxiliaire de puériculture" });
        await Page.GetByLabel("CDI").CheckAsync();
        await Page.GetByLabel("Temps partiel").CheckAsync();
        await Page.GetByLabel("En ligne jusqu’au (inclus)").FillAsync(expires);
        await Page.GetByLabel("Description du poste et du profil recherché").FillAsync("Accueillir les bébés et leurs familles, au sein d’une équipe de 8.");
        await Page.GetByLabel("Comment candidater").FillAsync("recrutement@noisy.test");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publier l’offre" }).ClickAsync();
        await Expect(Page.GetByText("L’offre d’emploi est publiée.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("l’offre publiée, côté gestionnaire");

        await Context.ClearCookiesAsync();
        await Page.GotoAsync("/emplois");
        await Page.GetByLabel("Métier").SelectOptionAsync(new SelectOptionValue { Label = "Auxiliaire de puériculture" });
        await Page.GetByLabel("Commune").SelectOptionAsync(new SelectOptionValue { Label = "Noisy-le-Grand" });
        await Page.GetByLabel("Type de contrat").SelectOptionAsync(new SelectOptionValue { Label = "CDI" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await AssertNoAxeViolationAsync("le tableau public des offres filtré");
        var link = Page.GetByRole(AriaRole.Link, new() { Name = title });
        await TabToAsync(link);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Temps partiel")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "recrutement@noisy.test" })).ToHaveAttributeAsync("href", "mailto:recrutement@noisy.test");
        await AssertNoAxeViolationAsync("une offre d’emploi, côté candidat");
        Assert.Empty(OutsideRequests);
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task AnAgent_FillsTheStaffingTable_AndFreezesPlaces_WithTheKeyboard()
    {
        var creche = await App.CrecheAsync(StaffingTestData.Villepinte);
        await SignInAsStaffAsync(Roles.Agent, commune: StaffingTestData.Villepinte);

        await Page.GotoAsync($"/pro/structures/{creche.Id}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Personnel et places gelées" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Personnel et places", Exact = true })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la page du personnel d’une crèche");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Modifier le tableau des effectifs" }).ClickAsync();
        await Page.GetByLabel("1 professionnel pour 6 enfants, quel que soit leur âge").CheckAsync();
        var eje = Page.GetByRole(AriaRole.Group, new() { Name = "Éducateur ou éducatrice de jeunes enfants (EJE)" });
        await eje.GetByLabel("Postes pourvus").FillAsync("deux");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le tableau" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le tableau des effectifs refusé");
        await eje.GetByLabel("Postes pourvus").FillAsync("2");
        await Page.GetByRole(AriaRole.Group, new() { Name = "Auxiliaire de puériculture" }).GetByLabel("Postes pourvus").FillAsync("3");
        await Page.GetByRole(AriaRole.Group, new() { Name = "Auxiliaire de puériculture" }).GetByLabel("Postes vacants").FillAsync("2");
        var save = Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le tableau" });
        await save.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByText("Le tableau des effectifs a été enregistré.")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Geler des places" }).ClickAsync();
        await AssertNoAxeViolationAsync("le formulaire de gel de places");
        await Page.GetByLabel("Section").SelectOptionAsync(new SelectOptionValue { Label = "Grands (de 18 à 36 mois, 20 places agréées)" });
        await Page.GetByLabel("Nombre de places gelées").FillAsync("6");
        await Page.GetByLabel("Motif").FillAsync("Deux postes d’auxiliaire de puériculture vacants");
        var record = Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les places gelées" });
        await TabToAsync(record);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByText("Les places gelées ont été enregistrées")).ToBeVisibleAsync();
        // Places agréées, gelées, ouvertes: the first summary list of the page.
        await Expect(Page.Locator("dd.govuk-summary-list__value").Nth(2)).ToHaveTextAsync("24");
        await AssertNoAxeViolationAsync("la page du personnel avec des places gelées");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Rouvrir les 6 places gelées" }).ClickAsync();
        await AssertNoAxeViolationAsync("la réouverture de places gelées");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rouvrir les places" }).ClickAsync();
        await Expect(Page.GetByText("La réouverture des places a été enregistrée.")).ToBeVisibleAsync();
        Assert.Empty(ScriptErrors);
    }
}
