using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.Difficulty;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// Issue 10 end to end: an advisor reads the alert list, opens an accompaniment case from a structure's alert and logs the funding
/// mobilised. Axe-clean on every page visited. Data: its own crèche in Montreuil (93048).
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Browser")]
public sealed class DifficultyBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task AnAdvisor_OpensAnAccompanimentCase_FromAnAlert()
    {
        var creche = await App.CrecheAsync();
        await App.FreezeAsync(creche, 5);

        await SignInAsStaffAsync(Roles.Advisor, commune: DifficultyTestData.Montreuil);
        await Page.GotoAsync("/pro");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Structures en difficulté" }).ClickAsync();
        await Page.GetByLabel("Commune").SelectOptionAsync(DifficultyTestData.Montreuil);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = creche.Name });
        await Expect(row.GetByText("5 places sur 30 fermées faute de personnel aujourd’hui.", new() { Exact = false })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la liste des structures en difficulté");

        await row.GetByRole(AriaRole.Link, new() { Name = $"Ouvrir un accompagnement : {creche.Name}" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = creche.Name })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la page d’une structure en difficulté");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir un accompagnement" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("l’ouverture refusée (motif manquant)");
        await Page.GetByLabel("Alerte de la liste").CheckAsync();
        await Page.GetByLabel("Pourquoi ouvrir un accompagnement ?").FillAsync("La section des bébés est fermée faute d’auxiliaires.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir un accompagnement" }).ClickAsync();
        await Expect(Page.GetByText("L’accompagnement est ouvert.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Places gelées : 5 places sur 30", new() { Exact = false })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("l’accompagnement ouvert");

        await Page.GetByLabel("Financement mobilisé").CheckAsync();
        await Page.GetByLabel("Financeur").FillAsync("Caf – fonds de rééquilibrage");
        await Page.GetByLabel("Montant mobilisé (€)").FillAsync("8000");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l’action" }).ClickAsync();
        await Expect(Page.GetByText("L’action est enregistrée.")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("l’accompagnement avec un financement");
        Assert.Empty(OutsideRequests);
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task AnAgentPublishesATraining_AndTheMapAndTheDirectoryAreAccessible()
    {
        var school = DifficultyTestData.Name("Lycée des métiers");
        await SignInAsStaffAsync(Roles.Agent, commune: DifficultyTestData.Montreuil);
        await Page.GotoAsync("/pro/formations");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une offre de formation" }).ClickAsync();
        await AssertNoAxeViolationAsync("le formulaire d’offre de formation");
        await Page.GetByLabel("École ou centre de formation").FillAsync(school);
        await Page.GetByLabel("Diplôme préparé").SelectOptionAsync("CapAepe");
        await Page.GetByLabel("Apprentissage").CheckAsync();
        await Page.GetByLabel("Commune").SelectOptionAsync(DifficultyTestData.Montreuil);
        await Page.GetByLabel("Adresse").FillAsync("10 rue Émile Zola");
        await Page.GetByLabel("Latitude").FillAsync("48,861");
        await Page.GetByLabel("Longitude").FillAsync("2,441");
        await Page.GetByLabel("E-mail").FillAsync("cfa@lycee.test");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publier l’offre" }).ClickAsync();
        await Expect(Page.GetByText("L’offre de formation est publiée.")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("l’offre de formation publiée");

        await Context.ClearCookiesAsync();
        await Page.GotoAsync($"/formations?diplome=CapAepe&voie=Apprenticeship&commune={DifficultyTestData.Montreuil}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = school })).ToBeVisibleAsync();
        await Expect(Page.Locator("#carte")).ToHaveAttributeAsync("data-state", "ready");
        await AssertNoAxeViolationAsync("la carte des formations");
        await Page.GotoAsync("/handicap?q=creche");
        await AssertNoAxeViolationAsync("l’annuaire handicap");
        await Page.GotoAsync("/emplois");
        await AssertNoAxeViolationAsync("le tableau des offres avec les événements de recrutement");
        Assert.Empty(OutsideRequests);
        Assert.Empty(ScriptErrors);
    }
}
