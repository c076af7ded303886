using Berceau.Data.Grid;
using Berceau.Domain.Access;
using Berceau.Domain.Grid;
using Berceau.Web.Tests.Features.Applications;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>The family and the agent read an application's points, wish by wish, under the commune's grid: axe-clean.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Browser")]
public sealed class GridScoreBrowserTests(BerceauApp app) : BrowserTest(app)
{
    /// <summary>No other test publishes a grid for Villepinte.</summary>
    private const string Villepinte = "93078";

    [Fact]
    public async Task TheFamilyAndTheAgent_ReadThePointsOfEachWish()
    {
        await App.WithDbAsync(async db =>
        {
            if (!db.PointsGrids.Any(g => g.CommuneCode == Villepinte))
                db.PointsGrids.Add(StoredGrid.From(new PointsGrid
                {
                    CommuneCode = Villepinte, Version = 1, ValidFrom = new DateOnly(2026, 1, 1),
                    PerParent = new SituationPoints(30, 25, 20, 30, 0), SingleParent = 20,
                    QuotientBands = [new(700m, 15), new(null, 0)], SocialSupport = 30, SiblingInStructure = 25, PartnerEmployer = 50,
                }, BerceauApp.Now, "test"));
            return await db.SaveChangesAsync();
        });
        var creches = await App.CrechesAsync(Villepinte, 2);
        var (email, password) = await Accounts.CreateFamilyAsync(App);
        using var family = await Accounts.SignInAsync(App, email, password);
        var form = ApplicationTestData.ValidForm(Villepinte, creches[0].Id.ToString(), creches[1].Id.ToString());
        form["Input.PostalCode"] = "93420";
        form["Input.SocialSupport"] = "true";
        form["Input.SiblingFacilities[0]"] = creches[1].Id.ToString();
        var id = ApplicationTestData.IdFrom(await ApplicationTestData.PostAsync(family, ApplicationTestData.NewPath(Villepinte), form));

        await Page.GotoAsync("/compte/connexion");
        await Page.GetByLabel("Adresse e-mail").FillAsync(email);
        await Page.GetByLabel("Mot de passe").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Page.GotoAsync($"/famille/demandes/{id}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Vos points" })).ToBeVisibleAsync();
        // One parent in work 30, single parent 20, PMI 30: 80; the sibling adds 25 at the second crèche.
        await Expect(Page.GetByRole(AriaRole.Row, new() { Name = $"1. {creches[0].Name} 80 points" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Row, new() { Name = $"2. {creches[1].Name} 105 points" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les points d’une demande, pour la famille");

        await Context.ClearCookiesAsync();
        await SignInAsStaffAsync(Roles.Agent, commune: Villepinte);
        await Page.GotoAsync($"/pro/demandes/{id}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Points selon la grille" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Row, new() { Name = $"2. {creches[1].Name} 105 points" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les points d’une demande, pour le guichet");
        Assert.Empty(ScriptErrors);
    }
}
